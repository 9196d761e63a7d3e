/**
 * Finds the `temporal` CLI (which embeds the dev server) in this order (docs/decisions.md, "An embedded Temporal dev server"):
 *   1. TEMPORAL_CLI_PATH          — an explicit binary;
 *   2. `temporal` on PATH;
 *   3. a cached build             — ~/.cache/breakatwork/temporal-cli/<version>/temporal (TEMPORAL_CLI_CACHE overrides);
 *   4. `go install …@v1.5.1`      — when Go is present; built once per machine into that cache;
 *   5. none of these              — `null`: the caller may fall back to the SDK's own download (needs internet).
 * v1.5.1 is pinned because later tags carry a `replace` directive that `go install` refuses.
 * Run directly (`npm run temporal:resolve`) it prints the path, building if needed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const GO_PACKAGE = 'github.com/temporalio/cli/cmd/temporal';

export interface ResolvedCli {
  path: string;
  source: 'TEMPORAL_CLI_PATH' | 'PATH' | 'cache' | 'go install';
}

export type Log = (message: string) => void;

export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return null;
}

export function cacheDir(): string {
  const root = process.env.TEMPORAL_CLI_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'breakatwork', 'temporal-cli');
  return join(root, TEMPORAL_CLI_VERSION);
}

export function findGo(): string | null {
  return onPath('go') ?? (isExecutable('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : null);
}

export interface GoInstall {
  /** The cache folder that holds the binaries once built (created by a rename: never half-filled). */
  target: string;
  /** Packages of one module at one version, e.g. `go.temporal.io/server/cmd/server`. */
  packages: string[];
  version: string;
  /** Fills the staging folder further (files the binaries need beside them) before it is renamed. */
  complete?: (staging: string) => void;
}

/**
 * `go install` into a temporary folder, then renamed to the cache folder, so that a half-finished build
 * is never taken for a cached one. Also used for the Temporal server (`scripts/cluster.ts`).
 */
export function goInstallCached(go: string, install: GoInstall, log: Log): void {
  const { target, packages, version } = install;
  const staging = `${target}.partial-${process.pid}`;
  mkdirSync(staging, { recursive: true });
  log(`building ${packages.join(', ')} ${version} with ${go} (once per machine, a few minutes) into ${target}`);
  const result = spawnSync(go, ['install', ...packages.map((p) => `${p}@${version}`)], {
    env: { ...process.env, GOBIN: staging, CGO_ENABLED: process.env.CGO_ENABLED ?? '0' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`go install ${packages.join(' ')}@${version} failed (exit ${String(result.status)})`);
  }
  install.complete?.(staging);
  try {
    renameSync(staging, target);
  } catch {
    // Another process finished the same build first: keep theirs.
    rmSync(staging, { recursive: true, force: true });
  }
}

export function resolveTemporalCli(log: Log = () => undefined): ResolvedCli | null {
  const explicit = process.env.TEMPORAL_CLI_PATH;
  if (explicit) {
    if (!isExecutable(explicit)) throw new Error(`TEMPORAL_CLI_PATH=${explicit} is not an executable file`);
    return { path: explicit, source: 'TEMPORAL_CLI_PATH' };
  }
  const fromPath = onPath('temporal');
  if (fromPath) return { path: fromPath, source: 'PATH' };
  const cached = join(cacheDir(), 'temporal');
  if (isExecutable(cached)) return { path: cached, source: 'cache' };
  const go = findGo();
  if (go) {
    goInstallCached(go, { target: cacheDir(), packages: [GO_PACKAGE], version: TEMPORAL_CLI_VERSION }, log);
    return { path: cached, source: 'go install' };
  }
  log('no Temporal CLI found (TEMPORAL_CLI_PATH, PATH, cache) and no Go toolchain to build one');
  return null;
}

export function cliVersion(path: string): string {
  return execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
}

if (require.main === module) {
  const resolved = resolveTemporalCli((m) => console.error(`[temporal-cli] ${m}`));
  if (!resolved) {
    console.error('[temporal-cli] not resolved: the SDK would try its own download, which needs internet access');
    process.exit(1);
  }
  console.error(`[temporal-cli] ${resolved.source}: ${resolved.path} (${cliVersion(resolved.path)})`);
  console.log(resolved.path);
}
