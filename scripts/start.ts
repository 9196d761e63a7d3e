/** `npm start`: the service with its embedded defaults; Ctrl-C drains the worker and stops everything. */
import { ConfigError, parseConfig, type Config } from '../config';
import { createLogger } from '../config/logger';
import { installTemporalRuntime } from '../worker/temporal-runtime';
import { ensureWebBuilt } from './build-web';
import { startService, type RunningService } from './service';

function configOrExit(): Config {
  try {
    return parseConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}

async function main(): Promise<void> {
  const config = configOrExit();
  const log = createLogger(config.logLevel);
  // The web application is served from web/dist: built now if its sources changed since the last build.
  ensureWebBuilt({ say: (line) => log.info(line) });
  // Before the worker connects: the SDK's lines join ours, and its metrics are served.
  installTemporalRuntime({ log, metricsAddress: config.temporal.metricsAddress });
  if (config.temporal.metricsAddress) log.info('Temporal worker metrics for Prometheus', { url: `http://${config.temporal.metricsAddress}/metrics` });
  const running: { service?: RunningService } = {};
  let stopRequested: string | undefined;
  const stop = (signal: string) => {
    if (stopRequested) return;
    stopRequested = signal;
    // A signal during start-up is acted on once start-up is done (or has failed).
    if (!running.service) return log.info('stopping once started', { signal });
    log.info('stopping', { signal });
    running.service.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error('stop failed', { error: String(err) });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  const service = (running.service = await startService(config, log));
  if (service.temporalUiUrl) log.info(`Temporal web UI: ${service.temporalUiUrl}`);
  log.info(`API: ${service.apiUrl} (OpenAPI at ${service.apiUrl}/openapi.json, docs at ${service.apiUrl}/docs)`);
  if (stopRequested) {
    const signal = stopRequested;
    stopRequested = undefined;
    stop(signal);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
