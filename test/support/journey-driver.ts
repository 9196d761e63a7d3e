/**
 * One driver for every journey test: start a journey, send it events as the outside world does, read
 * what it shows, replay a path that xstate/graph generated from the machine. How the events reach the
 * journey is the transport's business: `localTransport` runs the machine in memory with stubbed actors
 * and refuses events exactly as the host does (`checkEvent`: schema, then `can`); an HTTP transport
 * drives the same journey through the API (a view there is the API's journey body).
 */
import { createActor, waitFor, type Actor, type ActorOptions, type AnyActorLogic, type AnyMachineSnapshot, type AnyStateMachine, type EventObject } from 'xstate';
import type { StatePath } from 'xstate/graph';
import { checkEvent, toView, type Journey, type JourneyView } from '../../machines/journey';

/** What a test reads of a journey, whatever the transport: the screen at least. */
export interface ViewLike {
  screen: string;
}

/** A refused event: its stable code (EVENT_INVALID, EVENT_NOT_ALLOWED, a rule's code…), message and details. */
export interface Refusal {
  code: string;
  message: string;
  details?: unknown;
}

/** What one event came to: the journey at rest after it, or the refusal (the journey as it stayed). */
export type Sent<TView> = { ok: true; view: TView } | { ok: false; refusal: Refusal; view: TView };

/** An outside event: a type and its payload, before any schema has seen it. */
export type OutsideEvent = { type: string } & Record<string, unknown>;

/** How a driver reaches a journey. */
export interface JourneyTransport<TView extends ViewLike> {
  /** Starts the journey; resolves with its first view at rest. */
  start(): Promise<TView>;
  /**
   * Sends one event; resolves once the journey is at rest again (no activity running). An event the
   * journey took and then refused on its screen (a rule needing its state: context.error set; the API's
   * 422 carrying the journey) is `ok`: only an event the journey never took is a refusal.
   */
  send(event: OutsideEvent): Promise<Sent<TView>>;
  /** The journey as it is now. */
  view(): Promise<TView>;
  stop(): void;
}

export class EventRefused extends Error {
  constructor(
    readonly event: OutsideEvent,
    readonly refusal: Refusal,
  ) {
    super(`${event.type} refused (${refusal.code}): ${refusal.message}`);
  }
}

/** Drives one journey through a transport. */
export interface JourneyDriver<TView extends ViewLike> {
  readonly transport: JourneyTransport<TView>;
  start(): Promise<TView>;
  /** Sends an event that must be accepted; throws EventRefused otherwise. */
  send(event: OutsideEvent): Promise<TView>;
  /** Sends an event that may be refused: the caller looks at the outcome. */
  trySend(event: OutsideEvent): Promise<Sent<TView>>;
  /** The refusal of an event that must be refused; throws if it is accepted. */
  refusal(event: OutsideEvent): Promise<Refusal>;
  view(): Promise<TView>;
  /** Sends each event in turn; the view after the last one. */
  walk(events: readonly OutsideEvent[]): Promise<TView>;
}

export function journeyDriver<TView extends ViewLike>(transport: JourneyTransport<TView>): JourneyDriver<TView> {
  const driver: JourneyDriver<TView> = {
    transport,
    start: () => transport.start(),
    view: () => transport.view(),
    trySend: (event) => transport.send(event),
    async send(event) {
      const sent = await transport.send(event);
      if (!sent.ok) throw new EventRefused(event, sent.refusal);
      return sent.view;
    },
    async refusal(event) {
      const sent = await transport.send(event);
      if (sent.ok) throw new Error(`${event.type} was accepted (screen ${sent.view.screen})`);
      return sent.refusal;
    },
    async walk(events) {
      let view = await transport.view();
      for (const event of events) view = await driver.send(event);
      return view;
    },
  };
  return driver;
}

// ---------------------------------------------------------------------------------------------------
// In memory

export interface LocalOptions {
  input: unknown;
  /** The invoked actors, by name (the host runs activities of the same names). */
  actors?: Record<string, AnyActorLogic>;
  /** Named delays, in ms (Node timers overflow past 24.8 days: tests shorten long ones). */
  delays?: Record<string, number>;
  /** Guards the host provides, e.g. `patched` answering false for a run that predates a versioned change. */
  guards?: Record<string, (...args: never[]) => boolean>;
  clock?: ActorOptions<AnyStateMachine>['clock'];
  /** A persisted snapshot to resume from (as continue-as-new carries it). */
  snapshot?: unknown;
  owner?: string;
  /** How long an activity may keep the journey busy (ms). */
  timeout?: number;
}

const running = new Set<{ stop(): void }>();
/** Stops every in-memory journey a test left running (call it in afterEach). */
export function stopLocalJourneys(): void {
  for (const transport of running) transport.stop();
  running.clear();
}

