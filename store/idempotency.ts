/** Responses remembered by idempotency key, so a retried HTTP call returns the first answer. */
import type { Db } from './db';

export async function findIdempotentResponse<T>(db: Db, scope: string, key: string): Promise<T | null> {
  const row = await db.maybeOne<{ response: T }>('SELECT response FROM idempotency_keys WHERE scope = $1 AND key = $2', [
    scope,
    key,
  ]);
  return row?.response ?? null;
}

/** Stores the response unless one is already stored for that key; returns the one that is kept. */
export async function rememberIdempotentResponse<T>(db: Db, scope: string, key: string, response: T): Promise<T> {
  await db.query(
    `INSERT INTO idempotency_keys (scope, key, response) VALUES ($1, $2, $3::jsonb)
     ON CONFLICT (scope, key) DO NOTHING`,
    [scope, key, JSON.stringify(response)],
  );
  const kept = await findIdempotentResponse<T>(db, scope, key);
  return kept ?? response;
}
