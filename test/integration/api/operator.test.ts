/**
 * The operator flow over HTTP: a request whose record keeps failing waits for an operator (screen
 * recordBlocked, attention RECORD_BLOCKED); the back-office lists it (Temporal visibility, eventually
 * consistent: polled), sends RETRY_RECORD by journey id once the store is back, and the journey ends.
 *
 * Each failed round is the activity's own retries (5 attempts, backoff up to 5 s: about 8 s) followed
 * by `recordRetry` (50 ms here): the 5 rounds before the block take about 40 s.
 */
import { demoCast } from '../../../store/demo-data';
import { MAX_RECORD_FAILURES, RECORD_BLOCKED } from '../../../machines/request';
import { backofficeToken, bearer, identityToken, ok, send, signIn, start, type JourneyBody } from '../../support/http-journeys';
import { requestSampleEvents } from '../../support/request-sample-events';
import { startTestService, type TestService } from '../../support/service-harness';

jest.setTimeout(120_000);

const { people, organisations } = demoCast;
let service: TestService;

beforeAll(async () => {
  service = await startTestService({ delays: { recordRetry: 50 } });
});
afterAll(async () => {
  await service?.stop();
});

interface AttentionListBody {
  items: Array<{ id: string; machine: string; attention: string; startedAt: string }>;
  limit: number;
  hasMore: boolean;
}

async function poll<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const listed = (body: AttentionListBody, id: string) => body.items.find((item) => item.id === id);

test('a request whose record keeps failing is listed for the back-office, which resolves it by journey id', async () => {
  const { http, db } = service;
  const agent = await backofficeToken(http);
  const { token } = await signIn(http, people.poEducationOnly.niss, organisations.poY.enterpriseNumber);
  const journey = ok(await start(http, token, 'request'));
  // A recorded draft (no ticket yet): its withdrawal must be recorded too.
  expect(ok(await send(http, token, journey.id, requestSampleEvents.SELECT_WORKER)).screen).toBe('workerSelected');

  const list = async (attention = RECORD_BLOCKED) =>
    (await http.get('/api/backoffice/journeys').query({ attention }).set(bearer(agent)).expect(200)).body as AttentionListBody;

  await db.query('ALTER TABLE requests RENAME TO requests_unavailable');
  try {
    // The first round fails while the update waits: the store is ours, so 503 and the journey retries.
    const abandon = await send(http, token, journey.id, requestSampleEvents.ABANDON);
    expect(abandon.status).toBe(503);

    const blocked = await poll(
      async () => ok(await http.get(`/api/journeys/${journey.id}`).set(bearer(token))),
      (j) => j.screen === 'recordBlocked',
      MAX_RECORD_FAILURES * 15_000,
      'the recordBlocked screen',
    );
    expect(blocked).toMatchObject({ state: 'withdrawalBlocked', screen: 'recordBlocked', status: 'active', attention: RECORD_BLOCKED });

    // Visibility lags the search attribute: poll until the listing shows it.
    const found = await poll(list, (body) => Boolean(listed(body, journey.id)), 15_000, 'the journey in the listing');
    expect(listed(found, journey.id)).toEqual({ id: journey.id, machine: 'request', attention: RECORD_BLOCKED, startedAt: expect.any(String) });
    expect(Number.isNaN(Date.parse(listed(found, journey.id)!.startedAt))).toBe(false);
    expect(found.limit).toBe(50);
    // Without a code: every journey that waits for an operator, this one included.
    const all = (await http.get('/api/backoffice/journeys').set(bearer(agent)).expect(200)).body as AttentionListBody;
    expect(listed(all, journey.id)).toBeDefined();

    // Only the back-office, and only its own events.
    expect((await http.get('/api/backoffice/journeys').set(bearer(token))).status).toBe(403);
    expect((await http.post(`/api/backoffice/journeys/${journey.id}/events`).set(bearer(token)).send({ type: 'RETRY_RECORD' })).status).toBe(403);
    const notOurs = await http.post(`/api/backoffice/journeys/${journey.id}/events`).set(bearer(agent)).send(requestSampleEvents.ABANDON);
    expect([notOurs.status, (notOurs.body as { error: { code: string } }).error.code]).toEqual([403, 'EVENT_NOT_FOR_CALLER']);
  } finally {
    await db.query('ALTER TABLE requests_unavailable RENAME TO requests');
  }

  const retried = await http
    .post(`/api/backoffice/journeys/${journey.id}/events`)
    .set(bearer(agent))
    .set('Idempotency-Key', `retry-${journey.id}`)
    .send({ type: 'RETRY_RECORD', agent: 'someone else' });
  expect(retried.status).toBe(200);
  expect(retried.body).toMatchObject({ id: journey.id, screen: 'withdrawn', status: 'done', output: { status: 'withdrawn' } });
  expect((retried.body as JourneyBody & { attention?: string }).attention).toBeUndefined();

  // Closed (and its attention cleared): it leaves the listing once visibility catches up.
  await poll(list, (body) => !listed(body, journey.id), 15_000, 'the journey to leave the listing');
  const row = await http.get(`/api/requests/${journey.id}`).set(bearer(token));
  expect(row.body).toMatchObject({ status: 'withdrawn' });
});

test('the listing takes only an uppercase attention code and a bounded limit', async () => {
  const agent = await backofficeToken(service.http);
  for (const query of [{ attention: "bad value'" }, { attention: "RECORD_BLOCKED' OR 1=1" }, { attention: 'record_blocked' }, { limit: '0' }, { limit: '201' }]) {
    const res = await service.http.get('/api/backoffice/journeys').query(query).set(bearer(agent));
    expect([res.status, (res.body as { error: { code: string } }).error.code]).toEqual([422, 'VALIDATION_FAILED']);
  }
  const res = await service.http.get('/api/backoffice/journeys').query({ attention: 'NO_SUCH_CODE', limit: '1' }).set(bearer(agent));
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ items: [], limit: 1, hasMore: false });
});

test('the operator event route: unknown or malformed journey ids, person tokens', async () => {
  const { http } = service;
  const agent = await backofficeToken(http);
  const unknown = await http.post('/api/backoffice/journeys/request-00000000-0000-0000-0000-000000000000/events').set(bearer(agent)).send({ type: 'RETRY_RECORD' });
  expect(unknown.status).toBe(404);
  const malformed = await http.post("/api/backoffice/journeys/x'%20OR%201/events").set(bearer(agent)).send({ type: 'RETRY_RECORD' });
  expect(malformed.status).toBe(422);
  const personToken = await identityToken(http, people.poEducationOnly.niss);
  expect((await http.get('/api/backoffice/journeys').set(bearer(personToken))).status).toBe(403);
});
