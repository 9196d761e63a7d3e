/**
 * Signing in with the service's OpenID provider, done by the application itself (no library): the
 * authorization-code flow with PKCE (S256 challenge made with WebCrypto), `state` against forged
 * callbacks and `nonce` against replayed ID tokens; tokens refreshed with the refresh token; logout at
 * the provider's end_session_endpoint. GET /api/service says whether there is a provider (issuer,
 * client id, scopes); its discovery document says where everything is.
 */
import { api, call } from './api';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  scopes: string;
  resource?: string;
}

/** What the provider gave, and when: `expiresAt` and `obtainedAt` in ms since the epoch. */
export interface OidcTokens {
  accessToken: string;
  refreshToken?: string;
  idToken?: string;
  expiresAt: number;
  obtainedAt: number;
}

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint?: string;
}

/** Why signing in did not work: `refused` by the provider (or a refresh token it no longer honours), `unavailable`, or a callback that is not ours (`state`). */
export class OidcError extends Error {
  constructor(
    readonly kind: 'refused' | 'unavailable' | 'state',
    message: string = kind,
  ) {
    super(message);
  }
}

/** The sign-in under way, kept in this tab only until its callback. */
const PENDING = 'baw.oidc.pending';
interface Pending {
  state: string;
  nonce: string;
  verifier: string;
  next: string;
  settings: OidcSettings;
}

const redirectUri = () => `${window.location.origin}/auth/callback`;

let service: Promise<{ oidc?: OidcSettings; devIdentity: boolean }> | undefined;

/** What GET /api/service says about signing in (asked once per page load). */
export function signInOptions(): Promise<{ oidc?: OidcSettings; devIdentity: boolean }> {
  service ??= call(api.GET('/api/service')).then(
    (info) => ({ oidc: info.oidc, devIdentity: info.devIdentity }),
    (err: unknown) => {
      service = undefined;
      throw err;
    },
  );
  return service;
}

const discoveries = new Map<string, Promise<Discovery>>();

function discover(issuer: string): Promise<Discovery> {
  let found = discoveries.get(issuer);
  if (!found) {
    found = fetch(`${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`, { headers: { accept: 'application/json' } })
      .then(async (res) => {
        if (!res.ok) throw new OidcError('unavailable', `discovery: HTTP ${res.status}`);
        const document = (await res.json()) as Discovery;
        // OpenID Connect Discovery §4.3: the document must name the issuer it was fetched for.
        if (document.issuer !== issuer) throw new OidcError('unavailable', `discovery names ${document.issuer}`);
        return document;
      })
      .catch((err: unknown) => {
        discoveries.delete(issuer);
        throw err instanceof OidcError ? err : new OidcError('unavailable', String(err));
      });
    discoveries.set(issuer, found);
  }
  return found;
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

const randomString = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

/** The claims of a JWT (read, not verified). */
function claimsOf(jwt: string): Record<string, unknown> {
  const json = atob((jwt.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
}

/** Leaves for the provider's sign-in page; its callback comes back to /auth/callback, then to `next`. */
export async function beginSignIn(settings: OidcSettings, next: string): Promise<void> {
  const discovery = await discover(settings.issuer);
  const pending: Pending = { state: randomString(), nonce: randomString(), verifier: randomString(), next, settings };
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(pending.verifier))));
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: settings.clientId,
    response_type: 'code',
    redirect_uri: redirectUri(),
    scope: settings.scopes,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...(settings.resource ? { resource: settings.resource } : {}),
  }).toString();
  // Replaced, not pushed: Back from the provider's page returns to the page that asked for a sign-in.
  window.location.replace(url.href);
}

