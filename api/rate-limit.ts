/**
 * Rate limits on every call, counted in the service's database so that all API replicas share each
 * budget (store/rate-limits.ts: one upsert per call). Three budgets per minute, each a sliding window
 * (the current minute's calls plus the previous minute's, weighted by how much of it still lies within
 * the last 60 s):
 * - `changes`: calls that change something (POST and any method but GET/HEAD/OPTIONS);
 * - `reads`: GET, HEAD and OPTIONS;
 * - `auth-failures`: calls refused with 401, per client address. An address past this budget is refused
 *   (429) *before* its token is verified, so a brute force of tokens costs no verification. The verdict
 *   is remembered by the replica that learnt it; another replica learns it at its first failure there.
 * A call is counted against the token's subject once the token is verified, else against the client
 * address (`req.ip`: X-Forwarded-For counts only behind a trusted proxy, TRUST_PROXY). Calls past the
 * limit count too: a caller that keeps calling stays limited. Every counted answer carries the IETF
 * draft's fields (draft-ietf-httpapi-ratelimit-headers): `RateLimit-Policy: "reads";q=1200;w=60` and
 * `RateLimit: "reads";r=1187;t=42` (remaining calls, seconds until the window ends); a 429 also
 * `Retry-After`. Callers are stored as keyed hashes (HMAC with a service secret): no NISS, no address.
 * When the store cannot count (it is down), the call goes through: the limits protect the service,
 * they should not add an outage of their own.
 * A caller who acts in a context (an acting token) is counted by the same statement that asks whether
 * they still hold that context's permission (api/live-permissions.ts): one round trip for both.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createHmac } from 'node:crypto';
import { permissionOfMode } from '../domain';
import type { Db } from '../store/db';
import { countCall, countCallAndProbePermission, sweepRateLimits } from '../store/rate-limits';
import { getOrCreateSecret } from '../store/service-secrets';
import { HttpError } from './errors';
import type { KnownPermission } from './live-permissions';

export type Budget = 'changes' | 'reads' | 'auth-failures';

export interface RateLimits {
  /** Calls that change something, per caller and minute. */
  changesPerMinute: number;
  /** Reads, per caller and minute. */
  readsPerMinute: number;
  /** Calls refused with 401, per client address and minute. */
  authFailuresPerMinute: number;
}

export interface Verdict {
  allowed: boolean;
  limit: number;
  /** Calls left before the limit, as the window stands now. */
  remaining: number;
  /** Seconds until the current window ends. */
  reset: number;
  /** Seconds before a call would be allowed again (0 when allowed). */
  retryAfter: number;
}

/**
 * The sliding-window verdict on a call already counted: `count` calls in the current window (this one
 * included), `previous` in the one before, `elapsed` ms into the current window.
 */
export function verdict(limit: number, count: number, previous: number, elapsed: number, windowMs: number): Verdict {
  const into = Math.min(Math.max(elapsed, 0), windowMs);
  const used = previous * (1 - into / windowMs) + count;
  const reset = Math.max(1, Math.ceil((windowMs - into) / 1000));
  if (used <= limit) return { allowed: true, limit, remaining: Math.max(0, Math.floor(limit - used)), reset, retryAfter: 0 };
  // When would one more call fit? Within this window, once the previous window's weight has shrunk
  // enough; else in the next one, once this window's calls weigh little enough.
  let waitMs: number;
  if (count + 1 <= limit && previous > 0) waitMs = windowMs * (1 - (limit - count - 1) / previous) - into;
  else waitMs = windowMs - into + windowMs * Math.max(0, 1 - (limit - 1) / count);
  return { allowed: false, limit, remaining: 0, reset, retryAfter: Math.max(1, Math.ceil(waitMs / 1000)) };
}

const SECRET_NAME = 'rate-limit-callers';

