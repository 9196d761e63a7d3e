/**
 * One small database interface, two implementations running the same SQL (`$1` parameters):
 * PostgreSQL through a `pg.Pool` when a `DATABASE_URL` is given, embedded PGlite otherwise.
 *
 * Both backends parse values the same way, so rows look identical whichever runs:
 * `date` → 'YYYY-MM-DD' string, `timestamptz` → ISO-8601 string, `bigint` → number (ids, counts),
 * `json`/`jsonb` → parsed value, `text[]` → string[]. Sessions run in UTC.
 */
import { mkdirSync } from 'node:fs';
import pg from 'pg';
import { PgliteThread, type PgliteResult } from './pglite-thread';

export type SqlParam = string | number | boolean | null | readonly string[] | readonly number[];

/**
 * `prepared`: a statement run on every call (the rate limit) is prepared once per pooled connection
 * under this name and then only executed: PostgreSQL plans it once (an unnamed statement is parsed and
 * planned at every run). One name, one text. PGlite runs it as any other.
 */
export interface QueryOptions {
  prepared?: string;
}

export interface Db {
  readonly backend: 'postgres' | 'pglite';
  /** Runs one statement; returns its rows. */
  query<T>(sql: string, params?: readonly SqlParam[], options?: QueryOptions): Promise<T[]>;
  /** Exactly one row, or throws. */
  one<T>(sql: string, params?: readonly SqlParam[], options?: QueryOptions): Promise<T>;
  /** Zero or one row; throws on more. */
  maybeOne<T>(sql: string, params?: readonly SqlParam[], options?: QueryOptions): Promise<T | null>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` in a transaction, committed when `fn` resolves, rolled back when it throws.
   * Inside, use only `tx` (on PGlite the outer `Db` waits for the transaction to end: using it
   * inside `fn` would deadlock). A transaction inside a transaction is a savepoint.
   */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenDbOptions {
  /** PostgreSQL connection string; when absent, PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory; in-memory when absent (tests only). Ignored with `databaseUrl`. */
  dataDir?: string;
  /** Schema to create if missing and put first on the search path (tests isolate files this way). */
  schema?: string;
  /** PostgreSQL pool size (default 10). */
  maxConnections?: number;
  /** PostgreSQL: an idle pooled connection failed (logged with console.error when absent). */
  onIdleError?: (error: Error) => void;
}

const OID = { INT8: 20, DATE: 1082, TIMESTAMPTZ: 1184 } as const;
const toIso = (value: string): string => new Date(value).toISOString();
const identity = (value: string): string => value;
/** Text-format parsers shared by both backends; everything else uses the driver's defaults. */
const textParsers: Record<number, (value: string) => unknown> = {
  [OID.INT8]: Number,
  [OID.DATE]: identity,
  [OID.TIMESTAMPTZ]: toIso,
};

const schemaPattern = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openDb(options: OpenDbOptions = {}): Promise<Db> {
  if (options.schema !== undefined && !schemaPattern.test(options.schema)) {
    throw new Error(`Invalid schema name "${options.schema}": lower-case letters, digits and _ only.`);
  }
  return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openPglite(options);
}

/** Base for both implementations: `one`/`maybeOne` on top of `query`. */
abstract class BaseDb implements Db {
  abstract readonly backend: 'postgres' | 'pglite';
  abstract query<T>(sql: string, params?: readonly SqlParam[], options?: QueryOptions): Promise<T[]>;
  abstract exec(sql: string): Promise<void>;
  abstract transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  abstract close(): Promise<void>;

  async one<T>(sql: string, params?: readonly SqlParam[], options?: QueryOptions): Promise<T> {
    const rows = await this.query<T>(sql, params, options);
    if (rows.length !== 1 || rows[0] === undefined) throw new Error(`Expected one row, got ${rows.length}.`);
    return rows[0];
  }

  async maybeOne<T>(sql: string, params?: readonly SqlParam[], options?: QueryOptions): Promise<T | null> {
    const rows = await this.query<T>(sql, params, options);
    if (rows.length > 1) throw new Error(`Expected at most one row, got ${rows.length}.`);
    return rows[0] ?? null;
  }
}

/** Runs `fn` between SAVEPOINT and RELEASE (or ROLLBACK TO on failure): nested transactions. */
async function inSavepoint<T>(tx: Db, depth: number, fn: () => Promise<T>): Promise<T> {
  const name = `sp_${depth}`;
  await tx.exec(`SAVEPOINT ${name}`);
  try {
    const result = await fn();
    await tx.exec(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await tx.exec(`ROLLBACK TO SAVEPOINT ${name}`);
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;
const driverParser = pg.types.getTypeParser as (oid: number, format?: 'text' | 'binary') => (value: string) => unknown;

class PostgresDb extends BaseDb {
  readonly backend = 'postgres' as const;
  constructor(
    private readonly target: Queryable,
    private readonly pool: pg.Pool | null,
    private readonly depth = 0,
  ) {
    super();
  }

  async query<T>(sql: string, params: readonly SqlParam[] = [], options?: QueryOptions): Promise<T[]> {
    const result = options?.prepared
      ? await this.target.query({ name: options.prepared, text: sql, values: params as unknown[] })
      : await this.target.query(sql, params as unknown[]);
    return result.rows as T[];
  }

  async exec(sql: string): Promise<void> {
    // Without parameters pg uses the simple protocol, which accepts several statements.
    await this.target.query(sql);
  }

  async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    if (this.pool === null) {
      const nested = new PostgresDb(this.target, null, this.depth + 1);
      return inSavepoint(this, this.depth + 1, () => fn(nested));
    }
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await fn(new PostgresDb(client, null, 0));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true; // the connection is unusable: drop it rather than return it to the pool
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    if (this.pool === null) throw new Error('Cannot close the database from inside a transaction.');
    await this.pool.end();
  }
}

async function openPostgres(databaseUrl: string, options: OpenDbOptions): Promise<Db> {
  const settings = ['-c TimeZone=UTC'];
  if (options.schema) settings.push(`-c search_path=${options.schema}`);
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.maxConnections ?? 10,
    options: settings.join(' '),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        textParsers[oid] ?? driverParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', options.onIdleError ?? ((error) => console.error('PostgreSQL idle client error:', error.message)));
  const db = new PostgresDb(pool, pool);
  try {
    if (options.schema) await db.exec(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
    else await db.query('SELECT 1');
  } catch (error) {
    await pool.end();
    throw error;
  }
  return db;
}

// ---------------------------------------------------------------------------------------------
// PGlite: one connection, so every top-level statement and transaction waits its turn in a queue.

type Exclusive = <T>(job: () => Promise<T>) => Promise<T>;

function createQueue(): Exclusive {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const result = tail.then(job);
    tail = result.catch(() => undefined);
    return result;
  };
}

class PgliteDb extends BaseDb {
  readonly backend = 'pglite' as const;
  constructor(
    private readonly pglite: PgliteThread,
    /** null inside a transaction: the transaction already holds the queue. */
    private readonly exclusive: Exclusive | null,
    private readonly depth = 0,
  ) {
    super();
  }

  private run<T>(job: () => Promise<T>): Promise<T> {
    return this.exclusive ? this.exclusive(job) : job();
  }

  query<T>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
    return this.run(async () => parseRows(await this.pglite.query(sql, params)) as T[]);
  }

  exec(sql: string): Promise<void> {
    return this.run(async () => {
      await this.pglite.exec(sql);
    });
  }

  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    if (this.exclusive === null) {
      const nested = new PgliteDb(this.pglite, null, this.depth + 1);
      return inSavepoint(this, this.depth + 1, () => fn(nested));
    }
    return this.exclusive(async () => {
      await this.pglite.exec('BEGIN');
      try {
        const result = await fn(new PgliteDb(this.pglite, null, 0));
        await this.pglite.exec('COMMIT');
        return result;
      } catch (error) {
        await this.pglite.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    if (this.exclusive === null) throw new Error('Cannot close the database from inside a transaction.');
    await this.exclusive(() => this.pglite.close());
  }
}

/** Applies the shared text parsers to the columns PGlite returned as text. */
function parseRows({ rows, fields }: PgliteResult): Record<string, unknown>[] {
  const parsed = fields.filter((f) => textParsers[f.dataTypeID] !== undefined);
  if (parsed.length === 0) return rows;
  for (const row of rows) {
    for (const { name, dataTypeID } of parsed) {
      const value = row[name];
      if (typeof value === 'string') row[name] = textParsers[dataTypeID]?.(value);
    }
  }
  return rows;
}

async function openPglite(options: OpenDbOptions): Promise<Db> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true }); // PGlite creates only the last level
  const pglite = await PgliteThread.start({ dataDir: options.dataDir, textOids: Object.keys(textParsers).map(Number) });
  try {
    await pglite.exec(`SET TimeZone = 'UTC'`);
    if (options.schema) {
      await pglite.exec(`CREATE SCHEMA IF NOT EXISTS ${options.schema}; SET search_path = ${options.schema}`);
    }
  } catch (error) {
    await pglite.close();
    throw error;
  }
  return new PgliteDb(pglite, createQueue());
}
