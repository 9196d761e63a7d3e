/**
 * The request journey's context and the pure functions over it: what the draft is, how the domain rules
 * judge it, what a record of it holds, and what a UI may see. No I/O: the machine calls these.
 */
import {
  COMMUNITIES,
  COMMUNITY_CODES,
  DEFAULT_FULL_LOADS,
  EDUCATION_LEVELS,
  EDUCATION_LEVEL_CODES,
  LEAVES,
  LEAVE_CODES,
  LEAVE_FORMS,
  REQUEST_TRANSITIONS,
  WORKER_STATUSES,
  WORKER_STATUS_CODES,
  assessRequest,
  computeWorkload,
  formLimits,
  formsOf,
  isLeaveOpenIn,
  isValidNiss,
  leaveChoiceErrors,
  nissBirthDate,
  periodLimitErrors,
  workerAgeFindings,
  type CharacteristicsInput,
  type Community,
  type DomainError,
  type EducationLevel,
  type FullLoads,
  type LeaveCode,
  type LeaveForm,
  type RequestAssessment,
  type RequestStatus,
  type TransitionActor,
  type WorkerStatus,
} from '../../domain';
import { errorText } from '../../domain/error-catalogue';
import type { ActorError } from '../journey';
import type { ScreenError } from '../actors';
import type {
  Acting,
  CheckWorkerInput,
  CheckWorkerOutput,
  Occupation,
  OtherRequestsInput,
  RequestRecord,
  RequestSummary,
  School,
  SubmissionRecord,
  SubmitRequestInput,
  WorkerIdentity,
  WorkerSelectionInput,
} from './contracts';
import type { RequestInput } from './events';

export type { ScreenError } from '../actors';

/** The worker-selection form as last typed (kept when the check refuses it). */
export interface WorkerSelectionFields {
  community: Community | null;
  school: string | null;
  niss: string;
  status: WorkerStatus;
  email: string | null;
}

/** The worker as checked by `checkWorker` with the selection that was checked. */
export interface SelectedWorker {
  community: Community | null;
  school: School | null;
  worker: WorkerIdentity & { birthDate: string | null };
  status: WorkerStatus;
  email: string | null;
  occupation: Occupation | null;
  employerCount: number;
}

/** The characteristics as last answered; the dates are cleared when a newly chosen leave no longer allows them. */
export interface RequestAnswers {
  level: EducationLevel;
  before: number;
  during: number;
  start: string | null;
  end: string | null;
  multipleEmployers: boolean;
  interruptsAllEmployers: boolean | null;
}

/** A status change on its way to the read model: to what, and why. */
export interface PendingChange {
  status: RequestStatus;
  reason: string | null;
  /** The back-office agent who made the change (from their token), when it is theirs. */
  agent?: string;
}

/** Which catalogue the current screen offers as choices. */
export type ChoiceSet = 'worker' | 'leave' | 'questions';

export interface RequestContext {
  acting: RequestInput['acting'];
  introducedBy: string;
  openedOn: string;
  fullLoads: FullLoads;
  selection: WorkerSelectionFields | null;
  selected: SelectedWorker | null;
  leave: LeaveCode | null;
  form: LeaveForm | null;
  answers: RequestAnswers | null;
  /** The status as last recorded (draft until the first record too). */
  requestStatus: RequestStatus;
  statusReason: string | null;
  /** Version of the last record attempt; only ever grows, so a write that failed late never collides. */
  version: number;
  /**
   * Whether the read model has this request (a record succeeded). Absent in journeys started before
   * the field existed: for those, `version > 0` stands in.
   */
  recorded?: boolean;
  /**
   * Rounds of a record that failed for good in a row (each round is the activity's own retries),
   * reset by a record that succeeds. Absent in journeys started before it existed: 0.
   */
  recordFailures?: number;
  pending: PendingChange | null;
  ticket: string | null;
  issuedAt: string | null;
  workerNotified: boolean | null;
  choices: ChoiceSet | null;
  error: ScreenError | null;
}

export function initialContext(input: RequestInput): RequestContext {
  return {
    acting: input.acting,
    introducedBy: input.introducedBy,
    openedOn: input.openedOn,
    fullLoads: input.fullLoads ?? DEFAULT_FULL_LOADS,
    selection: null,
    selected: null,
    recorded: false,
    recordFailures: 0,
    leave: null,
    form: null,
    answers: null,
    requestStatus: 'draft',
    statusReason: null,
    version: 0,
    pending: null,
    ticket: null,
    issuedAt: null,
    workerNotified: null,
    choices: null,
    error: null,
  };
}

