/**
 * The pieces every entry point is made of, written once:
 * - `startFoundation`: the store (opened, migrated, demo data once), the data converter, Temporal (the
 *   connection by config/temporal-connection.ts, or the embedded dev server for `npm start`), the
 *   namespace made ready. Safe when several replicas start at once on one database and one namespace.
 * - `runWorker`: the Temporal worker, drained by `stop()`; `failed` settles when it stops on its own.
 * - `listenApi`: the Express app on HOST:PORT, closed with a grace period.
 * - `startHealthServer`: /healthz and /readyz of the worker process.
 * `startService` (`npm start`) puts them all in one process; scripts/api.ts and scripts/worker.ts each
 * take what they need. There is no supervisor: a worker that stops on its own ends its process with a
 * non-zero code, and the process manager (systemd, Docker, Kubernetes) starts a new one.
 */
import { Client, Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import type { Worker } from '@temporalio/worker';
import { createServer, type Server } from 'node:http';
import { createApp } from '../api/app';
import type { Config } from '../config';
import type { Logger } from '../config/logger';
import { describeTemporalConnection, temporalConnectOptions, type TemporalConnectOptions } from '../config/temporal-connection';
import type { Db } from '../store/db';
import { loadDemoData } from '../store/demo-data';
import { migrate } from '../store/migrate';
import { connectInspector, type InspectorLike } from '../worker/inspector';
import { loadJourneyDataConverter } from '../worker/payload-codec';
import { searchAttributes } from '../workflows/messages';
import { ensureWorkflowBundle, type WorkflowBundle } from './build-workflow-bundle';
import type { DevServer } from './dev-server';
import { beginFoundation, type Begun } from './early-start';
import { ensureTemporalNamespace, TemporalSetupError } from './temporal-namespace';

/** Something started, with the way to stop it; stopped in reverse order of starting. */
type Cleanup = () => Promise<void>;

class Cleanups {
  private readonly list: Cleanup[] = [];
  constructor(private readonly log: Logger) {}
  add(cleanup: Cleanup): void {
    this.list.push(cleanup);
  }
  async run(): Promise<void> {
    for (const cleanup of this.list.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (err) {
        this.log.error('error while stopping', { error: String(err) });
      }
    }
  }
}

/** The store, opened and migrated, with the demo data loaded once and the keys every process shares. */
export interface Store {
  db: Db;
  dataConverter: DataConverter;
}

/**
 * Makes the store ready for one process, on its connection (`beginFoundation` opens it): migrations
 * (each under a transaction advisory lock on PostgreSQL), the demo data (once, under its own lock), the
 * payload keys (one row kept, whoever inserts first). Several processes may call it at the same moment
 * on one database. Closes the connection when it fails.
 */
async function openStore(config: Config, log: Logger, opening: Promise<Db>): Promise<Store> {
  const db = await opening;
  try {
    const applied = await migrate(db);
    log.info('database ready', { backend: config.databaseUrl ? 'postgresql' : 'pglite', migrationsApplied: applied.length });
    if (config.demoData) {
      const loaded = await loadDemoData(db);
      log.info(loaded ? 'demo data loaded' : 'demo data already present');
    }
    // Every client and worker encrypts with the same keys (configured, or kept in the store).
    const dataConverter = await loadJourneyDataConverter(config, db);
    return { db, dataConverter };
  } catch (err) {
    await db.close();
    throw err;
  }
}

export interface Foundation extends Store {
  /** host:port of the Temporal frontend in use. */
  address: string;
  /** The options of every connection to it (client and worker alike). */
  connectOptions: TemporalConnectOptions;
  /** A client on the configured namespace, with the service's data converter. */
  temporal: Client;
  devServer?: DevServer;
  /** Registers something to stop (before what the foundation itself started). */
  onStop(cleanup: Cleanup): void;
  /** Stops everything registered, in reverse order, then Temporal and the store. */
  stop(): Promise<void>;
}

export interface FoundationOptions {
  /** `npm start`: run the embedded dev server when no Temporal address is configured. */
  embeddedDevServer: boolean;
  /** The store's connection and the dev server, already begun (`npm start` begins them first); taken over here. */
  begun?: Begun;
}

export async function startFoundation(config: Config, log: Logger, options: FoundationOptions): Promise<Foundation> {
  const cleanups = new Cleanups(log);
  try {
    for (const warning of config.warnings) log.warn(warning);
    let address = config.temporal.address;
    // The store and the embedded dev server start side by side: neither needs the other (each takes
    // most of a second; one after the other was most of `npm start`'s time).
    const begun = options.begun ?? beginFoundation(config, log, options);
    const [opened, started] = await Promise.allSettled([openStore(config, log, begun.db), begun.devServer]);
    if (opened.status === 'fulfilled') cleanups.add(() => opened.value.db.close());
    if (started.status === 'fulfilled' && started.value) cleanups.add(() => started.value!.stop());
    if (opened.status === 'rejected') throw opened.reason;
    if (started.status === 'rejected') throw started.reason;
    const store = opened.value;
    const devServer: DevServer | undefined = started.value;
    if (devServer) {
      address = devServer.address;
      log.info('embedded Temporal dev server started', { address, ui: devServer.uiUrl });
    }
    // The dev server is plain local gRPC: the configured TLS and API key are for an external Temporal.
    const connectOptions = devServer ? { address: devServer.address } : temporalConnectOptions(config.temporal.connection);
    address = connectOptions.address;
    const connection = await Connection.connect(connectOptions).catch((err: unknown) => {
      const where = devServer ? '' : config.temporal.address ? ' (TEMPORAL_ADDRESS)' : ' (the default: set TEMPORAL_ADDRESS, or TEMPORAL_PROFILE with a Temporal config file)';
      throw new TemporalSetupError([`could not reach Temporal at ${address}${where}: ${err instanceof Error ? err.message : String(err)}`], []);
    });
    cleanups.add(() => connection.close());
    if (!devServer) log.info('Temporal connection', { address, namespace: config.temporal.namespace, ...describeTemporalConnection(config.temporal.connection) });
    // The namespace and our search attributes, before the worker polls or a journey starts (one path
    // for an external Temporal and the embedded dev server; refuses to start when it cannot).
    await ensureTemporalNamespace(connection, {
      address,
      namespace: config.temporal.namespace,
      retentionDays: config.temporal.namespaceRetentionDays,
      searchAttributes: Object.values(searchAttributes),
      log,
    });
    const temporal = new Client({ connection, namespace: config.temporal.namespace, dataConverter: store.dataConverter });
    return { ...store, address, connectOptions, temporal, devServer, onStop: (c) => cleanups.add(c), stop: () => cleanups.run() };
  } catch (err) {
    await cleanups.run();
    throw err;
  }
}

export interface RunningWorker {
  worker: Worker;
  /** Settles (with the reason) only when the worker stops without being asked to: its process must end. */
  failed: Promise<Error>;
  /** Drains (in-flight activities and workflow tasks finish first), then closes its connection. */
  stop(): Promise<void>;
}

/**
 * The workflow bundle built by `npm install`, checked current (rebuilt when missing or stale, with a
 * line that says which file changed). Started before the foundation, so that the check runs meanwhile.
 */
export function prepareWorkflowBundle(log: Logger): Promise<WorkflowBundle> {
  const bundle = ensureWorkflowBundle({ say: (line) => log.info(line) }).then((b) => {
    if (!b.built) log.info('workflow bundle is current', { bytes: b.bytes, checkMs: b.ms });
    return b;
  });
  bundle.catch(() => undefined); // awaited by runWorker, which reports the failure
  return bundle;
}

export async function runWorker(
  foundation: Foundation,
  config: Config,
  log: Logger,
  inspector?: InspectorLike,
  prepared: Promise<WorkflowBundle> = prepareWorkflowBundle(log),
): Promise<RunningWorker> {
  const bundle = await prepared;
  // The SDK's worker (a fifth of the service's modules) is loaded by the processes that run a worker only.
  const { createWorker, workflowThreadPreloaded } = await import('../worker/worker');
  const { worker, connection } = await createWorker({
    workflowBundle: bundle.bundle,
    cacheMb: config.workerCacheMb,
    connection: foundation.connectOptions,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    deps: { db: foundation.db },
    inspector,
    dataConverter: foundation.dataConverter,
  });
  const preloaded = workflowThreadPreloaded();
  let stopping = false;
  const run = worker.run().finally(() => connection.close());
  const failed = new Promise<Error>((resolve) => {
    run.then(
      () => (stopping ? undefined : resolve(new Error('the worker stopped by itself'))),
      (err: unknown) => (stopping ? log.error('the worker failed while draining', { error: String(err) }) : resolve(err instanceof Error ? err : new Error(String(err)))),
    );
  });
  log.info('worker started', {
    taskQueue: config.temporal.taskQueue,
    namespace: config.temporal.namespace,
    address: foundation.address,
    workflowBundleBytes: bundle.bytes,
    cacheMb: config.workerCacheMb,
    maxCachedWorkflows: worker.options.maxCachedWorkflows,
    workflowStackTraces: config.workflowStackTraces || !preloaded ? 'on' : 'off',
  });
  if (!config.workflowStackTraces && !preloaded) {
    log.warn('workflow stack traces stay on: this process was started without the workflow threads\' preload (node --require ./worker/workflow-thread-preload.cjs, as npm start and npm run worker do)');
  }
  return {
    worker,
    failed,
    async stop() {
      stopping = true;
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await run.catch(() => undefined);
    },
  };
}

/** Where a server listening on `host` is reached from this machine. */
export function reachableUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${reachable}:${port}`;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => (server.off('error', reject), resolve()));
  });
}

/** Stops accepting, lets requests in flight finish; those still running after `graceMs` are cut. */
function closeServer(server: Server, graceMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), graceMs).unref();
  });
}

/**
 * The API on HOST:PORT; `foundation.stop()` closes it first (grace period 5 s). `workerState`: the
 * state of the worker this process also runs (`npm start`), for /readyz.
 */
export async function listenApi(foundation: Foundation, config: Config, log: Logger, workerState?: () => string): Promise<string> {
  let draining = false;
  const app = createApp({
    config,
    db: foundation.db,
    temporal: foundation.temporal,
    log,
    draining: () => draining,
    ...(workerState ? { workerState } : {}),
    ...(foundation.devServer ? { temporalWebUrl: foundation.devServer.uiUrl } : {}),
  });
  const server = createServer(app);
  await listen(server, config.port, config.host);
  foundation.onStop(() => {
    draining = true;
    return closeServer(server, 5_000);
  });
  return reachableUrl(config.host, config.port);
}

/** GET /healthz (the process answers) and GET /readyz (200 only while `ready()`), for a worker process. */
export async function startHealthServer(host: string, port: number, ready: () => { ready: boolean; state: string }): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, { status: 'method not allowed' });
    if (path === '/healthz') return send(200, { status: 'ok' });
    if (path === '/readyz') {
      const { ready: isReady, state } = ready();
      return send(isReady ? 200 : 503, { status: isReady ? 'ready' : 'not ready', worker: state });
    }
    send(404, { status: 'not found' });
  });
  await listen(server, port, host);
  return { url: reachableUrl(host, port), close: () => closeServer(server, 1_000) };
}

export interface RunningService {
  apiUrl: string;
  temporalAddress: string;
  temporalUiUrl?: string;
  /** Settles only when the worker stops on its own: `npm start` then stops with a non-zero code. */
  workerFailed: Promise<Error>;
  stop(): Promise<void>;
}

export interface StartServiceOptions {
  /** The store's connection and the dev server, when the caller began them already (`beginFoundation`). */
  begun?: Begun;
  /** Run once the API listens, before the worker starts (`npm start` installs the SDK's runtime). */
  beforeWorker?: () => void | Promise<void>;
}

/**
 * `npm start`: database, Temporal (existing or embedded), worker and API in one process.
 *
 * The API opens while the worker starts (its workflow threads load the bundle, a few tenths of a second): /healthz
 * says the process answers, /readyz answers 503 until the worker runs. Start-up still waits for the
 * worker, and fails (the API closed, everything stopped) when it cannot start.
 */
export async function startService(config: Config, log: Logger, options: StartServiceOptions = {}): Promise<RunningService> {
  const bundle = prepareWorkflowBundle(log);
  const foundation = await startFoundation(config, log, { embeddedDevServer: true, begun: options.begun });
  try {
    const inspector = await connectInspector(config.inspectUrl);
    if (inspector) {
      foundation.onStop(() => Promise.resolve(inspector.stop()));
      log.info('live journeys stream to the XState inspector', { url: config.inspectUrl });
    }
    const current: { worker?: RunningWorker } = {};
    // Registered before the API's close, so that on stop the API closes first and the worker drains after.
    let starting: Promise<RunningWorker | undefined> = Promise.resolve(undefined);
    foundation.onStop(async () => (await starting)?.stop());
    const apiUrl = await listenApi(foundation, config, log, () => current.worker?.worker.getState() ?? 'STARTING');
    log.info('API listening, worker starting', { api: apiUrl });
    const worker = (async () => {
      await options.beforeWorker?.();
      return runWorker(foundation, config, log, inspector, bundle);
    })();
    starting = worker.catch(() => undefined);
    current.worker = await worker;
    log.info('service started', {
      api: apiUrl,
      listening: `${config.host}:${config.port}`,
      temporal: foundation.address,
      taskQueue: config.temporal.taskQueue,
      identity: [config.oidc && `OpenID provider ${config.oidc.issuer}`, config.devIdentity && 'development identity provider'].filter(Boolean).join(' + ') || 'none',
      tokenSecret: config.tokens.secret ? 'TOKEN_SECRET' : 'generated, kept in the store',
    });
    return { apiUrl, temporalAddress: foundation.address, temporalUiUrl: foundation.devServer?.uiUrl, workerFailed: current.worker.failed, stop: () => foundation.stop() };
  } catch (err) {
    await foundation.stop();
    throw err;
  }
}
