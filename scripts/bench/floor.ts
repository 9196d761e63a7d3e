/**
 * Benchmark section: the platform's floor. A workflow that does nothing (./floor-workflow.ts) driven at
 * concurrency 1 on the same kind of dev server as `npm start`'s (scripts/dev-server.ts: its SQLite file,
 * its dynamic configuration), by a worker of the same SDK and the raw Temporal client: what an
 * update-with-start, an update and an update that runs one activity cost on this machine before any of
 * the service's own work. A request (start, SELECT_WORKER and ANSWER_QUESTIONS and CONFIRM with an
 * activity each, START_REQUEST and CHOOSE_LEAVE without) cannot take less than the sum of its calls'
 * floors: `requestFloorMs`.
 *
 * Then the same workflow in the shape of the lifecycles section's lifecycle, many at once
 * (`--concurrency`, 32 by default): a sign-in's five calls (an update-with-start, four updates, the last
 * ending it) and a request's six (an update-with-start, two updates, three with an activity), 11 calls
 * and two workflows. Its lifecycles per second and CPU per lifecycle (the dev server; this process, which
 * holds the worker and the client) are the most this machine gives before any of the service's work:
 * the ceiling of the lifecycles section's throughput. Prints the figures; asserts nothing.
 *   tsx scripts/bench/floor.ts [--runs 60] [--lifecycles 128] [--concurrency 32] [--port-base 7860]
 * Run as `npm run bench` runs it (with the workflow threads' preload, decision 31), the worker's
 * threads run as the service's do; it prints which.
 */
import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startDevServer } from '../dev-server';
import { floorActivityStep, floorStep, type floorWorkflow } from './floor-workflow';
import { historyBreakdown, printBreakdown, type HistoryBreakdown } from './history-breakdown';
import { workflowThreadPreloaded } from '../../worker/worker';
import { percentiles, processCpuMs, type Percentiles } from './lifecycles';
import { freePortsFrom } from './startup';

export interface FloorFigures {
  runs: number;
  updateWithStart: Percentiles;
  update: Percentiles;
  activityUpdate: Percentiles;
  /** start + 2 updates + 3 updates with an activity, at p50: the least a request can take here. */
  requestFloorMs: number;
  /** Where the counted runs spent their time inside Temporal (to compare with the lifecycles section's). */
  breakdown: HistoryBreakdown;
  /** The lifecycle's shape on the floor workflow, many at once: the ceiling of throughput here. */
  throughput: FloorThroughput;
}

export interface FloorThroughput {
  concurrency: number;
  lifecycles: number;
  lifecyclesPerSec: number;
  /** CPU time per lifecycle, ms: the dev server, and this process (worker and client). */
  cpuMs: { temporal: number; worker: number; total: number };
  /** Whether the worker's threads ran with the SDK's stack traces off (the service's default). */
  workflowStackTraces: 'on' | 'off';
}

/** Runs before this many are not counted: the worker's and the server's first moments. */
const WARM_UP_RUNS = 10;

/** Lifecycles before this many are not counted in the throughput figures. */
const WARM_UP_LIFECYCLES = 32;

/**
 * `lifecycles` lifecycles on the floor workflow, `concurrency` at a time: a sign-in's calls, then a
 * request's (see the module's comment). The counted ones' rate and CPU per lifecycle.
 */
async function floorThroughput(client: Client, taskQueue: string, devServerPid: number | undefined, lifecycles: number, concurrency: number): Promise<Omit<FloorThroughput, 'workflowStackTraces'>> {
  const open = (workflowId: string) =>
    client.workflow.executeUpdateWithStart(floorStep, {
      args: [1],
      startWorkflowOperation: new WithStartWorkflowOperation<typeof floorWorkflow>('floorWorkflow', { workflowId, taskQueue, workflowIdConflictPolicy: 'FAIL' }),
    });
  const lifecycle = async () => {
    const signIn = `floor-sign-in-${randomUUID()}`;
    await open(signIn);
    const signInHandle = client.workflow.getHandle(signIn);
    for (let i = 0; i < 3; i++) await signInHandle.executeUpdate(floorStep, { args: [1] });
    await signInHandle.executeUpdate(floorStep, { args: [-1] });
    const request = `floor-request-${randomUUID()}`;
    await open(request);
    const requestHandle = client.workflow.getHandle(request);
    for (let i = 0; i < 2; i++) await requestHandle.executeUpdate(floorStep, { args: [1] });
    for (let i = 0; i < 3; i++) await requestHandle.executeUpdate(floorActivityStep, { args: [1] });
  };
  const drive = async (count: number) => {
    let next = 0;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next++;
        await lifecycle();
      }
    }));
  };
  await drive(WARM_UP_LIFECYCLES);
  const cpu = () => ({ temporal: devServerPid === undefined ? NaN : processCpuMs(devServerPid), own: (process.cpuUsage().user + process.cpuUsage().system) / 1000 });
  const before = cpu();
  const started = performance.now();
  await drive(lifecycles);
  const seconds = (performance.now() - started) / 1000;
  const after = cpu();
  const per = (ms: number) => Number((ms / lifecycles).toFixed(1));
  const cpuMs = { temporal: per(after.temporal - before.temporal), worker: per(after.own - before.own), total: 0 };
  cpuMs.total = Number((cpuMs.temporal + cpuMs.worker).toFixed(1));
  return { concurrency, lifecycles, lifecyclesPerSec: Number((lifecycles / seconds).toFixed(2)), cpuMs };
}

