/**
 * Area "dev" of the application: its pages under /dev. They are loaded on demand (a chunk of their own)
 * so that the statechart drawing costs nothing to the people who never open them.
 */
import { lazy, Suspense } from 'react';
import { Layout } from '../../components/Layout';
import { useStrings } from '../../i18n';
import { common } from '../../strings';

const DevPages = lazy(() => import('./DevPages'));

export function DevApp() {
  return (
    <Suspense fallback={<Loading />}>
      <DevPages />
    </Suspense>
  );
}

function Loading() {
  const t = useStrings(common);
  return (
    <Layout app="Break@Work">
      <p role="status">{t('loading')}</p>
    </Layout>
  );
}
