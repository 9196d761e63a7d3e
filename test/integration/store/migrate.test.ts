import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../../store/db';
import { migrate, readMigrations } from '../../../store/migrate';
import { backends, openTestDb, type TestDb } from './backends';

const migrationNames = readMigrations().map((m) => m.name);

describe.each(backends)('migrations and Db on %s', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(backend, 'migrate');
  });
  afterAll(() => t.dispose());

  it('finds the migration files next to the code, numbered and in order', () => {
    expect(migrationNames.length).toBeGreaterThanOrEqual(5);
    expect([...migrationNames].sort()).toEqual(migrationNames);
    expect(migrationNames[0]).toMatch(/^001_/);
  });

  it('applies every migration once, then nothing the second time', async () => {
    expect(await migrate(t.db)).toEqual(migrationNames);
    expect(await migrate(t.db)).toEqual([]);
    const rows = await t.db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    expect(rows.map((r) => r.name)).toEqual(migrationNames);
  });

  it('creates the tables and the ticket sequence', async () => {
    const tables = await t.db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`,
    );
    expect(tables.map((r) => r.table_name)).toEqual(
      expect.arrayContaining([
        'access_groups', 'audit_log', 'communities', 'data_loads', 'group_members', 'idempotency_keys',
        'member_permissions', 'organisations', 'own_staff', 'people', 'requests', 'schema_migrations', 'schools',
        'tickets', 'worker_occupations', 'worker_registrations', 'workers',
      ]),
    );
    const sequence = await t.db.one<{ n: number }>(`SELECT nextval('ticket_sequence') AS n`);
    expect(typeof sequence.n).toBe('number');
  });

  it('refuses a migration whose file changed after it was applied', async () => {
    const changed = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
    await expect(migrate(t.db, changed)).rejects.toThrow(/001_.*changed after it was applied/);
  });

  it('parses values the same way on both backends', async () => {
    const row = await t.db.one<Record<string, unknown>>(
      `SELECT '2024-02-29'::date AS d, '2026-01-02T03:04:05.678Z'::timestamptz AS ts, 12::bigint AS big,
              '{"a":[1]}'::jsonb AS j, ARRAY['x', 'y'] AS arr, true AS b, NULL::text AS n`,
    );
    expect(row).toEqual({
      d: '2024-02-29', ts: '2026-01-02T03:04:05.678Z', big: 12, j: { a: [1] }, arr: ['x', 'y'], b: true, n: null,
    });
  });

  it('commits, rolls back on error, and nests transactions as savepoints', async () => {
    await t.db.exec('CREATE TABLE tx_probe (v text PRIMARY KEY)');
    await t.db.transaction((tx) => tx.query(`INSERT INTO tx_probe VALUES ('committed')`));
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query(`INSERT INTO tx_probe VALUES ('rolled back')`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await t.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO tx_probe VALUES ('outer')`);
      await expect(
        tx.transaction(async (inner) => {
          await inner.query(`INSERT INTO tx_probe VALUES ('inner')`);
          throw new Error('inner boom');
        }),
      ).rejects.toThrow('inner boom');
    });
    const rows = await t.db.query<{ v: string }>('SELECT v FROM tx_probe ORDER BY v');
    expect(rows.map((r) => r.v)).toEqual(['committed', 'outer']);
  });

  it('never lets a concurrent statement slip into another caller’s transaction', async () => {
    await t.db.exec('CREATE TABLE interleave_probe (v text PRIMARY KEY)');
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const failing = t.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO interleave_probe VALUES ('in failed tx')`);
      entered();
      await new Promise((resolve) => setTimeout(resolve, 50));
      throw new Error('rollback');
    });
    await inside;
    const outside = t.db.query(`INSERT INTO interleave_probe VALUES ('outside')`);
    await expect(failing).rejects.toThrow('rollback');
    await outside;
    const rows = await t.db.query<{ v: string }>('SELECT v FROM interleave_probe');
    expect(rows.map((r) => r.v)).toEqual(['outside']);
  });

  it('serialises concurrent read-modify-write transactions', async () => {
    await t.db.exec('CREATE TABLE counter_probe (id int PRIMARY KEY, n int NOT NULL); INSERT INTO counter_probe VALUES (1, 0)');
    await Promise.all(
      Array.from({ length: 10 }, () =>
        t.db.transaction(async (tx) => {
          const { n } = await tx.one<{ n: number }>('SELECT n FROM counter_probe WHERE id = 1 FOR UPDATE');
          await new Promise((resolve) => setTimeout(resolve, 2));
          await tx.query('UPDATE counter_probe SET n = $1 WHERE id = 1', [n + 1]);
        }),
      ),
    );
    expect(await t.db.one('SELECT n FROM counter_probe')).toEqual({ n: 10 });
  });

  (backend === 'postgres' ? it : it.skip)('is safe when several processes start at once', async () => {
    const fresh = await openTestDb(backend, 'migrate_race');
    try {
      const others = await Promise.all([fresh.openAnother(), fresh.openAnother(), fresh.openAnother()]);
      const results = await Promise.all([fresh.db, ...others].map((db) => migrate(db)));
      expect(results.flat().sort()).toEqual(migrationNames);
      expect(await fresh.db.one('SELECT count(*) AS n FROM schema_migrations')).toEqual({ n: migrationNames.length });
    } finally {
      await fresh.dispose();
    }
  });
});

describe('PGlite persisting to a directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'store-pglite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps schema and rows across restarts, and migrates nothing the second time', async () => {
    const first = await openDb({ dataDir: dir });
    expect(await migrate(first)).toEqual(migrationNames);
    await first.query(`INSERT INTO audit_log (actor, action, subject) VALUES ('test', 'probe', 'restart')`);
    await first.close();

    const second = await openDb({ dataDir: dir });
    try {
      expect(await migrate(second)).toEqual([]);
      expect(await second.one(`SELECT count(*) AS n FROM audit_log WHERE subject = 'restart'`)).toEqual({ n: 1 });
    } finally {
      await second.close();
    }
  });
});
