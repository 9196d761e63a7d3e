/**
 * Benchmark section: `npm start` to `/healthz` 200, with data present — the way a user starts the
 * service a second time. One start first creates the data (migrations, demo data, Temporal's SQLite
 * file; not counted), then `--runs` starts are timed from spawning `npm start` to the first 200 of
 * /healthz, each stopped with SIGINT before the next. Prints each run with when its start-up steps
 * logged (ms since spawn), and returns the median.
 *   tsx scripts/bench/startup.ts [--runs 3] [--port-base 7820]
 * Ports: four consecutive free ones from --port-base (API, Temporal frontend, its UI, worker metrics).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = join(__dirname, '../..');

/** Log lines whose time since spawn is printed: where start-up spends its time. */
const STEPS: [label: string, msg: RegExp][] = [
  ['config+imports', /^building the web application|^Temporal worker metrics|^database ready/],
  ['database ready', /^database ready/],
  ['demo data', /^demo data/],
  ['dev server up', /^embedded Temporal dev server started/],
  ['bundle checked', /^(workflow bundle (is current|built))/],
  ['worker started', /^worker started$/],
  ['service started', /^service started$/],
];

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** `count` free ports from `base` upwards (not necessarily consecutive). */
export async function freePortsFrom(base: number, count: number): Promise<number[]> {
  const ports: number[] = [];
  for (let port = base; ports.length < count && port < base + 100; port++) if (await portFree(port)) ports.push(port);
  if (ports.length < count) throw new Error(`fewer than ${count} free ports from ${base}`);
  return ports;
}

interface Run {
  child: ChildProcess;
  lines: { ms: number; msg: string }[];
  exited: Promise<number | null>;
}

function startService(dataDir: string, ports: number[], spawnedAt: number): Run {
  const [port, temporalPort, uiPort, metricsPort] = ports;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    TEMPORAL_DEV_PORT: String(temporalPort),
    TEMPORAL_UI_PORT: String(uiPort),
    TEMPORAL_METRICS_ADDRESS: `127.0.0.1:${metricsPort}`,
    LOG_LEVEL: 'info',
  };
  delete env.DATABASE_URL;
  delete env.TEMPORAL_ADDRESS;
  delete env.TEMPORAL_PROFILE;
  // As a user does: npm start, in a process group of its own so that SIGINT reaches the whole tree.
  const child = spawn('npm', ['start', '--silent'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const lines: Run['lines'] = [];
  let buffer = '';
  let errors = '';
  child.stdout.resume();
  // The service logs JSON lines on stderr.
  child.stderr.on('data', (d: Buffer) => {
    if (errors.length < 100_000) errors += d.toString();
    buffer += d.toString();
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      try {
        const { msg } = JSON.parse(line) as { msg?: string };
        if (typeof msg === 'string') lines.push({ ms: Date.now() - spawnedAt, msg });
      } catch {
        // not a JSON line
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  void exited.then((code) => {
    if (code !== 0 && code !== null) console.error(errors);
  });
  return { child, lines, exited };
}

async function untilHealthy(url: string, run: Run, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (run.child.exitCode !== null) throw new Error(`npm start exited (${run.child.exitCode}) before ${url} answered`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

async function stop(run: Run): Promise<void> {
  if (run.child.exitCode === null) process.kill(-run.child.pid!, 'SIGINT');
  const killer = setTimeout(() => process.kill(-run.child.pid!, 'SIGKILL'), 30_000);
  await run.exited;
  clearTimeout(killer);
}

export async function startupBench(options: { runs?: number; portBase?: number } = {}): Promise<{ startupMs: number; runsMs: number[]; firstStartMs: number }> {
  const runs = options.runs ?? 3;
  const ports = await freePortsFrom(options.portBase ?? 7820, 4);
  const dataDir = mkdtempSync(join(tmpdir(), 'breakatwork-bench-startup-'));
  const healthz = `http://127.0.0.1:${ports[0]}/healthz`;
  const timed = async (): Promise<{ ms: number; lines: Run['lines'] }> => {
    const spawnedAt = Date.now();
    const run = startService(dataDir, ports, spawnedAt);
    try {
      await untilHealthy(healthz, run, 180_000);
      const ms = Date.now() - spawnedAt;
      // The last lines of start-up follow /healthz by a few ms.
      await new Promise((r) => setTimeout(r, 200));
      return { ms, lines: [...run.lines] };
    } finally {
      await stop(run);
    }
  };
  try {
    console.log(`startup: npm start to ${healthz} 200 (data in ${dataDir}; ports ${ports.join(', ')})`);
    const first = await timed();
    console.log(`  first start (creates the data, not counted): ${first.ms} ms`);
    const runsMs: number[] = [];
    console.log(`  run  healthz ms  ${STEPS.map(([label]) => label.padStart(15)).join('')}`);
    for (let i = 1; i <= runs; i++) {
      const { ms, lines } = await timed();
      runsMs.push(ms);
      const steps = STEPS.map(([, re]) => {
        const line = lines.find((l) => re.test(l.msg));
        return (line ? String(line.ms) : '-').padStart(15);
      });
      console.log(`  ${String(i).padStart(3)}  ${String(ms).padStart(10)}  ${steps.join('')}`);
    }
    const sorted = [...runsMs].sort((a, b) => a - b);
    const startupMs = sorted[Math.floor(sorted.length / 2)]!;
    console.log(`  startupMs (median of ${runs}): ${startupMs}`);
    return { startupMs, runsMs, firstStartMs: first.ms };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, 'port-base': { type: 'string', default: '7820' } } });
  startupBench({ runs: Number(values.runs), portBase: Number(values['port-base']) }).then(
    (result) => console.log(JSON.stringify(result)),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
