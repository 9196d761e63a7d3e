/**
 * The one error shape of the API: `{ error: { code, message, details } }`, and the mapping of every
 * failure to it. Anything the caller did is a 4xx naming the rule; only our own faults are 500s.
 */
import { ServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { ErrorRequestHandler, Request } from 'express';
import { ZodError } from 'zod';
import type { Logger } from '../config/logger';
import { domainCodeOf } from '../domain';
import { EVENT_INVALID, EVENT_NOT_ALLOWED } from '../workflows/messages';

export class HttpError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what = 'journey') => new HttpError(404, 'NOT_FOUND', `No such ${what}`);

export function fromZod(error: ZodError, where: 'body' | 'query' | 'params' = 'body'): HttpError {
  const issues = error.issues.map((i) => ({ path: [where, ...i.path.map(String)].join('.'), message: i.message, code: i.code, rule: domainCodeOf(i) }));
  return new HttpError(422, 'VALIDATION_FAILED', issues.map((i) => `${i.path}: ${i.message}`).join('; '), { issues });
}

function fromUpdateFailure(error: WorkflowUpdateFailedError): HttpError {
  const cause = error.cause;
  if (cause instanceof ApplicationFailure) {
    const details = cause.details?.[0];
    if (cause.type === EVENT_NOT_ALLOWED) return new HttpError(409, EVENT_NOT_ALLOWED, cause.message, details);
    if (cause.type === EVENT_INVALID) return new HttpError(422, EVENT_INVALID, cause.message, details);
  }
  return new HttpError(500, 'INTERNAL', 'The journey failed to handle the event');
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    let http: HttpError;
    if (err instanceof HttpError) http = err;
    else if (err instanceof ZodError) http = fromZod(err);
    else if (err instanceof WorkflowUpdateFailedError) http = fromUpdateFailure(err);
    else if (err instanceof WorkflowNotFoundError) http = notFound();
    else if (err instanceof ServiceError || err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
      // Temporal or the worker did not answer in time: ours, and worth a retry.
      http = new HttpError(503, 'SERVICE_UNAVAILABLE', 'The journey service did not answer in time; nothing is lost, try again shortly');
    }
    else if (isClientHttpError(err)) http = fromClientHttpError(err, req);
    else http = new HttpError(500, 'INTERNAL', 'Internal error');
    if (http.status >= 500) log.error('request failed', { method: req.method, path: req.path, error: err instanceof Error ? err.stack : String(err) });
    res.status(http.status).json({ error: { code: http.code, message: http.message, ...(http.details === undefined ? {} : { details: http.details }) } });
  };
}

/** An error carrying a 4xx status: body-parser's (with a `type`), a zlib one it wrapped, the router's. */
interface ClientHttpError {
  status: number;
  message: string;
  type?: unknown;
  expose?: unknown;
  limit?: unknown;
  charset?: unknown;
  encoding?: unknown;
}

function isClientHttpError(err: unknown): err is ClientHttpError {
  if (typeof err !== 'object' || err === null || !('status' in err)) return false;
  return typeof err.status === 'number' && err.status >= 400 && err.status < 500;
}

/** body-parser's failures by type: what the caller sent that could not be read, each with a stable code. */
const bodyFailures: Record<string, (err: ClientHttpError, req: Request) => HttpError> = {
  'entity.parse.failed': (err) => new HttpError(400, 'MALFORMED_BODY', `Request body: not valid JSON (${err.message})`),
  'entity.too.large': (err) =>
    new HttpError(413, 'PAYLOAD_TOO_LARGE', `Request body: larger than the limit${typeof err.limit === 'number' ? ` of ${err.limit} bytes` : ''} (after decompression)`),
  'encoding.unsupported': (_err, req) =>
    new HttpError(415, 'UNSUPPORTED_CONTENT_ENCODING', `Content-Encoding "${contentEncoding(req)}" is not supported: send identity, gzip, deflate or br`),
  'charset.unsupported': (err) =>
    new HttpError(415, 'UNSUPPORTED_CHARSET', `Content-Type charset "${typeof err.charset === 'string' ? err.charset : '?'}" is not supported: send JSON in UTF-8`),
  'request.aborted': () => new HttpError(400, 'REQUEST_ABORTED', 'Request body: the request was aborted before its body was complete'),
  'request.size.invalid': () => new HttpError(400, 'CONTENT_LENGTH_MISMATCH', 'Request body: its length does not match the Content-Length header'),
};

function fromClientHttpError(err: ClientHttpError, req: Request): HttpError {
  const known = typeof err.type === 'string' && Object.hasOwn(bodyFailures, err.type) ? bodyFailures[err.type] : undefined;
  if (known) return known(err, req);
  // A compressed body that does not decompress: body-parser passes zlib's error on with status 400.
  if (err.status === 400 && err.type === undefined && contentEncoding(req) !== 'identity') {
    return new HttpError(400, 'BODY_DECOMPRESSION_FAILED', `Request body: not valid ${contentEncoding(req)} data (Content-Encoding); it could not be decompressed`);
  }
  if (err instanceof URIError) return new HttpError(400, 'MALFORMED_URL', 'The URL holds a malformed percent-encoding');
  return new HttpError(err.status, 'BAD_REQUEST', err.expose === true ? `Request: ${err.message}` : 'The request could not be read');
}

function contentEncoding(req: Request): string {
  const header = req.headers['content-encoding'];
  return typeof header === 'string' && header.trim() !== '' ? header.trim().toLowerCase() : 'identity';
}
