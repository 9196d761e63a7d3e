/**
 * The scale test on a real cluster (scripts/cluster.ts): N API replicas and M workers on a Temporal
 * server on PostgreSQL; whole request lifecycles (scripts/scale/lifecycles.ts), each call sent to a
 * replica chosen at random; half-way, one worker and one API replica are killed (SIGKILL) and started
 * again while the other lanes go on. Then the throughput with 1 worker and with 2 on the same cluster.
 *
 *   npm run scale -- --lifecycles 200 --concurrency 16 --apis 2 --workers 2 [--throughput 48] [--fresh]
 *     [--base-port 7500] [--prefix breakatwork_scale] (its own ports, databases and data/ folder)
 *   npm run scale -- --urls http://127.0.0.1:3000 [--temporal-address 127.0.0.1:7233 --database-url …]
 *     (against a service already running: no cluster, no kill, no throughput comparison; the replay
 *     check runs when --temporal-address is given, with the store of --database-url for the payload key)
 *
 * Prints a report, writes bench/scale-results.json, and exits non-zero when an assertion fails: every
 * lifecycle completed, no failed call after retry, no duplicate ticket, overview rows = tickets for each
 * PO, every journey replays.
 */
import { Client, Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseConfig } from '../config';
import { openDb } from '../store/db';
import { loadJourneyDataConverter } from '../worker/payload-codec';
import { startCluster, type Cluster } from './cluster';
import { runScale, scaleAssertions, type ScaleOptions, type ScaleResult } from './scale/lifecycles';

/** The environment of the cluster's API replicas and workers for a load run: limits raised. */
export const scaleEnv = { RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_READS_PER_MINUTE: '1000000' };

/** A Temporal client on `address` with the service's data converter (its payload key from the config or the store). */
export async function replayTarget(address: string, namespace: string, databaseUrl: string): Promise<{ replay: NonNullable<ScaleOptions['replay']>; close(): Promise<void> }> {
  const db = await openDb({ databaseUrl, maxConnections: 2 });
  let dataConverter: DataConverter;
  try {
    dataConverter = await loadJourneyDataConverter(parseConfig({ ...process.env, DATABASE_URL: databaseUrl }), db);
  } finally {
    await db.close();
  }
  const connection = await Connection.connect({ address });
  return { replay: { client: new Client({ connection, namespace, dataConverter }), dataConverter }, close: () => connection.close() };
}

export interface ClusterScaleOptions {
  lifecycles: number;
  concurrency: number;
  /** Kill (SIGKILL) workers[0] and apis[0] half-way and start them again (default true). */
  killMidway?: boolean;
  log?: (line: string) => void;
}

/** The scale run on a started cluster: lifecycles over every API replica, the kill half-way, the replay check. */
export async function scaleOnCluster(cluster: Cluster, options: ClusterScaleOptions): Promise<ScaleResult & { killed: string[] }> {
  const log = options.log ?? (() => undefined);
  const target = await replayTarget(cluster.temporalAddress, cluster.namespace, cluster.databaseUrl);
  const killed: string[] = [];
  try {
    const result = await runScale({
      apiUrls: cluster.apis.map((a) => a.url),
      lifecycles: options.lifecycles,
      concurrency: options.concurrency,
      replay: target.replay,
      onProgress: (p) => {
        if (p.completed % 16 === 0 || p.completed === p.lifecycles) log(`${p.completed}/${p.lifecycles} lifecycles completed, ${p.failedCalls} failed calls, ${p.retriedCalls} retried, ${(p.elapsedMs / 1000).toFixed(0)} s`);
      },
      ...(options.killMidway === false
        ? {}
        : {
            midway: async () => {
              const worker = cluster.workers[0]!;
              const api = cluster.apis[0]!;
              log(`half-way: SIGKILL ${worker.name} (pid ${worker.pid}) and ${api.name} (pid ${api.pid})`);
              const how = await Promise.all([worker.kill('SIGKILL'), api.kill('SIGKILL')]);
              killed.push(`${worker.name}: ${how[0]}`, `${api.name}: ${how[1]}`);
              const restarted = performance.now();
              await Promise.all([worker.restart(), api.restart()]);
              log(`${worker.name} and ${api.name} ready again in ${((performance.now() - restarted) / 1000).toFixed(1)} s (pids ${worker.pid}, ${api.pid})`);
            },
          }),
    });
    return { ...result, killed };
  } finally {
    await target.close();
  }
}

