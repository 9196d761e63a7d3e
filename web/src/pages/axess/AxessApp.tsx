/** Area "axess" of the application: its pages under /axess (see App.tsx). */
import { GenericArea } from '../GenericArea';

export function AxessApp() {
  return <GenericArea area="axess" />;
}
