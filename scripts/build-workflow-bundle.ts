/**
 * The workflow bundle, built once rather than at every start: `npm install` (postinstall) builds it,
 * and every worker start checks that it is still current, rebuilding it (with a log line saying why)
 * when it is missing or stale. A worker never runs a stale bundle.
 *
 * What counts as a source is exactly what webpack read to build it: every file of the bundle (workflows/,
 * machines/, domain/, the failure converter, the packages of node_modules it imports) with its SHA-256,
 * the paths webpack probed and did not find (a file created there could change what an import
 * resolves to), and the bundler's options and version. They are kept beside the bundle in
 * workflow-bundle.json; the check at start hashes those files again (a few hundred, a few tens of ms).
 */
import type { BundleOptions } from '@temporalio/worker';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { failureConverterPath } from '../worker/payload-codec';

const root = join(__dirname, '..');
/** Where `npm install` puts the bundle (git-ignored, like web/dist). */
export const defaultBundleDir = join(root, 'worker/dist');

/**
 * Modules evaluated once in the worker's shared V8 context instead of once per cached workflow (the
 * SDK's `preloadModules`, decision 26). Only modules that hold no per-workflow state may be listed: the
 * SDK deep-freezes what they export. xstate's one counter (actor session ids) is shared with them: the
 * host names its actors itself.
 */
export const PRELOAD_MODULES: string[] = [
  // zod, xstate and every journey (machines, event schemas made ready for the freeze, labels).
  require.resolve('../worker/workflow-shared-modules'),
  // The journeys' machines as the host provides them, built once per journey and shared.
  require.resolve('../workflows/provided-machines'),
  // Pure rules and constants ("no I/O, no clock"); the journeys import them too.
  ...['error-catalogue', 'errors', 'dates', 'identifiers', 'catalogue', 'workload', 'request-rules', 'text'].map((m) => require.resolve(`../domain/${m}`)),
];

/**
 * Source maps inline (stack traces of workflow errors name our files and lines) but without the
 * sources' text, which the SDK only shows with `showStackTraceSources` (off): about half the bundle less
 * to read, parse and keep in every worker.
 */
const DEVTOOL = 'inline-nosources-source-map';

/** The options the worker's bundle is built with: the service's failure converter, as its data converter names it. */
export function workflowBundleOptions(): Omit<BundleOptions, 'logger' | 'webpackConfigHook'> {
  return { workflowsPath: require.resolve('../workflows'), failureConverterPath: failureConverterPath(), preloadModules: PRELOAD_MODULES };
}

interface Stamp {
  /** The bundler's version and options: another SDK or other options make another bundle. */
  options: string;
  /** Every file webpack read, relative to the repository, with its SHA-256. */
  files: Record<string, string>;
  /** Paths webpack probed and found missing. */
  missing: string[];
  bytes: number;
}

