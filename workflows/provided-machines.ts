/**
 * A journey's machine as the host runs it — its invoked actors as activities, its delays, its
 * `patched` guard — built once per journey, set of active patches and delays, and shared by every
 * workflow of the worker that runs with the same (the module is preloaded into the worker's shared V8
 * context, scripts/build-workflow-bundle.ts). Building it is `machine.provide`, which builds the
 * machine's whole state-node tree again: done per workflow, it was a fifth of a cached workflow's heap.
 *
 * Nothing of a run is in the machine: its invoked actors find their run through the actor system they
 * are started in (`bindRun`), which belongs to that run's root actor alone; the map holding them is
 * weak, so a run's entry goes with its actor when the worker evicts the workflow. A provided machine is
 * a pure function of its key, whichever workflow builds it first; XState never writes into a machine.
 */
import { fromPromise, type AnyStateMachine } from 'xstate';
import type { Journey } from '../machines/journey';

/** What a run lends the machine's invoked actors: the activity of that name, run in the run's scope. */
export type RunActors = (name: string, input: unknown, signal: AbortSignal) => Promise<unknown>;

const runs = new WeakMap<object, RunActors>();
const provided = new Map<string, AnyStateMachine>();

/** Binds a run's actor system (`actor.system`, before `actor.start()`) to what its invoked actors call. */
export function bindRun(system: object, run: RunActors): void {
  runs.set(system, run);
}

function actorsOf(machine: AnyStateMachine) {
  return Object.fromEntries(
    Object.keys(machine.implementations.actors).map((name) => [
      name,
      fromPromise<unknown, unknown>(({ input, signal, system }) => {
        const run = runs.get(system);
        if (!run) return Promise.reject(new Error(`No run is bound to the actor system invoking ${name}`));
        return run(name, input, signal);
      }),
    ]),
  );
}

/** The journey's machine with the host's implementations, for a run with these active patches and delays. */
export function providedMachine(definition: Journey, activePatches: ReadonlySet<string>, delays: Readonly<Record<string, number>>): AnyStateMachine {
  const patches = (definition.patches ?? []).filter((id) => activePatches.has(id));
  const key = JSON.stringify([definition.id, patches, Object.entries(delays).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
  let machine = provided.get(key);
  if (!machine) {
    const active = new Set(patches);
    const guards = definition.patches?.length ? { patched: (_: unknown, params: { id: string }) => active.has(params.id) } : {};
    machine = definition.machine.provide({ actors: actorsOf(definition.machine), delays: { ...delays }, guards });
    provided.set(key, machine);
  }
  return machine;
}