export interface LocalTransport extends JourneyTransport<JourneyView> {
  /** The running actor, for a test that sends past the host's checks or reads the raw snapshot. */
  readonly actor: Actor<AnyStateMachine>;
  readonly snapshot: () => AnyMachineSnapshot;
  /** The snapshot as the host persists it (JSON round trip: what continue-as-new carries). */
  readonly persisted: () => unknown;
  /** Past the schema and `can`: an event the machine's own guards alone judge. */
  sendUnchecked(event: EventObject): Promise<JourneyView>;
  /** Waits until the journey is at rest (e.g. after a delay elapsed on a simulated clock). */
  settled(): Promise<JourneyView>;
}

/** The journey's machine in memory, with its actors stubbed: refused events are refused as the host does. */
export function localTransport(journey: Journey, options: LocalOptions): LocalTransport {
  const owner = options.owner ?? 'owner';
  const machine = journey.machine.provide({
    ...(options.actors ? { actors: options.actors } : {}),
    ...(options.delays ? { delays: options.delays } : {}),
    ...(options.guards ? { guards: options.guards } : {}),
  } as Parameters<typeof journey.machine.provide>[0]);
  const actor = createActor(machine, {
    input: options.input,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.snapshot ? { snapshot: options.snapshot as AnyMachineSnapshot } : {}),
  });
  const viewOf = (snapshot: AnyMachineSnapshot) => toView(journey, snapshot, owner);
  const view = () => viewOf(actor.getSnapshot());
  const settled = async () => {
    await waitFor(actor, (s: AnyMachineSnapshot) => s.status !== 'active' || viewOf(s).screen !== 'busy', { timeout: options.timeout ?? 2_000 });
    return view();
  };
  const transport: LocalTransport = {
    actor: actor as Actor<AnyStateMachine>,
    snapshot: () => actor.getSnapshot(),
    persisted: () => JSON.parse(JSON.stringify(actor.getPersistedSnapshot())) as unknown,
    async start() {
      running.add(transport);
      actor.start();
      return settled();
    },
    async send(event) {
      const checked = checkEvent(journey, actor.getSnapshot(), event);
      if (!checked.ok) return { ok: false, refusal: checked.refusal, view: view() };
      actor.send(checked.event);
      return { ok: true, view: await settled() };
    },
    async sendUnchecked(event) {
      actor.send(event);
      return settled();
    },
    settled,
    view: () => Promise.resolve(view()),
    stop: () => actor.stop(),
  };
  return transport;
}

/** A driver of the journey in memory, started. */
export async function startLocal(journey: Journey, options: LocalOptions) {
  const transport = localTransport(journey, options);
  const driver = journeyDriver(transport);
  await driver.start();
  return Object.assign(driver, { local: transport });
}

// ---------------------------------------------------------------------------------------------------
// Paths generated from the machine

export type MachinePath = StatePath<AnyMachineSnapshot, EventObject>;

/** The actors' results and the delays (xstate.*) are what the journey does by itself, not events to send. */
export const isInternalEvent = (event: EventObject) => event.type.startsWith('xstate.');

export const screenOfSnapshot = (journey: Journey, snapshot: AnyMachineSnapshot) => toView(journey, snapshot, '').screen;

/**
 * Replays a generated path through a driver already started: each user event is sent (as the path
 * holds it, or as `rewrite` turns it into what the transport takes), and the screen after it must be
 * the one the path reaches once the automatic steps that follow have run. Returns the trail walked
 * (`EVENT→screen`, from the first screen) and the trail the path expects; they differ from the first
 * step that went elsewhere, where the replay stops.
 */
export async function replayPath<TView extends ViewLike>(
  driver: JourneyDriver<TView>,
  journey: Journey,
  path: MachinePath,
  rewrite: (event: EventObject) => OutsideEvent = (event) => event,
): Promise<{ walked: string[]; expected: string[] }> {
  const first = (await driver.view()).screen;
  const walked = [first];
  const expected = [first];
  const steps = path.steps;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (isInternalEvent(step.event)) continue;
    let j = i;
    while (j + 1 < steps.length && isInternalEvent(steps[j + 1]!.event)) j++;
    expected.push(`${step.event.type}→${screenOfSnapshot(journey, steps[j]!.state)}`);
    const sent = await driver.trySend(rewrite(step.event));
    walked.push(sent.ok ? `${step.event.type}→${sent.view.screen}` : `${step.event.type}→refused ${sent.refusal.code}`);
    if (walked.at(-1) !== expected.at(-1)) break;
  }
  return { walked, expected: expected.slice(0, walked.length) };
}
