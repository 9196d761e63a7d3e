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

/** Runs `call` while a table of the store is out of reach (renamed), and puts it back whatever happens. */
async function withTableUnavailable<T>(table: string, call: () => Promise<T>): Promise<T> {
  await service.db.query(`ALTER TABLE ${table} RENAME TO ${table}_unavailable`);
  try {
    return await call();
  } finally {
    await service.db.query(`ALTER TABLE ${table}_unavailable RENAME TO ${table}`);
  }
}

test('an outage of the store during the worker check gives 503, then the same event succeeds', async () => {
  const { http } = service;
  const { token } = await signIn(http, people.poEducationOnly.niss, organisations.poY.enterpriseNumber);
  const journey = ok(await start(http, token, 'request'));
  const select = { type: 'SELECT_WORKER', community: 'FR', school: schools.a.schoolNumber, niss: teachers.primaryA.niss, status: 'STATUTORY' } satisfies JourneyEvent;

  const res = await withTableUnavailable('workers', () => send(http, token, journey.id, select));
  expect(res.status).toBe(503);
  const error = (res.body as { error: { code: string; message: string; details: { journey: { screen: string } } } }).error;
  expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { journey: { screen: 'workerSelection' } } });
  expect(error.message).not.toMatch(/relation|workers|SQL/i);

  expect(ok(await send(http, token, journey.id, select)).screen).toBe('workerSelected');
});

test('an outage at CONFIRM writes none of the submission: no ticket, no record, no notice; then the same CONFIRM submits it once', async () => {
  const { http, db } = service;
  const { token } = await signIn(http, people.poEducationOnly.niss, organisations.poY.enterpriseNumber);
  const journey = ok(await start(http, token, 'request'));
  const walk: JourneyEvent[] = [
    { type: 'SELECT_WORKER', community: 'FR', school: schools.a.schoolNumber, niss: teachers.primaryA.niss, status: 'STATUTORY' },
    { type: 'START_REQUEST' },
    { type: 'CHOOSE_LEAVE', leave: 'ORDINARY_INTERRUPTION', form: 'FULL' },
    { type: 'ANSWER_QUESTIONS', level: 'PRIMARY', before: 24, during: 0, start: '2027-03-01', end: '2027-05-31', multipleEmployers: false },
  ];
  for (const event of walk) ok(await send(http, token, journey.id, event));
  const confirm = { type: 'CONFIRM', allCorrect: true } satisfies JourneyEvent;
  const subject = `request:${journey.id}`;
  const stored = async () => ({
    request: await db.query<{ status: string; ticket: string | null; version: number }>('SELECT status, ticket, version FROM requests WHERE journey_id = $1', [journey.id]),
    tickets: (await db.query('SELECT 1 FROM tickets WHERE journey_id = $1', [journey.id])).length,
    audit: (await db.query<{ action: string }>('SELECT action FROM audit_log WHERE subject = $1 ORDER BY id', [subject])).map((r) => r.action),
  });
  const before = await stored();
  expect(before).toEqual({ request: [{ status: 'draft', ticket: null, version: 1 }], tickets: 0, audit: ['request.draft'] });

  // The audit log is the submission's last write: everything before it in the transaction is undone.
  const res = await withTableUnavailable('audit_log', () => send(http, token, journey.id, confirm));
  expect(res.status).toBe(503);
  expect((res.body as { error: { code: string; details: { journey: { screen: string } } } }).error).toMatchObject({
    code: 'SERVICE_UNAVAILABLE',
    details: { journey: { screen: 'confirmation' } },
  });
  expect(await stored()).toEqual(before);

  const submitted = ok(await send(http, token, journey.id, confirm));
  expect(submitted.screen).toBe('awaitingWorker');
  const ticket = (submitted.context as { ticket: string }).ticket;
  expect(ticket).toMatch(/^BAW-\d{4}-\d{6}$/);
  // The failed attempt's versions (2, 3) are skipped: submitted at 4, awaiting the worker at 5.
  expect(await stored()).toEqual({
    request: [{ status: 'awaiting_worker', ticket, version: 5 }],
    tickets: 1,
    audit: ['request.draft', 'request.submitted', 'request.awaiting_worker', 'worker.notified'],
  });
});
