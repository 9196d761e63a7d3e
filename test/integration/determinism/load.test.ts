/**
 * The determinism gate under load: whole lifecycles of every journey kind, many at once, through the
 * HTTP API on the real dev server and store, with delays short enough that idle timers fire on some
 * journeys while others cancel theirs. Then every history is replayed by a fresh replay worker.
 *
 * - with the service's worker as it runs (default cache): every history replays, none failed a task;
 * - with a worker whose cache holds 2 workflows, so nearly every task replays from history while the
 *   load goes on: no call fails, no task fails, every history replays;
 * - a restart: journeys held on every screen of their lifecycles while the worker is replaced by a new
 *   one (empty cache, new threads) answer on the same screen, and then finish.
 *
 * Its workflows, live and replayed, run in workflow threads with the SDK's stack traces off, as the
 * service's do (`npm test` starts jest with the preload of decision 31).
 *
 * LOAD_LIFECYCLES (default 100) sets how many lifecycles of each kind a run drives.
 */
import { QueryNotRegisteredError, type WorkflowHandle } from '@temporalio/client';
import { saveHistory } from '../../support/histories';
import { bundle } from '../../support/temporal';
import { drive, holdLanes, mixedLifecycle, newRun, type LoadRun } from '../../support/lifecycles';
import { eventTypes, replayAll, type ReplayReport } from '../../support/replay';
import { startTestService, type TestService, type TestWorkerOptions } from '../../support/service-harness';
import { bearer, type JourneyBody } from '../../support/http-journeys';

const LIFECYCLES = Number(process.env.LOAD_LIFECYCLES ?? 100);
const CONCURRENCY = 16;
/**
 * The idle and draft delays of a run: longer than the slowest call seen at 16 at once on 2 cores (6 s
 * with the default cache, 15 s with a cache of 2, where nearly every task replays its history), so that
 * only the lifecycles that idle on purpose expire.
 */
const IDLE_MS = { default: 15_000, tinyCache: 30_000 };

jest.setTimeout(15 * 60_000);

const allIds = (run: LoadRun) => Object.values(run.journeys).flat();

async function histories(service: TestService, ids: string[]) {
  return Promise.all(ids.map(async (workflowId) => ({ workflowId, history: await service.env.client.workflow.getHandle(workflowId).fetchHistory() })));
}

/** Workflow tasks that failed (a nondeterminism error fails the task): their journeys and counts. */
async function failedTasks(service: TestService, ids: string[]): Promise<string[]> {
  const failed: string[] = [];
  for (const id of ids) {
    const handle: WorkflowHandle = service.env.client.workflow.getHandle(id);
    const count = (await eventTypes(handle)).filter((t) => t === 'WORKFLOW_TASK_FAILED').length;
    if (count) failed.push(`${id}: ${count}`);
  }
  return failed;
}

/**
 * Whether the worker's workflow threads capture the SDK's stack traces: `npm test` starts jest with the
 * service's preload (decision 31), so the gate's workflows run as the service's do, with them off. Off,
 * the query fails in the workflow ("not enabled on this worker", a message the payload codec encrypts
 * as it does every failure's); on, it answers a stack.
 */
async function stackTraces(service: TestService, id: string): Promise<'on' | 'off'> {
  try {
    await service.env.client.workflow.getHandle(id).query<string>('__stack_trace');
    return 'on';
  } catch (err) {
    if (err instanceof QueryNotRegisteredError) return 'off';
    throw err;
  }
}

