/**
 * `npm run cluster`: the production topology on this machine, without Docker — a real Temporal server
 * (not the dev server) on the local PostgreSQL, its four services (frontend, history, matching, worker)
 * as separate processes, the namespace and our search attributes, then N API replicas and M workers of
 * this service, each its own process on its own port. `docker-compose.yml` describes the same topology.
 *
 * The server and its SQL tool are built once per machine with `go install` (like the dev-server CLI,
 * `scripts/resolve-temporal-cli.ts`) into ~/.cache/breakatwork/temporal-server/<version>, together with
 * the module's PostgreSQL schema and configuration, which the cluster starts from:
 *   - schema: `schema/postgresql/v12/{temporal,visibility}/versioned`, applied with the SQL tool
 *     (`setup-schema -v 0.0` on a new database, then `update-schema`, which is a no-op when current);
 *   - configuration: `config/development-postgres12.yaml`, with the databases, user and ports of this
 *     cluster set (each change checked: a template that no longer has the key stops the script).
 *
 * Databases (on `CLUSTER_POSTGRES_URL`, default postgres://postgres@127.0.0.1:5432): `<prefix>_temporal`
 * and `<prefix>_temporal_visibility` owned by the role `<prefix>_temporal`, and the service's own
 * `<prefix>_app` owned by `<prefix>_app`, a role that is not a superuser (the service runs its
 * migrations as that owner). The prefix is `breakatwork_cluster` unless `--prefix` says otherwise;
 * `--fresh` drops the three databases first.
 *
 *   npm run cluster -- --apis 2 --workers 2 [--base-port 7400] [--fresh]
 *   npm run cluster -- --build-only     (builds or finds the server, starts nothing: CI does this first)
 *
 * Ports from the base port B: Temporal frontend gRPC B (its HTTP API B+20), history B+1, matching B+2,
 * worker B+3 (membership B+10…B+13), API replicas B+100+i, worker health B+200+j. Logs go to
 * `<data dir>/logs/<name>.log` (data dir: `data/cluster` unless `--data-dir`). Ctrl-C stops everything,
 * API replicas and workers first (they drain), then Temporal.
 *
 * Also a module: `startCluster` is what the scale test and `npm run scale` use.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { PRELOAD_ARGS } from './node-entry';
import { appendFileSync, copyFileSync, cpSync, createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import { grpc as grpcHealth } from '@temporalio/proto';
import { Client as PgClient } from 'pg';
import { createLogger } from '../config/logger';
import { searchAttributes } from '../workflows/messages';
import { findGo, goInstallCached, isExecutable, type Log } from './resolve-temporal-cli';
import { devServerDynamicConfig, portOpen } from './dev-server';
import { ensureTemporalNamespace } from './temporal-namespace';

export const TEMPORAL_SERVER_VERSION = 'v1.29.1';
const SERVER_MODULE = 'go.temporal.io/server';
type TemporalService = 'frontend' | 'history' | 'matching' | 'worker';
const root = resolve(__dirname, '..');

// ---------------------------------------------------------------------------------------------------
// The server binaries, schema and configuration template, built and cached once per machine.

export interface TemporalServerDist {
  server: string;
  sqlTool: string;
  schemaDir: string;
  configTemplate: string;
  dynamicConfig: string;
}

export function serverCacheDir(): string {
  const base = process.env.TEMPORAL_SERVER_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'breakatwork', 'temporal-server');
  return join(base, TEMPORAL_SERVER_VERSION);
}

function distIn(dir: string): TemporalServerDist {
  return {
    server: join(dir, 'server'),
    sqlTool: join(dir, 'sql'),
    schemaDir: join(dir, 'schema', 'postgresql', 'v12'),
    configTemplate: join(dir, 'config', 'development-postgres12.yaml'),
    dynamicConfig: join(dir, 'config', 'dynamicconfig', 'development-sql.yaml'),
  };
}

/** The cached build, or `go install` of the server and its SQL tool now (with the module's schema and config beside them). */
export function resolveTemporalServer(log: Log = () => undefined): TemporalServerDist {
  const dist = distIn(serverCacheDir());
  if (isExecutable(dist.server) && isExecutable(dist.sqlTool) && existsSync(dist.configTemplate)) return dist;
  const go = findGo();
  if (!go) throw new Error(`no Temporal server in ${serverCacheDir()} and no Go toolchain to build one (go install ${SERVER_MODULE}/cmd/server@${TEMPORAL_SERVER_VERSION})`);
  goInstallCached(
    go,
    {
      target: serverCacheDir(),
      packages: [`${SERVER_MODULE}/cmd/server`, `${SERVER_MODULE}/cmd/tools/sql`],
      version: TEMPORAL_SERVER_VERSION,
      complete(staging) {
        // `go install` left the module in the module cache: keep what the cluster starts from beside the binaries.
        const modCache = execFileSync(go, ['env', 'GOMODCACHE'], { encoding: 'utf8' }).trim();
        const module = join(modCache, `${SERVER_MODULE}@${TEMPORAL_SERVER_VERSION}`);
        cpSync(join(module, 'schema', 'postgresql', 'v12'), join(staging, 'schema', 'postgresql', 'v12'), { recursive: true });
        mkdirSync(join(staging, 'config', 'dynamicconfig'), { recursive: true });
        copyFileSync(join(module, 'config', 'development-postgres12.yaml'), join(staging, 'config', 'development-postgres12.yaml'));
        copyFileSync(join(module, 'config', 'dynamicconfig', 'development-sql.yaml'), join(staging, 'config', 'dynamicconfig', 'development-sql.yaml'));
      },
    },
    log,
  );
  return dist;
}

