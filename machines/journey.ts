/**
 * What a journey is, for the host, the API and the inspectors: an XState machine plus the zod schemas
 * of its start input and of each event, and the part of its context that may be shown.
 * Screens come from state `meta` ({ screen, labels }); invoked actors are named and the host provides
 * them as Temporal activities of the same name; delays are named so tests can shorten them.
 */
import type { AnyMachineSnapshot, AnyStateMachine, ContextFrom, InputFrom } from 'xstate';
import { z } from 'zod';

export interface ScreenMeta {
  /** Stable screen code a UI switches on. */
  screen: string;
  /** Label keys of the screen (resolved to text by the UI's catalogue). */
  labels?: readonly string[];
  /**
   * Set on a state where the journey waits for an operator (e.g. RECORD_BLOCKED): the host publishes
   * it as the search attribute JourneyAttention, and the view carries it.
   */
  attention?: string;
}

/** The screen of a state where the journey waits for an activity (nothing to do but wait). */
export const BUSY: ScreenMeta = { screen: 'busy' };

/** Text by label key, in one language. */
export type LabelMap = Readonly<Record<string, string>>;

/** Another language's catalogue of a journey: exactly the keys of its French map, each with a text. */
export type Translation<TFrench extends LabelMap> = { readonly [K in keyof TFrench]: string };

/**
 * The label keys of one screen, in catalogue order: every key of the map under `prefix` (e.g.
 * 'request.workerSelection'), so a screen's keys are written once, in the catalogue.
 */
export function screenLabels<TMap extends LabelMap>(labels: TMap, prefix: string): (keyof TMap & string)[] {
  const keys = Object.keys(labels).filter((key) => key.startsWith(`${prefix}.`));
  // A typo in a prefix would otherwise give a screen without text, silently.
  if (keys.length === 0) throw new Error(`No label under ${prefix}`);
  return keys;
}

/** A screen's meta: its code (the last segment of `prefix`) and its label keys from the catalogue. */
export function screenMeta(labels: LabelMap, prefix: string): ScreenMeta {
  return { screen: prefix.slice(prefix.lastIndexOf('.') + 1), labels: screenLabels(labels, prefix) };
}

export interface Journey<TMachine extends AnyStateMachine = AnyStateMachine> {
  /** Stable id: the machine id and the URL segment. Never rename. */
  readonly id: TMachine['id'];
  readonly machine: TMachine;
  readonly title: string;
  /** Start payload, checked by the API before the workflow starts. */
  readonly input: z.ZodType<InputFrom<TMachine>>;
  /** One schema per event type (the object includes its `type` literal). */
  readonly events: Readonly<Record<string, z.ZodType<{ type: string }>>>;
  /**
   * The context a UI may see; never secrets, never bulk data. By convention it carries
   * `error: { code, message } | null`: set when the last event was refused by a check (a store lookup
   * or a rule needing the journey's state), cleared by the next accepted event; the API answers 422.
   */
  readonly publicContext: (context: ContextFrom<TMachine>) => Record<string, unknown>;
  /** Events only the back-office may send (all others: only the journey's owner). */
  readonly backofficeEvents?: readonly string[];
  /**
   * Versioned changes of the machine (Temporal patch ids). The host asks `patched(id)` once at the
   * start of each run and answers the machine's `patched` guard ({ id }) with it: runs recorded before
   * a change replay with the old behaviour, new runs take the new one.
   */
  readonly patches?: readonly string[];
  /** French text of every label key the screens use (the guide's wording, kept in one place). */
  readonly labels: Readonly<Record<string, string>>;
}

export function defineJourney<TMachine extends AnyStateMachine>(journey: Journey<TMachine>): Journey<TMachine> {
  return journey;
}

/** The schema of an event that carries nothing but its type. */
export const signal = <T extends string>(type: T) => z.object({ type: z.literal(type) });

/** What a machine receives: the parsed payload of any of its event schemas. */
export type EventOf<TSchemas extends Record<string, z.ZodType>> = { [K in keyof TSchemas]: z.output<TSchemas[K]> }[keyof TSchemas];

export type JourneyStatus = 'active' | 'done' | 'error' | 'stopped';

/** The plain DTO every query and update returns: what to render and what may be done now. */
export interface JourneyView {
  machine: string;
  /** Stable state code: the active leaf states' paths, dotted (parallel regions joined by ','). */
  state: string;
  screen: string;
  labels: string[];
  context: Record<string, unknown>;
  allowedEvents: string[];
  status: JourneyStatus;
  output?: unknown;
  /** Set while the journey waits for an operator (the state's `attention` code). */
  attention?: string;
  /** Opaque owner key set at start; the API compares it with the caller's. */
  owner: string;
}

interface StateNodeLike {
  type: string;
  path: string[];
  meta?: unknown;
  ownEvents: string[];
}

function nodesOf(snapshot: AnyMachineSnapshot): StateNodeLike[] {
  // `_nodes` is the configuration of active state nodes (document order), the one reliable source of
  // the events a state handles; XState v5 exposes no public equivalent.
  return (snapshot as unknown as { _nodes: StateNodeLike[] })._nodes;
}

export function stateCode(snapshot: AnyMachineSnapshot): string {
  return nodesOf(snapshot)
    .filter((n) => n.type === 'atomic' || n.type === 'final')
    .map((n) => n.path.join('.'))
    .join(',');
}

/** Events a state node (or an ancestor) handles, internal xstate.* events excluded. */
export function handledEvents(snapshot: AnyMachineSnapshot): string[] {
  const events = new Set<string>();
  for (const node of nodesOf(snapshot)) for (const e of node.ownEvents) if (!e.startsWith('xstate.') && e !== '*') events.add(e);
  return [...events].sort();
}

function isScreenMeta(meta: unknown): meta is ScreenMeta {
  return typeof meta === 'object' && meta !== null && typeof (meta as ScreenMeta).screen === 'string';
}

export function toView(journey: Journey, snapshot: AnyMachineSnapshot, owner: string): JourneyView {
  const nodes = nodesOf(snapshot);
  const screenNode = [...nodes].reverse().find((n) => isScreenMeta(n.meta));
  const meta = screenNode && isScreenMeta(screenNode.meta) ? screenNode.meta : undefined;
  const state = stateCode(snapshot);
  const status = snapshot.status;
  return {
    machine: journey.id,
    state,
    screen: meta?.screen ?? state,
    labels: [...(meta?.labels ?? [])],
    context: journey.publicContext(snapshot.context),
    // Only events with a schema can be sent from outside; `can` then checks guards for the bare event.
    allowedEvents: status === 'active' ? handledEvents(snapshot).filter((type) => type in journey.events) : [],
    status,
    ...(status === 'done' ? { output: snapshot.output as unknown } : {}),
    ...(meta?.attention ? { attention: meta.attention } : {}),
    owner,
  };
}
