/**
 * The whole service started the way `npm start` does (its own embedded Temporal dev server, embedded
 * PGlite, worker, API), answering /healthz and /readyz, serving both metrics endpoints, writing one
 * JSON log stream without personal data, then stopped with SIGINT. A worker that cannot start fails
 * `npm start`, although the API was already listening: exit code 1 with the reason, nothing left running.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { portOpen } from '../../../scripts/dev-server';
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

    // A request id is honoured and echoed; the line logged for the call carries neither the NISS nor the search.
    const refused = await fetch(`http://127.0.0.1:${ports.port}/api/requests/82.04.12-072.57?search=Lambert`, {
      headers: { 'X-Request-Id': 'npm-start-check-1', Authorization: 'Bearer not-a-token' },
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('x-request-id')).toBe('npm-start-check-1');
    // The API's metrics (prom-client) and the worker's (the Temporal SDK's exporter).
    const api = await (await fetch(`http://127.0.0.1:${ports.port}/metrics`)).text();
    expect(api).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(api).toMatch(/^http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} [1-9]/m);
    const worker = await (await fetch(`http://127.0.0.1:${ports.metricsPort}/metrics`)).text();
    expect(worker).toMatch(/^temporal_\w+/m);
  } finally {
    // Stopping must not hang: past 30 s the service is killed and the test fails.
    code = await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
    if (code !== 0) console.error(service.output());
  }
  expect(code).toBe(0);
  expect(service.output()).toContain('stopping');
  // One JSON stream: the service's lines and the Temporal SDK's.
  const lines = service
    .output()
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(lines).toContainEqual(expect.objectContaining({ component: 'temporal', sdkComponent: expect.any(String) }));
  expect(lines).toContainEqual(
    expect.objectContaining({ msg: 'request completed', req: expect.objectContaining({ id: 'npm-start-check-1', url: '/api/requests/[niss]?search=[redacted]' }), res: { statusCode: 401 } }),
  );
  expect(service.output()).not.toMatch(/82\.?04\.?12-?072\.?57|Lambert|not-a-token/);
}, 180_000);

test('a worker that cannot start fails npm start with exit code 1 and its reason, and leaves nothing running', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'breakatwork-start-'));
  const ports = await freeServicePorts();
  // The worker's metrics address is taken: the SDK's runtime, installed just before the worker, refuses it.
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(ports.metricsPort, '127.0.0.1', resolve));
  const service = spawnNpmStart(dataDir, ports);
  let code: number | null;
  try {
    const deadline = Date.now() + 120_000;
    while (!service.exited() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    code = await service.stop();
  } finally {
    taken.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  expect(code).toBe(1);
  // The API had opened while the worker was starting; it is closed, and so is the dev server.
  expect(service.output()).toContain('API listening, worker starting');
  expect(service.output()).toContain('npm start: could not start');
  expect(service.output()).toMatch(/prometheus metrics exporter.*Address already in use/);
  expect(await portOpen(ports.port)).toBe(false);
  expect(await portOpen(ports.temporalPort)).toBe(false);
}, 180_000);
