/**
 * Behaviour at the edges, through the HTTP API: authentication, refusals that name the rule (409 with
 * the allowed events, 422), idempotent retries, concurrent confirms, and no 500 for anything a caller sends.
 */
import { demoCast } from '../../../store/demo-data';
import committedDocument from '../../../api/openapi/openapi.json';
import { apiClient } from '../../support/http-client';
import { backofficeToken, bearer, identityToken, ok, read, send, sendBackoffice, sendRaw, start, type JourneyBody, type JourneyEvent } from '../../support/http-journeys';
import { recordHistory } from '../../support/histories';
import { requestSeries } from '../../support/request-sample-events';
import { withServiceAndPoUser, type TestService } from '../../support/service-harness';

const { people, teachers } = demoCast;
let service: TestService;
let poToken: string;
withServiceAndPoUser((started, token) => ((service = started), (poToken = token)));

const selectPrimaryA = { type: 'SELECT_WORKER', community: 'FR', school: '0321654968', niss: teachers.primaryA.niss, status: 'STATUTORY' } satisfies JourneyEvent;

// The requests of this file share one store: each is another that the rules across requests admit.
const nextRequest = requestSeries();

async function requestAtConfirmation(): Promise<JourneyBody> {
  const { http } = service;
  let journey = ok(await start(http, poToken, 'request'));
  const { selectWorker, chooseLeave, answers } = nextRequest();
  const events: JourneyEvent[] = [selectWorker, { type: 'START_REQUEST' }, chooseLeave, answers];
  for (const event of events) {
    journey = ok(await send(http, poToken, journey.id, event));
  }
  expect(journey.screen).toBe('confirmation');
  return journey;
}

test('calls without a valid token get 401 naming the problem', async () => {
  const { http } = service;
  expect((await http.post('/api/journeys').send({ machine: 'signIn' })).status).toBe(401);
  const bad = await http.get('/api/requests').set(bearer('not-a-token'));
  expect(bad.status).toBe(401);
  expect(bad.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.stringContaining('le jeton n’est pas valide') } });
});

test('a request journey needs the acting token of a Break@Work sign-in', async () => {
  const identity = await identityToken(service.http, people.poEducationOnly.niss);
  const res = await start(service.http, identity, 'request');
  expect(res.status).toBe(403);
  expect(res.body).toMatchObject({ error: { code: 'ACTING_CONTEXT_REQUIRED' } });
});

test('an event not allowed on this screen gets 409 with the allowed events', async () => {
  const journey = ok(await start(service.http, poToken, 'request'));
  const res = await send(service.http, poToken, journey.id, { type: 'CONFIRM', allCorrect: true });
  expect(res.status).toBe(409);
  expect(res.body).toMatchObject({ error: { code: 'EVENT_NOT_ALLOWED', details: { allowedEvents: expect.arrayContaining(['SELECT_WORKER', 'ABANDON']) } } });
});

test('each allowed event comes with the JSON Schema of its payload', async () => {
  const journey = ok(await start(service.http, poToken, 'request'));
  const select = journey.allowedEvents.find((e) => e.type === 'SELECT_WORKER');
  expect(select?.payload).toMatchObject({ type: 'object', properties: { niss: expect.any(Object), status: expect.any(Object) } });
});

test.each([
  ['a NISS with wrong check digits', { niss: '85073003399' }, 'niss', /chiffres de contrôle 99 du NISS ne correspondent pas/],
  ['hours instead of periods', null, 'before', /s’indique en périodes, sans la convertir en heures/],
])('bad input is refused with 422 naming the rule: %s', async (_name, override, path, message) => {
  const { http } = service;
  if (override) {
    const journey = ok(await start(http, poToken, 'request'));
    const res = await send(http, poToken, journey.id, { ...selectPrimaryA, ...override });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ error: { code: 'EVENT_INVALID', message: expect.stringMatching(message), details: { issues: [expect.objectContaining({ path })] } } });
    return;
  }
  let journey = ok(await start(http, poToken, 'request'));
  const events: JourneyEvent[] = [selectPrimaryA, { type: 'START_REQUEST' }, { type: 'CHOOSE_LEAVE', leave: 'PARENTAL', form: 'HALF' }];
  for (const event of events) journey = ok(await send(http, poToken, journey.id, event));
  const res = await send(http, poToken, journey.id, { type: 'ANSWER_QUESTIONS', level: 'PRIMARY', before: '24:00', during: 12, start: '2027-01-01', end: '2027-02-28', multipleEmployers: false });
  expect(res.status).toBe(422);
  expect(res.body).toMatchObject({ error: { message: expect.stringMatching(message), details: { issues: expect.arrayContaining([expect.objectContaining({ path })]) } } });
});

