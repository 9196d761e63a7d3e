/**
 * scripts/run.mjs, the launcher of `npm start`, `npm run api` and `npm run worker`: TypeScript run as
 * JavaScript compiled ahead of time. A source changed since it was compiled is compiled again (never
 * its old JavaScript run), even with the same size and modification time; the module runs under its own
 * path (__dirname, require.resolve of a sibling .ts) and stack traces name its .ts lines; the entry
 * point is the main module, with its arguments; a dynamic import() of a .ts module resolves as a
 * static one does.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../..');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'breakatwork-run-ts-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(entry: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['scripts/run.mjs', entry, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, RUN_TS_CACHE: join(dir, 'cache') } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('a source changed since it was compiled runs as it is now, even with the same size and time', () => {
  const entry = join(dir, 'changed.ts');
  const write = (word: string) => {
    writeFileSync(entry, `const word: string = '${word}';\nconsole.log(word);\n`);
    utimesSync(entry, 1_700_000_000, 1_700_000_000);
  };
  write('one');
  expect(run(entry)).toMatchObject({ status: 0, stdout: 'one\n' });
  const before = statSync(entry);
  write('two');
  expect(statSync(entry)).toMatchObject({ size: before.size, mtimeMs: before.mtimeMs });
  expect(run(entry)).toMatchObject({ status: 0, stdout: 'two\n' });
  // Compiled once per version of the source: one file, rewritten.
  expect(readdirSync(join(dir, 'cache'))).toHaveLength(1);
  expect(run(entry)).toMatchObject({ status: 0, stdout: 'two\n' });
});

test('modules run under their own path, as the main module with its arguments; stack traces name the .ts line', () => {
  writeFileSync(
    join(dir, 'helper.ts'),
    ['export interface Shape {', '  name: string;', '}', '', 'export function fail(): never {', "  throw new Error('from the helper');", '}', ''].join('\n'),
  );
  writeFileSync(
    join(dir, 'main.ts'),
    [
      "import { basename } from 'node:path';",
      "import { fail } from './helper';",
      '',
      'async function main(): Promise<void> {',
      "  const lazy = await import('./helper');",
      '  console.log(JSON.stringify({',
      '    main: require.main === module,',
      '    dirname: basename(__dirname),',
      "    sibling: basename(require.resolve('./helper')),",
      '    args: process.argv.slice(2),',
      '    same: lazy.fail === fail,',
      '  }));',
      '  try {',
      '    fail();',
      '  } catch (err) {',
      '    console.log((err as Error).stack!.split("\\n")[1]!.trim());',
      '  }',
      '}',
      'void main();',
      '',
    ].join('\n'),
  );
  const { status, stdout, stderr } = run(join(dir, 'main.ts'), '--flag', 'value');
  expect(stderr).toBe('');
  expect(status).toBe(0);
  const [facts, frame] = stdout.trim().split('\n');
  expect(JSON.parse(facts!)).toEqual({ main: true, dirname: dir.split('/').pop(), sibling: 'helper.ts', args: ['--flag', 'value'], same: true });
  expect(frame).toMatch(/at fail \(.*helper\.ts:6:9\)$/);
});
