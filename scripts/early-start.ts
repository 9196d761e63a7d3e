/**
 * The two slow starts of the foundation that need nothing but the configuration: the store's connection
 * (embedded PGlite opens in a thread of its own, most of a second) and the embedded Temporal dev server
 * (a child process). `startFoundation` begins them side by side; `npm start` begins them before it loads
 * the rest of the service (about a second of modules), so that they run meanwhile. This module loads
 * only what they need.
 */
import { join } from 'node:path';
import type { Config } from '../config';
import type { Logger } from '../config/logger';
import { openDb, type Db } from '../store/db';
import { startDevServer, type DevServer } from './dev-server';

export interface Begun {
  /** The store's connection, not yet migrated (`openStore` does the rest). */
  db: Promise<Db>;
  /** The embedded dev server; undefined when Temporal is configured or not embedded. */
  devServer: Promise<DevServer | undefined>;
  /**
   * Resolves once both are under way: PGlite's thread and the dev server's process run on their own
   * from then on, even while this process's event loop is busy (loading modules). Never rejects.
   */
  underWay: Promise<void>;
}

export function beginFoundation(config: Config, log: Logger, options: { embeddedDevServer: boolean }): Begun {
  // PGlite's thread starts before openDb first waits.
  const db = openDb({ databaseUrl: config.databaseUrl, dataDir: join(config.dataDir, 'pglite') });
  let spawned = () => {};
  const underWay = new Promise<void>((resolve) => (spawned = resolve));
  const devServer =
    !config.temporal.address && options.embeddedDevServer
      ? startDevServer(
          {
            dataDir: config.dataDir,
            port: config.temporal.devPort,
            uiPort: config.temporal.uiPort,
            namespace: config.temporal.namespace,
            log: (m, level = 'info') => log[level](m, { component: 'temporal-dev-server' }),
          },
          spawned,
        )
      : Promise.resolve(undefined);
  // Settled either way once the server is spawned, failed before, or not embedded.
  void devServer.then(spawned, spawned);
  // Awaited by startFoundation (or abandonFoundation), which reports a failure.
  db.catch(() => undefined);
  return { db, devServer, underWay };
}

/** Stops what was begun, for a start-up that fails before `startFoundation` has taken it over. */
export async function abandonFoundation(begun: Begun): Promise<void> {
  const [db, devServer] = await Promise.allSettled([begun.db, begun.devServer]);
  await Promise.allSettled([db.status === 'fulfilled' ? db.value.close() : undefined, devServer.status === 'fulfilled' ? devServer.value?.stop() : undefined]);
}
