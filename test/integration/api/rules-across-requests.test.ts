/**
 * The rules that span requests, over HTTP on the real dev server and store: a worker's periods of the
 * same leave may not overlap, and the career and per-leave maxima count the months the worker's other
 * requests (of every PO) already use; withdrawn and refused requests do not count; and of confirmations
 * sent at once for the same worker, only one gets a ticket.
 */
import { demoCast } from '../../../store/demo-data';
import { backofficeToken, ok, send, sendBackoffice, signIn, start, type ErrorBody, type JourneyBody, type JourneyEvent } from '../../support/http-journeys';
import { startTestService, type TestService } from '../../support/service-harness';

jest.setTimeout(5 * 60_000);

const { teachers, schools, people, organisations } = demoCast;
const sophie = teachers.primaryA;

let service: TestService;
let poY: string;
let poZ: string;
let agent: string;

beforeAll(async () => {
  service = await startTestService({ env: { RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_READS_PER_MINUTE: '1000000' } });
  // Sophie Lambert also teaches in PO Z's school E (French Community): two POs introduce requests for her.
  await service.db.query(
    `INSERT INTO worker_occupations (niss, school_number, status, level, periods_per_week, part_time) VALUES ($1, $2, 'STATUTORY', 'PRIMARY', 12, true)`,
    [sophie.niss, schools.e.schoolNumber],
  );
  poY = (await signIn(service.http, people.poEducationOnly.niss, organisations.poY.enterpriseNumber)).token;
  poZ = (await signIn(service.http, people.poZUser.niss, organisations.poZ.enterpriseNumber)).token;
  agent = await backofficeToken(service.http);
});

afterAll(async () => {
  await service?.stop();
});

const ordinary = (start: string, end: string): JourneyEvent => ({
  type: 'ANSWER_QUESTIONS',
  level: 'PRIMARY',
  before: 24,
  during: 0,
  start,
  end,
  multipleEmployers: false,
});

/** A request for Sophie by the PO of `token` (school A for PO Y, E for PO Z), up to the answer of the questions. */
async function answered(token: string, answers: JourneyEvent, school: string = schools.a.schoolNumber) {
  let journey = ok(await start(service.http, token, 'request'));
  const walk: JourneyEvent[] = [
    { type: 'SELECT_WORKER', community: 'FR', school, niss: sophie.niss, status: 'STATUTORY' },
    { type: 'START_REQUEST' },
    { type: 'CHOOSE_LEAVE', leave: 'ORDINARY_INTERRUPTION', form: 'FULL' },
  ];
  for (const event of walk) journey = ok(await send(service.http, token, journey.id, event));
  return { journey, answer: await send(service.http, token, journey.id, answers) };
}

async function ticketed(token: string, answers: JourneyEvent, school?: string): Promise<JourneyBody> {
  const { journey, answer } = await answered(token, answers, school);
  expect(ok(answer).screen).toBe('confirmation');
  const confirmed = ok(await send(service.http, token, journey.id, { type: 'CONFIRM', allCorrect: true }));
  expect(confirmed.screen).toBe('awaitingWorker');
  expect(confirmed.context.ticket).toEqual(expect.any(String));
  return confirmed;
}

const errorOf = (body: unknown) => (body as ErrorBody).error as ErrorBody['error'] & { details: Record<string, unknown> & { journey: JourneyBody } };

test('two overlapping 36-month ordinary interruptions: the second is refused on the questions screen, with the months left', async () => {
  const first = await ticketed(poY, ordinary('2027-01-01', '2029-12-31'));
  const { answer } = await answered(poY, ordinary('2027-01-01', '2029-12-31'));
  expect(answer.status).toBe(422);
  const error = errorOf(answer.body);
  expect(error.code).toBe('REQUEST_PERIOD_OVERLAP');
  expect(error.details).toMatchObject({
    rules: ['REQUEST_PERIOD_OVERLAP', 'CAREER_MAXIMUM_EXCEEDED'],
    maximum: 60,
    monthsUsed: 36,
    monthsLeft: 24,
    monthsRequested: 36,
    overlapping: [{ ticket: first.context.ticket, start: '2027-01-01', end: '2029-12-31' }],
  });
  expect(error.details.journey).toMatchObject({ screen: 'questions', context: { error: { code: 'REQUEST_PERIOD_OVERLAP' } } });

  // Clean up for the next tests: the first request is withdrawn (and then no longer counts).
  ok(await send(service.http, poY, first.id, { type: 'WITHDRAW', reason: 'Introduced twice by mistake.' }));
});

