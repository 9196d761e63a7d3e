/**
 * `npm run api`: one API replica — the store (migrated), a Temporal client, the Express app on HOST:PORT
 * with /healthz and /readyz. No worker: journeys progress once a worker process (`npm run worker`) polls
 * the task queue. SIGTERM/SIGINT: stop accepting, let requests in flight finish (5 s grace), exit 0.
 * Temporal by TEMPORAL_ADDRESS or a profile (config/temporal-connection.ts); neither: localhost:7233.
 */
import { runProcess } from './process-main';
import { listenApi, startFoundation } from './service';

runProcess('api', async (config, log) => {
  const foundation = await startFoundation(config, log, { embeddedDevServer: false });
  try {
    const url = await listenApi(foundation, config, log);
    log.info('api started', { api: url, listening: `${config.host}:${config.port}`, temporal: foundation.address, namespace: config.temporal.namespace });
    return { stop: () => foundation.stop() };
  } catch (err) {
    await foundation.stop();
    throw err;
  }
});
