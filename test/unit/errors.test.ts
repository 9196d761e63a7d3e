/** The one error shape, and which failures are the caller's (4xx) and which are ours (5xx). */
import { ServiceError } from '@temporalio/client';
import { z } from 'zod';
import { HttpError } from '../../api/errors';
import { handleError } from './support/error-handler';


test.each([
  ['an HttpError keeps its status and code', new HttpError(409, 'EVENT_NOT_ALLOWED', 'no'), 409, 'EVENT_NOT_ALLOWED'],
  ['a zod error is 422 naming the field', z.object({ niss: z.string() }).safeParse({}).error, 422, 'VALIDATION_FAILED'],
  ['Temporal not answering is 503', new ServiceError('Failed to query Workflow'), 503, 'SERVICE_UNAVAILABLE'],
  ['a malformed body is 400', Object.assign(new Error('Unexpected end of JSON input'), { status: 400, type: 'entity.parse.failed' }), 400, 'MALFORMED_BODY'],
  ['anything else is ours: 500 without internals', new Error('secret detail'), 500, 'INTERNAL'],
])('%s', (_name, err, status, code) => {
  const res = handleError(err);
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({ error: { code, message: expect.any(String) } });
  expect(JSON.stringify(res.body)).not.toContain('secret detail');
});
