/**
 * The one configuration module: every setting comes from the environment, is parsed by zod once,
 * and a bad value stops start-up with a message that names the variable.
 */
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_FULL_LOADS, fullLoadOverridesSchema, type FullLoads } from '../domain';
import { parsePayloadKeys, type PayloadKeys } from './payload-keys';
import { loadTemporalConnection } from './temporal-connection';

const port = z.coerce.number().int().min(1).max(65535);
/** Asymmetric JWS algorithms only: `none` and HMAC (a shared secret the provider cannot have with us) never. */
export const OIDC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;

/** Addresses only this machine reaches. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: port.default(3000),
  DATA_DIR: z.string().min(1).default('data'),
  /** PostgreSQL; when unset, an embedded PGlite database under DATA_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /**
   * An existing Temporal frontend (host:port); when neither it nor a profile gives one, `npm start` runs an
   * embedded dev server and `npm run api`/`worker` use localhost:7233. Read with the other TEMPORAL_*
   * connection settings by @temporalio/envconfig (config/temporal-connection.ts).
   */
  TEMPORAL_ADDRESS: z.string().regex(/^(\[[0-9a-fA-F:]+\]|[\w.-]+):\d{1,5}$/, 'must be host:port').optional(),
  /** Overrides the profile's namespace; `default` when neither names one. */
  TEMPORAL_NAMESPACE: z.string().min(1).optional(),
  /** A profile of the Temporal config file (TEMPORAL_CONFIG_FILE, else ~/.config/temporalio/temporal.toml). */
  TEMPORAL_PROFILE: z.string().min(1).optional(),
  TEMPORAL_CONFIG_FILE: z.string().min(1).optional(),
  /** Temporal Cloud API key; turns TLS on unless TEMPORAL_TLS=false. */
  TEMPORAL_API_KEY: z.string().min(1).optional(),
  TEMPORAL_TLS: z.enum(['true', 'false', '1', '0'], { error: 'must be true, false, 1 or 0' }).optional(),
  /** The worker process's health endpoints (/healthz, /readyz) on HOST, or `off`. */
  WORKER_HEALTH_PORT: z.union([z.literal('off'), port]).default(3001),
  /**
   * Memory (MB) the worker's cache of workflows may take: it keeps budget / 0.125 MB workflows
   * (worker/worker.ts), and evicts the least recently used past that (rebuilt from history when needed).
   */
  WORKER_CACHE_MB: z.coerce.number().int().min(1).default(1024),
  /**
   * `on`: the SDK captures a stack trace at every promise a workflow creates, for the workflow stack
   * trace query (the Temporal UI's "Stack Trace" tab). `off` (default) spares that CPU; read in each
   * workflow thread by worker/workflow-thread-preload.cjs (decision 31).
   */
  WORKFLOW_STACK_TRACES: z.enum(['on', 'off']).default('off'),
  /** Retention of closed journeys' histories when the service has to register the namespace itself. */
  TEMPORAL_NAMESPACE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('journeys'),
  /** Ports of the embedded dev server (frontend and web UI). */
  TEMPORAL_DEV_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),
  /** Base URL of the web UI of an external Temporal (links from the app to a journey's workflow). */
  TEMPORAL_WEB_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Load the guide's demo cast into the store on start (once; it is idempotent). */
  DEMO_DATA: flag.optional(),
  /** Lines below this level are not written; `silent` writes none. */
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  /** Where the Temporal SDK serves the worker's metrics for Prometheus (`host:port`, path /metrics), or `off`. */
  TEMPORAL_METRICS_ADDRESS: z.union([z.literal('off'), z.string().regex(/^[\w.-]+:\d+$/, 'must be host:port or off')]).default('0.0.0.0:9464'),
  /** The address the API listens on: loopback unless set (a container sets 0.0.0.0). */
  HOST: z.string().regex(/^[\w.:-]+$/, 'must be an IP address or a host name').default('127.0.0.1'),
  /**
   * The development identity provider (tokens for the demo people). Unset: on outside production when
   * the API listens on loopback and no OpenID provider is configured; `true` turns it on anyway (warned).
   */
  DEV_IDENTITY: flag.optional(),
  /** HMAC secret of the acting tokens (at least 32 characters); outside production, a random one kept in the store. */
  TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** The OpenID provider whose access tokens the API accepts (its discovery document is at {issuer}/.well-known/openid-configuration). */
  OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  /** The `aud` the provider's access tokens carry for this API (required with OIDC_ISSUER). */
  OIDC_AUDIENCE: z.string().min(1).optional(),
  /** The provider's key set, when not the discovery document's `jwks_uri`. */
  OIDC_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Signature algorithms accepted from the provider, comma-separated: asymmetric ones only. */
  OIDC_ALGORITHMS: z
    .string()
    .transform((v) => v.split(',').map((a) => a.trim()).filter(Boolean))
    .pipe(z.array(z.enum(OIDC_ALGORITHMS, { error: `must be among ${OIDC_ALGORITHMS.join(', ')} (never none or HS*)` })).min(1, 'must name at least one algorithm'))
    .default(['RS256', 'ES256', 'PS256']),
  /** Leeway on `exp`/`nbf`/`iat` between the provider's clock and ours, in seconds. */
  OIDC_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  /** The claim that carries a person's national number (NISS); FAS/CSAM calls it egovNRN. */
  OIDC_NISS_CLAIM: z.string().min(1).default('egovNRN'),
  /** The claim that lists the caller's roles (a dotted path reads a nested one, e.g. realm_access.roles). */
  OIDC_ROLE_CLAIM: z.string().min(1).default('roles'),
  /** Roles (comma-separated) that make the caller an ONEM back-office agent. */
  OIDC_BACKOFFICE_ROLES: z
    .string()
    .transform((v) => v.split(',').map((r) => r.trim()).filter(Boolean))
    .pipe(z.array(z.string()).min(1, 'must name at least one role'))
    .default(['onem-backoffice']),
  /** The web application's client id at the provider (public client, authorization code with PKCE). */
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  /** Scopes the web application asks for. */
  OIDC_SCOPES: z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/, 'must be scopes separated by one space').default('openid profile offline_access'),
  /** The resource indicator (RFC 8707) the web application asks tokens for, when the provider needs one. */
  OIDC_RESOURCE: z.url().optional(),
  /**
   * Keys that encrypt what the service hands to Temporal (AES-256-GCM): `id:base64key,...` or JSON
   * {"id":"base64key"}, 32 bytes each; required in production, one kept in the store otherwise.
   */
  PAYLOAD_KEYS: z.string().min(1).optional(),
  /** The key of PAYLOAD_KEYS that encrypts (the others only decrypt: rotation); optional with one key. */
  PAYLOAD_KEY_ID: z.string().min(1).optional(),
  /** Key of the owner search attribute's hash (HMAC-SHA256); one kept in the store when unset. */
  OWNER_HASH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Origins of Temporal web UIs allowed to call /codec (comma-separated); the dev server's UI by default. */
  CODEC_CORS_ORIGINS: z.string().min(1).optional(),
  /** Lifetime of identity and acting-context tokens, in minutes. */
  TOKEN_TTL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
  /** Calls that change something, per caller and minute, before 429 (counted in the store: shared by every API replica). */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Reads (GET), per caller and minute, before 429. */
  RATE_LIMIT_READS_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  /** Calls refused with 401, per client address and minute; past it, 429 before any token is verified. */
  RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  /**
   * The proxies whose X-Forwarded-For gives the client address (rate limits by address, logs): a number
   * of hops, or addresses/subnets and loopback, linklocal, uniquelocal, comma-separated. Unset: none.
   */
  TRUST_PROXY: z
    .string()
    .transform((v, ctx) => {
      if (/^\d+$/.test(v)) return Number(v);
      const entries = v.split(',').map((e) => e.trim()).filter(Boolean);
      const named = new Set(['loopback', 'linklocal', 'uniquelocal']);
      const bad = entries.filter((e) => !named.has(e) && !isIP(e.replace(/\/\d{1,3}$/, '')));
      if (bad.length || !entries.length) ctx.addIssue({ code: 'custom', message: 'must be a number of hops, or addresses/subnets (or loopback, linklocal, uniquelocal), comma-separated' });
      return entries;
    })
    .optional(),
  /** Strict-Transport-Security max-age in seconds (0: none); one year in production, none otherwise. */
  HSTS_MAX_AGE_SECONDS: z.coerce.number().int().min(0).optional(),
  /** Named delays of the journeys, in minutes: idle sign-in/access sessions and untouched drafts. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  DRAFT_EXPIRY_DAYS: z.coerce.number().int().min(1).default(30),
  /**
   * Full-time loads in periods by education level (they change): JSON such as
   * {"NURSERY":26,"PRIMARY":24,"LOWER_SECONDARY":22,"UPPER_SECONDARY":20}; the domain's defaults otherwise.
   */
  FULL_LOADS: z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be JSON' });
        return z.NEVER;
      }
    })
    .pipe(fullLoadOverridesSchema)
    .optional(),
  /** Stream live journeys to the XState inspector through this WebSocket URL (development). */
  INSPECT_URL: z.url({ protocol: /^wss?$/ }).optional(),
});

