/**
 * Hardening through the real app on the real store (PGlite, or PostgreSQL with DATABASE_URL): security
 * headers on the API, the web application and /docs; `Cache-Control: no-store` on personal data; rate
 * limits on reads, changes and failed authentications with the RateLimit fields, counted in the store
 * so that two app instances on one database share every budget; request ids on every answer.
 * The limits here are tiny on purpose (RATE_LIMIT_* below); TRUST_PROXY=loopback lets each test call
 * from an address of its own through X-Forwarded-For.
 */
import request from 'supertest';
import { createApp } from '../../../api/app';
import { RateLimiter } from '../../../api/rate-limit';
import { createLogger } from '../../../config/logger';
import { openDb, type Db } from '../../../store/db';
import { demoCast } from '../../../store/demo-data';
import { sweepRateLimits } from '../../../store/rate-limits';
import { bearer, identityToken } from '../../support/http-journeys';
import { startTestService, type TestService } from '../../support/service-harness';

const { people, organisations } = demoCast;
const LIMITS = { RATE_LIMIT_PER_MINUTE: '30', RATE_LIMIT_READS_PER_MINUTE: '8', RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: '4', TRUST_PROXY: 'loopback' };
const members = `/api/organisations/${organisations.poY.enterpriseNumber}/members`;

let service: TestService;
/** A second app instance on the same database (PostgreSQL: its own connection pool), as another replica. */
let replica: ReturnType<typeof request>;
let replicaDb: Db | undefined;
let manager: string;

beforeAll(async () => {
  service = await startTestService({ env: LIMITS });
  if (service.db.backend === 'postgres') {
    const { schema } = await service.db.one<{ schema: string }>('SELECT current_schema() AS schema');
    replicaDb = await openDb({ databaseUrl: process.env.DATABASE_URL, schema });
  }
  replica = request(createApp({ config: service.config, db: replicaDb ?? service.db, temporal: service.env.client, log: createLogger('silent') }));
  manager = await identityToken(service.http, people.accessManagerY.niss);
});

afterAll(async () => {
  await replicaDb?.close();
  await service?.stop();
});

/** Calls from one client address (X-Forwarded-For, trusted from loopback). */
const from = (address: string) => ({ 'X-Forwarded-For': address });

