/**
 * A served machine definition (GET /api/machines/{id}, made by machines/definition.ts) as a graph to
 * draw: every state node with its path, and every transition with its source and resolved target nodes
 * and a label (event, [guard], `after` delay by name, `always`, onDone / onError of an invoked actor).
 * Targets are resolved as XState reads them: `#id` (explicit ids and the default `machine.path` ones),
 * `.child` below the source, else a sibling (dotted path under the source's parent).
 */

export interface GuardDef {
  type: string;
  guards?: GuardDef[];
}
export interface TransitionDef {
  target?: string | string[];
  guard?: GuardDef;
  actions?: { type: string }[];
  reenter?: boolean;
}
export interface InvokeDef {
  src: string;
  id?: string;
  onDone?: TransitionDef[];
  onError?: TransitionDef[];
}
export interface StateDef {
  id?: string;
  type?: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  history?: 'shallow' | 'deep';
  initial?: string | { target: string };
  meta?: unknown;
  invoke?: InvokeDef[];
  on?: Record<string, TransitionDef[]>;
  always?: TransitionDef[];
  after?: Record<string, TransitionDef[]>;
  onDone?: TransitionDef[];
  states?: Record<string, StateDef>;
}

export type Kind = 'atomic' | 'compound' | 'parallel' | 'final' | 'history';

export interface StateNode {
  /** Dotted path from the root ('' for the root): the journey view's state code uses the same. */
  path: string;
  key: string;
  kind: Kind;
  /** A history state's depth (XState's default: shallow). */
  history?: 'shallow' | 'deep';
  parent?: StateNode;
  children: StateNode[];
  /** The initial child of its parent. */
  initial: boolean;
  invokes: string[];
  screen?: string;
  depth: number;
}

export type Trigger = 'event' | 'after' | 'always' | 'done' | 'invokeDone' | 'invokeError';

export interface Edge {
  id: string;
  source: StateNode;
  /** None: the transition stays in its state (actions only). */
  targets: StateNode[];
  trigger: Trigger;
  /** The event type, the delay's name, or the invoked actor's name. */
  name: string;
  guard?: string;
  /** Target written in the definition that matches no state (drawn nowhere, listed as written). */
  unresolved?: string;
}

export interface Graph {
  id: string;
  root: StateNode;
  /** Every state but the root, in document order. */
  states: StateNode[];
  byPath: Map<string, StateNode>;
  edges: Edge[];
}

/** `and(a, not(b))` as text. */
export function guardText(guard: GuardDef): string {
  if (guard.type === 'not' && guard.guards?.length === 1) return `!${guardText(guard.guards[0]!)}`;
  if ((guard.type === 'and' || guard.type === 'or') && guard.guards) return guard.guards.map(guardText).join(guard.type === 'and' ? ' && ' : ' || ');
  return guard.type;
}

/** The label of a transition: `EVENT [guard]`, `after sessionIdle`, `always`, `done: actor`, `error: actor`. */
export function edgeLabel(edge: Pick<Edge, 'trigger' | 'name' | 'guard'>): string {
  const head =
    edge.trigger === 'event'
      ? edge.name
      : edge.trigger === 'after'
        ? `after ${edge.name}`
        : edge.trigger === 'always'
          ? 'always'
          : edge.trigger === 'done'
            ? 'onDone'
            : edge.trigger === 'invokeDone'
              ? `onDone ${edge.name}`
              : `onError ${edge.name}`;
  return edge.guard ? `${head} [${edge.guard}]` : head;
}

function screenOf(meta: unknown): string | undefined {
  return typeof meta === 'object' && meta !== null && typeof (meta as { screen?: unknown }).screen === 'string' ? (meta as { screen: string }).screen : undefined;
}

