/**
 * How deeply a request body may nest. JSON.parse itself copes with any depth, but everything after it
 * recurses — zod, our canonical JSON, Temporal's payload converter — so a body nested thousands of
 * levels deep (a few kB) would blow the stack there. Bodies are measured here, without recursion, and
 * refused past the limit before anything else sees them.
 */
import type { RequestHandler } from 'express';
import { HttpError } from './errors';

/** No event or form of this API nests beyond a few levels; 32 leaves ample room. */
export const MAX_BODY_DEPTH = 32;

export const BODY_NESTING_TOO_DEEP = 'BODY_NESTING_TOO_DEEP' as const;

/**
 * Whether a value nests objects or arrays deeper than `limit` (a flat object or array is depth 1, a
 * scalar 0). Iterative, and it stops as soon as the limit is passed, so a cycle ends too.
 */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.value === null || typeof next.value !== 'object') continue;
    const depth = next.depth + 1;
    if (depth > limit) return true;
    for (const child of Array.isArray(next.value) ? next.value : Object.values(next.value as Record<string, unknown>)) pending.push({ value: child, depth });
  }
  return false;
}

export function tooDeep(limit = MAX_BODY_DEPTH): HttpError {
  return new HttpError(BODY_NESTING_TOO_DEEP, { maxDepth: limit });
}

/** Refuses a parsed JSON body that nests deeper than the limit (400 BODY_NESTING_TOO_DEEP). */
export function limitBodyDepth(limit = MAX_BODY_DEPTH): RequestHandler {
  return (req, _res, next) => {
    next(nestsDeeperThan(req.body, limit) ? tooDeep(limit) : undefined);
  };
}
