/**
 * Personal data out of Temporal, on the real dev server and store, through the HTTP API: every journey
 * (access management, sign-in, a request to its ticket and the back-office's decision, the worker's
 * part) is driven as its users drive it; then each journey's history is downloaded as the Temporal web
 * UI and CLI would export it. No national number, name or e-mail address of the demo cast appears in
 * it in plain text (events, payloads, search attributes), every payload is encrypted, and each history
 * still replays with the service's codec. The codec endpoint decrypts for back-office agents only.
 * Kept idempotent answers hold no token. The service runs with its default key here (PAYLOAD_KEYS
 * unset: one generated and kept in the store).
 */
import { Client } from '@temporalio/client';
import { historyFromJSON, historyToJSON, type History } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { createApp } from '../../../api/app';
import { demoCast } from '../../../store/demo-data';
import { ENCRYPTED_ENCODING, KEY_ID_METADATA, STORE_KEY_ID, journeyDataConverter } from '../../../worker/payload-codec';
import { searchAttributes } from '../../../workflows/messages';
import { historiesDir } from '../../support/histories';
import { replayOptions } from '../../support/replay';
import { backofficeToken, bearer, identityToken, ok, send, sendBackoffice, signIn, start, type JourneyBody, type JourneyEvent } from '../../support/http-journeys';
import { drive, mixedLifecycle, newRun } from '../../support/lifecycles';
import { startTestService, type TestService } from '../../support/service-harness';
import { bundle } from '../../support/temporal';
import { capturedLog } from '../../support/captured-log';

jest.setTimeout(5 * 60_000);

const { people, teachers, ownStaff, organisations, schools } = demoCast;
const Y = organisations.poY.enterpriseNumber;
const cast = [...Object.values(people), ...Object.values(teachers), ...Object.values(ownStaff)] as Array<{ niss: string; firstName: string; lastName: string; email?: string | null }>;
/** What must never be read in plain text in Temporal: each demo person's NISS, first and last name, e-mail. */
const personalData = [...new Set(cast.flatMap((p) => [p.niss, p.firstName, p.lastName, ...(p.email ? [p.email] : [])]))];

let service: TestService;
const journeyIds: string[] = [];
/** The request about Sophie, which her worker's part completed. */
let sophieRequestId: string;

/**
 * The personal data found in an exported history (JSON as `temporal workflow show --output json` writes
 * it): in every text, and in every base64 value once decoded (payload data and metadata are base64 in that
 * JSON: a plaintext payload hides there). A payload's data is read decoded only (ciphertext in base64
 * could spell a short name by chance).
 */
function plaintextFound(exported: unknown): string[] {
  const found = new Set<string>();
  const look = (text: string) => personalData.filter((word) => text.includes(word)).forEach((word) => found.add(word));
  const walk = (value: unknown, key: string, parentKey: string) => {
    if (typeof value === 'string') {
      const base64 = value.length >= 4 && value.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(value);
      if (key !== 'data' && parentKey !== 'metadata') look(value);
      if (base64 || key === 'data') look(Buffer.from(value, 'base64').toString('utf8'));
    } else if (Array.isArray(value)) value.forEach((item) => walk(item, key, parentKey));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k, key);
  };
  walk(exported, '', '');
  return [...found];
}

/** Every payload of an exported history outside search attributes: its encoding and key id, decoded. */
function payloadEncodings(exported: unknown): Array<{ where: string; encoding: string; keyId?: string }> {
  const out: Array<{ where: string; encoding: string; keyId?: string }> = [];
  const walk = (value: unknown, path: string[]) => {
    if (Array.isArray(value)) return value.forEach((item, i) => walk(item, [...path, String(i)]));
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    const metadata = record.metadata as Record<string, string> | undefined;
    if (metadata && typeof metadata === 'object' && typeof metadata.encoding === 'string') {
      // Search attributes are not payloads the codec sees (the server indexes them): checked apart.
      if (!path.includes('searchAttributes')) {
        const keyId = metadata[KEY_ID_METADATA];
        out.push({ where: path.join('.'), encoding: Buffer.from(metadata.encoding, 'base64').toString('utf8'), ...(keyId ? { keyId: Buffer.from(keyId, 'base64').toString('utf8') } : {}) });
      }
      return;
    }
    for (const [k, v] of Object.entries(record)) walk(v, [...path, k]);
  };
  walk(exported, []);
  return out;
}

