/**
 * Benchmark section: request lifecycles on one running service, (a) through the HTTP API and (b) the
 * same workflow driven by the raw Temporal client, side by side in one run, at each concurrency.
 *
 * The service is `npm start` (scripts/start.ts: embedded dev server, worker and API in one process), run
 * as `npm start` runs it — plain Node on the JavaScript compiled at install (scripts/run.mjs) — as a
 * child process on free ports of 7900–7999, with its own PostgreSQL database (created, dropped at the end)
 * or `--pglite`. Its rate limits are raised (RATE_LIMIT_PER_MINUTE, RATE_LIMIT_READS_PER_MINUTE): the
 * lifecycles take turns between two PO people (PO Y and PO Z) and seven teachers, far more calls per
 * person than the default limits allow. Its keys (payload, owner hash, tokens) are set by the bench, so
 * that its own Temporal client reads and writes the same payloads and owner keys as the API.
 *
 * A lifecycle: the Break@Work sign-in (start, EMPLOYER, INTRODUCE_REQUEST, SIGN_IN, CHOOSE_ORGANISATION),
 * then a request (start, SELECT_WORKER, START_REQUEST, CHOOSE_LEAVE, ANSWER_QUESTIONS, CONFIRM → ticket).
 * Through the API: the calls a web page makes (identity tokens are minted once per person, before the
 * run). Directly: what api/journey-service.ts does for each call — update-with-start `open` with the
 * same JourneyStart, then `send` updates with the same events and the caller's owner keys.
 * Each path's lifecycles of a level run in blocks, the paths taking turns (A B B A …), so that both meet
 * the same load of a shared machine. After each block its requests are withdrawn (untimed), so that the
 * teachers' career maximum never refuses a later one.
 *
 * Prints per concurrency the lifecycles per second of both, their ratio, and p50/p95/p99 per step with
 * the API's overhead (API p50 − direct p50). Asserts nothing.
 *   tsx scripts/bench/lifecycles.ts [--concurrency 1,8,32] [--rounds 4] [--blocks 4] [--pglite] [--cpu-prof DIR] [--paths api,direct] [--keep]
 * `--paths api` runs the API's lifecycles alone (no ratio, no overhead): a CPU profile of the service
 * under that load holds nothing else.
 */
import { Client, Connection } from '@temporalio/client';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { parseConfig, type Config } from '../../config';
import { journeys } from '../../machines';
import type { JourneyView } from '../../machines/journey';
import { demoCast, type DemoTeacher } from '../../store/demo-data';
import { journeyDataConverter } from '../../worker/payload-codec';
import { journeyStartOperation } from '../../api/journey-service';
import { openView, sendEvent, type JourneyEvent, type JourneyStart } from '../../workflows/messages';
import { portOpen } from '../dev-server';
import { entryArgs } from '../node-entry';
import { requestPlan } from '../scale/request-plan';
import { historyBreakdown, printBreakdown, type HistoryBreakdown } from './history-breakdown';

const { organisations, people, teachers } = demoCast;

export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface StepFigures {
  step: string;
  api: Percentiles;
  direct: Percentiles;
  /** API p50 − direct p50, in ms. */
  overheadP50Ms: number;
}

/** CPU time per lifecycle, ms: what a lifecycle costs whatever else the machine runs. */
export interface CpuPerLifecycle {
  /** The service's process (API, worker, workflow threads). */
  service: number;
  /** The embedded Temporal dev server. */
  temporal: number;
  /** This process: the HTTP client, or the raw Temporal client. */
  client: number;
  total: number;
}

export interface PathFigures {
  /** CPU time per lifecycle (Linux /proc; NaN elsewhere). */
  cpuMs: CpuPerLifecycle;
  lifecycles: number;
  failed: number;
  lifecyclesPerSec: number;
  /** Sign-in to ticket, ms. */
  lifecycle: Percentiles;
  /** Start of the request to its ticket, ms. */
  request: Percentiles;
}

