/**
 * Builds the web application (web/ → web/dist) when its sources changed since the last build, so that
 * no one ever runs a build by hand: `npm install` (postinstall), `npm start` and the tests call it.
 * What counts as a source: everything under web/ but dist, the OpenAPI types the client is typed by,
 * and the lock file (the versions of React and Vite). A hash of them is kept in web/dist/.source-hash.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..');
export const webDir = join(root, 'web');
export const webDist = join(webDir, 'dist');
const stampFile = join(webDist, '.source-hash');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'dist' || entry.name === 'node_modules' ? [] : filesUnder(path);
    return [path];
  });
}

export function sourceHash(): string {
  const hash = createHash('sha256');
  const inputs = [...filesUnder(webDir), join(root, 'api/openapi/types.ts'), join(root, 'package-lock.json')].filter((f) => existsSync(f)).sort();
  for (const file of inputs) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export function webBuildIsCurrent(): boolean {
  return existsSync(join(webDist, 'index.html')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === sourceHash();
}

/** Builds web/dist unless it is current; throws with Vite's output when the build fails. */
export function ensureWebBuilt(options: { force?: boolean; say?: (line: string) => void } = {}): { built: boolean; ms: number } {
  const started = Date.now();
  if (!options.force && webBuildIsCurrent()) return { built: false, ms: 0 };
  const hash = sourceHash();
  options.say?.('building the web application (web/ → web/dist)');
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', webDir], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) {
    throw new Error(`the web application did not build (vite exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  writeFileSync(stampFile, `${hash}\n`);
  const ms = Date.now() - started;
  options.say?.(`web application built in ${(ms / 1000).toFixed(1)} s`);
  return { built: true, ms };
}


if (require.main === module) {
  try {
    const { built } = ensureWebBuilt({ force: process.argv.includes('--force'), say: (line) => console.log(line) });
    if (!built) console.log('web application is current (web/dist)');
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