test.each([
  ['an unknown school', { school: '0111222376' }, 'UNKNOWN_SCHOOL'],
  ['a school of another PO', { school: demoCast.schools.d.schoolNumber, community: 'DE' }, 'SCHOOL_OF_ANOTHER_PO'],
  ['a school of the PO in another community than the one chosen', { school: demoCast.schools.c.schoolNumber }, 'SCHOOL_IN_OTHER_COMMUNITY'],
  // The PO's own staff: the community and the school are told.
  ['a worker of the PO not registered in that community', { niss: demoCast.teachers.flemishC.niss }, 'WORKER_NOT_REGISTERED_IN_COMMUNITY'],
  ['a worker of the PO not occupied in that school', { niss: demoCast.teachers.temporaryB.niss }, 'WORKER_NOT_OCCUPIED_IN_SCHOOL'],
  // Need to know: anyone else's NISS gets one answer, whether known elsewhere or not at all.
  ['another PO’s teacher registered in another community', { niss: demoCast.teachers.germanD.niss }, 'UNKNOWN_WORKER'],
  ['another PO’s teacher of the same community', { niss: demoCast.teachers.upperSecondaryE.niss }, 'UNKNOWN_WORKER'],
  ['a NISS nobody bears', { niss: '80010100107' }, 'UNKNOWN_WORKER'],
])('a worker selection the store refuses: %s → 422, fields kept', async (_name, override, code) => {
  const { http } = service;
  const journey = ok(await start(http, poToken, 'request'));
  const res = await send(http, poToken, journey.id, { ...selectPrimaryA, ...override } as JourneyEvent);
  expect(res.status).toBe(422);
  expect(res.body).toMatchObject({ error: { code, details: { journey: { screen: 'workerSelection' } } } });
  const again = ok(await send(http, poToken, journey.id, selectPrimaryA));
  expect(again).toMatchObject({ screen: 'workerSelected', context: { error: null } });
});

test('the confirmation needs the "all correct" box ticked', async () => {
  const journey = await requestAtConfirmation();
  const res = await sendRaw(service.http, poToken, journey.id, { type: 'CONFIRM', allCorrect: false });
  expect(res.status).toBe(422);
  const { error } = res.body as { error: { message: string; details: { issues: Array<{ rule?: string }> } } };
  expect(error.message).toMatch(/Toutes les informations sont correctes/);
  expect(error.details.issues).toEqual([expect.objectContaining({ path: 'allCorrect', rule: 'ALL_CORRECT_REQUIRED' })]);
});

test('two concurrent confirms give one ticket', async () => {
  const { http, db } = service;
  const journey = await requestAtConfirmation();
  const [a, b] = await Promise.all([
    send(http, poToken, journey.id, { type: 'CONFIRM', allCorrect: true }),
    send(http, poToken, journey.id, { type: 'CONFIRM', allCorrect: true }),
  ]);
  const statuses = [a.status, b.status].sort();
  expect(statuses).toEqual([200, 409]);
  const winner = (a.status === 200 ? a : b).body as JourneyBody;
  const tickets = await db.query<{ ticket: string }>('SELECT ticket FROM tickets WHERE journey_id = $1', [journey.id]);
  expect(tickets).toEqual([{ ticket: winner.context.ticket }]);
});

