/**
 * The machine host: one generic workflow that runs any journey's XState machine durably.
 * - events arrive as the Update `send`; its synchronous validator (zod + `snapshot.can`) refuses an
 *   event before anything is written to history;
 * - invoked promise actors run as activities of the same name, cancelled when the machine leaves the
 *   state that invoked them;
 * - `after` delays are durable Temporal timers, through a clock that belongs to the run
 *   (`./clock.ts` says why the global `setTimeout` must not be used);
 * - the workflow completes when the machine reaches a final state, and continues-as-new in a quiet
 *   state once history grows, carrying the persisted snapshot and the pending delayed events.
 */
import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  allHandlersFinished,
  condition,
  continueAsNew,
  isCancellation,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { createActor, type AnyActorRef, type AnyMachineSnapshot } from 'xstate';
import { machineConfig } from '../machines/definition';
import { attentionOf, checkEvent, parseEvent, toView, type ActorError, type EventRefusal, type Journey, type JourneyView } from '../machines/journey';
import { createRunClock } from './clock';
import { inspectionRelay } from './inspection';
import { bindRun, providedMachine } from './provided-machines';
import {
  NOT_OWNER,
  SERVICE_UNAVAILABLE,
  UNKNOWN_MACHINE,
  openView,
  searchAttributes,
  sendEvent,
  viewQuery,
  type EventSender,
  type JourneyEvent,
  type JourneyStart,
  type PendingTimer,
} from './messages';

const DEFAULT_HISTORY_LIMIT = 2_000;

/**
 * A business refusal (a non-retryable ApplicationFailure, as activities raise them) keeps its code and
 * message; anything else — an outage that outlasted the retries — is SERVICE_UNAVAILABLE, with no
 * internals in the message.
 */
function toActorError(err: unknown): ActorError {
  const cause = err instanceof ActivityFailure ? err.cause : err;
  if (cause instanceof ApplicationFailure && cause.nonRetryable && cause.type) {
    return { code: cause.type, message: cause.message, details: cause.details?.[0] };
  }
  return { code: SERVICE_UNAVAILABLE, message: 'A service this step needs did not answer; nothing was changed, try again later' };
}

type ActivityFn = (input: unknown) => Promise<unknown>;

const activities = proxyActivities<Record<string, ActivityFn>>({
  startToCloseTimeout: '30 seconds',
  // Someone waits for most of these on a screen: a short budget, then the machine shows the failure.
  retry: { initialInterval: '500 milliseconds', maximumInterval: '5 seconds', maximumAttempts: 5 },
});

interface SchedulerLike {
  schedule(source: AnyActorRef, target: AnyActorRef, event: unknown, delay: number, id: string): void;
}
interface ScheduledEventLike {
  source: AnyActorRef;
  target: AnyActorRef;
  event: JourneyEvent;
  delay: number;
  id: string;
  startedAt: number;
}
interface SystemInternals {
  scheduler: SchedulerLike;
  getSnapshot(): { _scheduledEvents: Record<string, ScheduledEventLike> };
}

