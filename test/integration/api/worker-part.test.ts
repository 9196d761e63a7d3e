/**
 * The worker's part over HTTP, on the real dev server and store: a PO introduces requests to a ticket,
 * the teacher signs in with their own identity, sees only the requests about them, reviews what the
 * employer declared and confirms; the request journey moves to `in_processing` (the PO's overview says
 * so) and the back-office can decide. Concurrent completions apply once; hostile input is refused.
 */
import { demoCast } from '../../../store/demo-data';
import { apiClient } from '../../support/http-client';
import {
  backofficeToken,
  bearer,
  identityToken,
  ok,
  read,
  send,
  sendBackoffice,
  sendRaw,
  signIn,
  start,
  type ErrorBody,
  type JourneyBody,
  type JourneyEvent,
} from '../../support/http-journeys';
import { recordHistory } from '../../support/histories';
import { requestSeries, type SeriesRequest } from '../../support/request-sample-events';
import { startTestService, type TestService } from '../../support/service-harness';

jest.setTimeout(5 * 60_000);

const { teachers, people, organisations, schools } = demoCast;
const sophie = teachers.primaryA;
const thomas = teachers.nurseryA;

let service: TestService;
let poToken: string;
let agent: string;
/** The tickets introduced in this file, by worker: what each worker's list must hold, exactly. */
const ticketsOf = new Map<string, Set<string>>();

beforeAll(async () => {
  service = await startTestService({ env: { RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_READS_PER_MINUTE: '1000000' } });
  poToken = (await signIn(service.http, people.poEducationOnly.niss, organisations.poY.enterpriseNumber)).token;
  agent = await backofficeToken(service.http);
});

afterAll(async () => {
  await service?.stop();
});

/** PO Y introduces the request up to its ticket; the request journey then awaits the worker. */
async function introduce(events: JourneyEvent[]): Promise<{ journey: JourneyBody; ticket: string; niss: string }> {
  let journey = ok(await start(service.http, poToken, 'request'));
  for (const event of [...events, { type: 'CONFIRM', allCorrect: true } as const]) journey = ok(await send(service.http, poToken, journey.id, event));
  expect(journey.screen).toBe('awaitingWorker');
  const ticket = journey.context.ticket as string;
  const niss = (journey.context.worker as { niss: string }).niss;
  ticketsOf.set(niss, (ticketsOf.get(niss) ?? new Set()).add(ticket));
  return { journey, ticket, niss };
}

/** A full ordinary interruption of 3 months in school A, from `start` (months of its own: no overlap). */
const ordinary = (worker: typeof sophie | typeof thomas, startMonth: string, email?: string): JourneyEvent[] => {
  const occupation = worker.occupations[0];
  const [year, month] = startMonth.split('-').map(Number) as [number, number];
  const end = new Date(Date.UTC(year, month - 1 + 3, 0)).toISOString().slice(0, 10);
  return [
    { type: 'SELECT_WORKER', community: 'FR', school: schools.a.schoolNumber, niss: worker.niss, status: occupation.status, ...(email ? { email } : {}) },
    { type: 'START_REQUEST' },
    { type: 'CHOOSE_LEAVE', leave: 'ORDINARY_INTERRUPTION', form: 'FULL' },
    { type: 'ANSWER_QUESTIONS', level: occupation.level, before: occupation.periodsPerWeek, during: 0, start: `${startMonth}-01`, end, multipleEmployers: false },
  ];
};

const fromSeries = ({ selectWorker, chooseLeave, answers }: SeriesRequest): JourneyEvent[] => [selectWorker, { type: 'START_REQUEST' }, chooseLeave, answers];

/** The worker signs in with their own identity and opens their part: the list of their requests. */
async function openWorkerPart(niss: string): Promise<{ token: string; journey: JourneyBody }> {
  const token = await identityToken(service.http, niss);
  const journey = ok(await start(service.http, token, 'workerPart'));
  expect(journey).toMatchObject({ machine: 'workerPart', screen: 'requestChoice' });
  return { token, journey };
}

interface Listed {
  ticket: string;
  status: string;
  awaitsMyPart: boolean;
}
const listed = (journey: JourneyBody) => journey.context.requests as Listed[];
const errorOf = (body: unknown) => (body as ErrorBody).error as ErrorBody['error'] & { details: Record<string, unknown> };

