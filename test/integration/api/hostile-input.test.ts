/**
 * No input can wedge a journey, through the HTTP API against the real worker and store: e-mail
 * addresses (the schema runs in the API and in the workflow bundle), control characters and broken
 * Unicode in free text, unknown and deeply nested fields, bodies that cannot be read. Each refusal is a
 * 4xx with a stable code naming the rule, the journey is left as it was, and it can go on afterwards.
 */
import { defaultPayloadConverter } from '@temporalio/common';
import { gzipSync, brotliCompressSync, deflateSync } from 'node:zlib';
import type { Response } from 'supertest';
import { nissCheckDigits } from '../../../domain';
import { demoCast } from '../../../store/demo-data';
import { backofficeToken, bearer, identityToken, ok, read, send, sendBackoffice, sendRaw, start, type JourneyBody, type JourneyEvent } from '../../support/http-journeys';
import { requestSeries } from '../../support/request-sample-events';
import { withServiceAndPoUser, type TestService } from '../../support/service-harness';
import { testDataConverter } from '../../support/temporal';

const { people, organisations, teachers } = demoCast;
const Y = organisations.poY.enterpriseNumber;
let service: TestService;
let poToken: string;
withServiceAndPoUser((started, token) => ((service = started), (poToken = token)));

const selectPrimaryA = { type: 'SELECT_WORKER', community: 'FR', school: '0321654968', niss: teachers.primaryA.niss, status: 'STATUTORY' } satisfies JourneyEvent;

/** An answer, from the typed client or from supertest. */
type Answer = Pick<Response, 'status' | 'body'>;

interface ErrorBody {
  error: { code: string; message: string; details?: { issues?: Array<{ path: string; message: string; rule?: string }>; [k: string]: unknown } };
}

/** A refusal in the one error shape, with this status and code; returns the error. */
function refused(res: Answer, status: number, code: string): ErrorBody['error'] {
  expect([res.status, (res.body as ErrorBody).error?.code]).toEqual([status, code]);
  const { error } = res.body as ErrorBody;
  expect(error).toEqual({ code, message: expect.any(String), ...(error.details === undefined ? {} : { details: expect.anything() }) });
  return error;
}

/** A 422 whose issues name these rules on these paths. */
function refusedFor(res: Answer, issues: Array<{ path: string; rule: string }>, code = 'EVENT_INVALID'): ErrorBody['error'] {
  const error = refused(res, 422, code);
  expect(error.details?.issues).toEqual(issues.map((i): unknown => expect.objectContaining(i)));
  return error;
}

async function view(id: string, token = poToken): Promise<JourneyBody> {
  return ok(await read(service.http, token, id));
}

/** The journey is where it was, with no error and still running. */
async function unchanged(id: string, screen: string, token = poToken): Promise<JourneyBody> {
  const journey = await view(id, token);
  expect(journey).toMatchObject({ screen, status: 'active', context: { error: null } });
  return journey;
}

async function newRequest(): Promise<JourneyBody> {
  return ok(await start(service.http, poToken, 'request'));
}

// The requests of this file share one store: each is another that the rules across requests admit.
const nextRequest = requestSeries();

async function requestAt(screen: 'awaitingWorker' | 'inProcessing'): Promise<{ journey: JourneyBody; ticket: string; agent: string }> {
  const { http } = service;
  let journey = await newRequest();
  const { selectWorker, chooseLeave, answers } = nextRequest();
  const events: JourneyEvent[] = [selectWorker, { type: 'START_REQUEST' }, chooseLeave, answers, { type: 'CONFIRM', allCorrect: true }];
  for (const event of events) {
    journey = ok(await send(http, poToken, journey.id, event));
  }
  const ticket = journey.context.ticket as string;
  const agent = await backofficeToken(http);
  if (screen === 'inProcessing') journey = ok(await sendBackoffice(http, agent, ticket, { type: 'WORKER_PART_COMPLETED' }));
  expect(journey.screen).toBe(screen);
  return { journey, ticket, agent };
}

