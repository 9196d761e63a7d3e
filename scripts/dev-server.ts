/**
 * The embedded Temporal dev server of `npm start`: the resolved CLI, persisting to a SQLite file under
 * the data folder, web UI on its own port, our namespace created. The custom search attributes are
 * registered afterwards by the service's start-up (`scripts/temporal-namespace.ts`), the same way as on
 * an external Temporal, each with its own type. `npm start` loads this module before the rest of the
 * service (scripts/early-start.ts): it imports nothing heavy.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { resolveTemporalCli } from './resolve-temporal-cli';

/**
 * Dynamic configuration of every Temporal server the service starts (the embedded dev server, the
 * tests' and `npm run cluster`'s; docker-compose's deploy/temporal-dynamicconfig.yaml holds the same).
 * - Eager activity dispatch: an activity the workflow task schedules on the worker's own task queue
 *   comes back in the answer to that task, so the worker starts it at once instead of waiting for the
 *   matching service to hand it out (decision 25).
 * - The transfer queue's reads: each history shard reads its new transfer tasks — among them every
 *   workflow task that is not an update's (a workflow's first, the one after an activity completes) —
 *   at most `history.transferProcessorMaxPollRPS` times a second, 20 by default. A dev server has one
 *   shard, so past the limiter's first burst such a task waited some 25 ms on average before the
 *   matching service saw it, at any load (decision 30).
 */
export const devServerDynamicConfig: ReadonlyArray<readonly [string, boolean | number | string]> = [
  ['system.enableActivityEagerExecution', true],
  ['history.transferProcessorMaxPollRPS', 1000],
];

/** The `temporal server start-dev` flags that set devServerDynamicConfig. */
export function dynamicConfigArgs(): string[] {
  return devServerDynamicConfig.flatMap(([key, value]) => ['--dynamic-config-value', `${key}=${JSON.stringify(value)}`]);
}

export type DevServerLog = (message: string, level?: 'info' | 'warn' | 'error') => void;

/**
 * The dev server's own output (a banner, then `time=… level=WARN msg=…` lines) goes to the service's
 * logger line by line, at the level the line states, so `npm start` writes one JSON stream.
 */
function forwardLines(stream: Readable, log: DevServerLog): void {
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
    if (line.trim() === '') return;
    const level = /\blevel=(\w+)/.exec(line)?.[1]?.toUpperCase();
    log(line, level === 'ERROR' || level === 'FATAL' ? 'error' : level === 'WARN' ? 'warn' : 'info');
  });
}

export interface DevServer {
  address: string;
  uiUrl: string;
  /** Its process, when this module started the CLI (not when the SDK downloaded and started it). */
  pid?: number;
  stop(): Promise<void>;
}

/** Whether something accepts connections on 127.0.0.1:`port`. */
export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the Temporal dev server exited with code ${child.exitCode} before it listened`);
    if (await portOpen(port)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the Temporal dev server did not listen on port ${port} within ${timeoutMs} ms`);
}

/** Last resort: the SDK downloads the CLI itself (machines with internet access only). */
async function startDownloadedDevServer(options: { dataDir: string; port: number; uiPort: number; namespace: string; log: DevServerLog }): Promise<DevServer> {
  options.log('no Temporal CLI found and no Go to build one: trying the SDK’s own download (needs internet access)');
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  try {
    const env = await TestWorkflowEnvironment.createLocal({
      server: {
        dbFilename: join(options.dataDir, 'temporal.sqlite'),
        ip: '127.0.0.1',
        port: options.port,
        uiPort: options.uiPort,
        namespace: options.namespace,
        extraArgs: dynamicConfigArgs(),
      },
    });
    return { address: env.address, uiUrl: `http://127.0.0.1:${options.uiPort}`, stop: () => env.teardown() };
  } catch (err) {
    throw new Error(
      `the SDK could not download the Temporal CLI (${err instanceof Error ? err.message : String(err)}): set TEMPORAL_CLI_PATH, put \`temporal\` on PATH, or install Go so that it can be built (see README)`,
      { cause: err },
    );
  }
}

/**
 * Starts the dev server and resolves once it listens. `spawned` is called as soon as its process runs
 * (a caller may then block its event loop for a while, loading modules, while the server starts).
 */
export async function startDevServer(
  options: { dataDir: string; port: number; uiPort: number; namespace: string; log: DevServerLog },
  spawned?: () => void,
): Promise<DevServer> {
  const cli = resolveTemporalCli(options.log);
  if (await portOpen(options.port)) throw new Error(`port ${options.port} is already in use: set TEMPORAL_DEV_PORT, or TEMPORAL_ADDRESS to use that server`);
  mkdirSync(options.dataDir, { recursive: true });
  if (!cli) return startDownloadedDevServer(options);
  const args = [
    'server', 'start-dev',
    '--db-filename', join(options.dataDir, 'temporal.sqlite'),
    '--ip', '127.0.0.1',
    '--port', String(options.port),
    '--ui-port', String(options.uiPort),
    '--namespace', options.namespace,
    '--log-level', 'warn',
    '--sqlite-pragma', 'journal_mode=WAL',
    ...dynamicConfigArgs(),
  ];
  options.log(`starting ${cli.path} (${cli.source}) ${args.join(' ')}`);
  const child = spawn(cli.path, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  spawned?.();
  forwardLines(child.stdout, options.log);
  forwardLines(child.stderr, options.log);
  try {
    await waitForPort(options.port, child, 60_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    address: `127.0.0.1:${options.port}`,
    uiUrl: `http://127.0.0.1:${options.uiPort}`,
    pid: child.pid,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
