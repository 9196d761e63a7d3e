/** The worker: the machine host's workflow bundle, the activities bound to the store, the inspector sink, the payload codec. */
import type { DataConverter } from '@temporalio/common';
import { NativeConnection, Worker, type WorkerOptions as SdkWorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import type { TemporalConnectOptions } from '../config/temporal-connection';
import { inspectorSinks, type InspectorLike } from './inspector';

export interface WorkerOptions {
  /** Address, TLS, API key (config/temporal-connection.ts: the same options as the client's). */
  connection: TemporalConnectOptions;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  inspector?: InspectorLike;
  /** The payload codec's (worker/payload-codec.ts): what the worker hands to Temporal is encrypted. */
  dataConverter: DataConverter;
  /**
   * The prebuilt bundle (scripts/build-workflow-bundle.ts: built at install, checked current at start).
   * Without it, the worker bundles workflows/ itself (webpack, a few seconds).
   */
  workflowBundle?: SdkWorkerOptions['workflowBundle'];
  /** The memory the cache of workflows may take (WORKER_CACHE_MB): it sets how many workflows are kept. */
  cacheMb?: number;
  /** Runs workflows in the process's main thread (a benchmark measures their heap there). */
  debugMode?: boolean;
}

/**
 * Heap one cached workflow takes, in MB, rounded up: scripts/bench/memory.ts measures 0.084 MB for an
 * open request journey on its first screen and 0.098 MB on its confirmation page (`--screen
 * confirmation`: worker, leave and answers in its context), now that the journeys' modules are shared
 * by all workflows (decision 26). The cache's size is budget / this.
 */
export const CACHED_WORKFLOW_MB = 0.125;

/** How many workflows a cache of `cacheMb` keeps (the SDK's minimum is 2). */
export function maxCachedWorkflowsFor(cacheMb: number): number {
  return Math.max(2, Math.floor(cacheMb / CACHED_WORKFLOW_MB));
}

/**
 * Whether this process was started with the workflow threads' preload (worker/workflow-thread-preload.cjs,
 * decision 31): without it, the workflow threads capture promise stack traces whatever
 * WORKFLOW_STACK_TRACES says.
 */
export function workflowThreadPreloaded(): boolean {
  return (process as unknown as Record<symbol, unknown>)[Symbol.for('breakatwork.workflow-thread-preload')] === true;
}

export async function createWorker(options: WorkerOptions): Promise<{ worker: Worker; connection: NativeConnection }> {
  const connection = await NativeConnection.connect(options.connection);
  const worker = await Worker.create({
    connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath: require.resolve('../workflows') }),
    // A workflow evicted from the cache is rebuilt from its history when its next task comes: memory stays bounded.
    ...(options.cacheMb !== undefined ? { maxCachedWorkflows: maxCachedWorkflowsFor(options.cacheMb) } : {}),
    ...(options.debugMode ? { debugMode: true } : {}),
    activities: createActivities(options.deps),
    sinks: inspectorSinks(options.inspector),
    // Activities' Context.current().client is built with it too (the worker passes its own).
    dataConverter: options.dataConverter,
    // Asked to stop (SIGTERM), the worker drains: activities get 5 s to finish before they are cancelled,
    // and past 15 s the worker is gone anyway, so that its process exits and the process manager goes on.
    shutdownGraceTime: '5 seconds',
    shutdownForceTime: '15 seconds',
  });
  return { worker, connection };
}
