/**
 * The request journey's start input and events as zod schemas, built on the domain schemas: the API and
 * the host parse every payload with these before the machine sees it. Rules that need the journey's state
 * (the community, the chosen leave, the configured full loads) are the machine's.
 */
import { z } from 'zod';
import {
  actingModeSchema,
  characteristicsErrors,
  characteristicsFields,
  communitySchema,
  educationLevelSchema,
  emailSchema,
  enterpriseNumberSchema,
  freeTextSchema,
  fullLoadsSchema,
  isoDateSchema,
  leaveChoiceErrors,
  leaveCodeSchema,
  leaveFormSchema,
  nissSchema,
  reportDomainErrors,
  schoolNumberSchema,
  workerStatusSchema,
  fieldRule,
  type FullLoads,
} from '../../domain';
import { signal, type EventOf } from '../journey';

/** A reason typed by a person (withdrawal, decision, send-back): every status change records why. */
function reasonSchema(what: string) {
  return freeTextSchema().min(1, fieldRule('REASON_REQUIRED')).max(1000, fieldRule('REASON_TOO_LONG')).describe(what);
}

// ---------------------------------------------------------------------------------------------------
// Start input: filled by the API from the verified token and the configuration.

export const requestInputSchema = z.object({
  acting: z.object({
    enterprise: enterpriseNumberSchema,
    mode: actingModeSchema,
    enterpriseName: freeTextSchema().min(1, 'The enterprise name must not be empty.'),
  }),
  introducedBy: nissSchema,
  /** The day the request was opened: the reference of the "more than 2 months after the start" warning. */
  openedOn: isoDateSchema,
  fullLoads: fullLoadsSchema.optional(),
});

export type RequestInput = z.output<typeof requestInputSchema>;

// ---------------------------------------------------------------------------------------------------
// Events

/**
 * The characteristics as answered. Every level gets an unbounded full load here: the configured full load
 * is the journey's state, so the machine checks it; the schema refuses what needs no state (hours instead
 * of periods, during ≥ before, end not after start, several employers without saying which are interrupted).
 */
const STATELESS_FULL_LOADS: FullLoads = {
  NURSERY: Number.MAX_SAFE_INTEGER,
  PRIMARY: Number.MAX_SAFE_INTEGER,
  LOWER_SECONDARY: Number.MAX_SAFE_INTEGER,
  UPPER_SECONDARY: Number.MAX_SAFE_INTEGER,
};

/** Who in the back-office: the API sets it from the agent's token (a sender cannot choose it). */
const agentSchema = freeTextSchema().min(1).max(200).optional().describe('Set by the API from the back-office token');

export const requestEvents = {
  /** "Sélectionner": as PO with community and school; in own-company mode without (the machine checks the mode). */
  SELECT_WORKER: z.object({
    type: z.literal('SELECT_WORKER'),
    community: communitySchema.optional(),
    school: schoolNumberSchema.optional(),
    niss: nissSchema,
    status: workerStatusSchema,
    email: emailSchema,
  }),
  /** "Introduire une nouvelle demande", once the worker is selected. */
  START_REQUEST: signal('START_REQUEST'),
  /** "Suivant" on the leave screen: the form must be one of the leave's (the community is the machine's check). */
  CHOOSE_LEAVE: z
    .object({ type: z.literal('CHOOSE_LEAVE'), leave: leaveCodeSchema, form: leaveFormSchema })
    .superRefine(({ leave, form }, ctx) => reportDomainErrors(ctx, leaveChoiceErrors(leave, form, null))),
  /** "Suivant" on the questions: workloads in periods; `level` defaults to the worker's occupation. */
  ANSWER_QUESTIONS: z
    .object({ type: z.literal('ANSWER_QUESTIONS'), ...characteristicsFields.shape, level: educationLevelSchema.optional() })
    .superRefine((answers, ctx) => reportDomainErrors(ctx, characteristicsErrors({ ...answers, level: answers.level ?? 'PRIMARY' }, STATELESS_FULL_LOADS))),
  /** "Confirmer": only with the last box ticked. */
  CONFIRM: z.object({
    type: z.literal('CONFIRM'),
    allCorrect: z.literal(true, fieldRule('ALL_CORRECT_REQUIRED')),
  }),
  BACK: signal('BACK'),
  /** The employer gives up a draft (before the ticket). */
  ABANDON: z.object({ type: z.literal('ABANDON'), reason: reasonSchema('The reason').optional() }),
  /** The employer withdraws a request awaiting the worker. */
  WITHDRAW: z.object({ type: z.literal('WITHDRAW'), reason: reasonSchema('The reason of the withdrawal') }),
  // Back-office
  WORKER_PART_COMPLETED: z.object({ type: z.literal('WORKER_PART_COMPLETED'), agent: agentSchema }),
  DECIDE: z.object({
    type: z.literal('DECIDE'),
    agent: agentSchema,
    decision: z.enum(['accepted', 'refused'], fieldRule('DECISION_INVALID')),
    reason: reasonSchema('The reason of the decision'),
  }),
  SEND_BACK: z.object({
    type: z.literal('SEND_BACK'),
    agent: agentSchema,
    to: z.enum(['employer', 'worker'], fieldRule('SEND_BACK_TARGET_INVALID')),
    reason: reasonSchema('The reason for sending back'),
  }),
  /** An operator asks a request whose record kept failing (screen recordBlocked) to write it again. */
  RETRY_RECORD: z.object({ type: z.literal('RETRY_RECORD'), agent: agentSchema }),
};

type EventSchemas = typeof requestEvents;
export type RequestEventType = keyof EventSchemas;
/** What the machine receives: the parsed payloads (NISS and numbers normalised to digits). */
export type RequestEvent = EventOf<EventSchemas>;
/** What a client sends, before parsing. */
export type RequestEventPayload = { [K in RequestEventType]: z.input<EventSchemas[K]> }[RequestEventType];

export const REQUEST_BACKOFFICE_EVENTS = ['WORKER_PART_COMPLETED', 'DECIDE', 'SEND_BACK', 'RETRY_RECORD'] as const satisfies readonly RequestEventType[];