const exported = (history: History): unknown => JSON.parse(historyToJSON(history));
const fetchHistory = (id: string) => service.env.client.workflow.getHandle(id).fetchHistory();

beforeAll(async () => {
  service = await startTestService({ env: { RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_READS_PER_MINUTE: '1000000', PAYLOAD_KEYS: undefined } });
  const { http } = service;

  // Two mixed lifecycles: sign-in (with and without the intermediate screen), a request to its ticket,
  // the worker's part marked by the back-office, an accepted and a refused decision; access management
  // granting a permission and signing out.
  const run = newRun();
  await drive(2, 2, mixedLifecycle(http, run, { idleMs: 60_000 }));
  expect(run.failures).toEqual([]);
  journeyIds.push(...run.journeys.signIn, ...run.journeys.request, ...run.journeys.accessManagement);

  // The worker's own part: a PO introduces a request about Sophie (her e-mail given), she confirms it
  // in her workerPart journey, the back-office decides.
  const po = await signIn(http, people.poEducationOnly.niss, Y);
  const sophie = teachers.primaryA;
  const occupation = sophie.occupations[0];
  const events: JourneyEvent[] = [
    { type: 'SELECT_WORKER', community: 'FR', school: schools.a.schoolNumber, niss: sophie.niss, status: occupation.status, email: sophie.email ?? undefined },
    { type: 'START_REQUEST' },
    { type: 'CHOOSE_LEAVE', leave: 'ORDINARY_INTERRUPTION', form: 'FULL' },
    { type: 'ANSWER_QUESTIONS', level: occupation.level, before: occupation.periodsPerWeek, during: 0, start: '2033-01-01', end: '2033-03-31', multipleEmployers: false },
    { type: 'CONFIRM', allCorrect: true },
  ];
  let request = ok(await start(http, po.token, 'request'));
  for (const event of events) request = ok(await send(http, po.token, request.id, event));
  const ticket = request.context.ticket as string;
  const sophieToken = await identityToken(http, sophie.niss);
  let part = ok(await start(http, sophieToken, 'workerPart'));
  part = ok(await send(http, sophieToken, part.id, { type: 'CHOOSE_REQUEST', ticket }));
  part = ok(await send(http, sophieToken, part.id, { type: 'CONFIRM_WORKER_PART', allCorrect: true }));
  expect(part).toMatchObject({ screen: 'completed', status: 'done' });
  const decided = ok(await sendBackoffice(http, await backofficeToken(http), ticket, { type: 'DECIDE', decision: 'accepted', reason: `Accepté pour ${sophie.firstName} ${sophie.lastName}` }));
  expect(decided.screen).toBe('accepted');
  journeyIds.push(po.journey.id, request.id, part.id);
  sophieRequestId = request.id;
  expect(new Set(journeyIds.map((id) => id.split('-')[0]))).toEqual(new Set(['signIn', 'request', 'accessManagement', 'workerPart']));
});

afterAll(async () => {
  await service?.stop();
});

