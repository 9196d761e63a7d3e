/**
 * `npm start`: the whole service in one process with its embedded defaults (dev server, PGlite);
 * Ctrl-C closes the API, drains the worker and stops everything. A worker that stops on its own, or
 * cannot start, stops the whole process with exit code 1.
 *
 * Start-up order: the configuration; the store's connection (PGlite opens in a thread of its own) and
 * the embedded dev server (a child process) begin before the rest of the service is loaded (most of a
 * second of modules), so that they start meanwhile; then the foundation and the API (/healthz answers);
 * then the worker (/readyz answers 200 once it runs).
 */
import { setFlagsFromString } from 'node:v8';
import { abandonFoundation, beginFoundation } from './early-start';
import { runProcess } from './process-main';

runProcess('npm start', async (config, log) => {
  // Embedded PGlite is PostgreSQL compiled to 8 MB of WebAssembly. V8's optimising tier compiles its hot
  // functions in background threads: more than a second of CPU in the first seconds, when two cores have
  // the modules, PGlite and the dev server to start. Its baseline compiler alone starts PGlite with half
  // the CPU; its queries then run about 15 % slower than once optimised (README, Performance).
  // Read when the module is compiled, in PGlite's thread (after this line).
  if (!config.databaseUrl) setFlagsFromString('--liftoff-only');
  const begun = beginFoundation(config, log, { embeddedDevServer: true });
  let startService: typeof import('./service').startService;
  let installTemporalRuntime: typeof import('../worker/temporal-runtime').installTemporalRuntime;
  try {
    // Loading the modules keeps the event loop busy: the dev server's process is spawned first.
    await begun.underWay;
    // The worker's modules too (the SDK's worker is a fifth of them): loaded now, while PGlite and the
    // dev server are still starting, rather than once the API listens (a probe would wait for them).
    const [web, service, runtime] = await Promise.all([import('./build-web'), import('./service'), import('../worker/temporal-runtime'), import('../worker/worker')]);
    startService = service.startService;
    installTemporalRuntime = runtime.installTemporalRuntime;
    // The web application is served from web/dist: built now if its sources changed since the last build.
    web.ensureWebBuilt({ say: (line) => log.info(line) });
  } catch (err) {
    await abandonFoundation(begun);
    throw err;
  }
  // From here, the service owns what was begun (and stops it when its start-up fails).
  const service = await startService(config, log, {
    begun,
    // Before the worker connects: the SDK's lines join ours, and its metrics are served.
    beforeWorker: () => {
      installTemporalRuntime({ log, metricsAddress: config.temporal.metricsAddress });
      if (config.temporal.metricsAddress) log.info('Temporal worker metrics for Prometheus', { url: `http://${config.temporal.metricsAddress}/metrics` });
    },
  });
  if (service.temporalUiUrl) log.info(`Temporal web UI: ${service.temporalUiUrl}`);
  log.info(`API: ${service.apiUrl} (OpenAPI at ${service.apiUrl}/openapi.json, docs at ${service.apiUrl}/docs)`);
  return { stop: () => service.stop(), failed: service.workerFailed };
});
