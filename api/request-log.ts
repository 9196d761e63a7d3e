/**
 * Request ids and the access log (pino-http). Each request gets an id — the caller's `X-Request-Id` when
 * it is a well-formed token, a new UUID otherwise — answered in `X-Request-Id` and carried by every line
 * logged for the request (`req.log`). One access-log line per response: method, URL fit for a log
 * (see `loggableUrl`), route template, status, duration. Headers and bodies are not logged.
 */
import type { Request, RequestHandler, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp } from 'pino-http';
import { loggableError, loggableUrl, type Logger } from '../config/logger';
import { routeOf } from './metrics';

/** Letters, digits and `._:-`, 1–128 characters: what proxies and tracing tools send (UUIDs, trace ids). */
const REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

/** Probes and scrapes come every few seconds and say nothing about use: not in the access log. */
const unlogged = new Set(['/healthz', '/readyz', '/metrics']);

export function requestLog(log: Logger): RequestHandler {
  const middleware = pinoHttp<IncomingMessage, ServerResponse>({
    logger: log.pino,
    quietReqLogger: true,
    genReqId: (req, res) => {
      const id = requestIdOf(req.headers['x-request-id']);
      res.setHeader('X-Request-Id', id);
      return id;
    },
    autoLogging: { ignore: (req) => unlogged.has((req.url ?? '').split('?')[0]!) },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    customSuccessMessage: () => 'request completed',
    customErrorMessage: () => 'request failed',
    customSuccessObject: (req, _res, val: object) => ({ ...val, route: routeOf(req as Request) }),
    customErrorObject: (req, _res, _err, val: object) => ({ ...val, route: routeOf(req as Request) }),
    serializers: {
      req: (req: { id?: unknown; method: string; raw: IncomingMessage & { originalUrl?: string } }) => ({
        id: req.id,
        method: req.method,
        url: loggableUrl(req.raw.originalUrl ?? req.raw.url ?? ''),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: loggableError,
    },
  });
  return (req: Request, res: Response, next) => middleware(req, res, next);
}
