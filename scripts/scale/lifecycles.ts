/**
 * The scale driver: whole request lifecycles over real HTTP against API replicas, each call sent to a
 * replica chosen at random, as a load balancer would. A lifecycle: a PO person signs in (development
 * identity token, the Break@Work sign-in), introduces a request (worker selection → leave → questions →
 * confirmation → ticket), then the back office signals the worker's part and decides.
 *
 * Every change call carries an Idempotency-Key. A call that meets a replica going away (network error,
 * connection refused or reset, 502/503/504, no answer within 30 s) is sent again, the same call with the
 * same key, to another replica after a short backoff, for at most 60 s; a 429 is a failure (the cluster
 * under test raises its limits), never retried silently.
 *
 * Lifecycles stay valid against each other: lifecycle i takes teacher i % 7 (4 of PO Y, 3 of PO Z),
 * and the teacher's turns follow one another in 3-month periods from a month chosen at random per run,
 * far in the future, so no two requests of a teacher that count at once overlap (a refused request no
 * longer counts, so repeated runs on one database never reach the career maximum either).
 *
 * After the lifecycles: the overview of each PO (read with its acting token) against the tickets of
 * that PO, and, given a Temporal client, every journey's history replayed by today's workflow code.
 */
import type { Client } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { randomBytes } from 'node:crypto';
import { demoCast, type DemoTeacher } from '../../store/demo-data';
import { bundle } from '../../test/support/temporal';
import { replayAll } from '../../test/support/replay';
import { requestPlan } from './request-plan';

const { organisations, people, teachers } = demoCast;

export interface ScaleProgress {
  lifecycles: number;
  started: number;
  completed: number;
  failedCalls: number;
  retriedCalls: number;
  elapsedMs: number;
}

export interface ScaleOptions {
  apiUrls: string[];
  lifecycles: number;
  concurrency: number;
  onProgress?: (progress: ScaleProgress) => void;
  /** Called once, when half of the lifecycles have started; the other lanes go on meanwhile. */
  midway?: () => Promise<void>;
  /** For the replay check: a client of the cluster's Temporal and the service's data converter. */
  replay?: { client: Client; dataConverter: DataConverter };
  /** How long one call may be retried on other replicas (60 s by default). */
  retryBudgetMs?: number;
  /** Time allowed to one attempt before it is given up and sent again (30 s by default). */
  attemptTimeoutMs?: number;
  /** Tag of the run in its Idempotency-Keys (random by default). */
  runId?: string;
}

export interface FailedCall {
  lifecycle: number;
  call: string;
  reason: string;
}

export interface OverviewCheck {
  po: string;
  enterprise: string;
  /** Tickets this run obtained for the PO. */
  tickets: number;
  /** Rows of the PO's overview created since the run started. */
  rows: number;
  /** Of those, rows of this run's requests. */
  rowsOfRun: number;
  /** Tickets of this run missing from the overview. */
  missing: string[];
  /** Rows of this run's requests whose status is not the one the lifecycle ended on. */
  wrongStatus: string[];
  error?: string;
}

export interface ReplayCheck {
  histories: number;
  replayed: number;
  failures: Array<{ workflowId: string; error: string }>;
  /** Journeys whose history holds a failed workflow task, with how many. */
  failedTasks: string[];
  fetchErrors: string[];
  elapsedMs: number;
}

export interface ScaleResult {
  lifecycles: number;
  completed: number;
  calls: number;
  failedCalls: FailedCall[];
  /** Calls that needed more than one attempt (and what made them try again). */
  retriedCalls: number;
  retryReasons: Record<string, number>;
  ticketNumbers: string[];
  duplicateTickets: string[];
  overviewRows: OverviewCheck[];
  elapsedMs: number;
  lifecyclesPerSec: number;
  callLatencyMs: { p50: number; p95: number; p99: number; max: number };
  midway?: { atLifecycle: number; elapsedMs: number; error?: string };
  journeys: { signIn: number; request: number };
  replay: ReplayCheck | null;
}

interface Journey {
  id: string;
  screen: string;
  status: string;
  context: Record<string, unknown>;
  actingToken?: { token: string };
}