/** Lifecycles per second with one worker (the others stopped), then with all of them again, on the same cluster. */
export async function throughputByWorkers(cluster: Cluster, lifecycles: number, concurrency: number, log: (line: string) => void) {
  const others = cluster.workers.slice(1);
  const apiUrls = cluster.apis.map((a) => a.url);
  log(`throughput: stopping ${others.map((w) => w.name).join(', ')} (SIGTERM, drained)`);
  await Promise.all(others.map((w) => w.kill('SIGTERM')));
  const one = await runScale({ apiUrls, lifecycles, concurrency });
  log(`1 worker: ${one.completed}/${lifecycles} in ${(one.elapsedMs / 1000).toFixed(1)} s, ${one.lifecyclesPerSec} lifecycles/s`);
  await Promise.all(others.map((w) => w.restart()));
  const all = await runScale({ apiUrls, lifecycles, concurrency });
  log(`${cluster.workers.length} workers: ${all.completed}/${lifecycles} in ${(all.elapsedMs / 1000).toFixed(1)} s, ${all.lifecyclesPerSec} lifecycles/s`);
  return { oneWorker: one, allWorkers: all };
}

function figure(result: ScaleResult): Record<string, string | number> {
  return {
    lifecycles: `${result.completed}/${result.lifecycles}`,
    calls: result.calls,
    'failed calls': result.failedCalls.length,
    'retried calls': result.retriedCalls,
    tickets: result.ticketNumbers.length,
    'duplicate tickets': result.duplicateTickets.length,
    'overview rows / tickets': result.overviewRows.map((o) => `${o.po} ${o.rowsOfRun}/${o.tickets}`).join(', '),
    'journeys replayed': result.replay ? `${result.replay.replayed}/${result.replay.histories}` : 'not run',
    'journeys not replaying': result.replay ? result.replay.failures.length + result.replay.fetchErrors.length : 'not run',
    'failed workflow tasks': result.replay ? result.replay.failedTasks.length : 'not run',
    'elapsed s': (result.elapsedMs / 1000).toFixed(1),
    'lifecycles/s': result.lifecyclesPerSec,
    'call p50/p95/p99/max ms': `${result.callLatencyMs.p50}/${result.callLatencyMs.p95}/${result.callLatencyMs.p99}/${result.callLatencyMs.max}`,
  };
}

function printTable(rows: Record<string, string | number>) {
  const width = Math.max(...Object.keys(rows).map((k) => k.length));
  for (const [k, v] of Object.entries(rows)) console.log(`  ${k.padEnd(width)}  ${v}`);
}

