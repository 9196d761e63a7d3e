/**
 * Several replicas starting at the same moment on one fresh PostgreSQL database and one fresh Temporal
 * namespace: each runs the whole shared start-up (`startFoundation`, what `npm run api`, `npm run
 * worker` and `npm start` all do): migrations, demo data, the payload key kept in the store, the
 * namespace and its search attributes. All start; every migration is recorded once; the demo data is
 * there once; every replica encrypts with the one key (one replica's payload is read by another).
 * Real PostgreSQL (a throwaway database per round), real Temporal dev server, no mocks.
 */
import { Connection } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { parseConfig } from '../../../config';
import { createLogger } from '../../../config/logger';
import { startFoundation, type Foundation } from '../../../scripts/service';
import { demoCast } from '../../../store/demo-data';
import { openDb } from '../../../store/db';
import { readMigrations } from '../../../store/migrate';
import { searchAttributes } from '../../../workflows/messages';
import { testServerAddress } from '../../support/temporal';
import { createThrowawayDb } from '../../support/throwaway-db';

const REPLICAS = 6;
const ROUNDS = 3;
const log = createLogger('silent');

test(`${REPLICAS} replicas starting at once on a fresh database and namespace all start, and agree (${ROUNDS} rounds)`, async () => {
  for (let round = 0; round < ROUNDS; round++) {
    const database = await createThrowawayDb('concurrent_start');
    const namespace = `concurrent-${randomUUID().slice(0, 8)}`;
    const foundations: Foundation[] = [];
    try {
      const config = parseConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, TEMPORAL_ADDRESS: testServerAddress(), TEMPORAL_NAMESPACE: namespace, LOG_LEVEL: 'silent' });
      const started = await Promise.allSettled(Array.from({ length: REPLICAS }, () => startFoundation(config, log, { embeddedDevServer: false })));
      for (const s of started) if (s.status === 'fulfilled') foundations.push(s.value);
      expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'started'))).toEqual(Array(REPLICAS).fill('started'));

      const db = await openDb({ databaseUrl: database.url });
      try {
        const migrations = await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
        expect(migrations.map((m) => m.name)).toEqual(readMigrations().map((m) => m.name));
        const loads = await db.query<{ name: string }>('SELECT name FROM data_loads ORDER BY name');
        expect(loads.map((l) => l.name)).toEqual(['demo', 'demo-workers-as-people']);
        const count = async (table: string) => (await db.one<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).n;
        expect(await count('organisations')).toBe(Object.keys(demoCast.organisations).length);
        expect(await count('schools')).toBe(Object.keys(demoCast.schools).length);
        expect(await count('service_secrets')).toBeGreaterThanOrEqual(1);
      } finally {
        await db.close();
      }

      // One key for all: what one replica encrypts, every other decrypts.
      const payload: Payload = { metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from(`{"round":${round}}`) };
      const [encoded] = await foundations[0]!.dataConverter.payloadCodecs![0]!.encode([payload]);
      for (const f of foundations.slice(1)) {
        const [decoded] = await f.dataConverter.payloadCodecs![0]!.decode([encoded!]);
        expect(Buffer.from(decoded!.data!).toString()).toBe(`{"round":${round}}`);
      }

      // The namespace is there once, with its search attributes.
      const connection = await Connection.connect({ address: testServerAddress() });
      try {
        const listed = await connection.operatorService.listSearchAttributes({ namespace });
        for (const key of Object.values(searchAttributes)) expect(listed.customAttributes?.[key.name]).toBeDefined();
      } finally {
        await connection.close();
      }
    } finally {
      await Promise.all(foundations.map((f) => f.stop()));
      await database.drop();
    }
  }
}, 180_000);