export interface LevelFigures {
  concurrency: number;
  api: PathFigures;
  direct: PathFigures;
  /** API lifecycles/s ÷ direct lifecycles/s. */
  ratio: number;
  /** The median over the steps of each step's overhead (API p50 − direct p50), ms. */
  overheadP50Ms: number;
  /** The same over the steps that run no activity (the machine alone). */
  pureOverheadP50Ms: number;
  perStep: StepFigures[];
  /** At the first level: where the direct path's request journeys spent their time inside Temporal. */
  breakdown?: HistoryBreakdown;
}

export interface LifecycleFigures {
  /** At the highest concurrency. */
  apiLifecyclesPerSec: number;
  directLifecyclesPerSec: number;
  ratio: number;
  /** Through the API at concurrency 1: the request's start to its ticket (the issue's "lifecycle"), ms. */
  lifecycleP50Ms: number;
  /** Through the API at concurrency 1: sign-in to ticket, ms. */
  signInToTicketP50Ms: number;
  /** At concurrency 1 (see LevelFigures). */
  overheadP50Ms: number;
  pureOverheadP50Ms: number;
  perStep: StepFigures[];
  byConcurrency: LevelFigures[];
  service: { backend: 'postgres' | 'pglite'; rateLimitPerMinute: number };
}

export interface LifecycleOptions {
  concurrency?: number[];
  /** Lifecycles per path and level: concurrency × rounds (at least 16). */
  rounds?: number;
  /** Each path's lifecycles of a level run in this many blocks, the paths taking turns. */
  blocks?: number;
  pglite?: boolean;
  /** Write the service's CPU profile (node --cpu-prof) into this folder. */
  cpuProfDir?: string;
  /** Which paths run (both by default). */
  paths?: Array<'api' | 'direct'>;
  keep?: boolean;
  serverUrl?: string;
  log?: (line: string) => void;
}

/** Steps that invoke no actor: what they cost is the machine's and the API's alone. */
/** The calls of a request journey from its start to its ticket: open, then five events. */
const REQUEST_CALLS = 6;
const PURE_STEPS = new Set(['EMPLOYER', 'INTRODUCE_REQUEST', 'SIGN_IN', 'START_REQUEST', 'CHOOSE_LEAVE']);

/** Who signs in, by turns: a PO person of PO Y and one of PO Z, each with the teachers of their PO. */
const lanes: Array<{ niss: string; enterprise: string; cast: Array<{ teacher: DemoTeacher; community: string }> }> = [
  {
    niss: people.poEducationOnly.niss,
    enterprise: organisations.poY.enterpriseNumber,
    cast: [
      { teacher: teachers.primaryA, community: 'FR' },
      { teacher: teachers.nurseryA, community: 'FR' },
      { teacher: teachers.temporaryB, community: 'FR' },
      { teacher: teachers.twoCommunities, community: 'FR' },
    ],
  },
  {
    niss: people.poZUser.niss,
    enterprise: organisations.poZ.enterpriseNumber,
    cast: [
      { teacher: teachers.germanD, community: 'DE' },
      { teacher: teachers.upperSecondaryE, community: 'FR' },
      { teacher: teachers.bornAfter2000E, community: 'FR' },
    ],
  },
];

export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN);
  return { count: sorted.length, p50: at(50), p95: at(95), p99: at(99) };
}

const median = (values: number[]) => percentiles(values).p50;
const round = (n: number, digits = 1) => Number(n.toFixed(digits));

/** One lifecycle's plan: who, which teacher, which period (a fresh one per lifecycle of the run). */
interface Plan {
  niss: string;
  enterprise: string;
  request: ReturnType<typeof requestPlan>;
}

class Planner {
  private next = 0;
  /** A month far in the future, another per run, so that repeated runs on one database never overlap. */
  private readonly baseMonth = (2100 + Math.floor(Math.random() * 200)) * 12;

  plan(): Plan {
    const i = this.next++;
    const lane = lanes[i % lanes.length]!;
    const j = Math.floor(i / lanes.length);
    const { teacher, community } = lane.cast[j % lane.cast.length]!;
    const turn = Math.floor(j / lane.cast.length);
    return { niss: lane.niss, enterprise: lane.enterprise, request: requestPlan(teacher, community, turn % 2 === 0 ? 'FULL' : 'PARTIAL', this.baseMonth + 3 * turn) };
  }
}

