/**
 * Tokens and the caller's identity. Every /api call carries a bearer token:
 * - an access token of the configured OpenID provider (OIDC_ISSUER), verified against the provider's
 *   published keys: a person (the NISS claim) or, with the back-office role, an ONEM agent;
 * - an acting token: a person acting for an enterprise as PO or as its own company, minted by this
 *   service (HS256, TOKEN_SECRET) when the Break@Work sign-in journey ends;
 * - while the development identity provider is on, its identity and back-office tokens (HS256 too).
 * Every token must carry `exp`; algorithms are pinned per issuer, so no token chooses how it is checked.
 */
import type { NextFunction, Request, Response } from 'express';
import { SignJWT, createRemoteJWKSet, decodeJwt, jwtVerify, errors as joseErrors, type JWTPayload } from 'jose';
import { z } from 'zod';
import type { Config } from '../config';
import { nissSchema } from '../domain';
import type { Db } from '../store/db';
import { getOrCreateSecret } from '../store/service-secrets';
import { HttpError, TOKEN_REFUSALS } from './errors';

const ISSUER = 'breakatwork-po-journeys';
const AUDIENCE = 'breakatwork-api';
/** The name of the generated secret in the store when TOKEN_SECRET is unset. */
const TOKEN_SECRET_NAME = 'token-secret';
/** How long a failed discovery of the provider's keys is answered from memory before it is tried again. */
const DISCOVERY_RETRY_MS = 10_000;

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

export type OidcSettings = NonNullable<Config['oidc']>;

/** A token that is well signed but says nothing this service can act on (no NISS, a local identity token while those are off). */
class TokenRefused extends Error {}

/** The provider could not be asked for its keys: not the caller's fault (503), nothing is accepted meanwhile. */
class ProviderUnreachable extends Error {}

export interface TokenServiceOptions {
  /** The HMAC key of the tokens this service signs, read once when first needed. */
  secret: () => Promise<Uint8Array>;
  ttlMinutes: number;
  oidc?: OidcSettings;
  /** Identity and back-office tokens signed here (the development identity provider) are accepted; otherwise only acting tokens. */
  localIdentities: boolean;
}

/** TOKEN_SECRET, else the random secret kept in the store (the same for every replica and after a restart). */
export function tokenSecret(config: Config, db: Db): () => Promise<Uint8Array> {
  const configured = config.tokens.secret;
  if (configured !== undefined) {
    const key = new TextEncoder().encode(configured);
    return () => Promise.resolve(key);
  }
  let kept: Promise<Uint8Array> | undefined;
  return () =>
    (kept ??= getOrCreateSecret(db, TOKEN_SECRET_NAME).then(
      (bytes) => new Uint8Array(bytes),
      (err: unknown) => {
        kept = undefined; // the store did not answer: the next call asks again
        throw err;
      },
    ));
}

/** The token service of this configuration: tokens signed here, and the OpenID provider's when one is set. */
export function tokenServiceFor(config: Config, db: Db): TokenService {
  return createTokenService({ secret: tokenSecret(config, db), ttlMinutes: config.tokens.ttlMinutes, oidc: config.oidc, localIdentities: config.devIdentity });
}

export function createTokenService(options: TokenServiceOptions): TokenService {
  const provider = options.oidc ? createOidcVerifier(options.oidc) : undefined;
  const verified = new VerifiedTokens();
  const verifyLocal = async (token: string): Promise<Caller> => {
    const { payload } = await jwtVerify(token, await options.secret(), { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'], requiredClaims: ['exp'] });
    const caller = claims.parse(payload);
    if (!options.localIdentities && !(caller.kind === 'person' && caller.acting)) throw new TokenRefused('identity tokens of the development identity provider are off');
    return caller;
  };
  return {
    async sign(caller) {
      const { sub, ...rest } = caller;
      const expiresAt = new Date(Date.now() + options.ttlMinutes * 60_000);
      const token = await new SignJWT(rest)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(sub)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(expiresAt)
        .sign(await options.secret());
      return { token, expiresAt: expiresAt.toISOString() };
    },
    async verify(token) {
      const known = verified.get(token);
      if (known) return known;
      // The unverified `iss` only picks the verifier; each one then checks the issuer, audience and algorithm itself.
      const issuer = decodeJwt(token).iss;
      const caller = await (provider && issuer !== ISSUER ? provider(token) : verifyLocal(token));
      verified.set(token, caller);
      return caller;
    },
  };
}

/** How long a verified token is answered from memory at most (never past its `exp`). */
const VERIFIED_TTL_MS = 60_000;
/** How many verified tokens are kept at most; the oldest go first. */
const VERIFIED_MAX = 10_000;

/**
 * Tokens already verified, by their text: a page sends the same token with every call, and verifying
 * it again (decoding, HMAC or signature, claims, schema) would give the same caller until it expires.
 * An entry lasts until the token's `exp` and at most a minute, so a provider's withdrawn signing key
 * stops counting within a minute; only successes are kept, so a refusal is always decided afresh.
 */
class VerifiedTokens {
  private readonly entries = new Map<string, { caller: Caller; until: number }>();

  get(token: string): Caller | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.until > Date.now()) return entry.caller;
    this.entries.delete(token);
    return undefined;
  }

  set(token: string, caller: Caller): void {
    const exp = decodeJwt(token).exp;
    if (typeof exp !== 'number') return;
    const until = Math.min(exp * 1000, Date.now() + VERIFIED_TTL_MS);
    // Full: the oldest entry goes (a Map iterates in insertion order).
    if (this.entries.size >= VERIFIED_MAX) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { caller: frozen(caller), until });
  }
}