export type Config = ReturnType<typeof parseConfig>;


export class ConfigError extends Error {
  constructor(public readonly issues: string[]) {
    super(`Invalid configuration:\n  ${issues.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

export function parseConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(env[String(i.path[0])])})`));
  }
  const c = parsed.data;
  const production = c.NODE_ENV === 'production';
  if (production && !c.TOKEN_SECRET) throw new ConfigError(['TOKEN_SECRET: required when NODE_ENV=production']);
  // Development tokens are signed for anyone who asks: never where real people's requests are.
  if (production && c.DEV_IDENTITY) throw new ConfigError(['DEV_IDENTITY: the development identity provider cannot run with NODE_ENV=production']);
  if (c.OIDC_ISSUER && !c.OIDC_AUDIENCE) throw new ConfigError(['OIDC_AUDIENCE: required with OIDC_ISSUER (the `aud` of the access tokens meant for this API)']);
  const oidcOnly = ['OIDC_AUDIENCE', 'OIDC_JWKS_URL', 'OIDC_CLIENT_ID', 'OIDC_RESOURCE'] as const;
  const stray = oidcOnly.filter((name) => c[name] !== undefined && !c.OIDC_ISSUER);
  if (stray.length) throw new ConfigError(stray.map((name) => `${name}: needs OIDC_ISSUER (the OpenID provider it belongs to)`));
  // The provider's tokens travel in clear over http: only towards this machine, and never in production.
  for (const name of ['OIDC_ISSUER', 'OIDC_JWKS_URL'] as const) {
    const url = c[name] ? new URL(c[name]) : undefined;
    if (url?.protocol === 'http:' && (production || !isLoopback(url.hostname.replace(/^\[|\]$/g, '')))) {
      throw new ConfigError([`${name}: must be https (http only for a provider on this machine outside production; got ${JSON.stringify(c[name])})`]);
    }
  }
  const loopback = isLoopback(c.HOST);
  const warnings: string[] = [];
  // Unset, the development identity is on only where no one else can reach it, and not beside a real provider.
  const devIdentity = c.DEV_IDENTITY ?? (!production && loopback && !c.OIDC_ISSUER);
  if (c.DEV_IDENTITY && !loopback) {
    warnings.push(`DEV_IDENTITY=true while the API listens on ${c.HOST} (HOST): anyone who reaches it can sign in as any demo person or back-office agent`);
  }
  if (c.DEV_IDENTITY === undefined && !production && !loopback && !c.OIDC_ISSUER) {
    warnings.push(`the development identity provider is off because the API listens on ${c.HOST} (HOST), not loopback: set DEV_IDENTITY=true to turn it on anyway`);
  }
  if (!devIdentity && !c.OIDC_ISSUER) warnings.push('no identity provider: set OIDC_ISSUER and OIDC_AUDIENCE, or no one can sign in');
  const connection = loadTemporalConnection(env);
  if ('problems' in connection) throw new ConfigError(connection.problems);
  const payloadKeys = payloadKeysOf(c.PAYLOAD_KEYS, c.PAYLOAD_KEY_ID, production);
  return {
    env: c.NODE_ENV,
    production,
    port: c.PORT,
    host: c.HOST,
    dataDir: resolve(c.DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    temporal: {
      /** From TEMPORAL_ADDRESS or the profile; undefined: the embedded dev server (`npm start`) or localhost:7233. */
      address: connection.settings.address,
      namespace: connection.settings.namespace,
      /** Address, TLS, API key, headers as @temporalio/envconfig read them (config/temporal-connection.ts). */
      connection: connection.settings,
      namespaceRetentionDays: c.TEMPORAL_NAMESPACE_RETENTION_DAYS,
      taskQueue: c.TEMPORAL_TASK_QUEUE,
      devPort: c.TEMPORAL_DEV_PORT,
      uiPort: c.TEMPORAL_UI_PORT,
      webUrl: c.TEMPORAL_WEB_URL,
      metricsAddress: c.TEMPORAL_METRICS_ADDRESS === 'off' ? undefined : c.TEMPORAL_METRICS_ADDRESS,
    },
    /** The worker process's health endpoints; undefined when WORKER_HEALTH_PORT=off. */
    workerHealthPort: c.WORKER_HEALTH_PORT === 'off' ? undefined : c.WORKER_HEALTH_PORT,
    /** The worker's cache of workflows, in MB of heap (sets maxCachedWorkflows). */
    workerCacheMb: c.WORKER_CACHE_MB,
    /** Whether the workflow threads capture promise stack traces (WORKFLOW_STACK_TRACES). */
    workflowStackTraces: c.WORKFLOW_STACK_TRACES === 'on',
    demoData: c.DEMO_DATA ?? !production,
    logLevel: c.LOG_LEVEL,
    devIdentity,
    /** `secret` unset: a random secret generated once and kept in the store (service_secrets), shared by every replica. */
    tokens: { secret: c.TOKEN_SECRET, ttlMinutes: c.TOKEN_TTL_MINUTES },
    oidc: c.OIDC_ISSUER
      ? {
          issuer: c.OIDC_ISSUER,
          audience: c.OIDC_AUDIENCE!,
          jwksUrl: c.OIDC_JWKS_URL,
          algorithms: c.OIDC_ALGORITHMS,
          clockToleranceSeconds: c.OIDC_CLOCK_TOLERANCE_SECONDS,
          nissClaim: c.OIDC_NISS_CLAIM,
          roleClaim: c.OIDC_ROLE_CLAIM,
          backofficeRoles: c.OIDC_BACKOFFICE_ROLES,
          clientId: c.OIDC_CLIENT_ID,
          scopes: c.OIDC_SCOPES,
          resource: c.OIDC_RESOURCE,
        }
      : undefined,
    /** Start-up lines to log as warnings: settings that work but put something at risk. */
    warnings,
    delays: { sessionIdle: c.SESSION_IDLE_MINUTES * 60_000, draftExpiry: c.DRAFT_EXPIRY_DAYS * 24 * 60 * 60_000 },
    inspectUrl: c.INSPECT_URL,
    payloadKeys,
    ownerHashSecret: c.OWNER_HASH_SECRET,
    codecCorsOrigins: codecOrigins(c.CODEC_CORS_ORIGINS, c.TEMPORAL_UI_PORT, c.TEMPORAL_WEB_URL),
    rateLimits: {
      changesPerMinute: c.RATE_LIMIT_PER_MINUTE,
      readsPerMinute: c.RATE_LIMIT_READS_PER_MINUTE,
      authFailuresPerMinute: c.RATE_LIMIT_AUTH_FAILURES_PER_MINUTE,
    },
    trustProxy: c.TRUST_PROXY ?? false,
    hstsMaxAgeSeconds: c.HSTS_MAX_AGE_SECONDS ?? (production ? 365 * 24 * 3600 : 0),
    fullLoads: { ...DEFAULT_FULL_LOADS, ...c.FULL_LOADS } as FullLoads,
  } as const;
}