test('retries with the same Idempotency-Key return the same journey and the same result', async () => {
  const { http, db } = service;
  const started = await start(http, poToken, 'request', 'start-key-1');
  const first = ok(started);
  expect(started.headers.location).toBe(`/api/journeys/${first.id}`);
  const retry = ok(await start(http, poToken, 'request', 'start-key-1'));
  expect(retry.id).toBe(first.id);

  const journey = await requestAtConfirmation();
  const [a, b] = await Promise.all([
    send(http, poToken, journey.id, { type: 'CONFIRM', allCorrect: true }, 'confirm-key'),
    send(http, poToken, journey.id, { type: 'CONFIRM', allCorrect: true }, 'confirm-key'),
  ]);
  expect([a.status, b.status]).toEqual([200, 200]);
  expect((a.body as JourneyBody).context.ticket).toBe((b.body as JourneyBody).context.ticket);
  const tickets = await db.query('SELECT ticket FROM tickets WHERE journey_id = $1', [journey.id]);
  expect(tickets).toHaveLength(1);

  // The same key for another event is refused, and the journey is left as it was.
  const reused = await send(http, poToken, journey.id, { type: 'WITHDRAW', reason: 'changed my mind' }, 'confirm-key');
  expect(reused.status).toBe(422);
  expect(reused.body).toMatchObject({ error: { code: 'IDEMPOTENCY_KEY_REUSED' } });
  expect(ok(await read(http, poToken, journey.id)).screen).toBe('awaitingWorker');

  // A refusal by a check is an answer too: its retry gets the same 422.
  const other = ok(await start(http, poToken, 'request'));
  const unknownSchool = { ...selectPrimaryA, school: '0111222376' } satisfies JourneyEvent;
  const refusedOnce = await send(http, poToken, other.id, unknownSchool, 'select-key');
  const again = await send(http, poToken, other.id, unknownSchool, 'select-key');
  expect([refusedOnce.status, again.status]).toEqual([422, 422]);
  expect((again.body as { error: { code: string } }).error.code).toBe('UNKNOWN_SCHOOL');
});

test('the back-office moves a request to a decision; the overview follows every status', async () => {
  const { http } = service;
  const journey = await requestAtConfirmation();
  const confirmed = ok(await send(http, poToken, journey.id, { type: 'CONFIRM', allCorrect: true }));
  const ticket = confirmed.context.ticket as string;
  const agent = await backofficeToken(http);

  const forbidden = await sendRaw(http, poToken, journey.id, { type: 'DECIDE', decision: 'accepted', reason: 'self-service' });
  expect(forbidden.status).toBe(403);

  const statusOf = async () => (await apiClient(http).GET('/api/requests/{ref}', { params: { path: { ref: ticket } }, headers: bearer(poToken) })).data?.status;
  expect(await statusOf()).toBe('awaiting_worker');
  const early = await sendBackoffice(http, agent, ticket, { type: 'DECIDE', decision: 'accepted', reason: 'too early' });
  expect(early.status).toBe(409);
  const worker = await sendBackoffice(http, agent, ticket, { type: 'WORKER_PART_COMPLETED' });
  expect(ok(worker).screen).toBe('inProcessing');
  expect(await statusOf()).toBe('in_processing');
  const decided = await sendBackoffice(http, agent, ticket, { type: 'DECIDE', decision: 'accepted', reason: 'All conditions are met.' });
  expect(ok(decided)).toMatchObject({ status: 'done', output: { status: 'accepted', ticket } });
  expect(await statusOf()).toBe('accepted');
  const audit = await service.db.query<{ actor: string; action: string }>(
    "SELECT actor, action FROM audit_log WHERE subject = $1 AND action IN ('request.in_processing', 'request.accepted') ORDER BY id",
    [`request:${journey.id}`],
  );
  expect(audit).toEqual([
    { actor: 'agent:Agent ONEM', action: 'request.in_processing' },
    { actor: 'agent:Agent ONEM', action: 'request.accepted' },
  ]);
  recordHistory(journey.id, 'request-accepted');
});

