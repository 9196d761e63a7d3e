/**
 * Signing in through the service's OpenID provider: on the /key page, a button that leaves for the
 * provider's sign-in page (straight away when the development identity is off: there is nothing else
 * to choose), and the page the provider comes back to (/auth/callback), which exchanges the code,
 * asks the service whom the token names (GET /api/identity) and goes back where the user was.
 */
import { useEffect, useRef, useState } from 'react';
import { api, as, call } from '../api';
import { ErrorSummary } from '../components/Errors';
import { Layout } from '../components/Layout';
import { defineStrings, useStrings } from '../i18n';
import { beginSignIn, completeSignIn, signInOptions, type OidcSettings } from '../oidc';
import { Link, navigate } from '../router';
import { useSession } from '../session';

const words = defineStrings(
  {
    withProvider: 'Se connecter avec le fournisseur d’identité',
    leaving: 'Vous allez être redirigé vers la page de connexion du fournisseur d’identité…',
    title: 'Connexion',
    busy: 'Connexion en cours…',
    failed: 'La connexion n’a pas abouti. Réessayez.',
    unavailable: 'Le fournisseur d’identité ne répond pas pour le moment. Réessayez dans un instant.',
    again: 'Se connecter à nouveau',
  },
  {
    withProvider: 'Aanmelden via de identiteitsprovider',
    leaving: 'U wordt doorgestuurd naar de aanmeldpagina van de identiteitsprovider…',
    title: 'Aanmelden',
    busy: 'Bezig met aanmelden…',
    failed: 'De aanmelding is niet gelukt. Probeer het opnieuw.',
    unavailable: 'De identiteitsprovider antwoordt momenteel niet. Probeer het zo dadelijk opnieuw.',
    again: 'Opnieuw aanmelden',
  },
  {
    withProvider: 'Über den Identitätsanbieter anmelden',
    leaving: 'Sie werden zur Anmeldeseite des Identitätsanbieters weitergeleitet…',
    title: 'Anmeldung',
    busy: 'Anmeldung läuft…',
    failed: 'Die Anmeldung ist nicht gelungen. Versuchen Sie es erneut.',
    unavailable: 'Der Identitätsanbieter antwortet im Moment nicht. Versuchen Sie es gleich noch einmal.',
    again: 'Erneut anmelden',
  },
);

/** Only a path of this application (never another site) is a place to go back to. */
const safeNext = (next: string | null | undefined) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');

/** On /key: the provider's sign-in, when the service has a provider; `onOptions` learns whether it has. */
export function ProviderSignIn({ next, onOptions }: { next: string; onOptions?: (options: { oidc?: OidcSettings; devIdentity: boolean }) => void }) {
  const t = useStrings(words);
  const [oidc, setOidc] = useState<OidcSettings>();
  const [leaving, setLeaving] = useState(false);
  const [failed, setFailed] = useState(false);
  const go = (settings: OidcSettings) => {
    setLeaving(true);
    setFailed(false);
    beginSignIn(settings, next).catch(() => (setLeaving(false), setFailed(true)));
  };
  useEffect(() => {
    signInOptions().then(
      (options) => {
        onOptions?.(options);
        setOidc(options.oidc);
        // Nothing else to choose: straight to the provider.
        if (options.oidc && !options.devIdentity) go(options.oidc);
      },
      () => undefined,
    );
    // Once per page: the options do not change while it is open.
  }, []);
  if (!oidc) return null;
  return (
    <div className="panel">
      <ErrorSummary errors={failed ? [{ message: t('unavailable') }] : []} />
      {leaving ? (
        <p role="status">{t('leaving')}</p>
      ) : (
        <button type="button" className="button" onClick={() => go(oidc)}>
          {t('withProvider')}
        </button>
      )}
    </div>
  );
}

/** /auth/callback: the provider sent the user back with a code (or a refusal). */
export function AuthCallbackPage() {
  const t = useStrings(words);
  const session = useSession();
  const [failure, setFailure] = useState<string>();
  const started = useRef(false);
  useEffect(() => {
    // The code is good once: never exchanged twice (React may run an effect twice in development).
    if (started.current) return;
    started.current = true;
    (async () => {
      const { tokens, next, settings } = await completeSignIn(window.location.search);
      const who = await call(api.GET('/api/identity', as(tokens.accessToken)));
      const signed = { token: tokens.accessToken, expiresAt: new Date(tokens.expiresAt).toISOString(), name: who.name, oidc: { ...settings, tokens } };
      if (who.kind === 'backoffice') {
        session.signInBackoffice(signed);
        navigate(safeNext(next).startsWith('/backoffice') ? safeNext(next) : '/backoffice', { replace: true });
      } else {
        session.signIn({ ...signed, niss: who.niss ?? '' });
        navigate(safeNext(next), { replace: true });
      }
    })().catch((err: unknown) => setFailure(err instanceof Error && 'kind' in err && err.kind === 'unavailable' ? t('unavailable') : t('failed')));
    // Once: the callback's URL is read when the page opens.
  }, []);
  return (
    <Layout app="Break@Work">
      <h1>{t('title')}</h1>
      {failure ? (
        <>
          <ErrorSummary errors={[{ message: failure }]} />
          <Link to="/key">{t('again')}</Link>
        </>
      ) : (
        <p role="status">{t('busy')}</p>
      )}
    </Layout>
  );
}
