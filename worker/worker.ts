/** The worker: the machine host's workflow bundle, the activities bound to the store, the inspector sink, the payload codec. */
import type { DataConverter } from '@temporalio/common';
import { NativeConnection, Worker } from '@temporalio/worker';
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
}

export async function createWorker(options: WorkerOptions): Promise<{ worker: Worker; connection: NativeConnection }> {
  const connection = await NativeConnection.connect(options.connection);
  const worker = await Worker.create({
    connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowsPath: require.resolve('../workflows'),
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
