/**
 * Paths through the request machine from xstate/graph with the sample events: every state and screen is
 * reachable, the guide's order holds on every way to a decision, and the generated paths replay on a live
 * actor whose stubbed activities answer like the sample actor events (as the HTTP path tests replay them).
 */
import { fromPromise, type AnyStateNode, type SnapshotFrom } from 'xstate';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { toView } from '../../../machines/journey';
import {
  requestJourney,
  requestMachine,
  type AdmitRequestOutput,
  type CheckWorkerInput,
  type CheckWorkerOutput,
  type IssueTicketInput,
  type IssueTicketOutput,
  type NotifyWorkerInput,
  type NotifyWorkerOutput,
  type OtherRequestsInput,
  type OtherRequestsOutput,
  type RecordRequestOutput,
  type RequestEvent,
  type RequestEventPayload,
  type RequestInput,
  type RequestRecord,
  type SubmitRequestInput,
  type SubmitRequestOutput,
  type WorkerSelectionInput,
  type WorkerSelectionOutput,
  BOUNDED_RECORD_RETRIES,
  ONE_STEP_SUBMISSION,
  RULES_ACROSS_REQUESTS,
} from '../../../machines/request';
import { requestSampleActorEvents, requestSampleEventList, requestSampleInput, teacherCheck } from '../../support/request-sample-events';
import { replayPath, startLocal, stopLocalJourneys, type MachinePath } from '../../support/journey-driver';

type Snapshot = SnapshotFrom<typeof requestMachine>;

function parse(payload: RequestEventPayload): RequestEvent {
  return requestJourney.events[payload.type]!.parse(payload) as RequestEvent;
}

const input = requestSampleInput as unknown as RequestInput;
const stateNodes: AnyStateNode[] = Object.values(requestMachine.root.states);
const stateKeys = stateNodes.map((node) => node.key);
// The delays elapsing, as events (a given event list replaces the graph's default of bare events).
const delayEvents = [...new Set(stateNodes.flatMap((node) => node.ownEvents as string[]).filter((type) => type.startsWith('xstate.after.')))].map((type) => ({ type }));
// The actors' results and the delays are events of the machine too, outside the typed union.
const events = [...requestSampleEventList.map(parse), ...([...requestSampleActorEvents, ...delayEvents] as unknown as RequestEvent[])];
// A vertex per state and per fact its routing guards read; versions and answers would make every loop a new vertex.
const serializeState = (snapshot: Snapshot) => {
  const { pending, version, ticket, recordFailures } = snapshot.context;
  return JSON.stringify({ state: snapshot.value, pending: pending?.status, recorded: version > 0, ticket: ticket !== null, recordFailures });
};

const screenOf = (snapshot: Snapshot) => toView(requestJourney, snapshot, 'paths').screen;
const stateOf = (snapshot: Snapshot) => String(snapshot.value);

const shortestPaths = getShortestPaths(requestMachine, { input, events, serializeState });
// Runs started before a versioned change (the host's `patched` answers false for it) keep states of
// their own: before the one-step selection, SELECT_WORKER's two steps; before the one-step submission,
// CONFIRM's four steps; before the check of the worker's other requests too, the ticket issued without it. The bound on record retries stays on: without it,
// every failed round would be a new vertex, and the graph would have no end.
const pathsOfRunsWith = (patches: readonly string[]) =>
  getShortestPaths(requestMachine.provide({ guards: { patched: (_: unknown, params: { id: string }) => patches.includes(params.id) } }), {
    input,
    events,
    serializeState,
  });
const olderRunsPaths = [
  ...pathsOfRunsWith([BOUNDED_RECORD_RETRIES, RULES_ACROSS_REQUESTS, ONE_STEP_SUBMISSION]),
  ...pathsOfRunsWith([BOUNDED_RECORD_RETRIES, RULES_ACROSS_REQUESTS]),
  ...pathsOfRunsWith([BOUNDED_RECORD_RETRIES]),
];