test('a downloaded history of every journey holds no national number, name or e-mail in plain text, and every payload is encrypted', async () => {
  const checked: Record<string, number> = {};
  for (const id of journeyIds) {
    const history = exported(await fetchHistory(id));
    expect({ id, found: plaintextFound(history) }).toEqual({ id, found: [] });
    const payloads = payloadEncodings(history);
    expect(payloads.length).toBeGreaterThan(1);
    // A version marker (`patched`) is written by the SDK's core, past the codec: it holds the patch's id
    // only (and is scanned for personal data with the rest above).
    const byCore = (p: { where: string }) => /markerRecordedEventAttributes\.details\.patch-data\./.test(p.where);
    expect(payloads.filter((p) => !byCore(p) && (p.encoding !== ENCRYPTED_ENCODING || p.keyId !== STORE_KEY_ID))).toEqual([]);
    // What the Temporal web UI lists beside it: the ids and search attributes, none with personal data.
    const description = await service.env.client.workflow.getHandle(id).describe();
    const owner = description.typedSearchAttributes.get(searchAttributes.owner);
    expect(owner).toMatch(/^(acting|person):[0-9a-f]{64}$/);
    expect(plaintextFound({ id, owner, machine: description.typedSearchAttributes.get(searchAttributes.machine), memo: description.memo ?? null })).toEqual([]);
    const machine = id.split('-')[0] as string;
    checked[machine] = (checked[machine] ?? 0) + 1;
  }
  expect(checked).toEqual({ signIn: 3, request: 3, accessManagement: 2, workerPart: 1 });
});

test('the check finds what is there: a history recorded in plain text names people, and the encrypted ones hold the data, decrypted', async () => {
  const plain = JSON.parse(readFileSync(join(historiesDir, 'request-accepted.json'), 'utf8')) as unknown;
  expect(plaintextFound(plain).length).toBeGreaterThan(0);
  // The request about Sophie, decrypted by the service's own codec, does carry her data.
  const decoded = await service.env.client.workflow.getHandle(sophieRequestId).query<JourneyBody>('view');
  expect(plaintextFound(decoded)).toEqual(expect.arrayContaining([teachers.primaryA.niss]));
});

test('each downloaded history still replays with the codec, and so does one recorded in plain text before it', async () => {
  const histories = await Promise.all(journeyIds.map(async (workflowId) => ({ workflowId, history: await fetchHistory(workflowId) })));
  const recorded = historyFromJSON(JSON.parse(readFileSync(join(historiesDir, 'request-accepted.json'), 'utf8')));
  histories.push({ workflowId: 'recorded-plaintext', history: recorded });
  const workflowBundle = await bundle(require.resolve('../../../workflows'));
  const failures: string[] = [];
  let replayed = 0;
  for await (const result of Worker.runReplayHistories(replayOptions(workflowBundle, service.dataConverter), histories)) {
    replayed++;
    if (result.error) failures.push(`${result.workflowId}: ${String(result.error)}`);
  }
  expect({ replayed, failures }).toEqual({ replayed: histories.length, failures: [] });
});

