/**
 * The sliding-window verdict (api/rate-limit.ts): the previous minute's calls weigh by the share of it
 * still within the last 60 s; past the limit, Retry-After says when one more call fits. The counting
 * itself, in the store and through the app, is tested in test/integration/api/hardening.test.ts.
 */
import { verdict } from '../../api/rate-limit';

const MINUTE = 60_000;

test('within the limit: allowed, with what remains and the seconds to the end of the window', () => {
  expect(verdict(3, 1, 0, 0, MINUTE)).toEqual({ allowed: true, limit: 3, remaining: 2, reset: 60, retryAfter: 0 });
  expect(verdict(3, 3, 0, 40_000, MINUTE)).toEqual({ allowed: true, limit: 3, remaining: 0, reset: 20, retryAfter: 0 });
});

test('past the limit in a fresh window: refused until this window weighs little enough in the next one', () => {
  // 4 calls of 3 at 40 s: the next window starts in 20 s; there 4 × (1 − e) + 1 ≤ 3 once e ≥ ½ (30 s).
  expect(verdict(3, 4, 0, 40_000, MINUTE)).toEqual({ allowed: false, limit: 3, remaining: 0, reset: 20, retryAfter: 50 });
  // A limit of 1: the first call goes, the second waits for the whole next window to pass.
  expect(verdict(1, 1, 0, 0, MINUTE).allowed).toBe(true);
  expect(verdict(1, 2, 0, 0, MINUTE)).toMatchObject({ allowed: false, retryAfter: 120 });
});

test('the previous window weighs by the share of it still within the last minute', () => {
  // 10 calls last minute, 15 s into this one: 7.5 of them still count, + 2 now = 9.5 ≤ 10.
  expect(verdict(10, 2, 10, 15_000, MINUTE)).toMatchObject({ allowed: true, remaining: 0 });
  // 3 now: 10.5 > 10, refused; one more fits once 10 × (1 − e) + 4 ≤ 10, e ≥ 0.4 (24 s, 9 s from now).
  expect(verdict(10, 3, 10, 15_000, MINUTE)).toMatchObject({ allowed: false, retryAfter: 9, reset: 45 });
  // Late in the window the previous one hardly weighs any more.
  expect(verdict(10, 9, 10, 59_000, MINUTE)).toMatchObject({ allowed: true, remaining: 0 });
});
