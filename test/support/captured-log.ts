/** A logger whose JSON lines are kept in memory, for tests that read what the service would have logged. */
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../config/logger';

export interface CapturedLog {
  log: Logger;
  /** Everything written so far, as written. */
  text: () => string;
  /** Each line written so far, parsed. */
  lines: () => Array<Record<string, unknown>>;
}

export function capturedLog(level: Parameters<typeof createLogger>[0] = 'debug'): CapturedLog {
  let text = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return {
    log: createLogger(level, { destination }),
    text: () => text,
    lines: () =>
      text
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