/** The seven teachers of the French and German-speaking communities, with their PO and sign-in people. */
interface Cast {
  teacher: DemoTeacher;
  community: string;
  po: 'Y' | 'Z';
}
const cast: Cast[] = [
  { teacher: teachers.primaryA, community: 'FR', po: 'Y' },
  { teacher: teachers.germanD, community: 'DE', po: 'Z' },
  { teacher: teachers.nurseryA, community: 'FR', po: 'Y' },
  { teacher: teachers.upperSecondaryE, community: 'FR', po: 'Z' },
  { teacher: teachers.temporaryB, community: 'FR', po: 'Y' },
  { teacher: teachers.bornAfter2000E, community: 'FR', po: 'Z' },
  { teacher: teachers.twoCommunities, community: 'FR', po: 'Y' },
];
const pos = {
  Y: { enterprise: organisations.poY.enterpriseNumber, people: [people.poEducationOnly, people.bothPermissions] },
  Z: { enterprise: organisations.poZ.enterpriseNumber, people: [people.poZUser] },
} as const;
/** A back-office agent per lane: each its own caller. */
const agents = ['Agent ONEM 1', 'Agent ONEM 2', 'Agent ONEM 3', 'Agent ONEM 4'];

class CallFailed extends Error {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Why an attempt is worth sending again elsewhere, or null when its answer stands. */
function retryReason(status: number): string | null {
  return status === 502 || status === 503 || status === 504 ? `HTTP ${status}` : null;
}

function networkReason(err: unknown): string {
  const e = err as { name?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'attempt timed out';
  return e.cause?.code ?? e.cause?.message ?? String(err);
}

class Run {
  readonly failures: FailedCall[] = [];
  readonly latencies: number[] = [];
  readonly retryReasons: Record<string, number> = {};
  retriedCalls = 0;
  calls = 0;

  constructor(
    readonly urls: string[],
    readonly retryBudgetMs: number,
    readonly attemptTimeoutMs: number,
  ) {}

  private pick(not?: string): string {
    const others = this.urls.length > 1 && not ? this.urls.filter((u) => u !== not) : this.urls;
    return others[Math.floor(Math.random() * others.length)]!;
  }

  /**
   * One call, sent until it gets an answer that stands: a status not in `expected` is a failed call
   * (the lifecycle stops there).
   */
  async call<T>(
    lifecycle: number,
    what: string,
    request: { method: 'GET' | 'POST'; path: string; token?: string; body?: unknown; key?: string },
    expected: number,
  ): Promise<T> {
    this.calls++;
    const started = performance.now();
    let url: string | undefined;
    let attempts = 0;
    for (;;) {
      url = this.pick(url);
      attempts++;
      let reason: string;
      try {
        const res = await fetch(`${url}${request.path}`, {
          method: request.method,
          headers: {
            ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
            ...(request.token ? { Authorization: `Bearer ${request.token}` } : {}),
            ...(request.key ? { 'Idempotency-Key': request.key } : {}),
          },
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
          signal: AbortSignal.timeout(this.attemptTimeoutMs),
        });
        const text = await res.text();
        const retry = retryReason(res.status);
        if (!retry) {
          this.latencies.push(performance.now() - started);
          if (attempts > 1) this.retriedCalls++;
          if (res.status !== expected) {
            const extra = res.status === 429 ? ` (rate limit ${res.headers.get('ratelimit-policy') ?? ''})` : '';
            this.fail(lifecycle, what, `${res.status}${extra} after ${attempts} attempt(s): ${text.slice(0, 300)}`);
          }
          return JSON.parse(text) as T;
        }
        reason = `${retry}: ${text.slice(0, 120)}`;
        this.retryReasons[retry] = (this.retryReasons[retry] ?? 0) + 1;
      } catch (err) {
        if (err instanceof CallFailed) throw err;
        reason = networkReason(err);
        this.retryReasons[reason] = (this.retryReasons[reason] ?? 0) + 1;
      }
      const spent = performance.now() - started;
      if (spent > this.retryBudgetMs) {
        this.latencies.push(spent);
        if (attempts > 1) this.retriedCalls++;
        this.fail(lifecycle, what, `gave up after ${attempts} attempts in ${Math.round(spent)} ms; last: ${reason}`);
      }
      await sleep(Math.min(2_000, 100 * 2 ** Math.min(attempts, 5)) * (0.5 + Math.random() / 2));
    }
  }

  fail(lifecycle: number, call: string, reason: string): never {
    this.failures.push({ lifecycle, call, reason });
    throw new CallFailed(reason);
  }
}

interface LifecycleOutcome {
  po: 'Y' | 'Z';
  signInId?: string;
  requestId?: string;
  ticket?: string;
  acting?: string;
  completed: boolean;
}

async function lifecycle(run: Run, runId: string, i: number, baseMonth: number, out: LifecycleOutcome): Promise<void> {
  const { teacher, community, po } = cast[i % cast.length]!;
  const turn = Math.floor(i / cast.length);
  const poCast = pos[po];
  const person = poCast.people[turn % poCast.people.length]!;
  const key = (step: string) => `scale-${runId}-${i}-${step}`;
  const expectScreen = (what: string, journey: Journey, screen: string): Journey => {
    if (journey.screen !== screen) run.fail(i, what, `landed on ${journey.screen} (status ${journey.status}), expected ${screen}`);
    return journey;
  };

  const { token: identity } = await run.call<{ token: string }>(i, 'identity token', { method: 'POST', path: '/api/dev/identity/tokens', body: { niss: person.niss }, key: key('identity') }, 201);
  const start = async (machine: string, token: string) => {
    const journey = await run.call<Journey>(i, `start ${machine}`, { method: 'POST', path: '/api/journeys', token, body: { machine }, key: key(`start-${machine}`) }, 201);
    return journey;
  };
  const send = async (journey: Journey, token: string, event: { type: string }, screen: string) =>
    expectScreen(
      event.type,
      await run.call<Journey>(i, `${journey.id.split('-')[0]} ${event.type}`, { method: 'POST', path: `/api/journeys/${journey.id}/events`, token, body: event, key: key(`${journey.id.split('-')[0]}-${event.type}`) }, 200),
      screen,
    );

  // The Break@Work sign-in.
  let s = await start('signIn', identity);
  out.signInId = s.id;
  s = await send(s, identity, { type: 'EMPLOYER' }, 'employerPage');
  s = await send(s, identity, { type: 'INTRODUCE_REQUEST' }, 'signIn');
  s = await send(s, identity, { type: 'SIGN_IN' }, 'organisationChoice');
  if (person.niss === people.bothPermissions.niss) {
    s = await send(s, identity, { type: 'CHOOSE_ORGANISATION', enterprise: poCast.enterprise } as { type: string }, 'actingChoice');
    s = await send(s, identity, { type: 'CHOOSE_ACTING_MODE', mode: 'PO' } as { type: string }, 'actingConfirmation');
    s = await send(s, identity, { type: 'CONFIRM_ACTING_MODE' }, 'signedIn');
  } else {
    s = await send(s, identity, { type: 'CHOOSE_ORGANISATION', enterprise: poCast.enterprise } as { type: string }, 'signedIn');
  }
  const acting = s.actingToken?.token;
  if (!acting) run.fail(i, 'sign-in', `signed in without an acting token (screen ${s.screen})`);
  out.acting = acting;

  // The request, to its ticket.
  const plan = requestPlan(teacher, community, turn % 2 === 0 ? 'FULL' : 'PARTIAL', baseMonth + 3 * turn);
  let r = await start('request', acting);
  out.requestId = r.id;
  r = await send(r, acting, plan.selectWorker, 'workerSelected');
  r = await send(r, acting, { type: 'START_REQUEST' }, 'leaveSelection');
  r = await send(r, acting, plan.chooseLeave, 'questions');
  r = await send(r, acting, plan.answers, 'confirmation');
  r = await send(r, acting, { type: 'CONFIRM', allCorrect: true } as { type: string }, 'awaitingWorker');
  const ticket = r.context.ticket;
  if (typeof ticket !== 'string') run.fail(i, 'CONFIRM', 'no ticket in the answer');
  out.ticket = ticket;

  // The back office: the worker's part done, then the decision.
  const agent = agents[i % agents.length]!;
  const { token: office } = await run.call<{ token: string }>(i, 'back-office token', { method: 'POST', path: '/api/dev/identity/tokens', body: { backofficeAgent: agent }, key: key('agent') }, 201);
  const backoffice = async (event: { type: string }, screen: string) =>
    expectScreen(
      `back-office ${event.type}`,
      await run.call<Journey>(i, `back-office ${event.type}`, { method: 'POST', path: `/api/backoffice/requests/${ticket}/events`, token: office, body: event, key: key(`office-${event.type}`) }, 200),
      screen,
    );
  await backoffice({ type: 'WORKER_PART_COMPLETED' }, 'inProcessing');
  await backoffice({ type: 'DECIDE', decision: 'refused', reason: `Scale run ${runId}, lifecycle ${i}` } as { type: string }, 'refused');

  // The PO reads the request's last screen.
  const last = expectScreen('final read', await run.call<Journey>(i, 'final read', { method: 'GET', path: `/api/journeys/${r.id}`, token: acting }, 200), 'refused');
  if (last.status !== 'done') run.fail(i, 'final read', `status ${last.status}, expected done`);
  out.completed = true;
}

async function overviewOf(run: Run, po: 'Y' | 'Z', outcomes: LifecycleOutcome[], since: Date): Promise<OverviewCheck> {
  const ofPo = outcomes.filter((o) => o.po === po);
  const tickets = new Map(ofPo.filter((o) => o.ticket && o.requestId).map((o) => [o.requestId!, o.ticket!]));
  const finalStatus = new Map(ofPo.filter((o) => o.completed && o.requestId).map((o) => [o.requestId!, 'refused']));
  const check: OverviewCheck = { po: `PO ${po}`, enterprise: pos[po].enterprise, tickets: tickets.size, rows: 0, rowsOfRun: 0, missing: [], wrongStatus: [] };
  const token = ofPo.find((o) => o.acting)?.acting;
  if (!token) {
    if (tickets.size) check.error = 'no acting token of this PO to read its overview';
    return check;
  }
  const seen = new Set<string>();
  try {
    const from = encodeURIComponent(new Date(since.getTime() - 1_000).toISOString());
    let cursor: string | null = null;
    do {
      const body: { items: Array<{ journeyId: string; ticket: string | null; status: string }>; nextCursor: string | null } = await run.call(
        -1,
        `overview of PO ${po}`,
        { method: 'GET', path: `/api/requests?from=${from}&pageSize=100${cursor ? `&cursor=${cursor}` : ''}`, token },
        200,
      );
      for (const row of body.items) {
        check.rows++;
        if (!tickets.has(row.journeyId)) continue;
        check.rowsOfRun++;
        seen.add(row.journeyId);
        const expected = finalStatus.get(row.journeyId);
        if (expected && row.status !== expected) check.wrongStatus.push(`${row.ticket}: ${row.status}`);
      }
      cursor = body.nextCursor;
    } while (cursor);
  } catch (err) {
    check.error = String(err);
  }
  check.missing = [...tickets].filter(([id]) => !seen.has(id)).map(([, ticket]) => ticket);
  return check;
}

async function replayCheck(replay: NonNullable<ScaleOptions['replay']>, ids: string[]): Promise<ReplayCheck> {
  const started = performance.now();
  const fetchErrors: string[] = [];
  const failedTasks: string[] = [];
  const histories: Array<{ workflowId: string; history: Awaited<ReturnType<ReturnType<Client['workflow']['getHandle']>['fetchHistory']>> }> = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < ids.length) {
        const workflowId = ids[next++]!;
        try {
          const history = await replay.client.workflow.getHandle(workflowId).fetchHistory();
          const failed = (history.events ?? []).filter((e) => e.eventType === temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED).length;
          if (failed) failedTasks.push(`${workflowId}: ${failed}`);
          histories.push({ workflowId, history });
        } catch (err) {
          fetchErrors.push(`${workflowId}: ${String(err)}`);
        }
      }
    }),
  );
  const report = await replayAll(await bundle(require.resolve('../../workflows')), histories, replay.dataConverter);
  return { histories: ids.length, replayed: report.replayed, failures: report.failures, failedTasks, fetchErrors, elapsedMs: Math.round(performance.now() - started) };
}

