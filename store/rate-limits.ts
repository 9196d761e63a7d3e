/**
 * Rate-limit counters in the service's database, so every API replica counts against the same budget.
 * A call costs one statement: an atomic upsert that moves the caller's row to the current window (the
 * calls of the window before become `previous`) and counts the call, returning both counts. Quiet
 * callers' rows are deleted by `sweepRateLimits`, run by the API about once a window. The statements
 * run on every call are prepared once per connection (planning the upsert cost more than running it).
 */
import type { Db } from './db';

export interface WindowCounts {
  /** Calls in the current window, this one included. */
  count: number;
  /** Calls in the window before it (0 when the caller was quiet then). */
  previous: number;
  /** Start of the current window (epoch ms). */
  windowStart: number;
}

/** The upsert of one call (see `countCall`). */
const COUNT_CALL = `INSERT INTO rate_limits AS r (bucket, caller, window_start, count, previous)
     VALUES ($1, $2, $3, 1, 0)
     ON CONFLICT (bucket, caller) DO UPDATE SET
       previous = CASE WHEN EXCLUDED.window_start <= r.window_start THEN r.previous
                       WHEN EXCLUDED.window_start - $4 = r.window_start THEN r.count
                       ELSE 0 END,
       count = CASE WHEN EXCLUDED.window_start <= r.window_start THEN r.count + 1 ELSE 1 END,
       window_start = GREATEST(r.window_start, EXCLUDED.window_start)
     RETURNING count, previous, window_start`;

/**
 * Counts one call of `caller` against `bucket` in the window starting at `windowStart`. A replica whose
 * clock is a little behind (it sends the window before the row's) counts in the row's window rather
 * than resetting it.
 */
export async function countCall(db: Db, bucket: string, caller: string, windowStart: number, windowMs: number): Promise<WindowCounts> {
  const row = await db.one<{ count: number; previous: number; window_start: number }>(COUNT_CALL, [bucket, caller, windowStart, windowMs], { prepared: 'rate-limit-count' });
  return { count: row.count, previous: row.previous, windowStart: Number(row.window_start) };
}

/**
 * `countCall`, and in the same statement (one round trip) whether the person still holds a permission
 * as an ACTIVE member of the enterprise's group: the probe of store/access.ts `holdsActivePermission`,
 * for a caller who acts in a context (api/live-permissions.ts).
 */
export async function countCallAndProbePermission(
  db: Db,
  bucket: string,
  caller: string,
  windowStart: number,
  windowMs: number,
  probe: { niss: string; enterpriseNumber: string; permission: string },
): Promise<WindowCounts & { permitted: boolean }> {
  const row = await db.one<{ count: number; previous: number; window_start: number; permitted: boolean }>(
    `WITH counted AS (${COUNT_CALL})
     SELECT c.count, c.previous, c.window_start, EXISTS (
       SELECT 1 FROM group_members m
       JOIN member_permissions mp ON mp.enterprise_number = m.enterprise_number AND mp.niss = m.niss AND mp.permission = $7
       WHERE m.enterprise_number = $5 AND m.niss = $6 AND m.status = 'ACTIVE') AS permitted
     FROM counted c`,
    [bucket, caller, windowStart, windowMs, probe.enterpriseNumber, probe.niss, probe.permission],
    { prepared: 'rate-limit-count-permission' },
  );
  return { count: row.count, previous: row.previous, windowStart: Number(row.window_start), permitted: row.permitted };
}

/** Deletes the rows that no longer weigh on any budget: callers quiet since before the previous window. */
export async function sweepRateLimits(db: Db, windowStart: number, windowMs: number): Promise<number> {
  const rows = await db.query<{ bucket: string }>('DELETE FROM rate_limits WHERE window_start < $1 RETURNING bucket', [windowStart - windowMs]);
  return rows.length;
}
