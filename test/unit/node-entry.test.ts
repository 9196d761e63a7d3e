/**
 * The entry points start with the workflow threads' preload (decision 31), everywhere they are written
 * down: package.json's scripts, the Dockerfile, docker-compose.yml; and the preload does what it says in
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

const probe = `
  const v8 = require('node:v8');
  let hooks;
  try { v8.promiseHooks.createHook({ init() {} })(); hooks = 'available'; } catch (e) { hooks = 'refused: ' + e.message; }
  console.log('thread hooks: ' + hooks);
  console.warn('v8.promiseHooks.createHook is not available; stack trace collection will be disabled.');
  console.warn('another warning');`;

test("by default, a worker thread finds no promise hooks, and the SDK's notice about it is dropped, not other warnings", () => {
  const { stdout, stderr } = withPreload(probe);
  expect(stdout).toContain('main mark: true');
  expect(stdout).toContain('thread hooks: refused: workflow stack traces are off (WORKFLOW_STACK_TRACES)');
  expect(stderr).not.toContain('stack trace collection will be disabled');
  expect(stderr).toContain('another warning');
});

test('WORKFLOW_STACK_TRACES=on leaves the promise hooks and the console alone', () => {
  const { stdout, stderr } = withPreload(probe, { WORKFLOW_STACK_TRACES: 'on' });
  expect(stdout).toContain('main mark: true');
  expect(stdout).toContain('thread hooks: available');
  expect(stderr).toContain('stack trace collection will be disabled');
  expect(stderr).toContain('another warning');
});
