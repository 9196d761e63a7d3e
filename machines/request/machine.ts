/**
 * Journey 3 — introducing a career-interruption request (guide, step 3), then its lifecycle after the
 * ticket (our model, docs/domain.md "Request lifecycle"). Screens in the guide's order: worker selection
 * ("Sélectionner"), "Introduire une nouvelle demande" again, the leave ("Suivant"), the questions, the
 * confirmation ("Confirmer") and the ticket. Every status change is recorded in the overview's read model
 * by `recordRequest`, with a version the machine increments, who made it and why.
 */
import { and, assign, not, setup } from 'xstate';
import { assertTransition, canTransition, isDomainError, type RequestStatus } from '../../domain';
import { actorErrorOf, hostedActor, showActorError } from '../actors';
import { BUSY, defineJourney, screenMeta } from '../journey';
import type {
  AdmitRequestInput,
  AdmitRequestOutput,
  CheckWorkerInput,
  CheckWorkerOutput,
  IssueTicketInput,
  IssueTicketOutput,
  NotifyWorkerInput,
  NotifyWorkerOutput,
  OtherRequestsInput,
  OtherRequestsOutput,
  RecordRequestOutput,
  RequestRecord,
  RequestSummary,
  WorkerSelectionInput,
  WorkerSelectionOutput,
  SubmitRequestInput,
  SubmitRequestOutput,
} from './contracts';
import {
  answersError,
  answersOf,
  confirmationReasonOf,
  CONFIRMED,
  CONFIRMED_AGAIN,
  initialContext,
  leaveChoiceError,
  otherRequestsInputOf,
  publicContextOf,
  requestRecordOf,
  screenErrorOf,
  selectedWorkerOf,
  selectionModeError,
  submissionOf,
  summaryOf,
  withLeave,
  withSelectedWorker,
  workerCheckOf,
  WORKER_NOTIFIED,
  WORKER_SELECTED,
  workerSelectionOf,
  type ChoiceSet,
  type PendingChange,
  type RequestAnswers,
  type RequestContext,
  type ScreenError,
  type SelectedWorker,
  type WorkerSelectionFields,
} from './context';
import { REQUEST_BACKOFFICE_EVENTS, requestEvents, requestInputSchema, type RequestEvent, type RequestInput } from './events';
import { requestLabels, requestLabelsDe, requestLabelsNl } from './labels';

export type * from './contracts';
export type { RequestAnswers, RequestContext, RequestPublicContext, ScreenError, SelectedWorker, WorkerSelectionFields } from './context';
export type { RequestEvent, RequestEventPayload, RequestEventType, RequestInput } from './events';
export { requestEvents, requestInputSchema } from './events';
export { requestLabels } from './labels';

const DAY = 24 * 60 * 60_000;

const EXPIRY_REASON = 'The draft was left untouched for the configured time (draftExpiry).';
const ABANDON_REASON = 'Abandoned by the employer before confirmation.';

const screen = (name: string) => screenMeta(requestLabels, `request.${name}`);

function selectionOf(event: Extract<RequestEvent, { type: 'SELECT_WORKER' }>): WorkerSelectionFields {
  return { community: event.community ?? null, school: event.school ?? null, niss: event.niss, status: event.status, email: event.email ?? null };
}

/** Why CONFIRM is refused: the status does not allow a submission, or the draft breaks a rule. */
function submissionError(context: RequestContext): ScreenError | null {
  try {
    assertTransition(context.requestStatus, 'submitted');
  } catch (error) {
    if (isDomainError(error)) return screenErrorOf(error);
    throw error;
  }
  return answersError(context, context.answers);
}

const SEND_BACK_STATUS = { employer: 'draft', worker: 'awaiting_worker' } as const satisfies Record<string, RequestStatus>;

// Every draft screen: untouched for `draftExpiry` it expires; ABANDON withdraws it. Nothing is recorded
// before a worker is selected (the overview has nothing to show yet).
const expiresWhenUntouched = {
  draftExpiry: [
    {
      guard: 'isRecorded',
      target: 'recordingExpiry',
      actions: { type: 'prepareChange', params: { status: 'expired', reason: EXPIRY_REASON } },
    },
    { target: 'expired', actions: { type: 'closeUnrecorded', params: { status: 'expired', reason: EXPIRY_REASON } } },
  ],
} as const;

