/**
 * A store that does not answer is our fault, not the caller's: after a short retry budget the journey
 * stays on its screen, the API answers 503 without internals, and the same event works once it is back.
 */
import { demoCast } from '../../../store/demo-data';
import { ok, send, signIn, start, type JourneyEvent } from '../../support/http-journeys';
import { startTestService, type TestService } from '../../support/service-harness';

const { people, organisations, schools, teachers } = demoCast;
let service: TestService;

beforeAll(async () => {
  service = await startTestService();
});
afterAll(async () => {
  await service?.stop();
});

test('an outage of the store during the worker check gives 503, then the same event succeeds', async () => {
  const { http, db } = service;
  const { token } = await signIn(http, people.poEducationOnly.niss, organisations.poY.enterpriseNumber);
  const journey = ok(await start(http, token, 'request'));
  const select = { type: 'SELECT_WORKER', community: 'FR', school: schools.a.schoolNumber, niss: teachers.primaryA.niss, status: 'STATUTORY' } satisfies JourneyEvent;

  await db.query('ALTER TABLE workers RENAME TO workers_unavailable');
  let res;
  try {
    res = await send(http, token, journey.id, select);
  } finally {
    await db.query('ALTER TABLE workers_unavailable RENAME TO workers');
  }
  expect(res.status).toBe(503);
  const error = (res.body as { error: { code: string; message: string; details: { journey: { screen: string } } } }).error;
  expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { journey: { screen: 'workerSelection' } } });
  expect(error.message).not.toMatch(/relation|workers|SQL/i);

  expect(ok(await send(http, token, journey.id, select)).screen).toBe('workerSelected');
});
