/** Placeholder of an area whose pages are not built yet: says so plainly rather than showing nothing. */
import { Layout } from '../components/Layout';

export function GenericArea({ area }: { area: string }) {
  return (
    <Layout app="Break@Work">
      <h1>{area}</h1>
    </Layout>
  );
}