const withdrawal = ({ event }: { event: RequestEvent }): PendingChange => ({
  status: 'withdrawn',
  reason: (event.type === 'ABANDON' && event.reason) || ABANDON_REASON,
});

const abandonDraft = [
  {
    guard: not('isRecorded'),
    target: 'withdrawn',
    actions: ['clearError', { type: 'closeUnrecorded', params: withdrawal }],
  },
  {
    guard: { type: 'canBecome', params: { status: 'withdrawn' } },
    target: 'recordingWithdrawal',
    actions: ['clearError', { type: 'prepareChange', params: withdrawal }],
  },
] as const;

/**
 * Versioned change (Temporal patch id): a record that keeps failing stops retrying after
 * MAX_RECORD_FAILURES rounds and waits for an operator. Journeys started before the change retry as
 * they always did (every `recordRetry`, without end); see the README, "Changing a journey".
 */
export const BOUNDED_RECORD_RETRIES = 'request-bounded-record-retries';
/**
 * Versioned change (Temporal patch id): the period is checked against the worker's other requests of
 * every PO — early, once the questions are answered (`checkOtherRequests`), and again at CONFIRM, where
 * the check and the ticket are one locked transaction (`admitRequest`, instead of `issueTicket`).
 * Journeys started before the change go on as they did (no check, `issueTicket`).
 */
export const RULES_ACROSS_REQUESTS = 'request-rules-across-requests';
/**
 * Versioned change (Temporal patch id): CONFIRM is one activity, `submitRequest` — the admission, the
 * submitted record, the worker's notice and the awaiting-the-worker record in one transaction — instead
 * of four in a row (admitRequest, recordRequest, notifyWorker, recordRequest). All of it is written or
 * none of it. Journeys started before the change confirm in four steps, as they did.
 */
export const ONE_STEP_SUBMISSION = 'request-one-step-submission';
/**
 * Versioned change (Temporal patch id): SELECT_WORKER is one activity, `recordWorkerSelection` — the
 * worker check, then the draft's record — instead of two in a row (checkWorker, recordRequest). Journeys
 * started before the change select in two steps, as they did.
 */
export const ONE_STEP_SELECTION = 'request-one-step-selection';
/** Rounds of failed records (each one the activity's own retries) before the journey waits for an operator. */
export const MAX_RECORD_FAILURES = 5;
/** The attention code of a journey whose record kept failing (search attribute JourneyAttention). */
export const RECORD_BLOCKED = 'RECORD_BLOCKED';

/**
 * A record that must eventually be written: after a final activity failure, try again after
 * `recordRetry`; after MAX_RECORD_FAILURES rounds, the journey goes to `blocked` for an operator.
 */
const retryRecord = (target: string, blocked: string) => ({
  meta: BUSY,
  entry: 'countRecordFailure' as const,
  after: {
    recordRetry: [{ guard: and([{ type: 'patched', params: { id: BOUNDED_RECORD_RETRIES } }, 'recordFailuresExhausted']), target: blocked }, { target }],
  },
}) as const;

/** Waiting for an operator: the screen says so, the journey is listed by its attention code; RETRY_RECORD writes again. */
const blockedRecord = (target: string) => ({
  meta: { ...screen('recordBlocked'), attention: RECORD_BLOCKED },
  on: { RETRY_RECORD: { target, actions: ['clearError', 'resetRecordFailures'] as const } },
}) as const;

/** The status change recorded by `recordRequest`. */
const applyRecord = { type: 'applyRecord', params: ({ event }: { event: { output: RecordRequestOutput } }) => event.output } as const;

/** A busy state that records the pending change (or the current status) at the next version. */
function recordingState<const TDone, const TError>({ onDone, onError }: { onDone: TDone; onError: TError }) {
  return {
    meta: BUSY,
    entry: 'nextVersion',
    invoke: { id: 'recordRequest', src: 'recordRequest', input: ({ context }: { context: RequestContext }) => requestRecordOf(context), onDone, onError },
  } as const;
}

