/**
 * The isolation matrix: for every route × method of the API (enumerated from the app's own route table,
 * `apiRoutes`, so a new route without a row here fails) and each pair of callers that must not see each
 * other — PO Y / PO Z, PO mode / own-company mode of the same enterprise, worker / other worker, plain
 * member / access manager, non-back-office / back-office — the call is refused (404 or 403) and its body
 * is the error envelope alone, holding nothing of the other party. Real objects first: a request of PO Y
 * to its ticket, an own-company draft, the worker's part, a sign-in, an access manager's journey.
 * (A list is the one answer that is not a refusal: its rows are the caller's own, none of the other's.)
 */
import type { Client } from '@temporalio/client';
import type TestAgent from 'supertest/lib/agent';
import type { Test } from 'supertest';
import { apiRoutes } from '../../../api/app';
import type { TokenService } from '../../../api/auth';
import { createLogger } from '../../../config/logger';
import { demoCast } from '../../../store/demo-data';
import { backofficeToken, bearer, identityToken, ok, read, send, signIn, start, type JourneyBody, type JourneyEvent } from '../../support/http-journeys';
import { requestSeries } from '../../support/request-sample-events';
import { startTestService, type TestService } from '../../support/service-harness';

const { people, organisations, teachers, ownStaff } = demoCast;
const Y = organisations.poY.enterpriseNumber;
const Z = organisations.poZ.enterpriseNumber;

/** What each party holds, set up once through the API: the ids are real. */
interface World {
  tokens: {
    /** Claire Dubois (both permissions) acting for PO Y as PO, and as its own company. */
    yPo: string;
    yOwn: string;
    /** Ingrid Schmitz acting for PO Z as PO. */
    zPo: string;
    /** Identity tokens: the worker of the request, another worker, PO Y's access manager, a plain member. */
    worker: string;
    otherWorker: string;
    manager: string;
    plainMember: string;
    backoffice: string;
  };
  /** PO Y's request (as PO) at its ticket, for teacher Sophie Lambert. */
  poRequest: { id: string; ticket: string };
  /** PO Y's own-company draft, for its secretary. */
  ownRequest: { id: string };
  /** Sophie Lambert's worker's part, the request listed; Marc Peeters's sign-in; Anne Lejeune's access management. */
  workerPart: string;
  /** The other worker's own worker's part (where they try the worker's ticket). */
  otherWorkerPart: string;
  signInJourney: string;
  accessJourney: string;
  /** The start of PO Y's request as Temporal keeps it (encrypted), in the remote codec's JSON. */
  encryptedPayload: { metadata: Record<string, string>; data: string };
}

/** What must never show in a refusal to the other party (national numbers, names, tickets, ids). */
const foreign = {
  // (Not who introduced it: Claire Dubois acts in both modes of PO Y, her own NISS is in both.)
  poRequest: (w: World) => [w.poRequest.id, w.poRequest.ticket, teachers.primaryA.niss, teachers.primaryA.lastName],
  ownRequest: (w: World) => [w.ownRequest.id, ownStaff.secretaryY.niss, ownStaff.secretaryY.lastName],
  workerPart: (w: World) => [w.workerPart, teachers.primaryA.niss, teachers.primaryA.lastName, w.poRequest.ticket],
  signIn: (w: World) => [w.signInJourney, people.poEducationOnly.niss],
  accessManagement: (w: World) => [w.accessJourney, people.accessManagerY.niss],
  membersOfY: () => [people.accessManagerY.niss, people.bothPermissions.niss, people.poEducationOnly.niss, people.accessManagerY.lastName, people.bothPermissions.lastName],
  backoffice: (w: World) => [w.poRequest.ticket, w.poRequest.id, teachers.primaryA.niss, teachers.primaryA.lastName],
};

