/**
 * `npm run worker`: one worker replica — the store, the Temporal worker on TEMPORAL_TASK_QUEUE, and
 * /healthz (the process answers) and /readyz (200 only while the worker is RUNNING) on
 * HOST:WORKER_HEALTH_PORT (`off`: none). SIGTERM/SIGINT: the worker drains, its connection closes,
 * exit 0. A worker that stops or fails on its own ends the process with exit code 1: the process
 * manager starts a new one (journeys are durable; the new worker takes them up where they are).
 */
import { installTemporalRuntime } from '../worker/temporal-runtime';
import { connectInspector } from '../worker/inspector';
import { runProcess } from './process-main';
import { prepareWorkflowBundle, runWorker, startFoundation, startHealthServer, type RunningWorker } from './service';

runProcess('worker', async (config, log) => {
  // Before the worker connects: the SDK's lines join ours, and its metrics are served (or not: `off`).
  installTemporalRuntime({ log, metricsAddress: config.temporal.metricsAddress });
  const bundle = prepareWorkflowBundle(log);
  const foundation = await startFoundation(config, log, { embeddedDevServer: false });
  try {
    const inspector = await connectInspector(config.inspectUrl);
    if (inspector) foundation.onStop(() => Promise.resolve(inspector.stop()));
    const current: { worker?: RunningWorker } = {};
    const state = () => current.worker?.worker.getState() ?? 'STARTING';
    if (config.workerHealthPort !== undefined) {
      const health = await startHealthServer(config.host, config.workerHealthPort, () => ({ ready: state() === 'RUNNING', state: state() }));
      // Closed after the worker has drained: /readyz says 503 meanwhile, /healthz answers until the end.
      foundation.onStop(() => health.close());
      log.info('worker health endpoints', { healthz: `${health.url}/healthz`, readyz: `${health.url}/readyz` });
    }
    const running = (current.worker = await runWorker(foundation, config, log, inspector, bundle));
    foundation.onStop(() => running.stop());
    return { stop: () => foundation.stop(), failed: running.failed };
  } catch (err) {
    await foundation.stop();
    throw err;
  }
});
