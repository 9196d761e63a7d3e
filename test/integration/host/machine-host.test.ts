/**
 * The machine host against a real Temporal dev server, with the probe machine of test/support.
 */
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { EVENT_INVALID, EVENT_NOT_ALLOWED, sendEvent, viewQuery, type JourneyEvent, type JourneyStart } from '../../../workflows/messages';
import type { JourneyView } from '../../../machines/journey';
import { createProbeActivities } from '../../support/probe-activities';
import { connectToTestServer, createTestWorker, uniqueTaskQueue } from '../../support/temporal';

const workflowsPath = require.resolve('../../support/probe-workflows');
const probe = createProbeActivities();
let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await connectToTestServer();
});
afterAll(async () => {
  await env?.teardown();
});

async function withWorker<T>(taskQueue: string, fn: (worker: Worker) => Promise<T>): Promise<T> {
  const worker = await createTestWorker(env, { taskQueue, workflowsPath, activities: probe.activities });
  return worker.runUntil(() => fn(worker));
}

function startProbe(taskQueue: string, extra: Partial<JourneyStart> = {}) {
  const start: JourneyStart = { machine: 'probe', input: { label: randomUUID() }, owner: 'tester', ...extra };
  return env.client.workflow.start('journey', { taskQueue, workflowId: `probe-${randomUUID()}`, args: [start] });
}

const send = (handle: WorkflowHandle, event: JourneyEvent): Promise<JourneyView> => handle.executeUpdate(sendEvent, { args: [event] });

async function historyEventTypes(handle: WorkflowHandle): Promise<string[]> {
  const history = await handle.fetchHistory();
  return (history.events ?? []).map((e) => String(temporal.api.enums.v1.EventType[e.eventType ?? 0]));
}

async function refusal(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  return cause as ApplicationFailure;
}

async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    value = await read();
  }
  return value;
}

test('an accepted event moves the machine and returns the new view', async () => {
  const taskQueue = uniqueTaskQueue('probe');
  await withWorker(taskQueue, async () => {
    const handle = await startProbe(taskQueue);
    const first = await handle.query(viewQuery);
    expect(first).toMatchObject({ machine: 'probe', state: 'counting', screen: 'counter', labels: ['probe.counter.title'], status: 'active' });
    expect(first.allowedEvents).toEqual(['DOUBLE', 'FINISH', 'INCREMENT', 'WAIT']);

    const view = await send(handle, { type: 'INCREMENT', by: 3 });
    expect(view.context).toMatchObject({ count: 3 });
    expect((await handle.query(viewQuery)).context).toMatchObject({ count: 3 });
  });
});

test('a refused event comes back as a typed error and adds nothing to history', async () => {
  const taskQueue = uniqueTaskQueue('probe');
  await withWorker(taskQueue, async () => {
    const handle = await startProbe(taskQueue);
    await send(handle, { type: 'INCREMENT', by: 9 });
    const before = await historyEventTypes(handle);

    const guardRefusal = await refusal(send(handle, { type: 'INCREMENT', by: 5 }));
    expect(guardRefusal.type).toBe(EVENT_NOT_ALLOWED);
    expect(guardRefusal.message).toContain('INCREMENT');

    const schemaRefusal = await refusal(send(handle, { type: 'INCREMENT', by: -2 }));
    expect(schemaRefusal.type).toBe(EVENT_INVALID);
    expect(schemaRefusal.message).toContain('by must be a positive whole number');

    const unknownRefusal = await refusal(send(handle, { type: 'JUMP' }));
    expect(unknownRefusal.type).toBe(EVENT_INVALID);

    expect(await historyEventTypes(handle)).toEqual(before);
    expect((await handle.query(viewQuery)).context).toMatchObject({ count: 9 });
  });
});

