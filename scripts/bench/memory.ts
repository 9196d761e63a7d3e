/**
 * Benchmark section: heap per open journey in the worker's cache. One worker (worker/worker.ts, the
 * prebuilt bundle, a cache large enough for them all) on its own embedded dev server; `--journeys`
 * request journeys opened with the Temporal client as the API opens them (update-with-start `open`),
 * each left waiting on its first screen (worker selection). The worker runs its workflows in this
 * process's main thread (debugMode) so that the process's heap counts them; the heap is read after a
 * full garbage collection before and after. Prints and returns { mbPerOpenJourney, openJourneys,
 * bundleBytes }.
 * `--screen confirmation` takes each journey on to its confirmation page instead (the demo cast loaded;
 * worker selected, leave chosen, questions answered: the context a journey holds at its fullest before
 * its ticket), to check the cache's size per workflow (worker/worker.ts, CACHED_WORKFLOW_MB).
 *   tsx scripts/bench/memory.ts [--journeys 10000] [--concurrency 32] [--port-base 7840] [--screen first|confirmation]
 * It re-runs itself with a heap limit large enough (and --expose-gc) when started without one.
 */
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createLogger } from '../../config/logger';
import { parsePayloadKeys } from '../../config/payload-keys';
import { journeys, type JourneyView } from '../../machines';
import { openDb } from '../../store/db';
import { migrate } from '../../store/migrate';
import { journeyDataConverter } from '../../worker/payload-codec';
import { createWorker } from '../../worker/worker';
import { journeyStartOperation } from '../../api/journey-service';
import { loadDemoData, demoCast } from '../../store/demo-data';
import { openView, searchAttributes, sendEvent, type JourneyEvent, type JourneyStart } from '../../workflows/messages';
import { ensureWorkflowBundle } from '../build-workflow-bundle';
import { startDevServer } from '../dev-server';
import { ensureTemporalNamespace } from '../temporal-namespace';
import { freePortsFrom } from './startup';

const MB = 1024 * 1024;
const BENCH_KEYS = `bench-1:${Buffer.from('break-at-work-bench-payload-key!').toString('base64')}`;

