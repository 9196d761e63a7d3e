/**
 * What `npm start`, `npm run api` and `npm run worker` do around their start-up, written once: the
 * configuration (a bad value exits 2 naming the rule), the logger, SIGTERM/SIGINT (stop cleanly, exit 0;
 * a signal during start-up is acted on once start-up is done), a start-up failure (exit 1 with its
 * message), and a part that fails on its own while running (exit 1, for the process manager to restart).
 */
import { ConfigError, parseConfig, type Config } from '../config';
import { createLogger, type Logger } from '../config/logger';

export interface Started {
  stop(): Promise<void>;
  /** Settles only when a part stops on its own (the worker): the process stops and exits 1. */
  failed?: Promise<Error>;
}

export function configOrExit(): Config {
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

export function runProcess(name: string, start: (config: Config, log: Logger) => Promise<Started>): void {
  const config = configOrExit();
  const log = createLogger(config.logLevel);
  let running: Started | undefined;
  let pending: { reason: string; code: number } | undefined;
  let stopping = false;
  const stop = (reason: string, code: number) => {
    if (stopping) return;
    // A signal during start-up is acted on once start-up is done (or has failed).
    if (!running) {
      if (!pending) log.info('stopping once started', { process: name, reason });
      pending ??= { reason, code };
      return;
    }
    stopping = true;
    log.info('stopping', { process: name, reason });
    running.stop().then(
      () => process.exit(code),
      (err: unknown) => {
        log.error('stop failed', { process: name, error: String(err) });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT', 0));
  process.on('SIGTERM', () => stop('SIGTERM', 0));

  start(config, log).then(
    (started) => {
      running = started;
      void started.failed?.then((err) => {
        log.error(`${name}: the Temporal worker stopped on its own; stopping the process with exit code 1 (its process manager starts a new one)`, { error: err.message });
        stop('worker stopped', 1);
      });
      if (pending) stop(pending.reason, pending.code);
    },
    (err: unknown) => {
      log.error(`${name}: could not start`, { error: err instanceof Error ? err.message : String(err) });
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
