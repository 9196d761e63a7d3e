/**
 * The one configuration module: every setting comes from the environment, is parsed by zod once,
 * and a bad value stops start-up with a message that names the variable.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_FULL_LOADS, fullLoadOverridesSchema, type FullLoads } from '../domain';

const port = z.coerce.number().int().min(1).max(65535);
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: port.default(3000),
  DATA_DIR: z.string().min(1).default('data'),
  /** PostgreSQL; when unset, an embedded PGlite database under DATA_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** An existing Temporal frontend (host:port); when unset, `npm start` runs an embedded dev server. */
  TEMPORAL_ADDRESS: z.string().regex(/^[\w.-]+:\d+$/, 'must be host:port').optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
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
  /** The development identity provider (tokens for the demo people); off by default in production. */
  DEV_IDENTITY: flag.optional(),
  /** HMAC secret of the tokens (at least 32 characters); a fixed development secret outside production. */
  TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Lifetime of identity and acting-context tokens, in minutes. */
  TOKEN_TTL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
  /** Calls that change something, per caller and minute, before 429 (per API replica). */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
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

/** Signs development tokens only: production refuses to start without its own TOKEN_SECRET. */
const DEVELOPMENT_TOKEN_SECRET = 'development-only-secret-never-used-in-production';

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
  return {
    env: c.NODE_ENV,
    production,
    port: c.PORT,
    dataDir: resolve(c.DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    temporal: {
      address: c.TEMPORAL_ADDRESS,
      namespace: c.TEMPORAL_NAMESPACE,
      namespaceRetentionDays: c.TEMPORAL_NAMESPACE_RETENTION_DAYS,
      taskQueue: c.TEMPORAL_TASK_QUEUE,
      devPort: c.TEMPORAL_DEV_PORT,
      uiPort: c.TEMPORAL_UI_PORT,
      webUrl: c.TEMPORAL_WEB_URL,
      metricsAddress: c.TEMPORAL_METRICS_ADDRESS === 'off' ? undefined : c.TEMPORAL_METRICS_ADDRESS,
    },
    demoData: c.DEMO_DATA ?? !production,
    logLevel: c.LOG_LEVEL,
    devIdentity: c.DEV_IDENTITY ?? !production,
    tokens: { secret: c.TOKEN_SECRET ?? DEVELOPMENT_TOKEN_SECRET, ttlMinutes: c.TOKEN_TTL_MINUTES },
    delays: { sessionIdle: c.SESSION_IDLE_MINUTES * 60_000, draftExpiry: c.DRAFT_EXPIRY_DAYS * 24 * 60 * 60_000 },
    inspectUrl: c.INSPECT_URL,
    rateLimitPerMinute: c.RATE_LIMIT_PER_MINUTE,
    fullLoads: { ...DEFAULT_FULL_LOADS, ...c.FULL_LOADS } as FullLoads,
  } as const;
}