describe('the codec endpoint (Temporal web UI)', () => {
  /** The first payload of a journey's start, as the UI sends it: base64 JSON. */
  async function startPayload(id: string) {
    const history = exported(await fetchHistory(id)) as { events: Array<{ workflowExecutionStartedEventAttributes?: { input: { payloads: unknown[] } } }> };
    const payload = history.events[0]?.workflowExecutionStartedEventAttributes?.input.payloads[0];
    expect(payload).toBeDefined();
    return payload;
  }

  test('decrypts for a back-office agent, with the UI’s origin allowed and nothing cached', async () => {
    const payload = await startPayload(sophieRequestId);
    const agent = await backofficeToken(service.http);
    const res = await service.http
      .post('/codec/decode')
      .set(bearer(agent))
      .set('X-Namespace', service.config.temporal.namespace)
      .set('Origin', 'http://localhost:8233')
      .send({ payloads: [payload] });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:8233');
    expect(res.headers['cache-control']).toContain('no-store');
    const [decoded] = (res.body as { payloads: Array<{ metadata: Record<string, string>; data: string }> }).payloads;
    expect(Buffer.from(decoded!.metadata.encoding!, 'base64').toString()).toBe('json/plain');
    const start = JSON.parse(Buffer.from(decoded!.data, 'base64').toString('utf8')) as { machine: string; input: { introducedBy: string } };
    expect(start).toMatchObject({ machine: 'request', input: { introducedBy: people.poEducationOnly.niss } });

    // Encode then decode: the round trip the UI's codec settings check; `temporal workflow show` sends an empty X-Namespace.
    const encoded = await service.http.post('/codec/encode').set(bearer(agent)).set('X-Namespace', '').send({ payloads: [decoded] });
    expect(encoded.status).toBe(200);
    const again = await service.http.post('/codec/decode').set(bearer(agent)).send(encoded.body as object);
    expect((again.body as { payloads: unknown[] }).payloads).toEqual([decoded]);
    // No payloads at all, as the CLI sends them (an empty list left out).
    expect((await service.http.post('/codec/decode').set(bearer(agent)).send({})).body).toEqual({ payloads: [] });
  });

  test('a preflight from the UI’s origin is answered; another origin gets no CORS header', async () => {
    const preflight = await service.http.options('/codec/decode').set('Origin', 'http://localhost:8233').set('Access-Control-Request-Method', 'POST').set('Access-Control-Request-Headers', 'authorization,content-type,x-namespace');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toMatch(/Authorization/);
    expect(preflight.headers['access-control-allow-headers']).toMatch(/X-Namespace/);
    const stranger = await service.http.options('/codec/decode').set('Origin', 'https://evil.example.org').set('Access-Control-Request-Method', 'POST');
    expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
  });

  test('refuses anyone but a back-office agent, another namespace, and a payload it cannot decrypt', async () => {
    const payload = await startPayload(sophieRequestId);
    const noToken = await service.http.post('/codec/decode').send({ payloads: [payload] });
    expect(noToken.status).toBe(401);
    const person = await service.http.post('/codec/decode').set(bearer(await identityToken(service.http, people.poEducationOnly.niss))).send({ payloads: [payload] });
    expect({ status: person.status, code: (person.body as { error: { code: string } }).error.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(JSON.stringify(person.body)).not.toContain(people.poEducationOnly.niss);
    const agent = await backofficeToken(service.http);
    const other = await service.http.post('/codec/decode').set(bearer(agent)).set('X-Namespace', 'someone-else').send({ payloads: [payload] });
    expect({ status: other.status, code: (other.body as { error: { code: string } }).error.code }).toEqual({ status: 404, code: 'CODEC_NAMESPACE_UNKNOWN' });
    const p = payload as { metadata: Record<string, string>; data: string };
    const altered = { ...p, data: Buffer.from(Buffer.from(p.data, 'base64').map((b, i) => (i === 20 ? b ^ 1 : b))).toString('base64') };
    const bad = await service.http.post('/codec/decode').set(bearer(agent)).send({ payloads: [altered] });
    expect({ status: bad.status, code: (bad.body as { error: { code: string } }).error.code }).toEqual({ status: 422, code: 'PAYLOAD_NOT_DECRYPTABLE' });
    const notBase64 = await service.http.post('/codec/decode').set(bearer(agent)).send({ payloads: [{ data: 'not base64!' }] });
    expect(notBase64.status).toBe(422);
  });
});

test('a sign-in ended with an Idempotency-Key keeps no token in the store; its retry gets a token again', async () => {
  const { http } = service;
  const identity = await identityToken(http, people.bothPermissions.niss);
  let journey = ok(await start(http, identity, 'signIn', 'pd-start'));
  const walk: JourneyEvent[] = [
    { type: 'EMPLOYER' },
    { type: 'INTRODUCE_REQUEST' },
    { type: 'SIGN_IN' },
    { type: 'CHOOSE_ORGANISATION', enterprise: Y },
    { type: 'CHOOSE_ACTING_MODE', mode: 'PO' },
  ];
  for (const [i, event] of walk.entries()) journey = ok(await send(http, identity, journey.id, event, `pd-${i}`));
  const signedIn = ok(await send(http, identity, journey.id, { type: 'CONFIRM_ACTING_MODE' }, 'pd-confirm'));
  const token = signedIn.actingToken?.token;
  expect(token).toMatch(/^eyJ/);

  const kept = await service.db.query<{ scope: string; text: string }>(`SELECT scope, response::text AS text FROM idempotency_keys WHERE scope LIKE $1`, [`event:${journey.id}:%`]);
  expect(kept.filter((row) => row.scope.endsWith(':answer')).length).toBe(walk.length + 1);
  for (const row of kept) {
    expect(row.text).not.toContain(token);
    // No JWT at all (a token's header starts eyJ once in base64url).
    expect(row.text).not.toMatch(/eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\./);
  }

  // The retry answers the same journey and a token minted now, which works.
  const retried = ok(await send(http, identity, journey.id, { type: 'CONFIRM_ACTING_MODE' }, 'pd-confirm'));
  expect(retried).toMatchObject({ id: journey.id, screen: 'signedIn', output: signedIn.output });
  const again = retried.actingToken?.token as string;
  expect(again).toMatch(/^eyJ/);
  const overview = await http.get('/api/requests').set(bearer(again));
  expect(overview.status).toBe(200);
  journeyIds.push(journey.id);
  // This sign-in's history is as clean as the others'.
  expect(plaintextFound(exported(await fetchHistory(journey.id)))).toEqual([]);
});

test('the log of a whole request, refusals and a fault included, carries no NISS, name, typed text, token or SQL', async () => {
  const captured = capturedLog();
  const log = captured.log;
  const http = request(createApp({ config: service.config, db: service.db, temporal: service.env.client, log }));
  const teacher = teachers.nurseryA;
  const occupation = teacher.occupations[0];
  const reason = 'Motif tapé par Marc Peeters';
  const email = 'note-secrete@example.org';
  const po = await signIn(http, people.poEducationOnly.niss, Y);
  let journey = ok(await start(http, po.token, 'request'));
  const events: JourneyEvent[] = [
    { type: 'SELECT_WORKER', community: 'FR', school: schools.a.schoolNumber, niss: teacher.niss, status: occupation.status, email },
    { type: 'START_REQUEST' },
    { type: 'CHOOSE_LEAVE', leave: 'ORDINARY_INTERRUPTION', form: 'FULL' },
    { type: 'ANSWER_QUESTIONS', level: occupation.level, before: occupation.periodsPerWeek, during: 0, start: '2034-01-01', end: '2034-03-31', multipleEmployers: false },
    { type: 'CONFIRM', allCorrect: true },
  ];
  for (const event of events) journey = ok(await send(http, po.token, journey.id, event));
  // Refusals that echo nothing typed: a reason too long, a search with free text, a NISS in a path.
  expect((await send(http, po.token, journey.id, { type: 'WITHDRAW', reason: `${reason} `.repeat(200) })).status).toBe(422);
  journey = ok(await send(http, po.token, journey.id, { type: 'WITHDRAW', reason }));
  expect((await http.get(`/api/requests?worker=${teacher.niss}&search=${encodeURIComponent(reason)}`).set(bearer(po.token))).status).toBeLessThan(500);
  expect((await http.get(`/api/journeys/request-${teacher.niss}`).set(bearer(po.token))).status).toBe(404);
  // A fault: an API whose Temporal client lacks the payload key cannot read a journey (500, logged with its stack).
  const wrongKey = new Client({
    connection: service.env.client.connection,
    namespace: service.config.temporal.namespace,
    dataConverter: journeyDataConverter({ keys: new Map([['other', randomBytes(32)]]), encodeKeyId: 'other' }),
  });
  const faulty = request(createApp({ config: service.config, db: service.db, temporal: wrongKey, log }));
  const fault = await faulty.get(`/api/journeys/${journey.id}`).set(bearer(po.token));
  expect(fault.status).toBe(500);
  expect(plaintextFound(fault.body)).toEqual([]);

  // The fault's line is there, naming its cause (a key id), not the payload.
  expect(captured.text()).toContain('request failed');
  expect(captured.text()).toContain('No payload key with the id');
  expect(captured.lines().length).toBeGreaterThan(events.length);
  expect(plaintextFound(captured.lines())).toEqual([]);
  for (const word of [reason, email, 'Marc', po.token, 'eyJ']) expect(captured.text()).not.toContain(word);
  expect(captured.text()).not.toMatch(/\b(SELECT|INSERT|UPDATE|DELETE)\b/);
});
