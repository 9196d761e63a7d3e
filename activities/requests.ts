/** Activities of the request journey: the worker check, the read model, the ticket, the worker's notice. */
import { Context } from '@temporalio/activity';
import type {
  CheckWorkerInput,
  CheckWorkerOutput,
  IssueTicketOutput,
  NotifyWorkerInput,
  NotifyWorkerOutput,
  RecordRequestOutput,
  RequestRecord,
} from '../machines/request';
import { appendAudit } from '../store/audit';
import type { Db } from '../store/db';
import { findSchool } from '../store/organisations';
import { upsertRequest } from '../store/requests';
import { issueTicket as issueStoredTicket } from '../store/tickets';
import { findOccupation, findOwnStaffMember, findWorker, isWorkerRegisteredInCommunity, listOccupations } from '../store/workers';

function journeyId(): string {
  const id = Context.current().info.workflowExecution?.workflowId;
  if (!id) throw new Error('request activities run inside a request journey');
  return id;
}

export function createRequestActivities(db: Db) {
  return {
    /** As PO: the school is one of the PO's, in that community; the worker is registered there and occupied in it. */
    async checkWorker(input: CheckWorkerInput): Promise<CheckWorkerOutput> {
      const worker = await findWorker(db, input.niss);
      if (input.acting.mode === 'OWN_COMPANY') {
        const staff = worker && (await findOwnStaffMember(db, input.acting.enterprise, input.niss));
        if (!worker || !staff) return { ok: false, code: 'NOT_OWN_STAFF', message: 'This NISS is not one of the enterprise’s own staff' };
        return { ok: true, worker: { niss: worker.niss, lastName: worker.lastName, firstName: worker.firstName, birthDate: worker.birthDate }, school: null, occupation: null, employerCount: 1 };
      }
      const school = input.school ? await findSchool(db, input.school) : null;
      if (!school) return { ok: false, code: 'UNKNOWN_SCHOOL', message: 'No school is known under this number' };
      if (school.poEnterpriseNumber !== input.acting.enterprise) {
        return { ok: false, code: 'SCHOOL_OF_ANOTHER_PO', message: 'This school does not belong to the organising authority you act for' };
      }
      if (school.communityCode !== input.community) {
        return { ok: false, code: 'SCHOOL_IN_OTHER_COMMUNITY', message: `This school is under the community ${school.communityCode}, not ${String(input.community)}` };
      }
      if (!worker) return { ok: false, code: 'UNKNOWN_WORKER', message: 'No staff member is known under this NISS' };
      if (!(await isWorkerRegisteredInCommunity(db, worker.niss, school.communityCode))) {
        return { ok: false, code: 'WORKER_NOT_REGISTERED_IN_COMMUNITY', message: 'The staff member is not registered under this community’s enterprise number' };
      }
      const occupation = await findOccupation(db, worker.niss, school.schoolNumber);
      if (!occupation) return { ok: false, code: 'WORKER_NOT_OCCUPIED_IN_SCHOOL', message: 'The staff member is not occupied in this school' };
      const employers = new Set((await listOccupations(db, worker.niss)).map((o) => o.schoolNumber));
      return {
        ok: true,
        worker: { niss: worker.niss, lastName: worker.lastName, firstName: worker.firstName, birthDate: worker.birthDate },
        school: { number: school.schoolNumber, name: school.name, community: school.communityCode },
        occupation: { level: occupation.level, periodsPerWeek: occupation.periodsPerWeek },
        employerCount: employers.size,
      };
    },

    /** Idempotent by version: a retried or late write never takes the overview back in time. */
    async recordRequest(record: RequestRecord): Promise<RecordRequestOutput> {
      const id = journeyId();
      await db.transaction(async (tx) => {
        const { applied } = await upsertRequest(tx, {
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
        });
        if (applied) {
          await appendAudit(tx, {
            actor: record.by === 'employer' ? record.introducedBy : (record.agent ?? record.by),
            action: `request.${record.status}`,
            subject: `request:${id}`,
            details: { version: record.version, by: record.by, agent: record.agent ?? null, reason: record.reason, ticket: record.ticket },
          });
        }
      });
      return { version: record.version };
    },

    async issueTicket(): Promise<IssueTicketOutput> {
      const ticket = await issueStoredTicket(db, journeyId());
      return { ticket, issuedAt: new Date().toISOString() };
    },

    /** No mail service is wired in yet: the notice goes to the audit log, which a mailer can read as an outbox. */
    async notifyWorker({ ticket, worker, email }: NotifyWorkerInput): Promise<NotifyWorkerOutput> {
      await appendAudit(db, {
        actor: 'system',
        action: 'worker.notified',
        subject: `request:${journeyId()}`,
        details: { ticket, niss: worker.niss, channel: email ? 'email' : 'post', email },
      });
      return { notified: true };
    },
  };
}
