/**
 * Who is using the application, remembered in this browser so that a reload keeps them signed in:
 * the person signed in with the digital key (identity token), the context they act in after the
 * Break@Work sign-in (acting token: enterprise, PO or own company), and a back-office agent.
 * Tokens expire (the service says when); an expired one is dropped and the user signs in again.
 *
 * Signed in through the OpenID provider, a person or agent keeps the provider's tokens (`oidc`): the
 * access token is refreshed before it expires (and at the latest when a call needs it), while pages
 * keep the first one as a handle — every call made with the handle goes out with the current access
 * token (a middleware of the API client), so a refresh neither re-renders nor restarts a journey.
 * Signing out of such a session also ends it at the provider.
 */
import { createContext, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { api } from './api';
import { endSession, OidcError, refreshTokens, type OidcSettings, type OidcTokens } from './oidc';

export interface Signed {
  token: string;
  expiresAt: string;
  name: string;
  /** Signed in through the OpenID provider: its settings and current tokens (`token` is then a handle). */
  oidc?: OidcSettings & { tokens: OidcTokens };
}
export interface Identity extends Signed {
  niss: string;
}
export interface Acting extends Signed {
  enterprise: string;
  enterpriseName: string;
  mode: 'PO' | 'OWN_COMPANY';
}
export interface SessionState {
  identity?: Identity;
  acting?: Acting;
  backoffice?: Signed;
}
type OidcPart = 'identity' | 'backoffice';

const KEY = 'baw.session';

/** Still usable: not expired, or refreshable through the provider (a refused refresh drops it). */
function live<T extends Signed>(value: T | undefined): T | undefined {
  if (!value) return undefined;
  if (value.oidc) return value.oidc.tokens.refreshToken || value.oidc.tokens.expiresAt > Date.now() ? value : undefined;
  return Date.parse(value.expiresAt) > Date.now() ? value : undefined;
}

function load(): SessionState {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '{}') as SessionState;
    return { identity: live(stored.identity), acting: live(stored.acting), backoffice: live(stored.backoffice) };
  } catch {
    return {};
  }
}

// One session for the whole page (the React tree and the API client's middleware read the same).
let state: SessionState = load();
const listeners = new Set<() => void>();
function save(next: SessionState): void {
  state = next;
  localStorage.setItem(KEY, JSON.stringify(next));
  listeners.forEach((l) => l());
}
// Another tab signed in, out, or refreshed (a rotated refresh token): this one follows.
window.addEventListener('storage', (e) => {
  if (e.key !== KEY) return;
  state = load();
  listeners.forEach((l) => l());
});
const subscribe = (listener: () => void) => (listeners.add(listener), () => void listeners.delete(listener));

const refreshing = new Map<OidcPart, Promise<string | undefined>>();

/**
 * Refreshes the part's access token (once at a time); its new access token, or undefined when the
 * provider refused (the part is then signed out). A provider that does not answer leaves the tokens as
 * they are: a later try may work.
 */
function refresh(part: OidcPart): Promise<string | undefined> {
  const running = refreshing.get(part);
  if (running) return running;
  const started = (async () => {
    const signed = state[part];
    if (!signed?.oidc) return signed?.token;
    try {
      const tokens = await refreshTokens(signed.oidc, signed.oidc.tokens);
      const now = state[part];
      // Signed out or in as someone else meanwhile: nothing to update.
      if (!now?.oidc || now.token !== signed.token) return now?.oidc?.tokens.accessToken;
      save({ ...state, [part]: { ...now, oidc: { ...now.oidc, tokens } } });
      return tokens.accessToken;
    } catch (err) {
      if (err instanceof OidcError && err.kind === 'refused') {
        if (state[part]?.token === signed.token) save({ ...state, [part]: undefined, ...(part === 'identity' ? { acting: undefined } : {}) });
        return undefined;
      }
      return signed.oidc.tokens.accessToken;
    } finally {
      refreshing.delete(part);
    }
  })();
  refreshing.set(part, started);
  return started;
}

/** When to refresh ahead of expiry: a quarter of the token's life, between 2 s and 60 s. */
function refreshMargin(tokens: OidcTokens): number {
  return Math.min(60_000, Math.max(2_000, (tokens.expiresAt - tokens.obtainedAt) / 4));
}

// A call made with a provider session's handle goes out with its current access token, refreshed
// first when it is about to expire (a tab that slept past the refresh timer).
api.use({
  async onRequest({ request }) {
    const sent = /^Bearer (\S+)$/.exec(request.headers.get('Authorization') ?? '')?.[1];
    const part = (['identity', 'backoffice'] as const).find((p) => sent && state[p]?.oidc && state[p]?.token === sent);
    if (!part) return request;
    let token = state[part]!.oidc!.tokens.accessToken;
    if (state[part]!.oidc!.tokens.expiresAt - Date.now() < 5_000) token = (await refresh(part)) ?? token;
    request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
});

/** The claims of a token the service signed (read, not verified: the service verifies every call). */
export function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
}

interface SessionApi extends SessionState {
  signIn: (identity: Identity) => void;
  act: (token: { token: string; expiresAt: string }) => Acting;
  signInBackoffice: (agent: Signed) => void;
  signOut: (part?: keyof SessionState) => void;
}

const SessionContext = createContext<SessionApi | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const current = useSyncExternalStore(subscribe, () => state);
  // Each provider session refreshes ahead of its access token's expiry.
  const identityTokens = current.identity?.oidc?.tokens;
  const backofficeTokens = current.backoffice?.oidc?.tokens;
  useEffect(() => {
    const timers = (
      [
        ['identity', identityTokens],
        ['backoffice', backofficeTokens],
      ] as const
    ).flatMap(([part, tokens]) => (tokens ? [setTimeout(() => void refresh(part), Math.max(0, tokens.expiresAt - Date.now() - refreshMargin(tokens)))] : []));
    return () => timers.forEach(clearTimeout);
  }, [identityTokens, backofficeTokens]);
  const value = useMemo<SessionApi>(
    () => ({
      ...current,
      // A new person starts from nothing: no acting context of someone else's.
      signIn: (identity) => save({ identity, backoffice: state.backoffice }),
      act: ({ token, expiresAt }) => {
        const claims = claimsOf(token);
        const context = claims.acting as { enterprise: string; enterpriseName: string; mode: 'PO' | 'OWN_COMPANY' };
        const acting: Acting = { token, expiresAt, name: typeof claims.name === 'string' ? claims.name : '', ...context };
        save({ ...state, acting });
        return acting;
      },
      signInBackoffice: (agent) => save({ ...state, backoffice: agent }),
      signOut: (part) => {
        const leaving = part === 'acting' ? [] : part ? [state[part]] : [state.identity, state.backoffice];
        const provider = leaving.find((s) => s?.oidc)?.oidc;
        // The provider's session is one for both parts: ending it ends both here too.
        const withoutProvider = (s: SessionState): SessionState => (provider ? { ...s, ...(s.identity?.oidc ? { identity: undefined, acting: undefined } : {}), ...(s.backoffice?.oidc ? { backoffice: undefined } : {}) } : s);
        save(withoutProvider(part ? { ...state, [part]: undefined, ...(part === 'identity' ? { acting: undefined } : {}) } : {}));
        if (provider) void endSession(provider, provider.tokens.idToken);
      },
    }),
    [current],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
