/**
 * `npm run web:budget`: the web application's budgets, measured on this machine (figures for the README;
 * not a test, nothing is asserted):
 * 1. its JavaScript gzipped (gzip -9 of each web/dist/assets/*.js): what `/` loads first (the entry and
 *    the chunks index.html preloads) apart from the chunks loaded on demand;
 * 2. the time from navigation start to the first screen, for `/` and `/breakatwork`: to DOMContentLoaded
 *    and to the first visible h1 (the application has drawn a screen), median of RUNS loads with a cold
 *    cache (a fresh browser profile each time) and with a warm one (the same profile, loaded once before).
 * The service runs as `npm start` runs it (embedded Temporal dev server, PGlite in a temporary DATA_DIR),
 * the browser is Debian's chromium through playwright-core.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { chromiumPath } from '../test/support/browser';
import { freeServicePorts, spawnNpmStart, waitFor } from '../test/support/npm-start';
import { ensureWebBuilt, webDist } from './build-web';

const RUNS = Number(process.env.RUNS ?? 10);
const PATHS = ['/', '/breakatwork'];

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function scriptSizes(): { initial: number; lazy: number; files: { file: string; raw: number; gzip: number; initial: boolean }[] } {
  const html = readFileSync(join(webDist, 'index.html'), 'utf8');
  // What index.html loads itself: its module script and the chunks it preloads.
  const loaded = new Set([...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!));
  const dir = join(webDist, 'assets');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((file) => {
      const content = readFileSync(join(dir, file));
      return { file, raw: content.length, gzip: gzipSync(content, { level: 9 }).length, initial: loaded.has(file) };
    })
    .sort((a, b) => Number(b.initial) - Number(a.initial) || b.gzip - a.gzip);
  const sum = (initial: boolean) => files.filter((f) => f.initial === initial).reduce((s, f) => s + f.gzip, 0);
  return { initial: sum(true), lazy: sum(false), files };
}

/**
 * Runs in the page before its own scripts: the time (ms since navigation start) at which an h1 is first
 * visible. Checked at each DOM change and each frame, so the figure is the first frame that could show it.
 */
const firstH1Probe = `
  (() => {
    const seen = () => {
      const h1 = document.querySelector('h1');
      if (!h1 || window.__firstH1 !== undefined) return;
      const box = h1.getBoundingClientRect();
      if (box.width > 0 && box.height > 0 && h1.textContent.trim() !== '') window.__firstH1 = performance.now();
    };
    new MutationObserver(seen).observe(document, { childList: true, subtree: true, characterData: true });
    const frame = () => { seen(); if (window.__firstH1 === undefined) requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
  })();
`;

interface Sample {
  h1: number;
  dcl: number;
}

async function load(context: BrowserContext, url: string): Promise<Sample> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.locator('h1').first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForFunction('window.__firstH1 !== undefined', undefined, { timeout: 30_000 });
    return await page.evaluate<Sample>(`({
      h1: window.__firstH1,
      dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
    })`);
  } finally {
    await page.close();
  }
}

async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'fr-BE', viewport: { width: 1280, height: 900 } });
  await context.addInitScript(firstH1Probe);
  return context;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function main(): Promise<void> {
  ensureWebBuilt({ say: (line) => console.log(line) });
  const sizes = scriptSizes();
  console.log('\nJavaScript of the web application (gzip -9)');
  console.log('file'.padEnd(36), 'loaded'.padEnd(10), 'raw'.padStart(11), 'gzipped'.padStart(11));
  for (const f of sizes.files) console.log(f.file.padEnd(36), (f.initial ? 'at start' : 'on demand').padEnd(10), kb(f.raw).padStart(11), kb(f.gzip).padStart(11));
  console.log(`initial: ${kb(sizes.initial)} gzipped; on demand: ${kb(sizes.lazy)}; total: ${kb(sizes.initial + sizes.lazy)}`);

  const dataDir = mkdtempSync(join(tmpdir(), 'web-budget-'));
  const ports = await freeServicePorts();
  const service = spawnNpmStart(dataDir, ports, { LOG_LEVEL: 'warn' });
  let browser: Browser | undefined;
  try {
    const base = `http://127.0.0.1:${ports.port}`;
    await waitFor(`${base}/readyz`, 180_000, service);
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-dev-shm-usage'] });
    const rows: string[][] = [];
    for (const path of PATHS) {
      const url = base + path;
      // Cold: a fresh profile (empty HTTP cache) for every load.
      const cold: Sample[] = [];
      for (let i = 0; i < RUNS; i++) {
        const context = await newContext(browser);
        cold.push(await load(context, url));
        await context.close();
      }
      // Warm: one profile, loaded once first; the assets come from its cache (they are immutable).
      const warm: Sample[] = [];
      const context = await newContext(browser);
      await load(context, url);
      for (let i = 0; i < RUNS; i++) warm.push(await load(context, url));
      await context.close();
      for (const [cache, samples] of [['cold', cold], ['warm', warm]] as const) {
        const h1 = samples.map((s) => s.h1);
        const dcl = samples.map((s) => s.dcl);
        rows.push([path, cache, median(dcl).toFixed(0), median(h1).toFixed(0), `${Math.min(...h1).toFixed(0)}–${Math.max(...h1).toFixed(0)}`]);
      }
    }
    console.log(`\nNavigation start → first screen, ms, median of ${RUNS} loads (chromium ${browser.version()}, ${process.platform}, this machine)`);
    const head = ['path', 'cache', 'DOMContentLoaded', 'first h1 visible', 'h1 min–max'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
    console.log(line(head));
    console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
    for (const r of rows) console.log(line(r));
  } finally {
    await browser?.close();
    await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
