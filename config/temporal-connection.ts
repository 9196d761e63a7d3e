/**
 * The Temporal connection by the ecosystem's convention (`@temporalio/envconfig`): a profile of a TOML
 * file (TEMPORAL_CONFIG_FILE, else ~/.config/temporalio/temporal.toml; TEMPORAL_PROFILE, else
 * "default") overridden by TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_API_KEY, TEMPORAL_TLS and
 * TEMPORAL_TLS_* — the same settings the `temporal` CLI reads. One place builds the options of both
 * the client `Connection` (API) and the worker's `NativeConnection`.
 *
 * No address anywhere: `npm start` runs its embedded dev server; `npm run api` / `npm run worker` use
 * the SDK's default, localhost:7233 (a `temporal server start-dev` on this machine), and stop with a
 * message naming these variables when nothing answers there.
 */
import { accessSync, constants } from 'node:fs';
import { loadClientConfigProfile, toClientOptions } from '@temporalio/envconfig';
import type { TLSConfig } from '@temporalio/common/lib/internal-non-workflow';

/** Where the SDK connects when nothing names an address. */
export const DEFAULT_TEMPORAL_ADDRESS = 'localhost:7233';

export interface TemporalConnectionSettings {
  /** host:port of the frontend; undefined when neither a profile nor TEMPORAL_ADDRESS gives one. */
  address?: string;
  namespace: string;
  /** Temporal Cloud API key (sent as a bearer token; TLS is on with it unless TEMPORAL_TLS=false). */
  apiKey?: string;
  /** true: TLS with the system's roots; an object: CA, client certificate, server name; false/undefined: plain. */
  tls?: TLSConfig | boolean;
  /** Extra gRPC headers (profile `grpc_meta`, TEMPORAL_GRPC_META_*). */
  metadata?: Record<string, string>;
  /** The profile used, and the file it came from (for the start-up log; never the key). */
  profile?: string;
  configFile?: string;
}

/** Options for `Connection.connect` and `NativeConnection.connect` alike. */
export interface TemporalConnectOptions {
  address: string;
  apiKey?: string;
  tls?: TLSConfig | boolean;
  metadata?: Record<string, string>;
}

const flagValues = new Set(['true', 'false', '1', '0']);
const addressPattern = /^(\[[0-9a-fA-F:]+\]|[\w.-]+):\d{1,5}$/;

/**
 * Reads the profile and the TEMPORAL_* variables of `env`; returns the settings, or the problems
 * (each naming its variable or file) that must stop start-up.
 */