// ---------------------------------------------------------------------------------------------------
// The configuration: the module's template with this cluster's values, key by key.

/**
 * Sets `path` (keys of nested block mappings, e.g. `services.frontend.rpc.grpcPort`) to `value` in a
 * YAML document of block mappings, keeping everything else as written. Throws when the key is absent,
 * so that a changed template cannot silently keep the development values.
 */
export function setYamlValue(yaml: string, path: string, value: string | number): string {
  const keys = path.split('.');
  const lines = yaml.split('\n');
  const stack: Array<{ indent: number; key: string }> = [];
  for (const [i, line] of lines.entries()) {
    const match = /^(\s*)([A-Za-z0-9_-]+):/.exec(line);
    if (!match) continue;
    const [, spaces = '', key = ''] = match;
    while (stack.length && stack[stack.length - 1]!.indent >= spaces.length) stack.pop();
    stack.push({ indent: spaces.length, key });
    if (stack.length === keys.length && stack.every((s, k) => s.key === keys[k])) {
      lines[i] = `${spaces}${key}: ${typeof value === 'number' ? value : JSON.stringify(value)}`;
      return lines.join('\n');
    }
  }
  throw new Error(`the Temporal configuration template has no ${path}`);
}

export interface ClusterPorts {
  frontend: number;
  frontendHttp: number;
  history: number;
  matching: number;
  worker: number;
  membership: Record<TemporalService, number>;
}

export function clusterPorts(base: number): ClusterPorts {
  return {
    frontend: base,
    frontendHttp: base + 20,
    history: base + 1,
    matching: base + 2,
    worker: base + 3,
    membership: { frontend: base + 10, history: base + 11, matching: base + 12, worker: base + 13 },
  };
}

