/**
 * A token bucket per caller (the token's subject, else the client address) on the calls that change
 * something: past the limit, 429 with Retry-After. In-process: each API replica limits on its own.
 */
import type { RequestHandler } from 'express';
import { HttpError } from './errors';

export function rateLimit(perMinute: number, now: () => number = Date.now): RequestHandler {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refillPerMs = perMinute / 60_000;
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    const key = req.caller?.sub ?? req.ip ?? 'unknown';
    const t = now();
    const bucket = buckets.get(key) ?? { tokens: perMinute, at: t };
    bucket.tokens = Math.min(perMinute, bucket.tokens + (t - bucket.at) * refillPerMs);
    bucket.at = t;
    buckets.set(key, bucket);
    if (bucket.tokens < 1) {
      const retryAfter = Math.ceil((1 - bucket.tokens) / refillPerMs / 1000);
      res.setHeader('Retry-After', String(retryAfter));
      return next(new HttpError('RATE_LIMITED', undefined, { values: { perMinute, retryAfter } }));
    }
    bucket.tokens -= 1;
    // A full bucket says nothing a new one would not: forget callers that have been quiet a while.
    if (buckets.size > 10_000) for (const [k, b] of buckets) if (b.tokens + (t - b.at) * refillPerMs >= perMinute) buckets.delete(k);
    next();
  };
}