const statusForPo = async (ticket: string) =>
  (await apiClient(service.http).GET('/api/requests/{ref}', { params: { path: { ref: ticket } }, headers: bearer(poToken) })).data?.status;

const auditOf = (journeyId: string, action: string) =>
  service.db.query<{ actor: string; details: Record<string, unknown> }>('SELECT actor, details FROM audit_log WHERE subject = $1 AND action = $2 ORDER BY id', [
    `request:${journeyId}`,
    action,
  ]);

test('the teacher completes their part: the request moves to in_processing, the PO sees it, the back-office decides', async () => {
  const { http } = service;
  const mine = await introduce(ordinary(sophie, '2031-01', sophie.email));
  const other = await introduce(ordinary(thomas, '2031-01'));

  // The notice points the worker to their part in the web application, at the e-mail given at selection.
  expect((await auditOf(mine.journey.id, 'worker.notified')).map((e) => e.details)).toEqual([
    expect.objectContaining({ ticket: mine.ticket, channel: 'email', email: sophie.email, path: '/worker' }),
  ]);

  const { token, journey: choice } = await openWorkerPart(sophie.niss);
  expect(listed(choice)).toEqual([expect.objectContaining({ ticket: mine.ticket, status: 'awaiting_worker', awaitsMyPart: true })]);
  expect(choice.allowedEvents.map((e) => e.type).sort()).toEqual(['CHOOSE_REQUEST', 'RELOAD']);

  // Another teacher sees only theirs.
  const thomasPart = await openWorkerPart(thomas.niss);
  expect(listed(thomasPart.journey).map((r) => r.ticket)).toEqual([other.ticket]);

  const review = ok(await send(http, token, choice.id, { type: 'CHOOSE_REQUEST', ticket: mine.ticket }));
  expect(review.screen).toBe('review');
  expect(review.context.request).toEqual({
    ticket: mine.ticket,
    status: 'awaiting_worker',
    employer: { enterprise: organisations.poY.enterpriseNumber, name: organisations.poY.name },
    school: { number: schools.a.schoolNumber, name: schools.a.name },
    community: 'FR',
    workerStatus: 'STATUTORY',
    leave: 'ORDINARY_INTERRUPTION',
    form: 'FULL',
    start: '2031-01-01',
    end: '2031-03-31',
    updatedAt: expect.any(String),
    workload: { level: 'PRIMARY', before: 24, during: 0, givenUp: 24, multipleEmployers: false, interruptsAllEmployers: null },
    occupationDeclarationRequired: expect.any(Boolean),
    email: sophie.email,
  });

  const done = ok(await send(http, token, choice.id, { type: 'CONFIRM_WORKER_PART', allCorrect: true }));
  expect(done).toMatchObject({ screen: 'completed', status: 'done', output: { ticket: mine.ticket, status: 'in_processing' } });
  // The reason the request journey recorded, in the caller's language (French by default), with its code.
  expect(done.context).toMatchObject({ requestStatus: 'in_processing', statusReason: 'Le travailleur a complété sa partie.', statusReasonCode: 'WORKER_COMPLETED' });

  expect(await statusForPo(mine.ticket)).toBe('in_processing');
  expect(await statusForPo(other.ticket)).toBe('awaiting_worker');
  expect((await read(http, poToken, mine.journey.id)).body).toMatchObject({ screen: 'inProcessing', context: { requestStatus: 'in_processing' } });
  expect(await auditOf(mine.journey.id, 'request.in_processing')).toEqual([
    { actor: 'worker', details: expect.objectContaining({ by: 'worker', agent: 'worker', reason: 'The worker completed their part.', ticket: mine.ticket }) },
  ]);

  const decided = await sendBackoffice(http, agent, mine.ticket, { type: 'DECIDE', decision: 'accepted', reason: 'All conditions are met.' });
  expect(ok(decided)).toMatchObject({ status: 'done', output: { status: 'accepted', ticket: mine.ticket } });
  expect(await statusForPo(mine.ticket)).toBe('accepted');

  // A new visit lists it as decided, read-only.
  const later = await openWorkerPart(sophie.niss);
  expect(listed(later.journey)).toEqual([expect.objectContaining({ ticket: mine.ticket, status: 'accepted', awaitsMyPart: false })]);
  recordHistory(choice.id, 'worker-part-completed');
});