export function createMachineHost(journeys: Readonly<Record<string, Journey>>) {
  return async function journey(start: JourneyStart): Promise<JourneyView> {
    const definition = Object.hasOwn(journeys, start.machine) ? journeys[start.machine] : undefined;
    if (!definition) throw ApplicationFailure.nonRetryable(`No machine named "${start.machine}"`, UNKNOWN_MACHINE);

    let inFlight = 0;
    // Versioned changes: asked once per run, in the same order, before the machine runs (see Journey.patches).
    const activePatches = new Set((definition.patches ?? []).filter((id) => patched(id)));
    const machine = providedMachine(definition, activePatches, start.delays ?? {});
    const inspect = start.inspect ? inspectionRelay(JSON.stringify(machineConfig(definition.machine))) : undefined;
    const clock = createRunClock();
    // The root's id is the journey's: XState's own (its session id) comes from a counter that all the
    // worker's workflows share, and would differ between a run and its replay.
    const options = { id: definition.id, input: start.input, inspect, clock };
    const actor = start.resume ? createActor(machine, { ...options, snapshot: start.resume.snapshot as AnyMachineSnapshot }) : createActor(machine, options);
    // The machine's invoked actors run as this run's activities, cancelled when the machine leaves the
    // state that invoked them.
    bindRun(actor.system, async (name, input, signal) => {
      inFlight++;
      const scope = new CancellationScope();
      const cancel = () => scope.cancel();
      signal.addEventListener('abort', cancel);
      try {
        return await scope.run(() => activities[name]!(input));
      } catch (err) {
        // Plain data, not an Error: machines keep it in their context, which must serialise whole.
        // eslint-disable-next-line @typescript-eslint/only-throw-error
        throw isCancellation(err) ? ({ code: 'CANCELLED', message: `${name} cancelled` } satisfies ActorError) : toActorError(err);
      } finally {
        signal.removeEventListener('abort', cancel);
        inFlight--;
      }
    });
    const view = (): JourneyView => toView(definition, actor.getSnapshot(), start.owner);
    // An Update sent with the start (the API's `open`) runs as soon as its handler is set, before the
    // actor starts: it waits for the start too, so that a first state invoking an activity is seen busy
    // until that activity is done, as after any event.
    let started = false;
    const settled = () => condition(() => started && inFlight === 0);

    let attention = workflowInfo().typedSearchAttributes.get(searchAttributes.attention);
    actor.subscribe({
      // A state that waits for an operator is listed by its attention code (search attribute), set and
      // cleared as the machine enters and leaves it: from the transition itself, so replay repeats it.
      // Read from the state's meta alone: the whole view (public context, rules, allowed events) is
      // built only when someone asks for it, not at every transition.
      next: (snapshot) => {
        const code = attentionOf(snapshot);
        if (code === attention) return;
        attention = code;
        upsertSearchAttributes([{ key: searchAttributes.attention, value: code ?? null }]);
      },
      // With an error observer XState never reports a machine error through the global setTimeout (see
      // ./clock.ts); the error is seen by the wait below, which fails the run with it.
      error: () => undefined,
    });

    const refuse = ({ code, message, details }: EventRefusal) => ApplicationFailure.nonRetryable(message, code, details);
    const parse = (event: JourneyEvent): { type: string } => {
      const parsed = parseEvent(definition, actor.getSnapshot(), event);
      if (!parsed.ok) throw refuse(parsed.refusal);
      return parsed.event;
    };

    // Handlers are registered before the first await so that no early update or query is lost.
    setHandler(viewQuery, view);
    setHandler(openView, async () => {
      await settled();
      return view();
    });
    setHandler(
      sendEvent,
      async (event) => {
        actor.send(parse(event));
        await settled();
        return view();
      },
      {
        // Runs when an update arrives, never on replay: it may check what history does not hold.
        validator: (event: JourneyEvent, sender?: EventSender) => {
          // Ownership first: anyone else learns nothing of the journey's state (the API answers 404).
          if (sender && !(Array.isArray(sender.owners) && sender.owners.includes(start.owner))) {
            throw ApplicationFailure.nonRetryable('Not this journey', NOT_OWNER);
          }
          const checked = checkEvent(definition, actor.getSnapshot(), event);
          if (!checked.ok) throw refuse(checked.refusal);
        },
      },
    );

    actor.start();
    const system = actor.system as unknown as SystemInternals;
    for (const timer of start.resume?.timers ?? []) {
      system.scheduler.schedule(actor, actor, timer.event, Math.max(0, timer.remainingMs), timer.id);
    }
    started = true;

    const historyLimit = start.historyLimit ?? DEFAULT_HISTORY_LIMIT;
    const historyTooLong = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > historyLimit;
    const finished = () => actor.getSnapshot().status !== 'active';

    // Wait for the end, or for a quiet moment (no activity, no update in progress) once history is long.
    await condition(() => (finished() || (historyTooLong() && inFlight === 0)) && allHandlersFinished());
    const snapshot = actor.getSnapshot();
    if (snapshot.status === 'error') {
      throw ApplicationFailure.nonRetryable(`Machine ${definition.id} failed: ${String(snapshot.error)}`, 'MACHINE_ERROR');
    }
    if (finished()) return view();

    // Quiet: no activity running and no update in progress. Carry the state and the timers.
    const now = Date.now();
    const timers: PendingTimer[] = Object.values(system.getSnapshot()._scheduledEvents)
      .filter((e) => e.source === actor && e.target === actor)
      .map((e) => ({ id: e.id, event: e.event, remainingMs: e.startedAt + e.delay - now }));
    // The actor is not stopped: continueAsNew ends this run in the same activation, and a stopped actor
    // would refuse an update that Temporal is about to hand to the new run.
    return continueAsNew<typeof journey>({ ...start, resume: { snapshot: actor.getPersistedSnapshot(), timers } });
  };
}
