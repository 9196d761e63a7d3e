/** The per-caller token bucket: a burst up to the limit, then 429 with Retry-After, refilled over time. */
import type { NextFunction, Request, Response } from 'express';
import { HttpError } from '../../api/errors';
import { rateLimit } from '../../api/rate-limit';

function call(limiter: ReturnType<typeof rateLimit>, sub: string, method = 'POST') {
  const headers: Record<string, string> = {};
  let error: unknown;
  const req = { method, caller: { kind: 'person', sub, name: 'x' }, ip: '127.0.0.1' } as unknown as Request;
  const res = { setHeader: (k: string, v: string) => (headers[k] = v) } as unknown as Response;
  limiter(req, res, ((err?: unknown) => (error = err)) as NextFunction);
  return { error, headers };
}

test('a caller gets its limit, then 429 naming the limit, then tokens back with time', () => {
  let t = 0;
  const limiter = rateLimit(3, () => t);
  expect([1, 2, 3].map(() => call(limiter, 'a').error)).toEqual([undefined, undefined, undefined]);
  const refused = call(limiter, 'a');
  expect(refused.error).toBeInstanceOf(HttpError);
  expect(refused.error).toMatchObject({ status: 429, code: 'RATE_LIMITED', message: expect.stringContaining('au plus 3 par minute ; réessayez dans 20 s') });
  expect(refused.headers['Retry-After']).toBe('20');
  expect(call(limiter, 'b').error).toBeUndefined();
  expect(call(limiter, 'a', 'GET').error).toBeUndefined();
  t += 20_000;
  expect(call(limiter, 'a').error).toBeUndefined();
});