/** The events the workflow was given (the Update `send` inputs in its history, decrypted as the worker reads them). */
async function eventsGivenToWorkflow(id: string): Promise<Array<Record<string, unknown>>> {
  const history = await service.env.client.workflow.getHandle(id).fetchHistory();
  const sent = (history.events ?? [])
    .map((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest)
    .filter((r) => r?.input?.name === 'send')
    .map((r) => r?.input?.args?.payloads?.[0] ?? {});
  const { payloadCodecs = [] } = testDataConverter;
  let payloads = sent;
  for (const codec of [...payloadCodecs].reverse()) payloads = await codec.decode(payloads);
  return payloads.map((payload) => defaultPayloadConverter.fromPayload<Record<string, unknown>>(payload));
}

const nested = (levels: number): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = { deeper: value };
  return value;
};

describe('an e-mail on worker selection (the schema runs in the API and in the workflow bundle)', () => {
  test('a valid address is accepted and kept; the journey goes on', async () => {
    const { http } = service;
    const journey = await newRequest();
    const selected = ok(await send(http, poToken, journey.id, { ...selectPrimaryA, email: '  sophie.lambert@ecole-a.be ' }));
    expect(selected).toMatchObject({ screen: 'workerSelected', context: { email: 'sophie.lambert@ecole-a.be', error: null } });
    expect(ok(await send(http, poToken, journey.id, { type: 'START_REQUEST' })).screen).toBe('leaveSelection');
    expect((await view(journey.id)).context.email).toBe('sophie.lambert@ecole-a.be');
  });

  test.each([
    ['no domain', 'sophie.lambert@'],
    ['no top-level domain', 'sophie@ecole'],
    ['two @', 'sophie@@ecole.be'],
    ['a NUL inside', 'sophie\u0000@ecole.be'],
    ['a lone surrogate', 'sophie\uD800@ecole.be'],
    ['longer than 254 characters', `${'a'.repeat(250)}@ecole.be`],
  ])('an invalid address (%s) is 422 EMAIL_FORMAT, and the journey can go on', async (_name, email) => {
    const { http } = service;
    const journey = await newRequest();
    const error = refusedFor(await send(http, poToken, journey.id, { ...selectPrimaryA, email }), [{ path: 'email', rule: 'EMAIL_FORMAT' }]);
    expect(error.message).toMatch(/adresse e-mail doit avoir la forme nom@domaine\.tld/);
    await unchanged(journey.id, 'workerSelection');
    expect(ok(await send(http, poToken, journey.id, { ...selectPrimaryA, email: 'sophie@ecole.be' })).context.email).toBe('sophie@ecole.be');
  });

  test('a blank address is none', async () => {
    const journey = await newRequest();
    expect(ok(await send(service.http, poToken, journey.id, { ...selectPrimaryA, email: '   ' })).context).toMatchObject({ email: null });
  });
});

