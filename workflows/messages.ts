/**
 * Message definitions shared by the workflow and its clients (the API imports this file, never the
 * workflow code itself).
 */
import { SearchAttributeType, defineSearchAttributeKey } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { JourneyView } from '../machines/journey';

export interface JourneyEvent {
  type: string;
  [field: string]: unknown;
}

/** Starts a journey: which machine, its input, whose it is. */
export interface JourneyStart {
  machine: string;
  input: unknown;
  owner: string;
  /** Overrides of the machine's named delays, in ms (tests shorten them). */
  delays?: Record<string, number>;
  /** Relay the machine's inspection events to the worker's inspector sink (development). */
  inspect?: boolean;
  /** History length past which the host continues-as-new in a quiet state. */
  historyLimit?: number;
  /** Carried by continue-as-new: the machine's persisted snapshot and its pending delayed events. */
  resume?: { snapshot: unknown; timers: PendingTimer[] };
}

export interface PendingTimer {
  id: string;
  event: JourneyEvent;
  remainingMs: number;
}

/**
 * Who sends an event, as the API knows it: the owner keys that are the caller's (workflows/host.ts's
 * validator refuses the event with NOT_OWNER unless the journey's owner is one of them, before anything
 * is written to history). Absent for senders that need no owner check: the back office (whose token the
 * API checked) and the service's own activities.
 */
export interface EventSender {
  owners: string[];
}

/**
 * Update `send`: an event for the machine; returns the view once the machine has settled. Updates
 * recorded before the sender travelled with the event have one argument.
 */
export const sendEvent = defineUpdate<JourneyView, [JourneyEvent, EventSender?]>('send');
/**
 * Update `open`: the view, through the workflow task queue rather than a query. The API opens a journey
 * with it (update-with-start), so no query reaches the worker before the journey's first task is done.
 */
export const openView = defineUpdate<JourneyView, []>('open');
/** Query `view`: what to render now. */
export const viewQuery = defineQuery<JourneyView>('view');

/** Error types of refused events (ApplicationFailure.type), mapped to HTTP statuses by the API; the machine contract defines them. */
export { EVENT_INVALID, EVENT_NOT_ALLOWED } from '../machines/journey';
export const UNKNOWN_MACHINE = 'UNKNOWN_MACHINE';
/** The sender's owner keys do not include the journey's owner: the API answers 404, as for no journey. */
export const NOT_OWNER = 'NOT_OWNER';
/** An actor's failure that is ours, not the caller's: a store or service that did not answer in time. */
export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';

/** Custom search attributes, registered with the dev server at start and set when a journey starts. */
export const searchAttributes = {
  machine: defineSearchAttributeKey('JourneyMachine', SearchAttributeType.KEYWORD),
  owner: defineSearchAttributeKey('JourneyOwner', SearchAttributeType.KEYWORD),
  /** Set while a journey waits for an operator (its state's attention code, e.g. RECORD_BLOCKED); absent otherwise. */
  attention: defineSearchAttributeKey('JourneyAttention', SearchAttributeType.KEYWORD),
} as const;
