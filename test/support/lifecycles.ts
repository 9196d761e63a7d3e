/**
 * Whole lifecycles of the three journeys, driven over HTTP as their users drive them, for load:
 * many at once, each variant taking another path (and so other timers started, cancelled or fired).
 *
 * Every call's answer is checked; an unexpected one is recorded as a failed call (the lifecycle stops
 * there) rather than thrown, so that a run reports all of them. While an event is on its way, the
 * journey is read at the same moment, as a UI polling its screen would: reads and events of one
 * journey meet in the worker.
 */
import type TestAgent from 'supertest/lib/agent';
import type { Response } from 'supertest';
import { demoCast } from '../../store/demo-data';
import { backofficeToken, bearer, identityToken, type JourneyBody } from './http-journeys';
import { requestPlan } from '../../scripts/scale/request-plan';

const { organisations, people, teachers } = demoCast;
const Y = organisations.poY.enterpriseNumber;

export type JourneyKind = 'signIn' | 'request' | 'accessManagement';

export interface LoadRun {
  /** Every journey started, by kind. */
  journeys: Record<JourneyKind, string[]>;
  /** Lifecycles that reached their end, by kind and final screen. */
  ended: Record<string, number>;
  /** The journeys of those lifecycles, by the same key. */
  endedIds: Record<string, string[]>;
  failures: string[];
  calls: number;
  /** The slowest call's time, in ms. */
  slowestCallMs: number;
}

export interface LifecycleOptions {
  /** The journeys' idle and draft delays, in ms: a lifecycle that waits for expiry waits a bit longer. */
  idleMs: number;
  /**
   * Called after each step of a lane (a sequence of calls by one party: sign-in then request, or an
   * access-management session) with the journey's answer and a token that may read it; a test may hold
   * the lane there (restart test).
   */
  checkpoint?: (at: { lane: string; step: number; journey: JourneyBody; token: string }) => Promise<void>;
}

class CallFailed extends Error {}

export function newRun(): LoadRun {
  return { journeys: { signIn: [], request: [], accessManagement: [] }, ended: {}, endedIds: {}, failures: [], calls: 0, slowestCallMs: 0 };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One driver per lifecycle: the HTTP calls with their checks, and the checkpoints. */
class Driver {
  private step = 0;
  constructor(
    private readonly http: TestAgent,
    private readonly run: LoadRun,
    private readonly options: LifecycleOptions,
    private readonly label: string,
  ) {}

  private async timed(call: PromiseLike<Response>): Promise<Response> {
    const started = Date.now();
    const res = await call;
    this.run.slowestCallMs = Math.max(this.run.slowestCallMs, Date.now() - started);
    return res;
  }

  private expectStatus(what: string, res: Response, status: number): Response {
    this.run.calls++;
    if (res.status !== status) {
      this.run.failures.push(`${this.label}: ${what} answered ${res.status} (expected ${status}): ${JSON.stringify(res.body).slice(0, 400)}`);
      throw new CallFailed();
    }
    return res;
  }

  async token(body: Record<string, unknown>): Promise<string> {
    const res = this.expectStatus('identity token', await this.timed(this.http.post('/api/dev/identity/tokens').send(body)), 201);
    return (res.body as { token: string }).token;
  }

  async start(kind: JourneyKind, token: string): Promise<JourneyBody> {
    const res = this.expectStatus(`start ${kind}`, await this.timed(this.http.post('/api/journeys').set(bearer(token)).send({ machine: kind })), 201);
    const journey = res.body as JourneyBody;
    this.run.journeys[kind].push(journey.id);
    return this.checkpoint(journey, token);
  }

  /** Sends an event while reading the journey at the same moment; checks the screen it lands on. */
  async send(token: string, journey: JourneyBody, event: Record<string, unknown>, screen: string): Promise<JourneyBody> {
    const [sent, read] = await Promise.all([
      this.timed(this.http.post(`/api/journeys/${journey.id}/events`).set(bearer(token)).send(event)),
      this.timed(this.http.get(`/api/journeys/${journey.id}`).set(bearer(token))),
    ]);
    this.expectStatus(`read during ${event.type as string}`, read, 200);
    return this.landed(`${event.type as string} on ${journey.screen}`, this.expectStatus(String(event.type), sent, 200), screen, token);
  }

  /** A back-office event by `agent`; the journey's owner reads it with `owner` afterwards. */
  async backoffice(agent: string, owner: string, ticket: string, event: Record<string, unknown>, screen: string): Promise<JourneyBody> {
    const res = await this.timed(this.http.post(`/api/backoffice/requests/${ticket}/events`).set(bearer(agent)).send(event));
    return this.landed(`back-office ${event.type as string}`, this.expectStatus(`back-office ${event.type as string}`, res, 200), screen, owner);
  }

  /**
   * Waits past the idle delay, then reads the journey until it has ended (an expiring request first
   * records its expiry: a moment on the busy screen): it has ended on `screen`.
   */
  async idleUntil(token: string, journey: JourneyBody, screen: string): Promise<JourneyBody> {
    await sleep(this.options.idleMs + 500);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const res = this.expectStatus('read after idling', await this.timed(this.http.get(`/api/journeys/${journey.id}`).set(bearer(token))), 200);
      if ((res.body as JourneyBody).status === 'done' || Date.now() > deadline) return this.landed('idle', res, screen, token);
      await sleep(250);
    }
  }

  private async landed(what: string, res: Response, screen: string, token: string): Promise<JourneyBody> {
    const journey = res.body as JourneyBody;
    if (journey.screen !== screen) {
      this.run.failures.push(`${this.label}: ${what} landed on ${journey.screen}, expected ${screen}`);
      throw new CallFailed();
    }
    return this.checkpoint(journey, token);
  }

  private async checkpoint(journey: JourneyBody, token: string): Promise<JourneyBody> {
    await this.options.checkpoint?.({ lane: this.label, step: this.step++, journey, token });
    return journey;
  }

  ended(journey: JourneyBody, kind: JourneyKind) {
    if (journey.status !== 'done') {
      this.run.failures.push(`${this.label}: ended on ${journey.screen} with status ${journey.status}`);
      return;
    }
    const key = `${kind}:${journey.screen}`;
    this.run.ended[key] = (this.run.ended[key] ?? 0) + 1;
    (this.run.endedIds[key] ??= []).push(journey.id);
  }
}

