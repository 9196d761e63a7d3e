/**
 * The one migration mechanism, run at every start: `store/migrations/NNN_name.sql`, applied in
 * order, each once, each in its own transaction, recorded in `schema_migrations` with a checksum.
 * Concurrent starts on PostgreSQL are safe: every migration transaction first takes a transaction
 * advisory lock (per schema), then re-checks whether the file was applied meanwhile.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db';

export const migrationsDir = join(__dirname, 'migrations');
const fileNamePattern = /^(\d{3})_[a-z0-9_]+\.sql$/;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir: string = migrationsDir): Migration[] {
  const names = readdirSync(dir).filter((name) => fileNamePattern.test(name)).sort();
  const numbers = names.map((name) => name.slice(0, 3));
  const duplicate = numbers.find((n, i) => numbers.indexOf(n) !== i);
  if (duplicate) throw new Error(`Two migrations share the number ${duplicate} in ${dir}.`);
  return names.map((name) => {
    const sql = readFileSync(join(dir, name), 'utf8');
    return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
  });
}

const lockAndPrepare = `
  SELECT pg_advisory_xact_lock(hashtext('schema_migrations:' || current_schema()));
  CREATE TABLE IF NOT EXISTS schema_migrations (
    name       text PRIMARY KEY,
    checksum   text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  );`;

/** Applies the pending migrations; returns the names applied by this call (empty when up to date). */
export async function migrate(db: Db, migrations: Migration[] = readMigrations()): Promise<string[]> {
  const applied: string[] = [];
  for (const migration of migrations) {
    const done = await db.transaction(async (tx) => {
      await tx.exec(lockAndPrepare);
      const existing = await tx.maybeOne<{ checksum: string }>(
        'SELECT checksum FROM schema_migrations WHERE name = $1',
        [migration.name],
      );
      if (existing) {
        // An applied migration must never change: write a new file instead.
        if (existing.checksum !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was changed after it was applied.`);
        }
        return false;
      }
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [
        migration.name,
        migration.checksum,
      ]);
      return true;
    });
    if (done) applied.push(migration.name);
  }
  return applied;
}
