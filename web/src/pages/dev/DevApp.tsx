/** Area "dev" of the application: its pages under /dev (see App.tsx). */
import { GenericArea } from '../GenericArea';

export function DevApp() {
  return <GenericArea area="dev" />;
}
