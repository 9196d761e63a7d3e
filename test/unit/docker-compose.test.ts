/**
 * docker-compose.yml keeps the promises of the README's "Deploying" section: pinned images, the real
 * Temporal server image in four services on PostgreSQL, one-off schema and namespace jobs that gate what
 * comes after them, API and worker replicas with health checks and restart policies behind a load
 * balancer, required secrets, and database roles that are not superusers.
 * (No Docker engine here: the file is read as YAML and checked against those promises.)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { devServerDynamicConfig } from '../../scripts/dev-server';
import { searchAttributes } from '../../workflows/messages';

const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string | number>;
  depends_on?: Record<string, { condition: string }>;
  deploy?: { replicas?: number };
  healthcheck?: { test: string[] };
  restart?: string;
  ports?: string[];
  volumes?: string[];
}

const composeText = read('docker-compose.yml');
const compose = parse(composeText, { merge: true }) as { services: Record<string, Service> };
const services = compose.services;
const service = (name: string): Service => {
  const found = services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
};
/** The script a job runs: the host file bind-mounted at the path its entrypoint names. */
function jobScript(name: string): string {
  const { entrypoint = [], volumes = [] } = service(name);
  const target = entrypoint.find((arg) => arg.endsWith('.sh'));
  const mount = volumes.find((v) => v.split(':')[1] === target);
  if (!target || !mount) throw new Error(`${name}: its entrypoint runs no mounted script`);
  return read(mount.split(':')[0]!);
}

const temporalServices = Object.entries(services).filter(([, s]) => s.image?.startsWith('temporalio/server:'));
const restartPolicies = ['always', 'unless-stopped', 'on-failure'];

test('every image is pinned to a tag (no latest); the built image too', () => {
  for (const [name, s] of Object.entries(services)) {
    expect({ name, image: s.image }).toEqual({ name, image: expect.stringMatching(/^[\w./-]+:[\w.-]+$/) });
    expect({ name, latest: s.image!.endsWith(':latest') }).toEqual({ name, latest: false });
  }
});

