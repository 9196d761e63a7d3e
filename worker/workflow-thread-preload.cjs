/**
 * Loaded with `node --require` by every entry point that runs a worker (scripts/node-entry.ts), so that
 * Node runs it again at the start of each worker thread, the Temporal SDK's workflow threads included.
 *
 * In a worker thread, unless WORKFLOW_STACK_TRACES=on: the SDK's request for a promise hook is refused
 * (Node's own, for AsyncLocalStorage, is not), so it does not
 * capture a source-mapped stack trace at the creation of every promise of a workflow. That capture is
 * what the workflow stack trace query (`__stack_trace`, the Temporal UI's "Stack Trace" tab) shows, and it
 * cost about a third of the workflow thread's CPU (docs/decisions.md, decision 31). Without it the query
 * answers "Workflow stack traces are not enabled on this worker"; nothing a workflow does or writes to
 * history changes. The SDK says so on the console once per thread, in words meant for a runtime that
 * lacks promise hooks: that one line is dropped here.
 *
 * In the main thread: a mark that the preload ran, which the worker reads (worker/worker.ts) to log the
 * mode it runs in. Plain CommonJS: it runs before scripts/run.mjs, which compiles the TypeScript.
 */
'use strict';
const { isMainThread } = require('node:worker_threads');

const MARK = Symbol.for('breakatwork.workflow-thread-preload');
const SDK_NOTICE = 'v8.promiseHooks.createHook is not available; stack trace collection will be disabled.';
/** Where the SDK asks for its hook (GlobalHandlers.setPromiseHook). */
const SDK_CALLER = /[\\/]@temporalio[\\/]worker[\\/]lib[\\/]workflow[\\/]vm-shared\.js/;

if (isMainThread) {
  process[MARK] = true;
} else if (process.env.WORKFLOW_STACK_TRACES !== 'on') {
  const v8 = require('node:v8');
  const createHook = v8.promiseHooks.createHook;
  // Only the SDK's call is refused: Node's own AsyncLocalStorage creates its promise hook through the
  // same function (the SDK runs every update handler in one), and gets it.
  v8.promiseHooks.createHook = function (hooks) {
    if (SDK_CALLER.test(new Error().stack ?? '')) throw new Error('workflow stack traces are off (WORKFLOW_STACK_TRACES)');
    return createHook.call(this, hooks);
  };
  const warn = console.warn.bind(console);
  console.warn = (...args) => {
    if (args.length === 1 && args[0] === SDK_NOTICE) return;
    warn(...args);
  };
}
