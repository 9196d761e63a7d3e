/**
 * The integration suite's Temporal: a real dev server started once by the global setup with the
 * resolved CLI; each test file connects to it and runs its own worker on its own task queue.
 * Clients, workers and replayers encrypt and decrypt with the service's payload codec, under the test
 * key below (fixed, so that a history recorded with RECORD_HISTORIES=1 replays in a later run).
 */
import type { DataConverter } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { parsePayloadKeys } from '../../config/payload-keys';
import { PRELOAD_MODULES } from '../../scripts/build-workflow-bundle';
import { failureConverterPath, journeyDataConverter } from '../../worker/payload-codec';

export const TEST_ADDRESS_VARIABLE = 'BREAKATWORK_TEST_TEMPORAL_ADDRESS';

export function testServerAddress(): string {
  const address = process.env[TEST_ADDRESS_VARIABLE];
  if (!address) throw new Error(`${TEST_ADDRESS_VARIABLE} is not set: run the integration tests through jest (global setup starts the dev server)`);
  return address;
}

/** PAYLOAD_KEYS of the tests: a key known to everyone, for tests only. */
export const TEST_PAYLOAD_KEYS = `test-1:${Buffer.from('break-at-work-test-payload-key!!').toString('base64')}`;
const testKeys = parsePayloadKeys(TEST_PAYLOAD_KEYS) as Map<string, Buffer>;
/** The service's data converter under the tests' key. */
export const testDataConverter: DataConverter = journeyDataConverter({ keys: testKeys, encodeKeyId: 'test-1' });

/** A client (env.client) on the suite's dev server, with the tests' data converter unless another is given. */
export function connectToTestServer(dataConverter: DataConverter = testDataConverter): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createFromExistingServer({ address: testServerAddress(), client: { dataConverter } });
}

const bundles = new Map<string, Promise<WorkflowBundleWithSourceMap>>();

/** Bundles a workflows module once per test file (with the service's failure converter and shared modules, as its worker bundles). */
export function bundle(workflowsPath: string): Promise<WorkflowBundleWithSourceMap> {
  let b = bundles.get(workflowsPath);
  if (!b) {
    b = bundleWorkflowCode({ workflowsPath, failureConverterPath: failureConverterPath(), preloadModules: PRELOAD_MODULES, logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} } });
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
    dataConverter: testDataConverter,
  });
}
