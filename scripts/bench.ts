/**
 * The benchmark (never part of `npm test`): each section starts what it measures on its own ports and
 * databases, runs, prints its table and returns figures; this script runs them in turn on a machine
 * that should be otherwise quiet, writes `bench/results.json` and prints the README's performance table
 * (each figure against its target). Asserts nothing: a missed target is a figure, not a failure.
 *   npm run bench [-- --only startup,lifecycles,floor,overview,memory] [--quick] [--merge] [--out bench/results.json]
 *   npm run bench -- --table        (the table of the figures in the file, nothing run)
 * `--quick` runs every section small (a minute or two in all), to try the benchmark itself; `--merge`
 * keeps the figures of the sections not run from the file.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { floorBench, type FloorFigures } from './bench/floor';
import { runLifecycles, type LifecycleFigures } from './bench/lifecycles';
import { benchOverview, type OverviewFigures } from './bench/overview';
import { startupBench } from './bench/startup';
import { resolveTemporalCli } from './resolve-temporal-cli';

const SECTIONS = ['startup', 'lifecycles', 'floor', 'overview', 'memory'] as const;
type Section = (typeof SECTIONS)[number];

/** The targets: `atMost` for times and sizes, `atLeast` for rates. */
const TARGETS = {
  lifecycleP50Ms: { atMost: 150, label: 'a request lifecycle at concurrency 1 (start → ticket), p50', unit: 'ms' },
  apiLifecyclesPerSec: { atLeast: 25, label: 'lifecycles/s through the API at concurrency 32', unit: '/s' },
  ratio: { atLeast: 0.95, label: 'API ÷ raw Temporal client, lifecycles/s at concurrency 32', unit: '' },
  overheadP50Ms: { atMost: 2, label: 'API overhead per step at concurrency 1 (p50, API − raw client)', unit: 'ms' },
  mbPerOpenJourney: { atMost: 0.25, label: 'heap per open journey in the worker cache', unit: 'MB' },
  startupMs: { atMost: 2000, label: '`npm start` to `/healthz`, data present', unit: 'ms' },
  overviewP99Ms: { atMost: 5, label: 'overview p99 at 1,000,000 requests (worst case)', unit: 'ms' },
} as const;
type Figure = keyof typeof TARGETS;

interface Results {
  measuredAt: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; os: string; node: string; postgres: string | null; temporalCli: string | null };
  apiLifecyclesPerSec?: number;
  directLifecyclesPerSec?: number;
  ratio?: number;
  lifecycleP50Ms?: number;
  overheadP50Ms?: number;
  overviewP99Ms?: number;
  mbPerOpenJourney?: number;
  startupMs?: number;
  sections: { lifecycles?: LifecycleFigures; floor?: FloorFigures; overview?: OverviewFigures; memory?: MemoryFigures; startup?: Awaited<ReturnType<typeof startupBench>> };
}

interface MemoryFigures {
  mbPerOpenJourney: number;
  openJourneys: number;
  bundleBytes: number;
}

/**
 * The memory section runs in its own process: it holds thousands of workflows in its heap, needs a heap
 * limit set when its process starts (it sets it itself) and must not count this process's heap. Its
 * output is shown as it comes; its last line is its figures, as JSON.
 */
function memoryInChild(journeys: number): Promise<MemoryFigures> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'bench', 'memory.ts'), '--journeys', String(journeys)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let pending = '';
    let last = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      process.stdout.write(chunk);
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      last = lines.filter((line) => line.trim()).at(-1) ?? last;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`the memory section exited with code ${code}`));
      if (pending.trim()) last = pending;
      try {
        resolvePromise(JSON.parse(last) as MemoryFigures);
      } catch {
        reject(new Error(`the memory section did not end with its figures: ${last}`));
      }
    });
  });
}