export interface WorkflowBundle {
  /** The bundle to pass to Worker.create's `workflowBundle`. */
  bundle: { codePath: string } | { code: string };
  bytes: number;
  /** Whether it was built now, and why (`missing`, `stale: <file> changed`, `forced`). */
  built: boolean;
  reason?: string;
  ms: number;
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

function optionsKey(): string {
  const { version } = JSON.parse(readFileSync(require.resolve('@temporalio/worker/package.json'), 'utf8')) as { version: string };
  const options = workflowBundleOptions();
  return JSON.stringify({
    sdk: version,
    devtool: DEVTOOL,
    workflowsPath: relative(root, options.workflowsPath),
    failureConverterPath: relative(root, options.failureConverterPath!),
    preloadModules: options.preloadModules?.map((m) => (m.startsWith(root) ? relative(root, m) : m)),
  });
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Why the bundle in `dir` cannot be used as it is, or undefined when it is current. */
export function staleReason(dir = defaultBundleDir): string | undefined {
  const codePath = join(dir, 'workflow-bundle.js');
  const stampPath = join(dir, 'workflow-bundle.json');
  if (!existsSync(codePath) || !existsSync(stampPath)) return 'missing';
  let stamp: Stamp;
  try {
    stamp = JSON.parse(readFileSync(stampPath, 'utf8')) as Stamp;
  } catch {
    return 'stale: its record is unreadable';
  }
  if (stamp.options !== optionsKey()) return 'stale: the SDK version or the bundle options changed';
  if (statSync(codePath).size !== stamp.bytes) return 'stale: the bundle file was altered';
  for (const [file, hash] of Object.entries(stamp.files ?? {})) {
    const path = join(root, file);
    if (!isFile(path)) return `stale: ${file} is gone`;
    if (sha256(readFileSync(path)) !== hash) return `stale: ${file} changed`;
  }
  for (const file of stamp.missing ?? []) if (existsSync(join(root, file))) return `stale: ${file} appeared`;
  return undefined;
}

/** Builds the bundle with webpack, recording every file it read. */
async function build(): Promise<{ code: string; stamp: Omit<Stamp, 'bytes'> }> {
  const read = new Set<string>();
  const missing = new Set<string>();
  // Loaded only to build: a start that finds the bundle current does not load the SDK's bundler here.
  const { bundleWorkflowCode } = await import('@temporalio/worker');
  const code = (
    await bundleWorkflowCode({
      ...workflowBundleOptions(),
      logger: { trace() {}, debug() {}, info() {}, warn: (m) => console.warn(m), error: (m) => console.error(m), log() {} },
      webpackConfigHook: (config) => ({
        ...config,
        devtool: DEVTOOL,
        plugins: [
          ...(config.plugins ?? []),
          {
            apply(compiler) {
              compiler.hooks.done.tap('record-workflow-bundle-sources', (stats) => {
                for (const f of stats.compilation.fileDependencies) read.add(f);
                for (const f of stats.compilation.missingDependencies) missing.add(f);
              });
            },
          },
        ],
      }),
    })
  ).code;
  const files: Record<string, string> = {};
  // The entry point webpack writes in memory next to workflows/ is not a file on disk: the bundler's options stand for it.
  for (const file of [...read].sort()) if (isFile(file)) files[relative(root, file)] = sha256(readFileSync(file));
  const probed = [...missing].filter((f) => !existsSync(f) && !f.includes('autogenerated-entrypoint')).map((f) => relative(root, f)).sort();
  return { code, stamp: { options: optionsKey(), files, missing: probed } };
}

/**
 * The bundle to run: the one in `dir` when current; otherwise built now and written there (several
 * processes may do it at once: each writes whole files and renames them into place). Where `dir`
 * cannot be written (a read-only image), the bundle built now is used from memory.
 */
export async function ensureWorkflowBundle(options: { dir?: string; force?: boolean; say?: (line: string) => void } = {}): Promise<WorkflowBundle> {
  const started = Date.now();
  const dir = options.dir ?? defaultBundleDir;
  const codePath = join(dir, 'workflow-bundle.js');
  const reason = options.force ? 'forced' : staleReason(dir);
  if (!reason) {
    return { bundle: { codePath }, bytes: statSync(codePath).size, built: false, ms: Date.now() - started };
  }
  options.say?.(`building the workflow bundle (${reason})`);
  const { code, stamp } = await build();
  const bytes = Buffer.byteLength(code);
  const ms = Date.now() - started;
  try {
    mkdirSync(dir, { recursive: true });
    const suffix = `.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(codePath + suffix, code);
    writeFileSync(join(dir, 'workflow-bundle.json') + suffix, `${JSON.stringify({ ...stamp, bytes }, null, 1)}\n`);
    // The code first: a stamp never describes a bundle that is not in place.
    renameSync(codePath + suffix, codePath);
    renameSync(join(dir, 'workflow-bundle.json') + suffix, join(dir, 'workflow-bundle.json'));
  } catch (err) {
    options.say?.(`the workflow bundle could not be written to ${dir} (${err instanceof Error ? err.message : String(err)}): using it from memory`);
    return { bundle: { code }, bytes, built: true, reason, ms };
  }
  options.say?.(`workflow bundle built in ${(ms / 1000).toFixed(1)} s (${(bytes / 1024 / 1024).toFixed(2)} MB, ${Object.keys(stamp.files).length} source files)`);
  return { bundle: { codePath }, bytes, built: true, reason, ms };
}

if (require.main === module) {
  ensureWorkflowBundle({ force: process.argv.includes('--force'), say: (line) => console.log(line) }).then(
    ({ built, bytes }) => {
      if (!built) console.log(`workflow bundle is current (worker/dist, ${(bytes / 1024 / 1024).toFixed(2)} MB)`);
    },
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
