/**
 * The frame of every Break@Work page once acting for an employer: the enterprise bar and the left menu
 * of the guide ("Introduire une nouvelle demande", the overview). `onNewRequest` lets the request page
 * turn the menu's entry into the journey's own event on the screen that asks for it ("Une fois le
 * travailleur sélectionné, cliquez dans le menu à gauche sur « Introduire une nouvelle demande »").
 */
import type { MouseEvent, ReactNode } from 'react';
import { Layout } from '../../components/Layout';
import { useStrings } from '../../i18n';
import { Link, useLocation } from '../../router';
import { words } from './strings';

export function BawLayout({ children, onNewRequest, current }: { children: ReactNode; onNewRequest?: () => void; current?: 'overview' | 'new' }) {
  const t = useStrings(words);
  const { path } = useLocation();
  const here = current ?? (path.startsWith('/breakatwork/requests') ? 'new' : 'overview');
  const newRequest = (e: MouseEvent<HTMLAnchorElement>) => {
    if (!onNewRequest) return;
    e.preventDefault();
    onNewRequest();
  };
  const menu = (
    <ul>
      <li>
        <Link to="/breakatwork/requests/new" aria-current={here === 'new' ? 'page' : undefined} {...(onNewRequest ? { onClick: newRequest } : {})}>
          {t('newRequest')}
        </Link>
      </li>
      <li>
        <Link to="/breakatwork/overview" aria-current={here === 'overview' ? 'page' : undefined}>
          {t('overview')}
        </Link>
      </li>
    </ul>
  );
  return (
    <Layout app="Break@Work" account="person" menu={menu}>
      {children}
    </Layout>
  );
}
