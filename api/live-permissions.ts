/**
 * Live permissions: an acting token says what its holder was permitted when they signed in, not what
 * they are permitted now. Every call that acts in an acting context asks the store again whether the
 * person is still an ACTIVE member of that enterprise's group holding the permission the mode needs
 * (PO → PO_EDUCATION, own company → EMPLOYER): a permission revoked in access management, or a member
 * set inactive, refuses the very next call with 403 PERMISSION_REVOKED, whatever the token's lifetime.
 *
 * One indexed lookup per call (two primary-key probes), asked in the same statement as the call's rate
 * limit (api/rate-limit.ts, store/rate-limits.ts `countCallAndProbePermission`): the answer, read when
 * the call arrived, is the request's `livePermission`, and the checks of that request for the caller's
 * own acting context use it. Without it (the store could not count the call, or a context other than
 * the caller's), the check asks the store itself (store/access.ts `holdsActivePermission`).
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { permissionOfMode } from '../domain';
import { holdsActivePermission } from '../store/access';
import type { Db } from '../store/db';
import type { ActingContext } from './auth';
import { HttpError } from './errors';

export const permissionRevoked = () => new HttpError('PERMISSION_REVOKED');

/** What the store answered for one person and acting context during this request. */
export interface KnownPermission {
  niss: string;
  enterprise: string;
  mode: ActingContext['mode'];
  held: boolean;
}

declare module 'express-serve-static-core' {
  interface Request {
    /** The caller's own acting context, as the store answered when the call arrived (api/rate-limit.ts). */
    livePermission?: KnownPermission;
  }
}

/**
 * Throws PERMISSION_REVOKED unless the person may still act in this context: `known` when it is the
 * answer for this very person and context, else asked of the store.
 */
export async function requireLivePermission(db: Db, niss: string, acting: Pick<ActingContext, 'enterprise' | 'mode'>, known?: KnownPermission): Promise<void> {
  const held =
    known && known.niss === niss && known.enterprise === acting.enterprise && known.mode === acting.mode
      ? known.held
      : await holdsActivePermission(db, niss, acting.enterprise, permissionOfMode(acting.mode));
  if (!held) throw permissionRevoked();
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
      requireLivePermission(db, caller.sub, caller.acting, req.livePermission).then(() => next(), next);
    });
  };
}
