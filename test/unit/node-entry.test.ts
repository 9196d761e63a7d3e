/**
 * The entry points start with the workflow threads' preload (decision 31), everywhere they are written
 * down: package.json's scripts (`npm test` too, so that the tests' in-process workers and replays run
 * their workflow threads as the service does), the Dockerfile, docker-compose.yml; and the preload does what it says in
 * the threads of a real Node process (no Temporal here: the integration test of the api and worker
 * processes queries a journey's stack trace with it off and on).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PRELOAD_ARGS, entryArgs } from '../../scripts/node-entry';

const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

test('package.json, the Dockerfile and docker-compose.yml start the entry points as scripts/node-entry.ts says', () => {
  const { scripts } = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
  for (const name of ['start', 'api', 'worker']) expect(scripts[name]).toBe(['node', ...entryArgs(`scripts/${name}.ts`)].join(' '));
  expect(scripts.test).toBe(['node', ...PRELOAD_ARGS, 'node_modules/jest/bin/jest.js', '--runInBand'].join(' '));
  expect(read('Dockerfile')).toContain(`CMD ${JSON.stringify(['node', ...entryArgs('scripts/api.ts')]).replace(/,/g, ', ')}`);
  const compose = parse(read('docker-compose.yml')) as { services: Record<string, { command?: string[] }> };
  expect(compose.services.worker!.command).toEqual(['node', ...entryArgs('scripts/worker.ts')]);
});

/** Runs, in a Node process started with the preload, a worker thread that runs `thread`; its stdout and stderr. */
function withPreload(thread: string, env: NodeJS.ProcessEnv = {}): { stdout: string; stderr: string } {
  const main = `
    const { Worker } = require('node:worker_threads');
    console.log('main mark: ' + (process[Symbol.for('breakatwork.workflow-thread-preload')] === true));
    new Worker(${JSON.stringify(thread)}, { eval: true });`;
  const childEnv = { ...process.env, ...env };
  if (!('WORKFLOW_STACK_TRACES' in env)) delete childEnv.WORKFLOW_STACK_TRACES;
  const run = spawnSync(process.execPath, [...PRELOAD_ARGS, '-e', main], { cwd: root, env: childEnv, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the process failed (${run.status}): ${run.stderr}`);
  return { stdout: run.stdout, stderr: run.stderr };
}

/**
 * In the thread: the SDK's own global handlers installed as its workflow threads install them, whether
 * they got their promise hook; then Node's AsyncLocalStorage (which the SDK runs update handlers in),
 * whose promise hook must still work; then the SDK's notice and another warning.
 */
const probe = `
  const { globalHandlers } = require(${JSON.stringify(require.resolve('@temporalio/worker/lib/workflow/vm-shared'))});
  globalHandlers.install();
  console.log('sdk hook: ' + globalHandlers.promiseHookInstalled);
  const { AsyncLocalStorage } = require('node:async_hooks');
  const als = new AsyncLocalStorage();
  als.run('kept', async () => { await null; console.log('async local storage: ' + als.getStore()); });
  console.warn('v8.promiseHooks.createHook is not available; stack trace collection will be disabled.');
  console.warn('another warning');`;

test("by default, the SDK gets no promise hook in a worker thread, Node's AsyncLocalStorage still works, the SDK's notice is dropped", () => {
  const { stdout, stderr } = withPreload(probe);
  expect(stdout).toContain('main mark: true');
  expect(stdout).toContain('sdk hook: false');
  expect(stdout).toContain('async local storage: kept');
  expect(stderr).not.toContain('stack trace collection will be disabled');
  expect(stderr).toContain('another warning');
});

test('WORKFLOW_STACK_TRACES=on leaves the promise hooks and the console alone', () => {
  const { stdout, stderr } = withPreload(probe, { WORKFLOW_STACK_TRACES: 'on' });
  expect(stdout).toContain('main mark: true');
  expect(stdout).toContain('sdk hook: true');
  expect(stdout).toContain('async local storage: kept');
  expect(stderr).toContain('stack trace collection will be disabled');
  expect(stderr).toContain('another warning');
});
