import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// domain/ runs inside Temporal workflows and XState machines: no I/O, no clock, no randomness.
const dir = join(__dirname, '../../../domain');
const sources = readdirSync(dir)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));

describe('domain/ is pure', () => {
  it.each(sources.map((s) => [s.file, s.text]))('%s imports only zod and its own files', (_file, text) => {
    const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    for (const name of imports) expect(name === 'zod' || name?.startsWith('./')).toBe(true);
  });

  it.each(sources.map((s) => [s.file, s.text]))('%s reads no clock, randomness, process or Buffer', (_file, text) => {
    expect(text).not.toMatch(/Date\.now|new Date\(\)|Math\.random|\bprocess\.|\bBuffer\b|\bcrypto\b|require\(/);
  });
});
