/**
 * A machine as a plain JSON config: what `createMachine()` accepts back and a visualiser draws
 * (served by `GET /api/machines/{id}`, streamed to the live inspector).
 *
 * `machine.definition` is not that: it holds resolved state-node objects (`initial` becomes a transition
 * whose target is a node, hence "Initial state node "[object Object]" not found"), and JSON drops every
 * function in it — inline actions, `and`/`or`/`not` guards, params computed from the event. Here the
 * raw config is walked instead, and every implementation is described by name:
 *
 * - actions and guards always take the object form `{ type, params? }`, each event's transitions a
 *   list (tried in order), `invoke` a list;
 * - `and`/`or`/`not` keep their parts: `{ type: 'and', guards: [...] }` (the `guards` array XState's
 *   own higher-order guards carry; `not` has one);
 * - params computed at run time (a function of context and event) read `COMPUTED`;
 * - XState's built-in actions written inline keep XState's own type (`xstate.assign`, `xstate.raise`, …);
 *   an inline `assign({...})` lists the context keys it sets as its params (literal values kept);
 * - any other inline function is `inline:<its name>` (or `inline` when it has none).
 *
 * The result loads with `createMachine()` without implementations: names without an implementation
 * only fail when evaluated, never when the config is read. Imports nothing but xstate, so the same code
 * runs in workflows, the API and a browser.
 */
import { and, not, or, stateIn, type AnyStateMachine } from 'xstate';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A guard by name; `and`/`or`/`not` carry their parts in `guards`. */
export interface GuardJson {
  type: string;
  params?: Json;
  guards?: GuardJson[];
}

/** An action by name. */
export interface ActionJson {
  type: string;
  params?: Json;
}

/** One transition; without `target` it stays in its state (actions only). */
export interface TransitionJson {
  target?: string | string[];
  guard?: GuardJson;
  actions?: ActionJson[];
  reenter?: boolean;
  description?: string;
  meta?: Json;
}

/** An invoked actor, by the name the host provides it under. */
export interface InvokeJson {
  src: string;
  id?: string;
  systemId?: string;
  onDone?: TransitionJson[];
  onError?: TransitionJson[];
  onSnapshot?: TransitionJson[];
}

/** A state node; every event's transitions are a list, tried in order. */
export interface StateNodeJson {
  id?: string;
  type?: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  history?: 'shallow' | 'deep';
  /** A history state's default target. */
  target?: string;
  /** The key of the initial child state (with actions, the object form). */
  initial?: string | { target: string; actions: ActionJson[] };
  description?: string;
  /** Screen code, label keys, attention code (see ScreenMeta). */
  meta?: Json;
  tags?: string[];
  version?: string;
  context?: Json;
  output?: Json;
  entry?: ActionJson[];
  exit?: ActionJson[];
  invoke?: InvokeJson[];
  on?: Record<string, TransitionJson[]>;
  always?: TransitionJson[];
  /** Keyed by delay name (or milliseconds). */
  after?: Record<string, TransitionJson[]>;
  onDone?: TransitionJson[];
  states?: Record<string, StateNodeJson>;
}

/** The root state node, with the machine's id. */
export interface MachineConfigJson extends StateNodeJson {
  id: string;
}

/** Stands for a value computed at run time from the context and the event (params, assigned values). */
export const COMPUTED = '(computed)';

type Fn = ((...args: never[]) => unknown) & Record<string, unknown>;

/**
 * XState's built-in guards, known by the `check` function each one carries (shared by every guard the
 * same helper makes): function names would not survive a minifier.
 */
const BUILT_IN_GUARDS = new Map<unknown, 'and' | 'or' | 'not' | 'stateIn'>([
  [(and([]) as unknown as Fn).check, 'and'],
  [(or([]) as unknown as Fn).check, 'or'],
  [(not('') as unknown as Fn).check, 'not'],
  [(stateIn({}) as unknown as Fn).check, 'stateIn'],
]);

const isFunction = (value: unknown): value is Fn => typeof value === 'function';
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const toArray = <T>(value: T | readonly T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? [...(value as T[])] : [value as T]);

/** Plain JSON of a value written in a config; functions anywhere in it become COMPUTED. */
function plain(value: unknown): Json | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (isFunction(value)) return COMPUTED;
  if (Array.isArray(value)) return value.map((item) => plain(item) ?? null);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(value)) {
      const json = plain(item);
      if (json !== undefined) out[key] = json;
    }
    return out;
  }
  // Left: bigint (as its digits) and symbol (no JSON form).
  return typeof value === 'bigint' ? value.toString() : undefined;
}

function withParams(type: string, params: unknown): GuardJson & ActionJson {
  const json = plain(params);
  return json === undefined ? { type } : { type, params: json };
}

function inlineName(fn: Fn): string {
  return fn.name ? `inline:${fn.name}` : 'inline';
}

/** A guard by name: `{ type, params? }`, or a compound `{ type: 'and' | 'or' | 'not', guards }`. */
export function describeGuard(guard: unknown): GuardJson {
  if (typeof guard === 'string') return { type: guard };
  if (isFunction(guard)) {
    const builtIn = BUILT_IN_GUARDS.get(guard.check);
    if (builtIn === 'stateIn') return withParams(builtIn, { stateValue: guard.stateValue });
    if (builtIn && Array.isArray(guard.guards)) return { type: builtIn, guards: guard.guards.map(describeGuard) };
    return { type: inlineName(guard) };
  }
  if (isObject(guard) && typeof guard.type === 'string') return withParams(guard.type, guard.params);
  return { type: 'inline' };
}

