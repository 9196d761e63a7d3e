/** The service as `npm start` runs it, in a process of its own (embedded dev server and PGlite in `dataDir`). */
import { spawn } from 'node:child_process';
import { entryArgs } from '../../scripts/node-entry';
import { createServer } from 'node:net';
import { join } from 'node:path';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface StartedProcess {
  output(): string;
  /** Whether the process has exited. */
  exited(): boolean;
  /** SIGINT, then SIGKILL past 30 s; resolves with the exit code (null when killed). */
  stop(): Promise<number | null>;
}

export interface ServicePorts {
  port: number;
  temporalPort: number;
  uiPort: number;
  /** The Temporal SDK's Prometheus endpoint (TEMPORAL_METRICS_ADDRESS). */
  metricsPort: number;
}

export async function freeServicePorts(): Promise<ServicePorts> {
  return { port: await freePort(), temporalPort: await freePort(), uiPort: await freePort(), metricsPort: await freePort() };
}

export function spawnNpmStart(dataDir: string, ports: ServicePorts, extraEnv: NodeJS.ProcessEnv = {}): StartedProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(ports.port),
    DATA_DIR: dataDir,
    TEMPORAL_DEV_PORT: String(ports.temporalPort),
    TEMPORAL_UI_PORT: String(ports.uiPort),
    TEMPORAL_METRICS_ADDRESS: `127.0.0.1:${ports.metricsPort}`,
    ...extraEnv,
  };
  delete env.DATABASE_URL;
  delete env.TEMPORAL_ADDRESS;
  // What `npm start` runs, without npm between the signal and the process.
  const child = spawn(process.execPath, entryArgs('scripts/start.ts'), { cwd: join(__dirname, '../..'), env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    output: () => output,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const code = await exit;
      clearTimeout(killer);
      return code;
    },
  };
}

/** Polls `url` until it answers 2xx; fails at once if the process exits first. */
export async function waitFor(url: string, timeoutMs: number, process: StartedProcess): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (process.exited()) throw new Error(`the service exited before ${url} answered:\n${process.output()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return res;
      lastError = new Error(`${url} answered ${res.status}`);
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}