export function temporalConfig(
  template: string,
  db: { host: string; port: number; user: string; password: string; main: string; visibility: string },
  ports: ClusterPorts,
  dynamicConfigFile: string,
): string {
  const settings: Record<string, string | number> = {
    'persistence.datastores.postgres-default.sql.databaseName': db.main,
    'persistence.datastores.postgres-default.sql.connectAddr': `${db.host}:${db.port}`,
    'persistence.datastores.postgres-default.sql.user': db.user,
    'persistence.datastores.postgres-default.sql.password': db.password,
    'persistence.datastores.postgres-visibility.sql.databaseName': db.visibility,
    'persistence.datastores.postgres-visibility.sql.connectAddr': `${db.host}:${db.port}`,
    'persistence.datastores.postgres-visibility.sql.user': db.user,
    'persistence.datastores.postgres-visibility.sql.password': db.password,
    // Four processes on one machine: no fixed pprof or metrics port that they would fight over.
    'global.pprof.port': 0,
    'global.metrics.prometheus.listenAddress': '127.0.0.1:0',
    'services.frontend.rpc.grpcPort': ports.frontend,
    'services.frontend.rpc.membershipPort': ports.membership.frontend,
    'services.frontend.rpc.httpPort': ports.frontendHttp,
    'services.history.rpc.grpcPort': ports.history,
    'services.history.rpc.membershipPort': ports.membership.history,
    'services.matching.rpc.grpcPort': ports.matching,
    'services.matching.rpc.membershipPort': ports.membership.matching,
    'services.worker.rpc.grpcPort': ports.worker,
    'services.worker.rpc.membershipPort': ports.membership.worker,
    'clusterMetadata.clusterInformation.active.rpcAddress': `127.0.0.1:${ports.frontend}`,
    'namespaceDefaults.archival.history.URI': 'file:///tmp/temporal_archival/breakatwork-cluster',
    'namespaceDefaults.archival.visibility.URI': 'file:///tmp/temporal_vis_archival/breakatwork-cluster',
    // The template's path is relative to the server's working directory: ours is absolute.
    'dynamicConfigClient.filepath': dynamicConfigFile,
  };
  return Object.entries(settings).reduce((yaml, [path, value]) => setYamlValue(yaml, path, value), template);
}

// ---------------------------------------------------------------------------------------------------
// Processes.

export interface ManagedProcess {
  name: string;
  pid: number;
  /** The API's base URL, or the worker's health server. */
  url: string;
  logFile: string;
  /** Whether it is running now. */
  running(): boolean;
  /** Sends the signal (SIGTERM by default) and resolves once the process has exited, with its exit code or signal. */
  kill(signal?: NodeJS.Signals): Promise<string>;
  /** Starts it again with the same command and port; resolves once it is ready. */
  restart(): Promise<void>;
}

interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  url: string;
  /** Resolves once the process serves; rejects when it cannot. */
  ready: (child: ChildProcess, spec: ProcessSpec) => Promise<void>;
}

/** The last lines of a log, each cut short (the server's lines carry whole stack traces). */
function tail(file: string, lines = 8): string {
  try {
    return readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .slice(-lines)
      .map((line) => (line.length > 600 ? `${line.slice(0, 600)}…` : line))
      .join('\n');
  } catch {
    return '';
  }
}

