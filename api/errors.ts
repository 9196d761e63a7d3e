/**
 * The one error shape of the API: `{ error: { code, message, details } }`, and the mapping of every
 * failure to it. Anything the caller did is a 4xx naming the rule; only our own faults are 500s.
 */
import { ServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { ErrorRequestHandler } from 'express';
import { ZodError } from 'zod';
import type { Logger } from '../config/logger';
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
  const issues = error.issues.map((i) => ({ path: [where, ...i.path.map(String)].join('.'), message: i.message, code: i.code }));
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
    else if (isBodyParserError(err)) http = new HttpError(err.status, err.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'MALFORMED_BODY', `Request body: ${err.message}`);
    else http = new HttpError(500, 'INTERNAL', 'Internal error');
    if (http.status >= 500) log.error('request failed', { method: req.method, path: req.path, error: err instanceof Error ? err.stack : String(err) });
    res.status(http.status).json({ error: { code: http.code, message: http.message, ...(http.details === undefined ? {} : { details: http.details }) } });
  };
}

function isBodyParserError(err: unknown): err is { status: number; message: string; type: string } {
  return typeof err === 'object' && err !== null && 'type' in err && 'status' in err && typeof (err as { status: unknown }).status === 'number';
}
