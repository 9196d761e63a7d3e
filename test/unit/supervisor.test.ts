/** The worker supervisor: a worker that stops on its own is replaced; a stop asked for ends it all. */
import type { NativeConnection, Worker } from '@temporalio/worker';
import { createLogger } from '../../config/logger';
import { superviseWorker } from '../../scripts/service';

function fakeWorker(run: () => Promise<void>) {
  let state = 'RUNNING';
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const worker = {
    run: () => Promise.race([run(), stopped]).finally(() => (state = 'STOPPED')),
    shutdown: () => stop(),
    getState: () => state,
  } as unknown as Worker;
  const connection = { close: () => Promise.resolve() } as unknown as NativeConnection;
  return { worker, connection };
}

test('a worker that fails is replaced by a new one, and stop ends the loop', async () => {
  let created = 0;
  const supervisor = superviseWorker(
    () => {
      created++;
      // The first worker fails as the SDK's would (it shuts itself down); the second runs until stopped.
      return Promise.resolve(fakeWorker(() => (created === 1 ? Promise.reject(new Error('Malformed Workflow Completion')) : new Promise<void>(() => undefined))));
    },
    createLogger('silent'),
    5,
  );
  await supervisor.started;
  await new Promise((r) => setTimeout(r, 100));
  expect(created).toBe(2);
  await supervisor.stop();
  expect(created).toBe(2);
});

test('a worker that cannot be created at start fails the start', async () => {
  const supervisor = superviseWorker(() => Promise.reject(new Error('no server')), createLogger('silent'), 5);
  await expect(supervisor.started).rejects.toThrow('no server');
  await supervisor.stop();
});