/** A caller answered to several requests: nobody may change it for the others. */
function frozen(caller: Caller): Caller {
  if (caller.kind === 'person' && caller.acting) Object.freeze(caller.acting);
  return Object.freeze(caller);
}

/**
 * Verifies the provider's access tokens: keys from its JWKS (the discovery document's `jwks_uri`, or
 * OIDC_JWKS_URL), fetched when first needed and again when a token names a key not seen yet (jose's
 * remote key set, with its cool-down), pinned asymmetric algorithms, issuer, audience, `exp` required.
 */
export function createOidcVerifier(settings: OidcSettings, now: () => number = Date.now): (token: string) => Promise<Caller> {
  let keys: Promise<ReturnType<typeof createRemoteJWKSet>> | undefined;
  // A discovery that failed is not tried again for a while: every call meanwhile gets the same 503 at
  // once, instead of each one waiting on an unreachable provider (and piling requests onto it).
  let failed: { at: number; error: Error } | undefined;
  const keySet = () => {
    if (failed && now() - failed.at < DISCOVERY_RETRY_MS) return Promise.reject(failed.error);
    return (keys ??= (settings.jwksUrl ? Promise.resolve(settings.jwksUrl) : discoverJwksUri(settings.issuer)).then(
      (uri) => {
        failed = undefined;
        return createRemoteJWKSet(new URL(uri), { timeoutDuration: 5_000, cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
      },
      (err: unknown) => {
        keys = undefined;
        failed = { at: now(), error: err instanceof Error ? err : new ProviderUnreachable(String(err)) };
        throw err;
      },
    ));
  };
  return async (token) => {
    const jwks = await keySet();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms: [...settings.algorithms],
        requiredClaims: ['exp', 'sub'],
        clockTolerance: settings.clockToleranceSeconds,
      }));
    } catch (err) {
      // The key set could not be had (a network error, a timeout, not a 200, not a key set): the provider's
      // fault or the network's, never the caller's.
      const keySetFailed =
        err instanceof joseErrors.JWKSTimeout ||
        err instanceof joseErrors.JWKSInvalid ||
        (err instanceof joseErrors.JOSEError && err.code === 'ERR_JOSE_GENERIC') ||
        (err instanceof Error && !(err instanceof joseErrors.JOSEError) && !(err instanceof TypeError));
      if (keySetFailed) {
        throw new ProviderUnreachable(err.message);
      }
      throw err;
    }
    return callerFromProvider(payload, settings);
  };
}

async function discoverJwksUri(issuer: string): Promise<string> {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  let document: { issuer?: unknown; jwks_uri?: unknown };
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000), headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    document = (await response.json()) as typeof document;
  } catch (err) {
    throw new ProviderUnreachable(`the OpenID provider's discovery document at ${url} could not be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  // OpenID Connect Discovery 1.0 §4.3: the document must name exactly the issuer it was fetched for.
  if (document.issuer !== issuer) throw new ProviderUnreachable(`the discovery document at ${url} names the issuer ${JSON.stringify(document.issuer)}, not ${issuer} (OIDC_ISSUER)`);
  if (typeof document.jwks_uri !== 'string') throw new ProviderUnreachable(`the discovery document at ${url} has no jwks_uri`);
  return document.jwks_uri;
}

/** A claim by name, or by a dotted path for a nested one (realm_access.roles). */
function claim(payload: JWTPayload, path: string): unknown {
  if (path in payload) return payload[path];
  return path.split('.').reduce<unknown>((value, part) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined), payload);
}

/** Who the provider's token names: an agent when it holds a back-office role, else a person by the NISS claim. */
export function callerFromProvider(payload: JWTPayload, settings: Pick<OidcSettings, 'nissClaim' | 'roleClaim' | 'backofficeRoles'>): Caller {
  const roles = claim(payload, settings.roleClaim);
  const held = Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : typeof roles === 'string' ? roles.split(' ') : [];
  const given = [payload.given_name, payload.family_name].filter((n): n is string => typeof n === 'string').join(' ');
  const name = typeof payload.name === 'string' && payload.name ? payload.name : given;
  const sub = payload.sub!;
  if (held.some((role) => settings.backofficeRoles.includes(role))) return { kind: 'backoffice', sub, name: name || sub };
  const niss = nissSchema.safeParse(claim(payload, settings.nissClaim));
  if (!niss.success) throw new TokenRefused(`the token carries no valid national number in ${settings.nissClaim}`);
  // Only what the provider vouches for: never an acting context (those are minted here).
  return { kind: 'person', sub: niss.data, name };
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
      if (err instanceof ProviderUnreachable) {
        req.log?.warn({ err: { message: err.message } }, 'the OpenID provider could not be reached');
        return next(new HttpError('SERVICE_UNAVAILABLE'));
      }
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
