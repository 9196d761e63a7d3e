import { getOrCreateSecret } from '../../../store/service-secrets';
import { backends, openMigratedDb, type TestDb } from './backends';

describe.each(backends)('service secrets on %s', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openMigratedDb(backend, 'secrets');
  });
  afterAll(() => t.dispose());

  it('generates a secret once and returns the same bytes afterwards', async () => {
    const first = await getOrCreateSecret(t.db, 'test.one');
    expect(first).toHaveLength(32);
    expect((await getOrCreateSecret(t.db, 'test.one')).equals(first)).toBe(true);
    const other = await getOrCreateSecret(t.db, 'test.two', 16);
    expect(other).toHaveLength(16);
    expect(other.equals(first.subarray(0, 16))).toBe(false);
    const row = await t.db.one<{ n: number }>(`SELECT count(*)::bigint AS n FROM service_secrets WHERE name = 'test.one'`);
    expect(row.n).toBe(1);
  });

  it('refuses a name or size that is not one', async () => {
    await expect(getOrCreateSecret(t.db, 'Bad Name')).rejects.toThrow(/Invalid secret name/);
    await expect(getOrCreateSecret(t.db, 'test.small', 4)).rejects.toThrow(/Invalid secret size/);
  });

  it('agrees on one secret when several callers create it at once', async () => {
    // On PostgreSQL each caller is its own connection pool (as separate processes would be).
    const dbs = backend === 'postgres' ? [t.db, ...(await Promise.all([1, 2, 3, 4].map(() => t.openAnother())))] : [t.db, t.db, t.db];
    const secrets = await Promise.all(dbs.map((db) => getOrCreateSecret(db, 'test.race')));
    for (const secret of secrets) expect(secret.equals(secrets[0] as Buffer)).toBe(true);
  });
});