test('an invoked actor runs as an activity and its result (or failure) lands in the machine', async () => {
  const taskQueue = uniqueTaskQueue('probe');
  await withWorker(taskQueue, async () => {
    const handle = await startProbe(taskQueue);
    await send(handle, { type: 'INCREMENT', by: 4 });
    const doubled = await send(handle, { type: 'DOUBLE' });
    expect(doubled).toMatchObject({ state: 'counting', context: { count: 8, lastError: null } });
    expect(await historyEventTypes(handle)).toContain('EVENT_TYPE_ACTIVITY_TASK_COMPLETED');

    const other = await startProbe(taskQueue);
    await send(other, { type: 'INCREMENT', by: 7 });
    const failed = await send(other, { type: 'DOUBLE' });
    expect(failed).toMatchObject({ state: 'counting', context: { count: 7, lastError: { code: 'UNLUCKY_NUMBER', message: 'seven is not doubled' } } });
  });
});

test('leaving the state cancels the activity it invoked', async () => {
  const taskQueue = uniqueTaskQueue('probe');
  await withWorker(taskQueue, async () => {
    const handle = await startProbe(taskQueue, { input: { label: 'cancel-me' } });
    await send(handle, { type: 'INCREMENT', by: 1 });
    const startView = handle.executeUpdate(sendEvent, { args: [{ type: 'WAIT' }] });
    await eventually(() => handle.query(viewQuery), (v) => v.state === 'waiting');
    // The activity is running (ACTIVITY_TASK_STARTED reaches history only when the attempt ends).
    const running = await eventually(() => handle.describe(), (d) => (d.raw.pendingActivities ?? []).length === 1);
    expect(running.raw.pendingActivities).toHaveLength(1);
    const back = await send(handle, { type: 'STOP_WAITING' });
    expect(back.state).toBe('counting');
    await startView; // the WAIT update settles once the cancelled activity is gone
    expect(await historyEventTypes(handle)).toContain('EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED');
  });
});

test('a named delay fires as a durable timer', async () => {
  const taskQueue = uniqueTaskQueue('probe');
  await withWorker(taskQueue, async () => {
    const handle = await startProbe(taskQueue, { delays: { idle: 1_000 } });
    const view = await eventually(() => handle.query(viewQuery), (v) => v.screen === 'idle');
    expect(view.screen).toBe('idle');
    const types = await historyEventTypes(handle);
    expect(types).toContain('EVENT_TYPE_TIMER_STARTED');
    expect(types).toContain('EVENT_TYPE_TIMER_FIRED');
  });
});

test('a worker stopped mid-journey and a new one resume the same journey', async () => {
  const taskQueue = uniqueTaskQueue('probe');
  const handle = await withWorker(taskQueue, async () => {
    const h = await startProbe(taskQueue);
    await send(h, { type: 'INCREMENT', by: 2 });
    return h;
  });
  // No worker now: the journey waits in Temporal, not in any process.
  const view = await withWorker(taskQueue, () => send(handle, { type: 'INCREMENT', by: 3 }));
  expect(view.context).toMatchObject({ count: 5 });
  const finished = await withWorker(taskQueue, async () => {
    await send(handle, { type: 'FINISH' });
    return (await handle.result()) as JourneyView;
  });
  expect(finished).toMatchObject({ status: 'done', output: { count: 5 } });
});

test('continue-as-new keeps the state and the pending timers', async () => {
  const taskQueue = uniqueTaskQueue('probe');
  await withWorker(taskQueue, async () => {
    const handle = await startProbe(taskQueue, { historyLimit: 30, delays: { idle: 8_000 } });
    const { firstExecutionRunId } = handle;
    for (let i = 0; i < 10; i++) {
      const view = await send(handle, { type: 'INCREMENT', by: 1 });
      expect(view.context).toMatchObject({ count: i + 1 });
    }
    const described = await eventually(() => handle.describe(), (d) => d.runId !== firstExecutionRunId);
    expect(described.runId).not.toBe(firstExecutionRunId);
    const fresh = env.client.workflow.getHandle(handle.workflowId);
    expect((await fresh.query(viewQuery)).context).toMatchObject({ count: 10 });
    // The idle delay began in the first run and must still fire in the new one.
    const idle = await eventually(() => fresh.query(viewQuery), (v) => v.screen === 'idle', 30_000);
    expect(idle).toMatchObject({ screen: 'idle', context: { count: 10 } });
  });
});