/** The screen's error, with the details its text is written from (the API renders it in the caller's language). */
export function screenErrorOf(error: DomainError | ActorError | { code: string; message: string; details?: unknown }): ScreenError {
  return 'details' in error && error.details !== undefined ? { code: error.code, message: error.message, details: error.details } : { code: error.code, message: error.message };
}

// ---------------------------------------------------------------------------------------------------
// Worker selection

/** As PO the community and the school are required; in own-company mode there are none. */
export function selectionModeError(mode: Acting['mode'], selection: WorkerSelectionFields): ScreenError | null {
  if (mode === 'PO' && (selection.community === null || selection.school === null)) {
    return { code: 'SELECTION_INCOMPLETE', message: errorText('SELECTION_INCOMPLETE') };
  }
  if (mode === 'OWN_COMPANY' && (selection.community !== null || selection.school !== null)) {
    return { code: 'SELECTION_NOT_FOR_MODE', message: errorText('SELECTION_NOT_FOR_MODE') };
  }
  return null;
}

/** The leave stays chosen only when it is still open where the newly selected worker is. */
function keepsLeave(leave: LeaveCode | null, community: Community | null): boolean {
  return leave !== null && (community === null || isLeaveOpenIn(leave, community));
}

/** A newly checked worker: answers about another worker or school no longer apply. */
export function withSelectedWorker(context: RequestContext, selected: SelectedWorker): Partial<RequestContext> {
  const previous = context.selected;
  const sameRequest = previous !== null && previous.worker.niss === selected.worker.niss && previous.school?.number === selected.school?.number;
  if (sameRequest) return { selected };
  const leaveKept = keepsLeave(context.leave, selected.community);
  return { selected, answers: null, leave: leaveKept ? context.leave : null, form: leaveKept ? context.form : null };
}

/** The worker selection as the check takes it. */
export function workerCheckOf(context: RequestContext): CheckWorkerInput {
  const { selection, acting } = context;
  if (selection === null) throw new Error('No worker selection to check');
  const { community, school, niss, status } = selection;
  return { acting: { enterprise: acting.enterprise, mode: acting.mode }, community, school, niss, status };
}

/** The worker an accepted check selects, with what the user typed. */
export function selectedWorkerOf(selection: WorkerSelectionFields | null, output: CheckWorkerOutput): SelectedWorker {
  if (!output.ok || selection === null) throw new Error('Only an accepted worker check selects a worker');
  const { worker, school, occupation, employerCount } = output;
  return { community: school?.community ?? selection.community, school, worker, status: selection.status, email: selection.email, occupation, employerCount };
}

export const WORKER_SELECTED = 'Worker selected by the employer.';

/** SELECT_WORKER in one step (`recordWorkerSelection`): the check and what it records, from the context on entry. */
export function workerSelectionOf(context: RequestContext): WorkerSelectionInput {
  return { check: workerCheckOf(context), context };
}

/**
 * The draft's record once the check accepted the worker, at the version reserved on entry: the record
 * the step-by-step path writes after `selectWorker` and `prepareChange` (the activity and the machine
 * both compute it here).
 */
export function selectionRecordOf(context: RequestContext, checked: CheckWorkerOutput): RequestRecord {
  const selected = selectedWorkerOf(context.selection, checked);
  return requestRecordOf({ ...context, ...withSelectedWorker(context, selected), pending: { status: 'draft', reason: WORKER_SELECTED } });
}

// ---------------------------------------------------------------------------------------------------
// Leave choice and characteristics

export function communityOf(context: RequestContext): Community | null {
  return context.selected?.community ?? null;
}

export function leaveChoiceError(context: RequestContext, leave: LeaveCode, form: LeaveForm): ScreenError | null {
  const [first] = leaveChoiceErrors(leave, form, communityOf(context));
  return first ? screenErrorOf(first) : null;
}

function workerBirthDate(context: RequestContext): string | null {
  const worker = context.selected?.worker;
  if (!worker) return null;
  return worker.birthDate ?? (isValidNiss(worker.niss) ? nissBirthDate(worker.niss).date : null);
}

/** A newly chosen leave or form: the dates are kept only when the new leave still allows them. */
export function withLeave(context: RequestContext, leave: LeaveCode, form: LeaveForm): Partial<RequestContext> {
  const { answers } = context;
  if (answers === null || answers.start === null || answers.end === null || (leave === context.leave && form === context.form)) {
    return { leave, form };
  }
  const refused = [
    ...periodLimitErrors(leave, form, answers.start, answers.end),
    ...workerAgeFindings(leave, workerBirthDate(context), answers.start).errors,
  ];
  return { leave, form, answers: refused.length ? { ...answers, start: null, end: null } : answers };
}

export interface AnswersPayload {
  level?: EducationLevel;
  before: number;
  during: number;
  start: string;
  end: string;
  multipleEmployers: boolean;
  interruptsAllEmployers?: boolean;
}

