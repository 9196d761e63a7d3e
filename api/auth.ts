/**
 * Tokens and the caller's identity. Every /api call carries a bearer token (HS256, verified with jose):
 * - an identity token: a person (NISS) signed in with a digital key — issued for now by the development
 *   identity provider;
 * - an acting token: the same person acting for an enterprise as PO or as its own company, minted when
 *   the Break@Work sign-in journey ends;
 * - a back-office token: an ONEM agent.
 */
import type { NextFunction, Request, Response } from 'express';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { z } from 'zod';
import { HttpError, TOKEN_REFUSALS } from './errors';

const ISSUER = 'breakatwork-po-journeys';
const AUDIENCE = 'breakatwork-api';

const actingClaim = z.object({
  enterprise: z.string().regex(/^\d{10}$/),
  enterpriseName: z.string(),
  mode: z.enum(['PO', 'OWN_COMPANY']),
});
export type ActingContext = z.infer<typeof actingClaim>;

const claims = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), sub: z.string().regex(/^\d{11}$/), name: z.string(), acting: actingClaim.optional() }),
  z.object({ kind: z.literal('backoffice'), sub: z.string().min(1), name: z.string() }),
]);
export type Caller = z.infer<typeof claims>;
export type PersonCaller = Extract<Caller, { kind: 'person' }>;

export interface TokenService {
  sign(caller: Caller): Promise<{ token: string; expiresAt: string }>;
  verify(token: string): Promise<Caller>;
}

export function createTokenService(secret: string, ttlMinutes: number): TokenService {
  const key = new TextEncoder().encode(secret);
  return {
    async sign(caller) {
      const { sub, ...rest } = caller;
      const expiresAt = new Date(Date.now() + ttlMinutes * 60_000);
      const token = await new SignJWT(rest)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(sub)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(expiresAt)
        .sign(key);
      return { token, expiresAt: expiresAt.toISOString() };
    },
    async verify(token) {
      const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
      return claims.parse(payload);
    },
  };
}

declare module 'express-serve-static-core' {
  interface Request {
    caller?: Caller;
  }
}

/** Verifies the bearer token of every call it guards; 401 names what is wrong with it. */
export function authenticate(tokens: TokenService) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const header = req.header('authorization');
    const match = header?.match(/^Bearer\s+(\S+)$/i);
    if (!match?.[1]) return next(new HttpError('UNAUTHENTICATED', undefined, { values: { reason: TOKEN_REFUSALS.missing } }));
    try {
      req.caller = await tokens.verify(match[1]);
      next();
    } catch (err) {
      const reason = err instanceof joseErrors.JWTExpired ? TOKEN_REFUSALS.expired : TOKEN_REFUSALS.invalid;
      next(new HttpError('UNAUTHENTICATED', undefined, { values: { reason } }));
    }
  };
}

export function person(req: Request): PersonCaller {
  const caller = req.caller;
  if (caller?.kind !== 'person') throw new HttpError('FORBIDDEN', undefined, { values: { audience: 'person' } });
  return caller;
}

export function acting(req: Request): PersonCaller & { acting: ActingContext } {
  const caller = person(req);
  if (!caller.acting) {
    throw new HttpError('ACTING_CONTEXT_REQUIRED');
  }
  return caller as PersonCaller & { acting: ActingContext };
}

export function backoffice(req: Request): Extract<Caller, { kind: 'backoffice' }> {
  const caller = req.caller;
  if (caller?.kind !== 'backoffice') throw new HttpError('FORBIDDEN', undefined, { values: { audience: 'backoffice' } });
  return caller;
}