describe('request paths (xstate/graph)', () => {
  afterEach(stopLocalJourneys);

  it('reaches every state of the machine by a shortest path (some only in runs that predate a versioned change)', () => {
    const reached = new Set(shortestPaths.map((p) => stateOf(p.state)));
    const reachedByOlderRuns = new Set(olderRunsPaths.map((p) => stateOf(p.state)));
    expect([...new Set([...reached, ...reachedByOlderRuns])].sort()).toEqual([...stateKeys].sort());
    // Left to the older runs: SELECT_WORKER's two steps, CONFIRM's four and their retries, and the ticket issued without the check.
    expect(stateKeys.filter((key) => !reached.has(key)).sort()).toEqual(
      [
        'admittingRequest',
        'awaitingWorkerBlocked',
        'awaitingWorkerRetry',
        'checkingWorker',
        'issuingTicket',
        'notifyingWorker',
        'recordingAwaitingWorker',
        'recordingDraft',
        'recordingSubmission',
      ].sort(),
    );
  });

  it('reaches every screen, the busy one included', () => {
    const screens = new Set(shortestPaths.map((p) => screenOf(p.state)));
    expect([...screens].sort()).toEqual(
      [
        'workerSelection',
        'workerSelected',
        'leaveSelection',
        'questions',
        'confirmation',
        'awaitingWorker',
        'inProcessing',
        'accepted',
        'refused',
        'withdrawn',
        'expired',
        'busy',
        'recordBlocked',
      ].sort(),
    );
  });

  it('walks the guide’s order to the ticket: selection, new request, leave, questions, confirmation', () => {
    const toAwaiting = shortestPaths.find((p) => stateOf(p.state) === 'awaitingWorker' && p.state.context.pending === null);
    const userSteps = toAwaiting?.steps.filter((s) => !s.event.type.startsWith('xstate.')).map((s) => s.event.type);
    expect(userSteps).toEqual(['SELECT_WORKER', 'START_REQUEST', 'CHOOSE_LEAVE', 'ANSWER_QUESTIONS', 'CONFIRM']);
  });

  const finals = ['accepted', 'refused', 'withdrawn', 'expired'];
  const simplePaths = getSimplePaths(requestMachine, {
    input,
    events,
    serializeState,
    toState: (snapshot) => snapshot.status === 'done',
  });

  it('finds simple paths to every end: accepted, refused, withdrawn, expired', () => {
    expect(simplePaths.length).toBeGreaterThan(finals.length);
    expect([...new Set(simplePaths.map((p) => stateOf(p.state)))].sort()).toEqual([...finals].sort());
  });

  it('passes the screens in the guide’s order on every simple path to a decision', () => {
    const order = ['workerSelection', 'workerSelected', 'leaveSelection', 'questions', 'confirmation', 'awaitingWorker', 'inProcessing'];
    const decided = simplePaths.filter((p) => ['accepted', 'refused'].includes(stateOf(p.state)));
    expect(decided.length).toBeGreaterThan(1);
    for (const path of decided) {
      const visited = path.steps.map((s) => screenOf(s.state));
      const firstVisits = order.map((screen) => visited.indexOf(screen));
      expect(firstVisits.every((index) => index >= 0)).toBe(true);
      expect([...firstVisits].sort((a, b) => a - b)).toEqual(firstVisits);
    }
  });

  // The activities answer as the first sample of each actor does (a worker accepted, every record written).
  const happyActorEvents = new Set([
    'xstate.done.actor.recordRequest',
    'xstate.done.actor.issueTicket',
    'xstate.done.actor.notifyWorker',
    'xstate.done.actor.checkOtherRequests',
    'xstate.done.actor.admitRequest',
    'xstate.done.actor.submitRequest',
    'xstate.done.actor.recordWorkerSelection',
  ]);
  const isReplayable = (path: (typeof shortestPaths)[number]) =>
    path.steps.every(({ event }) => {
      const type: string = event.type;
      if (!type.startsWith('xstate.') || type === 'xstate.init' || happyActorEvents.has(type)) return true;
      return type === 'xstate.done.actor.checkWorker' && (event as unknown as { output: { ok: boolean } }).output.ok;
    });

  // Paths to a screen (a busy state passes by itself once its activity answers).
  it.each(shortestPaths.filter((p) => screenOf(p.state) !== 'busy' && isReplayable(p)).map((p) => [stateOf(p.state), p] as const))(
    'replays the path to %s with its user events only',
    async (target, path) => {
      const machine = requestMachine.provide({
        actors: {
          checkWorker: fromPromise<CheckWorkerOutput, CheckWorkerInput>(() => Promise.resolve(teacherCheck)),
          recordRequest: fromPromise<RecordRequestOutput, RequestRecord>(({ input: record }) => Promise.resolve({ version: record.version })),
          issueTicket: fromPromise<IssueTicketOutput, IssueTicketInput>(() => Promise.resolve({ ticket: 'BAW-2025-000001', issuedAt: '2025-08-20T10:00:00.000Z' })),
          notifyWorker: fromPromise<NotifyWorkerOutput, NotifyWorkerInput>(() => Promise.resolve({ notified: true })),
          checkOtherRequests: fromPromise<OtherRequestsOutput, OtherRequestsInput>(() => Promise.resolve({ counted: 0, monthsUsed: 0, monthsLeft: 8 })),
          admitRequest: fromPromise<AdmitRequestOutput, OtherRequestsInput>(() => Promise.resolve({ ticket: 'BAW-2025-000001', issuedAt: '2025-08-20T10:00:00.000Z' })),
          recordWorkerSelection: fromPromise<WorkerSelectionOutput, WorkerSelectionInput>(({ input: selection }) =>
            Promise.resolve({ checked: teacherCheck, version: selection.context.version }),
          ),
          submitRequest: fromPromise<SubmitRequestOutput, SubmitRequestInput>(({ input: submission }) =>
            Promise.resolve({ ticket: 'BAW-2025-000001', issuedAt: '2025-08-20T10:00:00.000Z', version: submission.awaitingWorker.version, notified: true }),
          ),
        },
        delays: { draftExpiry: 60 * 60_000, recordRetry: 60_000 },
      });
      // Driven as the host drives it (schema, then `can`, for each user event); the stubs answer by themselves.
      const driver = await startLocal({ ...requestJourney, machine }, { input, timeout: 1_000 });
      const { walked, expected } = await replayPath(driver, requestJourney, path as MachinePath);
      expect(walked).toEqual(expected);
      expect(stateOf(driver.local.snapshot() as Snapshot)).toBe(target);
    },
  );
});