export const requestMachine = setup({
  types: {
    input: {} as RequestInput,
    context: {} as RequestContext,
    events: {} as RequestEvent,
    output: {} as RequestSummary,
  },
  actors: {
    checkWorker: hostedActor<CheckWorkerOutput, CheckWorkerInput>(),
    recordWorkerSelection: hostedActor<WorkerSelectionOutput, WorkerSelectionInput>(),
    recordRequest: hostedActor<RecordRequestOutput, RequestRecord>(),
    issueTicket: hostedActor<IssueTicketOutput, IssueTicketInput>(),
    checkOtherRequests: hostedActor<OtherRequestsOutput, OtherRequestsInput>(),
    admitRequest: hostedActor<AdmitRequestOutput, AdmitRequestInput>(),
    submitRequest: hostedActor<SubmitRequestOutput, SubmitRequestInput>(),
    notifyWorker: hostedActor<NotifyWorkerOutput, NotifyWorkerInput>(),
  },
  delays: {
    /** A draft screen left without any event for this long expires (configuration: DRAFT_EXPIRY_DAYS). */
    draftExpiry: 30 * DAY,
    /** Wait before writing again a record whose activity failed for good (its own retries exhausted). */
    recordRetry: 10 * 60_000,
  },
  guards: {
    selectionFitsMode: ({ context }, params: { selection: WorkerSelectionFields }) => selectionModeError(context.acting.mode, params.selection) === null,
    /** selectionFitsMode for the selection the SELECT_WORKER event carries (a guard without params, for `and`). */
    selectedFitsMode: ({ context, event }) => event.type === 'SELECT_WORKER' && selectionModeError(context.acting.mode, selectionOf(event)) === null,
    isWorkerAccepted: (_, params: { output: CheckWorkerOutput }) => params.output.ok,
    isLeaveChoiceAllowed: ({ context }, params: { leave: RequestContext['leave'] & {}; form: RequestContext['form'] & {} }) =>
      leaveChoiceError(context, params.leave, params.form) === null,
    areAnswersAllowed: ({ context }, params: { answers: RequestAnswers | null }) => answersError(context, params.answers) === null,
    /** areAnswersAllowed for the answers the ANSWER_QUESTIONS event carries (a guard without params, for `and`). */
    areAnsweredQuestionsAllowed: ({ context, event }) => event.type === 'ANSWER_QUESTIONS' && answersError(context, answersOf(context, event)) === null,
    isReadyToSubmit: ({ context }) => submissionError(context) === null,
    hasTicket: ({ context }) => context.ticket !== null,
    isRecorded: ({ context }) => context.recorded ?? context.version > 0,
    canBecome: ({ context }, params: { status: RequestStatus }) => canTransition(context.requestStatus, params.status),
    isPendingStatus: ({ context }, params: { status: RequestStatus }) => context.pending?.status === params.status,
    recordFailuresExhausted: ({ context }) => (context.recordFailures ?? 0) >= MAX_RECORD_FAILURES,
    /** Whether a versioned change applies to this run: the host decides (Temporal `patched`); new runs: yes. */
    patched: (_, _params: { id: string }) => true,
  },
  actions: {
    clearError: assign({ error: null }),
    showError: assign((_, error: ScreenError | null) => ({ error })),
    offerChoices: assign((_, params: { choices: ChoiceSet }) => ({ choices: params.choices })),
    withdrawChoices: assign({ choices: null }),
    keepSelection: assign((_, params: { selection: WorkerSelectionFields }) => ({ selection: params.selection })),
    selectWorker: assign(({ context }, params: { selected: SelectedWorker }) => withSelectedWorker(context, params.selected)),
    chooseLeave: assign(({ context }, params: { leave: RequestContext['leave'] & {}; form: RequestContext['form'] & {} }) =>
      withLeave(context, params.leave, params.form),
    ),
    keepAnswers: assign((_, params: { answers: RequestAnswers | null }) => (params.answers ? { answers: params.answers } : {})),
    keepTicket: assign((_, params: IssueTicketOutput) => ({ ticket: params.ticket, issuedAt: params.issuedAt })),
    noteWorkerNotified: assign((_, params: { notified: boolean }) => ({ workerNotified: params.notified })),
    nextVersion: assign({ version: ({ context }) => context.version + 1 }),
    /** The two versions of a submission in one step (submitted, then awaiting the worker). */
    reserveSubmissionVersions: assign({ version: ({ context }) => context.version + 2 }),
    prepareChange: assign((_, params: PendingChange) => ({ pending: params })),
    dropChange: assign({ pending: null }),
    countRecordFailure: assign({ recordFailures: ({ context }) => (context.recordFailures ?? 0) + 1 }),
    resetRecordFailures: assign({ recordFailures: 0 }),
    applyRecord: assign(({ context }, params: { version: number }) => ({
      version: params.version,
      recorded: true,
      recordFailures: 0,
      requestStatus: context.pending?.status ?? context.requestStatus,
      statusReason: context.pending ? context.pending.reason : context.statusReason,
      pending: null,
      error: null,
    })),
    /** The admitted request's ticket (kept when it had one: sent back and confirmed again), to be recorded as submitted. */
    admit: assign(({ context }, params: { output: AdmitRequestOutput }) => ({
      ticket: context.ticket ?? params.output.ticket,
      issuedAt: context.issuedAt ?? params.output.issuedAt,
      pending: { status: 'submitted' as const, reason: confirmationReasonOf(context) },
    })),
    /** Submitted and awaiting the worker, both recorded, the notice queued: where the four steps would have ended. */
    submit: assign(({ context }, params: { output: SubmitRequestOutput }) => ({
      ticket: context.ticket ?? params.output.ticket,
      issuedAt: context.issuedAt ?? params.output.issuedAt,
      workerNotified: params.output.notified,
      version: params.output.version,
      recorded: true,
      recordFailures: 0,
      requestStatus: 'awaiting_worker' as const,
      statusReason: WORKER_NOTIFIED,
      pending: null,
      error: null,
    })),
    /** A draft that ends before anything was recorded. */
    closeUnrecorded: assign((_, params: PendingChange) => ({ requestStatus: params.status, statusReason: params.reason })),
  },
}).createMachine({
  id: 'request',
  context: ({ input }) => initialContext(input),
  initial: 'workerSelection',
  output: ({ context }) => summaryOf(context),
  states: {
    workerSelection: {
      meta: screen('workerSelection'),
      entry: { type: 'offerChoices', params: { choices: 'worker' } },
      exit: 'withdrawChoices',
      after: expiresWhenUntouched,
      on: {
        SELECT_WORKER: [
          {
            guard: and([{ type: 'patched', params: { id: ONE_STEP_SELECTION } }, 'selectedFitsMode']),
            target: 'selectingWorker',
            actions: ['clearError', { type: 'keepSelection', params: ({ event }) => ({ selection: selectionOf(event) }) }],
          },
          {
            guard: { type: 'selectionFitsMode', params: ({ event }) => ({ selection: selectionOf(event) }) },
            target: 'checkingWorker',
            actions: ['clearError', { type: 'keepSelection', params: ({ event }) => ({ selection: selectionOf(event) }) }],
          },
          {
            target: 'workerSelection',
            reenter: true,
            actions: [
              { type: 'keepSelection', params: ({ event }) => ({ selection: selectionOf(event) }) },
              { type: 'showError', params: ({ context, event }) => selectionModeError(context.acting.mode, selectionOf(event)) },
            ],
          },
        ],
        ABANDON: abandonDraft,
      },
    },
    // The worker checked and the draft recorded with them, in one activity; a refusal (or an outage)
    // leaves the selection screen as it was, with the error, nothing recorded.
    selectingWorker: {
      meta: BUSY,
      entry: 'nextVersion',
      invoke: {
        id: 'recordWorkerSelection',
        src: 'recordWorkerSelection',
        input: ({ context }) => workerSelectionOf(context),
        onDone: {
          target: 'workerSelected',
          actions: [
            { type: 'selectWorker', params: ({ context, event }) => ({ selected: selectedWorkerOf(context.selection, event.output.checked) }) },
            { type: 'prepareChange', params: { status: 'draft', reason: WORKER_SELECTED } },
            { type: 'applyRecord', params: ({ event }) => ({ version: event.output.version }) },
          ],
        },
        onError: { target: 'workerSelection', actions: showActorError },
      },
    },
    // Runs before ONE_STEP_SELECTION: the check, then the draft's record, each its own activity.
    checkingWorker: {
      meta: BUSY,
      invoke: {
        id: 'checkWorker',
        src: 'checkWorker',
        input: ({ context }) => workerCheckOf(context),
        onDone: [
          {
            guard: { type: 'isWorkerAccepted', params: ({ event }) => ({ output: event.output }) },
            target: 'recordingDraft',
            actions: [
              { type: 'selectWorker', params: ({ context, event }) => ({ selected: selectedWorkerOf(context.selection, event.output) }) },
              { type: 'prepareChange', params: { status: 'draft', reason: WORKER_SELECTED } },
            ],
          },
          {
            target: 'workerSelection',
            actions: { type: 'showError', params: ({ event }) => (event.output.ok ? null : { code: event.output.code, message: event.output.message }) },
          },
        ],
        onError: { target: 'workerSelection', actions: showActorError },
      },
    },
    recordingDraft: recordingState({
      onDone: { target: 'workerSelected', actions: applyRecord },
      onError: { target: 'workerSelection', actions: ['dropChange', showActorError] },
    }),
    workerSelected: {
      meta: screen('workerSelected'),
      after: expiresWhenUntouched,
      on: {
        START_REQUEST: { target: 'leaveSelection', actions: 'clearError' },
        // Once a ticket identifies the request (sent back for correction), its worker stays.
        BACK: { guard: not('hasTicket'), target: 'workerSelection', actions: 'clearError' },
        ABANDON: abandonDraft,
      },
    },
    leaveSelection: {
      meta: screen('leaveSelection'),
      entry: { type: 'offerChoices', params: { choices: 'leave' } },
      exit: 'withdrawChoices',
      after: expiresWhenUntouched,
      on: {
        CHOOSE_LEAVE: [
          {
            guard: { type: 'isLeaveChoiceAllowed', params: ({ event }) => ({ leave: event.leave, form: event.form }) },
            target: 'questions',
            actions: ['clearError', { type: 'chooseLeave', params: ({ event }) => ({ leave: event.leave, form: event.form }) }],
          },
          {
            target: 'leaveSelection',
            reenter: true,
            actions: { type: 'showError', params: ({ context, event }) => leaveChoiceError(context, event.leave, event.form) },
          },
        ],
        BACK: { target: 'workerSelected', actions: 'clearError' },
        ABANDON: abandonDraft,
      },
    },
    questions: {
      meta: screen('questions'),
      entry: { type: 'offerChoices', params: { choices: 'questions' } },
      exit: 'withdrawChoices',
      after: expiresWhenUntouched,
      on: {
        ANSWER_QUESTIONS: [
          {
            guard: and([{ type: 'patched', params: { id: RULES_ACROSS_REQUESTS } }, 'areAnsweredQuestionsAllowed']),
            target: 'checkingOtherRequests',
            actions: ['clearError', { type: 'keepAnswers', params: ({ context, event }) => ({ answers: answersOf(context, event) }) }],
          },
          {
            guard: { type: 'areAnswersAllowed', params: ({ context, event }) => ({ answers: answersOf(context, event) }) },
            target: 'confirmation',
            actions: ['clearError', { type: 'keepAnswers', params: ({ context, event }) => ({ answers: answersOf(context, event) }) }],
          },
          {
            target: 'questions',
            reenter: true,
            actions: [
              { type: 'keepAnswers', params: ({ context, event }) => ({ answers: answersOf(context, event) }) },
              { type: 'showError', params: ({ context, event }) => answersError(context, answersOf(context, event)) },
            ],
          },
        ],
        BACK: { target: 'leaveSelection', actions: 'clearError' },
        ABANDON: abandonDraft,
      },
    },
    // The user learns on the questions screen already that the period clashes with another request.
    checkingOtherRequests: {
      meta: BUSY,
      invoke: {
        id: 'checkOtherRequests',
        src: 'checkOtherRequests',
        input: ({ context }) => otherRequestsInputOf(context),
        onDone: { target: 'confirmation' },
        onError: { target: 'questions', actions: showActorError },
      },
    },
    confirmation: {
      meta: screen('confirmation'),
      after: expiresWhenUntouched,
      on: {
        CONFIRM: [
          { guard: and([{ type: 'patched', params: { id: ONE_STEP_SUBMISSION } }, 'isReadyToSubmit']), target: 'submittingRequest', actions: 'clearError' },
          { guard: and([{ type: 'patched', params: { id: RULES_ACROSS_REQUESTS } }, 'isReadyToSubmit']), target: 'admittingRequest', actions: 'clearError' },
          {
            // Sent back to the employer and confirmed again: the request keeps its ticket.
            guard: and(['isReadyToSubmit', 'hasTicket']),
            target: 'recordingSubmission',
            actions: ['clearError', { type: 'prepareChange', params: { status: 'submitted', reason: CONFIRMED_AGAIN } }],
          },
          { guard: 'isReadyToSubmit', target: 'issuingTicket', actions: 'clearError' },
          { target: 'confirmation', reenter: true, actions: { type: 'showError', params: ({ context }) => submissionError(context) } },
        ],
        BACK: { target: 'questions', actions: 'clearError' },
        ABANDON: abandonDraft,
      },
    },
    issuingTicket: {
      meta: BUSY,
      invoke: {
        id: 'issueTicket',
        src: 'issueTicket',
        input: () => ({}),
        onDone: {
          target: 'recordingSubmission',
          actions: [
            { type: 'keepTicket', params: ({ event }) => event.output },
            { type: 'prepareChange', params: { status: 'submitted', reason: CONFIRMED } },
          ],
        },
        onError: { target: 'confirmation', actions: showActorError },
      },
    },
    // Checked again, the ticket issued, both records written and the notice queued, in one transaction
    // locked on the worker: all or nothing. Sent back and confirmed again, the request keeps its ticket.
    // A refusal or an outage leaves the request on its confirmation page, nothing written.
    submittingRequest: {
      meta: BUSY,
      entry: 'reserveSubmissionVersions',
      invoke: {
        id: 'submitRequest',
        src: 'submitRequest',
        input: ({ context }) => submissionOf(context),
        onDone: { target: 'awaitingWorker', actions: { type: 'submit', params: ({ event }) => ({ output: event.output }) } },
        onError: { target: 'confirmation', actions: showActorError },
      },
    },
    // Runs before ONE_STEP_SUBMISSION: checked again and the ticket issued in one transaction locked on
    // the worker (two confirmations at once for the same worker cannot both pass), then recorded,
    // notified and recorded again, each its own activity. A refusal leaves the request on its confirmation page.
    admittingRequest: {
      meta: BUSY,
      invoke: {
        id: 'admitRequest',
        src: 'admitRequest',
        input: ({ context }) => otherRequestsInputOf(context),
        onDone: { target: 'recordingSubmission', actions: { type: 'admit', params: ({ event }) => ({ output: event.output }) } },
        onError: { target: 'confirmation', actions: showActorError },
      },
    },
    recordingSubmission: recordingState({
      onDone: { target: 'notifyingWorker', actions: applyRecord },
      // The ticket is kept: confirming again records it without issuing another.
      onError: { target: 'confirmation', actions: ['dropChange', showActorError] },
    }),
    notifyingWorker: {
      meta: BUSY,
      invoke: {
        id: 'notifyWorker',
        src: 'notifyWorker',
        input: ({ context }) => {
          const { ticket, selected } = context;
          if (ticket === null || selected === null) throw new Error('The worker is notified of a submitted request only');
          const { niss, lastName, firstName } = selected.worker;
          return { ticket, worker: { niss, lastName, firstName }, email: selected.email };
        },
        onDone: {
          target: 'recordingAwaitingWorker',
          actions: [
            { type: 'noteWorkerNotified', params: ({ event }) => ({ notified: event.output.notified }) },
            {
              type: 'prepareChange',
              params: ({ event }) => ({
                status: 'awaiting_worker',
                reason: event.output.notified
                  ? WORKER_NOTIFIED
                  : 'The worker could not be notified (no e-mail address); they complete their part in Break@Work.',
              }),
            },
          ],
        },
        // A notification is not worth blocking the request for: the worker still finds it in Break@Work.
        onError: {
          target: 'recordingAwaitingWorker',
          actions: [
            { type: 'noteWorkerNotified', params: { notified: false } },
            {
              type: 'prepareChange',
              params: ({ event }) => ({
                status: 'awaiting_worker',
                reason: `The worker could not be notified (${actorErrorOf(event.error).message}); they complete their part in Break@Work.`,
              }),
            },
          ],
        },
      },
    },
    recordingAwaitingWorker: recordingState({
      onDone: { target: 'awaitingWorker', actions: applyRecord },
      onError: { target: 'awaitingWorkerRetry', actions: showActorError },
    }),
    awaitingWorkerRetry: retryRecord('recordingAwaitingWorker', 'awaitingWorkerBlocked'),
    awaitingWorkerBlocked: blockedRecord('recordingAwaitingWorker'),
    awaitingWorker: {
      meta: screen('awaitingWorker'),
      on: {
        WORKER_PART_COMPLETED: {
          guard: { type: 'canBecome', params: { status: 'in_processing' } },
          target: 'recordingWorkerPart',
          actions: ['clearError', { type: 'prepareChange', params: ({ event }) => ({ status: 'in_processing', reason: 'The worker completed their part.', agent: event.agent }) }],
        },
        WITHDRAW: {
          guard: { type: 'canBecome', params: { status: 'withdrawn' } },
          target: 'recordingWithdrawal',
          actions: ['clearError', { type: 'prepareChange', params: ({ event }) => ({ status: 'withdrawn', reason: event.reason }) }],
        },
      },
    },
    recordingWorkerPart: recordingState({
      onDone: { target: 'inProcessing', actions: applyRecord },
      onError: { target: 'awaitingWorker', actions: ['dropChange', showActorError] },
    }),
    inProcessing: {
      meta: screen('inProcessing'),
      on: {
        DECIDE: {
          guard: { type: 'canBecome', params: ({ event }) => ({ status: event.decision }) },
          target: 'recordingDecision',
          actions: ['clearError', { type: 'prepareChange', params: ({ event }) => ({ status: event.decision, reason: event.reason, agent: event.agent }) }],
        },
        SEND_BACK: {
          guard: { type: 'canBecome', params: ({ event }) => ({ status: SEND_BACK_STATUS[event.to] }) },
          target: 'recordingSendBack',
          actions: ['clearError', { type: 'prepareChange', params: ({ event }) => ({ status: SEND_BACK_STATUS[event.to], reason: event.reason, agent: event.agent }) }],
        },
      },
    },
    recordingDecision: recordingState({
      onDone: [
        { guard: { type: 'isPendingStatus', params: { status: 'accepted' } }, target: 'accepted', actions: applyRecord },
        { target: 'refused', actions: applyRecord },
      ],
      onError: { target: 'inProcessing', actions: ['dropChange', showActorError] },
    }),
    recordingSendBack: recordingState({
      onDone: [
        // To the employer: back to the questions, the answers kept, to correct and confirm again.
        { guard: { type: 'isPendingStatus', params: { status: 'draft' } }, target: 'questions', actions: applyRecord },
        { target: 'awaitingWorker', actions: applyRecord },
      ],
      onError: { target: 'inProcessing', actions: ['dropChange', showActorError] },
    }),
    recordingWithdrawal: recordingState({
      onDone: { target: 'withdrawn', actions: applyRecord },
      onError: { target: 'withdrawalRetry', actions: showActorError },
    }),
    withdrawalRetry: retryRecord('recordingWithdrawal', 'withdrawalBlocked'),
    withdrawalBlocked: blockedRecord('recordingWithdrawal'),
    recordingExpiry: recordingState({
      onDone: { target: 'expired', actions: applyRecord },
      onError: { target: 'expiryRetry', actions: showActorError },
    }),
    expiryRetry: retryRecord('recordingExpiry', 'expiryBlocked'),
    expiryBlocked: blockedRecord('recordingExpiry'),
    withdrawn: { type: 'final', meta: screen('withdrawn') },
    expired: { type: 'final', meta: screen('expired') },
    accepted: { type: 'final', meta: screen('accepted') },
    refused: { type: 'final', meta: screen('refused') },
  },
});

export const requestJourney = defineJourney({
  id: 'request',
  title: 'Introduire une demande d’interruption de carrière',
  machine: requestMachine,
  input: requestInputSchema,
  events: requestEvents,
  publicContext: publicContextOf,
  backofficeEvents: REQUEST_BACKOFFICE_EVENTS,
  patches: [BOUNDED_RECORD_RETRIES, RULES_ACROSS_REQUESTS, ONE_STEP_SUBMISSION, ONE_STEP_SELECTION],
  labels: { fr: requestLabels, nl: requestLabelsNl, de: requestLabelsDe },
});