describe('free text: no control characters, well-formed Unicode', () => {
  const hostile: Array<[string, string, string]> = [
    ['a NUL', 'Plus\u0000nécessaire', 'TEXT_CONTROL_CHARACTERS'],
    ['a bell', 'Plus\u0007nécessaire', 'TEXT_CONTROL_CHARACTERS'],
    ['an escape', '\u001B[31mrouge', 'TEXT_CONTROL_CHARACTERS'],
    ['a vertical tab at the end (trimming must not hide it)', 'Plus nécessaire\u000B', 'TEXT_CONTROL_CHARACTERS'],
    ['a DEL', 'Plus\u007Fnécessaire', 'TEXT_CONTROL_CHARACTERS'],
    ['a lone high surrogate', 'Plus \uD83D nécessaire', 'TEXT_INVALID_UNICODE'],
    ['a lone low surrogate', 'Plus \uDE00 nécessaire', 'TEXT_INVALID_UNICODE'],
    ['a surrogate pair the wrong way round', 'Plus \uDE00\uD83D', 'TEXT_INVALID_UNICODE'],
  ];

  test.each(hostile)('ABANDON with %s in its reason is 422, and the draft can go on', async (_name, reason, rule) => {
    const { http } = service;
    const journey = await newRequest();
    const error = refusedFor(await send(http, poToken, journey.id, { type: 'ABANDON', reason }), [{ path: 'reason', rule }]);
    expect(error.message).toMatch(rule === 'TEXT_CONTROL_CHARACTERS' ? /ne peut pas contenir de caractères de contrôle/ : /Unicode bien formé/);
    await unchanged(journey.id, 'workerSelection');
    expect(ok(await send(http, poToken, journey.id, selectPrimaryA)).screen).toBe('workerSelected');
  });

  test('both rules at once are both named', async () => {
    const journey = await newRequest();
    refusedFor(await send(service.http, poToken, journey.id, { type: 'ABANDON', reason: '\u0000\uD800' }), [
      { path: 'reason', rule: 'TEXT_CONTROL_CHARACTERS' },
      { path: 'reason', rule: 'TEXT_INVALID_UNICODE' },
    ]);
    await unchanged(journey.id, 'workerSelection');
  });

  test('tab, line breaks and characters beyond the BMP are text: stored and shown as sent', async () => {
    const journey = await newRequest();
    const reason = 'Plus nécessaire :\tla personne\r\na changé d’avis 🙂 𝔄';
    const abandoned = ok(await send(service.http, poToken, journey.id, { type: 'ABANDON', reason: `  ${reason}  ` }));
    expect(abandoned).toMatchObject({ status: 'done', context: { statusReason: reason } });
  });

  test('WITHDRAW with a NUL in its reason is 422; the request still awaits the worker and can be withdrawn', async () => {
    const { http } = service;
    const { journey, ticket } = await requestAt('awaitingWorker');
    refusedFor(await send(http, poToken, journey.id, { type: 'WITHDRAW', reason: 'Erreur\u0000' }), [{ path: 'reason', rule: 'TEXT_CONTROL_CHARACTERS' }]);
    refusedFor(await send(http, poToken, journey.id, { type: 'WITHDRAW', reason: 'Erreur \uDBFF' }), [{ path: 'reason', rule: 'TEXT_INVALID_UNICODE' }]);
    await unchanged(journey.id, 'awaitingWorker');
    expect((await http.get(`/api/requests/${ticket}`).set(bearer(poToken))).body).toMatchObject({ status: 'awaiting_worker' });
    expect(ok(await send(http, poToken, journey.id, { type: 'WITHDRAW', reason: 'Introduite par erreur' }))).toMatchObject({ screen: 'withdrawn', status: 'done' });
    expect((await http.get(`/api/requests/${ticket}`).set(bearer(poToken))).body).toMatchObject({ status: 'withdrawn' });
  });

  test('back-office DECIDE and SEND_BACK with broken reasons are 422; the decision can still be taken', async () => {
    const { http } = service;
    const { journey, ticket, agent } = await requestAt('inProcessing');
    const backoffice = (event: Record<string, unknown>) => http.post(`/api/backoffice/requests/${ticket}/events`).set(bearer(agent)).send(event);
    refusedFor(await backoffice({ type: 'DECIDE', decision: 'accepted', reason: 'OK\u0000' }), [{ path: 'reason', rule: 'TEXT_CONTROL_CHARACTERS' }]);
    refusedFor(await backoffice({ type: 'DECIDE', decision: 'refused', reason: '\uDC00 non' }), [{ path: 'reason', rule: 'TEXT_INVALID_UNICODE' }]);
    refusedFor(await backoffice({ type: 'SEND_BACK', to: 'employer', reason: 'À corriger\u0008' }), [{ path: 'reason', rule: 'TEXT_CONTROL_CHARACTERS' }]);
    await unchanged(journey.id, 'inProcessing');
    expect((await http.get(`/api/requests/${ticket}`).set(bearer(poToken))).body).toMatchObject({ status: 'in_processing' });
    expect(ok(await backoffice({ type: 'DECIDE', decision: 'accepted', reason: 'Toutes les conditions sont remplies.' }))).toMatchObject({ status: 'done', output: { status: 'accepted' } });
  });

  test('a new member’s names in access management: 422 for broken text, then the member is added', async () => {
    const { http } = service;
    const manager = await identityToken(http, people.accessManagerY.niss);
    let journey = ok(await start(http, manager, 'accessManagement'));
    for (const event of [{ type: 'OPEN_ACCESS_MANAGEMENT' }, { type: 'SIGN_IN' }, { type: 'CHOOSE_ORGANISATION', enterprise: Y }, { type: 'CHOOSE_GROUP', enterprise: Y }, { type: 'ADD_USER' }] satisfies JourneyEvent[]) {
      journey = ok(await send(http, manager, journey.id, event));
    }
    expect(journey.screen).toBe('memberAdd');
    const niss = `990101123${nissCheckDigits('990101123', false)}`;
    const member = { type: 'SUBMIT_NEW_MEMBER', niss, lastName: 'Nouveau', firstName: 'Membre', role: 'USER', permissions: ['PO_EDUCATION'] } satisfies JourneyEvent;
    refusedFor(await send(http, manager, journey.id, { ...member, lastName: 'Nou\u0000veau', firstName: 'Mem\uD800bre' }), [
      { path: 'lastName', rule: 'TEXT_CONTROL_CHARACTERS' },
      { path: 'firstName', rule: 'TEXT_INVALID_UNICODE' },
    ]);
    await unchanged(journey.id, 'memberAdd', manager);
    expect(ok(await send(http, manager, journey.id, member)).context).toMatchObject({ error: null });
    const members = await http.get(`/api/organisations/${Y}/members`).query({ search: 'Nouveau' }).set(bearer(manager));
    expect((members.body as { items: Array<{ niss: string }> }).items).toEqual([expect.objectContaining({ niss, lastName: 'Nouveau' })]);
  });

  test('searches, references and agent names refuse control characters before the store sees them', async () => {
    const { http } = service;
    const manager = await identityToken(http, people.accessManagerY.niss);
    const search = await http.get(`/api/organisations/${Y}/members?search=Lej%00eune`).set(bearer(manager));
    refusedFor(search, [{ path: 'query.search', rule: 'TEXT_CONTROL_CHARACTERS' }], 'VALIDATION_FAILED');
    expect(refused(await http.get('/api/requests/%00').set(bearer(poToken)), 422, 'VALIDATION_FAILED').message).toMatch(/journey id|ticket/);
    const agent = await http.post('/api/dev/identity/tokens').send({ backofficeAgent: 'Agent\u0000ONEM' });
    expect(refused(agent, 422, 'VALIDATION_FAILED').details?.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'body.backofficeAgent', rule: 'TEXT_CONTROL_CHARACTERS' })]),
    );
    // Identifiers are no free text: their own format rules refuse the NUL.
    const journey = await newRequest();
    refusedFor(await send(http, poToken, journey.id, { ...selectPrimaryA, school: '0321654968\u0000' }), [{ path: 'school', rule: 'SCHOOL_NUMBER_FORMAT' }]);
    await unchanged(journey.id, 'workerSelection');
  });
});