type Pair = 'PO Y / PO Z' | 'PO mode / own-company mode' | 'worker / other worker' | 'plain member / access manager' | 'non-back-office / back-office';
type Expectation =
  | { status: 403 | 404 | 422; code: string }
  /** 2xx: the caller's own (a new journey, a list), nothing of the other party's in it. */
  | { status: 'own' };

interface Case {
  pair: Pair;
  /** Who calls, and what of whom they try to reach. */
  what: string;
  token: (w: World) => string;
  call: (http: TestAgent, w: World) => Test;
  expect: Expectation;
  foreign: (w: World) => string[];
}

type Row = { public: string } | { cases: Case[] };

const get = (path: string) => (http: TestAgent) => http.get(path);
const post = (path: string, body: object) => (http: TestAgent) => http.post(path).send(body);
const refused = (status: 403 | 404 | 422, code: string): Expectation => ({ status, code });
const notFound = refused(404, 'NOT_FOUND');
const forbidden = refused(403, 'FORBIDDEN');
const own: Expectation = { status: 'own' };

/** Every journey of another party, tried by someone who must not reach it. */
function othersJourneys(act: (id: string) => (http: TestAgent) => Test): Case[] {
  return [
    { pair: 'PO Y / PO Z', what: 'PO Z → PO Y’s request', token: (w) => w.tokens.zPo, call: (h, w) => act(w.poRequest.id)(h), expect: notFound, foreign: foreign.poRequest },
    { pair: 'PO Y / PO Z', what: 'PO Z → PO Y’s sign-in', token: (w) => w.tokens.zPo, call: (h, w) => act(w.signInJourney)(h), expect: notFound, foreign: foreign.signIn },
    { pair: 'PO mode / own-company mode', what: 'own-company mode → the PO-mode request', token: (w) => w.tokens.yOwn, call: (h, w) => act(w.poRequest.id)(h), expect: notFound, foreign: foreign.poRequest },
    { pair: 'PO mode / own-company mode', what: 'PO mode → the own-company draft', token: (w) => w.tokens.yPo, call: (h, w) => act(w.ownRequest.id)(h), expect: notFound, foreign: foreign.ownRequest },
    { pair: 'worker / other worker', what: 'another worker → the worker’s part', token: (w) => w.tokens.otherWorker, call: (h, w) => act(w.workerPart)(h), expect: notFound, foreign: foreign.workerPart },
    { pair: 'worker / other worker', what: 'the worker → the employer’s request about them', token: (w) => w.tokens.worker, call: (h, w) => act(w.poRequest.id)(h), expect: notFound, foreign: foreign.poRequest },
    { pair: 'plain member / access manager', what: 'a plain member → the access manager’s journey', token: (w) => w.tokens.plainMember, call: (h, w) => act(w.accessJourney)(h), expect: notFound, foreign: foreign.accessManagement },
    { pair: 'non-back-office / back-office', what: 'the back-office → a person’s journey route', token: (w) => w.tokens.backoffice, call: (h, w) => act(w.poRequest.id)(h), expect: forbidden, foreign: foreign.poRequest },
  ];
}

/** The back-office's routes: refused to every person, whatever their token. */
function backofficeOnly(call: (h: TestAgent, w: World) => Test): Case[] {
  return [
    { pair: 'non-back-office / back-office', what: 'a PO (acting token)', token: (w) => w.tokens.yPo, call, expect: forbidden, foreign: foreign.backoffice },
    { pair: 'non-back-office / back-office', what: 'the worker (identity token)', token: (w) => w.tokens.worker, call, expect: forbidden, foreign: foreign.backoffice },
    { pair: 'non-back-office / back-office', what: 'an access manager (identity token)', token: (w) => w.tokens.manager, call, expect: forbidden, foreign: foreign.backoffice },
  ];
}

const publicData = 'public: machine definitions, labels and service facts, the same for everyone, no party’s data';
const devIdentity = 'the development identity provider (off in production, loopback only): the demo cast by design, no party’s journeys or requests';

