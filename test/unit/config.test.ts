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
  [{ HOST: 'not a host' }, 'HOST'],
  [{ OIDC_ISSUER: 'https://idp.example.org' }, 'OIDC_AUDIENCE'],
  [{ OIDC_AUDIENCE: 'breakatwork-api' }, 'OIDC_AUDIENCE: needs OIDC_ISSUER'],
  [{ OIDC_CLIENT_ID: 'web' }, 'OIDC_CLIENT_ID: needs OIDC_ISSUER'],
  [{ OIDC_ISSUER: 'ftp://idp.example.org', OIDC_AUDIENCE: 'a' }, 'OIDC_ISSUER'],
  [{ OIDC_ISSUER: 'http://idp.example.org', OIDC_AUDIENCE: 'a' }, 'OIDC_ISSUER: must be https'],
  [{ NODE_ENV: 'production', TOKEN_SECRET: 'x'.repeat(32), OIDC_ISSUER: 'http://127.0.0.1:4000', OIDC_AUDIENCE: 'a' }, 'OIDC_ISSUER: must be https'],
  [{ OIDC_ISSUER: 'https://idp.example.org', OIDC_AUDIENCE: 'a', OIDC_ALGORITHMS: 'RS256,HS256' }, 'OIDC_ALGORITHMS'],
  [{ OIDC_ISSUER: 'https://idp.example.org', OIDC_AUDIENCE: 'a', OIDC_ALGORITHMS: 'none' }, 'OIDC_ALGORITHMS'],
  [{ OIDC_ISSUER: 'https://idp.example.org', OIDC_AUDIENCE: 'a', OIDC_ALGORITHMS: ' , ' }, 'OIDC_ALGORITHMS'],
  [{ OIDC_ISSUER: 'https://idp.example.org', OIDC_AUDIENCE: 'a', OIDC_CLOCK_TOLERANCE_SECONDS: '-1' }, 'OIDC_CLOCK_TOLERANCE_SECONDS'],
  [{ OIDC_ISSUER: 'https://idp.example.org', OIDC_AUDIENCE: 'a', OIDC_SCOPES: 'openid  profile' }, 'OIDC_SCOPES'],
  [{ RATE_LIMIT_READS_PER_MINUTE: '0' }, 'RATE_LIMIT_READS_PER_MINUTE'],
  [{ RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: 'many' }, 'RATE_LIMIT_AUTH_FAILURES_PER_MINUTE'],
  [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
  [{ TRUST_PROXY: '10.0.0.0/8, proxy.example.org' }, 'TRUST_PROXY'],
  [{ HSTS_MAX_AGE_SECONDS: '-1' }, 'HSTS_MAX_AGE_SECONDS'],
])('a bad setting stops start-up naming it: %o', (env, name) => {
  expect(() => parseConfig(env)).toThrow(ConfigError);
  expect(() => parseConfig(env)).toThrow(name);
});

