/** workerPart.expired: the screen was left too long; the worker signs in again and starts over. */
import { useLabel, useStrings } from '../../../i18n';
import type { ScreenProps } from '../../../journey/screens';
import { common } from '../../../strings';
import { signInHere } from '../../DigitalKey';

export function Expired({ journey }: ScreenProps) {
  const label = useLabel();
  const t = useStrings(common);
  return (
    <section data-screen="expired">
      <h1>{label('workerPart.expired.title')}</h1>
      <button
        type="button"
        className="button"
        onClick={() => {
          journey.restart();
          signInHere();
        }}
      >
        {t('signIn')}
      </button>
    </section>
  );
}
