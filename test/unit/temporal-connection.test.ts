/**
 * The Temporal connection by @temporalio/envconfig's convention: a profile of a TOML file, overridden by
 * TEMPORAL_* variables, becomes the options of the client Connection and the worker's NativeConnection;
 * a mistake (unknown profile, unknown key, unreadable file, a flag that is not one) stops start-up
 * naming the variable. The real package reads a real file: no mocks.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, parseConfig } from '../../config';
import { temporalConnectOptions } from '../../config/temporal-connection';

let dir: string;
let file: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'temporal-profiles-'));
  file = join(dir, 'temporal.toml');
  writeFileSync(join(dir, 'ca.pem'), 'CA FROM FILE');
  writeFileSync(
    file,
    `[profile.default]
address = "temporal.internal:7233"
namespace = "journeys"

[profile.cloud]
address = "journeys.a1b2c.tmprl.cloud:7233"
namespace = "journeys.a1b2c"
api_key = "the-api-key"

[profile.mtls]
address = "temporal.example.org:7233"
namespace = "po-journeys"
[profile.mtls.tls]
server_name = "temporal.example.org"
server_ca_cert_path = "${join(dir, 'ca.pem')}"
client_cert_data = "CLIENT CERT"
client_key_data = "CLIENT KEY"
`,
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const errorOf = (env: NodeJS.ProcessEnv): string => {
  try {
    parseConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('parseConfig accepted it');
};

test('nothing configured: no address (npm start runs its dev server; api and worker use localhost:7233), namespace default, plain gRPC', () => {
  const { temporal } = parseConfig({});
  expect(temporal.address).toBeUndefined();
  expect(temporal.namespace).toBe('default');
  expect(temporalConnectOptions(temporal.connection)).toEqual({ address: 'localhost:7233' });
});

test('TEMPORAL_ADDRESS and TEMPORAL_NAMESPACE alone: a self-hosted cluster without TLS', () => {
  const { temporal } = parseConfig({ TEMPORAL_ADDRESS: 'temporal-frontend:7233', TEMPORAL_NAMESPACE: 'journeys' });
  expect(temporal).toMatchObject({ address: 'temporal-frontend:7233', namespace: 'journeys' });
  expect(temporalConnectOptions(temporal.connection)).toEqual({ address: 'temporal-frontend:7233' });
});

test('the default profile of TEMPORAL_CONFIG_FILE', () => {
  const { temporal } = parseConfig({ TEMPORAL_CONFIG_FILE: file });
  expect(temporal).toMatchObject({ address: 'temporal.internal:7233', namespace: 'journeys' });
  expect(temporalConnectOptions(temporal.connection)).toEqual({ address: 'temporal.internal:7233' });
});

test('Temporal Cloud with an API key: TLS on, the key sent; TEMPORAL_API_KEY alone does the same', () => {
  const { temporal } = parseConfig({ TEMPORAL_CONFIG_FILE: file, TEMPORAL_PROFILE: 'cloud' });
  expect(temporal).toMatchObject({ address: 'journeys.a1b2c.tmprl.cloud:7233', namespace: 'journeys.a1b2c' });
  expect(temporalConnectOptions(temporal.connection)).toEqual({ address: 'journeys.a1b2c.tmprl.cloud:7233', apiKey: 'the-api-key', tls: true });

  const fromEnv = parseConfig({ TEMPORAL_ADDRESS: 'eu-west-1.aws.api.temporal.io:7233', TEMPORAL_NAMESPACE: 'journeys.a1b2c', TEMPORAL_API_KEY: 'key-2' }).temporal;
  expect(temporalConnectOptions(fromEnv.connection)).toEqual({ address: 'eu-west-1.aws.api.temporal.io:7233', apiKey: 'key-2', tls: true });
});

test('mTLS from a profile: CA (read from its path), client pair, server name', () => {
  const { temporal } = parseConfig({ TEMPORAL_CONFIG_FILE: file, TEMPORAL_PROFILE: 'mtls' });
  const options = temporalConnectOptions(temporal.connection);
  expect(options.address).toBe('temporal.example.org:7233');
  expect(temporal.namespace).toBe('po-journeys');
  const tls = options.tls as { serverNameOverride?: string; serverRootCACertificate?: Uint8Array; clientCertPair?: { crt: Uint8Array; key: Uint8Array } };
  expect(tls.serverNameOverride).toBe('temporal.example.org');
  expect(Buffer.from(tls.serverRootCACertificate!).toString()).toBe('CA FROM FILE');
  expect(Buffer.from(tls.clientCertPair!.crt).toString()).toBe('CLIENT CERT');
  expect(Buffer.from(tls.clientCertPair!.key).toString()).toBe('CLIENT KEY');
});

test('variables override the profile: address, namespace, TLS off', () => {
  const { temporal } = parseConfig({ TEMPORAL_CONFIG_FILE: file, TEMPORAL_PROFILE: 'cloud', TEMPORAL_ADDRESS: 'proxy.local:7233', TEMPORAL_NAMESPACE: 'other', TEMPORAL_TLS: 'false' });
  expect(temporal).toMatchObject({ address: 'proxy.local:7233', namespace: 'other' });
  expect(temporalConnectOptions(temporal.connection)).toEqual({ address: 'proxy.local:7233', apiKey: 'the-api-key', tls: false });
});

test('mistakes stop start-up naming the variable', () => {
  expect(errorOf({ TEMPORAL_CONFIG_FILE: file, TEMPORAL_PROFILE: 'staging' })).toContain('TEMPORAL_PROFILE: profile "staging" is not in TEMPORAL_CONFIG_FILE');
  expect(errorOf({ TEMPORAL_PROFILE: 'staging' })).toContain('TEMPORAL_PROFILE');
  expect(errorOf({ TEMPORAL_CONFIG_FILE: join(dir, 'missing.toml') })).toContain('TEMPORAL_CONFIG_FILE: cannot read');
  expect(errorOf({ TEMPORAL_TLS: 'yes' })).toContain('TEMPORAL_TLS: must be true, false, 1 or 0');
  expect(errorOf({ TEMPORAL_ADDRESS: 'temporal' })).toContain('TEMPORAL_ADDRESS: must be host:port');
  expect(errorOf({ TEMPORAL_TLS_SERVER_CA_CERT_PATH: join(dir, 'nope.pem') })).toContain(`TEMPORAL_TLS_SERVER_CA_CERT_PATH: cannot read ${join(dir, 'nope.pem')}`);
  expect(errorOf({ TEMPORAL_TLS_CLIENT_CERT_DATA: 'CERT' })).toContain('TEMPORAL_TLS_CLIENT_KEY_PATH: a client certificate needs its key');
  const typo = join(dir, 'typo.toml');
  writeFileSync(typo, '[profile.default]\naddres = "x:1"\n');
  expect(errorOf({ TEMPORAL_CONFIG_FILE: typo })).toMatch(/TEMPORAL_CONFIG_FILE: .* is not valid: .*unrecognized in profile.default: addres/);
  expect(errorOf({ WORKER_HEALTH_PORT: 'none' })).toContain('WORKER_HEALTH_PORT');
});

test('WORKER_HEALTH_PORT: 3001 by default, off for none', () => {
  expect(parseConfig({}).workerHealthPort).toBe(3001);
  expect(parseConfig({ WORKER_HEALTH_PORT: '4001' }).workerHealthPort).toBe(4001);
  expect(parseConfig({ WORKER_HEALTH_PORT: 'off' }).workerHealthPort).toBeUndefined();
});
