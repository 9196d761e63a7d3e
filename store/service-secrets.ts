/**
 * Named random secrets generated once and kept in the store (`service_secrets`), so every process
 * of the service — API replicas, workers, the test harness — reads the same bytes without any
 * configuration. Meant for development defaults (production passes its keys by configuration).
 */
import { randomBytes } from 'node:crypto';
import type { Db } from './db';

const namePattern = /^[a-z0-9][a-z0-9._:-]{0,99}$/;

/**
 * The secret called `name`, created with `bytes` random bytes on first use. Concurrent first calls
 * (several processes starting together) agree: each offers its own bytes, the first insert wins
 * (`ON CONFLICT DO NOTHING`) and all read back the kept row.
 */
export async function getOrCreateSecret(db: Db, name: string, bytes = 32): Promise<Buffer> {
  if (!namePattern.test(name)) throw new Error(`Invalid secret name "${name}".`);
  if (!Number.isInteger(bytes) || bytes < 16 || bytes > 1024) throw new Error(`Invalid secret size ${bytes}.`);
  const existing = await read(db, name);
  if (existing) return existing;
  // bytea as hex text: both backends accept '\x…' input and return it decoded through encode().
  await db.query(
    `INSERT INTO service_secrets (name, value) VALUES ($1, decode($2, 'hex')) ON CONFLICT (name) DO NOTHING`,
    [name, randomBytes(bytes).toString('hex')],
  );
  const kept = await read(db, name);
  if (!kept) throw new Error(`Secret "${name}" could not be kept.`);
  return kept;
}

async function read(db: Db, name: string): Promise<Buffer | null> {
  const row = await db.maybeOne<{ value: string }>(
    `SELECT encode(value, 'hex') AS value FROM service_secrets WHERE name = $1`,
    [name],
  );
  return row ? Buffer.from(row.value, 'hex') : null;
}
