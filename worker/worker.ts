/** The worker: the machine host's workflow bundle, the activities bound to the store, the inspector sink, the payload codec. */
import type { DataConverter } from '@temporalio/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';
import { inspectorSinks, type InspectorLike } from './inspector';

export interface WorkerOptions {
  address: string;
  namespace: string;
  taskQueue: string;
  deps: ActivityDeps;
  inspector?: InspectorLike;
  /** The payload codec's (worker/payload-codec.ts): what the worker hands to Temporal is encrypted. */
  dataConverter: DataConverter;
}

export async function createWorker(options: WorkerOptions): Promise<{ worker: Worker; connection: NativeConnection }> {
  const connection = await NativeConnection.connect({ address: options.address });
  const worker = await Worker.create({
    connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowsPath: require.resolve('../workflows'),
    activities: createActivities(options.deps),
    sinks: inspectorSinks(options.inspector),
    // Activities' Context.current().client is built with it too (the worker passes its own).
    dataConverter: options.dataConverter,
    // A worker asked to stop (or that stops itself on an SDK failure) is gone within these times, so
    // that its supervisor can start a new one instead of waiting on a drain that never ends.
    shutdownGraceTime: '5 seconds',
    shutdownForceTime: '15 seconds',
  });
  return { worker, connection };
}
