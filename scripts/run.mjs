/**
 * Runs one of our TypeScript entry points on plain Node, from JavaScript compiled ahead of time:
 *   node scripts/run.mjs scripts/start.ts [args]   (`npm start`, `npm run api`, `npm run worker`)
 *   node scripts/run.mjs --compile                 (`npm install`: compiles every source of the service)
 *
 * Each .ts module that Node loads is compiled by esbuild (as tsx does) into node_modules/.cache, one file
 * per source, headed by the SHA-256 of what it was compiled from: the source's text and path, the
 * compiler's version and options, tsconfig.json. At load, the source is read and hashed again (a few
 * milliseconds for the whole service): a cached file whose hash differs is never run, the source is
 * compiled again (esbuild is loaded only then). The module runs under its own path, so __dirname,
 * require.resolve and stack traces (source maps on) name the .ts file.
 *
 * Why not tsx at run time: its module hooks (a loader thread, a resolver over every module, node_modules
 * included) and its inheritance by every worker thread (the Temporal SDK's workflow threads, PGlite's)
 * cost about a third of a second of `npm start` (README, Performance).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the compiled files are kept (RUN_TS_CACHE: elsewhere, for the launcher's own tests). */
const cacheDir = process.env.RUN_TS_CACHE || join(root, 'node_modules', '.cache', 'breakatwork-ts');
/** The folders of the service's own TypeScript (tests, web application and configs aside). */
const sourceFolders = ['api', 'activities', 'config', 'domain', 'machines', 'scripts', 'store', 'worker', 'workflows'];
const require = createRequire(import.meta.url);

const tsconfig = readFileSync(join(root, 'tsconfig.json'), 'utf8');
const compilerOptions = {
  loader: 'ts',
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: 'inline',
  sourcesContent: false,
  keepNames: true,
  // import() becomes require(): a plain CommonJS module graph, resolved like the static imports.
  supported: { 'dynamic-import': false },
  tsconfigRaw: tsconfig,
};
/** The esbuild that tsx uses (and that compiles the tests' TypeScript in the same way). */
const esbuildRequire = createRequire(require.resolve('tsx/package.json'));
const esbuildVersion = JSON.parse(readFileSync(esbuildRequire.resolve('esbuild/package.json'), 'utf8')).version;
/** What every compiled file depends on besides its own source: a change of any of them compiles again. */
const compilerKey = JSON.stringify({ esbuild: esbuildVersion, compilerOptions, format: 1 });

const sha256 = (text) => createHash('sha256').update(text).digest('hex');
const keyOf = (filename, source) => sha256(`${compilerKey}\0${relative(root, filename)}\0${source}`);
const cachePathOf = (filename) => join(cacheDir, `${sha256(relative(root, filename)).slice(0, 32)}.js`);

let esbuild;
function compile(filename, source) {
  esbuild ??= esbuildRequire('esbuild');
  const { code } = esbuild.transformSync(source, { ...compilerOptions, sourcefile: filename });
  return code;
}

/** Writes a compiled file whole (several processes may compile the same source at once). */
function store(filename, key, code) {
  try {
    mkdirSync(cacheDir, { recursive: true });
    const path = cachePathOf(filename);
    const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(temporary, `//${key}\n${code}`);
    renameSync(temporary, path);
  } catch {
    // A read-only installation: compiled in memory at each start instead.
  }
}

/** The compiled JavaScript of a source: from the cache when it was compiled from exactly this text. */
function compiled(filename, source) {
  const key = keyOf(filename, source);
  try {
    const cached = readFileSync(cachePathOf(filename), 'utf8');
    if (cached.startsWith(`//${key}\n`)) return cached.slice(key.length + 3);
  } catch {
    // not compiled yet
  }
  const code = compile(filename, source);
  store(filename, key, code);
  return code;
}

function sourcesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sourcesUnder(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

if (process.argv[2] === '--compile') {
  let count = 0;
  for (const filename of sourceFolders.flatMap((folder) => sourcesUnder(join(root, folder)))) {
    compiled(filename, readFileSync(filename, 'utf8'));
    count++;
  }
  console.log(`compiled JavaScript of ${count} TypeScript sources is current (node_modules/.cache/breakatwork-ts)`);
} else {
  const entry = process.argv[2];
  if (!entry) {
    console.error('usage: node scripts/run.mjs <entry.ts> [args] | --compile');
    process.exit(2);
  }
  // Stack traces name the .ts files and lines (as under tsx).
  process.setSourceMapsEnabled(true);
  Module._extensions['.ts'] = (module, filename) => {
    module._compile(compiled(filename, readFileSync(filename, 'utf8')), filename);
  };
  // The entry point runs as the main module, with the arguments after it.
  process.argv.splice(1, 2, resolve(entry));
  Module.runMain();
}