test('the Temporal server is temporalio/server (not auto-setup), frontend, history, matching and worker, on PostgreSQL', () => {
  expect(Object.values(services).filter((s) => s.image?.includes('auto-setup'))).toEqual([]);
  expect(temporalServices.map(([, s]) => s.environment?.SERVICES).sort()).toEqual(['frontend', 'history', 'matching', 'worker']);
  const versions = new Set(temporalServices.map(([, s]) => s.image));
  expect(versions.size).toBe(1);
  for (const [, s] of temporalServices) {
    expect(s.environment).toMatchObject({ DB: 'postgres12', POSTGRES_SEEDS: 'postgresql', POSTGRES_USER: 'temporal', DBNAME: 'temporal', VISIBILITY_DBNAME: 'temporal_visibility' });
    expect(String(s.environment?.POSTGRES_PWD)).toMatch(/^\$\{TEMPORAL_DB_PASSWORD:\?/);
    expect(restartPolicies).toContain(s.restart);
    expect(s.healthcheck?.test[0]).toBe('CMD');
  }
  // The number of history shards is fixed at the cluster's creation: every service must say the same.
  expect(new Set(temporalServices.map(([, s]) => s.environment?.NUM_HISTORY_SHARDS)).size).toBe(1);
});

test('the admin-tools image is the server release, in the <server>-tctl-<x>-cli-<y> form', () => {
  const serverVersion = temporalServices[0]![1].image!.split(':')[1];
  for (const job of ['temporal-schema', 'temporal-namespace']) {
    const match = /^temporalio\/admin-tools:(\d+\.\d+\.\d+)-tctl-\d+\.\d+\.\d+-cli-\d+\.\d+\.\d+$/.exec(service(job).image ?? '');
    expect(match?.[1]).toBe(serverVersion);
  }
});

test('the schema job runs once, fails loudly, and every Temporal service waits for its success', () => {
  const job = service('temporal-schema');
  expect(job.restart).toBe('no');
  expect(job.depends_on?.postgresql?.condition).toBe('service_healthy');
  for (const [name, s] of temporalServices) {
    expect({ name, condition: s.depends_on?.['temporal-schema']?.condition }).toEqual({ name, condition: 'service_completed_successfully' });
  }
  const script = jobScript('temporal-schema');
  expect(script).toMatch(/^set -euo pipefail$/m);
  expect(script).toMatch(/\bcreate\b/);
  expect(script).toMatch(/setup-schema -v 0\.0/);
  expect(script).toMatch(/update-schema -d/);
  expect(script).toContain('/schema/postgresql/v12');
  expect(script).toMatch(/temporal\/versioned/);
  expect(script).toMatch(/visibility\/versioned/);
});

test('the namespace job runs once, fails loudly, creates every search attribute the journeys set, and gates the api and the worker', () => {
  const job = service('temporal-namespace');
  expect(job.restart).toBe('no');
  expect(job.depends_on?.['temporal-frontend']?.condition).toBe('service_healthy');
  const script = jobScript('temporal-namespace');
  expect(script).toMatch(/^set -euo pipefail$/m);
  expect(script).toMatch(/temporal operator namespace create/);
  expect(script).toMatch(/temporal operator search-attribute create/);
  for (const key of Object.values(searchAttributes)) {
    expect(script).toContain(`${key.name}:${key.type === 'KEYWORD' ? 'Keyword' : key.type}`);
  }
  expect(job.environment?.TEMPORAL_NAMESPACE).toBe(service('api').environment?.TEMPORAL_NAMESPACE);
  for (const name of ['api', 'worker']) {
    expect(service(name).depends_on?.['temporal-namespace']?.condition).toBe('service_completed_successfully');
  }
});

test('api and worker: one built image, at least 2 replicas each, health checks with node (no curl), restart policies, no host port', () => {
  const api = service('api');
  const worker = service('worker');
  expect(api.image).toBe(worker.image);
  // The image's command runs the API; the worker's runs the worker, both as scripts/node-entry.ts says (test/unit/node-entry.test.ts).
  expect(read('Dockerfile')).toMatch(/^CMD \["node", .*"scripts\/api\.ts"\]$/m);
  expect(api.command).toBeUndefined();
  expect(worker.command?.at(-1)).toBe('scripts/worker.ts');
  const healthPort = { api: String(api.environment?.PORT), worker: String(worker.environment?.WORKER_HEALTH_PORT) };
  for (const [name, s] of [['api', api], ['worker', worker]] as const) {
    expect(s.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(restartPolicies).toContain(s.restart);
    // Two replicas cannot publish the same host port: the load balancer publishes it.
    expect(s.ports).toBeUndefined();
    const [kind, command, ...args] = s.healthcheck?.test ?? [];
    expect([kind, command]).toEqual(['CMD', 'node']);
    expect(args.join(' ')).toContain(`fetch('http://127.0.0.1:${healthPort[name]}/readyz')`);
  }
});

test('the load balancer publishes the API and spreads it over the api service', () => {
  const lb = service('lb');
  expect(lb.ports).toEqual([expect.stringMatching(/:80$/)]);
  expect(lb.depends_on?.api?.condition).toBe('service_healthy');
  const conf = read('deploy/nginx.conf');
  expect(conf).toMatch(/server api:3000 resolve/);
  expect(conf).toMatch(/resolver 127\.0\.0\.11/);
  // Probes and metrics are not public (README, Security): the health checks reach each replica directly.
  for (const path of ['/healthz', '/readyz', '/metrics']) expect(conf).toContain(`location = ${path} { return 404; }`);
  expect(service('api').environment?.TRUST_PROXY).toBe('1');
});

test('the secrets the service requires in production are required here too (:? guards)', () => {
  for (const name of ['api', 'worker']) {
    const env = service(name).environment ?? {};
    for (const key of ['TOKEN_SECRET', 'PAYLOAD_KEYS', 'OIDC_ISSUER', 'OIDC_AUDIENCE']) {
      expect({ name, key, value: env[key] }).toEqual({ name, key, value: expect.stringMatching(new RegExp(`^\\$\\{${key}:\\?.+\\}$`)) });
    }
    expect(env.NODE_ENV).toBe('production');
    expect(String(env.DATABASE_URL)).toMatch(/^postgres:\/\/breakatwork:\$\{APP_DB_PASSWORD:\?[^}]+\}@postgresql:5432\/breakatwork$/);
  }
  expect(service('postgresql').environment?.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
});

test('the application connects with a role that is not a superuser and owns its database; Temporal with its own', () => {
  const postgresql = service('postgresql');
  const init = postgresql.volumes?.find((v) => v.includes('/docker-entrypoint-initdb.d/'));
  expect(init).toBeDefined();
  const sql = read(init!.split(':')[0]!);
  expect(sql).toMatch(/^CREATE ROLE breakatwork WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE\b.*;$/m);
  expect(sql).toMatch(/^CREATE ROLE temporal WITH LOGIN NOSUPERUSER\b.*;$/m);
  expect(sql).toMatch(/^CREATE DATABASE breakatwork OWNER breakatwork;$/m);
  // No role is given SUPERUSER (only NOSUPERUSER appears).
  expect(sql.match(/\bSUPERUSER\b/g)?.length ?? 0).toBe(0);
  expect(postgresql.environment?.POSTGRES_USER).not.toBe('breakatwork');
});

test('the scripts the containers run are valid bash', () => {
  for (const script of ['deploy/postgresql-init.sh', 'deploy/temporal-schema.sh', 'deploy/temporal-namespace.sh']) {
    expect(() => execFileSync('bash', ['-n', join(root, script)], { stdio: 'pipe' })).not.toThrow();
  }
});

test('the Temporal UI decodes payloads through the service', () => {
  expect(service('temporal-ui').environment).toMatchObject({
    TEMPORAL_ADDRESS: 'temporal-frontend:7233',
    TEMPORAL_CODEC_ENDPOINT: 'http://localhost:3000/codec',
    TEMPORAL_CODEC_PASS_ACCESS_TOKEN: 'true',
  });
});

test('every Temporal service reads the dynamic configuration the service runs with (the dev server and npm run cluster have the same)', () => {
  const dynamicConfig = parse(read('deploy/temporal-dynamicconfig.yaml')) as Record<string, Array<{ value: unknown }>>;
  for (const [key, value] of devServerDynamicConfig) expect(dynamicConfig[key]).toEqual([{ value }]);
  for (const name of ['temporal-history', 'temporal-matching', 'temporal-frontend', 'temporal-worker']) {
    const { environment, volumes } = service(name);
    const path = String(environment?.DYNAMIC_CONFIG_FILE_PATH);
    expect(volumes).toContain(`./deploy/temporal-dynamicconfig.yaml:${path}:ro`);
  }
});