/** One row per route × method of the API. */
const matrix: Record<string, Row> = {
  'GET /api/dev/identity/people': { public: devIdentity },
  'POST /api/dev/identity/tokens': { public: devIdentity },
  'GET /api/machines': { public: publicData },
  'GET /api/machines/:machine': { public: publicData },
  'GET /api/labels': { public: publicData },
  'GET /api/service': { public: publicData },
  'GET /api/identity': {
    cases: [
      // Whom the token names: always the caller, never anyone else.
      { pair: 'PO Y / PO Z', what: 'PO Z’s own identity', token: (w) => w.tokens.zPo, call: get('/api/identity'), expect: own, foreign: () => [people.bothPermissions.niss, Y] },
      { pair: 'worker / other worker', what: 'another worker’s own identity', token: (w) => w.tokens.otherWorker, call: get('/api/identity'), expect: own, foreign: () => [teachers.primaryA.niss, teachers.primaryA.lastName] },
    ],
  },
  // Temporal's remote codec: decoding a history's payloads is the back-office's alone.
  'POST /codec/decode': { cases: backofficeOnly((h, w) => h.post('/codec/decode').send({ payloads: [w.encryptedPayload] })) },
  'POST /codec/encode': {
    cases: backofficeOnly((h) => h.post('/codec/encode').send({ payloads: [{ metadata: { encoding: Buffer.from('json/plain').toString('base64') }, data: Buffer.from(JSON.stringify({ niss: teachers.primaryA.niss })).toString('base64') }] })),
  },
  'POST /api/journeys': {
    cases: [
      // The same Idempotency-Key as PO Y's start: keys are scoped to the owner, so PO Z gets a journey of its own.
      { pair: 'PO Y / PO Z', what: 'PO Z with PO Y’s Idempotency-Key', token: (w) => w.tokens.zPo, call: (h) => h.post('/api/journeys').set('Idempotency-Key', 'isolation-po-request').send({ machine: 'request' }), expect: own, foreign: foreign.poRequest },
      { pair: 'PO mode / own-company mode', what: 'own-company mode with the PO mode’s Idempotency-Key', token: (w) => w.tokens.yOwn, call: (h) => h.post('/api/journeys').set('Idempotency-Key', 'isolation-po-request').send({ machine: 'request' }), expect: own, foreign: foreign.poRequest },
      { pair: 'worker / other worker', what: 'another worker’s own worker’s part', token: (w) => w.tokens.otherWorker, call: post('/api/journeys', { machine: 'workerPart' }), expect: own, foreign: foreign.workerPart },
      { pair: 'worker / other worker', what: 'the worker starting a request for a PO', token: (w) => w.tokens.worker, call: post('/api/journeys', { machine: 'request' }), expect: refused(403, 'ACTING_CONTEXT_REQUIRED'), foreign: foreign.poRequest },
      { pair: 'non-back-office / back-office', what: 'the back-office starting a person’s journey', token: (w) => w.tokens.backoffice, call: post('/api/journeys', { machine: 'request' }), expect: forbidden, foreign: foreign.poRequest },
    ],
  },
  'GET /api/journeys/:id': { cases: othersJourneys((id) => get(`/api/journeys/${id}`)) },
  'POST /api/journeys/:id/events': {
    cases: [
      ...othersJourneys((id) => post(`/api/journeys/${id}/events`, { type: 'WITHDRAW', reason: 'not mine' })),
      // In their own worker's part, another worker's ticket is refused as an unknown one would be.
      {
        pair: 'worker / other worker',
        what: 'another worker choosing the worker’s ticket in their own part',
        token: (w) => w.tokens.otherWorker,
        call: (h, w) => h.post(`/api/journeys/${w.otherWorkerPart}/events`).send({ type: 'CHOOSE_REQUEST', ticket: w.poRequest.ticket }),
        expect: refused(422, 'WORKER_PART_NOT_AWAITED'),
        foreign: (w) => [w.workerPart, teachers.primaryA.niss, teachers.primaryA.lastName, w.poRequest.id],
      },
    ],
  },
  'GET /api/organisations/:enterprise/members': {
    cases: [
      { pair: 'plain member / access manager', what: 'a plain member of PO Y', token: (w) => w.tokens.plainMember, call: get(`/api/organisations/${Y}/members`), expect: refused(403, 'NOT_ACCESS_MANAGER'), foreign: foreign.membersOfY },
      { pair: 'PO Y / PO Z', what: 'PO Z’s member', token: (w) => w.tokens.zPo, call: get(`/api/organisations/${Y}/members`), expect: notFound, foreign: foreign.membersOfY },
      { pair: 'PO Y / PO Z', what: 'PO Y’s access manager → PO Z', token: (w) => w.tokens.manager, call: get(`/api/organisations/${Z}/members`), expect: notFound, foreign: () => [people.poZUser.niss, people.poZUser.lastName] },
      { pair: 'worker / other worker', what: 'a worker in no group', token: (w) => w.tokens.worker, call: get(`/api/organisations/${Y}/members`), expect: notFound, foreign: foreign.membersOfY },
      { pair: 'non-back-office / back-office', what: 'the back-office', token: (w) => w.tokens.backoffice, call: get(`/api/organisations/${Y}/members`), expect: forbidden, foreign: foreign.membersOfY },
    ],
  },
  'GET /api/requests': {
    cases: [
      { pair: 'PO Y / PO Z', what: 'PO Z’s overview, filtered on PO Y’s worker', token: (w) => w.tokens.zPo, call: get(`/api/requests?worker=${teachers.primaryA.niss}`), expect: own, foreign: foreign.poRequest },
      { pair: 'PO Y / PO Z', what: 'PO Z’s overview', token: (w) => w.tokens.zPo, call: get('/api/requests'), expect: own, foreign: foreign.poRequest },
      { pair: 'PO mode / own-company mode', what: 'the own-company overview', token: (w) => w.tokens.yOwn, call: get('/api/requests'), expect: own, foreign: foreign.poRequest },
      { pair: 'PO mode / own-company mode', what: 'the PO-mode overview', token: (w) => w.tokens.yPo, call: get('/api/requests'), expect: own, foreign: foreign.ownRequest },
      { pair: 'worker / other worker', what: 'a worker (identity token)', token: (w) => w.tokens.worker, call: get('/api/requests'), expect: refused(403, 'ACTING_CONTEXT_REQUIRED'), foreign: foreign.poRequest },
      { pair: 'non-back-office / back-office', what: 'the back-office', token: (w) => w.tokens.backoffice, call: get('/api/requests'), expect: forbidden, foreign: foreign.poRequest },
    ],
  },
  'GET /api/requests/:ref': {
    cases: [
      { pair: 'PO Y / PO Z', what: 'PO Z → PO Y’s ticket', token: (w) => w.tokens.zPo, call: (h, w) => h.get(`/api/requests/${w.poRequest.ticket}`), expect: notFound, foreign: foreign.poRequest },
      { pair: 'PO Y / PO Z', what: 'PO Z → PO Y’s journey id', token: (w) => w.tokens.zPo, call: (h, w) => h.get(`/api/requests/${w.poRequest.id}`), expect: notFound, foreign: foreign.poRequest },
      { pair: 'PO mode / own-company mode', what: 'own-company mode → the PO-mode ticket', token: (w) => w.tokens.yOwn, call: (h, w) => h.get(`/api/requests/${w.poRequest.ticket}`), expect: notFound, foreign: foreign.poRequest },
      { pair: 'PO mode / own-company mode', what: 'PO mode → the own-company draft', token: (w) => w.tokens.yPo, call: (h, w) => h.get(`/api/requests/${w.ownRequest.id}`), expect: notFound, foreign: foreign.ownRequest },
      { pair: 'worker / other worker', what: 'the worker (identity token) → their employer’s request', token: (w) => w.tokens.worker, call: (h, w) => h.get(`/api/requests/${w.poRequest.ticket}`), expect: refused(403, 'ACTING_CONTEXT_REQUIRED'), foreign: foreign.poRequest },
      { pair: 'non-back-office / back-office', what: 'the back-office on the employer’s route', token: (w) => w.tokens.backoffice, call: (h, w) => h.get(`/api/requests/${w.poRequest.ticket}`), expect: forbidden, foreign: foreign.poRequest },
    ],
  },
  'GET /api/backoffice/requests': { cases: backofficeOnly((h) => h.get(`/api/backoffice/requests?niss=${teachers.primaryA.niss}`)) },
  'GET /api/backoffice/requests/:ticket': { cases: backofficeOnly((h, w) => h.get(`/api/backoffice/requests/${w.poRequest.ticket}`)) },
  'POST /api/backoffice/requests/:ticket/events': {
    cases: backofficeOnly((h, w) => h.post(`/api/backoffice/requests/${w.poRequest.ticket}/events`).send({ type: 'DECIDE', decision: 'accepted', reason: 'self-approved' })),
  },
  'GET /api/backoffice/journeys': { cases: backofficeOnly((h) => h.get('/api/backoffice/journeys')) },
  'POST /api/backoffice/journeys/:id/events': {
    cases: backofficeOnly((h, w) => h.post(`/api/backoffice/journeys/${w.poRequest.id}/events`).send({ type: 'RETRY_RECORD' })),
  },
};