export class RateLimiter {
  private secret: Promise<Buffer> | undefined;
  /** Callers' keyed hashes, by caller (bounded): the same caller calls again and again. */
  private readonly callerKeys = new Map<string, string>();
  private sweptWindow = 0;
  /** Addresses past their failed-authentication budget, until when (epoch ms): refused before verification. */
  private readonly blocked = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly limits: RateLimits,
    private readonly now: () => number = Date.now,
    readonly windowMs = 60_000,
  ) {}

  limitOf(budget: Budget): number {
    return budget === 'changes' ? this.limits.changesPerMinute : budget === 'reads' ? this.limits.readsPerMinute : this.limits.authFailuresPerMinute;
  }

  /**
   * Counts one call of `caller` against `budget` (one statement). With `acting`, the same statement
   * asks whether that person still holds the context's permission (`permission` in the answer).
   */
  async take(budget: Budget, caller: string, acting?: Omit<KnownPermission, 'held'>): Promise<Verdict & { permission?: KnownPermission }> {
    const t = this.now();
    const windowStart = t - (t % this.windowMs);
    const key = await this.callerKey(caller);
    let counts;
    let permission: KnownPermission | undefined;
    if (acting) {
      const probe = { niss: acting.niss, enterpriseNumber: acting.enterprise, permission: permissionOfMode(acting.mode) };
      counts = await countCallAndProbePermission(this.db, budget, key, windowStart, this.windowMs, probe);
      permission = { ...acting, held: counts.permitted };
    } else {
      counts = await countCall(this.db, budget, key, windowStart, this.windowMs);
    }
    this.sweep(windowStart);
    const v = verdict(this.limitOf(budget), counts.count, counts.previous, t - counts.windowStart, this.windowMs);
    return permission ? { ...v, permission } : v;
  }

  /** Every call but those refused with 401: against the verified subject, else the client address. */
  calls(): RequestHandler {
    return (req, res, next) => {
      const budget: Budget = req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS' ? 'reads' : 'changes';
      const caller = req.caller ? `${req.caller.kind}:${req.caller.sub}` : `address:${addressOf(req)}`;
      this.apply(budget, caller, req, res, next);
    };
  }

  /**
   * Wraps the token verification: an address past its failure budget is refused before verifying;
   * a refusal with 401 is counted against the address (and answered with that budget's fields).
   */
  authenticated(verify: RequestHandler): RequestHandler {
    const calls = this.calls();
    return (req, res, next) => {
      const address = addressOf(req);
      const until = this.blocked.get(address);
      if (until !== undefined) {
        const t = this.now();
        if (until > t) return next(this.refusal(res, 'auth-failures', Math.ceil((until - t) / 1000)));
        this.blocked.delete(address);
      }
      Promise.resolve(
        verify(req, res, (err?: unknown) => {
          if (!err) return calls(req, res, next);
          if (!(err instanceof HttpError) || err.status !== 401) return next(err);
          this.take('auth-failures', `address:${address}`).then(
            (v) => {
              this.advertise(res, 'auth-failures', v);
              if (v.allowed) return next(err);
              this.block(address, this.now() + v.retryAfter * 1000);
              next(this.refusal(res, 'auth-failures', v.retryAfter));
            },
            (failure: unknown) => {
              req.log?.warn({ err: failure }, 'rate limit not counted');
              next(err);
            },
          );
        }),
      ).catch(next);
    };
  }

  private apply(budget: Budget, caller: string, req: Request, res: Response, next: NextFunction): void {
    const c = req.caller;
    const acting = c?.kind === 'person' && c.acting ? { niss: c.sub, enterprise: c.acting.enterprise, mode: c.acting.mode } : undefined;
    this.take(budget, caller, acting).then(
      (v) => {
        if (v.permission) req.livePermission = v.permission;
        this.advertise(res, budget, v);
        next(v.allowed ? undefined : this.refusal(res, budget, v.retryAfter));
      },
      (failure: unknown) => {
        req.log?.warn({ err: failure }, 'rate limit not counted');
        next();
      },
    );
  }

  private advertise(res: Response, budget: Budget, v: Verdict): void {
    res.setHeader('RateLimit-Policy', `"${budget}";q=${v.limit};w=${this.windowMs / 1000}`);
    res.setHeader('RateLimit', `"${budget}";r=${v.remaining};t=${v.reset}`);
  }

  private refusal(res: Response, budget: Budget, retryAfter: number): HttpError {
    res.setHeader('Retry-After', String(retryAfter));
    return new HttpError('RATE_LIMITED', undefined, { values: { perMinute: this.limitOf(budget), retryAfter } });
  }

  private block(address: string, until: number): void {
    this.blocked.set(address, until);
    if (this.blocked.size > 10_000) {
      const t = this.now();
      for (const [a, u] of this.blocked) if (u <= t) this.blocked.delete(a);
    }
  }

  /** A keyed hash of the caller: the table never holds a NISS or an address. */
  private async callerKey(caller: string): Promise<string> {
    const known = this.callerKeys.get(caller);
    if (known !== undefined) return known;
    this.secret ??= getOrCreateSecret(this.db, SECRET_NAME).catch((e: unknown) => {
      this.secret = undefined;
      throw e;
    });
    const key = createHmac('sha256', await this.secret)
      .update(caller)
      .digest('base64url')
      .slice(0, 22);
    if (this.callerKeys.size >= 10_000) this.callerKeys.clear();
    this.callerKeys.set(caller, key);
    return key;
  }

  /** Once a window per replica, in the background: rows of callers quiet for two windows go. */
  private sweep(windowStart: number): void {
    if (this.sweptWindow === windowStart) return;
    this.sweptWindow = windowStart;
    sweepRateLimits(this.db, windowStart, this.windowMs).catch(() => undefined);
  }
}

function addressOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
