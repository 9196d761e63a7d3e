/** The one configuration module: defaults, overrides, and start-up errors that name the setting. */
import { ConfigError, parseConfig } from '../../config';

test('embedded defaults', () => {
  const config = parseConfig({});
  expect(config).toMatchObject({ port: 3000, databaseUrl: undefined, temporal: { address: undefined, namespace: 'default', taskQueue: 'journeys', uiPort: 8233 }, demoData: true, devIdentity: true });
  expect(config.fullLoads).toEqual({ NURSERY: 26, PRIMARY: 24, LOWER_SECONDARY: 22, UPPER_SECONDARY: 20 });
});

test('overrides', () => {
  const config = parseConfig({ PORT: '8080', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', TEMPORAL_ADDRESS: 'temporal:7233', FULL_LOADS: '{"PRIMARY":23}' });
  expect(config).toMatchObject({ port: 8080, databaseUrl: 'postgres://postgres@127.0.0.1:5432/test', temporal: { address: 'temporal:7233' } });
  expect(config.fullLoads.PRIMARY).toBe(23);
  expect(config.fullLoads.NURSERY).toBe(26);
});

test.each([
  [{ PORT: 'eighty' }, 'PORT'],
  [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
  [{ TEMPORAL_ADDRESS: 'no-port' }, 'TEMPORAL_ADDRESS'],
  [{ TEMPORAL_METRICS_ADDRESS: '9464' }, 'TEMPORAL_METRICS_ADDRESS'],
  [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
  [{ FULL_LOADS: '{"PRIMARY":-1}' }, 'FULL_LOADS'],
  [{ FULL_LOADS: 'not json' }, 'FULL_LOADS'],
  [{ NODE_ENV: 'production' }, 'TOKEN_SECRET'],
  [{ NODE_ENV: 'production', TOKEN_SECRET: 'x'.repeat(32), DEV_IDENTITY: 'true' }, 'DEV_IDENTITY'],
])('a bad setting stops start-up naming it: %o', (env, name) => {
  expect(() => parseConfig(env)).toThrow(ConfigError);
  expect(() => parseConfig(env)).toThrow(name);
});

test('production turns the development identity provider and demo data off', () => {
  const config = parseConfig({ NODE_ENV: 'production', TOKEN_SECRET: 'x'.repeat(32) });
  expect(config).toMatchObject({ production: true, devIdentity: false, demoData: false });
});

test('the worker metrics are served on 0.0.0.0:9464 unless set elsewhere or off', () => {
  expect(parseConfig({}).temporal.metricsAddress).toBe('0.0.0.0:9464');
  expect(parseConfig({ TEMPORAL_METRICS_ADDRESS: '127.0.0.1:9100' }).temporal.metricsAddress).toBe('127.0.0.1:9100');
  expect(parseConfig({ TEMPORAL_METRICS_ADDRESS: 'off' }).temporal.metricsAddress).toBeUndefined();
});

test('the log level is info unless set', () => {
  expect(parseConfig({}).logLevel).toBe('info');
  expect(parseConfig({ LOG_LEVEL: 'silent' }).logLevel).toBe('silent');
});
