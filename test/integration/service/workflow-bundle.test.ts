/**
 * The prebuilt workflow bundle (scripts/build-workflow-bundle.ts): built when missing, used as it is
 * while current, rebuilt when a file it was built from changed, when a path webpack probed appears, or
 * when the bundle itself was altered — a worker never runs a stale bundle. Built in a folder of its own.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ensureWorkflowBundle, staleReason } from '../../../scripts/build-workflow-bundle';

const root = join(__dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'breakatwork-workflow-bundle-'));
const stampPath = join(dir, 'workflow-bundle.json');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Stamp {
  files: Record<string, string>;
  missing: string[];
}
const readStamp = () => JSON.parse(readFileSync(stampPath, 'utf8')) as Stamp;
const writeStamp = (stamp: Stamp) => writeFileSync(stampPath, JSON.stringify(stamp));

test('a stale prebuilt workflow bundle is rebuilt, with a line that names what changed', async () => {
  const lines: string[] = [];
  const say = (line: string) => lines.push(line);

  const first = await ensureWorkflowBundle({ dir, say });
  expect(first).toMatchObject({ built: true, reason: 'missing', bundle: { codePath: join(dir, 'workflow-bundle.js') } });
  // What the bundle is built from, as webpack read it: the host, the machines, the domain, the failure converter, the libraries.
  const sources = Object.keys(readStamp().files);
  expect(sources).toEqual(expect.arrayContaining(['workflows/host.ts', 'machines/request/machine.ts', 'domain/schemas.ts', 'worker/failure-converter.ts']));
  for (const library of ['xstate', 'zod', '@temporalio/workflow']) expect(sources.some((f) => f.startsWith(`node_modules/${library}/`))).toBe(true);

  // Current: used as it is.
  expect(staleReason(dir)).toBeUndefined();
  expect(await ensureWorkflowBundle({ dir, say })).toMatchObject({ built: false });

  // A source changed since the build (its recorded hash no longer matches): rebuilt before use.
  const stamp = readStamp();
  writeStamp({ ...stamp, files: { ...stamp.files, 'machines/request/machine.ts': '0'.repeat(64) } });
  lines.length = 0;
  expect(await ensureWorkflowBundle({ dir, say })).toMatchObject({ built: true, reason: 'stale: machines/request/machine.ts changed' });
  expect(lines[0]).toBe('building the workflow bundle (stale: machines/request/machine.ts changed)');
  expect(lines[1]).toMatch(/^workflow bundle built in/);
  expect(readStamp().files['machines/request/machine.ts']).toBe(stamp.files['machines/request/machine.ts']);
  expect(staleReason(dir)).toBeUndefined();

  // A file appears where webpack looked for one and found none (it could change what an import resolves to).
  const appeared = join(dir, 'appeared.ts');
  writeStamp({ ...readStamp(), missing: [relative(root, appeared)] });
  expect(staleReason(dir)).toBeUndefined();
  writeFileSync(appeared, 'export {};\n');
  expect(staleReason(dir)).toBe(`stale: ${relative(root, appeared)} appeared`);

  // The bundle file itself altered.
  await ensureWorkflowBundle({ dir, force: true });
  appendFileSync(join(dir, 'workflow-bundle.js'), '\n// edited by hand\n');
  expect(staleReason(dir)).toBe('stale: the bundle file was altered');
  expect(await ensureWorkflowBundle({ dir })).toMatchObject({ built: true });
  expect(readFileSync(join(dir, 'workflow-bundle.js'), 'utf8')).not.toContain('edited by hand');
}, 300_000);