export function buildGraph(machineId: string, definition: StateDef): Graph {
  const byPath = new Map<string, StateNode>();
  const byId = new Map<string, StateNode>();
  const defs = new Map<StateNode, StateDef>();
  const states: StateNode[] = [];

  const visit = (def: StateDef, key: string, path: string, parent: StateNode | undefined): StateNode => {
    const childDefs = Object.entries(def.states ?? {});
    const kind: Kind = def.type ?? (childDefs.length > 0 ? 'compound' : 'atomic');
    const parentDef = parent ? defs.get(parent) : undefined;
    const parentInitial = typeof parentDef?.initial === 'string' ? parentDef.initial : parentDef?.initial?.target;
    const node: StateNode = {
      path,
      key,
      kind,
      ...(kind === 'history' ? { history: def.history ?? 'shallow' } : {}),
      parent,
      children: [],
      initial: parent !== undefined && parent.kind !== 'parallel' && parentInitial === key,
      invokes: (def.invoke ?? []).map((i) => i.src),
      screen: screenOf(def.meta),
      depth: parent ? parent.depth + 1 : 0,
    };
    defs.set(node, def);
    byPath.set(path, node);
    byId.set(def.id ?? (path ? `${machineId}.${path}` : machineId), node);
    if (parent) states.push(node);
    for (const [childKey, child] of childDefs) node.children.push(visit(child, childKey, path ? `${path}.${childKey}` : childKey, node));
    return node;
  };
  const root = visit(definition, machineId, '', undefined);

  const descend = (from: StateNode, dotted: string): StateNode | undefined => {
    let node: StateNode | undefined = from;
    for (const part of dotted.split('.')) node = node?.children.find((c) => c.key === part);
    return node;
  };
  const resolve = (source: StateNode, target: string): StateNode | undefined => {
    if (target.startsWith('#')) {
      const ref = target.slice(1);
      if (byId.has(ref)) return byId.get(ref);
      // `#id.child.path`: the longest id that is a prefix, then the path below it.
      const parts = ref.split('.');
      for (let i = parts.length - 1; i > 0; i--) {
        const base = byId.get(parts.slice(0, i).join('.'));
        if (base) return descend(base, parts.slice(i).join('.'));
      }
      return undefined;
    }
    if (target.startsWith('.')) return descend(source, target.slice(1));
    return descend(source.parent ?? source, target);
  };

  const edges: Edge[] = [];
  const add = (source: StateNode, list: TransitionDef[] | undefined, trigger: Trigger, name: string) => {
    for (const t of list ?? []) {
      const written = t.target === undefined ? [] : Array.isArray(t.target) ? t.target : [t.target];
      const targets: StateNode[] = [];
      let unresolved: string | undefined;
      for (const w of written) {
        const found = resolve(source, w);
        if (found) targets.push(found);
        else unresolved = w;
      }
      edges.push({
        id: `e${edges.length}`,
        source,
        targets,
        trigger,
        name,
        ...(t.guard ? { guard: guardText(t.guard) } : {}),
        ...(unresolved ? { unresolved } : {}),
      });
    }
  };
  for (const node of [root, ...states]) {
    const def = defs.get(node)!;
    for (const [event, list] of Object.entries(def.on ?? {})) add(node, list, 'event', event);
    for (const [delay, list] of Object.entries(def.after ?? {})) add(node, list, 'after', delay);
    add(node, def.always, 'always', '');
    add(node, def.onDone, 'done', '');
    for (const invoke of def.invoke ?? []) {
      add(node, invoke.onDone, 'invokeDone', invoke.src);
      add(node, invoke.onError, 'invokeError', invoke.src);
    }
  }
  return { id: machineId, root, states, byPath, edges };
}

/**
 * The nodes a journey's state code makes active ("a.b" or parallel "a.b,c.d"): each leaf and its
 * ancestors. Unknown paths (a newer machine than the one drawn) are left out.
 */
export function activeNodes(graph: Graph, stateCode: string): { leaves: Set<StateNode>; all: Set<StateNode> } {
  const leaves = new Set<StateNode>();
  const all = new Set<StateNode>();
  for (const path of stateCode.split(',')) {
    let node = graph.byPath.get(path.trim());
    if (!node) continue;
    leaves.add(node);
    while (node && node !== graph.root) {
      all.add(node);
      node = node.parent;
    }
  }
  return { leaves, all };
}
