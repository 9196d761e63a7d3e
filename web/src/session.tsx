/**
 * Who is using the application, remembered in this browser so that a reload keeps them signed in:
 * the person signed in with the digital key (identity token), the context they act in after the
 * Break@Work sign-in (acting token: enterprise, PO or own company), and a back-office agent.
 * Tokens expire (the service says when); an expired one is dropped and the user signs in again.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export interface Signed {
  token: string;
  expiresAt: string;
  name: string;
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

const KEY = 'baw.session';

function live<T extends Signed>(value: T | undefined): T | undefined {
  return value && Date.parse(value.expiresAt) > Date.now() ? value : undefined;
}

function load(): SessionState {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '{}') as SessionState;
    return { identity: live(stored.identity), acting: live(stored.acting), backoffice: live(stored.backoffice) };
  } catch {
    return {};
  }
}

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
  const [state, setState] = useState<SessionState>(load);
  const save = useCallback((next: SessionState) => {
    localStorage.setItem(KEY, JSON.stringify(next));
    setState(next);
  }, []);
  const value = useMemo<SessionApi>(
    () => ({
      ...state,
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
      signOut: (part) => save(part ? { ...state, [part]: undefined, ...(part === 'identity' ? { acting: undefined } : {}) } : {}),
    }),
    [state, save],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