/** Runs `count` lifecycles, `concurrency` at a time; `lifecycle(i)` is one of them. */
export async function drive(count: number, concurrency: number, lifecycle: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await lifecycle(next++);
    }),
  );
}

async function guarded(run: LoadRun, label: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (err) {
    if (!(err instanceof CallFailed)) run.failures.push(`${label}: ${String(err)}`);
  }
}

/**
 * The Break@Work sign-in; returns the acting token. Variants: the person with both permissions goes
 * through the intermediate screen (choice, then confirmation); every tenth lifecycle first leaves a
 * sign-in idle until it expires.
 */
async function signInLifecycle(d: Driver, i: number, options: LifecycleOptions): Promise<string> {
  const both = i % 5 === 0;
  const identity = await d.token({ niss: both ? people.bothPermissions.niss : people.poEducationOnly.niss });
  if (i % 10 === 3 && !options.checkpoint) {
    let idle = await d.start('signIn', identity);
    idle = await d.send(identity, idle, { type: 'EMPLOYER' }, 'employerPage');
    d.ended(await d.idleUntil(identity, idle, 'expired'), 'signIn');
  }
  let journey = await d.start('signIn', identity);
  journey = await d.send(identity, journey, { type: 'EMPLOYER' }, 'employerPage');
  journey = await d.send(identity, journey, { type: 'INTRODUCE_REQUEST' }, 'signIn');
  journey = await d.send(identity, journey, { type: 'SIGN_IN' }, 'organisationChoice');
  if (both) {
    journey = await d.send(identity, journey, { type: 'CHOOSE_ORGANISATION', enterprise: Y }, 'actingChoice');
    journey = await d.send(identity, journey, { type: 'CHOOSE_ACTING_MODE', mode: 'PO' }, 'actingConfirmation');
    journey = await d.send(identity, journey, { type: 'CONFIRM_ACTING_MODE' }, 'signedIn');
  } else {
    journey = await d.send(identity, journey, { type: 'CHOOSE_ORGANISATION', enterprise: Y }, 'signedIn');
  }
  d.ended(journey, 'signIn');
  if (!journey.actingToken) throw new Error('signed in without an acting token');
  return journey.actingToken.token;
}

