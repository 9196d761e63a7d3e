/**
 * Activities of the worker's part: the requests about the signed-in worker, what the employer declared
 * in one of them, and the completion of their part, which moves the request journey on. Every one of
 * them checks in the store that the request is about the worker: the machine's own check is not the
 * last line of defence. A business refusal is thrown (see ./errors.ts, `refuse`).
 */
import { ApplicationFailure, Context } from '@temporalio/activity';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { JourneyView } from '../machines/journey';
import type { RequestPublicContext } from '../machines/request';
import type {
  CompleteWorkerPartInput,
  CompleteWorkerPartOutput,
  DeclaredRequest,
  LoadDeclaredRequestInput,
  LoadDeclaredRequestOutput,
  LoadRequestsOfWorkerInput,
  LoadRequestsOfWorkerOutput,
  RequestOfWorker,
} from '../machines/worker-part';
import type { Db } from '../store/db';
import { findRequestAboutWorker, listRequestsAboutWorker, type RequestAboutWorkerRow } from '../store/requests';
import { refuse } from './errors';

/** Where the worker completes their part in the web application the service serves at `/`. */
export const WORKER_PART_PATH = '/worker';

// The request journey's messages by name (workflows/messages.ts: `sendEvent`, `viewQuery`); an activity
// may not import workflow code, so they are named here.
const SEND_UPDATE = 'send';
const VIEW_QUERY = 'view';

/** The refusals of a journey's Update validator: the event does not fit the request's state (any more). */
const NOT_TAKEN = new Set(['EVENT_NOT_ALLOWED', 'EVENT_INVALID']);

function workerPartJourneyId(): string {
  const id = Context.current().info.workflowExecution?.workflowId;
  if (!id) throw new Error('worker-part activities run inside a worker-part journey');
  return id;
}

function requestOfWorker(row: RequestAboutWorkerRow): RequestOfWorker {
  return {
    ticket: row.ticket,
    status: row.status,
    employer: { enterprise: row.actingEnterprise, name: row.employerName ?? row.actingEnterprise },
    school: row.schoolNumber ? { number: row.schoolNumber, name: row.schoolName ?? row.schoolNumber } : null,
    leave: row.leaveCode,
    form: row.leaveForm,
    start: row.startDate,
    end: row.endDate,
    updatedAt: row.updatedAt,
  };
}

/** What the employer answered, from the request journey's own view (the read model keeps no workload). */
async function declaredAnswers(journeyId: string): Promise<Pick<DeclaredRequest, 'workload' | 'occupationDeclarationRequired' | 'email'> | null> {
  let view: JourneyView;
  try {
    view = await Context.current().client.workflow.getHandle(journeyId).query<JourneyView>(VIEW_QUERY);
  } catch (err) {
    // A request journey that has ended answers no more: the store's fields are what there is.
    if (err instanceof WorkflowNotFoundError) return null;
    throw err;
  }
  const context = view.context as Partial<RequestPublicContext>;
  const { answers, derived } = context;
  return {
    workload: answers
      ? {
          level: answers.level,
          before: answers.before,
          during: answers.during,
          givenUp: derived?.givenUp ?? answers.before - answers.during,
          multipleEmployers: answers.multipleEmployers,
          interruptsAllEmployers: answers.interruptsAllEmployers,
        }
      : null,
    occupationDeclarationRequired: derived?.occupationDeclarationRequired ?? null,
    email: context.email ?? null,
  };
}

export function createWorkerPartActivities(db: Db) {
  /** The request with this ticket, if it is about the worker and awaits their part; refused otherwise. */
  async function awaitedRequest(niss: string, ticket: string): Promise<RequestAboutWorkerRow> {
    const row = await findRequestAboutWorker(db, niss, ticket);
    // Another person's request and an unknown ticket get the same answer: nothing about others leaks.
    if (!row || row.status !== 'awaiting_worker') throw refuse('WORKER_PART_NOT_AWAITED', { ticket });
    return row;
  }

  return {
    async loadRequestsOfWorker({ niss }: LoadRequestsOfWorkerInput): Promise<LoadRequestsOfWorkerOutput> {
      return (await listRequestsAboutWorker(db, niss)).map(requestOfWorker);
    },

    async loadDeclaredRequest({ niss, ticket }: LoadDeclaredRequestInput): Promise<LoadDeclaredRequestOutput> {
      const row = await awaitedRequest(niss, ticket);
      const answers = await declaredAnswers(row.journeyId);
      return {
        ...requestOfWorker(row),
        community: row.communityCode,
        workerStatus: row.workerStatus,
        workload: answers?.workload ?? null,
        occupationDeclarationRequired: answers?.occupationDeclarationRequired ?? null,
        email: answers?.email ?? null,
      };
    },

    /**
     * Sends WORKER_PART_COMPLETED to the request journey (its Update `send`, as the back-office did) and
     * returns the request as it is once the journey has recorded the change. The update id is this
     * journey's, the ticket's and the attempt's: a retried activity gets the first answer again and the
     * event is applied once; the request journey itself refuses the event once its part is no longer
     * awaited (a second completion, a withdrawal meanwhile).
     */
    async completeWorkerPart({ niss, ticket, attempt }: CompleteWorkerPartInput): Promise<CompleteWorkerPartOutput> {
      const row = await findRequestAboutWorker(db, niss, ticket);
      if (!row) throw refuse('WORKER_PART_NOT_AWAITED', { ticket });
      const handle = Context.current().client.workflow.getHandle(row.journeyId);
      let view: JourneyView;
      try {
        view = await handle.executeUpdate<JourneyView, [{ type: string; agent: string }]>(SEND_UPDATE, {
          args: [{ type: 'WORKER_PART_COMPLETED', agent: 'worker' }],
          updateId: `${workerPartJourneyId()}:${ticket}:${attempt}`,
        });
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) throw refuse('WORKER_PART_NOT_AWAITED', { ticket });
        if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && NOT_TAKEN.has(err.cause.type ?? '')) {
          throw refuse('WORKER_PART_NOT_AWAITED', { ticket });
        }
        throw err;
      }
      const context = view.context as Partial<RequestPublicContext>;
      if (context.requestStatus !== 'in_processing') {
        // The event was taken but its record failed: the request awaits the worker again. The same update
        // id would only give this answer back, so the worker confirms again (a new attempt).
        throw refuse('SERVICE_UNAVAILABLE');
      }
      return { ticket, status: context.requestStatus, statusReason: context.statusReason ?? null };
    },
  };
}
