/**
 * A real OpenID provider (node-oidc-provider, OpenID Certified) for the tests and local demos — never
 * for production. It is ESM-only, so it runs in a process of its own (jest cannot import it): started
 * by test/support/oidc.ts and by `npm run oidc:dev` (scripts/oidc-dev.ts), configured by one JSON
 * document in the OIDC_PROVIDER_CONFIG environment variable:
 *
 *   { port?: number (0: any free port), signingKey?: private JWK (RS256), audience: string (the API's resource indicator, `aud` of its
 *     access tokens), accessTokenTtlSeconds?: number, nissClaim: string, roleClaim: string,
 *     clients: [{ clientId, redirectUris: string[], postLogoutRedirectUris: string[] }],
 *     accounts: [{ login: string, claims: { name, given_name?, family_name?, [nissClaim]?, [roleClaim]? } }] }
 *
 * It listens on 127.0.0.1 and writes one line to stdout once it answers: {"issuer":"http://127.0.0.1:<port>"}.
 *
 * What the service relies on: the authorization-code flow with PKCE (S256, required for the public
 * client), refresh tokens (rotated), RP-initiated logout, and access tokens for the API as JWTs (RS256,
 * resource indicators: the API is the default resource) that carry the NISS, the name and the roles.
 * The login page is the provider's development one (any login that names an account; the password is
 * not checked); the first-party client needs no consent screen.
 */
import { generateKeyPair, exportJWK } from 'jose';
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import Provider, { errors } from 'oidc-provider';

const settings = JSON.parse(process.env.OIDC_PROVIDER_CONFIG ?? '{}');
for (const required of ['audience', 'nissClaim', 'roleClaim', 'clients', 'accounts']) {
  if (settings[required] === undefined) {
    console.error(`OIDC_PROVIDER_CONFIG: ${required} is required`);
    process.exit(2);
  }
}
const accounts = new Map(settings.accounts.map((a) => [a.login, a.claims]));
const apiScope = 'api';

const server = createServer();
await new Promise((resolve) => server.listen(settings.port ?? 0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

// The given signing key (a private JWK: tests craft tokens with it), else one of this run: tokens of an
// earlier run are then of an unknown key, as after a key rotation.
const signingKey = settings.signingKey ?? {
  ...(await exportJWK((await generateKeyPair('RS256', { extractable: true })).privateKey)),
  kid: `run-${randomBytes(6).toString('hex')}`,
  alg: 'RS256',
  use: 'sig',
};

/** The origins the web application's pages run at: the only ones allowed to call the token endpoint from a browser. */
const clientOrigins = (client) => new Set(client.redirectUris.map((uri) => new URL(uri).origin));

const provider = new Provider(issuer, {
  clients: settings.clients.map((c) => ({
    client_id: c.clientId,
    // A browser application keeps no secret: PKCE proves the code's requester instead.
    token_endpoint_auth_method: 'none',
    application_type: 'web',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: c.redirectUris,
    post_logout_redirect_uris: c.postLogoutRedirectUris,
  })),
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  scopes: ['openid', 'profile', 'offline_access', apiScope],
  claims: { openid: ['sub'], profile: ['name', 'given_name', 'family_name'] },
  async findAccount(_ctx, id) {
    const claims = accounts.get(id);
    if (!claims) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...claims }) };
  },
  pkce: { required: () => true },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: { enabled: true },
    resourceIndicators: {
      enabled: true,
      // A client that names no resource gets tokens for the API all the same.
      defaultResource: (_ctx, _client, oneOf) => oneOf ?? settings.audience,
      useGrantedResource: () => true,
      getResourceServerInfo(_ctx, resourceIndicator) {
        if (resourceIndicator !== settings.audience) throw new errors.InvalidTarget();
        return {
          scope: apiScope,
          audience: settings.audience,
          accessTokenTTL: settings.accessTokenTtlSeconds ?? 300,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        };
      },
    },
  },
  // Who the token names, in the access token itself: the API reads no userinfo.
  async extraTokenClaims(_ctx, token) {
    if (token.kind !== 'AccessToken') return undefined;
    const claims = accounts.get(token.accountId);
    if (!claims) return undefined;
    const carried = ['name', 'given_name', 'family_name', settings.nissClaim, settings.roleClaim];
    return Object.fromEntries(carried.filter((k) => claims[k] !== undefined).map((k) => [k, claims[k]]));
  },
  // Refresh tokens for the browser client without asking consent for offline access; they end with the session (logout).
  issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
  clientBasedCORS: (_ctx, origin, client) => settings.clients.some((c) => c.clientId === client.clientId && clientOrigins(c).has(origin)),
  // A first-party client: what it asks for is granted without a consent screen.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    const grant = grantId ? await ctx.oidc.provider.Grant.find(grantId) : new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid profile offline_access');
    grant.addOIDCClaims(['name', 'given_name', 'family_name']);
    grant.addResourceScope(settings.audience, apiScope);
    await grant.save();
    return grant;
  },
  ttl: {
    AccessToken: settings.accessTokenTtlSeconds ?? 300,
    IdToken: 3600,
    RefreshToken: 24 * 3600,
    Session: 24 * 3600,
    Grant: 24 * 3600,
    Interaction: 3600,
  },
  renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = `<!DOCTYPE html><html lang="en"><head><title>Sign-in error</title></head><body><h1>Sign-in error</h1><pre>${Object.entries(out)
      .map(([k, v]) => `${k}: ${String(v).replace(/[<>&]/g, '')}`)
      .join('\n')}</pre></body></html>`;
  },
});
// Plain http on loopback only: the provider is told so it does not wait for a proxy's headers.
provider.proxy = false;
server.on('request', provider.callback());
process.stdout.write(`${JSON.stringify({ issuer })}\n`);

// Open connections (a browser's keep-alive) would hold close() up: they are cut.
const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Never outlives the process that started it (a test run killed before it could stop the provider).
const parent = process.ppid;
setInterval(() => {
  try {
    process.kill(parent, 0);
  } catch {
    process.exit(0);
  }
}, 2_000).unref();