test('production turns the development identity provider and demo data off', () => {
  const config = parseConfig({ NODE_ENV: 'production', TOKEN_SECRET: 'x'.repeat(32), PAYLOAD_KEYS: `k1:${key(1)}` });
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

test('no public development secret: TOKEN_SECRET unset leaves the secret to the store (generated once, shared)', () => {
  expect(parseConfig({}).tokens.secret).toBeUndefined();
  expect(parseConfig({ TOKEN_SECRET: 's'.repeat(32) }).tokens.secret).toBe('s'.repeat(32));
});

test('the development identity: on by default only on loopback, outside production and without an OpenID provider', () => {
  expect(parseConfig({}).host).toBe('127.0.0.1');
  expect(parseConfig({ HOST: '::1' }).devIdentity).toBe(true);
  const everyInterface = parseConfig({ HOST: '0.0.0.0' });
  expect(everyInterface.devIdentity).toBe(false);
  expect(everyInterface.warnings.join('\n')).toMatch(/DEV_IDENTITY=true/);
  // Explicitly on beside a public bind: it runs, with a start-up warning naming the risk.
  const forced = parseConfig({ HOST: '0.0.0.0', DEV_IDENTITY: 'true' });
  expect(forced.devIdentity).toBe(true);
  expect(forced.warnings.join('\n')).toMatch(/DEV_IDENTITY=true while the API listens on 0\.0\.0\.0 \(HOST\)/);
  const withProvider = { OIDC_ISSUER: 'https://idp.example.org', OIDC_AUDIENCE: 'breakatwork-api' };
  expect(parseConfig(withProvider).devIdentity).toBe(false);
  expect(parseConfig({ ...withProvider, DEV_IDENTITY: 'true' }).devIdentity).toBe(true);
  expect(parseConfig({}).warnings).toEqual([]);
});

test('the OpenID provider: defaults and overrides', () => {
  expect(parseConfig({}).oidc).toBeUndefined();
  expect(parseConfig({ OIDC_ISSUER: 'https://idp.example.org', OIDC_AUDIENCE: 'breakatwork-api' }).oidc).toEqual({
    issuer: 'https://idp.example.org',
    audience: 'breakatwork-api',
    jwksUrl: undefined,
    algorithms: ['RS256', 'ES256', 'PS256'],
    clockToleranceSeconds: 30,
    nissClaim: 'egovNRN',
    roleClaim: 'roles',
    backofficeRoles: ['onem-backoffice'],
    clientId: undefined,
    scopes: 'openid profile offline_access',
    resource: undefined,
  });
  const set = parseConfig({
    OIDC_ISSUER: 'http://127.0.0.1:4000',
    OIDC_AUDIENCE: 'urn:breakatwork:api',
    OIDC_ALGORITHMS: 'ES256, EdDSA',
    OIDC_CLOCK_TOLERANCE_SECONDS: '0',
    OIDC_NISS_CLAIM: 'niss',
    OIDC_ROLE_CLAIM: 'realm_access.roles',
    OIDC_BACKOFFICE_ROLES: 'onem-agent, onem-supervisor',
    OIDC_CLIENT_ID: 'breakatwork-web',
    OIDC_RESOURCE: 'urn:breakatwork:api',
  }).oidc;
  expect(set).toMatchObject({ algorithms: ['ES256', 'EdDSA'], clockToleranceSeconds: 0, nissClaim: 'niss', roleClaim: 'realm_access.roles', backofficeRoles: ['onem-agent', 'onem-supervisor'], clientId: 'breakatwork-web' });
});

/** A 32-byte key in base64, different for each n. */
const key = (n: number) => Buffer.alloc(32, n).toString('base64');

test('payload keys: one key encrypts, the others of PAYLOAD_KEYS still decrypt; unset outside production, the store keeps one', () => {
  expect(parseConfig({}).payloadKeys).toBeUndefined();
  const single = parseConfig({ PAYLOAD_KEYS: `k1:${key(1)}` }).payloadKeys;
  expect(single?.encodeKeyId).toBe('k1');
  expect(single?.keys.get('k1')).toEqual(Buffer.alloc(32, 1));
  const rotated = parseConfig({ PAYLOAD_KEYS: `{"2026-01":"${key(1)}","2026-06":"${key(2)}"}`, PAYLOAD_KEY_ID: '2026-06' }).payloadKeys;
  expect(rotated?.encodeKeyId).toBe('2026-06');
  expect([...(rotated?.keys.keys() ?? [])]).toEqual(['2026-01', '2026-06']);
});

test.each([
  [{ NODE_ENV: 'production', TOKEN_SECRET: 'x'.repeat(32) }, 'PAYLOAD_KEYS: required'],
  [{ PAYLOAD_KEYS: 'k1:c2hvcnQ=' }, 'PAYLOAD_KEYS: the key "k1" must be 32 bytes'],
  [{ PAYLOAD_KEYS: `k 1:${key(1)}` }, 'PAYLOAD_KEYS: the key id'],
  [{ PAYLOAD_KEYS: '{"k1":' }, 'PAYLOAD_KEYS: must be JSON'],
  [{ PAYLOAD_KEYS: `k1:${key(1)},k2:${key(2)}` }, 'PAYLOAD_KEY_ID: required'],
  [{ PAYLOAD_KEYS: `k1:${key(1)}`, PAYLOAD_KEY_ID: 'k9' }, 'PAYLOAD_KEY_ID: "k9" is not'],
  [{ PAYLOAD_KEY_ID: 'k1' }, 'PAYLOAD_KEY_ID'],
  [{ OWNER_HASH_SECRET: 'short' }, 'OWNER_HASH_SECRET'],
])('a bad payload key setting stops start-up naming it, never showing a key: %o', (env, name) => {
  expect(() => parseConfig(env)).toThrow(ConfigError);
  expect(() => parseConfig(env)).toThrow(name);
  let message = '';
  try {
    parseConfig(env);
  } catch (err) {
    message = String(err);
  }
  expect(message).not.toContain(key(1));
});

test('the codec endpoint answers the embedded dev server\'s web UI unless CODEC_CORS_ORIGINS names others', () => {
  expect(parseConfig({}).codecCorsOrigins).toEqual(['http://localhost:8233', 'http://127.0.0.1:8233']);
  expect(parseConfig({ TEMPORAL_WEB_URL: 'https://temporal.example.org/ui' }).codecCorsOrigins).toContain('https://temporal.example.org');
  expect(parseConfig({ CODEC_CORS_ORIGINS: 'https://a.example.org/, https://b.example.org' }).codecCorsOrigins).toEqual(['https://a.example.org', 'https://b.example.org']);
});

test('rate limits, trusted proxies and HSTS: defaults a busy UI never hits, none trusted, HSTS only in production', () => {
  const config = parseConfig({});
  expect(config.rateLimits).toEqual({ changesPerMinute: 600, readsPerMinute: 1200, authFailuresPerMinute: 60 });
  expect(config.trustProxy).toBe(false);
  expect(config.hstsMaxAgeSeconds).toBe(0);
  expect(parseConfig({ NODE_ENV: 'production', TOKEN_SECRET: 'x'.repeat(32), PAYLOAD_KEYS: `k1:${key(1)}` }).hstsMaxAgeSeconds).toBe(31_536_000);
  expect(parseConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
  expect(parseConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,::1' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', '::1']);
  expect(parseConfig({ RATE_LIMIT_READS_PER_MINUTE: '50', HSTS_MAX_AGE_SECONDS: '0' })).toMatchObject({ rateLimits: { readsPerMinute: 50 }, hstsMaxAgeSeconds: 0 });
});