function managedProcess(spec: ProcessSpec, logDir: string): { process: ManagedProcess; ready: Promise<void> } {
  const logFile = join(logDir, `${spec.name}.log`);
  let child: ChildProcess;
  let exited: Promise<string>;
  let launches = 0;
  const launch = () => {
    // A new cluster starts new logs; a restart adds to its process's log.
    const out = createWriteStream(logFile, { flags: launches++ ? 'a' : 'w' });
    child = spawn(spec.command, spec.args, { cwd: root, env: spec.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.pipe(out, { end: false });
    child.stderr!.pipe(out, { end: false });
    exited = new Promise((resolve) => child.once('exit', (code, signal) => (out.end(), resolve(signal ?? String(code)))));
    managed.pid = child.pid ?? -1;
    const failed = exited.then((how) => Promise.reject(new Error(`${spec.name} exited (${how}) before it was ready; ${logFile}:\n${tail(logFile)}`)));
    return Promise.race([spec.ready(child, spec), failed]);
  };
  const managed: ManagedProcess = {
    name: spec.name,
    pid: -1,
    url: spec.url,
    logFile,
    running: () => child.exitCode === null && child.signalCode === null,
    async kill(signal = 'SIGTERM') {
      if (managed.running()) child.kill(signal);
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      try {
        return await exited;
      } finally {
        clearTimeout(killer);
      }
    },
    async restart() {
      if (managed.running()) throw new Error(`${spec.name} is still running (pid ${managed.pid})`);
      await launch();
    },
  };
  return { process: managed, ready: launch() };
}

async function pollUntil(what: string, timeoutMs: number, attempt: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await attempt().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} did not become ready within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const answersOk = (url: string) => () => fetch(url, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok);

// ---------------------------------------------------------------------------------------------------
// The databases.

interface PgTarget {
  host: string;
  port: number;
  user: string;
  password: string;
}

function pgTarget(url: string): PgTarget {
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port || 5432), user: decodeURIComponent(parsed.username || 'postgres'), password: decodeURIComponent(parsed.password) };
}

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain PostgreSQL name: ${name}`);
  return `"${name}"`;
};

/** Roles and databases of the cluster, created when missing (dropped first with `fresh`). */
async function prepareDatabases(adminUrl: string, prefix: string, fresh: boolean): Promise<{ temporalRole: string; appRole: string; main: string; visibility: string; app: string }> {
  const names = { temporalRole: `${prefix}_temporal`, appRole: `${prefix}_app`, main: `${prefix}_temporal`, visibility: `${prefix}_temporal_visibility`, app: `${prefix}_app` };
  const admin = new PgClient({ connectionString: new URL('/postgres', adminUrl).toString() });
  await admin.connect();
  try {
    for (const role of [names.temporalRole, names.appRole]) {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      // Login roles without superuser; the local server trusts loopback (set a password for anything else).
      if (!rowCount) await admin.query(`CREATE ROLE ${ident(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE`);
    }
    const owners: Array<[string, string]> = [
      [names.main, names.temporalRole],
      [names.visibility, names.temporalRole],
      [names.app, names.appRole],
    ];
    for (const [database, owner] of owners) {
      if (fresh) await admin.query(`DROP DATABASE IF EXISTS ${ident(database)} WITH (FORCE)`);
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (!rowCount) await admin.query(`CREATE DATABASE ${ident(database)} OWNER ${ident(owner)}`);
    }
  } finally {
    await admin.end();
  }
  return names;
}

/** `setup-schema -v 0.0` on a database that has no schema yet, then `update-schema` to the module's latest version. */
async function applyTemporalSchema(dist: TemporalServerDist, pg: PgTarget, role: string, database: string, kind: 'temporal' | 'visibility', log: Log): Promise<void> {
  const client = new PgClient({ host: pg.host, port: pg.port, user: role, password: pg.password || undefined, database });
  await client.connect();
  const { rowCount } = await client.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'schema_version'").finally(() => client.end());
  const base = ['--plugin', 'postgres12', '--ep', pg.host, '-p', String(pg.port), '-u', role, ...(pg.password ? ['--pw', pg.password] : []), '--db', database];
  const run = (args: string[]) => {
    try {
      execFileSync(dist.sqlTool, [...base, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      const e = err as { stderr?: string; stdout?: string };
      throw new Error(`temporal-sql-tool ${args[0]} on ${database} failed:\n${e.stderr ?? ''}${e.stdout ?? ''}`, { cause: err });
    }
  };
  if (!rowCount) {
    log(`${database}: new, setting up the schema`);
    run(['setup-schema', '-v', '0.0']);
  }
  run(['update-schema', '-d', join(dist.schemaDir, kind, 'versioned')]);
}

// ---------------------------------------------------------------------------------------------------
// The cluster.

export interface ClusterOptions {
  apis: number;
  workers: number;
  basePort?: number;
  /** Database names' prefix (default `breakatwork_cluster`). */
  prefix?: string;
  /** Drops the cluster's databases first. */
  fresh?: boolean;
  dataDir?: string;
  /** PostgreSQL as a superuser, for roles and databases (default `CLUSTER_POSTGRES_URL` or postgres://postgres@127.0.0.1:5432). */
  postgresUrl?: string;
  namespace?: string;
  log?: Log;
  /** Extra environment of the API replicas and workers (e.g. raised rate limits for a load run). */
  env?: Record<string, string>;
}

export interface Cluster {
  temporalAddress: string;
  namespace: string;
  /** The service's database, as its (non-superuser) owner. */
  databaseUrl: string;
  temporal: ManagedProcess[];
  apis: ManagedProcess[];
  workers: ManagedProcess[];
  /** One more API replica / worker, on the next free port of its range. */
  startApi(): Promise<ManagedProcess>;
  startWorker(): Promise<ManagedProcess>;
  stop(): Promise<void>;
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const log = options.log ?? (() => undefined);
  const base = options.basePort ?? 7400;
  const prefix = options.prefix ?? 'breakatwork_cluster';
  const namespace = options.namespace ?? 'default';
  const dataDir = resolve(options.dataDir ?? join(root, 'data', 'cluster'));
  const adminUrl = options.postgresUrl ?? process.env.CLUSTER_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';
  const pg = pgTarget(adminUrl);
  const ports = clusterPorts(base);
  const logDir = join(dataDir, 'logs');
  mkdirSync(join(dataDir, 'config', 'dynamicconfig'), { recursive: true });
  mkdirSync(logDir, { recursive: true });

  const dist = resolveTemporalServer(log);
  const db = await prepareDatabases(adminUrl, prefix, options.fresh ?? false);
  await applyTemporalSchema(dist, pg, db.temporalRole, db.main, 'temporal', log);
  await applyTemporalSchema(dist, pg, db.temporalRole, db.visibility, 'visibility', log);
  const dynamicConfigFile = join(dataDir, 'config', 'dynamicconfig', 'development-sql.yaml');
  copyFileSync(dist.dynamicConfig, dynamicConfigFile);
  // The service's settings after the module's own (none of its keys).
  appendFileSync(dynamicConfigFile, devServerDynamicConfig.map(([key, value]) => `\n${key}:\n  - value: ${JSON.stringify(value)}\n`).join(''));
  const config = temporalConfig(readFileSync(dist.configTemplate, 'utf8'), { ...pg, user: db.temporalRole, main: db.main, visibility: db.visibility }, ports, dynamicConfigFile);
  writeFileSync(join(dataDir, 'config', 'development.yaml'), config);

  const started: ManagedProcess[] = [];
  const stopAll = async () => {
    // The service's processes drain first, then Temporal's.
    const service = started.filter((p) => !p.name.startsWith('temporal-'));
    await Promise.all(service.map((p) => p.kill('SIGTERM')));
    await Promise.all(started.filter((p) => p.name.startsWith('temporal-')).map((p) => p.kill('SIGTERM')));
  };
  try {
    const temporalAddress = `127.0.0.1:${ports.frontend}`;
    const startTemporal = async (service: TemporalService) => {
      const grpcPort = service === 'frontend' ? ports.frontend : ports[service];
      // Temporal's worker service serves no gRPC of its own: it is ready once it listens for its ring.
      const readyPort = service === 'worker' ? ports.membership.worker : grpcPort;
      const { process: server, ready } = managedProcess(
        {
          name: `temporal-${service}`,
          command: dist.server,
          args: ['--root', dataDir, '--config', 'config', '--env', 'development', '--allow-no-auth', 'start', '--service', service],
          env: { ...process.env },
          url: `127.0.0.1:${readyPort}`,
          // The frontend is checked through the SDK below as well.
          ready: () => pollUntil(`Temporal ${service}`, 120_000, () => portOpen(readyPort)),
        },
        logDir,
      );
      started.push(server);
      await ready;
      return server;
    };
    // One service first: each process writes the cluster's metadata record when it finds none, and
    // processes that find none at the same moment fail ("failed to initialize current cluster metadata").
    const history = await startTemporal('history');
    const temporal = [history, ...(await Promise.all((['matching', 'frontend', 'worker'] as const).map(startTemporal)))];
    log(`Temporal ${TEMPORAL_SERVER_VERSION} serving at ${temporalAddress} (frontend, history, matching, worker)`);

    const connection = await Connection.connect({ address: temporalAddress });
    try {
      await pollUntil('the Temporal frontend', 60_000, async () => (await connection.healthService.check({})).status === grpcHealth.health.v1.HealthCheckResponse.ServingStatus.SERVING);
      await ensureTemporalNamespace(connection, {
        address: temporalAddress,
        namespace,
        retentionDays: 3,
        searchAttributes: Object.values(searchAttributes),
        log: createLogger('warn'),
      });
    } finally {
      await connection.close();
    }
    log(`namespace ${namespace} ready with the search attributes ${Object.values(searchAttributes).map((a) => a.name).join(', ')}`);

    const databaseUrl = `postgres://${encodeURIComponent(db.appRole)}${pg.password ? `:${encodeURIComponent(pg.password)}` : ''}@${pg.host}:${pg.port}/${db.app}`;
    const serviceEnv: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_NAMESPACE: namespace,
      TEMPORAL_METRICS_ADDRESS: 'off',
      HOST: '127.0.0.1',
      ...options.env,
    };
    const counts = { api: 0, worker: 0 };
    const apis: ManagedProcess[] = [];
    const workers: ManagedProcess[] = [];
    // API replica i on B+100+i, serving /readyz; worker j's health server on B+200+j.
    const startOne = async (kind: 'api' | 'worker') => {
      const port = base + (kind === 'api' ? 100 : 200) + counts[kind];
      const url = `http://127.0.0.1:${port}`;
      const { process: child, ready } = managedProcess(
        {
          name: `${kind}-${++counts[kind]}`,
          command: process.execPath,
          args: [...PRELOAD_ARGS, '--import', 'tsx', `scripts/${kind}.ts`],
          env: { ...serviceEnv, [kind === 'api' ? 'PORT' : 'WORKER_HEALTH_PORT']: String(port) },
          url,
          ready: () => pollUntil(`${kind} on ${port}`, 120_000, answersOk(`${url}/readyz`)),
        },
        logDir,
      );
      started.push(child);
      await ready;
      (kind === 'api' ? apis : workers).push(child);
      return child;
    };
    const startApi = () => startOne('api');
    const startWorker = () => startOne('worker');
    // The first API replica migrates the store and loads the demo data alone; the others start together.
    if (options.apis > 0) await startApi();
    await Promise.all([...Array.from({ length: Math.max(0, options.apis - 1) }, startApi), ...Array.from({ length: options.workers }, startWorker)]);
    return { temporalAddress, namespace, databaseUrl, temporal, apis, workers, startApi, startWorker, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}


// ---------------------------------------------------------------------------------------------------

function parseArgs(argv: string[]): ClusterOptions {
  const options: ClusterOptions = { apis: 2, workers: 2 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    const count = (v: string) => {
      if (!/^\d+$/.test(v)) throw new Error(`${arg} takes a whole number, not ${v}`);
      return Number(v);
    };
    if (arg === '--apis') options.apis = count(value());
    else if (arg === '--workers') options.workers = count(value());
    else if (arg === '--base-port') options.basePort = count(value());
    else if (arg === '--prefix') options.prefix = value();
    else if (arg === '--data-dir') options.dataDir = value();
    else if (arg === '--namespace') options.namespace = value();
    else if (arg === '--fresh') options.fresh = true;
    else throw new Error(`unknown option ${arg} (--apis N --workers M --base-port P --prefix NAME --data-dir DIR --namespace NS --fresh)`);
  }
  return options;
}

async function main(): Promise<void> {
  if (process.argv[2] === '--build-only') {
    // CI and images: the server and its SQL tool built (or found in the cache) now, nothing started.
    const dist = resolveTemporalServer((line) => console.error(`[temporal-server] ${line}`));
    console.log(dist.server);
    return;
  }
  let options: ClusterOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(String(err instanceof Error ? err.message : err));
    process.exit(2);
  }
  const say = (line: string) => console.log(`[cluster] ${line}`);
  const cluster = await startCluster({ ...options, log: say });
  const rows: Array<[string, string, string]> = [
    ...cluster.temporal.map((p): [string, string, string] => [p.name, p.url, p.logFile]),
    ...cluster.apis.map((p): [string, string, string] => [p.name, p.url, p.logFile]),
    ...cluster.workers.map((p): [string, string, string] => [p.name, `${p.url}/readyz`, p.logFile]),
  ];
  const width = Math.max(...rows.map((r) => r[1].length));
  say('running:');
  for (const [name, url, logFile] of rows) console.log(`  ${name.padEnd(18)} ${url.padEnd(width)}  ${logFile}`);
  say(`service database: ${cluster.databaseUrl}`);
  say(`Temporal CLI: temporal workflow list --address ${cluster.temporalAddress} --namespace ${cluster.namespace}`);
  say('Ctrl-C stops everything');
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    say('stopping: API replicas and workers drain, then Temporal');
    cluster.stop().then(
      () => process.exit(0),
      (err: unknown) => (console.error(err), process.exit(1)),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
