/**
 * The machines the host runs, shared by every workflow of a worker (workflows/provided-machines.ts):
 * one per journey, set of active patches and delays, and nothing of a run in them — two runs of the
 * same machine each reach their own activities.
 */
import { createActor, waitFor } from 'xstate';
import { requestJourney } from '../../../machines/request';
import { bindRun, providedMachine } from '../../../workflows/provided-machines';
import { probeJourney } from '../../support/probe-machine';

const allPatches = new Set(requestJourney.patches);

test('one machine per journey, active patches and delays, whatever order they come in', () => {
  const machine = providedMachine(requestJourney, allPatches, {});
  expect(providedMachine(requestJourney, new Set([...allPatches].reverse()), {})).toBe(machine);
  expect(providedMachine(requestJourney, new Set([...allPatches, 'not-a-patch-of-this-journey']), {})).toBe(machine);
  expect(providedMachine(requestJourney, new Set(), {})).not.toBe(machine);
  expect(providedMachine(requestJourney, allPatches, { sessionIdle: 1_000 })).not.toBe(machine);
  expect(providedMachine(requestJourney, allPatches, { sessionIdle: 1_000, draftExpiry: 5 })).toBe(providedMachine(requestJourney, allPatches, { draftExpiry: 5, sessionIdle: 1_000 }));
  expect(providedMachine(probeJourney, new Set(), {})).not.toBe(machine);
});

test("the machine's patched guard answers for the run's active patches", () => {
  type PatchedGuard = (args: unknown, params: { id: string }) => boolean;
  const guardOf = (active: Set<string>) => providedMachine(requestJourney, active, {}).implementations.guards.patched as PatchedGuard;
  for (const id of allPatches) {
    expect(guardOf(allPatches)(undefined, { id })).toBe(true);
    expect(guardOf(new Set())(undefined, { id })).toBe(false);
    expect(guardOf(new Set([id]))(undefined, { id })).toBe(true);
  }
});

test("each run's invoked actors call that run's activities, with their own input", async () => {
  const machine = providedMachine(probeJourney, new Set(), {}) as typeof probeJourney.machine;
  const runs = ['a', 'b'].map((label) => {
    const calls: { name: string; input: unknown }[] = [];
    const actor = createActor(machine, { input: { label } });
    bindRun(actor.system, (name, input) => {
      calls.push({ name, input });
      return Promise.resolve((input as { value: number }).value * 2 + (label === 'a' ? 1 : 100));
    });
    actor.start();
    return { actor, calls };
  });
  for (const [i, { actor }] of runs.entries()) {
    actor.send({ type: 'INCREMENT', by: i + 2 });
    actor.send({ type: 'DOUBLE' });
  }
  const counts = await Promise.all(runs.map(({ actor }) => waitFor(actor, (s) => s.matches('counting')).then((s) => s.context.count)));
  expect(counts).toEqual([2 * 2 + 1, 3 * 2 + 100]);
  expect(runs.map((r) => r.calls)).toEqual([[{ name: 'double', input: { value: 2 } }], [{ name: 'double', input: { value: 3 } }]]);
  for (const { actor } of runs) actor.stop();
});

test('an actor system that no run bound refuses to invoke, and the machine shows the failure', async () => {
  const actor = createActor(providedMachine(probeJourney, new Set(), {}) as typeof probeJourney.machine, { input: { label: 'unbound' } });
  actor.start();
  actor.send({ type: 'DOUBLE' });
  const snapshot = await waitFor(actor, (s) => s.matches('counting'));
  expect(String((snapshot.context.lastError as unknown as Error).message)).toMatch(/No run is bound to the actor system invoking double/);
  actor.stop();
});