async function main(): Promise<void> {
  // The replay worker's state changes are noise in the report.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const { values } = parseArgs({
    options: {
      lifecycles: { type: 'string', default: '200' },
      concurrency: { type: 'string', default: '16' },
      apis: { type: 'string', default: '2' },
      workers: { type: 'string', default: '2' },
      throughput: { type: 'string', default: '48' },
      'base-port': { type: 'string', default: '7500' },
      prefix: { type: 'string', default: 'breakatwork_scale' },
      fresh: { type: 'boolean', default: false },
      urls: { type: 'string' },
      'temporal-address': { type: 'string' },
      namespace: { type: 'string', default: 'default' },
      'database-url': { type: 'string' },
      out: { type: 'string', default: join(__dirname, '..', 'bench', 'scale-results.json') },
    },
  });
  const lifecycles = Number(values.lifecycles);
  const concurrency = Number(values.concurrency);
  const say = (line: string) => console.log(`[scale] ${line}`);
  const at = new Date().toISOString();
  let report: Record<string, unknown>;
  let failures: string[];

  if (values.urls) {
    const apiUrls = values.urls.split(',').map((u) => u.trim().replace(/\/$/, ''));
    const target = values['temporal-address'] ? await replayTarget(values['temporal-address'], values.namespace, values['database-url'] ?? process.env.DATABASE_URL ?? '') : undefined;
    try {
      const result = await runScale({
        apiUrls,
        lifecycles,
        concurrency,
        ...(target ? { replay: target.replay } : {}),
        onProgress: (p) => p.completed % 16 === 0 && say(`${p.completed}/${p.lifecycles} completed, ${p.failedCalls} failed calls`),
      });
      console.log(`\nScale run against ${apiUrls.join(', ')} (no cluster), concurrency ${concurrency}:`);
      printTable(figure(result));
      for (const f of result.failedCalls.slice(0, 20)) console.log(`  failed: lifecycle ${f.lifecycle} ${f.call}: ${f.reason}`);
      failures = scaleAssertions(result).filter((f) => target || f !== 'replay check not run');
      report = { at, mode: 'urls', apiUrls, concurrency, result };
    } finally {
      await target?.close();
    }
  } else {
    const apis = Number(values.apis);
    const workers = Number(values.workers);
    const cluster = await startCluster({
      apis,
      workers,
      // Ports, databases and folder of its own: `npm run cluster` (7400, breakatwork_cluster) may be running.
      basePort: Number(values['base-port']),
      prefix: values.prefix,
      dataDir: join(__dirname, '..', 'data', values.prefix.replace(/_/g, '-')),
      fresh: values.fresh,
      env: scaleEnv,
      log: (line) => console.log(`[cluster] ${line}`),
    });
    try {
      say(`cluster up: Temporal at ${cluster.temporalAddress}, APIs ${cluster.apis.map((a) => a.url).join(' ')}, ${cluster.workers.length} workers`);
      const result = await scaleOnCluster(cluster, { lifecycles, concurrency, log: say });
      console.log(`\nScale run: ${apis} API replicas, ${workers} workers, concurrency ${concurrency}, SIGKILL half-way of ${result.killed.join(' and ') || 'nothing'}:`);
      printTable(figure(result));
      failures = scaleAssertions(result);
      for (const f of result.failedCalls.slice(0, 20)) console.log(`  failed: lifecycle ${f.lifecycle} ${f.call}: ${f.reason}`);
      if (Object.keys(result.retryReasons).length) console.log(`  retries by reason: ${JSON.stringify(result.retryReasons)}`);

      const throughputN = Number(values.throughput);
      let throughput: Awaited<ReturnType<typeof throughputByWorkers>> | undefined;
      if (throughputN > 0 && workers > 1) {
        throughput = await throughputByWorkers(cluster, throughputN, concurrency, say);
        console.log(`\nThroughput, ${throughputN} lifecycles at concurrency ${concurrency}, ${apis} API replicas:`);
        printTable({
          '1 worker lifecycles/s': throughput.oneWorker.lifecyclesPerSec,
          [`${workers} workers lifecycles/s`]: throughput.allWorkers.lifecyclesPerSec,
          '1 worker call p50/p95 ms': `${throughput.oneWorker.callLatencyMs.p50}/${throughput.oneWorker.callLatencyMs.p95}`,
          [`${workers} workers call p50/p95 ms`]: `${throughput.allWorkers.callLatencyMs.p50}/${throughput.allWorkers.callLatencyMs.p95}`,
        });
        for (const [label, r] of [['1 worker', throughput.oneWorker], [`${workers} workers`, throughput.allWorkers]] as const) {
          failures.push(...scaleAssertions(r).filter((f) => f !== 'replay check not run').map((f) => `throughput run (${label}): ${f}`));
        }
      }
      const brief = (r: ScaleResult) => ({ ...r, ticketNumbers: r.ticketNumbers.length });
      report = {
        at,
        mode: 'cluster',
        machine: { cpus: (await import('node:os')).cpus().length },
        apis,
        workers,
        concurrency,
        result: brief(result),
        ...(throughput ? { throughput: { lifecycles: throughputN, oneWorker: brief(throughput.oneWorker), allWorkers: brief(throughput.allWorkers) } } : {}),
      };
    } finally {
      await cluster.stop();
    }
  }
  mkdirSync(join(values.out, '..'), { recursive: true });
  writeFileSync(values.out, `${JSON.stringify({ ...report, failures }, null, 2)}\n`);
  say(`results written to ${values.out}`);
  if (failures.length) {
    console.error(`\nFAILED:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
    process.exit(1);
  }
  console.log('\nAll assertions hold.');
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
