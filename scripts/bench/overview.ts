/**
 * Benchmark section: the request lists at 100,000 and 1,000,000 rows on PostgreSQL. Creates a throwaway
 * database on the server of DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), migrates it
 * with the project's migrations, fills `requests` with generate_series — a PO with 10 % of the rows
 * (100,000 at 1,000,000), one with 2,000, the rest spread over some 900 enterprises, creation times over
 * two years — and times the store's own calls (store/requests.ts) one after the other: the first page, a
 * deep page by cursor (positions spread over the whole list), the first page with a status filter, the
 * first page with its count; and the back-office search by enterprise and by status. Prints a table,
 * returns the figures (`overviewP99Ms`: the worst overview case at the largest size), drops the database.
 * Asserts nothing.
 *   tsx scripts/bench/overview.ts [--calls 3000] [--sizes 100000,1000000] [--keep]
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDb, type Db } from '../../store/db';
import { migrate } from '../../store/migrate';
import { listRequests, searchRequestsAnyTenant, type ActingContext, type PagePosition, type RequestFilter } from '../../store/requests';

export interface OverviewCase {
  /** Rows in `requests`. */
  rows: number;
  /** The list timed, e.g. "PO 100,000 · deep page". */
  name: string;
  /** Rows of the list (the PO's, or the search's). */
  listRows: number;
  calls: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface OverviewFigures {
  backend: 'postgres';
  cases: OverviewCase[];
  /** The worst p99 of the overview's cases (GET /api/requests' store call) at the largest size. */
  overviewP99Ms: number;
  /** The worst p99 of the back-office search's cases at the largest size. */
  backofficeP99Ms: number;
}

export interface OverviewOptions {
  /** Timed calls per case (after 10 % of them as warm-up). */
  calls?: number;
  /** Sizes of `requests`, filled in order (each size adds rows to the one before). */
  sizes?: number[];
  /** Keep the database (its URL is printed) to look at plans. */
  keep?: boolean;
  serverUrl?: string;
  log?: (line: string) => void;
}

const LARGE_PO = '0999000001';
const SMALL_PO = '0999000002';
/** The clock of the filled data: every row is created in the two years before it. */
const NOW = new Date('2026-11-28T00:00:00Z');
const STATUSES = [
  ...Array<string>(8).fill('accepted'),
  ...Array<string>(3).fill('in_processing'),
  ...Array<string>(3).fill('awaiting_worker'),
  'submitted',
  'submitted',
  'refused',
  'withdrawn',
  'draft',
  'expired',
];

/**
 * Rows `from`..`to` of the generated data. Row i: every 10th is the large PO's, every 50th of the first
 * 100,000 (from 1) the small PO's, others one of 911 enterprises (1 in 20 acting for its own staff);
 * its status and its creation time (over two years, to the microsecond) hashes of i.
 */
const fillSql = (from: number, to: number) => `
  INSERT INTO requests (journey_id, ticket, acting_enterprise, acting_mode, community_code, school_number, worker_niss,
    worker_name, worker_status, leave_code, leave_form, start_date, end_date, status, introduced_by, created_at, updated_at, version)
  SELECT 'request-bench-' || i, CASE WHEN s.status = 'draft' THEN NULL ELSE 'BAW-2026-' || lpad(i::text, 7, '0') END,
    e.enterprise, e.mode, CASE WHEN e.mode = 'PO' THEN 'FR' END, CASE WHEN e.mode = 'PO' THEN '0' || lpad((i % 997)::text, 9, '0') END,
    lpad((i % 300007)::text, 11, '0'), 'Worker ' || i, 'STATUTORY', 'PARENTAL', 'HALF', date '2027-01-01', date '2027-03-01',
    s.status, '79011603980', t.at, t.at, 1
  FROM generate_series(${from}, ${to}) AS i
  CROSS JOIN LATERAL (SELECT
    CASE WHEN i % 10 = 0 THEN '${LARGE_PO}' WHEN i <= 100000 AND i % 50 = 1 THEN '${SMALL_PO}' ELSE '1' || lpad((i % 911)::text, 9, '0') END AS enterprise,
    CASE WHEN i % 10 <> 0 AND NOT (i <= 100000 AND i % 50 = 1) AND i % 20 = 3 THEN 'OWN_COMPANY' ELSE 'PO' END AS mode) e
  CROSS JOIN LATERAL (SELECT (ARRAY[${STATUSES.map((s) => `'${s}'`).join(', ')}])[1 + ((i::bigint * 48271) % 2147483647) % ${STATUSES.length}] AS status) s
  CROSS JOIN LATERAL (SELECT timestamptz '${NOW.toISOString()}' - ((i::bigint * 2654435761) % 63000000000000) * interval '1 microsecond' AS at) t`;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** Times `call` `calls` times after a warm-up; `call(i)` may vary its input with i. */
async function time(calls: number, call: (i: number) => Promise<unknown>): Promise<Pick<OverviewCase, 'calls' | 'p50Ms' | 'p95Ms' | 'p99Ms' | 'maxMs'>> {
  for (let i = 0; i < Math.ceil(calls / 10); i++) await call(i);
  const durations: number[] = [];
  for (let i = 0; i < calls; i++) {
    const started = performance.now();
    await call(i);
    durations.push(performance.now() - started);
  }
  durations.sort((a, b) => a - b);
  return { calls, p50Ms: round(percentile(durations, 50)), p95Ms: round(percentile(durations, 95)), p99Ms: round(percentile(durations, 99)), maxMs: round(durations[durations.length - 1]!) };
}

