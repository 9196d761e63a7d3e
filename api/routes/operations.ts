/** Liveness and readiness. */
import { Router } from 'express';
import type { AppDeps } from '../app';

export function operationsRouter({ db, temporal, config, draining, workerState }: AppDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    if (draining?.()) {
      res.status(503).json({ status: 'draining', namespace: config.temporal.namespace, checks: {} });
      return;
    }
    const checks: Array<readonly [string, string]> = await Promise.all([
      db.query('SELECT 1').then(() => ['database', 'ok'] as const, (e: unknown) => ['database', String(e)] as const),
      temporal.connection.workflowService
        .getSystemInfo({})
        .then(() => ['temporal', 'ok'] as const, (e: unknown) => ['temporal', String(e)] as const),
    ]);
    // The worker this process runs, if any (npm start): ready once it polls.
    if (workerState) checks.push(['worker', workerState() === 'RUNNING' ? 'ok' : workerState()]);
    const ready = checks.every(([, s]) => s === 'ok');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', namespace: config.temporal.namespace, checks: Object.fromEntries(checks) });
  });
  return router;
}