export function loadTemporalConnection(env: NodeJS.ProcessEnv): { settings: TemporalConnectionSettings } | { problems: string[] } {
  const problems: string[] = [];
  // envconfig reads anything other than '1'/'true' as false: TEMPORAL_TLS=yes would silently mean no TLS.
  for (const name of ['TEMPORAL_TLS', 'TEMPORAL_TLS_DISABLE_HOST_VERIFICATION']) {
    const value = env[name];
    if (value !== undefined && !flagValues.has(value)) problems.push(`${name}: must be true, false, 1 or 0 (got ${JSON.stringify(value)})`);
  }
  if (env.TEMPORAL_TLS_DISABLE_HOST_VERIFICATION === 'true' || env.TEMPORAL_TLS_DISABLE_HOST_VERIFICATION === '1') {
    // The TypeScript SDK has no such switch: refusing it beats pretending to honour it.
    problems.push('TEMPORAL_TLS_DISABLE_HOST_VERIFICATION: not supported by the TypeScript SDK; set TEMPORAL_TLS_SERVER_NAME or TEMPORAL_TLS_SERVER_CA_CERT_PATH instead');
  }
  const pairs = [
    ['TEMPORAL_TLS_CLIENT_CERT_PATH', 'TEMPORAL_TLS_CLIENT_CERT_DATA'],
    ['TEMPORAL_TLS_CLIENT_KEY_PATH', 'TEMPORAL_TLS_CLIENT_KEY_DATA'],
    ['TEMPORAL_TLS_SERVER_CA_CERT_PATH', 'TEMPORAL_TLS_SERVER_CA_CERT_DATA'],
  ] as const;
  for (const [path, data] of pairs) if (env[path] && env[data]) problems.push(`${path}: set either ${path} or ${data}, not both`);
  const hasCert = Boolean(env.TEMPORAL_TLS_CLIENT_CERT_PATH || env.TEMPORAL_TLS_CLIENT_CERT_DATA);
  const hasKey = Boolean(env.TEMPORAL_TLS_CLIENT_KEY_PATH || env.TEMPORAL_TLS_CLIENT_KEY_DATA);
  if (hasCert !== hasKey) problems.push(`${hasCert ? 'TEMPORAL_TLS_CLIENT_KEY_PATH' : 'TEMPORAL_TLS_CLIENT_CERT_PATH'}: a client certificate needs its key (mTLS): set both, or neither`);
  if (env.TEMPORAL_CONFIG_FILE) {
    // envconfig takes a missing file for an empty one: a named file that is not there is a mistake.
    try {
      accessSync(env.TEMPORAL_CONFIG_FILE, constants.R_OK);
    } catch (err) {
      problems.push(`TEMPORAL_CONFIG_FILE: cannot read ${env.TEMPORAL_CONFIG_FILE} (${(err as { code?: string }).code ?? String(err)})`);
    }
  }
  if (problems.length) return { problems };

  const vars = Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
  const profileName = env.TEMPORAL_PROFILE;
  const source = env.TEMPORAL_CONFIG_FILE ? `TEMPORAL_CONFIG_FILE (${env.TEMPORAL_CONFIG_FILE})` : 'the Temporal config file';
  let connect;
  try {
    // Strict: a key the file format does not know (a typo) stops start-up instead of being ignored.
    const profile = loadClientConfigProfile({ overrideEnvVars: vars, configFileStrict: true });
    connect = { profile, options: toClientOptions(profile) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const code = (err as { code?: string }).code;
    if (/^Profile '.*' not found/.test(message)) return { problems: [`TEMPORAL_PROFILE: profile "${profileName}" is not in ${source}`] };
    if (code === 'ENOENT' || code === 'EACCES') {
      const culprit = Object.entries(vars).find(([name, value]) => name.startsWith('TEMPORAL_TLS_') && name.endsWith('_PATH') && message.includes(value));
      return { problems: [`${culprit?.[0] ?? 'TEMPORAL_CONFIG_FILE'}: cannot read ${culprit ? culprit[1] : 'a file the Temporal profile names'} (${message})`] };
    }
    return { problems: [`${env.TEMPORAL_CONFIG_FILE ? 'TEMPORAL_CONFIG_FILE' : 'TEMPORAL_PROFILE'}: ${source} is not valid: ${message}`] };
  }
  const { connectionOptions, namespace } = connect.options;
  const address = connectionOptions.address;
  if (address !== undefined && !addressPattern.test(address)) {
    return { problems: [`${env.TEMPORAL_ADDRESS !== undefined ? 'TEMPORAL_ADDRESS' : `the address of profile "${profileName ?? 'default'}"`}: must be host:port (got ${JSON.stringify(address)})`] };
  }
  if (namespace !== undefined && namespace.trim() === '') return { problems: ['TEMPORAL_NAMESPACE: must not be empty'] };
  const tls = connectionOptions.tls ?? undefined;
  return {
    settings: {
      address,
      namespace: namespace ?? 'default',
      ...(connectionOptions.apiKey !== undefined ? { apiKey: String(connectionOptions.apiKey) } : {}),
      ...(tls !== undefined ? { tls } : {}),
      ...(connectionOptions.metadata && Object.keys(connectionOptions.metadata).length ? { metadata: connectionOptions.metadata as Record<string, string> } : {}),
      ...(profileName ? { profile: profileName } : {}),
      ...(env.TEMPORAL_CONFIG_FILE ? { configFile: env.TEMPORAL_CONFIG_FILE } : {}),
    },
  };
}

/** The options of `Connection.connect` (API) and `NativeConnection.connect` (worker), the same for both. */
export function temporalConnectOptions(settings: TemporalConnectionSettings, address = settings.address ?? DEFAULT_TEMPORAL_ADDRESS): TemporalConnectOptions {
  return {
    address,
    ...(settings.apiKey !== undefined ? { apiKey: settings.apiKey } : {}),
    ...(settings.tls !== undefined ? { tls: settings.tls } : {}),
    ...(settings.metadata ? { metadata: settings.metadata } : {}),
  };
}

/** How the connection is made, for the start-up log: never the key or certificates themselves. */
export function describeTemporalConnection(settings: TemporalConnectionSettings): Record<string, string> {
  return {
    ...(settings.profile ? { profile: settings.profile } : {}),
    ...(settings.configFile ? { configFile: settings.configFile } : {}),
    tls: settings.tls === undefined || settings.tls === false ? 'off' : settings.tls === true ? 'on' : 'on (configured)',
    apiKey: settings.apiKey ? 'set' : 'none',
  };
}
