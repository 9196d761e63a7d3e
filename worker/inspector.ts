/**
 * The worker side of live inspection: relays the host's inspection records to the XState inspector
 * over a WebSocket (`INSPECT_URL`, e.g. the local bridge `createInspectorServer()` of
 * `@statelyai/inspect/server`; see the README, "Looking at the machines").
 * Without INSPECT_URL the sink drops records (the host does not emit them then anyway).
 */
import type { InjectedSinks } from '@temporalio/worker';
import type { InspectionRecord, InspectorSinks } from '../workflows/inspection';

/** What @statelyai/inspect reads of an actor it is told about: its id, its machine config, its parent. */
export interface ActorRefLike {
  sessionId: string;
  logic?: { config: unknown };
  _parent?: { sessionId: string };
}

/** The part of @statelyai/inspect's Inspector the relay uses. */
export interface InspectorLike {
  actor(actor: string | ActorRefLike, snapshot?: object): void;
  event(actorId: string, event: { type: string }, info?: { source?: string }): void;
  snapshot(actorId: string, snapshot: object, info?: { event?: { type: string } }): void;
  start(): void;
  stop(): void;
}

export function relay(inspector: InspectorLike, record: InspectionRecord): void {
  switch (record.kind) {
    case 'actor':
      // The inspector draws a machine from `logic.config` of the actor it is given (not from a string id);
      // the host sends the config of machines/definition.ts, whose guards and actions are all named.
      inspector.actor(
        {
          sessionId: record.actorId,
          ...(record.definition ? { logic: { config: JSON.parse(record.definition) as unknown } } : {}),
          ...(record.parentId ? { _parent: { sessionId: record.parentId } } : {}),
        },
        record.snapshot,
      );
      break;
    case 'event':
      inspector.event(record.actorId, record.event, record.sourceId ? { source: record.sourceId } : {});
      break;
    case 'snapshot':
      inspector.snapshot(record.actorId, record.snapshot, { event: record.event });
      break;
  }
}

/**
 * How deep the inspector serialises what it sends. Its default (10) cuts a nested machine config
 * (access management's transitions sit 12 levels down) into "[Object]"; the journeys' contexts and
 * events are shallow, so a larger bound costs nothing.
 */
export const INSPECTOR_DEPTH_LIMIT = 32;

export async function connectInspector(url: string | undefined): Promise<InspectorLike | undefined> {
  if (!url) return undefined;
  const { createWebSocketInspector } = await import('@statelyai/inspect');
  const inspector = createWebSocketInspector({ url, serializationDepthLimit: INSPECTOR_DEPTH_LIMIT }) as unknown as InspectorLike;
  inspector.start();
  return inspector;
}

export function inspectorSinks(inspector: InspectorLike | undefined): InjectedSinks<InspectorSinks> {
  return {
    inspector: {
      emit: {
        fn: (_info, record) => {
          if (inspector) relay(inspector, record);
        },
        callDuringReplay: false,
      },
    },
  };
}
