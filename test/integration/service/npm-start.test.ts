/**
 * The whole service started the way `npm start` does (its own embedded Temporal dev server, embedded
 * PGlite, worker, API), answering /healthz and /readyz, then stopped with SIGINT.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitFor(url: string, timeoutMs: number, child: ChildProcess): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the service exited (${child.exitCode ?? child.signalCode}) before ${url} answered`);
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

test('npm start runs the service with its embedded defaults and stops cleanly on SIGINT', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'breakatwork-start-'));
  const [port, temporalPort, uiPort] = [await freePort(), await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, TEMPORAL_DEV_PORT: String(temporalPort), TEMPORAL_UI_PORT: String(uiPort) };
  delete env.DATABASE_URL;
  delete env.TEMPORAL_ADDRESS;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: join(__dirname, '../../..'), env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const health = await waitFor(`http://127.0.0.1:${port}/healthz`, 90_000, child);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await waitFor(`http://127.0.0.1:${port}/readyz`, 30_000, child);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: 'ok', temporal: 'ok' } });
    const ui = await fetch(`http://127.0.0.1:${uiPort}/`);
    expect(ui.status).toBe(200);
    expect(output).toContain('demo data loaded');
  } finally {
    child.kill('SIGINT');
    // Stopping must not hang: past 30 s the service is killed and the test fails.
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const code = await exited;
    clearTimeout(killer);
    rmSync(dataDir, { recursive: true, force: true });
    if (code !== 0) console.error(output);
    expect(code).toBe(0);
  }
  expect(output).toContain('stopping');
}, 180_000);
