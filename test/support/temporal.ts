/**
 * The integration suite's Temporal: a real dev server started once by the global setup with the
 * resolved CLI; each test file connects to it and runs its own worker on its own task queue.
 */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';

export const TEST_ADDRESS_VARIABLE = 'BREAKATWORK_TEST_TEMPORAL_ADDRESS';

export function testServerAddress(): string {
  const address = process.env[TEST_ADDRESS_VARIABLE];
  if (!address) throw new Error(`${TEST_ADDRESS_VARIABLE} is not set: run the integration tests through jest (global setup starts the dev server)`);
  return address;
}

export function connectToTestServer(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createFromExistingServer({ address: testServerAddress() });
}

const bundles = new Map<string, Promise<WorkflowBundleWithSourceMap>>();

/** Bundles a workflows module once per test file. */
export function bundle(workflowsPath: string): Promise<WorkflowBundleWithSourceMap> {
  let b = bundles.get(workflowsPath);
  if (!b) {
    b = bundleWorkflowCode({ workflowsPath, logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} } });
    bundles.set(workflowsPath, b);
  }
  return b;
}

export function uniqueTaskQueue(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

export async function createTestWorker(
  env: TestWorkflowEnvironment,
  options: { taskQueue: string; workflowsPath: string; activities: object },
): Promise<Worker> {
  return Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue: options.taskQueue,
    workflowBundle: await bundle(options.workflowsPath),
    activities: options.activities,
  });
}
