/**
 * A real OpenID provider for the tests: scripts/oidc-provider.mjs (node-oidc-provider) in a child process
 * on a free loopback port, with the demo cast as accounts (their NISS in egovNRN), an ONEM agent with
 * the back-office role, and the web application as a public client (authorization code + PKCE).
 *
 * - `apiEnv`: the service's configuration that trusts this provider (for startTestService's env);
 * - `login(login)`: the authorization-code flow with PKCE driven over HTTP, through the provider's own
 *   login form, as a browser would: the provider's real tokens without a browser;
 * - `refresh(refreshToken)`: the refresh-token grant;
 * - `craft(claims, header)`: a token signed with the provider's own key (the test made it and gave it to
 *   the provider), valid in every respect unless the claims or header say otherwise: each refusal of a
 *   negative test then has exactly one cause.
 */
import { SignJWT, exportJWK, generateKeyPair, type JWTPayload, type KeyLike } from 'jose';
import { createHash, randomBytes } from 'node:crypto';
import { AGENT_LOGIN, demoAccounts, loginOf, startProviderProcess, type RunningProvider } from '../../scripts/oidc-provider-process';

export { AGENT_LOGIN, loginOf };

export const TEST_AUDIENCE = 'urn:breakatwork:api';
export const TEST_CLIENT_ID = 'breakatwork-web';
const NISS_CLAIM = 'egovNRN';
const ROLE_CLAIM = 'roles';
const BACKOFFICE_ROLE = 'onem-backoffice';

export interface ProviderTokens {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  expires_in: number;
  token_type: string;
}

export interface TestOidcProvider extends RunningProvider {
  audience: string;
  clientId: string;
  /** OIDC_* settings of the API that trusts this provider (clock tolerance 0: expiry is exact in the tests). */
  apiEnv: Record<string, string>;
  login(login: string): Promise<ProviderTokens>;
  refresh(refreshToken: string): Promise<ProviderTokens>;
  /** Claims with `undefined` are left out (e.g. `{ exp: undefined }`: a token without exp). */
  craft(claims?: Record<string, unknown>, options?: { key?: KeyLike; kid?: string; alg?: string }): Promise<string>;
  /** The key id of the provider's signing key. */
  kid: string;
  /** The provider's public key (PEM), as anyone may read it from the JWKS. */
  publicKeyPem: string;
}

export async function startOidcProvider(
  options: {
    /** The web application's origin (its /auth/callback is the client's redirect URI). */
    appOrigin?: string;
    port?: number;
    accessTokenTtlSeconds?: number;
  } = {},
): Promise<TestOidcProvider> {
  const origin = options.appOrigin ?? 'http://127.0.0.1:1';
  const redirectUri = `${origin}/auth/callback`;
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `test-${randomBytes(4).toString('hex')}`;
  const provider = await startProviderProcess({
    ...(options.port ? { port: options.port } : {}),
    signingKey: { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' },
    audience: TEST_AUDIENCE,
    ...(options.accessTokenTtlSeconds ? { accessTokenTtlSeconds: options.accessTokenTtlSeconds } : {}),
    nissClaim: NISS_CLAIM,
    roleClaim: ROLE_CLAIM,
    clients: [{ clientId: TEST_CLIENT_ID, redirectUris: [redirectUri], postLogoutRedirectUris: [`${origin}/`] }],
    accounts: demoAccounts(NISS_CLAIM, ROLE_CLAIM, BACKOFFICE_ROLE),
  });
  const token = async (body: Record<string, string>): Promise<ProviderTokens> => {
    const res = await fetch(`${provider.issuer}/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ client_id: TEST_CLIENT_ID, ...body }) });
    const json = (await res.json()) as ProviderTokens & { error?: string; error_description?: string };
    if (!res.ok) throw new Error(`token endpoint: ${res.status} ${json.error}: ${json.error_description}`);
    return json;
  };
  return {
    ...provider,
    audience: TEST_AUDIENCE,
    clientId: TEST_CLIENT_ID,
    apiEnv: {
      OIDC_ISSUER: provider.issuer,
      OIDC_AUDIENCE: TEST_AUDIENCE,
      OIDC_CLIENT_ID: TEST_CLIENT_ID,
      OIDC_NISS_CLAIM: NISS_CLAIM,
      OIDC_ROLE_CLAIM: ROLE_CLAIM,
      OIDC_BACKOFFICE_ROLES: BACKOFFICE_ROLE,
      OIDC_CLOCK_TOLERANCE_SECONDS: '0',
    },
    async login(login) {
      const verifier = randomBytes(32).toString('base64url');
      const cookies = new Map<string, string>();
      const go = async (url: string, init: RequestInit = {}) => {
        const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
        for (const line of res.headers.getSetCookie()) {
          const [pair] = line.split(';');
          const at = pair!.indexOf('=');
          cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
        }
        return res;
      };
      const next = (res: Response) => {
        const location = res.headers.get('location');
        if (!location) throw new Error(`expected a redirect, got ${res.status}`);
        return new URL(location, provider.issuer).href;
      };
      const state = randomBytes(8).toString('hex');
      const authorize = new URL(`${provider.issuer}/auth`);
      authorize.search = new URLSearchParams({
        client_id: TEST_CLIENT_ID,
        response_type: 'code',
        redirect_uri: redirectUri,
        scope: 'openid profile offline_access',
        state,
        nonce: randomBytes(8).toString('hex'),
        code_challenge: createHash('sha256').update(verifier).digest('base64url'),
        code_challenge_method: 'S256',
      }).toString();
      // The provider's login page, its form filled in and sent as the browser would.
      const interaction = next(await go(authorize.href));
      const page = await (await go(interaction)).text();
      const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
      if (!action) throw new Error(`no login form at ${interaction}`);
      const submitted = await go(new URL(action.replace(/&amp;/g, '&'), provider.issuer).href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString(),
      });
      // Back to the authorization endpoint, then (no consent screen for this client) to the redirect URI.
      let url = next(submitted);
      for (let hops = 0; !url.startsWith(redirectUri); hops++) {
        if (hops > 5) throw new Error(`the sign-in did not come back to ${redirectUri} (last: ${url})`);
        url = next(await go(url));
      }
      const back = new URL(url).searchParams;
      if (back.get('state') !== state || !back.get('code')) throw new Error(`sign-in refused: ${back.get('error')} ${back.get('error_description')}`);
      return token({ grant_type: 'authorization_code', code: back.get('code')!, redirect_uri: redirectUri, code_verifier: verifier });
    },
    refresh: (refreshToken) => token({ grant_type: 'refresh_token', refresh_token: refreshToken }),
    kid,
    publicKeyPem: (publicKey as unknown as { export(o: object): string }).export({ type: 'spki', format: 'pem' }),
    async craft(claims = {}, signing = {}) {
      const now = Math.floor(Date.now() / 1000);
      const payload: JWTPayload = Object.fromEntries(
        Object.entries({ iss: provider.issuer, aud: TEST_AUDIENCE, sub: 'crafted', iat: now, exp: now + 300, client_id: TEST_CLIENT_ID, ...claims }).filter(([, v]) => v !== undefined),
      );
      return new SignJWT(payload).setProtectedHeader({ alg: signing.alg ?? 'RS256', typ: 'at+jwt', kid: signing.kid ?? kid }).sign(signing.key ?? privateKey);
    },
  };
}