describe('unknown fields are stripped; nesting is bounded', () => {
  test('only the parsed event reaches the workflow: unknown fields dropped, values normalised', async () => {
    const { http } = service;
    const journey = await newRequest();
    const selected = ok(await sendRaw(http, poToken, journey.id, { ...selectPrimaryA, niss: '82.04.12-072.57', smuggled: { deep: { x: 1 } }, __extra__: 'x'.repeat(1000) }));
    expect(selected.screen).toBe('workerSelected');
    const given = await eventsGivenToWorkflow(journey.id);
    expect(given).toEqual([{ type: 'SELECT_WORKER', community: 'FR', school: '0321654968', niss: '82041207257', status: 'STATUTORY' }]);
  });

  test('an event type the journey does not know goes on alone and is refused with the allowed events', async () => {
    const journey = await newRequest();
    const error = refused(await sendRaw(service.http, poToken, journey.id, { type: 'NO_SUCH_EVENT', payload: nested(20) }), 422, 'EVENT_INVALID');
    expect(error.details).toMatchObject({ allowedEvents: expect.arrayContaining(['SELECT_WORKER']) });
    const badType = refused(await sendRaw(service.http, poToken, journey.id, { type: 'SELECT\u0000WORKER' }), 422, 'VALIDATION_FAILED');
    expect(badType.details?.issues).toEqual([expect.objectContaining({ path: 'body.type' })]);
    await unchanged(journey.id, 'workerSelection');
    expect(await eventsGivenToWorkflow(journey.id)).toEqual([]);
  });

  test('a 5,000-level nested field in 64 kB is 400 BODY_NESTING_TOO_DEEP, with or without an Idempotency-Key', async () => {
    const { http } = service;
    const journey = await newRequest();
    const deep = `{"type":"SELECT_WORKER","x":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`;
    expect(deep.length).toBeLessThan(64 * 1024);
    const post = (key?: string) => {
      const req = http.post(`/api/journeys/${journey.id}/events`).set(bearer(poToken)).set('Content-Type', 'application/json');
      return (key ? req.set('Idempotency-Key', key) : req).send(deep);
    };
    expect(refused(await post(), 400, 'BODY_NESTING_TOO_DEEP').message).toMatch(/imbriqué sur plus de 32 niveaux/);
    refused(await post('deep-key'), 400, 'BODY_NESTING_TOO_DEEP');
    await unchanged(journey.id, 'workerSelection');
    // The refused call claimed nothing: the key still serves a first, proper event.
    expect(ok(await send(http, poToken, journey.id, selectPrimaryA, 'deep-key')).screen).toBe('workerSelected');
    expect(ok(await send(http, poToken, journey.id, selectPrimaryA, 'deep-key')).screen).toBe('workerSelected');
  });

  test('32 levels are accepted (and the extra field stripped); 33 are refused', async () => {
    const { http } = service;
    const journey = await newRequest();
    refused(await sendRaw(http, poToken, journey.id, { ...selectPrimaryA, extra: nested(32) }), 400, 'BODY_NESTING_TOO_DEEP');
    await unchanged(journey.id, 'workerSelection');
    expect(ok(await sendRaw(http, poToken, journey.id, { ...selectPrimaryA, extra: nested(31) }, 'depth-31')).screen).toBe('workerSelected');
    expect(await eventsGivenToWorkflow(journey.id)).toEqual([expect.not.objectContaining({ extra: expect.anything() })]);
  });

  test('deep arrays, and deep bodies on every route, are refused before anything else', async () => {
    const { http } = service;
    const journey = await newRequest();
    const { ticket, agent } = await requestAt('awaitingWorker');
    const arrays = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const deepObject = `{"type":"WORKER_PART_COMPLETED","niss":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}`;
    const json = (req: ReturnType<typeof http.post>) => req.set('Content-Type', 'application/json');
    for (const res of [
      await json(http.post(`/api/journeys/${journey.id}/events`).set(bearer(poToken))).send(arrays),
      await json(http.post(`/api/backoffice/requests/${ticket}/events`).set(bearer(agent))).send(deepObject),
      await json(http.post('/api/dev/identity/tokens')).send(deepObject),
      await json(http.post('/api/journeys').set(bearer(poToken))).send(deepObject),
    ]) {
      refused(res, 400, 'BODY_NESTING_TOO_DEEP');
    }
    await unchanged(journey.id, 'workerSelection');
  });
});