let service: TestService;
const world = {} as World;

beforeAll(async () => {
  service = await startTestService();
  const { http } = service;
  const claireAsPo = await signIn(http, people.bothPermissions.niss, Y, 'PO');
  const claireAsOwn = await signIn(http, people.bothPermissions.niss, Y, 'OWN_COMPANY');
  const marcsSignIn = await signIn(http, people.poEducationOnly.niss, Y);
  world.tokens = {
    yPo: claireAsPo.token,
    yOwn: claireAsOwn.token,
    zPo: (await signIn(http, people.poZUser.niss, Z)).token,
    worker: await identityToken(http, teachers.primaryA.niss),
    otherWorker: await identityToken(http, teachers.nurseryA.niss),
    manager: await identityToken(http, people.accessManagerY.niss),
    plainMember: await identityToken(http, people.noPermission.niss),
    backoffice: await backofficeToken(http),
  };
  world.signInJourney = marcsSignIn.journey.id;

  // PO Y's request to its ticket, started with the Idempotency-Key the others will try.
  const { selectWorker, chooseLeave, answers } = requestSeries()();
  expect(selectWorker.niss).toBe(teachers.primaryA.niss);
  let request = ok(await start(http, world.tokens.yPo, 'request', 'isolation-po-request'));
  for (const event of [selectWorker, { type: 'START_REQUEST' }, chooseLeave, answers, { type: 'CONFIRM', allCorrect: true }] satisfies JourneyEvent[]) {
    request = ok(await send(http, world.tokens.yPo, request.id, event));
  }
  world.poRequest = { id: request.id, ticket: request.context.ticket as string };
  expect(world.poRequest.ticket).toMatch(/^BAW-/);

  const history = await service.env.client.workflow.getHandle(request.id).fetchHistory();
  const started = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  if (!started) throw new Error('the request’s history has no start input');
  const base64 = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? new Uint8Array()).toString('base64');
  world.encryptedPayload = { metadata: Object.fromEntries(Object.entries(started.metadata ?? {}).map(([k, v]) => [k, base64(v)])), data: base64(started.data) };

  let draft = ok(await start(http, world.tokens.yOwn, 'request'));
  draft = ok(await send(http, world.tokens.yOwn, draft.id, { type: 'SELECT_WORKER', niss: ownStaff.secretaryY.niss, status: 'CONTRACTUAL' }));
  world.ownRequest = { id: draft.id };

  const part = await loaded(http, world.tokens.worker, ok(await start(http, world.tokens.worker, 'workerPart')));
  expect(JSON.stringify(part.context)).toContain(world.poRequest.ticket);
  world.workerPart = part.id;
  const otherPart = await loaded(http, world.tokens.otherWorker, ok(await start(http, world.tokens.otherWorker, 'workerPart')));
  expect(JSON.stringify(otherPart)).not.toContain(world.poRequest.ticket);
  world.otherWorkerPart = otherPart.id;

  let access = ok(await start(http, world.tokens.manager, 'accessManagement'));
  for (const event of [{ type: 'OPEN_ACCESS_MANAGEMENT' }, { type: 'SIGN_IN' }, { type: 'CHOOSE_ORGANISATION', enterprise: Y }] satisfies JourneyEvent[]) {
    access = ok(await send(http, world.tokens.manager, access.id, event));
  }
  world.accessJourney = access.id;
});