test('the career maximum counts the months of another PO’s requests; another PO’s ticket is not shown', async () => {
  const inY = await ticketed(poY, ordinary('2033-01-01', '2035-12-31')); // 36 months
  const { answer } = await answered(poZ, ordinary('2036-01-01', '2038-12-31'), schools.e.schoolNumber);
  expect(answer.status).toBe(422);
  const error = errorOf(answer.body);
  expect(error.code).toBe('CAREER_MAXIMUM_EXCEEDED');
  expect(error.details).toMatchObject({ scope: 'career', maximum: 60, monthsUsed: 36, monthsLeft: 24, monthsRequested: 36 });
  expect(JSON.stringify(error)).not.toContain(String(inY.context.ticket));
  // What is left fits.
  await ticketed(poZ, ordinary('2036-01-01', '2037-12-31'), schools.e.schoolNumber);
  // Now the career's 60 months are used: even one more month is refused, whichever PO asks.
  const { answer: more } = await answered(poY, ordinary('2040-01-01', '2040-03-31'));
  expect(errorOf(more.body)).toMatchObject({ code: 'CAREER_MAXIMUM_EXCEEDED', details: { monthsUsed: 60, monthsLeft: 0 } });
  for (const journey of [inY]) ok(await send(service.http, poY, journey.id, { type: 'WITHDRAW', reason: 'Test over.' }));
});

test('a withdrawn or a refused request does not count', async () => {
  // The previous test left PO Z's 24 months (2036–2037) standing: 36 months are left.
  const withdrawn = await ticketed(poY, ordinary('2041-01-01', '2043-12-31'));
  ok(await send(service.http, poY, withdrawn.id, { type: 'WITHDRAW', reason: 'The worker changed their mind.' }));
  const refused = await ticketed(poY, ordinary('2041-01-01', '2043-12-31'));
  const ticket = String(refused.context.ticket);
  ok(await sendBackoffice(service.http, agent, ticket, { type: 'WORKER_PART_COMPLETED' }));
  const decided = ok(await sendBackoffice(service.http, agent, ticket, { type: 'DECIDE', decision: 'refused', reason: 'Not eligible.' }));
  expect(decided.screen).toBe('refused');
  // The same period again: neither the withdrawn nor the refused request stands in the way.
  const again = await ticketed(poY, ordinary('2041-01-01', '2043-12-31'));
  ok(await send(service.http, poY, again.id, { type: 'WITHDRAW', reason: 'Test over.' }));
});

test('16 confirmations at once for the same worker and overlapping periods: exactly one ticket', async () => {
  const journeys: JourneyBody[] = [];
  for (let i = 0; i < 16; i++) {
    // Periods that all overlap 2045: each passes the early check (no other has a ticket yet).
    const start = `2045-${String((i % 6) + 1).padStart(2, '0')}-01`;
    const { journey, answer } = await answered(poY, ordinary(start, '2045-12-31'));
    expect(ok(answer).screen).toBe('confirmation');
    journeys.push(journey);
  }
  const answers = await Promise.all(journeys.map((j) => send(service.http, poY, j.id, { type: 'CONFIRM', allCorrect: true })));
  const tickets = answers.filter((a) => a.status === 200);
  const refused = answers.filter((a) => a.status === 422);
  expect(tickets).toHaveLength(1);
  expect(refused).toHaveLength(15);
  for (const r of refused) {
    expect(errorOf(r.body)).toMatchObject({ code: 'REQUEST_PERIOD_OVERLAP', details: { journey: { screen: 'confirmation', context: { ticket: null } } } });
  }
  expect((tickets[0]!.body as JourneyBody).screen).toBe('awaitingWorker');
  const stored = await service.db.query<{ count: number }>(
    `SELECT count(*) AS count FROM requests WHERE worker_niss = $1 AND ticket IS NOT NULL AND start_date >= '2045-01-01' AND status NOT IN ('withdrawn', 'refused', 'expired')`,
    [sophie.niss],
  );
  expect(stored[0]?.count).toBe(1);
});
