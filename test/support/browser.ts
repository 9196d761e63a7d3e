/**
 * The web application in a real browser: Debian's chromium driven by playwright-core (Playwright's own
 * browser download cannot work here), against the real service — the Express app listening on a port,
 * a real worker on the shared dev server, the real store (see service-harness.ts).
 *
 * - `chromiumPath()`: CHROMIUM_PATH, else Debian's /usr/bin/chromium (`apt-get install -y chromium`;
 *   .ci/run installs it when missing);
 * - `expectAccessible(page, name)`: axe-core on the page as it is; fails on any serious or critical
 *   violation, naming each rule and element;
 * - `snap(page, name)`: a full-page screenshot in test-results/screenshots/ (the README's come from there).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestService, type TestService } from './service-harness';

export const screenshotDir = join(__dirname, '..', '..', 'test-results', 'screenshots');

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`No chromium found (tried ${candidates.join(', ')}): apt-get install -y chromium, or set CHROMIUM_PATH`);
  return found;
}

export interface BrowserService {
  service: TestService;
  baseUrl: string;
  browser: Browser;
  /** A fresh browser profile (its own storage) at phone or desktop width, in a language. */
  newContext(options?: { phone?: boolean; locale?: string }): Promise<BrowserContext>;
  /** A page in a fresh context. */
  newPage(options?: { phone?: boolean; locale?: string }): Promise<Page>;
  stop(): Promise<void>;
}

export async function listen(app: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return { server, url: `http://127.0.0.1:${address.port}` };
}

export async function startBrowserService(options: Parameters<typeof startTestService>[0] = {}): Promise<BrowserService> {
  const service = await startTestService(options);
  const { server, url } = await listen(service.app);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  const contexts: BrowserContext[] = [];
  const newContext = async (o: { phone?: boolean; locale?: string } = {}) => {
    const context = await browser.newContext({
      baseURL: url,
      locale: o.locale ?? 'fr-BE',
      viewport: o.phone ? { width: 375, height: 740 } : { width: 1280, height: 900 },
      ...(o.phone ? { isMobile: true, hasTouch: true } : {}),
    });
    context.setDefaultTimeout(20_000);
    contexts.push(context);
    return context;
  };
  return {
    service,
    baseUrl: url,
    browser,
    newContext,
    newPage: async (o) => (await newContext(o)).newPage(),
    async stop() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await service.stop();
    },
  };
}

/** For a test file: the browser service before its tests, stopped after them. */
export function withBrowserService(ready: (run: BrowserService) => void, options: Parameters<typeof startTestService>[0] = {}): void {
  let run: BrowserService | undefined;
  beforeAll(async () => {
    run = await startBrowserService(options);
    ready(run);
  }, 120_000);
  afterAll(async () => {
    await run?.stop();
  });
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core (WCAG 2.1 A/AA rules) on the page now: the serious and critical violations, described. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's CSP (no inline script) stays as it is.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // Browser globals, typed here without the DOM library (the test code is typed for Node).
    const { axe, document } = globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> }; document: unknown };
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export async function expectAccessible(page: Page, name: string): Promise<void> {
  const violations = await accessibilityViolations(page);
  expect({ screen: name, violations }).toEqual({ screen: name, violations: [] });
}

/** A full-page screenshot kept from the run (test-results/screenshots/<name>.png). */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Screenshot and accessibility check of the screen the page shows now. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await snap(page, name);
  await expectAccessible(page, name);
}