export async function runScale(options: ScaleOptions): Promise<ScaleResult> {
  const { apiUrls, lifecycles, concurrency } = options;
  if (apiUrls.length === 0) throw new Error('runScale: no API url');
  const runId = options.runId ?? randomBytes(4).toString('hex');
  const run = new Run(apiUrls, options.retryBudgetMs ?? 60_000, options.attemptTimeoutMs ?? 30_000);
  // Months from year 0: a window of its own per run, between the years 2100 and 2900.
  const baseMonth = 12 * (2100 + Math.floor(Math.random() * 800));
  const outcomes: LifecycleOutcome[] = Array.from({ length: lifecycles }, (_, i) => ({ po: cast[i % cast.length]!.po, completed: false }));
  const since = new Date();
  const started = performance.now();
  let next = 0;
  let completed = 0;
  const midwayAt = Math.floor(lifecycles / 2);
  let midway: Promise<void> | undefined;
  let midwayReport: ScaleResult['midway'];
  const progress = () =>
    options.onProgress?.({ lifecycles, started: next, completed, failedCalls: run.failures.length, retriedCalls: run.retriedCalls, elapsedMs: Math.round(performance.now() - started) });

  await Promise.all(
    Array.from({ length: Math.min(concurrency, lifecycles) }, async () => {
      while (next < lifecycles) {
        const i = next++;
        if (i === midwayAt && options.midway && !midway) {
          const at = performance.now();
          midway = options.midway().then(
            () => void (midwayReport = { atLifecycle: i, elapsedMs: Math.round(performance.now() - at) }),
            (err: unknown) => void (midwayReport = { atLifecycle: i, elapsedMs: Math.round(performance.now() - at), error: String(err) }),
          );
        }
        try {
          await lifecycle(run, runId, i, baseMonth, outcomes[i]!);
          completed++;
        } catch (err) {
          if (!(err instanceof CallFailed)) run.failures.push({ lifecycle: i, call: 'lifecycle', reason: String(err) });
        }
        progress();
      }
    }),
  );
  await midway;
  const elapsedMs = Math.round(performance.now() - started);

  const ticketNumbers = outcomes.flatMap((o) => (o.ticket ? [o.ticket] : []));
  const counts = new Map<string, number>();
  for (const t of ticketNumbers) counts.set(t, (counts.get(t) ?? 0) + 1);
  const duplicateTickets = [...counts].filter(([, n]) => n > 1).map(([t]) => t);

  const sorted = [...run.latencies].sort((a, b) => a - b);
  const callLatencyMs = { p50: Math.round(percentile(sorted, 50)), p95: Math.round(percentile(sorted, 95)), p99: Math.round(percentile(sorted, 99)), max: Math.round(sorted.at(-1) ?? NaN) };
  // The overview reads and the replay come after the timed part.
  const overviewRun = new Run(apiUrls, options.retryBudgetMs ?? 60_000, options.attemptTimeoutMs ?? 30_000);
  const overviewRows = await Promise.all((['Y', 'Z'] as const).map((po) => overviewOf(overviewRun, po, outcomes, since)));
  const ids = outcomes.flatMap((o) => [o.signInId, o.requestId].filter((id): id is string => Boolean(id)));
  const replay = options.replay ? await replayCheck(options.replay, ids) : null;

  return {
    lifecycles,
    completed,
    calls: run.calls,
    failedCalls: [...run.failures, ...overviewRun.failures],
    retriedCalls: run.retriedCalls,
    retryReasons: run.retryReasons,
    ticketNumbers,
    duplicateTickets,
    overviewRows,
    elapsedMs,
    lifecyclesPerSec: Math.round((completed / (elapsedMs / 1000)) * 100) / 100,
    callLatencyMs,
    ...(midwayReport ? { midway: midwayReport } : {}),
    journeys: { signIn: outcomes.filter((o) => o.signInId).length, request: outcomes.filter((o) => o.requestId).length },
    replay,
  };
}

