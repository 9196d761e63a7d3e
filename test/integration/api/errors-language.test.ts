/**
 * The same refusal in French, Dutch and German, chosen by Accept-Language (French by default), with the
 * same stable code; labels in the same three languages; a journey's view (choices, warnings, the service's
 * status reasons) and zod's own messages in the caller's language too. The requests set Accept-Language themselves,
 * so they go through the agent directly.
 */
import type { Response } from 'supertest';
import { demoCast } from '../../../store/demo-data';
import { bearer, ok, start } from '../../support/http-journeys';
import { requestSampleEvents } from '../../support/request-sample-events';
import { withServiceAndPoUser, type TestService } from '../../support/service-harness';

const { teachers, schools } = demoCast;
let service: TestService;
let poToken: string;
withServiceAndPoUser((started, token) => ((service = started), (poToken = token)));

interface ErrorAnswer {
  error: { code: string; message: string; details?: { issues?: Array<{ path: string; rule?: string; message: string }>; journey?: { context: { error: { code: string; message: string } } } } };
}

interface Named {
  code: string;
  label: string;
}

/** The parts of a request's view this file reads. */
interface ViewContext {
  choices: { leaves?: Array<Named & { forms: Named[] }>; educationLevels?: Named[] };
  warnings?: Array<{ code: string; message: string; details?: object }>;
  statusReason?: string | null;
  statusReasonCode?: string | null;
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
  // The domain's codes a UI lists, named as the catalogue names them.
  expect([fr, nl, de].map((res) => (res.body as Record<string, string>)['term.in_processing'])).toEqual(['En traitement', 'In behandeling', 'In Bearbeitung']);
  const unknown = await get('/api/labels?lang=en');
  expect(unknown.status).toBe(422);
  expect((unknown.body as ErrorAnswer).error.code).toBe('VALIDATION_FAILED');
});

test('a view in the caller’s language: choices, warnings and the service’s status reason, codes unchanged', async () => {
  const journey = ok(await start(service.http, poToken, 'request'));
  const walk = async (body: object, language: string) => {
    const res = await sendEvent(journey.id, body, language);
    expect([res.status, res.headers['content-language']]).toEqual([200, language]);
    return (res.body as { context: ViewContext }).context;
  };
  await walk(requestSampleEvents.SELECT_WORKER, 'fr');
  const leave = await walk(requestSampleEvents.START_REQUEST, 'de');
  const parental = leave.choices.leaves?.find((l) => l.code === 'PARENTAL');
  expect(parental).toMatchObject({ label: 'Elternurlaub', forms: expect.arrayContaining([expect.objectContaining({ code: 'HALF', label: 'Verringerung der Leistungen auf Halbzeit' })]) });
  const questions = await walk(requestSampleEvents.CHOOSE_LEAVE, 'nl');
  expect(questions.choices.educationLevels?.map((l) => [l.code, l.label])).toEqual([
    ['NURSERY', 'Kleuteronderwijs'],
    ['PRIMARY', 'Lager onderwijs'],
    ['LOWER_SECONDARY', 'Lager secundair onderwijs'],
    ['UPPER_SECONDARY', 'Hoger secundair onderwijs'],
  ]);
  // Half-time while giving up 6 of 24 periods: the confirmation warns that the workload does not match the form.
  const answers = { ...requestSampleEvents.ANSWER_QUESTIONS, during: 18, start: '2027-01-01', end: '2027-02-28' };
  const confirmation = await walk(answers, 'nl');
  expect(confirmation.warnings).toEqual([
    {
      code: 'WORKLOAD_FRACTION_MISMATCH',
      message: 'Het opgegeven werkvolume (6/24 lestijden) wijkt meer dan één lestijd af van de gekozen vorm „Vermindering van de prestaties tot halftijds” (12 lestijden).',
      details: { form: 'HALF', givenUp: 6, expectedGivenUp: 12, fullLoad: 24 },
    },
  ]);
  expect([confirmation.statusReason, confirmation.statusReasonCode]).toEqual(['Werknemer geselecteerd door de werkgever.', 'WORKER_SELECTED']);
  // The same view read without Accept-Language: French, the reference.
  const french = (await service.http.get(`/api/journeys/${journey.id}`).set(bearer(poToken))).body as { context: ViewContext };
  expect(french.context.warnings?.[0]?.message).toBe(
    'La charge abandonnée (6/24 périodes) s’écarte de plus d’une période de la forme choisie « Réduction des prestations à mi-temps » (12 périodes).',
  );
  expect([french.context.statusReason, french.context.statusReasonCode]).toEqual(['Travailleur sélectionné par l’employeur.', 'WORKER_SELECTED']);
});

