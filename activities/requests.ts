/**
 * Activities of the request journey: the worker check, the rules across the worker's requests, the
 * read model, the ticket, the worker's notice. A business refusal is thrown (see ./errors.ts, `refuse`).
 */
import { Context } from '@temporalio/activity';
import { otherRequestsRefusal, maximumUsage, type CountedRequest } from '../domain';
import type {
  AdmitRequestInput,
  AdmitRequestOutput,
  CheckedWorker,
  CheckWorkerInput,
  IssueTicketOutput,
  OtherRequestsInput,
  OtherRequestsOutput,
  NotifyWorkerInput,
  NotifyWorkerOutput,
  RecordRequestOutput,
  RequestRecord,
  SubmitRequestInput,
  SubmitRequestOutput,
  WorkerSelectionInput,
  WorkerSelectionOutput,
} from '../machines/request';
import { selectionRecordOf } from '../machines/request/context';
import { appendAudit } from '../store/audit';
import type { Db } from '../store/db';
import { listCountedRequestsOfWorker, lockRequestsOfWorker, setAdmittedPeriod, upsertRequest } from '../store/requests';
import { issueTicket as issueStoredTicket } from '../store/tickets';
import { findOwnStaffMember, findWorker, poSelectionFacts } from '../store/workers';
import { refuse } from './errors';
import { WORKER_PART_PATH } from './worker-part';

function journeyId(): string {
  const id = Context.current().info.workflowExecution?.workflowId;
  if (!id) throw new Error('request activities run inside a request journey');
  return id;
}

export function createRequestActivities(db: Db) {
  const activities = {
    /**
     * As PO: the school is one of the PO's, in that community; the worker is registered there and occupied in it.
     * Need to know: a NISS that is not a worker of one of the PO's schools gets one refusal (UNKNOWN_WORKER),
     * whether nobody, another PO's teacher or a teacher of another community bears it; the community and the
     * school are told only about the PO's own staff.
     */
    async checkWorker(input: CheckWorkerInput): Promise<CheckedWorker> {
      if (input.acting.mode === 'OWN_COMPANY') {
        const worker = await findWorker(db, input.niss);
        const staff = worker && (await findOwnStaffMember(db, input.acting.enterprise, input.niss));
        if (!worker || !staff) throw refuse('NOT_OWN_STAFF');
        return { ok: true, worker: { niss: worker.niss, lastName: worker.lastName, firstName: worker.firstName, birthDate: worker.birthDate }, school: null, occupation: null, employerCount: 1 };
      }
      if (!input.school) throw refuse('UNKNOWN_SCHOOL');
      // Everything the rules below look at, in one round trip; they refuse in the same order as ever.
      const facts = await poSelectionFacts(db, input.niss, input.school, input.acting.enterprise);
      const { worker, school, occupation } = facts;
      if (!school) throw refuse('UNKNOWN_SCHOOL');
      if (school.poEnterpriseNumber !== input.acting.enterprise) {
        throw refuse('SCHOOL_OF_ANOTHER_PO');
      }
      if (school.communityCode !== input.community) {
        throw refuse('SCHOOL_IN_OTHER_COMMUNITY', { community: input.community, schoolCommunity: school.communityCode });
      }
      if (!worker || !facts.occupiedByPo) throw refuse('UNKNOWN_WORKER');
      if (!facts.registeredInSchoolCommunity) throw refuse('WORKER_NOT_REGISTERED_IN_COMMUNITY');
      if (!occupation) throw refuse('WORKER_NOT_OCCUPIED_IN_SCHOOL');
      return {
        ok: true,
        worker: { niss: worker.niss, lastName: worker.lastName, firstName: worker.firstName, birthDate: worker.birthDate },
        school: { number: school.schoolNumber, name: school.name, community: school.communityCode },
        occupation: { level: occupation.level, periodsPerWeek: occupation.periodsPerWeek },
        employerCount: facts.employerCount,
      };
    },

    /**
     * At SELECT_WORKER, in one activity: the check (a refusal is thrown as checkWorker throws it, nothing
     * written), then the draft's record with the accepted worker — the record the machine would write
     * after it, computed by the same function. Idempotent: a retry checks again and writes nothing twice.
     */
    async recordWorkerSelection({ check, context }: WorkerSelectionInput): Promise<WorkerSelectionOutput> {
      const checked = await activities.checkWorker(check);
      const record = selectionRecordOf(context, checked);
      const id = journeyId();
      await db.transaction((tx) => writeRecord(tx, id, record));
      return { checked, version: record.version };
    },

    /** Early, when the questions are answered: the same rules as at CONFIRM, without a lock (nothing is written). */
    async checkOtherRequests(input: OtherRequestsInput): Promise<OtherRequestsOutput> {
      const others = await countedRequests(db, input, journeyId());
      const refusal = otherRequestsRefusal(input, others);
      if (refusal) throw refuse(refusal.code, refusal.details);
      const usage = maximumUsage(input, others);
      return { counted: others.length, monthsUsed: usage?.monthsUsed ?? null, monthsLeft: usage?.monthsLeft ?? null };
    },

    /**
     * At CONFIRM: the rules again and the ticket, in one transaction that holds the worker's lock, so
     * that of two confirmations at once for the same worker the second sees the first. A retry after a
     * commit finds the journey's own ticket (its own row is never counted against it).
     */
    async admitRequest(input: AdmitRequestInput): Promise<AdmitRequestOutput> {
      const id = journeyId();
      return db.transaction((tx) => admit(tx, id, input));
    },

    /**
     * At CONFIRM, in one transaction: the admission (as admitRequest), the submitted record, the
     * worker's notice and the awaiting-the-worker record. A refusal or a failure writes none of it; a
     * retry after a commit finds the journey's own ticket and writes nothing twice (records by version,
     * the notice with the record it belongs to).
     */
    async submitRequest(input: SubmitRequestInput): Promise<SubmitRequestOutput> {
      const id = journeyId();
      return db.transaction(async (tx) => {
        const admitted = await admit(tx, id, input.admit);
        const { ticket } = admitted;
        await writeRecord(tx, id, { ...input.submitted, ticket });
        // The notice is queued only with the record it belongs to (a retry after a commit adds none).
        if (await writeRecord(tx, id, { ...input.awaitingWorker, ticket })) await queueNotice(tx, id, { ticket, ...input.notice });
        return { ...admitted, version: input.awaitingWorker.version, notified: true };
      });
    },

    /** Idempotent by version: a retried or late write never takes the overview back in time. */
    async recordRequest(record: RequestRecord): Promise<RecordRequestOutput> {
      const id = journeyId();
      await db.transaction((tx) => writeRecord(tx, id, record));
      return { version: record.version };
    },

    async issueTicket(): Promise<IssueTicketOutput> {
      const ticket = await issueStoredTicket(db, journeyId());
      return { ticket, issuedAt: new Date().toISOString() };
    },

    /**
     * No mail service is wired in yet: the notice goes to the audit log, which a mailer can read as an
     * outbox. It points the worker to their part in the web application (`path`, under the service's
     * address), at the e-mail address given at selection when there is one.
     */
    async notifyWorker(notice: NotifyWorkerInput): Promise<NotifyWorkerOutput> {
      await queueNotice(db, journeyId(), notice);
      return { notified: true };
    },
  };
  return activities;
}