test('a PO’s token completes no worker part: its holder is no worker of these requests', async () => {
  const { http } = service;
  const { ticket } = await introduce(ordinary(sophie, '2031-06'));
  // The acting token is the PO user's own identity: their list is empty, Sophie's ticket is not theirs.
  const journey = ok(await start(http, poToken, 'workerPart'));
  expect(listed(journey)).toEqual([]);
  const res = await send(http, poToken, journey.id, { type: 'CHOOSE_REQUEST', ticket });
  expect(res.status).toBe(422);
  expect(errorOf(res.body)).toMatchObject({ code: 'WORKER_PART_NOT_AWAITED', details: { ticket } });
  // Nor may the PO act in Sophie's journey, nor the back-office start one.
  const sophiePart = await openWorkerPart(sophie.niss);
  expect((await send(http, poToken, sophiePart.journey.id, { type: 'CHOOSE_REQUEST', ticket })).status).toBe(404);
  expect((await start(http, agent, 'workerPart')).status).toBe(403);
  expect(await statusForPo(ticket)).toBe('awaiting_worker');
});

describe('hostile input', () => {
  let sophieTicket: string;
  let thomasTicket: string;
  beforeAll(async () => {
    sophieTicket = (await introduce(ordinary(sophie, '2031-10'))).ticket;
    thomasTicket = (await introduce(ordinary(thomas, '2031-10'))).ticket;
  });

  test('an unknown ticket, another worker’s ticket, a NISS in the body: the same refusal, nothing learnt', async () => {
    const { http } = service;
    const { token, journey } = await openWorkerPart(sophie.niss);
    for (const ticket of ['BAW-2099-999999', thomasTicket]) {
      const res = await send(http, token, journey.id, { type: 'CHOOSE_REQUEST', ticket });
      expect(res.status).toBe(422);
      expect(errorOf(res.body)).toMatchObject({ code: 'WORKER_PART_NOT_AWAITED', message: expect.stringContaining(ticket), details: { ticket } });
    }
    // A NISS slipped into the event is not a field of it: the worker is the token's.
    const raw = await sendRaw(http, token, journey.id, { type: 'CHOOSE_REQUEST', ticket: thomasTicket, niss: thomas.niss });
    expect(raw.status).toBe(422);
    expect(raw.body).toMatchObject({ error: { code: 'WORKER_PART_NOT_AWAITED' } });
    expect(await statusForPo(thomasTicket)).toBe('awaiting_worker');
  });

  test('a malformed ticket and an unticked box are refused by their rules', async () => {
    const { http } = service;
    const { token, journey } = await openWorkerPart(sophie.niss);
    for (const ticket of ['request-1234', "BAW-2026-1' OR 1=1 --", 'x'.repeat(10_000)]) {
      const res = await sendRaw(http, token, journey.id, { type: 'CHOOSE_REQUEST', ticket });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ error: { code: 'EVENT_INVALID', details: { issues: [expect.objectContaining({ path: 'ticket', rule: 'TICKET_FORMAT' })] } } });
    }
    ok(await send(http, token, journey.id, { type: 'CHOOSE_REQUEST', ticket: sophieTicket }));
    for (const allCorrect of [false, 'true', null]) {
      const res = await sendRaw(http, token, journey.id, { type: 'CONFIRM_WORKER_PART', allCorrect });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ error: { code: 'EVENT_INVALID', details: { issues: [expect.objectContaining({ path: 'allCorrect', rule: 'ALL_CORRECT_REQUIRED' })] } } });
    }
    // The request journey's own event is none of this journey's: nothing reaches the request.
    const foreign = await sendRaw(http, token, journey.id, { type: 'WORKER_PART_COMPLETED' });
    expect(foreign.status).toBe(422);
    expect(foreign.body).toMatchObject({ error: { code: 'EVENT_INVALID' } });
    expect(await statusForPo(sophieTicket)).toBe('awaiting_worker');
    const back = ok(await send(http, token, journey.id, { type: 'BACK' }));
    expect(back).toMatchObject({ screen: 'requestChoice', context: { ticket: null, request: null } });
  });

  test('completing twice: the second is refused, the request moves once', async () => {
    const { http } = service;
    const first = await openWorkerPart(sophie.niss);
    const second = await openWorkerPart(sophie.niss);
    ok(await send(http, first.token, first.journey.id, { type: 'CHOOSE_REQUEST', ticket: sophieTicket }));
    ok(await send(http, second.token, second.journey.id, { type: 'CHOOSE_REQUEST', ticket: sophieTicket }));
    ok(await send(http, first.token, first.journey.id, { type: 'CONFIRM_WORKER_PART', allCorrect: true }));
    const again = await send(http, second.token, second.journey.id, { type: 'CONFIRM_WORKER_PART', allCorrect: true });
    expect(again.status).toBe(422);
    expect(errorOf(again.body)).toMatchObject({ code: 'WORKER_PART_NOT_AWAITED', details: { ticket: sophieTicket, journey: { screen: 'review' } } });
    // The finished journey takes nothing more; a new one no longer offers the request.
    expect((await send(http, first.token, first.journey.id, { type: 'CONFIRM_WORKER_PART', allCorrect: true })).status).toBe(409);
    const third = await openWorkerPart(sophie.niss);
    expect(listed(third.journey).find((r) => r.ticket === sophieTicket)).toMatchObject({ status: 'in_processing', awaitsMyPart: false });
    expect((await send(http, third.token, third.journey.id, { type: 'CHOOSE_REQUEST', ticket: sophieTicket })).status).toBe(422);
    const row = await service.db.one<{ journeyId: string }>('SELECT journey_id AS "journeyId" FROM requests WHERE ticket = $1', [sophieTicket]);
    expect(await auditOf(row.journeyId, 'request.in_processing')).toHaveLength(1);
  });

  test('a request withdrawn while the worker reviews it is refused at confirmation', async () => {
    const { http } = service;
    const { journey: request, ticket } = await introduce(ordinary(thomas, '2032-03'));
    const { token, journey } = await openWorkerPart(thomas.niss);
    ok(await send(http, token, journey.id, { type: 'CHOOSE_REQUEST', ticket }));
    ok(await send(http, poToken, request.id, { type: 'WITHDRAW', reason: 'The worker no longer wants the leave.' }));
    const res = await send(http, token, journey.id, { type: 'CONFIRM_WORKER_PART', allCorrect: true });
    expect(res.status).toBe(422);
    expect(errorOf(res.body)).toMatchObject({ code: 'WORKER_PART_NOT_AWAITED' });
    expect(await statusForPo(ticket)).toBe('withdrawn');
  });
});