export async function floorBench(options: { runs?: number; lifecycles?: number; concurrency?: number; portBase?: number } = {}): Promise<FloorFigures> {
  const runs = options.runs ?? 60;
  const [port, uiPort] = await freePortsFrom(options.portBase ?? 7860, 2);
  const dataDir = mkdtempSync(join(tmpdir(), 'breakatwork-bench-floor-'));
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const devServer = await startDevServer({ dataDir, port: port!, uiPort: uiPort!, namespace: 'default', log: () => undefined });
  const taskQueue = `floor-${randomUUID()}`;
  try {
    const worker = await Worker.create({
      connection: await NativeConnection.connect({ address: devServer.address }),
      taskQueue,
      workflowsPath: require.resolve('./floor-workflow'),
      activities: { floorActivity: (step: number) => Promise.resolve(step) },
    });
    const running = worker.run();
    const connection = await Connection.connect({ address: devServer.address });
    const client = new Client({ connection });
    const counted: string[] = [];
    const times = { updateWithStart: [] as number[], update: [] as number[], activityUpdate: [] as number[] };
    const timed = async (into: number[] | undefined, call: () => Promise<unknown>) => {
      const started = performance.now();
      await call();
      into?.push(performance.now() - started);
    };
    for (let run = 0; run < WARM_UP_RUNS + runs; run++) {
      const workflowId = `floor-${run}-${randomUUID()}`;
      if (run >= WARM_UP_RUNS) counted.push(workflowId);
      const into = (list: number[]) => (run >= WARM_UP_RUNS ? list : undefined);
      const start = new WithStartWorkflowOperation<typeof floorWorkflow>('floorWorkflow', { workflowId, taskQueue, workflowIdConflictPolicy: 'FAIL' });
      await timed(into(times.updateWithStart), () => client.workflow.executeUpdateWithStart(floorStep, { args: [1], startWorkflowOperation: start }));
      const handle = client.workflow.getHandle(workflowId);
      for (let i = 0; i < 2; i++) await timed(into(times.update), () => handle.executeUpdate(floorStep, { args: [1] }));
      for (let i = 0; i < 3; i++) await timed(into(times.activityUpdate), () => handle.executeUpdate(floorActivityStep, { args: [1] }));
      await handle.executeUpdate(floorStep, { args: [-1] });
    }
    // The six calls a request's floor counts: the start, two updates, three with an activity.
    const breakdown = await historyBreakdown(client, counted, 6);
    const throughput = {
      ...(await floorThroughput(client, taskQueue, devServer.pid, options.lifecycles ?? 128, options.concurrency ?? 32)),
      workflowStackTraces: workflowThreadPreloaded() && process.env.WORKFLOW_STACK_TRACES !== 'on' ? ('off' as const) : ('on' as const),
    };
    worker.shutdown();
    await running;
    await connection.close();
    const rounded = (values: number[]): Percentiles => {
      const { count, p50, p95, p99 } = percentiles(values);
      return { count, p50: Number(p50.toFixed(1)), p95: Number(p95.toFixed(1)), p99: Number(p99.toFixed(1)) };
    };
    const figures = { runs, updateWithStart: rounded(times.updateWithStart), update: rounded(times.update), activityUpdate: rounded(times.activityUpdate) };
    const requestFloorMs = Number((figures.updateWithStart.p50 + 2 * figures.update.p50 + 3 * figures.activityUpdate.p50).toFixed(1));
    const row = (name: string, p: Percentiles) => `  ${name.padEnd(28)} ${p.p50.toFixed(1).padStart(6)} ${p.p95.toFixed(1).padStart(6)} ${p.p99.toFixed(1).padStart(6)}`;
    console.log(`a workflow that does nothing, concurrency 1, ${runs} runs (after ${WARM_UP_RUNS} not counted); ms p50 p95 p99:`);
    console.log(row('update-with-start', figures.updateWithStart));
    console.log(row('update', figures.update));
    console.log(row('update with one activity', figures.activityUpdate));
    console.log(`  a request's calls at that floor (start + 2 updates + 3 with an activity): ${requestFloorMs} ms`);
    printBreakdown(breakdown, (line) => console.log(line), 'floor workflows');
    const { cpuMs } = throughput;
    console.log(
      `the lifecycle's 11 calls on that workflow, ${throughput.concurrency} at once, ${throughput.lifecycles} lifecycles (after ${WARM_UP_LIFECYCLES} not counted; workflow stack traces ${throughput.workflowStackTraces}): ` +
        `${throughput.lifecyclesPerSec} lifecycles/s; CPU per lifecycle ${cpuMs.total} ms (dev server ${cpuMs.temporal}, worker and client ${cpuMs.worker})`,
    );
    return { ...figures, requestFloorMs, breakdown, throughput };
  } finally {
    await devServer.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '60' },
      lifecycles: { type: 'string', default: '128' },
      concurrency: { type: 'string', default: '32' },
      'port-base': { type: 'string', default: '7860' },
    },
  });
  floorBench({ runs: Number(values.runs), lifecycles: Number(values.lifecycles), concurrency: Number(values.concurrency), portBase: Number(values['port-base']) }).then(
    (figures) => {
      console.log(JSON.stringify(figures));
      process.exit(0);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
