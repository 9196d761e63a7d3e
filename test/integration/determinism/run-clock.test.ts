/**
 * Two journeys on one worker thread, each holding its own timer 1: leaving the timed screen must cancel
 * that journey's own timer, in that journey's own history, so that a fresh worker replays both.
 * (With the SDK's global setTimeout, whose handle map is shared by every workflow of a reused V8
 * context, the first journey cancelled the second one's timer and neither history replayed.)
 */
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { randomUUID } from 'node:crypto';
import { openView, sendEvent, type JourneyStart } from '../../../workflows/messages';
import { createProbeActivities } from '../../support/probe-activities';
import { bundle, connectToTestServer, createTestWorker, uniqueTaskQueue } from '../../support/temporal';
import { eventTypes, replayAll } from '../../support/replay';

const workflowsPath = require.resolve('../../support/probe-workflows');
let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await connectToTestServer();
});
afterAll(async () => {
  await env?.teardown();
});

async function openProbe(taskQueue: string): Promise<WorkflowHandle> {
  const start: JourneyStart = { machine: 'probe', input: { label: randomUUID() }, owner: 'tester' };
  const handle = await env.client.workflow.start('journey', { taskQueue, workflowId: `probe-${randomUUID()}`, args: [start] });
  await handle.executeUpdate(openView, { args: [] });
  return handle;
}

test('two journeys that both hold timer 1 each cancel their own, and both histories replay', async () => {
  const taskQueue = uniqueTaskQueue('run-clock');
  const worker = await createTestWorker(env, { taskQueue, workflowsPath, activities: createProbeActivities().activities });
  const [a, b] = await worker.runUntil(async () => {
    const a = await openProbe(taskQueue);
    const b = await openProbe(taskQueue);
    // Each leaves `counting` (cancelling its idle timer) and comes back to it (a new idle timer).
    for (const handle of [a, b]) {
      const view = await handle.executeUpdate(sendEvent, { args: [{ type: 'DOUBLE' }] });
      expect(view.state).toBe('counting');
    }
    return [a, b];
  });

  for (const handle of [a, b]) {
    const types = await eventTypes(handle);
    expect(types.filter((t) => t === 'TIMER_STARTED')).toHaveLength(2);
    expect(types.filter((t) => t === 'TIMER_CANCELED')).toHaveLength(1);
  }
  const histories = await Promise.all([a, b].map(async (h) => ({ workflowId: h.workflowId, history: await h.fetchHistory() })));
  const report = await replayAll(await bundle(workflowsPath), histories);
  expect(report.failures).toEqual([]);
  expect(report.replayed).toBe(2);
});