test('zod’s own messages (an unknown option) in the caller’s language, beside the same zod code', async () => {
  const answers = await inEach((language) => {
    const req = service.http.get('/api/labels?lang=en');
    return language ? req.set('Accept-Language', language) : req;
  });
  const issues = LANGUAGES.map(([header, language]) => {
    const res = answers[header ?? language]!;
    expect(res.status).toBe(422);
    const error = spoken(res, language);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details?.issues).toHaveLength(1);
    const [issue] = error.details!.issues! as Array<{ path: string; code?: string; message: string }>;
    expect([issue!.path, issue!.code]).toEqual(['query.lang', 'invalid_value']);
    expect(error.message).toContain(issue!.message);
    return issue!.message;
  });
  expect(issues).toEqual([
    'Option invalide : une valeur parmi "fr"|"nl"|"de" attendue',
    'Ongeldige optie: verwacht één van "fr"|"nl"|"de"',
    'Ungültige Option: erwartet eine von "fr"|"nl"|"de"',
    'Option invalide : une valeur parmi "fr"|"nl"|"de" attendue',
  ]);
});

test('an event of the wrong shape: EVENT_INVALID, each issue in the caller’s language (a field rule’s text, else zod’s own)', async () => {
  const journey = ok(await start(service.http, poToken, 'request'));
  const select = { type: 'SELECT_WORKER', community: 'FR', school: schools.a.schoolNumber, niss: 85073003329, status: 'INTERIM' };
  const res = await sendEvent(journey.id, select, 'de');
  expect(res.status).toBe(422);
  const error = spoken(res, 'de');
  expect(error.code).toBe('EVENT_INVALID');
  expect(error.details?.issues).toEqual([
    { path: 'niss', rule: 'TEXT_EXPECTED', message: 'Dieser Wert muss als Text angegeben werden.' },
    { path: 'status', message: expect.stringMatching(/^Ungültige Option: erwartet eine von "STATUTORY"\|/) },
  ]);
  // The value sent is not echoed back.
  expect(JSON.stringify(res.body)).not.toContain('85073003329');
});

test('a field’s shape rule (a request named by neither id nor ticket): its code and text in the caller’s language', async () => {
  const answers = await inEach((language) => {
    const req = service.http.get('/api/requests/%00').set(bearer(poToken));
    return language ? req.set('Accept-Language', language) : req;
  });
  const issues = LANGUAGES.map(([header, language]) => {
    const res = answers[header ?? language]!;
    expect(res.status).toBe(422);
    const error = spoken(res, language);
    expect(error.code).toBe('VALIDATION_FAILED');
    const [issue] = error.details?.issues ?? [];
    expect(issue).toEqual(expect.objectContaining({ path: 'params.ref', rule: 'REQUEST_REFERENCE_FORMAT' }));
    return issue!.message;
  });
  expect(issues).toEqual([
    expect.stringMatching(/^Une demande se désigne par son identifiant de parcours/),
    expect.stringMatching(/^Een aanvraag wordt aangeduid met haar trajectidentificatie/),
    expect.stringMatching(/^Ein Antrag wird durch seine Ablaufkennung/),
    expect.stringMatching(/^Une demande se désigne par son identifiant de parcours/),
  ]);
});
