/**
 * Live inspection of hosted machines: workflow code cannot open sockets, so the host hands plain
 * inspection records to a Temporal sink and the worker relays them to the XState inspector.
 * Sinks are not called during replay, so a replayed journey does not repeat itself in the inspector.
 */
import { proxySinks, workflowInfo, type Sinks } from '@temporalio/workflow';
import type { ActorRefLike, InspectionEvent } from 'xstate';

export type InspectionRecord =
  | { kind: 'actor'; actorId: string; parentId?: string; snapshot: PlainSnapshot; definition?: string }
  | { kind: 'event'; actorId: string; sourceId?: string; event: { type: string } & Record<string, unknown> }
  | { kind: 'snapshot'; actorId: string; snapshot: PlainSnapshot; event: { type: string } & Record<string, unknown> };

export interface PlainSnapshot {
  status?: string;
  value?: unknown;
  context?: unknown;
  output?: unknown;
}

export interface InspectorSinks extends Sinks {
  inspector: { emit(record: InspectionRecord): void };
}

const { inspector } = proxySinks<InspectorSinks>();

// By actor id — the root's is its journey's, an invoked actor's its invocation's — never XState's session
// id, which comes from a counter all the worker's workflows share (the host, ./host.ts).
const idOf = (ref: ActorRefLike | undefined) => (ref ? `${workflowInfo().workflowId}/${(ref as ActorRefLike & { id: string }).id}` : undefined);

function plain(snapshot: unknown): PlainSnapshot {
  const s = snapshot as PlainSnapshot;
  return JSON.parse(JSON.stringify({ status: s.status, value: s.value, context: s.context, output: s.output })) as PlainSnapshot;
}

/**
 * An XState inspection observer that relays through the sink; pass the root machine's config (JSON).
 * Inspection must never break a journey: a record that cannot be made is dropped.
 */
export function inspectionRelay(definition: string) {
  const relay = (event: InspectionEvent) => {
    const actorId = idOf(event.actorRef)!;
    if (event.type === '@xstate.actor') {
      // The actor is still being created: its snapshot follows in the next '@xstate.snapshot'.
      const parent = (event.actorRef as ActorRefLike & { _parent?: ActorRefLike })._parent;
      inspector.emit({ kind: 'actor', actorId, parentId: idOf(parent), snapshot: {}, ...(parent ? {} : { definition }) });
    } else if (event.type === '@xstate.event') {
      inspector.emit({ kind: 'event', actorId, sourceId: idOf(event.sourceRef), event: JSON.parse(JSON.stringify(event.event)) as { type: string } });
    } else if (event.type === '@xstate.snapshot') {
      inspector.emit({ kind: 'snapshot', actorId, snapshot: plain(event.snapshot), event: JSON.parse(JSON.stringify(event.event)) as { type: string } });
    }
  };
  return (event: InspectionEvent) => {
    try {
      relay(event);
    } catch {
      // Dropped on purpose (see above).
    }
  };
}
