/**
 * Signing in through a real OpenID provider in a real browser: the service trusts node-oidc-provider
 * (test/support/oidc.ts; the development identity is then off), the teacher goes to /worker, is sent to
 * the provider's own login page (authorization code with PKCE S256, state and nonce, built by the web
 * application), comes back signed in, stays signed in past the access token's expiry (6 s here) through
 * the refresh token, and signs out: at the provider too, whose next sign-in asks for the login again.
 * An ONEM agent signs in the same way and lands in the back-office by the role claim.
 */
import { decodeJwt } from 'jose';
import type { Page } from 'playwright-core';
import { demoCast } from '../../store/demo-data';
import { checkScreen, withBrowserService, type BrowserService } from '../support/browser';
import { bearer } from '../support/http-journeys';
import { freePort } from '../support/npm-start';
import { AGENT_LOGIN, loginOf, startOidcProvider, type TestOidcProvider } from '../support/oidc';

jest.setTimeout(120_000);

const sophie = demoCast.teachers.primaryA;
const ACCESS_TOKEN_SECONDS = 6;

// The provider's port is chosen first: the service is configured with its issuer before either runs,
// and the provider, started once the web application's origin is known, registers its callback.
let providerPort: number;
let provider: TestOidcProvider;
let run: BrowserService;
let issuer: string;

// Filled in before the service starts (its beforeAll runs after this one).
const env: Record<string, string> = { OIDC_AUDIENCE: 'urn:breakatwork:api', OIDC_CLIENT_ID: 'breakatwork-web', OIDC_CLOCK_TOLERANCE_SECONDS: '0' };
beforeAll(async () => {
  providerPort = await freePort();
  issuer = `http://127.0.0.1:${providerPort}`;
  env.OIDC_ISSUER = issuer;
});
withBrowserService((r) => (run = r), { env });
beforeAll(async () => {
  provider = await startOidcProvider({ port: providerPort, appOrigin: run.baseUrl, accessTokenTtlSeconds: ACCESS_TOKEN_SECONDS });
  expect(provider.issuer).toBe(issuer);
}, 60_000);
afterAll(async () => {
  await provider?.stop();
});

interface StoredSession {
  identity?: { name: string; niss: string; oidc?: { tokens: { accessToken: string; refreshToken?: string } } };
}
/** The session the web application keeps (evaluated as a string: the test code is typed for Node, not the DOM). */
const stored = (page: Page) => page.evaluate<string | null>(`localStorage.getItem('baw.session')`).then((json) => JSON.parse(json ?? '{}') as StoredSession);

test('login at the provider, refresh past the access token’s expiry, logout at the provider', async () => {
  const page = await run.newPage();
  const sentTokens: string[] = [];
  const refused: string[] = [];
  let authorize: URL | undefined;
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin === issuer && url.pathname === '/auth') authorize ??= url;
    const auth = r.headers()['authorization'];
    if (url.origin === run.baseUrl && url.pathname.startsWith('/api/') && auth) sentTokens.push(auth.replace(/^Bearer /, ''));
  });
  page.on('response', (r) => {
    if (r.url().startsWith(`${run.baseUrl}/api/`) && r.status() === 401) refused.push(r.url());
  });

  // The worker's part asks for a sign-in; with a provider and no development identity, /key goes straight there.
  await page.goto('/worker');
  await page.getByRole('heading', { level: 1, name: 'Ma partie de la demande' }).waitFor();
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await page.locator('input[name="login"]').waitFor();
  expect(new URL(page.url()).origin).toBe(issuer);
  const params = Object.fromEntries(authorize!.searchParams);
  expect(params).toMatchObject({ client_id: 'breakatwork-web', response_type: 'code', redirect_uri: `${run.baseUrl}/auth/callback`, code_challenge_method: 'S256' });
  expect(params.code_challenge).toMatch(/^[\w-]{43}$/);
  expect(params.state).toMatch(/^[\w-]{43}$/);
  expect(params.nonce).toMatch(/^[\w-]{43}$/);

  // The provider's own login page.
  await page.locator('input[name="login"]').fill(loginOf(sophie.firstName, sophie.lastName));
  await page.locator('input[name="password"]').fill('not checked by the development login page');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mes demandes d’interruption de carrière' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/worker');
  await page.getByText(`Connecté : ${sophie.firstName} ${sophie.lastName}`).waitFor();
  await checkScreen(page, 'oidc-signed-in');
  const first = (await stored(page)).identity!;
  expect(first).toMatchObject({ name: `${sophie.firstName} ${sophie.lastName}`, niss: sophie.niss });
  const firstAccess = first.oidc!.tokens.accessToken;
  const firstRefresh = first.oidc!.tokens.refreshToken!;
  expect(decodeJwt(firstAccess)).toMatchObject({ iss: issuer, aud: 'urn:breakatwork:api', egovNRN: sophie.niss });

  // Past the first access token's expiry: the API refuses it now, the application refreshed before it.
  const expiry = decodeJwt(firstAccess).exp! * 1000;
  await page.waitForTimeout(Math.max(0, expiry - Date.now()) + 1_000);
  const expired = await run.service.http.get('/api/identity').set(bearer(firstAccess));
  expect(expired.status).toBe(401);
  expect(JSON.stringify(expired.body)).toContain('le jeton a expiré');
  const refreshed = (await stored(page)).identity!.oidc!.tokens;
  expect(refreshed.accessToken).not.toBe(firstAccess);
  expect(refreshed.refreshToken).not.toBe(firstRefresh); // rotated
  expect(decodeJwt(refreshed.accessToken).exp! * 1000).toBeGreaterThan(Date.now());

  // A call after the expiry: the page read again, through the refreshed token, never the expired one.
  sentTokens.length = 0;
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Mes demandes d’interruption de carrière' }).waitFor();
  await page.getByText(`Connecté : ${sophie.firstName} ${sophie.lastName}`).waitFor();
  expect(sentTokens.length).toBeGreaterThan(0);
  expect(sentTokens).not.toContain(firstAccess);
  expect(refused).toEqual([]);

  // Logout: the local session is gone and so is the provider's (its refresh token refused, its login asked again).
  const lastRefresh = (await stored(page)).identity!.oidc!.tokens.refreshToken!;
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await page.getByRole('heading', { level: 1, name: 'Interruption de carrière dans l’enseignement' }).waitFor();
  expect(new URL(page.url()).origin).toBe(run.baseUrl);
  expect((await stored(page)).identity).toBeUndefined();
  await expect(provider.refresh(lastRefresh)).rejects.toThrow(/invalid_grant/);
  await page.goto('/worker');
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await page.locator('input[name="login"]').waitFor();
  expect(new URL(page.url()).origin).toBe(issuer);
});

test('an ONEM agent signs in at the provider: the back-office role opens the back-office console', async () => {
  const page = await run.newPage();
  await page.goto('/backoffice');
  await page.getByRole('heading', { level: 1, name: 'Console du back-office' }).waitFor();
  await page.getByRole('button', { name: 'Se connecter', exact: true }).click();
  await page.locator('input[name="login"]').fill(AGENT_LOGIN);
  await page.locator('input[name="password"]').fill('not checked');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('heading', { level: 2, name: 'Rechercher des demandes' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/backoffice');
  await page.getByText('Connecté : Agent ONEM').waitFor();
});