/**
 * The requests of lifecycle `i` must stay valid against each other (a worker's periods of the same leave
 * may not overlap; the career maximum counts the months of the requests that stand): the teachers of PO Y
 * in the French Community take turns, each lifecycle of a teacher a 3-month ordinary interruption after
 * the previous one, full and partial by turns (25 lifecycles of a teacher use 39 of the 60 months of
 * each form, were they all accepted).
 */
const requestTeachers = [teachers.primaryA, teachers.nurseryA, teachers.temporaryB, teachers.twoCommunities];

function requestOf(i: number) {
  const teacher = requestTeachers[i % requestTeachers.length]!;
  const turn = Math.floor(i / requestTeachers.length);
  return requestPlan(teacher, 'FR', turn % 2 === 0 ? 'FULL' : 'PARTIAL', 2027 * 12 + 3 * turn);
}

/**
 * A request from worker selection to its last status. Variants (by i % 8): accepted or refused after
 * the worker's part; withdrawn after the ticket; abandoned; back from the questions and on; sent back
 * to the worker, then decided; a draft left untouched until it expires.
 */
async function requestLifecycle(d: Driver, i: number, acting: string, agent: string, options: LifecycleOptions): Promise<void> {
  const variant = i % 8;
  const { selectWorker, chooseLeave, answers } = requestOf(i);
  let r = await d.start('request', acting);
  r = await d.send(acting, r, selectWorker, 'workerSelected');
  r = await d.send(acting, r, { type: 'START_REQUEST' }, 'leaveSelection');
  if (variant === 5) {
    r = await d.send(acting, r, { type: 'ABANDON', reason: `Abandoned in load lifecycle ${i}` }, 'withdrawn');
    return d.ended(r, 'request');
  }
  if (variant === 7 && !options.checkpoint) return d.ended(await d.idleUntil(acting, r, 'expired'), 'request');
  r = await d.send(acting, r, chooseLeave, 'questions');
  if (variant === 6) {
    r = await d.send(acting, r, { type: 'BACK' }, 'leaveSelection');
    r = await d.send(acting, r, chooseLeave, 'questions');
  }
  r = await d.send(acting, r, answers, 'confirmation');
  r = await d.send(acting, r, { type: 'CONFIRM', allCorrect: true }, 'awaitingWorker');
  const ticket = r.context.ticket as string;
  if (variant === 4) {
    r = await d.send(acting, r, { type: 'WITHDRAW', reason: `Withdrawn in load lifecycle ${i}` }, 'withdrawn');
    return d.ended(r, 'request');
  }
  await d.backoffice(agent, acting, ticket, { type: 'WORKER_PART_COMPLETED' }, 'inProcessing');
  if (variant === 6) {
    await d.backoffice(agent, acting, ticket, { type: 'SEND_BACK', to: 'worker', reason: 'A document is missing.' }, 'awaitingWorker');
    await d.backoffice(agent, acting, ticket, { type: 'WORKER_PART_COMPLETED' }, 'inProcessing');
  }
  const decision = i % 2 === 0 ? 'accepted' : 'refused';
  r = await d.backoffice(agent, acting, ticket, { type: 'DECIDE', decision, reason: `Decided in load lifecycle ${i}` }, decision);
  d.ended(r, 'request');
}

/**
 * The access manager's session: grant a permission and sign out; the help path; or a session left idle
 * until it expires (by i % 4).
 */
