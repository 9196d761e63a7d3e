/**
 * The scale test of a smaller size, on a real cluster (scripts/cluster.ts: Temporal server v1.29.1 on
 * the local PostgreSQL, 2 API replicas, 2 workers as processes): 32 whole request lifecycles at
 * concurrency 16, each call sent to a replica chosen at random, and half-way one worker and one API
 * replica killed with SIGKILL and started again. Clients retry with their Idempotency-Key.
 * `npm run scale` is the full size (200 lifecycles, then 1 worker against 2). The cluster has ports,
 * databases and a data folder of its own (7700, breakatwork_scale_test_*, data/cluster-scale-test),
 * dropped and made anew at each run.
 */
import { join } from 'node:path';
import { startCluster } from '../../../scripts/cluster';
import { scaleEnv, scaleOnCluster } from '../../../scripts/scale';
import { scaleAssertions } from '../../../scripts/scale/lifecycles';

const root = join(__dirname, '../../..');
const LIFECYCLES = Number(process.env.SCALE_LIFECYCLES ?? 32);
const CONCURRENCY = 16;

jest.setTimeout(20 * 60_000);

test(`${LIFECYCLES} request lifecycles at ${CONCURRENCY} at once on 2 API replicas and 2 workers, one of each killed half-way: all complete, none fails, every journey replays`, async () => {
  const log = (line: string) => console.log(`[scale] ${line}`);
  const cluster = await startCluster({
    apis: 2,
    workers: 2,
    basePort: 7700,
    prefix: 'breakatwork_scale_test',
    dataDir: join(root, 'data', 'cluster-scale-test'),
    fresh: true,
    env: scaleEnv,
    log,
  });
  try {
    const result = await scaleOnCluster(cluster, { lifecycles: LIFECYCLES, concurrency: CONCURRENCY, log });
    const { ticketNumbers, failedCalls, ...figures } = result;
    log(JSON.stringify({ ...figures, tickets: ticketNumbers.length, failedCalls: failedCalls.slice(0, 10) }));

    expect(result.killed).toHaveLength(2);
    expect(result.completed).toBe(LIFECYCLES);
    expect(result.failedCalls).toEqual([]);
    expect(ticketNumbers).toHaveLength(LIFECYCLES);
    expect(result.duplicateTickets).toEqual([]);
    for (const overview of result.overviewRows) {
      expect({ po: overview.po, rows: overview.rowsOfRun, missing: overview.missing, wrongStatus: overview.wrongStatus }).toEqual({ po: overview.po, rows: overview.tickets, missing: [], wrongStatus: [] });
    }
    expect(result.overviewRows.reduce((n, o) => n + o.tickets, 0)).toBe(LIFECYCLES);
    expect(result.replay?.fetchErrors).toEqual([]);
    expect(result.replay?.failures).toEqual([]);
    expect(result.replay?.replayed).toBe(2 * LIFECYCLES);
    expect(scaleAssertions(result)).toEqual([]);
  } finally {
    await cluster.stop();
  }
});
