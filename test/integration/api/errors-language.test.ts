/**
 * The same refusal in French, Dutch and German, chosen by Accept-Language (French by default), with the
 * same stable code; labels in the same three languages. The requests set Accept-Language themselves,
 * so they go through the agent directly.
 */
import type { Response } from 'supertest';
import { demoCast } from '../../../store/demo-data';
import { bearer, ok, start } from '../../support/http-journeys';
import { withServiceAndPoUser, type TestService } from '../../support/service-harness';

const { teachers, schools } = demoCast;
let service: TestService;
let poToken: string;
withServiceAndPoUser((started, token) => ((service = started), (poToken = token)));

interface ErrorAnswer {
  error: { code: string; message: string; details?: { issues?: Array<{ path: string; rule?: string; message: string }>; journey?: { context: { error: { code: string; message: string } } } } };
}

const LANGUAGES = [
  [undefined, 'fr'],
  ['nl-BE,nl;q=0.9,fr;q=0.5', 'nl'],
  ['de', 'de'],
  ['en-US,fr;q=0.3', 'fr'],
] as const;

function spoken(res: Response, language: string): ErrorAnswer['error'] {
  expect(res.headers['content-language']).toBe(language);
  expect(res.headers.vary).toMatch(/Accept-Language/i);
  return (res.body as ErrorAnswer).error;
}

async function inEach(call: (acceptLanguage: string | undefined) => Promise<Response>) {
  const answers: Record<string, Response> = {};
  for (const [header, language] of LANGUAGES) answers[header ?? language] = await call(header);
  return answers;
}

const sendEvent = (id: string, body: object, acceptLanguage?: string) => {
  const req = service.http.post(`/api/journeys/${id}/events`).set(bearer(poToken)).send(body);
  return acceptLanguage ? req.set('Accept-Language', acceptLanguage) : req;
};

test('a rule broken in an event: EVENT_INVALID, each issue in the caller’s language', async () => {
  const journey = ok(await start(service.http, poToken, 'request'));
  const select = { type: 'SELECT_WORKER', community: 'FR', school: schools.a.schoolNumber, niss: '85.07.30-033.29', status: 'STATUTORY' };
  const answers = await inEach((language) => sendEvent(journey.id, select, language));
  const messages: Record<string, string> = {};
  for (const [header, language] of LANGUAGES) {
    const res = answers[header ?? language]!;
    expect(res.status).toBe(422);
    const error = spoken(res, language);
    expect(error.code).toBe('EVENT_INVALID');
    expect(error.details?.issues).toEqual([expect.objectContaining({ path: 'niss', rule: 'NISS_CHECK_DIGITS' })]);
    messages[language] = error.details!.issues![0]!.message;
    expect(error.message).toContain(messages[language]);
  }
  expect(messages.fr).toMatch(/^Les chiffres de contrôle 29 du NISS ne correspondent pas/);
  expect(messages.nl).toMatch(/^De controlecijfers 29 van het INSZ komen niet overeen/);
  expect(messages.de).toMatch(/^Die Prüfziffern 29 der ENSS entsprechen nicht/);
});

test('a check refused by the journey: 422 with its code, and the screen error in the language', async () => {
  const journey = ok(await start(service.http, poToken, 'request'));
  // School D belongs to PO Z: not one of the schools of the PO the caller acts for.
  const select = { type: 'SELECT_WORKER', community: 'DE', school: schools.d.schoolNumber, niss: teachers.germanD.niss, status: 'STATUTORY' };
  const first = await sendEvent(journey.id, select, 'nl');
  expect(first.status).toBe(422);
  const refused = spoken(first, 'nl');
  expect(refused.code).toBe('SCHOOL_OF_ANOTHER_PO');
  expect(refused.message).toBe('Deze school behoort niet tot de inrichtende macht waarvoor u handelt.');
  expect(refused.details?.journey?.context.error).toMatchObject({ code: 'SCHOOL_OF_ANOTHER_PO', message: refused.message });
  // The journey keeps the error on its screen; reading it shows it in the reader's language.
  const read = (language?: string) => {
    const req = service.http.get(`/api/journeys/${journey.id}`).set(bearer(poToken));
    return language ? req.set('Accept-Language', language) : req;
  };
  const views = await Promise.all([read(), read('de;q=0.8, nl;q=0.2')]);
  expect(views.map((v) => [v.status, v.headers['content-language'], (v.body as { context: { error: unknown } }).context.error])).toEqual([
    [200, 'fr', expect.objectContaining({ code: 'SCHOOL_OF_ANOTHER_PO', message: 'Cette école n’appartient pas au pouvoir organisateur pour lequel vous agissez.' })],
    [200, 'de', expect.objectContaining({ code: 'SCHOOL_OF_ANOTHER_PO', message: 'Diese Schule gehört nicht zu dem Organisationsträger, für den Sie handeln.' })],
  ]);
});

test('refusals of the API itself: the same code in every language, French by default', async () => {
  const unknownRoute = await inEach((language) => {
    const req = service.http.get('/api/nowhere');
    return language ? req.set('Accept-Language', language) : req;
  });
  const expired = await inEach((language) => {
    const req = service.http.get('/api/requests').set(bearer('not-a-token'));
    return language ? req.set('Accept-Language', language) : req;
  });
  const texts = (answers: Record<string, Response>, status: number, code: string) =>
    LANGUAGES.map(([header, language]) => {
      const res = answers[header ?? language]!;
      expect(res.status).toBe(status);
      const error = spoken(res, language);
      expect(error.code).toBe(code);
      return error.message;
    });
  expect(texts(unknownRoute, 404, 'NOT_FOUND')).toEqual([
    'Introuvable : cette adresse de l’API.',
    'Niet gevonden: dit adres van de API.',
    'Nicht gefunden: diese Adresse der API.',
    'Introuvable : cette adresse de l’API.',
  ]);
  expect(texts(expired, 401, 'UNAUTHENTICATED')).toEqual([
    expect.stringMatching(/le jeton n’est pas valide\.$/),
    expect.stringMatching(/het token is niet geldig\.$/),
    expect.stringMatching(/das Token ist nicht gültig\.$/),
    expect.stringMatching(/le jeton n’est pas valide\.$/),
  ]);
});

test('labels in the negotiated language, or the one `lang` names; the same keys in each', async () => {
  const get = (path: string, language?: string) => {
    const req = service.http.get(path);
    return language ? req.set('Accept-Language', language) : req;
  };
  const [fr, nl, de, forced] = await Promise.all([get('/api/labels'), get('/api/labels', 'nl'), get('/api/labels', 'de-DE'), get('/api/labels?lang=de', 'nl')]);
  expect([fr, nl, de, forced].map((res) => [res.status, res.headers['content-language']])).toEqual([
    [200, 'fr'],
    [200, 'nl'],
    [200, 'de'],
    [200, 'de'],
  ]);
  const key = 'request.leaveSelection.title';
  expect([fr, nl, de].map((res) => (res.body as Record<string, string>)[key])).toEqual(['Congé sollicité', 'Gevraagd verlof', 'Beantragter Urlaub']);
  expect(Object.keys(nl.body as object).sort()).toEqual(Object.keys(fr.body as object).sort());
  expect(Object.keys(de.body as object).sort()).toEqual(Object.keys(fr.body as object).sort());
  expect(forced.body).toEqual(de.body);
  const unknown = await get('/api/labels?lang=en');
  expect(unknown.status).toBe(422);
  expect((unknown.body as ErrorAnswer).error.code).toBe('VALIDATION_FAILED');
});
