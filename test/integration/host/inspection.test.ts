/**
 * Live inspection: with `inspect` on, the host's inspection records leave the workflow through the
 * Temporal sink and reach the worker's inspector (here a recording stand-in for @statelyai/inspect's).
 */
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createMachine } from 'xstate';
import { COMPUTED, type MachineConfigJson } from '../../../machines/definition';
import { inspectorSinks, type InspectorLike } from '../../../worker/inspector';
import { sendEvent, type JourneyEvent, type JourneyStart } from '../../../workflows/messages';
import { machineShape } from '../../support/machine-shape';
import { createProbeActivities } from '../../support/probe-activities';
import { probeMachine } from '../../support/probe-machine';
import { bundle, connectToTestServer, uniqueTaskQueue, testDataConverter } from '../../support/temporal';

let env: TestWorkflowEnvironment;
beforeAll(async () => {
  env = await connectToTestServer();
});
afterAll(async () => {
  await env?.teardown();
});

function recordingInspector() {
  const calls: Array<{ kind: string; actorId: string; detail: unknown }> = [];
  const inspector: InspectorLike = {
    actor: (actor, snapshot) => calls.push({ kind: 'actor', actorId: typeof actor === 'string' ? actor : actor.sessionId, detail: { snapshot, actor } }),
    event: (actorId, event) => calls.push({ kind: 'event', actorId, detail: event }),
    snapshot: (actorId, snapshot) => calls.push({ kind: 'snapshot', actorId, detail: snapshot }),
    start: () => undefined,
    stop: () => undefined,
  };
  return { calls, inspector };
}

/** Runs a probe journey through a worker whose inspector records what reaches it. */
async function runProbe(inspect: boolean, events: JourneyEvent[]) {
  const taskQueue = uniqueTaskQueue('inspect');
  const { calls, inspector } = recordingInspector();
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await bundle(require.resolve('../../support/probe-workflows')),
    activities: createProbeActivities().activities,
    sinks: inspectorSinks(inspector),
    dataConverter: testDataConverter,
  });
  await worker.runUntil(async () => {
    const start: JourneyStart = { machine: 'probe', input: { label: 'inspected' }, owner: 'tester', inspect };
    const handle = await env.client.workflow.start('journey', { taskQueue, workflowId: `probe-${randomUUID()}`, args: [start] });
    for (const event of events) await handle.executeUpdate(sendEvent, { args: [event] });
  });
  return calls;
}

test('a hosted machine streams its actor, events and snapshots to the inspector', async () => {
  const calls = await runProbe(true, [{ type: 'INCREMENT', by: 2 }, { type: 'DOUBLE' }]);
  const root = calls.find((c) => c.kind === 'actor' && (c.detail as { actor: { logic?: unknown } }).actor.logic);
  // Named by the journey, not by XState's session counter, which the worker's workflows share.
  expect(root?.actorId).toMatch(/^probe-.+\/probe$/);
  const config = (root!.detail as { actor: { logic: { config: MachineConfigJson } } }).actor.logic.config;
  expect(config).toMatchObject({ id: 'probe', initial: 'counting' });
  // The config of machines/definition.ts: it loads as it arrives, and the guard and the inline assign are named.
  expect(machineShape(createMachine(config as never))).toEqual(machineShape(probeMachine));
  expect(config.states!.counting!.on!.INCREMENT).toEqual([{ guard: { type: 'staysWithinLimit' }, actions: [{ type: 'xstate.assign', params: { count: COMPUTED } }] }]);
  expect(calls.filter((c) => c.kind === 'event').map((c) => (c.detail as { type: string }).type)).toEqual(expect.arrayContaining(['INCREMENT', 'DOUBLE']));
  const snapshots = calls.filter((c) => c.kind === 'snapshot' && c.actorId === root!.actorId).map((c) => c.detail as { value: string; context: { count: number } });
  expect(snapshots.at(-1)).toMatchObject({ value: 'counting', context: { count: 4 } });
});

test('without inspect, nothing is emitted', async () => {
  const calls = await runProbe(false, [{ type: 'INCREMENT', by: 2 }]);
  expect(calls).toEqual([]);
});
