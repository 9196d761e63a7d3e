/**
 * The worker's part's start input and events as zod schemas: the API and the host parse every payload
 * with these before the machine sees it. The worker is the caller: no event names a person.
 */
import { z } from 'zod';
import { fieldRule, nissSchema } from '../../domain';
import { signal, type EventOf } from '../journey';

/** Filled by the API from the verified token: the worker is the signed-in person, never a field of a body. */
export const workerPartInputSchema = z.object({ niss: nissSchema });
export interface WorkerPartInput {
  /** The signed-in person: the worker whose requests are shown. */
  niss: string;
}

/** A request's ticket, as issued at confirmation (store/tickets.ts): BAW-<year>-<sequence>. */
export const ticketSchema = z
  .string(fieldRule('TICKET_FORMAT'))
  .trim()
  .toUpperCase()
  .regex(/^BAW-\d{4}-\d{6,}$/, fieldRule('TICKET_FORMAT'))
  .describe('A ticket number, e.g. BAW-2026-000123');

export const workerPartEvents = {
  /** One of the worker's requests that awaits their part. */
  CHOOSE_REQUEST: z.object({ type: z.literal('CHOOSE_REQUEST'), ticket: ticketSchema }),
  /** "Confirmer": what the employer declared is correct; only with the box ticked. */
  CONFIRM_WORKER_PART: z.object({
    type: z.literal('CONFIRM_WORKER_PART'),
    allCorrect: z.literal(true, fieldRule('ALL_CORRECT_REQUIRED')),
  }),
  BACK: signal('BACK'),
  /** The list of requests again, as the store has it now. */
  RELOAD: signal('RELOAD'),
};

export type WorkerPartEvent = EventOf<typeof workerPartEvents>;
