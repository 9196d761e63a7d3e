/**
 * Benchmark section: `npm start` to `/healthz` 200, with data present — the way a user starts the
 * service a second time. One start first creates the data (migrations, demo data, Temporal's SQLite
 * file; not counted), then `--runs` starts are timed from spawning `npm start` to the first 200 of
 * /healthz, each stopped with SIGINT before the next. Prints each run with when its start-up steps
 * logged (ms since spawn) and the CPU time its processes had used by the first 200 (npm, node with all
 * its threads, the dev server: on a busy machine a steadier figure than the wall clock), and returns the
 * median.
 *   tsx scripts/bench/startup.ts [--runs 3] [--port-base 7820]
 * Ports: four consecutive free ones from --port-base (API, Temporal frontend, its UI, worker metrics).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = join(__dirname, '../..');

/** Log lines whose time since spawn is printed: where start-up spends its time. */
const STEPS: [label: string, msg: RegExp][] = [
  ['dev server spawned', /^starting .* server start-dev /],
  // Checked as soon as the service's modules are loaded.
  ['bundle checked', /^(workflow bundle (is current|built))/],
  ['database ready', /^database ready/],
  ['dev server up', /^embedded Temporal dev server started/],
  ['API listening', /^API listening/],
  ['worker started', /^worker started$/],
];

/** CPU time (user + system, ms) used so far by the processes of a process group, by command name. */
function groupCpuMs(pgid: number): Record<string, number> {
  const ticks = 100; // USER_HZ on Linux
  const byCommand: Record<string, number> = {};
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return byCommand; // not Linux
  }
  for (const pid of entries) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    // Fields after the command: state ppid pgrp … utime (14th field of the line) stime (15th).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) !== pgid) continue;
    byCommand[command] = (byCommand[command] ?? 0) + ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks;
  }
  return byCommand;
}

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

async function untilLogged(run: Run, msg: RegExp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && run.child.exitCode === null && !run.lines.some((l) => msg.test(l.msg))) await new Promise((r) => setTimeout(r, 20));
}

async function stop(run: Run): Promise<void> {
  if (run.child.exitCode === null) process.kill(-run.child.pid!, 'SIGINT');
  const killer = setTimeout(() => process.kill(-run.child.pid!, 'SIGKILL'), 30_000);
  await run.exited;
  clearTimeout(killer);
}

export async function startupBench(
  options: { runs?: number; portBase?: number } = {},
): Promise<{ startupMs: number; runsMs: number[]; firstStartMs: number; cpuMs: number; runsCpuMs: number[] }> {
  const runs = options.runs ?? 3;
  const ports = await freePortsFrom(options.portBase ?? 7820, 4);
  const dataDir = mkdtempSync(join(tmpdir(), 'breakatwork-bench-startup-'));
  const healthz = `http://127.0.0.1:${ports[0]}/healthz`;
  const timed = async (): Promise<{ ms: number; lines: Run['lines']; cpu: Record<string, number> }> => {
    const spawnedAt = Date.now();
    const run = startService(dataDir, ports, spawnedAt);
    try {
      await untilHealthy(healthz, run, 180_000);
      const ms = Date.now() - spawnedAt;
      const cpu = groupCpuMs(run.child.pid!);
      // The last lines of start-up follow /healthz: the worker's start is waited for.
      await untilLogged(run, /^service started$/, 60_000);
      await new Promise((r) => setTimeout(r, 100));
      return { ms, lines: [...run.lines], cpu };
    } finally {
      await stop(run);
    }
  };
  try {
    console.log(`startup: npm start to ${healthz} 200 (data in ${dataDir}; ports ${ports.join(', ')})`);
    const first = await timed();
    console.log(`  first start (creates the data, not counted): ${first.ms} ms`);
    const runsMs: number[] = [];
    const runsCpuMs: number[] = [];
    const width = Math.max(...STEPS.map(([label]) => label.length)) + 2;
    console.log(`  run  healthz ms  cpu ms (node + temporal + npm)${STEPS.map(([label]) => label.padStart(width)).join('')}`);
    for (let i = 1; i <= runs; i++) {
      const { ms, lines, cpu } = await timed();
      runsMs.push(ms);
      const total = Object.values(cpu).reduce((a, b) => a + b, 0);
      runsCpuMs.push(total);
      const steps = STEPS.map(([, re]) => {
        const line = lines.find((l) => re.test(l.msg));
        return (line ? String(line.ms) : '-').padStart(width);
      });
      const split = `${cpu.node ?? 0} + ${cpu.temporal ?? 0} + ${total - (cpu.node ?? 0) - (cpu.temporal ?? 0)}`;
      console.log(`  ${String(i).padStart(3)}  ${String(ms).padStart(10)}  ${`${total} (${split})`.padStart(30)}${steps.join('')}`);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const startupMs = median(runsMs);
    const cpuMs = median(runsCpuMs);
    console.log(`  startupMs (median of ${runs}): ${startupMs}; CPU by then (median): ${cpuMs} ms; load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    return { startupMs, runsMs, firstStartMs: first.ms, cpuMs, runsCpuMs };
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