/** The callback's code exchanged for tokens (once: the pending sign-in is consumed). */
export async function completeSignIn(search: string): Promise<{ tokens: OidcTokens; next: string; settings: OidcSettings }> {
  const params = new URLSearchParams(search);
  const stored = sessionStorage.getItem(PENDING);
  sessionStorage.removeItem(PENDING);
  const pending = stored ? (JSON.parse(stored) as Pending) : undefined;
  if (!pending || params.get('state') !== pending.state) throw new OidcError('state');
  const error = params.get('error');
  if (error) throw new OidcError('refused', params.get('error_description') ?? error);
  // RFC 9207: a provider that names itself in the response must be the one we sent the user to.
  const iss = params.get('iss');
  if (iss !== null && iss !== pending.settings.issuer) throw new OidcError('state', `response from ${iss}`);
  const code = params.get('code');
  if (!code) throw new OidcError('state', 'no code');
  const discovery = await discover(pending.settings.issuer);
  const tokens = await tokenRequest(discovery.token_endpoint, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri(),
    client_id: pending.settings.clientId,
    code_verifier: pending.verifier,
    ...(pending.settings.resource ? { resource: pending.settings.resource } : {}),
  });
  // The ID token came straight from the token endpoint (OpenID Connect Core §3.1.3.7: TLS stands for
  // its signature); it must be for this sign-in: our nonce, the provider, our client.
  if (tokens.idToken) {
    const id = claimsOf(tokens.idToken);
    const audiences = Array.isArray(id.aud) ? id.aud : [id.aud];
    if (id.nonce !== pending.nonce || id.iss !== pending.settings.issuer || !audiences.includes(pending.settings.clientId)) throw new OidcError('state', 'ID token of another sign-in');
  }
  return { tokens, next: pending.next, settings: pending.settings };
}

/** New tokens for a refresh token; the provider may rotate it (the new one then replaces it). */
export async function refreshTokens(settings: OidcSettings, current: OidcTokens): Promise<OidcTokens> {
  if (!current.refreshToken) throw new OidcError('refused', 'no refresh token');
  const discovery = await discover(settings.issuer);
  const tokens = await tokenRequest(discovery.token_endpoint, {
    grant_type: 'refresh_token',
    refresh_token: current.refreshToken,
    client_id: settings.clientId,
    ...(settings.resource ? { resource: settings.resource } : {}),
  });
  return { ...tokens, refreshToken: tokens.refreshToken ?? current.refreshToken, idToken: tokens.idToken ?? current.idToken };
}

async function tokenRequest(endpoint: string, body: Record<string, string>): Promise<OidcTokens> {
  let res: Response;
  try {
    res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body: new URLSearchParams(body) });
  } catch (err) {
    throw new OidcError('unavailable', String(err));
  }
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok || typeof json.access_token !== 'string') {
    const why = typeof json.error_description === 'string' ? json.error_description : typeof json.error === 'string' ? json.error : `HTTP ${res.status}`;
    throw new OidcError(res.status >= 400 && res.status < 500 ? 'refused' : 'unavailable', why);
  }
  const obtainedAt = Date.now();
  const expiresIn = typeof json.expires_in === 'number' ? json.expires_in : 300;
  return {
    accessToken: json.access_token,
    ...(typeof json.refresh_token === 'string' ? { refreshToken: json.refresh_token } : {}),
    ...(typeof json.id_token === 'string' ? { idToken: json.id_token } : {}),
    obtainedAt,
    expiresAt: obtainedAt + expiresIn * 1000,
  };
}

/** Ends the session at the provider too (its end_session_endpoint, back to the home page); resolves when the provider has none. */
export async function endSession(settings: OidcSettings, idToken?: string): Promise<void> {
  const discovery = await discover(settings.issuer).catch(() => undefined);
  if (!discovery?.end_session_endpoint) return;
  const url = new URL(discovery.end_session_endpoint);
  url.search = new URLSearchParams({
    client_id: settings.clientId,
    post_logout_redirect_uri: `${window.location.origin}/`,
    ...(idToken ? { id_token_hint: idToken } : {}),
  }).toString();
  window.location.assign(url.href);
}
