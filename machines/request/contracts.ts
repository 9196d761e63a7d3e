/**
 * The contracts of the request journey's actors: the activities of the same names take exactly these
 * inputs and return these outputs (the lead implements them in activities/).
 */
import type { ActingMode, Community, EducationLevel, LeaveCode, LeaveForm, RequestStatus, TransitionActor, WorkerStatus } from '../../domain';
import type { RequestContext } from './context';

export interface Acting {
  /** The enterprise the user is connected with: the PO, or the company in own-company mode. */
  enterprise: string;
  mode: ActingMode;
}

export interface WorkerIdentity {
  niss: string;
  lastName: string;
  firstName: string;
}

export interface School {
  /** Enterprise or establishment-unit number (10 digits). */
  number: string;
  name: string;
  community: Community;
}

export interface Occupation {
  level: EducationLevel;
  periodsPerWeek: number;
}

// ---------------------------------------------------------------------------------------------------
// checkWorker: the school is one of the PO's in that community, the worker registered and occupied there
// (or, in own-company mode, one of the enterprise's own staff).

export interface CheckWorkerInput {
  acting: Acting;
  /** null in own-company mode. */
  community: Community | null;
  /** null in own-company mode. */
  school: string | null;
  niss: string;
  status: WorkerStatus;
}

export type WorkerCheckRefusal =
  | 'UNKNOWN_SCHOOL'
  | 'SCHOOL_OF_ANOTHER_PO'
  | 'SCHOOL_IN_OTHER_COMMUNITY'
  | 'UNKNOWN_WORKER'
  | 'WORKER_NOT_REGISTERED_IN_COMMUNITY'
  | 'WORKER_NOT_OCCUPIED_IN_SCHOOL'
  | 'NOT_OWN_STAFF';

/** The worker the check accepts. A refusal is thrown (a non-retryable failure whose type is its code). */
export interface CheckedWorker {
  ok: true;
  worker: WorkerIdentity & { birthDate: string | null };
  school: School | null;
  occupation: Occupation | null;
  /** Employers the service knows of: the distinct (PO, community) pairs of the worker's occupations. */
  employerCount: number;
}

/**
 * How the check answered a refusal before refusals were thrown: histories recorded then hold it as the
 * activity's result, and the machine still reads it when it replays them.
 */
export interface LegacyWorkerCheckRefusal {
  ok: false;
  code: WorkerCheckRefusal;
  message: string;
}

export type CheckWorkerOutput = CheckedWorker | LegacyWorkerCheckRefusal;

// ---------------------------------------------------------------------------------------------------
// recordWorkerSelection (at SELECT_WORKER, in runs with the one-step selection): checkWorker, then the
// draft's record of the request with the accepted worker, computed from the journey's context as the
// machine computes it (`selectionRecordOf`). A refusal is thrown as checkWorker throws it, nothing written.

export interface WorkerSelectionInput {
  check: CheckWorkerInput;
  /** The journey's context on entry to the step: its selection, and the version reserved for the record. */
  context: RequestContext;
}

export interface WorkerSelectionOutput {
  checked: CheckedWorker;
  /** The version of the draft's record written. */
  version: number;
}

// ---------------------------------------------------------------------------------------------------
// checkOtherRequests (when the questions are answered) and admitRequest (at CONFIRM): the period against
// the worker's other requests of every PO (overlap of the same leave, career and per-leave maxima). A
// refusal is thrown with its rule's code (REQUEST_PERIOD_OVERLAP, CAREER_MAXIMUM_EXCEEDED,
// LEAVE_MAXIMUM_EXCEEDED) and details with the months used and left. admitRequest checks again and issues
// the ticket in one transaction locked on the worker, so two confirmations cannot both pass.

export interface OtherRequestsInput {
  acting: Acting;
  niss: string;
  leave: LeaveCode;
  form: LeaveForm;
  start: string;
  end: string;
}

export interface OtherRequestsOutput {
  /** Other requests of the worker that count (every PO). */
  counted: number;
  /** Of the requested form's maximum, before this request; null when the form has none. */
  monthsUsed: number | null;
  monthsLeft: number | null;
}

export type AdmitRequestInput = OtherRequestsInput;

// ---------------------------------------------------------------------------------------------------
// recordRequest: upserts the overview's read model, idempotent by version (the journey id comes from Temporal).

export interface RequestRecord {
  version: number;
  status: RequestStatus;
  acting: Acting;
  introducedBy: string;
  community: Community | null;
  school: string | null;
  worker: WorkerIdentity;
  workerStatus: WorkerStatus;
  email: string | null;
  leave: LeaveCode | null;
  form: LeaveForm | null;
  start: string | null;
  end: string | null;
  ticket: string | null;
  reason: string | null;
  by: TransitionActor;
  /** The back-office agent, for their changes. */
  agent?: string | null;
}

export interface RecordRequestOutput {
  version: number;
}

// ---------------------------------------------------------------------------------------------------
// issueTicket: the same ticket for the same journey, however often called.

export type IssueTicketInput = Record<string, never>;

export interface IssueTicketOutput {
  ticket: string;
  /** ISO timestamp. */
  issuedAt: string;
}

/** The journey's ticket (the same one when it had one already), issued once the period is admitted. */
export type AdmitRequestOutput = IssueTicketOutput;

// ---------------------------------------------------------------------------------------------------
// notifyWorker: tells the worker to complete their part (e-mail when known).

export interface NotifyWorkerInput {
  ticket: string;
  worker: WorkerIdentity;
  email: string | null;
}

export interface NotifyWorkerOutput {
  notified: boolean;
}

// ---------------------------------------------------------------------------------------------------
// submitRequest (at CONFIRM, in runs with the one-step submission): admitRequest, the submitted record,
// the worker's notice and the awaiting-the-worker record, in one transaction locked on the worker. Either
// all of it is written or none of it: a refusal or an outage leaves the request on its confirmation page
// as it was. The records carry no ticket: the activity writes the one it admits (the journey's own one
// when it had one already).

export type SubmissionRecord = Omit<RequestRecord, 'ticket'>;

export interface SubmitRequestInput {
  admit: AdmitRequestInput;
  /** The submission, at the first of the two versions the machine reserved. */
  submitted: SubmissionRecord;
  /** Awaiting the worker, at the second. */
  awaitingWorker: SubmissionRecord;
  /** To whom the notice goes. */
  notice: Omit<NotifyWorkerInput, 'ticket'>;
}

export interface SubmitRequestOutput extends AdmitRequestOutput {
  /** The version of the last record written (awaiting the worker). */
  version: number;
  notified: boolean;
}

// ---------------------------------------------------------------------------------------------------
// What a finished request journey returns.

export interface RequestSummary {
  status: RequestStatus;
  ticket: string | null;
  /** Why the last status change happened. */
  reason: string | null;
}
