/** Replaying histories with today's workflow code, as a fresh worker would: the determinism gate. */
import type { WorkflowHandle } from '@temporalio/client';
import type { temporal as proto } from '@temporalio/proto';
import { temporal } from '@temporalio/proto';
import type { DataConverter } from '@temporalio/common';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { testDataConverter } from './temporal';

export interface ReplayReport {
  replayed: number;
  failures: Array<{ workflowId: string; error: string }>;
}

type History = proto.api.history.v1.IHistory;

/**
 * A replay worker's options. The SDK replays in the test process's main thread unless told otherwise
 * (`debugMode` defaults to true for replays); here replays run in workflow threads, as a live worker's
 * workflows do, so that `npm test`'s preload (worker/workflow-thread-preload.cjs, decision 31) applies
 * to them as it does in the service.
 */
export function replayOptions(workflowBundle: WorkflowBundleWithSourceMap, dataConverter: DataConverter = testDataConverter) {
  return { workflowBundle, dataConverter, debugMode: false };
}

/**
 * Replays every history on one replay worker (a shared V8 context, as a live worker has), decoding its
 * payloads with the tests' codec (or the one that encoded them): plaintext payloads pass through.
 */
export async function replayAll(
  workflowBundle: WorkflowBundleWithSourceMap,
  histories: Iterable<{ workflowId: string; history: History }>,
  dataConverter: DataConverter = testDataConverter,
): Promise<ReplayReport> {
  const report: ReplayReport = { replayed: 0, failures: [] };
  for await (const result of Worker.runReplayHistories(replayOptions(workflowBundle, dataConverter), histories)) {
    report.replayed++;
    if (result.error) report.failures.push({ workflowId: result.workflowId, error: String(result.error) });
  }
  return report;
}

export async function eventTypes(handle: WorkflowHandle): Promise<string[]> {
  const history = await handle.fetchHistory();
  return (history.events ?? []).map((e) => String(temporal.api.enums.v1.EventType[e.eventType ?? 0]).replace(/^EVENT_TYPE_/, ''));
}
