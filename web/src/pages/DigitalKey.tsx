/**
 * The digital key, as the development identity provider stands in for it: pick a person of the demo
 * cast (or an ONEM agent for the back-office), get a token, go back where you came from (`?next=`).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { api, call, type ApiError } from '../api';
import { Layout } from '../components/Layout';
import { ErrorSummary, errorsOf, fieldErrors } from '../components/Errors';
import { RadioField, TextField } from '../components/Fields';
import { defineStrings, useStrings } from '../i18n';
import { navigate, useLocation } from '../router';
import { useSession } from '../session';
import { common } from '../strings';
import { formatNiss } from '../components/Layout';
import { ProviderSignIn } from './ProviderSignIn';

const words = defineStrings(
  {
    title: 'Connexion avec une clé numérique',
    intro: 'Environnement de démonstration : choisissez la personne avec laquelle vous vous connectez. En production, la connexion passe par CSAM (carte d’identité électronique, itsme…).',
    person: 'Personne',
    agentTitle: 'Agent de l’ONEM (back-office)',
    agent: 'Nom de l’agent',
    agentSubmit: 'Se connecter comme agent',
    unavailableIdentity: 'Le fournisseur d’identité de développement n’est pas activé sur ce service.',
  },
  {
    title: 'Aanmelden met een digitale sleutel',
    intro: 'Demonstratieomgeving: kies de persoon waarmee u zich aanmeldt. In productie verloopt de aanmelding via CSAM (elektronische identiteitskaart, itsme…).',
    person: 'Persoon',
    agentTitle: 'Medewerker van de RVA (backoffice)',
    agent: 'Naam van de medewerker',
    agentSubmit: 'Aanmelden als medewerker',
    unavailableIdentity: 'De ontwikkelidentiteitsprovider is op deze dienst niet ingeschakeld.',
  },
  {
    title: 'Anmeldung mit einem digitalen Schlüssel',
    intro: 'Demonstrationsumgebung: Wählen Sie die Person, mit der Sie sich anmelden. In der Produktion erfolgt die Anmeldung über CSAM (elektronischer Personalausweis, itsme…).',
    person: 'Person',
    agentTitle: 'Bediensteter des LfA (Backoffice)',
    agent: 'Name des Bediensteten',
    agentSubmit: 'Als Bediensteter anmelden',
    unavailableIdentity: 'Der Entwicklungs-Identitätsanbieter ist bei diesem Dienst nicht aktiviert.',
  },
);

interface Person {
  niss: string;
  lastName: string;
  firstName: string;
}

export function DigitalKeyPage() {
  const t = useStrings(words);
  const c = useStrings(common);
  const session = useSession();
  const { query } = useLocation();
  const next = safeNext(query.get('next'));
  const [people, setPeople] = useState<Person[]>();
  const [chosen, setChosen] = useState('');
  const [agent, setAgent] = useState('');
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [withProvider, setWithProvider] = useState(false);
  useEffect(() => {
    call(api.GET('/api/dev/identity/people')).then(setPeople, (err: ApiError) => setFailure(err));
  }, []);
  const signIn = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      const body = await call(api.POST('/api/dev/identity/tokens', { body: { niss: chosen } }));
      session.signIn({ ...body, niss: chosen });
      navigate(next);
    } catch (err) {
      setFailure(err as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const signInAgent = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      const body = await call(api.POST('/api/dev/identity/tokens', { body: { backofficeAgent: agent } }));
      session.signInBackoffice(body);
      navigate(next.startsWith('/backoffice') ? next : '/backoffice');
    } catch (err) {
      setFailure(err as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const errors = failure?.status === 404 && !people ? (withProvider ? [] : [{ message: t('unavailableIdentity') }]) : errorsOf(failure, undefined, c('unavailable'), { UNKNOWN_PERSON: 'niss' });
  const byField = fieldErrors(errors);
  return (
    <Layout app="CSAM">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <ProviderSignIn next={next} onOptions={(options) => setWithProvider(Boolean(options.oidc))} />
      <ErrorSummary errors={errors} />
      {people && (
        <form onSubmit={(e) => void signIn(e)} className="panel">
          <RadioField
            name="niss"
            label={t('person')}
            error={byField.niss}
            value={chosen}
            onChange={setChosen}
            options={people.map((p) => ({ value: p.niss, label: `${p.firstName} ${p.lastName}`, hint: formatNiss(p.niss) }))}
          />
          <button type="submit" className="button" disabled={busy || !chosen}>
            {c('signIn')}
          </button>
        </form>
      )}
      {(people || !withProvider) && (
        <form onSubmit={(e) => void signInAgent(e)} className="panel">
          <h2>{t('agentTitle')}</h2>
          <TextField name="backofficeAgent" label={t('agent')} error={byField.backofficeAgent} value={agent} onChange={setAgent} width="m" />
          <button type="submit" className="button secondary" disabled={busy || !agent.trim()}>
            {t('agentSubmit')}
          </button>
        </form>
      )}
    </Layout>
  );
}

/** Only a path of this application (never another site) is a place to go back to. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** Sends the user to the digital key, to come back here. */
export function signInHere(): void {
  navigate(`/key?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
}
