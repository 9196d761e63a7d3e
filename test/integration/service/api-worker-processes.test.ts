/**
 * `npm run api` and `npm run worker` as separate processes (the scripts those npm scripts run, spawned
 * the same way) on a fresh PostgreSQL database and the suite's Temporal dev server: both start at once
 * on the empty database; the worker's /readyz is 200 while it runs; a sign-in journey goes through the
 * API to its acting token; SIGTERM makes the worker drain and exit 0; a journey started while no worker
 * runs completes once a new worker process starts; SIGTERM makes the API exit 0. The first worker runs
 * with the default WORKFLOW_STACK_TRACES (off: the stack trace query says they are not enabled), the
 * second with `on` (the query answers the workflow's stack), as the preload of decision 31 makes them.
 */
import { Client, Connection } from '@temporalio/client';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { entryArgs } from '../../../scripts/node-entry';
import request from 'supertest';
import { demoCast } from '../../../store/demo-data';
import { identityToken, ok, send, start, type JourneyBody, type JourneyEvent } from '../../support/http-journeys';
import { freePort } from '../../support/npm-start';
import { TEST_PAYLOAD_KEYS, testDataConverter, testServerAddress } from '../../support/temporal';
import { createThrowawayDb, type ThrowawayDb } from '../../support/throwaway-db';

interface Spawned {
  child: ChildProcess;
  output(): string;
  exit: Promise<number | null>;
  signal(signal: NodeJS.Signals): Promise<number | null>;
}

const root = join(__dirname, '../../..');
const spawned: Spawned[] = [];

