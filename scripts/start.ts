/**
 * `npm start`: the whole service in one process with its embedded defaults (dev server, PGlite);
 * Ctrl-C closes the API, drains the worker and stops everything. A worker that stops on its own stops
 * the whole process with exit code 1.
 */
import { installTemporalRuntime } from '../worker/temporal-runtime';
import { ensureWebBuilt } from './build-web';
import { runProcess } from './process-main';
import { startService } from './service';

runProcess('npm start', async (config, log) => {
  // The web application is served from web/dist: built now if its sources changed since the last build.
  ensureWebBuilt({ say: (line) => log.info(line) });
  // Before the worker connects: the SDK's lines join ours, and its metrics are served.
  installTemporalRuntime({ log, metricsAddress: config.temporal.metricsAddress });
  if (config.temporal.metricsAddress) log.info('Temporal worker metrics for Prometheus', { url: `http://${config.temporal.metricsAddress}/metrics` });
  const service = await startService(config, log);
  if (service.temporalUiUrl) log.info(`Temporal web UI: ${service.temporalUiUrl}`);
  log.info(`API: ${service.apiUrl} (OpenAPI at ${service.apiUrl}/openapi.json, docs at ${service.apiUrl}/docs)`);
  return { stop: () => service.stop(), failed: service.workerFailed };
});
