/**
 * Live permissions: an acting token says what its holder was permitted when they signed in, not what
 * they are permitted now. Every call that acts in an acting context asks the store again whether the
 * person is still an ACTIVE member of that enterprise's group holding the permission the mode needs
 * (PO → PO_EDUCATION, own company → EMPLOYER): a permission revoked in access management, or a member
 * set inactive, refuses the very next call with 403 PERMISSION_REVOKED, whatever the token's lifetime.
 *
 * One indexed lookup per call (store/access.ts `holdsActivePermission`: two primary-key probes).
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { permissionOfMode } from '../domain';
import { holdsActivePermission } from '../store/access';
import type { Db } from '../store/db';
import type { ActingContext } from './auth';
import { HttpError } from './errors';

export const permissionRevoked = () => new HttpError('PERMISSION_REVOKED');

/** Throws PERMISSION_REVOKED unless the person may still act in this context. */
export async function requireLivePermission(db: Db, niss: string, acting: Pick<ActingContext, 'enterprise' | 'mode'>): Promise<void> {
  if (!(await holdsActivePermission(db, niss, acting.enterprise, permissionOfMode(acting.mode)))) throw permissionRevoked();
}

/**
 * The guard of the acting routes: `guard` (the token's verification) first, then the live check of the
 * token's acting context. A call without one goes on: the route itself refuses it (ACTING_CONTEXT_REQUIRED).
 */
export function withLivePermission(guard: RequestHandler, db: Db): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    void guard(req, res, (err?: unknown) => {
      if (err) return next(err);
      const caller = req.caller;
      if (caller?.kind !== 'person' || !caller.acting) return next();
      requireLivePermission(db, caller.sub, caller.acting).then(() => next(), next);
    });
  };
}
