/**
 * Request ids and the access log. Each request gets an id — the caller's `X-Request-Id` when it is a
 * well-formed token, a new UUID otherwise — answered in `X-Request-Id` and carried by every line logged
 * for the request (`req.log`, a child logger with `reqId`). One access-log line per response: method,
 * URL fit for a log (see `loggableUrl`), route template, status, duration — at `info`, `warn` from 400,
 * `error` from 500 (with the failure). Headers and bodies are not logged.
 *
 * The lines are pino-http's (the fields `reqId`, `req`, `res`, `responseTime`, `route`, `err`, and the
 * messages `request completed` / `request failed`), written without it: pino-http makes two child
 * loggers per request, the second serialising the request, whether or not a line is ever written. Here
 * the request's logger is made only when something logs through it, and the access line is built only
 * when its level is on.
 */
import type { Request, RequestHandler } from 'express';
import { randomUUID } from 'node:crypto';
import type { Logger as PinoLogger } from 'pino';
import { loggableError, loggableUrl, type Logger } from '../config/logger';
import { routeOf } from './metrics';

declare module 'http' {
  interface IncomingMessage {
    /** The request id (X-Request-Id). */
    id: string;
    /** The request's logger: every line carries `reqId`. */
    log: PinoLogger;
  }
}

/** Letters, digits and `._:-`, 1–128 characters: what proxies and tracing tools send (UUIDs, trace ids). */
const REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

/** Probes and scrapes come every few seconds and say nothing about use: not in the access log. */
const unlogged = new Set(['/healthz', '/readyz', '/metrics']);

const pathOf = (url: string) => {
  const at = url.indexOf('?');
  return at < 0 ? url : url.slice(0, at);
};

/** The request's logger, made when first used (most requests log nothing of their own). */
const logKey = Symbol('request logger');
interface Logged {
  [logKey]?: PinoLogger;
}

export function requestLog(log: Logger): RequestHandler {
  const base = log.pino;
  return (req: Request, res, next) => {
    const id = requestIdOf(req.headers['x-request-id']);
    req.id = id;
    res.setHeader('X-Request-Id', id);
    Object.defineProperty(req, 'log', {
      configurable: true,
      enumerable: false,
      get(this: Request & Logged) {
        return (this[logKey] ??= base.child({ reqId: id }));
      },
    });
    if (unlogged.has(pathOf(req.url))) return next();
    const started = Date.now();
    let done = false;
    // On 'finish', or 'close' when the connection ends first, or 'error' (with the failure).
    const complete = (err?: unknown) => {
      if (done) return;
      done = true;
      res.removeListener('close', complete);
      res.removeListener('finish', complete);
      res.removeListener('error', complete);
      const status = res.statusCode;
      const failed = err !== undefined || status >= 500;
      const level = failed ? 'error' : status >= 400 ? 'warn' : 'info';
      if (!base.isLevelEnabled(level)) return;
      const line: Record<string, unknown> = {
        reqId: id,
        req: { id, method: req.method, url: loggableUrl(req.originalUrl ?? req.url) },
        res: { statusCode: status },
      };
      if (failed) line.err = loggableError(err ?? new Error(`failed with status code ${status}`));
      line.responseTime = Date.now() - started;
      line.route = routeOf(req);
      base[level](line, failed ? 'request failed' : 'request completed');
    };
    res.on('close', complete);
    res.on('finish', complete);
    res.on('error', complete);
    next();
  };
}
