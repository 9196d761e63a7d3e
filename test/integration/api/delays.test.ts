/**
 * The journeys' named delays, shortened by configuration, fire as durable timers: an idle sign-in
 * expires, and a request draft left untouched expires and says so on the overview.
 */
import { demoCast } from '../../../store/demo-data';
import { apiClient } from '../../support/http-client';
import { bearer, identityToken, ok, read, send, signIn, start, type JourneyBody } from '../../support/http-journeys';
import { startTestService, type TestService } from '../../support/service-harness';

const { people, organisations, teachers, schools } = demoCast;
let service: TestService;

beforeAll(async () => {
  service = await startTestService({ delays: { sessionIdle: 2_000, draftExpiry: 2_000 } });
});
afterAll(async () => {
  await service?.stop();
});

async function until(token: string, id: string, accept: (j: JourneyBody) => boolean, timeoutMs = 20_000): Promise<JourneyBody> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const journey = ok(await read(service.http, token, id));
    if (accept(journey) || Date.now() > deadline) return journey;
    await new Promise((r) => setTimeout(r, 250));
  }
}

test('an idle Break@Work sign-in expires', async () => {
  const token = await identityToken(service.http, people.bothPermissions.niss);
  const journey = ok(await start(service.http, token, 'signIn'));
  ok(await send(service.http, token, journey.id, { type: 'EMPLOYER' }));
  const expired = await until(token, journey.id, (j) => j.status === 'done');
  expect(expired).toMatchObject({ screen: 'expired', status: 'done' });
  const late = await send(service.http, token, journey.id, { type: 'INTRODUCE_REQUEST' });
  expect([late.status, (late.body as { error: { code: string } }).error.code]).toEqual([409, 'JOURNEY_ENDED']);
});

test('a request draft left untouched expires, and the overview shows it', async () => {
  // Signing in takes a few events, each well within the shortened idle delay.
  const { token } = await signIn(service.http, people.poEducationOnly.niss, organisations.poY.enterpriseNumber);
  const journey = ok(await start(service.http, token, 'request'));
  const selected = ok(await send(service.http, token, journey.id, { type: 'SELECT_WORKER', community: 'FR', school: schools.a.schoolNumber, niss: teachers.primaryA.niss, status: 'STATUTORY' }));
  expect(selected.screen).toBe('workerSelected');
  const expired = await until(token, journey.id, (j) => j.status === 'done');
  expect(expired).toMatchObject({ screen: 'expired', status: 'done', output: { status: 'expired' } });
  const row = await apiClient(service.http).GET('/api/requests/{ref}', { params: { path: { ref: journey.id } }, headers: bearer(token) });
  expect(row.data).toMatchObject({ status: 'expired' });
});