test('nothing a caller sends gives a 500', async () => {
  const { http } = service;
  const journey = ok(await start(http, poToken, 'request'));
  const attempts = [
    http.post(`/api/journeys/${journey.id}/events`).set(bearer(poToken)).set('Content-Type', 'application/json').send('{"type": '),
    http.post(`/api/journeys/${journey.id}/events`).set(bearer(poToken)).send([1, 2]),
    http.post(`/api/journeys/${journey.id}/events`).set(bearer(poToken)).send({ type: 42 }),
    http.post(`/api/journeys/${journey.id}/events`).set(bearer(poToken)).send({ type: 'SELECT_WORKER', niss: { $gt: '' } }),
    http.post(`/api/journeys/${journey.id}/events`).set(bearer(poToken)).send({ type: 'NO_SUCH_EVENT' }),
    http.post('/api/journeys/request-00000000-0000-0000-0000-000000000000/events').set(bearer(poToken)).send({ type: 'ABANDON' }),
    http.get('/api/journeys/not an id').set(bearer(poToken)),
    http.post('/api/journeys').set(bearer(poToken)).send({ machine: 'nope' }),
    http.post('/api/journeys').set(bearer(poToken)),
    http.get('/api/requests?page=0&status=nope').set(bearer(poToken)),
    http.get('/api/organisations/0123456789/members').set(bearer(poToken)),
    http.post('/api/dev/identity/tokens').send({ niss: '00000000000' }),
    http.post(`/api/journeys/${journey.id}/events`).set(bearer(poToken)).set('Idempotency-Key', 'has spaces').send({ type: 'ABANDON' }),
    http.get('/api/machines/toString'),
    http.get('/api/machines/__proto__'),
    http.post('/api/journeys').set(bearer(poToken)).send({ machine: 'constructor' }),
    http.post(`/api/journeys/${journey.id}/events`).set(bearer(poToken)).send({ type: 'constructor' }),
    http.post(`/api/journeys/${journey.id}/events`).set(bearer(poToken)).send({ type: 'toString' }),
    http.post(`/api/journeys/${journey.id}/events`).set(bearer(poToken)).send({ type: '__proto__' }),
  ];
  for (const res of await Promise.all(attempts)) {
    expect([res.status, res.body]).toEqual([expect.any(Number), expect.objectContaining({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) })]);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  }
});

test('the OpenAPI document describes every route and the docs page is served', async () => {
  const { http } = service;
  const doc = (await http.get('/openapi.json')).body as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
  expect(doc.openapi).toBe('3.1.0');
  // The committed document (the typed client's source) is the one served.
  expect(doc).toEqual(committedDocument);
  for (const path of ['/api/journeys', '/api/journeys/{id}', '/api/journeys/{id}/events', '/api/requests', '/api/organisations/{enterprise}/members', '/api/backoffice/requests/{ticket}/events', '/api/machines/{machine}']) {
    expect(Object.keys(doc.paths)).toContain(path);
  }
  expect(Object.keys(doc.paths['/api/journeys/{id}/events']!.post!.responses)).toEqual(expect.arrayContaining(['200', '401', '409', '422']));
  const docs = await http.get('/docs');
  expect(docs.status).toBe(200);
  // Swagger UI is started by /docs/init.js (no inline script under the CSP), pointed at the document.
  expect(docs.text).toContain('<script src="/docs/init.js">');
  expect((await http.get('/docs/init.js')).text).toContain('/openapi.json');
  expect((await http.get('/docs/assets/swagger-ui-bundle.js')).status).toBe(200);
});

test('/metrics counts requests by route pattern and status', async () => {
  const { http } = service;
  await http.get('/api/machines');
  const text = (await http.get('/metrics')).text;
  expect(text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/api\/machines",status="200"\} [1-9]/);
  expect(text).toMatch(/route="\/api\/journeys\/:id\/events",status="409"/);
});

test('machines are listed and their definitions can be drawn', async () => {
  const { http } = service;
  const list = (await http.get('/api/machines')).body as Array<{ id: string }>;
  expect(list.map((m) => m.id).sort()).toEqual(['accessManagement', 'request', 'signIn', 'workerPart']);
  const def = (await http.get('/api/machines/request')).body as { definition: { id: string; states: Record<string, unknown> } };
  expect(def.definition.id).toBe('request');
  expect(Object.keys(def.definition.states)).toEqual(expect.arrayContaining(['workerSelection', 'confirmation']));
});
