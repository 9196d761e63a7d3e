/** Area "backoffice" of the application: its pages under /backoffice (see App.tsx). */
import { GenericArea } from '../GenericArea';

export function BackofficeApp() {
  return <GenericArea area="backoffice" />;
}
