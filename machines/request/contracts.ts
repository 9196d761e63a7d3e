/**
 * The contracts of the request journey's actors: the activities of the same names take exactly these
 * inputs and return these outputs (the lead implements them in activities/).
 */
import type { ActingMode, Community, EducationLevel, LeaveCode, LeaveForm, RequestStatus, TransitionActor, WorkerStatus } from '../../domain';

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

export type CheckWorkerOutput =
  | {
      ok: true;
      worker: WorkerIdentity & { birthDate: string | null };
      school: School | null;
      occupation: Occupation | null;
      employerCount: number;
    }
  | { ok: false; code: WorkerCheckRefusal; message: string };

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
// What a finished request journey returns.

export interface RequestSummary {
  status: RequestStatus;
  ticket: string | null;
  /** Why the last status change happened. */
  reason: string | null;
}