/** The five figures the scale test asserts, as readable failures (empty when all hold). */
export function scaleAssertions(result: ScaleResult): string[] {
  const failed: string[] = [];
  if (result.completed < result.lifecycles) failed.push(`lifecycles completed: ${result.completed} of ${result.lifecycles}`);
  if (result.failedCalls.length > 0) failed.push(`failed calls after retry: ${result.failedCalls.length}`);
  if (result.duplicateTickets.length > 0) failed.push(`duplicate tickets: ${result.duplicateTickets.join(', ')}`);
  for (const o of result.overviewRows) {
    if (o.rowsOfRun !== o.tickets || o.missing.length > 0 || o.wrongStatus.length > 0 || o.error) {
      failed.push(`overview of ${o.po}: ${o.rowsOfRun} rows of ${o.tickets} tickets${o.missing.length ? `, missing ${o.missing.join(', ')}` : ''}${o.wrongStatus.length ? `, wrong status ${o.wrongStatus.join(', ')}` : ''}${o.error ? `, ${o.error}` : ''}`);
    }
  }
  if (!result.replay) failed.push('replay check not run');
  else {
    const notReplayed = result.replay.failures.length + result.replay.fetchErrors.length + (result.replay.histories - result.replay.replayed - result.replay.fetchErrors.length);
    if (notReplayed > 0) failed.push(`journeys that do not replay: ${notReplayed}`);
  }
  return failed;
}