async function loadRun(
  worker: TestWorkerOptions,
  label: string,
  idleMs: number,
): Promise<{ run: LoadRun; replay: ReplayReport; failedTasks: string[]; stackTraces: 'on' | 'off' }> {
  const service = await startTestService({
    delays: { sessionIdle: idleMs, draftExpiry: idleMs },
    env: { RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_READS_PER_MINUTE: '1000000' },
    worker,
  });
  try {
    const run = newRun();
    const started = Date.now();
    await drive(LIFECYCLES, CONCURRENCY, mixedLifecycle(service.http, run, { idleMs }));
    const drivenIn = Date.now() - started;
    const ids = allIds(run);
    const traces = await stackTraces(service, ids[0]!);
    const replayStarted = Date.now();
    const fetched = await histories(service, ids);
    const replay = await replayAll(await bundle(require.resolve('../../../workflows')), fetched);
    // RECORD_HISTORIES=1 keeps one history of every way each journey ended, for the replay gate.
    for (const [end, [id]] of Object.entries(run.endedIds)) {
      const found = fetched.find((h) => h.workflowId === id);
      if (found) saveHistory(`load/${label.replace(/\W+/g, '-')}/${end.replace(':', '-')}`, found.history);
    }
    const report = {
      run: label,
      lifecycles: Object.fromEntries(Object.entries(run.journeys).map(([k, v]) => [k, v.length])),
      ended: run.ended,
      concurrency: CONCURRENCY,
      calls: run.calls,
      failedCalls: run.failures.length,
      slowestCallMs: run.slowestCallMs,
      drivenInSeconds: drivenIn / 1000,
      historiesReplayed: replay.replayed,
      replayFailures: replay.failures.length,
      replayedInSeconds: (Date.now() - replayStarted) / 1000,
      stackTraces: traces,
    };
    console.log(`[determinism gate] ${JSON.stringify(report)}`);
    return { run, replay, failedTasks: await failedTasks(service, ids), stackTraces: traces };
  } finally {
    await service.stop();
  }
}

function expectLifecycles(run: LoadRun) {
  expect(run.failures).toEqual([]);
  for (const kind of ['signIn', 'request', 'accessManagement'] as const) expect(run.journeys[kind].length).toBeGreaterThanOrEqual(LIFECYCLES);
  // Timers fired (expiry) and paths ended in every way the variants take.
  for (const end of ['signIn:signedIn', 'signIn:expired', 'request:accepted', 'request:refused', 'request:withdrawn', 'request:expired', 'accessManagement:signedOut', 'accessManagement:expired']) {
    expect(run.ended[end] ?? 0).toBeGreaterThan(0);
  }
}

test(`${LIFECYCLES} lifecycles of each journey at ${CONCURRENCY} at once: every history replays`, async () => {
  const { run, replay, failedTasks, stackTraces } = await loadRun({}, 'default cache', IDLE_MS.default);
  expect(stackTraces).toBe('off');
  expectLifecycles(run);
  expect(failedTasks).toEqual([]);
  expect(replay.failures).toEqual([]);
  expect(replay.replayed).toBe(allIds(run).length);
});

test(`the same load on a worker that caches 2 workflows: no call fails, no task fails, every history replays`, async () => {
  const { run, replay, failedTasks, stackTraces } = await loadRun({ maxCachedWorkflows: 2, maxConcurrentWorkflowTaskExecutions: 2 }, 'cache of 2', IDLE_MS.tinyCache);
  expect(stackTraces).toBe('off');
  expectLifecycles(run);
  expect(failedTasks).toEqual([]);
  expect(replay.failures).toEqual([]);
  expect(replay.replayed).toBe(allIds(run).length);
});

test('journeys held on every screen while the worker is replaced answer on the same screen, then finish', async () => {
  const service = await startTestService({ env: { RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_READS_PER_MINUTE: '1000000' } });
  try {
    const lanes = await holdLanes(service.http, 32);
    expect(lanes.run.failures).toEqual([]);
    expect(lanes.notHeld).toEqual([]);
    const { held, run } = lanes;
    expect(held).toHaveLength(64);

    await service.replaceWorker();

    const reads = await Promise.all(held.map(({ journey, token }) => service.http.get(`/api/journeys/${journey.id}`).set(bearer(token))));
    expect(reads.map((r) => r.status)).toEqual(held.map(() => 200));
    expect(reads.map((r) => (r.body as JourneyBody).screen)).toEqual(held.map(({ journey }) => journey.screen));
    const screens = [...new Set(held.map(({ journey }) => `${journey.machine}:${journey.screen}`))].sort();

    await lanes.finish();
    expect(run.failures).toEqual([]);
    expect((run.ended['request:accepted'] ?? 0) + (run.ended['request:refused'] ?? 0)).toBeGreaterThan(0);
    console.log(`[restart] ${JSON.stringify({ held: held.length, screens, ended: run.ended })}`);
    expect(screens.length).toBeGreaterThanOrEqual(12);
  } finally {
    await service.stop();
  }
});