test('each worker lists exactly the requests introduced about them', async () => {
  for (const [niss, tickets] of ticketsOf) {
    const { journey } = await openWorkerPart(niss);
    expect(listed(journey).map((r) => r.ticket).sort()).toEqual([...tickets].sort());
  }
});

test('16 requests, each completed by two worker-part journeys at once: every request moves to in_processing exactly once', async () => {
  const { http } = service;
  const nextRequest = requestSeries();
  const introduced = await Promise.all(Array.from({ length: 16 }, () => nextRequest()).map((request) => introduce(fromSeries(request))));
  // Two journeys of the request's worker on its review screen.
  const reviews = await Promise.all(
    introduced.flatMap(({ ticket, niss }) =>
      [0, 1].map(async () => {
        const { token, journey } = await openWorkerPart(niss);
        ok(await send(http, token, journey.id, { type: 'CHOOSE_REQUEST', ticket }));
        return { token, id: journey.id, ticket };
      }),
    ),
  );
  const answers = await Promise.all(reviews.map(async ({ token, id, ticket }) => ({ ticket, res: await send(http, token, id, { type: 'CONFIRM_WORKER_PART', allCorrect: true }) })));
  for (const { ticket, journey } of introduced) {
    const mine = answers.filter((a) => a.ticket === ticket);
    expect(mine.map((a) => a.res.status).sort()).toEqual([200, 422]);
    expect(ok(mine.find((a) => a.res.status === 200)!.res)).toMatchObject({ screen: 'completed', output: { ticket, status: 'in_processing' } });
    expect(errorOf(mine.find((a) => a.res.status === 422)!.res.body).code).toBe('WORKER_PART_NOT_AWAITED');
    expect(await statusForPo(ticket)).toBe('in_processing');
    expect(await auditOf(journey.id, 'request.in_processing')).toHaveLength(1);
  }
});
