/**
 * The worker's part in memory, its activities stubbed: the screens in order, the choice limited to the
 * worker's requests that await their part, the refusals on the screen, the idle expiry, and what the
 * activities are asked (always about the worker of the journey's input, never a person an event names).
 */
import { fromPromise } from 'xstate';
import type { ActorError } from '../../../machines/journey';
import {
  workerPartJourney,
  type CompleteWorkerPartInput,
  type CompleteWorkerPartOutput,
  type DeclaredRequest,
  type LoadDeclaredRequestInput,
  type RequestOfWorker,
} from '../../../machines/worker-part';
import { startLocal, stopLocalJourneys } from '../../support/journey-driver';

const WORKER = '82041207257';

const request = (ticket: string, status: RequestOfWorker['status']): RequestOfWorker => ({
  ticket,
  status,
  employer: { enterprise: '0123456749', name: 'PO Y' },
  school: { number: '0321654968', name: 'École A' },
  leave: 'PARENTAL',
  form: 'HALF',
  start: '2027-01-01',
  end: '2027-02-28',
  updatedAt: '2026-11-27T10:00:00.000Z',
});

const AWAITING = request('BAW-2026-000001', 'awaiting_worker');
const PROCESSING = request('BAW-2026-000002', 'in_processing');
const declared: DeclaredRequest = {
  ...AWAITING,
  community: 'FR',
  workerStatus: 'STATUTORY',
  workload: { level: 'PRIMARY', before: 24, during: 12, givenUp: 12, multipleEmployers: false, interruptsAllEmployers: null },
  occupationDeclarationRequired: true,
  email: 'sophie.lambert@example.org',
};
const completion: CompleteWorkerPartOutput = { ticket: AWAITING.ticket, status: 'in_processing', statusReason: 'The worker completed their part.' };

afterEach(stopLocalJourneys);

interface Stubs {
  list?: () => Promise<RequestOfWorker[]>;
  load?: (input: LoadDeclaredRequestInput) => Promise<DeclaredRequest>;
  complete?: (input: CompleteWorkerPartInput) => Promise<CompleteWorkerPartOutput>;
}

function start(stubs: Stubs = {}, delays: Record<string, number> = {}) {
  const calls = { list: [] as unknown[], load: [] as LoadDeclaredRequestInput[], complete: [] as CompleteWorkerPartInput[] };
  const actors = {
    loadRequestsOfWorker: fromPromise<RequestOfWorker[], { niss: string }>(({ input }) => {
      calls.list.push(input);
      return (stubs.list ?? (() => Promise.resolve([AWAITING, PROCESSING])))();
    }),
    loadDeclaredRequest: fromPromise<DeclaredRequest, LoadDeclaredRequestInput>(({ input }) => {
      calls.load.push(input);
      return (stubs.load ?? (() => Promise.resolve(declared)))(input);
    }),
    completeWorkerPart: fromPromise<CompleteWorkerPartOutput, CompleteWorkerPartInput>(({ input }) => {
      calls.complete.push(input);
      return (stubs.complete ?? (() => Promise.resolve(completion)))(input);
    }),
  };
  return startLocal(workerPartJourney, { input: { niss: WORKER }, actors, delays }).then((driver) => Object.assign(driver, { calls }));
}

/** A failure as the host hands it to the machine (an ActorError: code, message, details). */
const refusal = (code: string, details?: unknown) => Object.assign(new Error(code), { code, ...(details ? { details } : {}) }) satisfies ActorError;

describe('workerPart: the screens in order', () => {
  it('lists the worker’s requests, reviews the chosen one, confirms and ends with the request in processing', async () => {
    const journey = await start();
    const choice = await journey.view();
    expect(choice).toMatchObject({ screen: 'requestChoice', allowedEvents: ['CHOOSE_REQUEST', 'RELOAD'] });
    expect(choice.context).toMatchObject({
      requests: [
        { ticket: AWAITING.ticket, status: 'awaiting_worker', awaitsMyPart: true },
        { ticket: PROCESSING.ticket, status: 'in_processing', awaitsMyPart: false },
      ],
      ticket: null,
      request: null,
      requestStatus: null,
      error: null,
    });
    expect(journey.calls.list).toEqual([{ niss: WORKER }]);

    // Typed in lower case with spaces: the schema normalises the ticket.
    const review = await journey.send({ type: 'CHOOSE_REQUEST', ticket: ` ${AWAITING.ticket.toLowerCase()} ` });
    expect(review).toMatchObject({ screen: 'review', allowedEvents: ['BACK', 'CONFIRM_WORKER_PART'] });
    expect(review.context).toMatchObject({ ticket: AWAITING.ticket, request: declared, requestStatus: 'awaiting_worker' });
    expect(journey.calls.load).toEqual([{ niss: WORKER, ticket: AWAITING.ticket }]);

    const done = await journey.send({ type: 'CONFIRM_WORKER_PART', allCorrect: true });
    expect(done).toMatchObject({ screen: 'completed', status: 'done', output: { ticket: AWAITING.ticket, status: 'in_processing' } });
    expect(done.context).toMatchObject({ requestStatus: 'in_processing', statusReason: 'The worker completed their part.' });
    expect(journey.calls.complete).toEqual([{ niss: WORKER, ticket: AWAITING.ticket, attempt: 1 }]);
  });

  it('goes back from the review to a fresh list', async () => {
    const journey = await start();
    await journey.send({ type: 'CHOOSE_REQUEST', ticket: AWAITING.ticket });
    const back = await journey.send({ type: 'BACK' });
    expect(back).toMatchObject({ screen: 'requestChoice' });
    expect(back.context).toMatchObject({ ticket: null, request: null });
    expect(journey.calls.list).toHaveLength(2);
  });
});

