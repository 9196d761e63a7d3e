/**
 * Area "axess": access management (guide, step 1) at /axess. One journey `accessManagement` per
 * signed-in person (slot `accessManagement.<niss>`), so a reload or a restart of the service comes
 * back to the same screen. Each screen code the machine publishes has its component here; the help
 * and sign-out ways out are offered wherever the machine takes them.
 */
import { useEffect } from 'react';
import { Layout } from '../../components/Layout';
import { useLabel, useStrings } from '../../i18n';
import { JourneyPage } from '../../journey/JourneyPage';
import { allows, type ScreenTable } from '../../journey/screens';
import { useJourney, type JourneyHandle } from '../../journey/useJourney';
import { signInHere } from '../DigitalKey';
import { useSession } from '../../session';
import { common } from '../../strings';
import { EmployerPageScreen, HomeScreen, NoOrganisationScreen, OrganisationChoiceScreen, SignInScreen } from './screens/Entry';
import { ExpiredScreen, HelpScreen, SignedOutScreen } from './screens/Help';
import { MemberAddScreen } from './screens/MemberAdd';
import { MemberEditScreen } from './screens/MemberEdit';
import { MemberListScreen } from './screens/MemberList';
import { axessWords } from './strings';

const screens: ScreenTable = {
  'accessManagement.employerPage': EmployerPageScreen,
  'accessManagement.signIn': SignInScreen,
  'accessManagement.organisationChoice': OrganisationChoiceScreen,
  'accessManagement.noOrganisation': NoOrganisationScreen,
  'accessManagement.home': HomeScreen,
  'accessManagement.memberList': MemberListScreen,
  'accessManagement.memberEdit': MemberEditScreen,
  'accessManagement.memberAdd': MemberAddScreen,
  'accessManagement.help': HelpScreen,
  'accessManagement.signedOut': SignedOutScreen,
  'accessManagement.expired': ExpiredScreen,
};

/** Refusals of the activities that name no field: the field they are about. */
const fieldOf = { DUPLICATE_MEMBER: 'niss' } as const;

export function AxessApp() {
  const t = useStrings(axessWords);
  const c = useStrings(common);
  const { identity } = useSession();
  // Not signed in: the digital key first, then back here. After this commit's effects (the router
  // subscribes in its own effect, which runs after this child's), so that the router sees the move.
  useEffect(() => {
    if (identity) return;
    const timer = setTimeout(signInHere, 0);
    return () => clearTimeout(timer);
  }, [identity]);
  return (
    <Layout app={t('app')} account="person">
      {identity ? <AxessJourney token={identity.token} niss={identity.niss} /> : <p>{c('signInFirst')}</p>}
    </Layout>
  );
}

function AxessJourney({ token, niss }: { token: string; niss: string }) {
  const journey = useJourney({ machine: 'accessManagement', token, slot: `accessManagement.${niss}` });
  return (
    <>
      <JourneyPage journey={journey} screens={[screens]} fieldOf={fieldOf} />
      <WaysOut journey={journey} />
    </>
  );
}

/** "Besoin d'aide ?" and leaving Axess, below any screen that takes them. */
function WaysOut({ journey }: { journey: JourneyHandle }) {
  const t = useStrings(axessWords);
  const label = useLabel();
  const { view } = journey;
  if (!view) return null;
  const help = allows(view, 'HELP');
  const signOut = allows(view, 'SIGN_OUT');
  if (!help && !signOut) return null;
  return (
    <div className="actions axess-ways-out">
      {help && (
        <button type="button" className="link-button" disabled={journey.busy} onClick={() => void journey.send('HELP')}>
          {label('accessManagement.help.title')}
        </button>
      )}
      {signOut && (
        <button type="button" className="link-button" disabled={journey.busy} onClick={() => void journey.send('SIGN_OUT')}>
          {t('signOutAxess')}
        </button>
      )}
    </div>
  );
}