/** An action by name: `{ type, params? }`; see the module comment for inline ones. */
export function describeAction(action: unknown): ActionJson {
  if (typeof action === 'string') return { type: action };
  if (isFunction(action)) {
    // XState's action creators (assign, raise, sendTo, …) are functions tagged with their type.
    if (typeof action.type === 'string' && 'resolve' in action) {
      if (action.type === 'xstate.assign') return withParams(action.type, isFunction(action.assignment) ? COMPUTED : action.assignment);
      return { type: action.type };
    }
    return { type: inlineName(action) };
  }
  if (isObject(action) && typeof action.type === 'string') return withParams(action.type, action.params);
  return { type: 'inline' };
}

function actions(value: unknown): ActionJson[] {
  return toArray(value).map(describeAction);
}

function transition(config: unknown): TransitionJson {
  // As XState reads it: a bare string (or nothing) is a target.
  if (config === undefined) return {};
  if (typeof config === 'string') return { target: config };
  if (!isObject(config)) return {};
  const out: TransitionJson = {};
  if (typeof config.target === 'string' || Array.isArray(config.target)) out.target = config.target as string | string[];
  if (config.guard !== undefined) out.guard = describeGuard(config.guard);
  if (config.actions !== undefined) out.actions = actions(config.actions);
  if (config.reenter !== undefined) out.reenter = Boolean(config.reenter);
  if (typeof config.description === 'string') out.description = config.description;
  if (config.meta !== undefined) out.meta = plain(config.meta) ?? null;
  return out;
}

/** One event's transitions, always as the list XState tries in order. */
function transitions(config: unknown): TransitionJson[] {
  return (Array.isArray(config) ? config : [config]).map(transition);
}

function transitionMap(config: unknown): Record<string, TransitionJson[]> {
  const out: Record<string, TransitionJson[]> = {};
  if (isObject(config)) for (const [event, value] of Object.entries(config)) out[event] = transitions(value);
  return out;
}

function invocation(config: unknown, stateId: string, index: number): InvokeJson {
  const invoke = isObject(config) ? config : {};
  // The name XState itself gives an actor logic written inline in `src`.
  const src = typeof invoke.src === 'string' ? invoke.src : `xstate.invoke.${stateId}[${index}]`;
  const out: InvokeJson = { src };
  if (typeof invoke.id === 'string') out.id = invoke.id;
  if (typeof invoke.systemId === 'string') out.systemId = invoke.systemId;
  for (const key of ['onDone', 'onError', 'onSnapshot'] as const) if (invoke[key] !== undefined) out[key] = transitions(invoke[key]);
  return out;
}

function stateNode(config: Record<string, unknown>, id: string): StateNodeJson {
  const out: StateNodeJson = {};
  if (typeof config.id === 'string') out.id = config.id;
  if (typeof config.type === 'string') out.type = config.type as StateNodeJson['type'];
  if (config.history === 'shallow' || config.history === 'deep') out.history = config.history;
  if (typeof config.target === 'string') out.target = config.target;
  if (typeof config.initial === 'string') out.initial = config.initial;
  else if (isObject(config.initial) && typeof config.initial.target === 'string') {
    out.initial = config.initial.actions === undefined ? config.initial.target : { target: config.initial.target, actions: actions(config.initial.actions) };
  }
  if (typeof config.description === 'string') out.description = config.description;
  if (config.meta !== undefined) out.meta = plain(config.meta) ?? null;
  if (Array.isArray(config.tags)) out.tags = config.tags.filter((tag): tag is string => typeof tag === 'string');
  if (typeof config.version === 'string') out.version = config.version;
  // A context or output computed at run time says nothing to a visualiser; a literal one is kept.
  for (const key of ['context', 'output'] as const) if (config[key] !== undefined && !isFunction(config[key])) out[key] = plain(config[key]) ?? null;
  if (config.entry !== undefined) out.entry = actions(config.entry);
  if (config.exit !== undefined) out.exit = actions(config.exit);
  if (config.invoke !== undefined) out.invoke = toArray(config.invoke).map((invoke, i) => invocation(invoke, id, i));
  if (config.on !== undefined) out.on = transitionMap(config.on);
  if (config.always !== undefined) out.always = transitions(config.always);
  // Delays stay keyed by their names (`sessionIdle`), as the machine's `delays` implement them.
  if (config.after !== undefined) out.after = transitionMap(config.after);
  if (config.onDone !== undefined) out.onDone = transitions(config.onDone);
  if (isObject(config.states)) {
    const states: Record<string, StateNodeJson> = {};
    for (const [key, child] of Object.entries(config.states)) {
      const childConfig = isObject(child) ? child : {};
      states[key] = stateNode(childConfig, typeof childConfig.id === 'string' ? childConfig.id : `${id}.${key}`);
    }
    out.states = states;
  }
  return out;
}

/**
 * The machine's config as JSON: ids, `initial` keys, states, transitions (`on`, `always`, `after` by
 * delay name, `onDone`), invocations (actor names and their onDone/onError), entry/exit actions,
 * `meta` and `type`, with every guard and action named (see the module comment).
 */
export function machineConfig(machine: AnyStateMachine): MachineConfigJson {
  return { ...stateNode(machine.config as Record<string, unknown>, machine.id), id: machine.id };
}
