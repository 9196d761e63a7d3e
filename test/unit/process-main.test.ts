/**
 * The exit codes every entry point shares (scripts/process-main.ts), in real child processes: a part
 * that stops on its own (the worker) stops the process with exit code 1 and a line that says so; a
 * SIGTERM stops it with exit code 0; a bad setting exits 2 naming it.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

function run(env: NodeJS.ProcessEnv, signalAfterStart?: NodeJS.Signals): Promise<{ code: number | null; output: string }> {
  // Launched as `npm start`, `npm run api` and `npm run worker` are (scripts/run.mjs).
  const child = spawn(process.execPath, ['scripts/run.mjs', 'test/support/process-main-fixture.ts'], {
    cwd: join(__dirname, '../..'),
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const onData = (d: Buffer) => {
    output += d.toString();
    if (signalAfterStart && output.includes('fixture started')) child.kill(signalAfterStart);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

test('a worker that stops on its own stops the process with exit code 1 and says why', async () => {
  const { code, output } = await run({ FIXTURE: 'fails' });
  expect(code).toBe(1);
  expect(output).toContain('the Temporal worker stopped on its own; stopping the process with exit code 1');
  expect(output).toContain('poller gone');
  expect(output).toContain('fixture stopped');
}, 30_000);

test('SIGTERM stops the process cleanly with exit code 0', async () => {
  const { code, output } = await run({ FIXTURE: 'runs' }, 'SIGTERM');
  expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining('fixture stopped') });
}, 30_000);

test('a bad setting exits 2 naming it', async () => {
  const { code, output } = await run({ FIXTURE: 'runs', TEMPORAL_TLS: 'yes' });
  expect(code).toBe(2);
  expect(output).toContain('TEMPORAL_TLS: must be true, false, 1 or 0');
}, 30_000);