/** A lifecycle's steps, each timed; throws on an answer that is not the expected one. */
interface Path {
  name: 'api' | 'direct';
  lifecycle(plan: Plan, time: <T>(step: string, call: () => Promise<T>) => Promise<T>): Promise<{ requestId: string; requestMs: number }>;
}

interface View {
  id?: string;
  screen: string;
  status: string;
  context: Record<string, unknown>;
  output?: unknown;
  actingToken?: { token: string };
}

function expectScreen(step: string, view: View, screen: string): void {
  if (view.screen !== screen) throw new Error(`${step} landed on ${view.screen} (status ${view.status}), expected ${screen}`);
}

function apiPath(base: string, identities: Map<string, string>): Path {
  const call = async (method: 'GET' | 'POST', path: string, token: string, body?: unknown, expected = 200): Promise<View> => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status !== expected) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as View;
  };
  return {
    name: 'api',
    async lifecycle(plan, time) {
      const identity = identities.get(plan.niss)!;
      const send = async (id: string, token: string, event: JourneyEvent, screen: string) => {
        const view = await time(event.type, () => call('POST', `/api/journeys/${id}/events`, token, event));
        expectScreen(event.type, view, screen);
        return view;
      };
      const signIn = await time('start signIn', () => call('POST', '/api/journeys', identity, { machine: 'signIn' }, 201));
      await send(signIn.id!, identity, { type: 'EMPLOYER' }, 'employerPage');
      await send(signIn.id!, identity, { type: 'INTRODUCE_REQUEST' }, 'signIn');
      await send(signIn.id!, identity, { type: 'SIGN_IN' }, 'organisationChoice');
      const signedIn = await send(signIn.id!, identity, { type: 'CHOOSE_ORGANISATION', enterprise: plan.enterprise }, 'signedIn');
      const acting = signedIn.actingToken?.token;
      if (!acting) throw new Error('signed in without an acting token');
      const requestStarted = performance.now();
      const request = await time('start request', () => call('POST', '/api/journeys', acting, { machine: 'request' }, 201));
      await runRequest((event, screen) => send(request.id!, acting, event, screen), plan);
      return { requestId: request.id!, requestMs: performance.now() - requestStarted };
    },
  };
}

/** The request's events after its start, the same for both paths; checks the ticket. */
async function runRequest(send: (event: JourneyEvent, screen: string) => Promise<View>, plan: Plan): Promise<void> {
  const { selectWorker, chooseLeave, answers } = plan.request;
  await send(selectWorker, 'workerSelected');
  await send({ type: 'START_REQUEST' }, 'leaveSelection');
  await send(chooseLeave, 'questions');
  await send(answers, 'confirmation');
  const confirmed = await send({ type: 'CONFIRM', allCorrect: true }, 'awaitingWorker');
  if (typeof confirmed.context.ticket !== 'string') throw new Error('CONFIRM gave no ticket');
}

/** The owner keys as api/journey-service.ts makes them (`ownerKey`, `ownerKeys`): hashed and plain. */
function ownerKeysOf(secret: Buffer, niss: string, acting?: { enterprise: string; mode: string }) {
  const key = (kind: string, plain: string) => `${kind}:${createHmac('sha256', secret).update(plain).digest('hex')}`;
  const person = `person:${niss}`;
  const keys = [key('person', person), person];
  if (!acting) return { owner: keys[0]!, owners: keys };
  const inContext = `acting:${niss}:${acting.enterprise}:${acting.mode}`;
  return { owner: key('acting', inContext), owners: [...keys, key('acting', inContext), inContext] };
}

const belgianDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' });

