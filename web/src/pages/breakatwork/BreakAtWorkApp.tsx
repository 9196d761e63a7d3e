/** Area "breakatwork" of the application: its pages under /breakatwork (see App.tsx). */
import { GenericArea } from '../GenericArea';

export function BreakAtWorkApp() {
  return <GenericArea area="breakatwork" />;
}