test('the API answers with the security headers, no-store, the RateLimit fields and a request id', async () => {
  const res = await service.http.get(members).set(bearer(manager)).set(from('198.51.100.1'));
  expect(res.status).toBe(200);
  expect(res.headers['cache-control']).toBe('no-store');
  const csp = res.headers['content-security-policy'] as string;
  for (const directive of ["default-src 'self'", "script-src 'self'", "style-src-attr 'unsafe-inline'", "connect-src 'self'", "frame-ancestors 'none'", "object-src 'none'"]) {
    expect(csp).toContain(directive);
  }
  expect(csp).not.toContain("'unsafe-eval'");
  expect(res.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' });
  // HSTS is for production behind TLS (HSTS_MAX_AGE_SECONDS): not in a test.
  expect(res.headers['strict-transport-security']).toBeUndefined();
  expect(res.headers['x-powered-by']).toBeUndefined();
  expect(res.headers['ratelimit-policy']).toBe('"reads";q=8;w=60');
  expect(res.headers.ratelimit).toMatch(/^"reads";r=7;t=\d+$/);
  expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  // The codec endpoint (decoded payloads) too, even when it refuses; and its refusal is counted.
  const codec = await service.http.post('/codec/decode').set(from('198.51.100.2')).send({ payloads: [] });
  expect(codec.status).toBe(401);
  expect(codec.headers['cache-control']).toBe('no-store');
  expect(codec.headers['ratelimit-policy']).toBe('"auth-failures";q=4;w=60');
  const traced = await service.http.get('/api/machines').set('X-Request-Id', 'trace-7.a:b');
  expect(traced.headers['x-request-id']).toBe('trace-7.a:b');
  expect((await service.http.get('/api/machines').set('X-Request-Id', '<script>')).headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
});

test('the web application and /docs live under the same policy: no inline script, own files only; hashed assets cached for good', async () => {
  const page = await service.http.get('/breakatwork/overview').set('Accept', 'text/html');
  expect(page.status).toBe(200);
  expect(page.headers['cache-control']).toBe('no-cache');
  expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  expect(page.headers['x-frame-options']).toBe('DENY');
  const asset = /src="(\/assets\/[^"]+\.js)"/.exec(page.text)?.[1];
  expect(asset).toBeDefined();
  const cached = await service.http.get(asset!);
  expect(cached.status).toBe(200);
  expect(cached.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(cached.headers['x-content-type-options']).toBe('nosniff');

  const docs = await service.http.get('/docs');
  expect(docs.status).toBe(200);
  expect(docs.headers['content-security-policy']).toBe(page.headers['content-security-policy']);
  // Every script of the page has a src on this origin (an inline one would be refused by script-src 'self').
  const scripts = [...docs.text.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const attributes of scripts) expect(attributes).toMatch(/src="\/docs\//);
  const init = await service.http.get('/docs/init.js');
  expect(init.status).toBe(200);
  expect(init.headers['content-type']).toContain('javascript');
  expect(init.text).toContain("url: '/openapi.json'");
});

test('reads are limited per subject: past the limit 429 RATE_LIMITED with Retry-After; another subject and the probes go on', async () => {
  const token = await identityToken(service.http, people.bothPermissions.niss);
  const statuses: number[] = [];
  let refused: request.Response | undefined;
  for (let i = 0; i < 10 && !refused; i++) {
    // Each call from another address: the budget is the subject's, not the address's.
    const res = await service.http.get(members).set(bearer(token)).set(from(`198.51.100.${10 + i}`));
    statuses.push(res.status);
    if (res.status === 429) refused = res;
  }
  expect(statuses.slice(0, 8).every((s) => s !== 429)).toBe(true);
  expect(statuses).toHaveLength(9);
  expect((refused!.body as { error: unknown }).error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('au plus 8 par minute') });
  expect(Number(refused!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(refused!.headers.ratelimit).toMatch(/^"reads";r=0;t=\d+$/);
  expect(refused!.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  // Another person, the same address as the last call: its own budget.
  const other = await identityToken(service.http, people.poEducationOnly.niss);
  const theirs = await service.http.get(members).set(bearer(other)).set(from('198.51.100.18'));
  expect(theirs.status).not.toBe(429);
  expect(theirs.headers.ratelimit).toMatch(/^"reads";r=7;/);
  // Probes are never limited.
  for (let i = 0; i < 12; i++) expect((await service.http.get('/healthz')).status).toBe(200);
  // Changes have a budget of their own: the limited reader still starts a journey.
  const started = await service.http.post('/api/journeys').set(bearer(token)).send({ machine: 'signIn' });
  expect(started.status).toBe(201);
  expect(started.headers['ratelimit-policy']).toBe('"changes";q=30;w=60');
});

test('failed authentications are limited per address, before any token is verified', async () => {
  const address = from('203.0.113.7');
  const failures: request.Response[] = [];
  for (let i = 0; i < 4; i++) failures.push(await service.http.get(members).set(bearer(`forged-${i}`)).set(address));
  expect(failures.map((r) => r.status)).toEqual([401, 401, 401, 401]);
  expect(failures[0]!.headers['ratelimit-policy']).toBe('"auth-failures";q=4;w=60');
  expect(failures.map((r) => r.headers.ratelimit as string)).toEqual([0, 1, 2, 3].map((used): unknown => expect.stringMatching(new RegExp(`^"auth-failures";r=${3 - used};t=\\d+$`))));
  const fifth = await service.http.get(members).set(bearer('forged-4')).set(address);
  expect(fifth.status).toBe(429);
  expect((fifth.body as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
  // Now even a valid token from that address is refused unread; from another address it is served.
  const blocked = await service.http.get(members).set(bearer(manager)).set(address);
  expect(blocked.status).toBe(429);
  expect(Number(blocked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  // No token at all is a failed authentication too.
  expect((await service.http.get(members).set(address)).status).toBe(429);
  expect((await service.http.get(members).set(bearer(manager)).set(from('203.0.113.8'))).status).toBe(200);
});

test('two app instances on one database share each budget', async () => {
  // Reads by address (no token): 5 on one instance, then the other sees them.
  const address = from('192.0.2.44');
  for (let i = 0; i < 5; i++) expect((await service.http.get('/api/machines').set(address)).status).toBe(200);
  const seen = await replica.get('/api/machines').set(address);
  expect(seen.status).toBe(200);
  expect(seen.headers.ratelimit).toMatch(/^"reads";r=2;/);
  for (let i = 0; i < 2; i++) expect((await replica.get('/api/machines').set(address)).status).toBe(200);
  expect((await service.http.get('/api/machines').set(address)).status).toBe(429);
  // Failed authentications: 4 on one instance; the other refuses the next one although it never saw any.
  const attacker = from('192.0.2.45');
  for (let i = 0; i < 4; i++) expect((await service.http.get(members).set(bearer(`x${i}`)).set(attacker)).status).toBe(401);
  expect((await replica.get(members).set(bearer('x4')).set(attacker)).status).toBe(429);
});

test('X-Forwarded-For counts only from a trusted proxy', async () => {
  // The replica's own configuration without TRUST_PROXY: a forged header does not give a fresh budget.
  const untrusting = request(createApp({ config: { ...service.config, trustProxy: false }, db: replicaDb ?? service.db, temporal: service.env.client, log: createLogger('silent') }));
  const first = await untrusting.get('/api/labels').set(from('192.0.2.200'));
  const second = await untrusting.get('/api/labels').set(from('192.0.2.201'));
  const remaining = (res: request.Response) => Number(/r=(\d+)/.exec(res.headers.ratelimit as string)?.[1]);
  expect(remaining(second)).toBe(remaining(first) - 1);
});

test('one statement per call, rows hold no national number or address, and quiet callers are swept', async () => {
  const limiter = new RateLimiter(service.db, service.config.rateLimits);
  const calls = 200;
  await limiter.take('reads', 'warm-up');
  const started = performance.now();
  for (let i = 0; i < calls; i++) await limiter.take('reads', `person:${people.poZUser.niss}`);
  const perCall = (performance.now() - started) / calls;
  console.log(`[rate limit] ${service.db.backend}: ${perCall.toFixed(3)} ms per counted call (${calls} calls, one upsert each)`);

  const rows = await service.db.query<{ bucket: string; caller: string }>('SELECT bucket, caller FROM rate_limits');
  expect(rows.length).toBeGreaterThan(0);
  const stored = JSON.stringify(rows);
  expect(stored).not.toMatch(/\d{11}/);
  expect(stored).not.toContain('203.0.113');
  expect(rows.every((r) => /^[\w-]{22}$/.test(r.caller))).toBe(true);

  // Two windows on, every row is of a quiet caller and goes.
  const later = Date.now() + 2 * limiter.windowMs;
  const swept = await sweepRateLimits(service.db, later - (later % limiter.windowMs), limiter.windowMs);
  expect(swept).toBe(rows.length);
  expect(await service.db.query('SELECT 1 FROM rate_limits')).toEqual([]);
});

test('a replica that is stopping answers /readyz 503 and closes kept-alive connections, while calls in flight still get their answer', async () => {
  let draining = false;
  const stopping = request(createApp({ config: service.config, db: replicaDb ?? service.db, temporal: service.env.client, log: createLogger('silent'), draining: () => draining }));
  const keepAlive = { Connection: 'keep-alive' };
  const before = await stopping.get('/readyz').set(keepAlive);
  expect(before.status).toBe(200);
  expect(before.headers.connection).toBe('keep-alive');
  draining = true;
  const after = await stopping.get('/readyz').set(keepAlive);
  expect(after.status).toBe(503);
  expect(after.body).toMatchObject({ status: 'draining' });
  expect(after.headers.connection).toBe('close');
  // Other calls are still served (the process finishes what reaches it), on a connection that then closes.
  const call = await stopping.get(members).set(bearer(manager)).set(from('198.51.100.77')).set(keepAlive);
  expect(call.status).toBe(200);
  expect(call.headers.connection).toBe('close');
});