/** PAYLOAD_KEYS and PAYLOAD_KEY_ID, checked; undefined when unset outside production (the store's key then). */
function payloadKeysOf(raw: string | undefined, keyId: string | undefined, production: boolean): PayloadKeys | undefined {
  if (raw === undefined) {
    if (production) throw new ConfigError(['PAYLOAD_KEYS: required when NODE_ENV=production (what goes to Temporal is encrypted with it)']);
    if (keyId !== undefined) throw new ConfigError(['PAYLOAD_KEY_ID: names a key of PAYLOAD_KEYS, which is not set']);
    return undefined;
  }
  const keys = parsePayloadKeys(raw);
  // Never the value itself in the message: it is a secret.
  if (typeof keys === 'string') throw new ConfigError([`PAYLOAD_KEYS: ${keys}`]);
  const encodeKeyId = keyId ?? (keys.size === 1 ? [...keys.keys()][0] : undefined);
  if (encodeKeyId === undefined) throw new ConfigError(['PAYLOAD_KEY_ID: required when PAYLOAD_KEYS holds several keys (the one that encrypts)']);
  if (!keys.has(encodeKeyId)) throw new ConfigError([`PAYLOAD_KEY_ID: "${encodeKeyId}" is not a key id of PAYLOAD_KEYS`]);
  return { keys, encodeKeyId };
}

function codecOrigins(raw: string | undefined, uiPort: number, webUrl: string | undefined): string[] {
  if (raw !== undefined) return raw.split(',').map((o) => o.trim().replace(/\/+$/, '')).filter(Boolean);
  return [`http://localhost:${uiPort}`, `http://127.0.0.1:${uiPort}`, ...(webUrl ? [new URL(webUrl).origin] : [])];
}
