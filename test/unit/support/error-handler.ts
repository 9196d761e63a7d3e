/** Runs the API's error handler on one error, as Express would, and returns the status, headers and body it answered. */
import type { NextFunction, Request, Response } from 'express';
import { errorHandler } from '../../../api/errors';
import { createLogger } from '../../../config/logger';

export function handleError(err: unknown, headers: Record<string, string> = {}) {
  let status = 0;
  let body: unknown;
  const sent: Record<string, string> = {};
  const res = {
    headersSent: false,
    locals: {},
    status(code: number) {
      status = code;
      return this;
    },
    setHeader(name: string, value: string) {
      sent[name.toLowerCase()] = value;
      return this;
    },
    vary(field: string) {
      sent.vary = sent.vary ? `${sent.vary}, ${field}` : field;
      return this;
    },
    json(value: unknown) {
      body = value;
      return this;
    },
  } as unknown as Response;
  errorHandler(createLogger('silent'))(err, { method: 'POST', path: '/x', headers, res } as unknown as Request, res, (() => undefined) as NextFunction);
  return { status, headers: sent, body: body as { error: { code: string; message: string; details?: unknown } } };
}