afterAll(async () => {
  await service?.stop();
});

/** The worker's part once it has listed the requests (its first screen loads them). */
async function loaded(http: TestAgent, token: string, journey: JourneyBody): Promise<JourneyBody> {
  for (let i = 0; i < 50 && journey.screen !== 'requestChoice'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    journey = ok(await read(http, token, journey.id));
  }
  expect(journey.screen).toBe('requestChoice');
  return journey;
}

const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

test('every route × method of the API has a row in the matrix (a new route without one fails here)', () => {
  // The route table only: building it runs no handler (as `npm run openapi` builds it).
  const unused = new Proxy({}, { get: () => { throw new Error('the route table touched a dependency'); } });
  const routes = apiRoutes({ config: service.config, db: service.db, temporal: unused as Client, log: createLogger('silent') }, unused as TokenService);
  const keys = routes.map((r) => routeKey(r.method, r.path)).sort();
  expect(keys.filter((k) => !Object.hasOwn(matrix, k))).toEqual([]);
  expect(Object.keys(matrix).filter((k) => !keys.includes(k))).toEqual([]);
  // Every row that is not public covers at least one pair of callers.
  for (const [key, row] of Object.entries(matrix)) if ('cases' in row) expect([key, row.cases.length > 0]).toEqual([key, true]);
});

