/**
 * The service against an existing Temporal (`TEMPORAL_ADDRESS`): start-up makes the namespace ready
 * itself — registers a namespace that does not exist, adds the custom search attributes — so the first
 * journey starts (201, not 500 `Update-with-Start could not be executed`); several replicas starting at
 * once all succeed; an attribute of another type stops start-up with a message that names it.
 * Real start-up path (`startService`), real dev server (the suite's), fresh namespaces, no mocks.
 */
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { parseConfig, type Config } from '../../../config';
import { createLogger } from '../../../config/logger';
import { startService, type RunningService } from '../../../scripts/service';
import { ensureTemporalNamespace, TemporalSetupError } from '../../../scripts/temporal-namespace';
import { searchAttributes } from '../../../workflows/messages';
import { identityToken, ok, start } from '../../support/http-journeys';
import { testServerAddress } from '../../support/temporal';

const { IndexedValueType } = temporal.api.enums.v1;
const log = createLogger('silent');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const freshNamespace = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

const dataDirs: string[] = [];
const services: RunningService[] = [];
let connection: Connection;

beforeAll(async () => {
  connection = await Connection.connect({ address: testServerAddress() });
});

afterAll(async () => {
  await Promise.all(services.map((s) => s.stop()));
  await connection.close();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

/** The configuration `npm start` would parse with TEMPORAL_ADDRESS set; the store is an embedded PGlite of its own. */
async function externalConfig(namespace: string, taskQueue = `journeys-${randomUUID()}`): Promise<Config> {
  const dataDir = mkdtempSync(join(tmpdir(), 'breakatwork-external-'));
  dataDirs.push(dataDir);
  const config = parseConfig({
    NODE_ENV: 'test',
    PORT: String(await freePort()),
    DATA_DIR: dataDir,
    TEMPORAL_ADDRESS: testServerAddress(),
    TEMPORAL_NAMESPACE: namespace,
    TEMPORAL_NAMESPACE_RETENTION_DAYS: '7',
    TEMPORAL_TASK_QUEUE: taskQueue,
    LOG_LEVEL: 'error',
  });
  return { ...config, databaseUrl: undefined };
}

async function start_(config: Config): Promise<RunningService> {
  const service = await startService(config, log);
  services.push(service);
  return service;
}

async function expectNamespaceReady(namespace: string, retentionDays: number) {
  const described = await connection.workflowService.describeNamespace({ namespace });
  expect(Number(described.config?.workflowExecutionRetentionTtl?.seconds)).toBe(retentionDays * 24 * 3600);
  const listed = await connection.operatorService.listSearchAttributes({ namespace });
  for (const key of Object.values(searchAttributes)) {
    expect({ [key.name]: listed.customAttributes?.[key.name] }).toEqual({ [key.name]: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD });
  }
}

test('a namespace that does not exist is registered with the search attributes, and the first journey starts (201)', async () => {
  const namespace = freshNamespace('journeys-fresh');
  await expect(connection.workflowService.describeNamespace({ namespace })).rejects.toThrow();

  const service = await start_(await externalConfig(namespace));
  await expectNamespaceReady(namespace, 7);

  const http = request(service.apiUrl);
  const token = await identityToken(http, '79011603980');
  const res = await start(http, token, 'signIn');
  expect(res.status).toBe(201);
  expect(ok(res)).toMatchObject({ machine: 'signIn', status: 'active' });

  // Already there: nothing to do.
  await expect(
    ensureTemporalNamespace(connection, { address: testServerAddress(), namespace, retentionDays: 1, searchAttributes: Object.values(searchAttributes), log }),
  ).resolves.toEqual({ namespaceRegistered: false, searchAttributesAdded: [] });
});

test('two replicas starting at once against a fresh namespace both start', async () => {
  const namespace = freshNamespace('journeys-replicas');
  const taskQueue = `journeys-${randomUUID()}`;
  const [a, b] = await Promise.all([externalConfig(namespace, taskQueue), externalConfig(namespace, taskQueue)]);
  const started = await Promise.allSettled([start_(a), start_(b)]);
  expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : s.status))).toEqual(['fulfilled', 'fulfilled']);
  await expectNamespaceReady(namespace, 7);
});

test('a search attribute of another type stops start-up with a message that names it and says how to fix it', async () => {
  const namespace = freshNamespace('journeys-conflict');
  await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs('1 day') });
  const owner = searchAttributes.owner.name;
  // Someone else's JourneyOwner, an Int; retried until the new namespace is served and the attribute listed.
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const listed = await connection.operatorService.listSearchAttributes({ namespace });
      if (listed.customAttributes?.[owner] === IndexedValueType.INDEXED_VALUE_TYPE_INT) break;
      await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: { [owner]: IndexedValueType.INDEXED_VALUE_TYPE_INT } });
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  const config = await externalConfig(namespace);
  const failure = await startService(config, log).then(
    (service) => (services.push(service), undefined),
    (err: unknown) => err,
  );
  expect(failure).toBeInstanceOf(TemporalSetupError);
  const message = (failure as Error).message;
  expect(message).toContain(`search attribute ${owner} exists in namespace "${namespace}" with type Int; this service needs type Keyword`);
  expect(message).toContain(`temporal operator search-attribute create --address ${testServerAddress()} --namespace ${namespace} --name ${owner} --type Keyword`);
  // Nothing was left running: the API port is free again.
  await expect(fetch(`http://127.0.0.1:${config.port}/healthz`)).rejects.toThrow();
});