function directPath(client: Client, config: Config, secret: Buffer): Path {
  const open = (machine: string, input: unknown, owner: string): Promise<{ id: string; view: JourneyView }> => {
    const id = `${machine}-${randomUUID()}`;
    const start: JourneyStart = { machine, input: journeys[machine]!.input.parse(input), owner, delays: { ...config.delays }, inspect: false };
    return client.workflow
      .executeUpdateWithStart(openView, { startWorkflowOperation: journeyStartOperation(config.temporal.taskQueue, id, start) })
      .then((view) => ({ id, view }));
  };
  return {
    name: 'direct',
    async lifecycle(plan, time) {
      const person = ownerKeysOf(secret, plan.niss);
      const send = async (id: string, owners: string[], event: JourneyEvent, screen: string) => {
        const view = (await time(event.type, () => client.workflow.getHandle(id).executeUpdate(sendEvent, { args: [event, { owners }] }))) as View;
        expectScreen(event.type, view, screen);
        return view;
      };
      const signIn = await time('start signIn', () => open('signIn', { niss: plan.niss }, person.owner));
      await send(signIn.id, person.owners, { type: 'EMPLOYER' }, 'employerPage');
      await send(signIn.id, person.owners, { type: 'INTRODUCE_REQUEST' }, 'signIn');
      await send(signIn.id, person.owners, { type: 'SIGN_IN' }, 'organisationChoice');
      const signedIn = await send(signIn.id, person.owners, { type: 'CHOOSE_ORGANISATION', enterprise: plan.enterprise }, 'signedIn');
      const { niss: _niss, ...acting } = signedIn.output as { niss: string; enterprise: string; enterpriseName: string; mode: string };
      const actingKeys = ownerKeysOf(secret, plan.niss, acting);
      const requestStarted = performance.now();
      const input = { acting, introducedBy: plan.niss, openedOn: belgianDate.format(new Date()), fullLoads: config.fullLoads };
      const request = await time('start request', () => open('request', input, actingKeys.owner));
      await runRequest((event, screen) => send(request.id, actingKeys.owners, event, screen), plan);
      return { requestId: request.id, requestMs: performance.now() - requestStarted };
    },
  };
}

/** What one path did at one level, summed over its blocks. */
class PathRun {
  readonly steps = new Map<string, number[]>();
  readonly lifecycles: number[] = [];
  readonly requests: number[] = [];
  readonly requestIds: string[] = [];
  readonly errors: string[] = [];
  seconds = 0;
  readonly cpu = { service: 0, temporal: 0, client: 0 };

  figures(): PathFigures {
    const per = (ms: number) => round(ms / Math.max(1, this.lifecycles.length + this.errors.length), 1);
    const cpuMs = { service: per(this.cpu.service), temporal: per(this.cpu.temporal), client: per(this.cpu.client), total: 0 };
    cpuMs.total = round(cpuMs.service + cpuMs.temporal + cpuMs.client, 1);
    return {
      cpuMs,
      lifecycles: this.lifecycles.length,
      failed: this.errors.length,
      lifecyclesPerSec: round(this.lifecycles.length / this.seconds, 2),
      lifecycle: percentiles(this.lifecycles),
      request: percentiles(this.requests),
    };
  }
}

/** `count` lifecycles of `path`, `concurrency` at a time, added to `run`. */
async function runBlock(path: Path, run: PathRun, planner: Planner, count: number, concurrency: number, cpu: CpuMeter): Promise<void> {
  const cpuBefore = cpu.read();
  const time = async <T>(step: string, call: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await call();
    (run.steps.get(step) ?? run.steps.set(step, []).get(step)!).push(performance.now() - started);
    return result;
  };
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next++;
        const plan = planner.plan();
        const t0 = performance.now();
        try {
          const { requestId, requestMs } = await path.lifecycle(plan, time);
          run.lifecycles.push(performance.now() - t0);
          run.requests.push(requestMs);
          run.requestIds.push(requestId);
        } catch (err) {
          run.errors.push(err instanceof Error ? err.message : String(err));
        }
      }
    }),
  );
  run.seconds += (performance.now() - started) / 1000;
  const cpuAfter = cpu.read();
  run.cpu.service += cpuAfter.service - cpuBefore.service;
  run.cpu.temporal += cpuAfter.temporal - cpuBefore.temporal;
  run.cpu.client += cpuAfter.client - cpuBefore.client;
}