const cases = Object.entries(matrix).flatMap(([key, row]) => ('cases' in row ? row.cases.map((c) => [key, c.pair, c.what, c] as const) : []));

test.each(cases)('%s — %s: %s', async (_key, _pair, _what, c) => {
  const res = await c.call(service.http, world).set(bearer(c.token(world)));
  const text = JSON.stringify(res.body);
  for (const value of c.foreign(world)) {
    if (text.includes(value)) throw new Error(`the answer (${res.status}) holds the other party’s "${value}": ${text}`);
  }
  if (c.expect.status === 'own') {
    expect(res.status).toBeLessThan(300);
    return;
  }
  expect([res.status, (res.body as { error?: { code?: string } }).error?.code]).toEqual([c.expect.status, c.expect.code]);
  if (c.expect.status !== 422) {
    // The error envelope alone: its code, its message, and details that name no one.
    expect(Object.keys(res.body as object)).toEqual(['error']);
    expect(Object.keys((res.body as { error: object }).error).every((k) => ['code', 'message', 'details'].includes(k))).toBe(true);
  }
});

test('none of those calls changed PO Y’s request', async () => {
  const request = ok(await read(service.http, world.tokens.yPo, world.poRequest.id));
  expect(request.context.ticket).toBe(world.poRequest.ticket);
  expect(request.status).toBe('active');
  const [row] = await service.db.query<{ status: string }>('SELECT status FROM requests WHERE journey_id = $1', [world.poRequest.id]);
  expect(row?.status).not.toMatch(/withdrawn|accepted|refused/);
});
