/**
 * The clock of one journey run: XState's delayed events (`after`) become durable Temporal timers whose
 * handles belong to this run alone.
 *
 * Why not the global `setTimeout`: inside a workflow it is the SDK's override, which keeps its
 * handle → timer map in the V8 context. With the worker's default `reuseV8Context`, every workflow on a
 * worker thread shares that context, and a handle is the run's own timer sequence number (1, 2, … in
 * every run). A `clearTimeout(1)` from one journey could cancel another journey's timer 1, or miss its
 * own and take the SDK's legacy path; either way the commands written to history depended on which
 * other journeys shared the thread, and a fresh worker replaying one run could not reproduce them.
 *
 * Here the handle counter and the map live in the closure of one run. Each timer is a `sleep` in a
 * cancellable scope whose parent is the run's root scope (never the scope of whatever code happened to
 * call `setTimeout`, such as an activity's), so its commands are exactly StartTimer and, when XState
 * cancels the delay, CancelTimer — the commands the SDK writes for a run that is alone on its thread,
 * which keeps histories recorded that way replayable.
 */
import { CancellationScope, isCancellation, sleep } from '@temporalio/workflow';

export interface RunClock {
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(handle: number): void;
  /** Timers started and not yet fired or cleared (tests and diagnostics). */
  readonly pending: number;
}

/** Call once per run, from the workflow function itself (its current scope is the run's root scope). */
export function createRunClock(): RunClock {
  const root = CancellationScope.current();
  const scopes = new Map<number, CancellationScope>();
  let lastHandle = 0;
  return {
    setTimeout(callback, ms) {
      const handle = ++lastHandle;
      const scope = new CancellationScope({ cancellable: true, parent: root });
      scopes.set(handle, scope);
      // A timer of 0 ms is refused by the server; the SDK's own override waits at least 1 ms too.
      scope.run(() => sleep(Math.max(1, ms))).then(
        () => {
          scopes.delete(handle);
          callback();
        },
        (err: unknown) => {
          scopes.delete(handle);
          // A cleared timer ends in a cancellation; anything else is a bug that must fail the task.
          if (!isCancellation(err)) throw err;
        },
      );
      return handle;
    },
    clearTimeout(handle) {
      const scope = scopes.get(handle);
      if (!scope) return;
      scopes.delete(handle);
      scope.cancel();
    },
    get pending() {
      return scopes.size;
    },
  };
}