/** The answers as given, the level defaulting to the worker's occupation; null when no level is known. */
export function answersOf(context: RequestContext, payload: AnswersPayload): RequestAnswers | null {
  const level = payload.level ?? context.selected?.occupation?.level;
  if (level === undefined) return null;
  const { before, during, start, end, multipleEmployers } = payload;
  return { level, before, during, start, end, multipleEmployers, interruptsAllEmployers: payload.interruptsAllEmployers ?? null };
}

function characteristicsOf(answers: RequestAnswers): CharacteristicsInput | null {
  if (answers.start === null || answers.end === null) return null;
  const { interruptsAllEmployers, ...rest } = answers;
  return { ...rest, start: answers.start, end: answers.end, ...(interruptsAllEmployers === null ? {} : { interruptsAllEmployers }) };
}

/** The domain's judgement of the whole draft, or null while leave, form or answers are missing. */
export function assessmentOf(context: RequestContext, answers = context.answers): RequestAssessment | null {
  const characteristics = answers && characteristicsOf(answers);
  if (context.leave === null || context.form === null || !characteristics) return null;
  return assessRequest(
    {
      community: communityOf(context),
      leave: context.leave,
      form: context.form,
      characteristics,
      workerBirthDate: workerBirthDate(context),
      ...(context.selected ? { knownEmployerCount: context.selected.employerCount } : {}),
    },
    { today: context.openedOn, fullLoads: context.fullLoads },
  );
}

/** The period to check against the worker's other requests; only once the answers are allowed. */
export function otherRequestsInputOf(context: RequestContext): OtherRequestsInput {
  const { selected, leave, form, answers } = context;
  if (selected === null || leave === null || form === null || answers?.start == null || answers.end === null) {
    throw new Error('The worker, the leave and the dates are known before the other requests are checked');
  }
  return { acting: { enterprise: context.acting.enterprise, mode: context.acting.mode }, niss: selected.worker.niss, leave, form, start: answers.start, end: answers.end };
}

const LEVEL_MISSING: ScreenError = { code: 'EDUCATION_LEVEL_MISSING', message: errorText('EDUCATION_LEVEL_MISSING') };

const DRAFT_INCOMPLETE: ScreenError = { code: 'DRAFT_INCOMPLETE', message: errorText('DRAFT_INCOMPLETE') };

/** The first refusal of the answers (leave, workload against the full load, dates, period limits, age), or null. */
export function answersError(context: RequestContext, answers: RequestAnswers | null): ScreenError | null {
  if (answers === null) return LEVEL_MISSING;
  const assessment = assessmentOf(context, answers);
  if (assessment === null) return DRAFT_INCOMPLETE;
  const [first] = assessment.errors;
  return first ? screenErrorOf(first) : null;
}

// ---------------------------------------------------------------------------------------------------
// Records

/** Who makes a status change, from the lifecycle's transitions; re-recording a draft is the employer's. */
export function changedBy(from: RequestStatus, to: RequestStatus): TransitionActor {
  return REQUEST_TRANSITIONS.find((t) => t.from === from && t.to === to)?.by ?? 'employer';
}

/** The record of the pending change (or of the current status) at the context's version. */
export function requestRecordOf(context: RequestContext): RequestRecord {
  const { selected, answers, pending } = context;
  if (selected === null) throw new Error('A request is recorded only once its worker is selected');
  const status = pending?.status ?? context.requestStatus;
  return {
    version: context.version,
    status,
    acting: { enterprise: context.acting.enterprise, mode: context.acting.mode },
    introducedBy: context.introducedBy,
    community: selected.community,
    school: selected.school?.number ?? null,
    worker: { niss: selected.worker.niss, lastName: selected.worker.lastName, firstName: selected.worker.firstName },
    workerStatus: selected.status,
    email: selected.email,
    leave: context.leave,
    form: context.form,
    start: answers?.start ?? null,
    end: answers?.end ?? null,
    ticket: context.ticket,
    reason: pending ? pending.reason : context.statusReason,
    by: changedBy(context.requestStatus, status),
    ...(pending?.agent ? { agent: pending.agent } : {}),
  };
}

/** Why a confirmed request became submitted: its first confirmation, or again after a correction (it has its ticket). */
export const CONFIRMED = 'Confirmed by the employer: all information is correct.';
export const CONFIRMED_AGAIN = 'Confirmed again by the employer after correction.';
/** Why a submitted request awaits the worker: the notice went out (or is queued with the submission). */
export const WORKER_NOTIFIED = 'The worker was notified to complete their part.';

export function confirmationReasonOf(context: RequestContext): string {
  return context.ticket ? CONFIRMED_AGAIN : CONFIRMED;
}