function quietly(command: string, args: string[]): string | null {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function machine(): Results['machine'] {
  const cpus = os.cpus();
  const cli = resolveTemporalCli(() => undefined);
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: quietly('psql', [process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test', '-Atqc', 'SHOW server_version']),
    temporalCli: cli ? quietly(cli.path, ['--version']) : null,
  };
}

function verdict(figure: Figure, value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return 'not measured';
  const target = TARGETS[figure];
  if ('atMost' in target) return value <= target.atMost ? 'met' : `missed by ${(value / target.atMost).toFixed(1)}×`;
  return value >= target.atLeast ? 'met' : `missed: ${((value / target.atLeast) * 100).toFixed(0)} % of it`;
}

function table(results: Results): string {
  const rows = (Object.keys(TARGETS) as Figure[]).map((figure) => {
    const target = TARGETS[figure];
    const value = results[figure];
    const shown = value === undefined ? '—' : `${value} ${target.unit}`.trim();
    const goal = 'atMost' in target ? `≤ ${target.atMost} ${target.unit}` : `≥ ${target.atLeast} ${target.unit}`;
    return `| ${target.label} | ${shown} | ${goal.trim()} | ${verdict(figure, value)} |`;
  });
  return ['| figure | measured | target | |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** The table, the floor a request's calls have on the machine when it was measured, and the ceiling of its throughput. */
function report(results: Results): string {
  const floor = results.sections.floor;
  if (!floor) return table(results);
  const latency = `${table(results)}\n\nthe platform's floor for a request's calls (a workflow that does nothing, same dev server): ${floor.requestFloorMs} ms`;
  // Results merged from a run before the throughput floor was measured have none.
  const { throughput } = floor as Partial<FloorFigures>;
  if (!throughput) return latency;
  return `${latency}\nits ceiling for lifecycles/s (the lifecycle's 11 calls on that workflow, ${throughput.concurrency} at once): ${throughput.lifecyclesPerSec} /s, ${throughput.cpuMs.total} ms of CPU per lifecycle`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      quick: { type: 'boolean', default: false },
      out: { type: 'string', default: join(__dirname, '..', 'bench', 'results.json') },
      merge: { type: 'boolean', default: false },
      table: { type: 'boolean', default: false },
    },
  });
  if (values.table) {
    console.log(report(JSON.parse(readFileSync(values.out, 'utf8')) as Results));
    return;
  }
  const only = values.only ? values.only.split(',').map((s) => s.trim()) : [...SECTIONS];
  const unknown = only.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length) throw new Error(`--only: unknown section(s) ${unknown.join(', ')}; the sections are ${SECTIONS.join(', ')}`);
  const run = (section: Section) => only.includes(section);
  const quick = values.quick;
  // --merge: the sections not run keep their figures from the file (each section says when it ran).
  const previous = values.merge && existsSync(values.out) ? (JSON.parse(readFileSync(values.out, 'utf8')) as Results) : undefined;
  const results: Results = { ...previous, measuredAt: new Date().toISOString(), machine: machine(), sections: { ...previous?.sections } };
  // Written after each section too: a section that fails leaves the others' figures.
  const save = () => {
    mkdirSync(dirname(values.out), { recursive: true });
    writeFileSync(values.out, `${JSON.stringify(results, null, 2)}\n`);
  };
  console.log(`machine: ${results.machine.cpus} × ${results.machine.cpuModel}, ${results.machine.memoryGiB} GiB, ${results.machine.os}, node ${results.machine.node}, PostgreSQL ${results.machine.postgres ?? '?'}`);

  // Start-up first, while nothing else has warmed the file cache for it.
  if (run('startup')) {
    console.log('\n== start-up: npm start to /healthz, data present');
    const startup = await startupBench({ runs: quick ? 1 : 5 });
    results.sections.startup = startup;
    results.startupMs = startup.startupMs;
    save();
  }
  if (run('lifecycles')) {
    console.log('\n== request lifecycles: HTTP API and raw Temporal client, side by side');
    const lifecycles = await runLifecycles(quick ? { concurrency: [1, 8], rounds: 2 } : {});
    results.sections.lifecycles = lifecycles;
    results.apiLifecyclesPerSec = lifecycles.apiLifecyclesPerSec;
    results.directLifecyclesPerSec = lifecycles.directLifecyclesPerSec;
    results.ratio = lifecycles.ratio;
    results.lifecycleP50Ms = lifecycles.lifecycleP50Ms;
    results.overheadP50Ms = lifecycles.overheadP50Ms;
    save();
  }
  if (run('floor')) {
    console.log("\n== the platform's floor: a workflow that does nothing, on the same kind of dev server");
    results.sections.floor = await floorBench({ runs: quick ? 20 : 60, lifecycles: quick ? 48 : 128 });
    save();
  }
  if (run('overview')) {
    console.log('\n== the overview and the back-office search on PostgreSQL');
    const overview = await benchOverview(quick ? { sizes: [100_000], calls: 300 } : {});
    results.sections.overview = overview;
    results.overviewP99Ms = overview.overviewP99Ms;
    save();
  }
  if (run('memory')) {
    console.log('\n== heap per open journey in the worker cache');
    const memory = await memoryInChild(quick ? 500 : 10_000);
    results.sections.memory = memory;
    results.mbPerOpenJourney = memory.mbPerOpenJourney;
  }

  save();
  console.log(`\n${report(results)}\n\nwritten to ${values.out}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
