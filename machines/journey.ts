/**
 * What a journey is, for the host, the API and the inspectors: an XState machine plus the zod schemas
 * of its start input and of each event, and the part of its context that may be shown.
 * Screens come from state `meta` ({ screen, labels }); invoked actors are named and the host provides
 * them as Temporal activities of the same name; delays are named so tests can shorten them.
 */
import { getNextTransitions, type AnyMachineSnapshot, type AnyStateMachine, type AnyStateNode, type ContextFrom, type InputFrom, type StateValue } from 'xstate';
import { z } from 'zod';
import { domainCodeOf, issueMessage } from '../domain';
import type { Language } from '../domain/error-catalogue';

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
  /**
   * Text of every label key the screens use, in each language: French is the guide's wording and the
   * reference; Dutch and German have exactly its keys.
   */
  readonly labels: Readonly<Record<Language, LabelMap>>;
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

/**
 * The active state nodes, root first then each region's path down to its leaf, in document order: the
 * public state value walked through the machine's node tree.
 */
function activeNodes(snapshot: AnyMachineSnapshot): AnyStateNode[] {
  const nodes: AnyStateNode[] = [];
  const visit = (node: AnyStateNode, value: StateValue | undefined) => {
    nodes.push(node);
    if (typeof value === 'string') visit(childOf(node, value), undefined);
    else if (value) for (const [key, child] of Object.entries(value)) visit(childOf(node, key), child);
  };
  visit(snapshot.machine.root, snapshot.value as StateValue);
  return nodes;
}

function childOf(node: AnyStateNode, key: string): AnyStateNode {
  const child = node.states[key];
  if (!child) throw new Error(`State ${node.id} has no child state ${key}`);
  return child;
}

/** Stable state code: the active leaf states' paths, dotted (parallel regions joined by ','). */
export function stateCode(snapshot: AnyMachineSnapshot): string {
  return activeNodes(snapshot)
    .filter((n) => n.type === 'atomic' || n.type === 'final')
    .map((n) => n.path.join('.'))
    .join(',');
}

/**
 * Events the active states (or their ancestors) handle, whether or not a guard lets them through;
 * eventless, delayed and internal xstate.* transitions excluded, and so are forbidden ones (no target,
 * no action), which handle an event only to drop it.
 */
export function handledEvents(snapshot: AnyMachineSnapshot): string[] {
  const events = new Set<string>();
  for (const t of getNextTransitions(snapshot)) {
    const type = t.eventType as string;
    if (type === '' || type === '*' || type.startsWith('xstate.')) continue;
    if (t.target?.length || t.actions.length || t.reenter) events.add(type);
  }
  return [...events].sort();
}

function isScreenMeta(meta: unknown): meta is ScreenMeta {
  return typeof meta === 'object' && meta !== null && typeof (meta as ScreenMeta).screen === 'string';
}

/** The screen of the deepest active state that has one. */
function screenMetaOf(snapshot: AnyMachineSnapshot): ScreenMeta | undefined {
  const metas = activeNodes(snapshot).map((n) => n.meta as unknown);
  return metas.reverse().find(isScreenMeta);
}

/** The attention code of the state the journey is in (a state that waits for an operator), as its view has it. */
export function attentionOf(snapshot: AnyMachineSnapshot): string | undefined {
  return screenMetaOf(snapshot)?.attention || undefined;
}

/** Events the journey takes from outside now: those with a schema whose state handles them (guards are `can`'s). */
function allowedEventsOf(journey: Journey, snapshot: AnyMachineSnapshot): string[] {
  return snapshot.status === 'active' ? handledEvents(snapshot).filter((type) => Object.hasOwn(journey.events, type)) : [];
}

export function toView(journey: Journey, snapshot: AnyMachineSnapshot, owner: string): JourneyView {
  const meta = screenMetaOf(snapshot);
  const state = stateCode(snapshot);
  const status = snapshot.status;
  return {
    machine: journey.id,
    state,
    screen: meta?.screen ?? state,
    labels: [...(meta?.labels ?? [])],
    context: journey.publicContext(snapshot.context),
    allowedEvents: allowedEventsOf(journey, snapshot),
    status,
    ...(status === 'done' ? { output: snapshot.output as unknown } : {}),
    ...(meta?.attention ? { attention: meta.attention } : {}),
    owner,
  };
}

// ---------------------------------------------------------------------------------------------------
// Events from outside: parsed by the event's schema, then `can` for the current state. The host runs
// this in its Update validator (nothing reaches history when it refuses) and the API maps the codes.

/** Codes of refused events (the host's ApplicationFailure.type; the API's 422 and 409). */
export const EVENT_INVALID = 'EVENT_INVALID';
export const EVENT_NOT_ALLOWED = 'EVENT_NOT_ALLOWED';

/** What an invoked actor's failure looks like inside a machine: plain data, no Temporal types. */
export interface ActorError {
  code: string;
  message: string;
  details?: unknown;
}

/** Why an event is refused, as plain data: the host raises it as a non-retryable failure. */
export interface EventRefusal {
  code: typeof EVENT_INVALID | typeof EVENT_NOT_ALLOWED;
  message: string;
  details: Record<string, unknown>;
}

export type EventCheck = { ok: true; event: { type: string } } | { ok: false; refusal: EventRefusal };

/** The event as its schema parses it (defaults applied, text normalised), or why it is invalid. */
export function parseEvent(journey: Journey, snapshot: AnyMachineSnapshot, event: unknown): EventCheck {
  const type = typeof event === 'object' && event !== null ? (event as { type?: unknown }).type : undefined;
  const schema = typeof type === 'string' && Object.hasOwn(journey.events, type) ? journey.events[type] : undefined;
  if (!schema) {
    return {
      ok: false,
      refusal: { code: EVENT_INVALID, message: `Unknown event "${String(type)}" for ${journey.id}`, details: { allowedEvents: allowedEventsOf(journey, snapshot) } },
    };
  }
  const parsed = schema.safeParse(event);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: issueMessage(i), rule: domainCodeOf(i) }));
    return {
      ok: false,
      refusal: { code: EVENT_INVALID, message: issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '), details: { issues } },
    };
  }
  return { ok: true, event: parsed.data };
}

/** Parse, then whether the current state takes the parsed event (its guards included). */
export function checkEvent(journey: Journey, snapshot: AnyMachineSnapshot, event: unknown): EventCheck {
  const parsed = parseEvent(journey, snapshot, event);
  if (!parsed.ok) return parsed;
  if (snapshot.status !== 'active' || !snapshot.can(parsed.event)) {
    const meta = screenMetaOf(snapshot);
    const state = stateCode(snapshot);
    return {
      ok: false,
      refusal: {
        code: EVENT_NOT_ALLOWED,
        message: `Event ${parsed.event.type} is not allowed on screen "${meta?.screen ?? state}"`,
        details: { state, allowedEvents: allowedEventsOf(journey, snapshot) },
      },
    };
  }
  return parsed;
}
