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
import { startDevServer, type DevServer } from './dev-server';

export interface RunningService {
  apiUrl: string;
  temporalAddress: string;
  temporalUiUrl?: string;
  stop(): Promise<void>;
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
    const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') });
    cleanups.push(() => db.close());
    const applied = await migrate(db);
    log.info('database ready', { backend: config.databaseUrl ? 'postgresql' : 'pglite', migrationsApplied: applied.length });
    if (config.demoData) {
      const loaded = await loadDemoData(db);
      log.info(loaded ? 'demo data loaded' : 'demo data already present');
    }

    let devServer: DevServer | undefined;
    let address = config.temporal.address;
    if (!address) {
      devServer = await startDevServer({
        dataDir: config.dataDir,
        port: config.temporal.devPort,
        uiPort: config.temporal.uiPort,
        namespace: config.temporal.namespace,
        log: (m) => log.info(m, { component: 'temporal-dev-server' }),
      });
      cleanups.push(() => devServer!.stop());
      address = devServer.address;
      log.info('embedded Temporal dev server started', { address, ui: devServer.uiUrl });
    }

    const connection = await Connection.connect({ address });
    cleanups.push(() => connection.close());
    const temporal = new Client({ connection, namespace: config.temporal.namespace });

    const inspector = await connectInspector(config.inspectUrl);
    if (inspector) {
      cleanups.push(() => Promise.resolve(inspector.stop()));
      log.info('live journeys stream to the XState inspector', { url: config.inspectUrl });
    }
    const { worker, connection: workerConnection } = await createWorker({
      address,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
      deps: { db },
      inspector,
    });
    cleanups.push(() => workerConnection.close());
    const running = worker.run();
    cleanups.push(async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running; // drains: in-flight activities and workflow tasks finish first
    });
    running.catch((err: unknown) => log.error('worker stopped with an error', { error: String(err) }));

    const app = createApp({ config, db, temporal, log });
    const server = await new Promise<Server>((resolve, reject) => {
      const s = app.listen(config.port, '0.0.0.0', (err?: Error) => (err ? reject(err) : resolve(s)));
    });
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const apiUrl = `http://127.0.0.1:${config.port}`;
    log.info('service started', { api: apiUrl, temporal: address, taskQueue: config.temporal.taskQueue });
    return { apiUrl, temporalAddress: address, temporalUiUrl: devServer?.uiUrl, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