async function accessManagementLifecycle(d: Driver, i: number, options: LifecycleOptions): Promise<void> {
  const manager = await d.token({ niss: people.accessManagerY.niss });
  let a = await d.start('accessManagement', manager);
  a = await d.send(manager, a, { type: 'OPEN_ACCESS_MANAGEMENT' }, 'signIn');
  a = await d.send(manager, a, { type: 'SIGN_IN' }, 'organisationChoice');
  a = await d.send(manager, a, { type: 'CHOOSE_ORGANISATION', enterprise: Y }, 'home');
  const variant = i % 4;
  if (variant === 3 && !options.checkpoint) return d.ended(await d.idleUntil(manager, a, 'expired'), 'accessManagement');
  if (variant === 2) {
    a = await d.send(manager, a, { type: 'HELP' }, 'help');
    a = await d.send(manager, a, { type: 'BACK' }, 'home');
  } else {
    a = await d.send(manager, a, { type: 'CHOOSE_GROUP', enterprise: Y }, 'memberList');
    a = await d.send(manager, a, { type: 'EDIT_MEMBER', niss: people.noPermission.niss }, 'memberEdit');
    a = await d.send(manager, a, { type: 'SET_PERMISSIONS', permissions: ['PO_EDUCATION'] }, 'memberEdit');
    a = await d.send(manager, a, { type: 'SAVE' }, 'memberList');
  }
  a = await d.send(manager, a, { type: 'SIGN_OUT' }, 'signedOut');
  d.ended(a, 'accessManagement');
}

/**
 * Lifecycle `i` of a mixed load: a sign-in followed by a request made with its acting token, and an
 * access-management session. Every kind thus runs once per `i`.
 */
export function mixedLifecycle(http: TestAgent, run: LoadRun, options: LifecycleOptions) {
  let agent: Promise<string> | undefined;
  return async (i: number): Promise<void> => {
    agent ??= backofficeToken(http);
    const label = `lifecycle ${i}`;
    await Promise.all([
      guarded(run, `${label} (sign-in and request)`, async () => {
        const d = new Driver(http, run, options, `${label} (sign-in and request)`);
        const acting = await signInLifecycle(d, i, options);
        await requestLifecycle(d, i, acting, await agent!, options);
      }),
      guarded(run, `${label} (access management)`, () => accessManagementLifecycle(new Driver(http, run, options, `${label} (access management)`), i, options)),
    ]);
  };
}

export { identityToken };

/** Where lane `lane` of lifecycle `i` is held: early and late steps alike, so that most screens are met. */
function holdStep(lane: string, i: number): number {
  if (lane.includes('access management')) return i % 7;
  // Sign-in (5 or 7 steps), then the request: at least 9 steps in all, 13 for the full variants (i % 8 < 4).
  return i % 8 < 4 ? (i * 3) % 13 : i % 9;
}

export interface HeldLanes {
  run: LoadRun;
  /** One journey per lane, as it was answered when the lane was held, with a token that may read it. */
  held: Array<{ journey: JourneyBody; token: string }>;
  /** Lanes not held (each with where it stopped): a lane that failed before its step. */
  notHeld: string[];
  /** Lets every lane go on to its end; resolves when all have ended. */
  finish(): Promise<void>;
}

/**
 * Drives `count` mixed lifecycles at once (two lanes each) and holds every lane at a step that differs
 * with the lifecycle, so that the journeys wait on many different screens; resolves once all are held
 * (or after `giveUpMs`, the lanes that failed being reported in `notHeld` and `run.failures`).
 */
export async function holdLanes(http: TestAgent, count: number, giveUpMs = 120_000): Promise<HeldLanes> {
  const run = newRun();
  const held: HeldLanes['held'] = [];
  const where = new Map<string, string>();
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let allHeld!: () => void;
  const everyLaneHeld = new Promise<void>((resolve) => (allHeld = resolve));
  const driving = drive(count, count, (i) =>
    mixedLifecycle(http, run, {
      idleMs: 0,
      checkpoint: async ({ lane, step, journey, token }) => {
        where.set(lane, `step ${step} on ${journey.machine}:${journey.screen}, to be held at ${holdStep(lane, i)}`);
        if (step !== holdStep(lane, i)) return;
        where.delete(lane);
        held.push({ journey, token });
        if (held.length === count * 2) allHeld();
        await released;
      },
    })(i),
  );
  const gaveUp = new Promise<void>((resolve) => setTimeout(resolve, giveUpMs).unref());
  await Promise.race([everyLaneHeld, gaveUp, driving]);
  if (held.length !== count * 2) release();
  return {
    run,
    held,
    notHeld: [...where].map(([lane, at]) => `${lane}: ${at}`),
    async finish() {
      release();
      await driving;
    },
  };
}
