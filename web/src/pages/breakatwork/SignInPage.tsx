/**
 * Step 2 of the guide: the Break@Work sign-in journey (machine `signIn`). Before the digital key there
 * is no one to own a journey, so the landing and the employer page are drawn here first; "Introduisez
 * une demande" then goes to the digital key and back, and the journey replays those two steps and the
 * sign-in the person already made (only events the journey allows). When the journey ends it hands an
 * acting token: the session keeps it and the overview opens.
 */
import { useEffect, useState } from 'react';
import { useLabel, useStrings } from '../../i18n';
import { JourneyPage } from '../../journey/JourneyPage';
import { allows } from '../../journey/screens';
import { forgetJourney, useJourney } from '../../journey/useJourney';
import { Layout } from '../../components/Layout';
import { navigate } from '../../router';
import { useSession } from '../../session';
import { signInHere } from '../DigitalKey';
import { signInScreens } from './screens/signInScreens';
import { words } from './strings';

const INTENT = 'baw.signIn.intent';

export function SignInPage() {
  const session = useSession();
  if (!session.identity) return <BeforeDigitalKey />;
  return <SignInJourney token={session.identity.token} niss={session.identity.niss} />;
}

/** The landing and the employer page as the guide shows them, before anyone is signed in. */
function BeforeDigitalKey() {
  const label = useLabel();
  const t = useStrings(words);
  const [step, setStep] = useState<'landing' | 'employerPage' | 'signIn'>('landing');
  const go = () => {
    sessionStorage.setItem(INTENT, 'signIn');
    signInHere();
  };
  return (
    <Layout app="Break@Work" account="person">
      {step === 'landing' && (
        <section data-screen="landing">
          <h1>{label('signIn.landing.title')}</h1>
          <p>{label('signIn.landing.address')}</p>
          <button type="button" className="button" onClick={() => setStep('employerPage')}>
            {label('signIn.landing.employer')}
          </button>
        </section>
      )}
      {step === 'employerPage' && (
        <section data-screen="employerPage">
          <h1>{label('signIn.employerPage.title')}</h1>
          <button type="button" className="button" onClick={() => setStep('signIn')}>
            {label('signIn.employerPage.introduceRequest')}
          </button>
        </section>
      )}
      {step === 'signIn' && (
        <section data-screen="signIn">
          <h1>{label('signIn.signIn.title')}</h1>
          <p>{label('signIn.signIn.digitalKey')}</p>
          <button type="button" className="button" onClick={go}>
            {t('signInWithKey')}
          </button>
        </section>
      )}
    </Layout>
  );
}

const REPLAYED = ['EMPLOYER', 'INTRODUCE_REQUEST', 'SIGN_IN'] as const;

function SignInJourney({ token, niss }: { token: string; niss: string }) {
  const session = useSession();
  const slot = `signIn.${niss}`;
  const journey = useJourney({ machine: 'signIn', token, slot });
  const { view } = journey;

  // Back from the digital key: the steps already taken before it, one at a time, each only if allowed.
  useEffect(() => {
    if (!view || journey.busy || journey.error || sessionStorage.getItem(INTENT) !== 'signIn') return;
    const next = REPLAYED.find((type) => allows(view, type));
    if (!next) {
      sessionStorage.removeItem(INTENT);
      return;
    }
    void journey.send(next);
  }, [view, journey]);

  // A token the service no longer accepts (expired): the person signs in again with the digital key.
  const refusedToken = journey.error?.status === 401;
  useEffect(() => {
    if (refusedToken) session.signOut('identity');
  }, [refusedToken]);

  // The journey ended signed in: act with the token it handed, and open the overview.
  useEffect(() => {
    if (!view) return;
    if (view.actingToken) {
      session.act(view.actingToken);
      forgetJourney(slot);
      navigate('/breakatwork/overview', { replace: true });
    } else if (view.status === 'done' && view.state === 'signedIn') {
      // Signed in earlier (a reload after the end): the token was handed once; sign in again.
      journey.restart();
    }
  }, [view]);

  return (
    <Layout app="Break@Work" account="person">
      <JourneyPage journey={journey} screens={[signInScreens]} fieldOf={{ UNKNOWN_ORGANISATION: 'enterprise' }} />
    </Layout>
  );
}
