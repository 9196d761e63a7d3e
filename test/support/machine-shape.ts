/**
 * A machine's shape as XState resolves it — per state node (by id): its type, initial state, meta,
 * invocations, and every transition by event with its targets, whether it is guarded and how many
 * actions it runs. Two machines with equal shapes draw the same and take the same paths.
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate';

interface TransitionLike {
  target?: readonly AnyStateNode[];
  reenter: boolean;
  guard?: unknown;
  actions: readonly unknown[];
}

const transition = (t: TransitionLike) => ({
  target: t.target?.map((node) => node.id),
  reenter: t.reenter,
  guarded: t.guard !== undefined,
  actions: t.actions.length,
});

export function machineShape(machine: AnyStateMachine): Record<string, unknown> {
  const nodes: Record<string, unknown> = {};
  const visit = (node: AnyStateNode) => {
    nodes[node.id] = {
      type: node.type,
      history: node.history,
      initial: node.initial?.target.map((target) => target.id),
      meta: node.meta as unknown,
      entry: node.entry.length,
      exit: node.exit.length,
      invoke: node.invoke.map((invoke) => ({ id: invoke.id, src: invoke.src as unknown })),
      events: Object.fromEntries([...node.transitions].map(([event, list]) => [event, list.map(transition)])),
      always: node.always?.map(transition),
    };
    for (const child of Object.values(node.states)) visit(child);
  };
  visit(machine.root);
  return nodes;
}