/** CPU time (user + system, ms) a process has used so far, from Linux's /proc; NaN elsewhere. */
export function processCpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // USER_HZ is 100 on Linux: /proc times are in 1/100 s.
  } catch {
    return NaN;
  }
}

/** CPU time used so far (ms) by the service's process, its Temporal dev server and this process. */
class CpuMeter {
  constructor(private readonly servicePid: number) {}

  /** The service's children (the dev server), found by their parent. */
  private children(): number[] {
    try {
      return readdirSync('/proc')
        .filter((d) => /^\d+$/.test(d))
        .filter((d) => {
          try {
            return Number(readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === this.servicePid;
          } catch {
            return false;
          }
        })
        .map(Number);
    } catch {
      return [];
    }
  }

  read(): { service: number; temporal: number; client: number } {
    const own = process.cpuUsage();
    return {
      service: processCpuMs(this.servicePid),
      temporal: this.children().reduce((sum, pid) => sum + processCpuMs(pid), 0),
      client: (own.user + own.system) / 1000,
    };
  }
}

/** Withdraws the run's requests (untimed), so that they no longer count against the teachers' maximum. */
async function withdraw(client: Client, ids: string[]): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < ids.length) {
        const id = ids[next++]!;
        await client.workflow
          .getHandle(id)
          .executeUpdate(sendEvent, { args: [{ type: 'WITHDRAW', reason: 'Benchmark run over' }] })
          .catch(() => undefined);
      }
    }),
  );
}

async function freePorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  // A random start, so that two benchmarks started together are unlikely to pick the same ports.
  const first = 7900 + Math.floor(Math.random() * 100);
  for (let k = 0; k < 100 && ports.length < count; k++) {
    const port = 7900 + ((first - 7900 + k) % 100);
    if (!(await portOpen(port))) ports.push(port);
  }
  if (ports.length < count) throw new Error('no free ports in 7900–7999');
  return ports;
}

async function waitReady(url: string, child: ChildProcess, logFile: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the service exited with code ${child.exitCode} (its log: ${logFile})`);
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the service was not ready within ${timeoutMs} ms (its log: ${logFile})`);
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');

function printLevel(level: LevelFigures, log: (line: string) => void): void {
  const { api, direct } = level;
  log(
    `\nconcurrency ${level.concurrency}: API ${api.lifecyclesPerSec} lifecycles/s (${api.lifecycles} ok, ${api.failed} failed), direct ${direct.lifecyclesPerSec} (${direct.lifecycles} ok, ${direct.failed} failed): ratio ${level.ratio.toFixed(3)}; overhead per step p50 ${fmt(level.overheadP50Ms)} ms (pure steps ${fmt(level.pureOverheadP50Ms)} ms)`,
  );
  const cpu = (c: CpuPerLifecycle) => `${fmt(c.total)} (service ${fmt(c.service)}, Temporal ${fmt(c.temporal)}, client ${fmt(c.client)})`;
  log(`  CPU ms per lifecycle: API ${cpu(api.cpuMs)}; direct ${cpu(direct.cpuMs)}`);
  log(`  lifecycle (sign-in → ticket) p50/p95/p99 ms: API ${fmt(api.lifecycle.p50)}/${fmt(api.lifecycle.p95)}/${fmt(api.lifecycle.p99)}, direct ${fmt(direct.lifecycle.p50)}/${fmt(direct.lifecycle.p95)}/${fmt(direct.lifecycle.p99)}`);
  log(`  request (start → ticket)     p50/p95/p99 ms: API ${fmt(api.request.p50)}/${fmt(api.request.p95)}/${fmt(api.request.p99)}, direct ${fmt(direct.request.p50)}/${fmt(direct.request.p95)}/${fmt(direct.request.p99)}`);
  log('  step                  API p50    p95    p99 │ direct p50    p95    p99 │ overhead p50');
  for (const s of level.perStep) {
    log(
      `  ${s.step.padEnd(20)} ${fmt(s.api.p50).padStart(7)} ${fmt(s.api.p95).padStart(6)} ${fmt(s.api.p99).padStart(6)} │ ${fmt(s.direct.p50).padStart(10)} ${fmt(s.direct.p95).padStart(6)} ${fmt(s.direct.p99).padStart(6)} │ ${fmt(s.overheadP50Ms).padStart(8)}${PURE_STEPS.has(s.step) ? ' (pure)' : ''}`,
    );
  }
}