/** The rules again and the ticket, under the worker's lock: of two confirmations at once, the second sees the first. */
async function admit(tx: Db, id: string, input: AdmitRequestInput): Promise<AdmitRequestOutput> {
  await lockRequestsOfWorker(tx, input.niss);
  const others = await countedRequests(tx, input, id);
  const refusal = otherRequestsRefusal(input, others);
  if (refusal) throw refuse(refusal.code, refusal.details);
  const ticket = await issueStoredTicket(tx, id);
  const period = { ticket, leaveCode: input.leave, leaveForm: input.form, startDate: input.start, endDate: input.end };
  // The draft's record (worker selected) precedes any confirmation; without it nothing could count this ticket.
  if (!(await setAdmittedPeriod(tx, id, period))) throw new Error(`No request is recorded for journey ${id}: its draft must be recorded first.`);
  return { ticket, issuedAt: new Date().toISOString() };
}

/** The overview's row at the record's version, and its audit entry; false when a later version was there already. */
async function writeRecord(tx: Db, id: string, record: RequestRecord): Promise<boolean> {
  const { applied } = await upsertRequest(
    tx,
    {
      journeyId: id,
      version: record.version,
      status: record.status,
      actingEnterprise: record.acting.enterprise,
      actingMode: record.acting.mode,
      communityCode: record.community,
      schoolNumber: record.school,
      workerNiss: record.worker.niss,
      workerName: `${record.worker.lastName} ${record.worker.firstName}`,
      workerStatus: record.workerStatus,
      leaveCode: record.leave,
      leaveForm: record.form,
      startDate: record.start,
      endDate: record.end,
      ticket: record.ticket,
      introducedBy: record.introducedBy,
    },
    // Written in the same statement, only when the row changed.
    {
      actor: record.by === 'employer' ? record.introducedBy : (record.agent ?? record.by),
      action: `request.${record.status}`,
      subject: `request:${id}`,
      details: { version: record.version, by: record.by, agent: record.agent ?? null, reason: record.reason, ticket: record.ticket },
    },
  );
  return applied;
}

/**
 * No mail service is wired in yet: the notice goes to the audit log, which a mailer can read as an
 * outbox. It points the worker to their part in the web application (`path`, under the service's
 * address), at the e-mail address given at selection when there is one.
 */
async function queueNotice(db: Db, id: string, { ticket, worker, email }: NotifyWorkerInput): Promise<void> {
  await appendAudit(db, {
    actor: 'system',
    action: 'worker.notified',
    subject: `request:${id}`,
    details: { ticket, niss: worker.niss, channel: email ? 'email' : 'post', email, path: WORKER_PART_PATH },
  });
}

/** The worker's other requests that count; another PO's keep no ticket (a user never sees another tenant's). */
async function countedRequests(db: Db, input: OtherRequestsInput, exceptJourneyId: string): Promise<CountedRequest[]> {
  const rows = await listCountedRequestsOfWorker(db, input.niss, exceptJourneyId);
  return rows.map((row) => ({
    ticket: row.actingEnterprise === input.acting.enterprise ? row.ticket : null,
    leave: row.leaveCode,
    form: row.leaveForm,
    start: row.startDate,
    end: row.endDate,
  }));
}