describe('workerPart: refusals stay on the screen', () => {
  it('refuses a ticket that is not one of the worker’s requests awaiting their part, without asking the store', async () => {
    const journey = await start();
    for (const ticket of [PROCESSING.ticket, 'BAW-2026-999999']) {
      const view = await journey.send({ type: 'CHOOSE_REQUEST', ticket });
      expect(view).toMatchObject({ screen: 'requestChoice', context: { error: { code: 'WORKER_PART_NOT_AWAITED', details: { ticket } }, ticket: null } });
    }
    expect(journey.calls.load).toEqual([]);
    // The next accepted event clears the error.
    expect((await journey.send({ type: 'CHOOSE_REQUEST', ticket: AWAITING.ticket })).context.error).toBeNull();
  });

  it('refuses a malformed ticket and an unticked box by their rules, before the machine sees them', async () => {
    const journey = await start();
    const malformed = await journey.refusal({ type: 'CHOOSE_REQUEST', ticket: 'request-1234' });
    expect(malformed).toMatchObject({ code: 'EVENT_INVALID', details: { issues: [{ path: 'ticket', rule: 'TICKET_FORMAT' }] } });
    await journey.send({ type: 'CHOOSE_REQUEST', ticket: AWAITING.ticket });
    const unticked = await journey.refusal({ type: 'CONFIRM_WORKER_PART', allCorrect: false });
    expect(unticked).toMatchObject({ code: 'EVENT_INVALID', details: { issues: [{ path: 'allCorrect', rule: 'ALL_CORRECT_REQUIRED' }] } });
    expect((await journey.refusal({ type: 'CHOOSE_REQUEST', ticket: AWAITING.ticket })).code).toBe('EVENT_NOT_ALLOWED');
  });

  it('shows the store’s refusal of the chosen request on the choice screen', async () => {
    const journey = await start({ load: ({ ticket }) => Promise.reject(refusal('WORKER_PART_NOT_AWAITED', { ticket })) });
    const view = await journey.send({ type: 'CHOOSE_REQUEST', ticket: AWAITING.ticket });
    expect(view).toMatchObject({ screen: 'requestChoice', context: { error: { code: 'WORKER_PART_NOT_AWAITED' }, ticket: null, request: null } });
  });

  it('a failed completion leaves the review with the error; confirming again is a new attempt', async () => {
    let fail = true;
    const journey = await start({ complete: () => (fail ? Promise.reject(refusal('SERVICE_UNAVAILABLE')) : Promise.resolve(completion)) });
    await journey.send({ type: 'CHOOSE_REQUEST', ticket: AWAITING.ticket });
    const failed = await journey.send({ type: 'CONFIRM_WORKER_PART', allCorrect: true });
    expect(failed).toMatchObject({ screen: 'review', context: { error: { code: 'SERVICE_UNAVAILABLE' } } });
    fail = false;
    expect(await journey.send({ type: 'CONFIRM_WORKER_PART', allCorrect: true })).toMatchObject({ screen: 'completed' });
    expect(journey.calls.complete.map((c) => c.attempt)).toEqual([1, 2]);
  });

  it('shows a list that could not be loaded as an error, and loads it again on RELOAD', async () => {
    let fail = true;
    const journey = await start({ list: () => (fail ? Promise.reject(refusal('SERVICE_UNAVAILABLE')) : Promise.resolve([AWAITING])) });
    expect(await journey.view()).toMatchObject({ screen: 'requestChoice', context: { requests: [], error: { code: 'SERVICE_UNAVAILABLE' } } });
    fail = false;
    expect(await journey.send({ type: 'RELOAD' })).toMatchObject({ screen: 'requestChoice', context: { requests: [{ ticket: AWAITING.ticket }], error: null } });
  });
});

describe('workerPart: an idle session expires', () => {
  it.each(['requestChoice', 'review'])('on %s', async (screen) => {
    const journey = await start({}, { sessionIdle: 50 });
    if (screen === 'review') await journey.send({ type: 'CHOOSE_REQUEST', ticket: AWAITING.ticket });
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await journey.view()).toMatchObject({ screen: 'expired', status: 'done', output: null });
  });
});
