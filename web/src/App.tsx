/** The pages by path. Each area (access management, Break@Work, worker, back-office, developers) routes its own sub-paths. */
import { Layout } from './components/Layout';
import { useStrings } from './i18n';
import { AxessApp } from './pages/axess/AxessApp';
import { BackofficeApp } from './pages/backoffice/BackofficeApp';
import { BreakAtWorkApp } from './pages/breakatwork/BreakAtWorkApp';
import { DevApp } from './pages/dev/DevApp';
import { DigitalKeyPage } from './pages/DigitalKey';
import { AuthCallbackPage } from './pages/ProviderSignIn';
import { HomePage } from './pages/Home';
import { WorkerApp } from './pages/worker/WorkerApp';
import { Link, useLocation } from './router';
import { common } from './strings';

const areas = [
  { prefix: '/axess', Area: AxessApp },
  { prefix: '/breakatwork', Area: BreakAtWorkApp },
  { prefix: '/worker', Area: WorkerApp },
  { prefix: '/backoffice', Area: BackofficeApp },
  { prefix: '/dev', Area: DevApp },
];

export function App() {
  const { path } = useLocation();
  if (path === '/') return <HomePage />;
  if (path === '/key') return <DigitalKeyPage />;
  if (path === '/auth/callback') return <AuthCallbackPage />;
  const area = areas.find((a) => path === a.prefix || path.startsWith(`${a.prefix}/`));
  if (area) return <area.Area />;
  return <NotFound />;
}

function NotFound() {
  const t = useStrings(common);
  return (
    <Layout app="Break@Work">
      <h1>{t('notFound')}</h1>
      <Link to="/">{t('home')}</Link>
    </Layout>
  );
}
