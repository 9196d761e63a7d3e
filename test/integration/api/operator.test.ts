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
import { apiClient, type Schemas } from '../../support/http-client';
import { answer, backofficeToken, bearer, identityToken, ok, read, send, signIn, start, type JourneyEvent } from '../../support/http-journeys';
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

type AttentionListBody = Schemas['AttentionList'];

/** The listing as the back-office reads it (200 expected). */
async function attentionList(token: string, query: { attention?: string; limit?: number } = {}): Promise<AttentionListBody> {
  const { data, error, response } = await apiClient(service.http).GET('/api/backoffice/journeys', { params: { query }, headers: bearer(token) });
  if (!data) throw new Error(`listing: ${response.status} ${JSON.stringify(error)}`);
  return data;
}

/** A back-office event by journey id. */
async function operatorEvent(token: string, id: string, event: Schemas['BackofficeEvent'], idempotencyKey?: string) {
  return answer(
    await apiClient(service.http).POST('/api/backoffice/journeys/{id}/events', {
      params: { path: { id } },
      body: event,
      headers: idempotencyKey ? { ...bearer(token), 'Idempotency-Key': idempotencyKey } : bearer(token),
    }),
  );
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
  expect(ok(await send(http, token, journey.id, requestSampleEvents.SELECT_WORKER as JourneyEvent)).screen).toBe('workerSelected');

  const list = async (attention = RECORD_BLOCKED) => attentionList(agent, { attention });

  await db.query('ALTER TABLE requests RENAME TO requests_unavailable');
  try {
    // The first round fails while the update waits: the store is ours, so 503 and the journey retries.
    const abandon = await send(http, token, journey.id, requestSampleEvents.ABANDON);
    expect(abandon.status).toBe(503);

    const blocked = await poll(
      async () => ok(await read(http, token, journey.id)),
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
    const all = await attentionList(agent);
    expect(listed(all, journey.id)).toBeDefined();

    // Only the back-office, and only its own events.
    expect((await apiClient(http).GET('/api/backoffice/journeys', { headers: bearer(token) })).response.status).toBe(403);
    expect((await operatorEvent(token, journey.id, { type: 'RETRY_RECORD' })).status).toBe(403);
    // Not a back-office event: outside the document, so sent raw.
    const notOurs = await http.post(`/api/backoffice/journeys/${journey.id}/events`).set(bearer(agent)).send(requestSampleEvents.ABANDON);
    expect([notOurs.status, (notOurs.body as { error: { code: string } }).error.code]).toEqual([403, 'EVENT_NOT_FOR_CALLER']);
  } finally {
    await db.query('ALTER TABLE requests_unavailable RENAME TO requests');
  }

  const retried = await operatorEvent(agent, journey.id, { type: 'RETRY_RECORD', agent: 'someone else' }, `retry-${journey.id}`);
  expect(retried.status).toBe(200);
  expect(retried.body).toMatchObject({ id: journey.id, screen: 'withdrawn', status: 'done', output: { status: 'withdrawn' } });
  expect(ok(retried).attention).toBeUndefined();

  // Closed (and its attention cleared): it leaves the listing once visibility catches up.
  await poll(list, (body) => !listed(body, journey.id), 15_000, 'the journey to leave the listing');
  const row = await apiClient(http).GET('/api/requests/{ref}', { params: { path: { ref: journey.id } }, headers: bearer(token) });
  expect(row.data).toMatchObject({ status: 'withdrawn' });
});

test('the listing takes only an uppercase attention code and a bounded limit', async () => {
  const agent = await backofficeToken(service.http);
  for (const query of [{ attention: "bad value'" }, { attention: "RECORD_BLOCKED' OR 1=1" }, { attention: 'record_blocked' }, { limit: 0 }, { limit: 201 }]) {
    const res = answer(await apiClient(service.http).GET('/api/backoffice/journeys', { params: { query }, headers: bearer(agent) }));
    expect([res.status, (res.body as { error: { code: string } }).error.code]).toEqual([422, 'VALIDATION_FAILED']);
  }
  expect(await attentionList(agent, { attention: 'NO_SUCH_CODE', limit: 1 })).toEqual({ items: [], limit: 1, hasMore: false });
});

test('the operator event route: unknown or malformed journey ids, person tokens', async () => {
  const { http } = service;
  const agent = await backofficeToken(http);
  const unknown = await operatorEvent(agent, 'request-00000000-0000-0000-0000-000000000000', { type: 'RETRY_RECORD' });
  expect(unknown.status).toBe(404);
  // A hostile id, percent-encoded by hand: sent raw.
  const malformed = await http.post("/api/backoffice/journeys/x'%20OR%201/events").set(bearer(agent)).send({ type: 'RETRY_RECORD' });
  expect(malformed.status).toBe(422);
  const personToken = await identityToken(http, people.poEducationOnly.niss);
  expect((await apiClient(http).GET('/api/backoffice/journeys', { headers: bearer(personToken) })).response.status).toBe(403);
});
