/**
 * The whole service in one process: database (migrated, demo data once), Temporal (an existing one, or
 * the embedded dev server), the worker and the API. `stop()` closes the API, drains the worker and
 * stops the rest in reverse order.
 */
import { Client, Connection } from '@temporalio/client';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { createApp } from '../api/app';
import type { Config } from '../config';
import type { Logger } from '../config/logger';
import { openDb } from '../store/db';
import { loadDemoData } from '../store/demo-data';
import { migrate } from '../store/migrate';
import { connectInspector } from '../worker/inspector';
import { createWorker } from '../worker/worker';
import { loadJourneyDataConverter } from '../worker/payload-codec';
import { searchAttributes } from '../workflows/messages';
import type { NativeConnection, Worker } from '@temporalio/worker';
import { startDevServer, type DevServer } from './dev-server';
import { ensureTemporalNamespace, TemporalSetupError } from './temporal-namespace';

export interface RunningService {
  apiUrl: string;
  temporalAddress: string;
  temporalUiUrl?: string;
  stop(): Promise<void>;
}

/**
 * Runs the worker, and runs a new one if it stops on its own (the SDK shuts a worker down on some
 * failures): journeys are durable, so a new worker takes them up where they are.
 */
export function superviseWorker(create: () => Promise<{ worker: Worker; connection: NativeConnection }>, log: Logger, backoffMs = 1_000) {
  let stopping = false;
  let current: Worker | undefined;
  let markStarted!: () => void;
  let failStart!: (err: unknown) => void;
  const started = new Promise<void>((resolve, reject) => ((markStarted = resolve), (failStart = reject)));
  let wakeUp: () => void = () => undefined;
  const pause = (ms: number) => new Promise<void>((resolve) => ((wakeUp = resolve), setTimeout(resolve, ms)));
  const loop = (async () => {
    for (let attempt = 0; !stopping; attempt++) {
      let created;
      try {
        created = await create();
      } catch (err) {
        if (attempt === 0) return failStart(err);
        log.error('could not create the worker; retrying', { error: String(err) });
        await pause(Math.min(30_000, backoffMs * 2 ** Math.min(attempt, 5)));
        continue;
      }
      current = created.worker;
      markStarted();
      try {
        // Stopped while it was being created: it never runs.
        if (!stopping) await created.worker.run();
        if (!stopping) log.error('the worker stopped by itself; starting a new one');
      } catch (err) {
        log.error('the worker failed; starting a new one', { error: String(err) });
      } finally {
        await created.connection.close();
      }
      if (!stopping) await pause(Math.min(30_000, backoffMs * 2 ** Math.min(attempt, 5)));
    }
  })();
  return {
    started,
    async stop() {
      stopping = true;
      wakeUp();
      if (current?.getState() === 'RUNNING') current.shutdown();
      await loop;
    },
  };
}

export async function startService(config: Config, log: Logger): Promise<RunningService> {
  const cleanups: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (err) {
        log.error('error while stopping', { error: String(err) });
      }
    }
  };
  try {
    for (const warning of config.warnings) log.warn(warning);
    const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') });
    cleanups.push(() => db.close());
    const applied = await migrate(db);
    log.info('database ready', { backend: config.databaseUrl ? 'postgresql' : 'pglite', migrationsApplied: applied.length });
    if (config.demoData) {
      const loaded = await loadDemoData(db);
      log.info(loaded ? 'demo data loaded' : 'demo data already present');
    }

    // Every client and worker of this process encrypts with the same keys (configured, or kept in the store).
    const dataConverter = await loadJourneyDataConverter(config, db);

    let devServer: DevServer | undefined;
    let address = config.temporal.address;
    if (!address) {
      devServer = await startDevServer({
        dataDir: config.dataDir,
        port: config.temporal.devPort,
        uiPort: config.temporal.uiPort,
        namespace: config.temporal.namespace,
        log: (m, level = 'info') => log[level](m, { component: 'temporal-dev-server' }),
      });
      cleanups.push(() => devServer!.stop());
      address = devServer.address;
      log.info('embedded Temporal dev server started', { address, ui: devServer.uiUrl });
    }

    const connection = await Connection.connect({ address }).catch((err: unknown) => {
      throw new TemporalSetupError(
        [`could not reach Temporal at ${address}${devServer ? '' : ' (TEMPORAL_ADDRESS)'}: ${err instanceof Error ? err.message : String(err)}`],
        [],
      );
    });
    cleanups.push(() => connection.close());
    // The namespace and our search attributes, before the worker polls or a journey starts (one path
    // for an external Temporal and the embedded dev server; refuses to start when it cannot).
    await ensureTemporalNamespace(connection, {
      address,
      namespace: config.temporal.namespace,
      retentionDays: config.temporal.namespaceRetentionDays,
      searchAttributes: Object.values(searchAttributes),
      log,
    });
    const temporal = new Client({ connection, namespace: config.temporal.namespace, dataConverter });

    const inspector = await connectInspector(config.inspectUrl);
    if (inspector) {
      cleanups.push(() => Promise.resolve(inspector.stop()));
      log.info('live journeys stream to the XState inspector', { url: config.inspectUrl });
    }
    const supervisor = superviseWorker(
      () => createWorker({ address, namespace: config.temporal.namespace, taskQueue: config.temporal.taskQueue, deps: { db }, inspector, dataConverter }),
      log,
    );
    await supervisor.started;
    cleanups.push(() => supervisor.stop()); // drains: in-flight activities and workflow tasks finish first

    const app = createApp({ config, db, temporal, log, ...(devServer ? { temporalWebUrl: devServer.uiUrl } : {}) });
    const server = await new Promise<Server>((resolve, reject) => {
      const s = app.listen(config.port, config.host, (err?: Error) => (err ? reject(err) : resolve(s)));
    });
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Requests still waiting after a grace period are cut, so that stopping never hangs.
          setTimeout(() => server.closeAllConnections(), 5_000).unref();
        }),
    );
    // Listening on every interface: this machine reaches it on loopback.
    const reachable = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host;
    const apiUrl = `http://${reachable}:${config.port}`;
    log.info('service started', {
      api: apiUrl,
      listening: `${config.host}:${config.port}`,
      temporal: address,
      taskQueue: config.temporal.taskQueue,
      identity: [config.oidc && `OpenID provider ${config.oidc.issuer}`, config.devIdentity && 'development identity provider'].filter(Boolean).join(' + ') || 'none',
      tokenSecret: config.tokens.secret ? 'TOKEN_SECRET' : 'generated, kept in the store',
    });
    return { apiUrl, temporalAddress: address, temporalUiUrl: devServer?.uiUrl, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
