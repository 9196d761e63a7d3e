/**
 * The whole service started the way `npm start` does (its own embedded Temporal dev server, embedded
 * PGlite, worker, API), answering /healthz and /readyz, then stopped with SIGINT.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeServicePorts, spawnNpmStart, waitFor } from '../../support/npm-start';

test('npm start runs the service with its embedded defaults and stops cleanly on SIGINT', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'breakatwork-start-'));
  const ports = await freeServicePorts();
  const service = spawnNpmStart(dataDir, ports);
  let code: number | null;
  try {
    const health = await waitFor(`http://127.0.0.1:${ports.port}/healthz`, 90_000, service);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await waitFor(`http://127.0.0.1:${ports.port}/readyz`, 30_000, service);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: 'ok', temporal: 'ok' } });
    const ui = await fetch(`http://127.0.0.1:${ports.uiPort}/`);
    expect(ui.status).toBe(200);
    expect(service.output()).toContain('demo data loaded');
  } finally {
    // Stopping must not hang: past 30 s the service is killed and the test fails.
    code = await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
    if (code !== 0) console.error(service.output());
  }
  expect(code).toBe(0);
  expect(service.output()).toContain('stopping');
}, 180_000);
