/**
 * The service as the HTTP tests use it: the real API (Express app), a real worker on the shared dev
 * server, the real store (PGlite in memory, or PostgreSQL in a schema of its own when DATABASE_URL is
 * set), demo data loaded. Requests go through supertest to the app's real entry points.
 */
import type { DataConverter } from '@temporalio/common';
import type { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApp } from '../../api/app';
import { parseConfig, type Config } from '../../config';
import { createLogger } from '../../config/logger';
import { createActivities } from '../../activities';
import { openDb, type Db } from '../../store/db';
import { demoCast, loadDemoData } from '../../store/demo-data';
import { migrate } from '../../store/migrate';
import { inspectorSinks } from '../../worker/inspector';
import { signIn } from './http-journeys';
import { loadJourneyDataConverter } from '../../worker/payload-codec';
import { TEST_PAYLOAD_KEYS, bundle, connectToTestServer } from './temporal';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker as TemporalWorker, type WorkerOptions } from '@temporalio/worker';

/** What a test may set on the worker: its cache and task slots (e.g. a tiny cache that replays every task). */
export type TestWorkerOptions = Pick<WorkerOptions, 'maxCachedWorkflows' | 'maxConcurrentWorkflowTaskExecutions' | 'maxConcurrentActivityTaskExecutions'>;

export interface TestService {
  http: TestAgent;
  /** The Express app itself, for a test that needs a real listening server (the browser tests). */
  app: ReturnType<typeof createApp>;
  db: Db;
  config: Config;
  env: TestWorkflowEnvironment;
  /** The service's data converter (payload codec): what replays this service's histories. */
  dataConverter: DataConverter;
  /** Stops the worker (a graceful drain) and runs a new one on the same task queue: empty cache, new threads. */
  replaceWorker(options?: TestWorkerOptions): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestService(
  // `delays` also carries named delays the configuration does not set (e.g. recordRetry): config.delays
  // goes as it is into every journey's JourneyStart.delays.
  options: { delays?: Partial<Config['delays']> & Readonly<Record<string, number>>; env?: NodeJS.ProcessEnv; worker?: TestWorkerOptions } = {},
): Promise<TestService> {
  const schema = process.env.DATABASE_URL ? `api_${randomUUID().replace(/-/g, '').slice(0, 12)}` : undefined;
  const db = await openDb(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL, schema } : {});
  await migrate(db);
  await loadDemoData(db);
  // The tests' payload key (fixed: recorded histories replay later); `env: { PAYLOAD_KEYS: undefined }` takes the store's.
  const parsed = parseConfig({ NODE_ENV: 'test', TEMPORAL_TASK_QUEUE: `journeys-${randomUUID()}`, LOG_LEVEL: 'error', PAYLOAD_KEYS: TEST_PAYLOAD_KEYS, ...options.env });
  const config: Config = { ...parsed, delays: { ...parsed.delays, ...options.delays } };
  // The service's codec, as scripts/service.ts builds it: the test's client (env.client) and worker use it.
  const dataConverter = await loadJourneyDataConverter(config, db);
  const env = await connectToTestServer(dataConverter);
  const workflowBundle = await bundle(require.resolve('../../workflows'));
  const runWorker = async (workerOptions: TestWorkerOptions = {}) => {
    const worker: Worker = await TemporalWorker.create({
      connection: env.nativeConnection,
      taskQueue: config.temporal.taskQueue,
      workflowBundle,
      activities: createActivities({ db }),
      sinks: inspectorSinks(undefined),
      dataConverter,
      ...workerOptions,
    });
    return { worker, running: worker.run() };
  };
  let current = await runWorker(options.worker);
  const app = createApp({ config, db, temporal: env.client, log: createLogger('silent') });
  return {
    app,
    http: request(app),
    db,
    config,
    env,
    dataConverter,
    async replaceWorker(workerOptions) {
      current.worker.shutdown();
      await current.running;
      current = await runWorker(workerOptions);
    },
    async stop() {
      current.worker.shutdown();
      await current.running;
      if (schema) await db.query(`DROP SCHEMA ${schema} CASCADE`);
      await db.close();
      await env.teardown();
    },
  };
}

/**
 * For a test file: starts the service before its tests (stopped after them) and signs Marc Peeters
 * (PO-education permission) in to PO Y; `ready` receives both.
 */
export function withServiceAndPoUser(ready: (service: TestService, poToken: string) => void): void {
  let service: TestService | undefined;
  beforeAll(async () => {
    service = await startTestService();
    const { people, organisations } = demoCast;
    ready(service, (await signIn(service.http, people.poEducationOnly.niss, organisations.poY.enterpriseNumber)).token);
  });
  afterAll(async () => {
    await service?.stop();
  });
}
