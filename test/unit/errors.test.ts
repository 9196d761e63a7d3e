/** The one error shape, and which failures are the caller's (4xx) and which are ours (5xx). */
import { ServiceError } from '@temporalio/client';
import { z } from 'zod';
import { HttpError, TOKEN_REFUSALS } from '../../api/errors';
import { nissSchema } from '../../domain';
import { handleError } from './support/error-handler';


test.each([
  ['an HttpError keeps its status and code', new HttpError('EVENT_NOT_ALLOWED'), 409, 'EVENT_NOT_ALLOWED'],
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

describe('the message speaks the caller’s language; the code stays', () => {
  const err = () => new HttpError('JOURNEY_ENDED', { allowedEvents: [] });

  test.each([
    [{}, 'fr', 'Ce parcours est terminé : commencez-en un nouveau.'],
    [{ 'accept-language': 'nl-BE,nl;q=0.9,fr;q=0.8' }, 'nl', 'Dit traject is beëindigd: begin een nieuw traject.'],
    [{ 'accept-language': 'de' }, 'de', 'Dieser Ablauf ist beendet: beginnen Sie einen neuen.'],
    [{ 'accept-language': 'en-GB' }, 'fr', 'Ce parcours est terminé : commencez-en un nouveau.'],
  ])('%j', (headers, language, message) => {
    const res = handleError(err(), headers);
    expect(res).toEqual({
      status: 409,
      headers: { 'content-language': language, vary: 'Accept-Language' },
      body: { error: { code: 'JOURNEY_ENDED', message, details: { allowedEvents: [] } } },
    });
  });

  it('renders each issue refused by a domain rule in the language, and the summary from them', () => {
    const parsed = z.object({ niss: nissSchema }).safeParse({ niss: '85073003329' });
    const res = handleError(parsed.error, { 'accept-language': 'de' });
    expect(res.body.error).toEqual({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/^Daten abgelehnt: body\.niss: Die Prüfziffern 29 der ENSS entsprechen nicht/),
      details: { issues: [{ path: 'body.niss', code: 'custom', rule: 'NISS_CHECK_DIGITS', message: expect.stringMatching(/^Die Prüfziffern 29 der ENSS/) }] },
    });
  });

  it('fills a phrase given in each language (why a token was refused)', () => {
    const refusal = new HttpError('UNAUTHENTICATED', undefined, { values: { reason: TOKEN_REFUSALS.expired } });
    expect(handleError(refusal, { 'accept-language': 'nl' }).body.error.message).toBe(
      'Authenticatie vereist: stuur een geldig token (Authorization: Bearer <token>); het token is verlopen.',
    );
  });
});
