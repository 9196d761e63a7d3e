/**
 * The one logger: pino, JSON lines on stderr, used by the scripts, the API (its access log in
 * pino-http's line format, api/request-log.ts) and the Temporal SDK (through an adapter in
 * `worker/temporal-runtime.ts`), so a process writes one stream.
 *
 * What must never reach a log line, and how it is kept out:
 * - national numbers (NISS, 11 digits, also written `YY.MM.DD-SSS.CC`): fields that hold one are
 *   redacted by path; a NISS anywhere else (a URL, an error message, a stack) is masked in the finished
 *   line, the last step before it is written;
 * - tokens and the Authorization header: redacted by path, and request headers are not logged at all;
 * - free text typed by users (names, reasons, notes, e-mail addresses, searches): redacted by path, and
 *   request bodies are never logged; URLs keep only the query values known to be codes;
 * - SQL: errors are logged as type, message, stack and code only (a driver error's query, parameters
 *   and detail stay out).
 */
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
  /** The pino logger underneath, for the libraries that take one (the Temporal SDK adapter). */
  readonly pino: PinoLogger;
}

/** A NISS as it may be written: 11 digits, with or without the separators `.`, `-` or spaces. */
const NISS_PATTERN = /(?<!\d)\d{2}[.\s-]?\d{2}[.\s-]?\d{2}[.\s-]?\d{3}[.\s-]?\d{2}(?!\d)/g;
export const NISS_MASK = '[niss]';
const REDACTED = '[redacted]';

export function maskNiss(text: string): string {
  return text.replace(NISS_PATTERN, NISS_MASK);
}

/** Field names whose value is a NISS, a secret or text a user typed, at the top level or one level down. */
const sensitiveFields = [
  'niss',
  'actorNiss',
  'memberNiss',
  'workerNiss',
  'token',
  'actingToken',
  'authorization',
  'password',
  'firstName',
  'lastName',
  'workerName',
  'email',
  'reason',
  'statusReason',
  'note',
  'search',
  'body',
  'sql',
  'parameters',
];
export const REDACT_PATHS = [
  ...sensitiveFields.flatMap((f) => [f, `*.${f}`]),
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];

/** Query parameters whose values are codes, dates or numbers (kept in logged URLs); any other value is redacted. */
const codeQueryParameters = new Set(['role', 'status', 'permission', 'leave', 'school', 'from', 'to', 'page', 'pageSize', 'attention', 'limit']);

/** A URL fit for a log line: NISS masked in the path, query values kept only for code parameters. */
export function loggableUrl(url: string): string {
  const at = url.indexOf('?');
  const path = maskNiss(at < 0 ? url : url.slice(0, at));
  if (at < 0) return path;
  const query = url
    .slice(at + 1)
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = eq < 0 ? pair : pair.slice(0, eq);
      if (eq < 0) return maskNiss(key);
      return `${maskNiss(key)}=${codeQueryParameters.has(key) ? maskNiss(pair.slice(eq + 1)) : REDACTED}`;
    });
  return `${path}?${query.join('&')}`;
}

/**
 * An error without what a driver attaches to it (query text, parameters, row detail): its type, message,
 * code, stack and cause. Takes an Error or an error already serialized (pino-http hands those on).
 */
export function loggableError(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null) return String(value);
  const e = value as { name?: unknown; type?: unknown; message?: unknown; code?: unknown; stack?: unknown; cause?: unknown };
  const type = value instanceof Error ? value.name : e.type;
  return {
    ...(typeof type === 'string' ? { type } : {}),
    ...(typeof e.message === 'string' ? { message: e.message } : {}),
    ...(typeof e.code === 'string' || typeof e.code === 'number' ? { code: e.code } : {}),
    ...(typeof e.stack === 'string' ? { stack: e.stack } : {}),
    // Causes a few levels down only: a chain may loop.
    ...(e.cause !== undefined && depth < 3 ? { cause: loggableError(e.cause, depth + 1) } : {}),
  };
}

function maskValue(value: unknown): unknown {
  if (typeof value === 'string') return maskNiss(value);
  if (typeof value === 'number') return maskNiss(String(value)) === String(value) ? value : NISS_MASK;
  if (Array.isArray(value)) return value.map(maskValue);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [maskNiss(k), maskValue(v)]));
  return value;
}

/**
 * The last step before a line is written: a NISS that got past the redacted paths (inside a message,
 * a URL, a stack) is masked. Lines without one (nearly all) are written as they are.
 */
export function maskLine(line: string): string {
  NISS_PATTERN.lastIndex = 0;
  if (!NISS_PATTERN.test(line)) return line;
  NISS_PATTERN.lastIndex = 0;
  try {
    return `${JSON.stringify(maskValue(JSON.parse(line)))}\n`;
  } catch {
    // Not a JSON line (it always is): mask as text rather than write the number.
    return maskNiss(line);
  }
}

export interface LoggerOptions {
  /** Where lines go; stderr (written synchronously, so nothing is lost on exit) by default. */
  destination?: DestinationStream;
  /** Fields on every line (e.g. the process's role). */
  base?: Record<string, unknown>;
}

export function createPino(level: LogLevel = 'info', options: LoggerOptions = {}): PinoLogger {
  return pino(
    {
      level,
      base: options.base ?? {},
      timestamp: pino.stdTimeFunctions.isoTime,
      // Level names, not numbers, in the lines: readable without pino-pretty.
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: loggableError, error: loggableError },
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      hooks: { streamWrite: maskLine },
    },
    options.destination ?? pino.destination({ dest: 2, sync: true }),
  );
}

/** Our call shape (message first, then fields) over a pino logger. */
export function wrapPino(logger: PinoLogger): Logger {
  const at = (level: 'debug' | 'info' | 'warn' | 'error') => (message: string, fields?: Record<string, unknown>) => logger[level](fields ?? {}, message);
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (fields) => wrapPino(logger.child(fields)),
    pino: logger,
  };
}

export function createLogger(level: LogLevel = 'info', options: LoggerOptions = {}): Logger {
  return wrapPino(createPino(level, options));
}
