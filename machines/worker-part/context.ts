/**
 * The worker's part's context and the pure functions over it: the worker's requests, the one chosen,
 * the outcome, and what a UI may see. No I/O: the machine calls these.
 */
import { errorText } from '../../domain/error-catalogue';
import type { ScreenError } from '../actors';
import type { CompleteWorkerPartOutput, DeclaredRequest, RequestOfWorker, WorkerPartOutput } from './contracts';
import type { WorkerPartInput } from './events';

export type { ScreenError } from '../actors';

export interface WorkerPartContext {
  /** The signed-in worker (from the verified token). */
  niss: string;
  /** Every introduced request about the worker, as last loaded. */
  requests: RequestOfWorker[];
  /** The ticket chosen. */
  ticket: string | null;
  /** What the employer declared in the chosen request. */
  declared: DeclaredRequest | null;
  /** Confirmations sent so far (each one a new update id for the request journey). */
  attempts: number;
  /** The request after the worker's part: its status and the reason the request journey recorded. */
  completion: CompleteWorkerPartOutput | null;
  error: ScreenError | null;
}

export function initialContext(input: WorkerPartInput): WorkerPartContext {
  return { niss: input.niss, requests: [], ticket: null, declared: null, attempts: 0, completion: null, error: null };
}

/** Whether the ticket is one of the worker's requests that awaits their part, as last loaded. */
export function awaitsMyPart(requests: readonly RequestOfWorker[], ticket: string): boolean {
  return requests.some((r) => r.ticket === ticket && r.status === 'awaiting_worker');
}

/** CHOOSE_REQUEST of a ticket that is not about the worker, or whose part is not awaited. */
export function notAwaitedError(ticket: string): ScreenError {
  return { code: 'WORKER_PART_NOT_AWAITED', message: errorText('WORKER_PART_NOT_AWAITED', { ticket }), details: { ticket } };
}

export function completeWorkerPartInputOf(context: WorkerPartContext) {
  if (context.ticket === null) throw new Error('A request is chosen before the worker’s part is confirmed');
  return { niss: context.niss, ticket: context.ticket, attempt: context.attempts };
}

/** The machine's output: the request and its status once the part is done; null when the session expired. */
export function outputOf(context: WorkerPartContext): WorkerPartOutput | null {
  return context.completion && { ticket: context.completion.ticket, status: context.completion.status };
}

/**
 * What a UI may see: the worker's requests (those awaiting their part can be chosen), the one chosen
 * and what its employer declared, and the outcome. `requestStatus` and `statusReason` are the chosen
 * request's, at the top so that the API writes the reason in the caller's language.
 */
export function publicContextOf(context: WorkerPartContext) {
  return {
    requests: context.requests.map((r) => ({ ...r, awaitsMyPart: r.status === 'awaiting_worker' })),
    ticket: context.ticket,
    request: context.declared,
    requestStatus: context.completion?.status ?? context.declared?.status ?? null,
    statusReason: context.completion?.statusReason ?? null,
    error: context.error,
  };
}
export type WorkerPartPublicContext = ReturnType<typeof publicContextOf>;
