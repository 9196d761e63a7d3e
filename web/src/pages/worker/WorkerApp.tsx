/**
 * The worker's part (/worker): the teacher signs in with their own identity, sees the requests about
 * them, reviews what their employer declared and confirms their part (journey workerPart). The journey
 * is remembered per person, so a reload or a restart of the service puts them back on the same screen.
 */
import { useEffect } from 'react';
import { Layout } from '../../components/Layout';
import { useStrings } from '../../i18n';
import { JourneyPage } from '../../journey/JourneyPage';
import { useJourney } from '../../journey/useJourney';
import { useSession, type Identity } from '../../session';
import { common } from '../../strings';
import { signInHere } from '../DigitalKey';
import { workerScreens } from './screens';
import { workerWords } from './words';

export function WorkerApp() {
  const session = useSession();
  const w = useStrings(workerWords);
  return (
    <Layout app={w('app')} account="person">
      {session.identity ? <WorkerPart key={session.identity.niss} identity={session.identity} /> : <SignInFirst />}
    </Layout>
  );
}

function SignInFirst() {
  const t = useStrings(common);
  const w = useStrings(workerWords);
  return (
    <>
      <h1>{w('title')}</h1>
      <p>{w('signInText')}</p>
      <p>{t('signInFirst')}</p>
      <button type="button" className="button" onClick={signInHere}>
        {t('signIn')}
      </button>
    </>
  );
}

function WorkerPart({ identity }: { identity: Identity }) {
  const journey = useJourney({ machine: 'workerPart', token: identity.token, slot: `workerPart.${identity.niss}` });
  const { signOut } = useSession();
  const refusedToken = journey.error?.status === 401;
  // A token the service no longer accepts (expired): the worker signs in again; the journey is kept.
  useEffect(() => {
    if (refusedToken) signOut('identity');
  }, [refusedToken, signOut]);
  // The refusals of a choice or a confirmation concern the request, not a field the worker typed.
  return <JourneyPage journey={journey} screens={[workerScreens]} />;
}