const RATE_LIMIT = 1_000_000;

export async function runLifecycles(options: LifecycleOptions = {}): Promise<LifecycleFigures> {
  const log = options.log ?? ((line: string) => console.log(line));
  const levels = options.concurrency ?? [1, 8, 32];
  const rounds = options.rounds ?? 4;
  const blocks = options.blocks ?? 4;
  const serverUrl = options.serverUrl ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-lifecycles-'));
  const database = `bench_lifecycles_${randomBytes(4).toString('hex')}`;
  const admin = options.pglite ? undefined : new pg.Client({ connectionString: serverUrl });
  const [apiPort, devPort, uiPort] = await freePorts(3);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(apiPort),
    HOST: '127.0.0.1',
    TEMPORAL_DEV_PORT: String(devPort),
    TEMPORAL_UI_PORT: String(uiPort),
    TEMPORAL_METRICS_ADDRESS: process.env.BENCH_METRICS_ADDRESS ?? 'off',
    WORKER_HEALTH_PORT: 'off',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
    RATE_LIMIT_READS_PER_MINUTE: String(RATE_LIMIT),
    PAYLOAD_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    OWNER_HASH_SECRET: randomBytes(32).toString('hex'),
    TOKEN_SECRET: randomBytes(32).toString('hex'),
  };
  delete env.TEMPORAL_ADDRESS;
  delete env.TEMPORAL_PROFILE;
  delete env.DATABASE_URL;
  if (admin) {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    env.DATABASE_URL = url.toString();
  }
  const config = parseConfig(env);
  const logFile = join(dataDir, 'service.log');
  const out = createWriteStream(logFile);
  const nodeArgs = [...(options.cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', resolve(options.cpuProfDir)] : []), ...entryArgs('scripts/start.ts')];
  const child = spawn(process.execPath, nodeArgs, { cwd: resolve(__dirname, '../..'), env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const base = `http://127.0.0.1:${apiPort}`;
  let connection: Connection | undefined;
  // Interrupted (Ctrl-C): the service, its database and its folder go too.
  const interrupted = () => {
    child.kill('SIGKILL');
    const dropped = admin ? admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined) : Promise.resolve();
    void dropped.finally(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(130);
    });
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    const startedAt = performance.now();
    await waitReady(base, child, logFile);
    log(`service ready in ${((performance.now() - startedAt) / 1000).toFixed(1)} s on ${base} (${admin ? `PostgreSQL database ${database}` : 'PGlite'}; rate limits ${RATE_LIMIT}/min; log ${logFile})`);
    connection = await Connection.connect({ address: `127.0.0.1:${devPort}` });
    const client = new Client({ connection, namespace: config.temporal.namespace, dataConverter: journeyDataConverter(config.payloadKeys!) });
    const identities = new Map<string, string>();
    for (const lane of lanes) {
      const res = await fetch(`${base}/api/dev/identity/tokens`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ niss: lane.niss }) });
      if (res.status !== 201) throw new Error(`identity token: ${res.status} ${await res.text()}`);
      identities.set(lane.niss, ((await res.json()) as { token: string }).token);
    }
    const paths = [apiPath(base, identities), directPath(client, config, Buffer.from(config.ownerHashSecret!, 'utf8'))].filter((p) => !options.paths || options.paths.includes(p.name));
    const planner = new Planner();
    const cpu = new CpuMeter(child.pid!);
    // Warm-up, untimed: the worker's caches, the JIT, connections.
    for (const path of paths) {
      const warm = new PathRun();
      await runBlock(path, warm, planner, 8, 4, cpu);
      if (warm.errors.length) throw new Error(`warm-up (${path.name}) failed: ${warm.errors[0]}`);
      await withdraw(client, warm.requestIds);
    }
    const byConcurrency: LevelFigures[] = [];
    for (const concurrency of levels) {
      const count = Math.max(16, concurrency * rounds);
      const runs = { api: new PathRun(), direct: new PathRun() };
      // Blocks in the order A B B A A B B A …: both paths meet the same drift of a shared machine.
      for (let b = 0; b < blocks; b++) {
        const order = b % 2 === 0 ? paths : [...paths].reverse();
        for (const path of order) {
          const run = runs[path.name];
          const before = run.requestIds.length;
          await runBlock(path, run, planner, Math.ceil(count / blocks), concurrency, cpu);
          await withdraw(client, run.requestIds.slice(before));
        }
      }
      for (const path of paths) for (const e of runs[path.name].errors.slice(0, 3)) log(`  ${path.name} lifecycle failed: ${e}`);
      const { api, direct } = runs;
      const perStep: StepFigures[] = [...new Set([...api.steps.keys(), ...direct.steps.keys()])].map((step) => {
        const a = percentiles(api.steps.get(step) ?? []);
        const d = percentiles(direct.steps.get(step) ?? []);
        return { step, api: a, direct: d, overheadP50Ms: round(a.p50 - d.p50, 2) };
      });
      const level: LevelFigures = {
        concurrency,
        api: api.figures(),
        direct: direct.figures(),
        ratio: round(api.figures().lifecyclesPerSec / direct.figures().lifecyclesPerSec, 3),
        overheadP50Ms: round(median(perStep.map((s) => s.overheadP50Ms)), 2),
        pureOverheadP50Ms: round(median(perStep.filter((s) => PURE_STEPS.has(s.step)).map((s) => s.overheadP50Ms)), 2),
        perStep,
      };
      printLevel(level, log);
      // At the first level, where the time goes inside Temporal (the histories are kept until the end).
      if (byConcurrency.length === 0 && runs.direct.requestIds.length) {
        level.breakdown = await historyBreakdown(client, runs.direct.requestIds, REQUEST_CALLS);
        printBreakdown(level.breakdown, log);
      }
      byConcurrency.push(level);
    }
    const first = byConcurrency[0]!;
    const last = byConcurrency.at(-1)!;
    return {
      apiLifecyclesPerSec: last.api.lifecyclesPerSec,
      directLifecyclesPerSec: last.direct.lifecyclesPerSec,
      ratio: last.ratio,
      lifecycleP50Ms: round(first.api.request.p50),
      signInToTicketP50Ms: round(first.api.lifecycle.p50),
      overheadP50Ms: first.overheadP50Ms,
      pureOverheadP50Ms: first.pureOverheadP50Ms,
      perStep: first.perStep,
      byConcurrency,
      service: { backend: admin ? 'postgres' : 'pglite', rateLimitPerMinute: RATE_LIMIT },
    };
  } finally {
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
    await connection?.close().catch(() => undefined);
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    if (admin) {
      if (options.keep) log(`database kept: ${env.DATABASE_URL}`);
      else await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch((err: unknown) => log(`could not drop ${database}: ${String(err)}`));
      await admin.end();
    }
    if (!options.keep) rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      concurrency: { type: 'string', default: '1,8,32' },
      rounds: { type: 'string', default: '4' },
      blocks: { type: 'string', default: '4' },
      pglite: { type: 'boolean', default: false },
      'cpu-prof': { type: 'string' },
      paths: { type: 'string', default: 'api,direct' },
      keep: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  runLifecycles({
    concurrency: values.concurrency.split(',').map(Number),
    rounds: Number(values.rounds),
    blocks: Number(values.blocks),
    pglite: values.pglite,
    cpuProfDir: values['cpu-prof'],
    paths: values.paths.split(',') as Array<'api' | 'direct'>,
    keep: values.keep,
  }).then(
    (figures) => {
      if (values.json) console.log(JSON.stringify(figures, null, 2));
      else {
        const { byConcurrency: _b, perStep: _p, ...headline } = figures;
        console.log(`\n${JSON.stringify(headline)}`);
      }
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
