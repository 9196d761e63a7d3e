/**
 * The Temporal SDK's process-wide Runtime, set up once before any worker connects: its logger is ours
 * (so the SDK's lines, the workflows' and activities' `log`, and Core's native messages are lines of the
 * same pino stream, with the same redaction), and its metrics are served for Prometheus.
 */
import type { LogLevel as TemporalLogLevel, LogMetadata, Logger as TemporalLogger } from '@temporalio/common';
import { Runtime, makeTelemetryFilterString } from '@temporalio/worker';
import type { Logger as PinoLogger } from 'pino';
import type { Logger } from '../config/logger';

const pinoLevelOf = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const satisfies Record<TemporalLogLevel, string>;

/** The SDK's `Logger` over pino: its metadata (workflow and activity ids, `sdkComponent`, errors) become fields. */
export function temporalLogger(pino: PinoLogger): TemporalLogger {
  // The SDK's own keys are symbols (e.g. the native timestamp): pino leaves those out.
  const write = (level: TemporalLogLevel, message: string, meta?: LogMetadata) => pino[pinoLevelOf[level]](meta ?? {}, message);
  return {
    log: write,
    trace: (message, meta) => write('TRACE', message, meta),
    debug: (message, meta) => write('DEBUG', message, meta),
    info: (message, meta) => write('INFO', message, meta),
    warn: (message, meta) => write('WARN', message, meta),
    error: (message, meta) => write('ERROR', message, meta),
  };
}

export interface TemporalRuntimeOptions {
  log: Logger;
  /** `host:port` where the SDK serves its metrics at `/metrics` (Prometheus); none when undefined. */
  metricsAddress?: string;
}

/**
 * Installs the Runtime. Once per process, and before the first `NativeConnection` or `Worker`: the SDK
 * refuses a second install, and a worker created first would have made a default Runtime already.
 */
export function installTemporalRuntime({ log, metricsAddress }: TemporalRuntimeOptions): void {
  const pino = log.pino.child({ component: 'temporal' });
  const verbose = pino.isLevelEnabled('debug');
  Runtime.install({
    logger: temporalLogger(pino),
    telemetryOptions: {
      // Core's native messages come through the logger above instead of its own console format.
      logging: { filter: makeTelemetryFilterString({ core: verbose ? 'INFO' : 'WARN', other: 'ERROR' }), forward: {} },
      // The SDK's metric names as they are (`temporal_…`), as Temporal's dashboards expect them.
      ...(metricsAddress ? { metrics: { prometheus: { bindAddress: metricsAddress } } } : {}),
    },
  });
}
