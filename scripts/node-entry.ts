/**
 * How an entry point of the service is started: plain Node, with the workflow threads' preload
 * (worker/workflow-thread-preload.cjs, decision 31), on the JavaScript compiled at install
 * (scripts/run.mjs, decision 29). package.json's `start`, `api` and `worker`, the Dockerfile and
 * docker-compose.yml say the same (test/unit/node-entry.test.ts); the tests and benchmarks that start an
 * entry point as a process take their arguments from here.
 */

/** The preload, as `node --require` takes it (relative to the repository's root, the process's cwd). */
export const WORKFLOW_THREAD_PRELOAD = './worker/workflow-thread-preload.cjs';

/** Node's arguments before an entry point's script: the preload. */
export const PRELOAD_ARGS: readonly string[] = ['--require', WORKFLOW_THREAD_PRELOAD];

/** Node's arguments that run `script` (`scripts/start.ts`, `scripts/api.ts`, `scripts/worker.ts`) as npm runs it. */
export function entryArgs(script: string): string[] {
  return [...PRELOAD_ARGS, 'scripts/run.mjs', script];
}