function heapAfterGc(): number {
  v8.setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

export type MemoryScreen = 'first' | 'confirmation';

/** The events that take a request journey of the demo cast's PO Y from its first screen to its confirmation page. */
function eventsToConfirmation(): JourneyEvent[] {
  const { schools, teachers } = demoCast;
  return [
    { type: 'SELECT_WORKER', community: 'FR', school: schools.a.schoolNumber, niss: teachers.primaryA.niss, status: 'STATUTORY', email: teachers.primaryA.email },
    { type: 'START_REQUEST' },
    { type: 'CHOOSE_LEAVE', leave: 'PARENTAL', form: 'HALF' },
    { type: 'ANSWER_QUESTIONS', level: 'PRIMARY', before: 24, during: 12, start: '2025-09-01', end: '2025-10-31', multipleEmployers: false },
  ];
}

export async function memoryBench(
  options: { journeys?: number; concurrency?: number; portBase?: number; screen?: MemoryScreen } = {},
): Promise<{ mbPerOpenJourney: number; openJourneys: number; bundleBytes: number; screen: MemoryScreen }> {
  const screen = options.screen ?? 'first';
  const total = options.journeys ?? 10_000;
  const concurrency = options.concurrency ?? 32;
  const [port, uiPort] = await freePortsFrom(options.portBase ?? 7840, 2);
  const dataDir = mkdtempSync(join(tmpdir(), 'breakatwork-bench-memory-'));
  const log = createLogger('warn');
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const devServer = await startDevServer({ dataDir, port: port!, uiPort: uiPort!, namespace: 'default', log: () => undefined });
  const db = await openDb({ dataDir: join(dataDir, 'pglite') });
  try {
    await migrate(db);
    if (screen === 'confirmation') await loadDemoData(db);
    const connection = await Connection.connect({ address: devServer.address });
    await ensureTemporalNamespace(connection, { address: devServer.address, namespace: 'default', retentionDays: 1, searchAttributes: Object.values(searchAttributes), log });
    const keys = parsePayloadKeys(BENCH_KEYS) as Map<string, Buffer>;
    const dataConverter = journeyDataConverter({ keys, encodeKeyId: 'bench-1' });
    const client = new Client({ connection, dataConverter });
    const bundle = await ensureWorkflowBundle({ say: (line) => console.log(`  ${line}`) });
    const taskQueue = 'bench-memory';
    const { worker, connection: workerConnection } = await createWorker({
      connection: { address: devServer.address },
      namespace: 'default',
      taskQueue,
      deps: { db },
      dataConverter,
      workflowBundle: bundle.bundle,
      // Room for every journey: the cache must not evict what is measured.
      cacheMb: total,
      debugMode: true,
    });
    const running = worker.run();
    const { organisations, people } = demoCast;
    const input: unknown = journeys.request!.input.parse({
      acting: { enterprise: organisations.poY.enterpriseNumber, mode: 'PO', enterpriseName: organisations.poY.name },
      introducedBy: people.poEducationOnly.niss,
      openedOn: '2025-08-20',
    });
    const onTheWay = screen === 'confirmation' ? eventsToConfirmation() : [];
    let opened = 0;
    const open = async (count: number) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < count) {
            const n = next++;
            const start: JourneyStart = { machine: 'request', input, owner: 'person:bench', delays: { draftExpiry: 30 * 24 * 3600_000 } };
            const workflowId = `request-bench-${count}-${n}-${process.pid}-${Date.now()}`;
            await client.workflow.executeUpdateWithStart(openView, { startWorkflowOperation: journeyStartOperation(taskQueue, workflowId, start) });
            let view: JourneyView | undefined;
            for (const event of onTheWay) view = await client.workflow.getHandle(workflowId).executeUpdate(sendEvent, { args: [event] });
            if (view && view.screen !== 'confirmation') throw new Error(`A journey stopped on ${view.screen} instead of its confirmation page: ${JSON.stringify(view.context.error)}`);
            opened++;
          }
        }),
      );
    };
    try {
      // Warm-up: the shared V8 context, the bundle's shared modules, the worker's own buffers.
      await open(50);
      const before = heapAfterGc();
      if (process.env.BENCH_MEMORY_SNAPSHOTS) v8.writeHeapSnapshot(join(process.env.BENCH_MEMORY_SNAPSHOTS, 'before.heapsnapshot'));
      const cachedBefore = worker.getStatus().numCachedWorkflows;
      const started = Date.now();
      let lastReport = Date.now();
      const progress = setInterval(() => {
        if (Date.now() - lastReport > 10_000) {
          lastReport = Date.now();
          console.log(`  … ${opened - 50} of ${total} opened, heap ${(process.memoryUsage().heapUsed / MB).toFixed(0)} MB`);
        }
      }, 1000);
      await open(total).finally(() => clearInterval(progress));
      const after = heapAfterGc();
      if (process.env.BENCH_MEMORY_SNAPSHOTS) v8.writeHeapSnapshot(join(process.env.BENCH_MEMORY_SNAPSHOTS, 'after.heapsnapshot'));
      const cachedAfter = worker.getStatus().numCachedWorkflows;
      const openJourneys = cachedAfter - cachedBefore;
      const mbPerOpenJourney = (after - before) / MB / openJourneys;
      const rss = process.memoryUsage().rss;
      console.log(`memory: ${openJourneys} open request journeys on their ${screen === 'first' ? 'first screen' : 'confirmation page'} in the worker's cache (opened in ${((Date.now() - started) / 1000).toFixed(0)} s)`);
      console.log(`  workflow bundle            ${(bundle.bytes / MB).toFixed(2)} MB`);
      console.log(`  heap before / after        ${(before / MB).toFixed(0)} MB / ${(after / MB).toFixed(0)} MB (process RSS ${(rss / MB).toFixed(0)} MB)`);
      console.log(`  heap per open journey      ${mbPerOpenJourney.toFixed(3)} MB`);
      return { mbPerOpenJourney: Number(mbPerOpenJourney.toFixed(3)), openJourneys, bundleBytes: bundle.bytes, screen };
    } finally {
      worker.shutdown();
      await running.catch(() => undefined);
      await workerConnection.close();
      await connection.close();
    }
  } finally {
    await db.close();
    await devServer.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      journeys: { type: 'string', default: '10000' },
      concurrency: { type: 'string', default: '32' },
      'port-base': { type: 'string', default: '7840' },
      screen: { type: 'string', default: 'first' },
    },
  });
  const journeysWanted = Number(values.journeys);
  // Enough heap for the journeys at the old 1.5 MB each and the rest: re-run with it if this process has less.
  const neededMb = 1024 + journeysWanted * 1.5;
  if (v8.getHeapStatistics().heap_size_limit / MB < neededMb && !process.env.BENCH_MEMORY_CHILD) {
    const result = spawnSync(process.execPath, [`--max-old-space-size=${Math.ceil(neededMb)}`, '--import', 'tsx', __filename, ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, BENCH_MEMORY_CHILD: '1' },
    });
    process.exit(result.status ?? 1);
  }
  if (values.screen !== 'first' && values.screen !== 'confirmation') {
    console.error(`--screen must be first or confirmation, not ${values.screen}`);
    process.exit(2);
  }
  memoryBench({ journeys: journeysWanted, concurrency: Number(values.concurrency), portBase: Number(values['port-base']), screen: values.screen }).then(
    (result) => {
      console.log(JSON.stringify(result));
      process.exit(0);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
