/**
 * The back-office console (/backoffice): ONEM agents search every PO's requests, open one
 * (/backoffice/requests/<ticket>) to read its audit trail and move it — only by the events its machine
 * takes now — and see the journeys that wait for an operator. A back-office token is required.
 */
import { useEffect } from 'react';
import { Layout } from '../../components/Layout';
import { useStrings } from '../../i18n';
import { Link, match, useLocation } from '../../router';
import { useSession } from '../../session';
import { common } from '../../strings';
import { signInHere } from '../DigitalKey';
import { ConsolePage } from './ConsolePage';
import { RequestPage } from './RequestPage';
import { UNAUTHORISED } from './search';
import { backofficeWords } from './words';

export function BackofficeApp() {
  const session = useSession();
  const w = useStrings(backofficeWords);
  const { path } = useLocation();
  const agent = session.backoffice;
  const opened = match('/backoffice/requests/:ticket', path);
  const menu = agent && (
    <ul>
      <li>
        <Link to="/backoffice" aria-current={opened ? undefined : 'page'}>
          {w('menuSearch')}
        </Link>
      </li>
    </ul>
  );
  // A token the service no longer accepts (expired, revoked): the agent signs in again.
  const onUnauthorised = session.signOut;
  useEffect(() => {
    const expired = () => onUnauthorised('backoffice');
    window.addEventListener(UNAUTHORISED, expired);
    return () => window.removeEventListener(UNAUTHORISED, expired);
  }, [onUnauthorised]);
  let content;
  if (!agent) content = <SignInFirst />;
  else if (opened?.ticket) content = <RequestPage key={opened.ticket} token={agent.token} ticket={opened.ticket} />;
  else if (path === '/backoffice' || path === '/backoffice/') content = <ConsolePage token={agent.token} />;
  else content = <NotFound />;
  return (
    <Layout app={w('app')} account="backoffice" menu={menu}>
      {content}
    </Layout>
  );
}

function SignInFirst() {
  const t = useStrings(common);
  const w = useStrings(backofficeWords);
  return (
    <>
      <h1>{w('title')}</h1>
      <p>{w('signInText')}</p>
      <button type="button" className="button" onClick={signInHere}>
        {t('signIn')}
      </button>
    </>
  );
}

function NotFound() {
  const t = useStrings(common);
  return <h1>{t('notFound')}</h1>;
}
