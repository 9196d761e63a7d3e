/**
 * A restart as users do it: `npm start`, journeys of every kind held on many screens at once, Ctrl-C,
 * `npm start` again on the same data folder (a new process: new worker, empty cache, the dev server's
 * SQLite file kept). Every journey answers its view on the same screen, then goes on to its end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { bearer, type JourneyBody } from '../../support/http-journeys';
import { holdLanes } from '../../support/lifecycles';
import { freeServicePorts, spawnNpmStart, waitFor, type StartedProcess } from '../../support/npm-start';

jest.setTimeout(6 * 60_000);

test('journeys held on many screens across a restart of npm start answer on the same screen, then finish', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'breakatwork-restart-'));
  const ports = await freeServicePorts();
  const env = { RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_READS_PER_MINUTE: '1000000', LOG_LEVEL: 'warn' };
  const url = `http://127.0.0.1:${ports.port}`;
  const http = request(url);
  const start = async () => {
    const service = spawnNpmStart(dataDir, ports, env);
    await waitFor(`${url}/readyz`, 120_000, service);
    return service;
  };
  let service: StartedProcess | undefined = await start();
  try {
    const lanes = await holdLanes(http, 16);
    expect(lanes.run.failures).toEqual([]);
    expect(lanes.notHeld).toEqual([]);

    expect(await service.stop()).toBe(0);
    service = await start();

    const reads = await Promise.all(lanes.held.map(({ journey, token }) => http.get(`/api/journeys/${journey.id}`).set(bearer(token))));
    expect(reads.map((r) => r.status)).toEqual(lanes.held.map(() => 200));
    expect(reads.map((r) => (r.body as JourneyBody).screen)).toEqual(lanes.held.map(({ journey }) => journey.screen));

    await lanes.finish();
    expect(lanes.run.failures).toEqual([]);
    const screens = [...new Set(lanes.held.map(({ journey }) => `${journey.machine}:${journey.screen}`))].sort();
    console.log(`[npm start restart] ${JSON.stringify({ held: lanes.held.length, screens, ended: lanes.run.ended })}`);
    expect(screens.length).toBeGreaterThanOrEqual(10);
  } finally {
    const code = await service?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    if (code !== 0) console.error(service?.output());
  }
});