function spawnEntry(script: 'api' | 'worker', env: NodeJS.ProcessEnv): Spawned {
  const fullEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const name of ['TEMPORAL_PROFILE', 'TEMPORAL_CONFIG_FILE', 'TEMPORAL_API_KEY', 'TEMPORAL_TLS']) delete fullEnv[name];
  // What `npm run api` / `npm run worker` run (scripts/node-entry.ts), without npm between the signal and the process.
  const child = spawn(process.execPath, entryArgs(`scripts/${script}.ts`), { cwd: root, env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const s: Spawned = {
    child,
    output: () => output,
    exit,
    async signal(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const code = await exit;
      clearTimeout(killer);
      return code;
    },
  };
  spawned.push(s);
  return s;
}

async function waitUntil(url: string, status: number, proc: Spawned, timeoutMs = 90_000): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) throw new Error(`exited before ${url} answered ${status}:\n${proc.output()}`);
    try {
      const res = await fetch(url);
      last = `${res.status}`;
      if (res.status === status) return res.json();
    } catch (err) {
      last = String(err);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer ${status} (last: ${last}):\n${proc.output()}`);
}

let database: ThrowawayDb;
let dataDir: string;

beforeAll(async () => {
  database = await createThrowawayDb('processes');
  dataDir = mkdtempSync(join(tmpdir(), 'baw-processes-'));
});

afterAll(async () => {
  await Promise.all(spawned.map((s) => s.signal('SIGKILL')));
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('api and worker as separate processes: readiness, drain on SIGTERM (exit 0), a journey waits for a new worker', async () => {
  const apiPort = await freePort();
  const env = {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    TEMPORAL_ADDRESS: testServerAddress(),
    TEMPORAL_NAMESPACE: `processes-${randomUUID().slice(0, 8)}`,
    TEMPORAL_TASK_QUEUE: `journeys-${randomUUID()}`,
    TEMPORAL_METRICS_ADDRESS: 'off',
    LOG_LEVEL: 'info',
    PAYLOAD_KEYS: TEST_PAYLOAD_KEYS,
  };
  const workerEnv = async () => ({ ...env, WORKER_HEALTH_PORT: String(await freePort()) });
  const firstWorkerEnv = await workerEnv();
  const api = spawnEntry('api', env);
  const worker = spawnEntry('worker', firstWorkerEnv);
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const workerUrl = `http://127.0.0.1:${firstWorkerEnv.WORKER_HEALTH_PORT}`;

  expect(await waitUntil(`${apiUrl}/readyz`, 200, api)).toMatchObject({ status: 'ready', checks: { database: 'ok', temporal: 'ok' } });
  expect(await waitUntil(`${workerUrl}/readyz`, 200, worker)).toEqual({ status: 'ready', worker: 'RUNNING' });
  expect(await waitUntil(`${workerUrl}/healthz`, 200, worker)).toEqual({ status: 'ok' });

  const http = request(apiUrl);
  const { people, organisations } = demoCast;
  const walk: JourneyEvent[] = [{ type: 'EMPLOYER' }, { type: 'INTRODUCE_REQUEST' }, { type: 'SIGN_IN' }, { type: 'CHOOSE_ORGANISATION', enterprise: organisations.poY.enterpriseNumber }];
  const signInWalk = async (token: string, first: JourneyBody) => {
    let journey = first;
    for (const event of walk) journey = ok(await send(http, token, journey.id, event));
    return journey;
  };
  const token = await identityToken(http, people.poEducationOnly.niss);
  const signedIn = await signInWalk(token, ok(await start(http, token, 'signIn')));
  expect(signedIn.actingToken?.token).toEqual(expect.any(String));

  // Workflow stack traces are off by default (decision 31): the query fails (its message, "not enabled on
  // this worker", travels encrypted as every failure does), the worker's log says so.
  const connection = await Connection.connect({ address: testServerAddress() });
  const client = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE, dataConverter: testDataConverter });
  const stackTrace = (id: string) => client.workflow.getHandle(id).query<string>('__stack_trace');
  const open = ok(await start(http, token, 'signIn'));
  await expect(stackTrace(open.id)).rejects.toThrow('Encoded failure');
  expect(worker.output()).toContain('"workflowStackTraces":"off"');
  expect(worker.output()).not.toContain('stack trace collection will be disabled');

  // SIGTERM: the worker drains and exits 0.
  const drained = Date.now();
  expect(await worker.signal('SIGTERM')).toBe(0);
  const drainMs = Date.now() - drained;
  expect(worker.output()).toContain('"msg":"stopping"');
  await expect(fetch(`${workerUrl}/healthz`)).rejects.toThrow();

  // No worker: a journey started now waits (the API's call to Temporal waits for a workflow task) ...
  const key = `processes-${randomUUID()}`;
  const pending = start(http, token, 'signIn', key);
  let settled = false;
  void pending.finally(() => (settled = true));
  await new Promise((r) => setTimeout(r, 3_000));
  const answeredWithoutWorker = settled;
  // ... and completes once a new worker process runs (retried with its Idempotency-Key if the first call gave up).
  const secondWorkerEnv = { ...(await workerEnv()), WORKFLOW_STACK_TRACES: 'on' };
  const second = spawnEntry('worker', secondWorkerEnv);
  await waitUntil(`http://127.0.0.1:${secondWorkerEnv.WORKER_HEALTH_PORT}/readyz`, 200, second);
  let started = await pending;
  for (let i = 0; started.status !== 201 && i < 10; i++) {
    await new Promise((r) => setTimeout(r, 1_000));
    started = await start(http, token, 'signIn', key);
  }
  expect(started.status).toBe(201);
  const later = await signInWalk(token, ok(started));
  expect(later.actingToken?.token).toEqual(expect.any(String));
  // WORKFLOW_STACK_TRACES=on: the query answers where an open journey's workflow waits.
  expect(second.output()).toContain('"workflowStackTraces":"on"');
  const reopened = ok(await start(http, token, 'signIn'));
  expect(await stackTrace(reopened.id)).toMatch(/\bat .*host/);
  await connection.close();

  // SIGTERM: the API stops accepting, finishes what is in flight, exits 0; then the second worker.
  expect(await api.signal('SIGTERM')).toBe(0);
  await expect(fetch(`${apiUrl}/healthz`)).rejects.toThrow();
  expect(await second.signal('SIGTERM')).toBe(0);
  console.log(`processes: worker drained in ${drainMs} ms; start without a worker answered within 3 s: ${answeredWithoutWorker}`);
}, 240_000);