describe('bodies that cannot be read are 4xx with a stable code, never 500', () => {
  const event = JSON.stringify(selectPrimaryA);
  const raw = (id: string, body: Buffer | string, headers: Record<string, string>) => {
    let req = service.http.post(`/api/journeys/${id}/events`).set(bearer(poToken)).set('Content-Type', 'application/json');
    for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
    // The bytes as they are (superagent would serialise a Buffer as JSON).
    return req.serialize((bytes: Buffer | string) => bytes as string).send(body);
  };

  test.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ] as const)('a valid %s body is read', async (encoding, compress) => {
    const journey = await newRequest();
    expect(ok(await raw(journey.id, compress(Buffer.from(event)), { 'Content-Encoding': encoding })).screen).toBe('workerSelected');
  });

  test.each([
    ['gzip that is no gzip', 'gzip', Buffer.from(event)],
    ['truncated gzip', 'gzip', gzipSync(Buffer.from(event)).subarray(0, 20)],
    ['brotli that is no brotli', 'br', Buffer.from('\u00ff\u00fe this is not brotli', 'latin1')],
    ['deflate that is no deflate', 'deflate', Buffer.from('not deflate')],
    ['the encoding name in capitals', 'GZIP', Buffer.from('not gzip')],
  ])('%s is 400 BODY_DECOMPRESSION_FAILED', async (_name, encoding, body) => {
    const journey = await newRequest();
    const error = refused(await raw(journey.id, body, { 'Content-Encoding': encoding }), 400, 'BODY_DECOMPRESSION_FAILED');
    expect(error.message).toMatch(new RegExp(`ce ne sont pas des données ${encoding.toLowerCase()} valides`));
    await unchanged(journey.id, 'workerSelection');
    expect(ok(await send(service.http, poToken, journey.id, selectPrimaryA)).screen).toBe('workerSelected');
  });

  test.each([
    ['an unsupported Content-Encoding', { 'Content-Encoding': 'compress' }, Buffer.from(event), 415, 'UNSUPPORTED_CONTENT_ENCODING', /Content-Encoding « compress » n’est pas pris en charge/],
    ['two encodings', { 'Content-Encoding': 'gzip, br' }, Buffer.from(event), 415, 'UNSUPPORTED_CONTENT_ENCODING', /n’est pas pris en charge/],
    ['a charset that is no UTF', { 'Content-Type': 'application/json; charset=latin1' }, Buffer.from(event), 415, 'UNSUPPORTED_CHARSET', /jeu de caractères « (LATIN1|latin1) »/],
    ['an unknown UTF charset', { 'Content-Type': 'application/json; charset=utf-99' }, Buffer.from(event), 415, 'UNSUPPORTED_CHARSET', /jeu de caractères « .+ » du Content-Type/],
    ['a body above 64 kB', {}, Buffer.from(JSON.stringify({ ...selectPrimaryA, pad: 'x'.repeat(70_000) })), 413, 'PAYLOAD_TOO_LARGE', /plus grand que la limite de 65536 octets/],
    ['a gzip body above 64 kB once decompressed', { 'Content-Encoding': 'gzip' }, gzipSync(Buffer.from(JSON.stringify({ ...selectPrimaryA, pad: 'x'.repeat(1_000_000) }))), 413, 'PAYLOAD_TOO_LARGE', /plus grand que la limite de 65536 octets/],
    ['malformed JSON', {}, Buffer.from('{"type": '), 400, 'MALFORMED_BODY', /pas du JSON valide/],
    ['a JSON scalar', {}, Buffer.from('"SELECT_WORKER"'), 400, 'MALFORMED_BODY', /pas du JSON valide/],
  ])('%s is refused', async (_name, headers, body, status, code, message) => {
    const journey = await newRequest();
    expect(refused(await raw(journey.id, body, headers), status, code).message).toMatch(message);
    await unchanged(journey.id, 'workerSelection');
    expect(ok(await send(service.http, poToken, journey.id, selectPrimaryA)).screen).toBe('workerSelected');
  });

  test('a malformed percent-encoding in the path is 400', async () => {
    const res = await service.http.post('/api/journeys/request-%E0%A4%A/events').set(bearer(poToken)).send(selectPrimaryA);
    expect(refused(res, 400, 'MALFORMED_URL').message).toMatch(/percent-encoding/);
  });
});

test('the OpenAPI document names the body refusals of routes with a body', async () => {
  const doc = (await service.http.get('/openapi.json')).body as { paths: Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>> };
  for (const [path, operation] of [
    ['/api/journeys', 'post'],
    ['/api/journeys/{id}/events', 'post'],
    ['/api/backoffice/requests/{ticket}/events', 'post'],
  ] as const) {
    expect(Object.keys(doc.paths[path]![operation]!.responses)).toEqual(expect.arrayContaining(['400', '413', '415', '422']));
  }
  expect(Object.keys(doc.paths['/api/requests']!.get!.responses)).not.toContain('415');
});
