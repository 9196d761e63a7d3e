/**
 * The contracts of the worker's part: the activities of the same names take exactly these inputs and
 * return these outputs (activities/worker-part.ts implements them). The worker is always the signed-in
 * person: every input names them, and every activity checks that the request is about them.
 */
import type { Community, EducationLevel, LeaveCode, LeaveForm, RequestStatus, WorkerStatus } from '../../domain';

/** A request about the worker, as the list of their requests shows it (introduced ones only: a ticket). */
export interface RequestOfWorker {
  ticket: string;
  status: RequestStatus;
  /** The employer who introduced it: the PO (or the company, for its own staff). */
  employer: { enterprise: string; name: string };
  school: { number: string; name: string } | null;
  leave: LeaveCode | null;
  form: LeaveForm | null;
  start: string | null;
  end: string | null;
  /** ISO timestamp of the last status change. */
  updatedAt: string;
}

// ---------------------------------------------------------------------------------------------------
// loadRequestsOfWorker: every introduced request about the worker, of every PO, newest first.

export interface LoadRequestsOfWorkerInput {
  niss: string;
}
export type LoadRequestsOfWorkerOutput = RequestOfWorker[];

// ---------------------------------------------------------------------------------------------------
// loadDeclaredRequest: what the employer declared in one request about the worker that awaits their
// part. Refused (WORKER_PART_NOT_AWAITED) when the ticket is not about them or their part is not awaited.

export interface LoadDeclaredRequestInput {
  niss: string;
  ticket: string;
}

/** The employer's answers to the questions, in periods (never hours). */
export interface DeclaredWorkload {
  level: EducationLevel;
  before: number;
  during: number;
  givenUp: number;
  multipleEmployers: boolean;
  interruptsAllEmployers: boolean | null;
}

export interface DeclaredRequest extends RequestOfWorker {
  community: Community | null;
  workerStatus: WorkerStatus;
  /** Null when the request journey no longer answers (the store keeps no workload). */
  workload: DeclaredWorkload | null;
  /** The interruption is with one employer only: the worker also sends an occupation declaration to their ONEM office. */
  occupationDeclarationRequired: boolean | null;
  /** The e-mail address the employer gave at selection, where the notice was sent. */
  email: string | null;
}

export type LoadDeclaredRequestOutput = DeclaredRequest;

// ---------------------------------------------------------------------------------------------------
// completeWorkerPart: moves the request to `in_processing` (the request journey's WORKER_PART_COMPLETED).

export interface CompleteWorkerPartInput {
  niss: string;
  ticket: string;
  /**
   * Which confirmation of this journey it is (1, 2, …): with the journey id and the ticket it makes
   * the update id, so the activity's own retries apply the event once, and a later confirmation (after
   * a failed one) is a new attempt.
   */
  attempt: number;
}

export interface CompleteWorkerPartOutput {
  ticket: string;
  status: RequestStatus;
  /** The reason the request journey recorded, as it wrote it (the API localises it). */
  statusReason: string | null;
}

/** What a finished worker's part returns: the request and its status; null when the session expired. */
export interface WorkerPartOutput {
  ticket: string;
  status: RequestStatus;
}
