/**
 * The application's frame in a real browser: served at `/` by the service, a deep link routed by the
 * application, the language switch remembered, the digital key signing a demo person in.
 */
import type { BrowserService } from '../support/browser';
import { checkScreen, withBrowserService } from '../support/browser';

let run: BrowserService;
withBrowserService((r) => (run = r));

describe('the web application', () => {
  it('is served at / with its security headers, and deep links get the same page', async () => {
    const home = await fetch(`${run.baseUrl}/`, { headers: { Accept: 'text/html' } });
    expect(home.status).toBe(200);
    expect(home.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(home.headers.get('x-content-type-options')).toBe('nosniff');
    const deep = await fetch(`${run.baseUrl}/breakatwork/overview`, { headers: { Accept: 'text/html' } });
    expect(await deep.text()).toBe(await home.text());
    // The API keeps answering JSON, also for a path it does not know.
    const unknown = await fetch(`${run.baseUrl}/api/nothing-here`, { headers: { Accept: 'text/html' } });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/json');
  });

  it('runs under its Content-Security-Policy without a violation, and so does the API reference at /docs', async () => {
    const page = await run.newPage();
    const refused: string[] = [];
    // Chromium reports every blocked load or inline code as a console error "Refused to …".
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Interruption de carrière dans l’enseignement' }).waitFor();
    const docs = await page.goto('/docs');
    expect(docs?.headers()['content-security-policy']).toContain("script-src 'self'");
    // Swagger UI started (from /docs/init.js) and drew the document's operations.
    await page.locator('.opblock').first().waitFor();
    expect(await page.locator('.opblock').count()).toBeGreaterThan(10);
    await page.locator('.opblock-summary').first().click();
    await page.locator('.opblock-body').first().waitFor();
    expect(refused).toEqual([]);
  });

  it('switches language and remembers it, and signs a demo person in with the digital key', async () => {
    const page = await run.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Interruption de carrière dans l’enseignement' }).waitFor();
    await checkScreen(page, 'home-fr');
    await page.getByRole('button', { name: 'NL' }).click();
    await page.getByRole('heading', { level: 1, name: 'Loopbaanonderbreking in het onderwijs' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Loopbaanonderbreking in het onderwijs' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    await page.getByRole('button', { name: 'FR' }).click();

    await page.getByRole('link', { name: 'Se connecter avec une clé numérique' }).click();
    await page.getByRole('heading', { level: 1, name: 'Connexion avec une clé numérique' }).waitFor();
    await checkScreen(page, 'digital-key');
    await page.getByLabel('Marc Peeters').check();
    await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
    await page.getByText('Connecté : Marc Peeters').waitFor();
  });
});
