/**
 * The backends store tests run on: PGlite (in memory) always, PostgreSQL too when DATABASE_URL is
 * set. On PostgreSQL every opened database gets a fresh schema, dropped by `dispose`, so test files
 * running in parallel never see each other's rows.
 */
import { randomBytes } from 'node:crypto';
import { openDb, type Db } from '../../../store/db';
import { migrate } from '../../../store/migrate';

export type BackendName = 'pglite' | 'postgres';

export const backends: BackendName[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDb {
  db: Db;
  /** The PostgreSQL schema (null on PGlite). */
  schema: string | null;
  /** Opens another connection (pool) on the same database and schema — PostgreSQL only. */
  openAnother(): Promise<Db>;
  dispose(): Promise<void>;
}

export async function openTestDb(backend: BackendName, label: string): Promise<TestDb> {
  if (backend === 'pglite') {
    const db = await openDb();
    return {
      db,
      schema: null,
      openAnother: () => Promise.reject(new Error('PGlite in memory has a single connection.')),
      dispose: () => db.close(),
    };
  }
  const databaseUrl = process.env.DATABASE_URL as string;
  const schema = `test_${label}_${randomBytes(4).toString('hex')}`;
  const db = await openDb({ databaseUrl, schema });
  const others: Db[] = [];
  return {
    db,
    schema,
    async openAnother() {
      const other = await openDb({ databaseUrl, schema });
      others.push(other);
      return other;
    },
    async dispose() {
      await Promise.all(others.map((other) => other.close()));
      await db.exec(`DROP SCHEMA ${schema} CASCADE`);
      await db.close();
    },
  };
}

/** A test database with every migration applied. */
export async function openMigratedDb(backend: BackendName, label: string): Promise<TestDb> {
  const testDb = await openTestDb(backend, label);
  await migrate(testDb.db);
  return testDb;
}
