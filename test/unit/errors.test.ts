/** The one error shape, and which failures are the caller's (4xx) and which are ours (5xx). */
import { ServiceError } from '@temporalio/client';
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { HttpError, errorHandler } from '../../api/errors';
import { createLogger } from '../../config/logger';

function handle(err: unknown) {
  let status = 0;
  let body: unknown;
  const res = {
    status(code: number) {
      status = code;
      return this;
    },
    json(value: unknown) {
      body = value;
      return this;
    },
  } as unknown as Response;
  errorHandler(createLogger('error'))(err, { method: 'POST', path: '/x' } as Request, res, (() => undefined) as NextFunction);
  return { status, body };
}

test.each([
  ['an HttpError keeps its status and code', new HttpError(409, 'EVENT_NOT_ALLOWED', 'no'), 409, 'EVENT_NOT_ALLOWED'],
  ['a zod error is 422 naming the field', z.object({ niss: z.string() }).safeParse({}).error, 422, 'VALIDATION_FAILED'],
  ['Temporal not answering is 503', new ServiceError('Failed to query Workflow'), 503, 'SERVICE_UNAVAILABLE'],
  ['a malformed body is 400', Object.assign(new Error('Unexpected end of JSON input'), { status: 400, type: 'entity.parse.failed' }), 400, 'MALFORMED_BODY'],
  ['anything else is ours: 500 without internals', new Error('secret detail'), 500, 'INTERNAL'],
])('%s', (_name, err, status, code) => {
  const res = handle(err);
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({ error: { code, message: expect.any(String) } });
  expect(JSON.stringify(res.body)).not.toContain('secret detail');
});
