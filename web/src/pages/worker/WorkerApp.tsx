/** Area "worker" of the application: its pages under /worker (see App.tsx). */
import { GenericArea } from '../GenericArea';

export function WorkerApp() {
  return <GenericArea area="worker" />;
}