/** 64 positions spread over a list (every 64th of it), each the key of a row, for deep pages. */
async function positionsOf(db: Db, where: string, params: string[], listRows: number): Promise<PagePosition[]> {
  const step = Math.max(1, Math.floor(listRows / 64));
  const rows = await db.query<{ createdAt: string; journeyId: string }>(
    `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdAt", journey_id AS "journeyId"
     FROM (SELECT created_at, journey_id, row_number() OVER (ORDER BY created_at DESC, journey_id DESC) AS n FROM requests WHERE ${where}) ranked
     WHERE n % ${step} = 0 AND n < ${listRows - 20}`,
    params,
  );
  return rows.map((r) => ({ direction: 'after', ...r }));
}

function printTable(cases: readonly OverviewCase[], log: (line: string) => void): void {
  const header = ['rows', 'list', 'list rows', 'calls', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'];
  const lines = cases.map((c) => [c.rows.toLocaleString('en'), c.name, c.listRows.toLocaleString('en'), String(c.calls), c.p50Ms.toFixed(2), c.p95Ms.toFixed(2), c.p99Ms.toFixed(2), c.maxMs.toFixed(2)]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => cells.map((c, i) => (i === 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  log(row(header));
  for (const l of lines) log(row(l));
}

export async function benchOverview(options: OverviewOptions = {}): Promise<OverviewFigures> {
  const log = options.log ?? ((line: string) => console.log(line));
  const calls = options.calls ?? 3000;
  const sizes = [...(options.sizes ?? [100_000, 1_000_000])].sort((a, b) => a - b);
  const serverUrl = options.serverUrl ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `bench_overview_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDb({ databaseUrl: url.toString(), maxConnections: 2 });
  const cases: OverviewCase[] = [];
  try {
    await migrate(db);
    let filled = 0;
    for (const size of sizes) {
      const started = performance.now();
      for (let from = filled + 1; from <= size; from += 100_000) await db.exec(fillSql(from, Math.min(size, from + 99_999)));
      filled = size;
      await db.exec('VACUUM ANALYZE requests');
      log(`overview bench: ${size.toLocaleString('en')} rows filled in ${((performance.now() - started) / 1000).toFixed(1)} s`);

      for (const enterprise of [LARGE_PO, SMALL_PO]) {
        const context: ActingContext = { enterpriseNumber: enterprise, mode: 'PO' };
        const { n } = await db.one<{ n: number }>(`SELECT count(*) AS n FROM requests WHERE acting_enterprise = $1 AND acting_mode = 'PO'`, [enterprise]);
        const label = `PO ${n.toLocaleString('en')}`;
        const { n: awaiting } = await db.one<{ n: number }>(`SELECT count(*) AS n FROM requests WHERE acting_enterprise = $1 AND acting_mode = 'PO' AND status = 'awaiting_worker'`, [
          enterprise,
        ]);
        const deep = await positionsOf(db, `acting_enterprise = $1 AND acting_mode = 'PO'`, [enterprise], n);
        const overview = (extra: Partial<RequestFilter>) => listRequests(db, context, { now: NOW, pageSize: 20, ...extra });
        cases.push({ rows: size, name: `${label} · first page`, listRows: n, ...(await time(calls, () => overview({}))) });
        cases.push({ rows: size, name: `${label} · deep page (cursor)`, listRows: n, ...(await time(calls, (i) => overview({ position: deep[i % deep.length]! }))) });
        cases.push({ rows: size, name: `${label} · status filter`, listRows: awaiting, ...(await time(calls, () => overview({ status: 'awaiting_worker' }))) });
        cases.push({ rows: size, name: `${label} · first page + count`, listRows: n, ...(await time(calls, () => overview({ count: true }))) });
      }
      const { n: ofLarge } = await db.one<{ n: number }>(`SELECT count(*) AS n FROM requests WHERE acting_enterprise = $1`, [LARGE_PO]);
      const { n: expired } = await db.one<{ n: number }>(`SELECT count(*) AS n FROM requests WHERE status = 'expired'`);
      const deepAll = await positionsOf(db, 'true', [], size);
      const search = (extra: Partial<Parameters<typeof searchRequestsAnyTenant>[1]>) => searchRequestsAnyTenant(db, { pageSize: 20, ...extra });
      cases.push({ rows: size, name: 'back-office · enterprise', listRows: ofLarge, ...(await time(calls, () => search({ enterprise: LARGE_PO }))) });
      cases.push({ rows: size, name: 'back-office · status', listRows: expired, ...(await time(calls, () => search({ status: 'expired' }))) });
      cases.push({ rows: size, name: 'back-office · all, deep page', listRows: size, ...(await time(calls, (i) => search({ position: deepAll[i % deepAll.length]! }))) });
    }
  } finally {
    await db.close();
    if (options.keep) log(`overview bench: database kept: ${url.toString()}`);
    else await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  printTable(cases, log);
  const largest = sizes[sizes.length - 1];
  const worst = (prefix: string) => Math.max(...cases.filter((c) => c.rows === largest && c.name.startsWith(prefix)).map((c) => c.p99Ms));
  const figures: OverviewFigures = { backend: 'postgres', cases, overviewP99Ms: worst('PO '), backofficeP99Ms: worst('back-office') };
  log(`overview p99 at ${largest?.toLocaleString('en')} rows: ${figures.overviewP99Ms} ms (target ≤ 5 ms); back-office search p99: ${figures.backofficeP99Ms} ms`);
  return figures;
}

if (require.main === module) {
  const { values } = parseArgs({ options: { calls: { type: 'string' }, sizes: { type: 'string' }, keep: { type: 'boolean', default: false } } });
  benchOverview({
    ...(values.calls ? { calls: Number(values.calls) } : {}),
    ...(values.sizes ? { sizes: values.sizes.split(',').map(Number) } : {}),
    keep: values.keep,
  }).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