function withoutTicket({ ticket: _ticket, ...record }: RequestRecord): SubmissionRecord {
  return record;
}

/**
 * CONFIRM in one step (`submitRequest`): the admission of the period, then the submitted record and the
 * awaiting-the-worker record at the two versions the machine reserved on entry (context.version - 1 and
 * context.version), and the worker's notice — each as the step-by-step path would have written it.
 */
export function submissionOf(context: RequestContext): SubmitRequestInput {
  const { selected } = context;
  if (selected === null) throw new Error('A request is submitted only once its worker is selected');
  const reason = confirmationReasonOf(context);
  const submitted = requestRecordOf({ ...context, version: context.version - 1, pending: { status: 'submitted', reason } });
  const awaitingWorker = requestRecordOf({ ...context, requestStatus: 'submitted', statusReason: reason, pending: { status: 'awaiting_worker', reason: WORKER_NOTIFIED } });
  return {
    admit: otherRequestsInputOf(context),
    submitted: withoutTicket(submitted),
    awaitingWorker: withoutTicket(awaitingWorker),
    notice: { worker: submitted.worker, email: selected.email },
  };
}

export function summaryOf(context: RequestContext): RequestSummary {
  return { status: context.requestStatus, ticket: context.ticket, reason: context.statusReason };
}

// ---------------------------------------------------------------------------------------------------
// What a UI may see

function choicesOf(context: RequestContext) {
  const options = <C extends string>(codes: readonly C[], catalogue: Readonly<Record<C, { label: string }>>) =>
    codes.map((code) => ({ code, label: catalogue[code].label }));
  switch (context.choices) {
    case 'worker':
      return {
        communities: context.acting.mode === 'PO' ? options(COMMUNITY_CODES, COMMUNITIES) : [],
        workerStatuses: options(WORKER_STATUS_CODES, WORKER_STATUSES),
      };
    case 'leave': {
      const community = communityOf(context);
      return {
        leaves: LEAVE_CODES.filter((code) => community === null || isLeaveOpenIn(code, community)).map((code) => ({
          code,
          label: LEAVES[code].label,
          // A UI shows the leave screen's note (employerAgreement) beside the forms that need the agreement.
          forms: formsOf(code).map((form) => ({
            code: form,
            label: LEAVE_FORMS[form].label,
            requiresEmployerAgreement: formLimits(code, form)?.requiresEmployerAgreement === true,
          })),
        })),
      };
    }
    case 'questions':
      return {
        educationLevels: EDUCATION_LEVEL_CODES.map((code) => ({ code, label: EDUCATION_LEVELS[code].label, fullLoad: context.fullLoads[code] })),
      };
    default:
      return {};
  }
}

/** Given up, its fraction of the full load beside the chosen form's, and the occupation declaration. */
function derivedOf(context: RequestContext, assessment: RequestAssessment | null) {
  const characteristics = assessment?.characteristics;
  if (!characteristics || context.form === null) return null;
  const { fullLoad, before, during, givenUp, occupationDeclarationRequired } = characteristics;
  return {
    fullLoad,
    givenUp,
    fraction: computeWorkload({ fullLoad, before, during }).givenUpFraction,
    formFraction: LEAVE_FORMS[context.form].fraction,
    occupationDeclarationRequired,
  };
}

export function publicContextOf(context: RequestContext) {
  const { selected, answers } = context;
  const assessment = assessmentOf(context);
  return {
    acting: context.acting,
    introducedBy: context.introducedBy,
    openedOn: context.openedOn,
    requestStatus: context.requestStatus,
    statusReason: context.statusReason,
    ticket: context.ticket,
    issuedAt: context.issuedAt,
    selection: context.selection,
    community: selected?.community ?? null,
    school: selected?.school ? { number: selected.school.number, name: selected.school.name } : null,
    worker: selected ? { niss: selected.worker.niss, lastName: selected.worker.lastName, firstName: selected.worker.firstName } : null,
    workerStatus: selected?.status ?? null,
    email: selected?.email ?? null,
    workerNotified: context.workerNotified,
    leave: context.leave,
    form: context.form,
    /** Prefill of the questions from the worker's occupation. */
    questionDefaults: selected && {
      level: selected.occupation?.level ?? null,
      before: selected.occupation?.periodsPerWeek ?? null,
      multipleEmployers: selected.employerCount > 1,
    },
    answers,
    derived: derivedOf(context, assessment),
    // The details let the API write each warning in the caller's language from the catalogue.
    warnings: (assessment?.warnings ?? []).map(({ code, message, details }) => ({ code, message, ...(details ? { details } : {}) })),
    error: context.error,
    choices: choicesOf(context),
  };
}

export type RequestPublicContext = ReturnType<typeof publicContextOf>;
