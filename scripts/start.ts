/** `npm start`: the service with its embedded defaults; Ctrl-C drains the worker and stops everything. */
import { ConfigError, parseConfig } from '../config';
import { createLogger } from '../config/logger';
import { startService } from './service';

async function main(): Promise<void> {
  let config;
  try {
    config = parseConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  const service = await startService(config, log);
  if (service.temporalUiUrl) log.info(`Temporal web UI: ${service.temporalUiUrl}`);
  log.info(`API: ${service.apiUrl} (OpenAPI at ${service.apiUrl}/openapi.json)`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { signal });
    service.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error('stop failed', { error: String(err) });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
