/**
 * "En cas de difficultés…" (guide, step 1): the contact form and the contact centre, then back to
 * where the person was; and the two ends of an Axess session (signed out, expired).
 */
import { useLabel } from '../../../i18n';
import { allows, type ScreenProps } from '../../../journey/screens';

export function HelpScreen({ view, journey }: ScreenProps) {
  const label = useLabel();
  const url = label('accessManagement.help.contactPageUrl');
  return (
    <section>
      <h1>{label('accessManagement.help.title')}</h1>
      <p>{label('accessManagement.help.explanation')}</p>
      <div className="cards axess-help">
        <div>
          <h2>{label('accessManagement.help.contactForm')}</h2>
          <p>
            <a href={url} rel="noopener noreferrer" target="_blank">
              {label('accessManagement.help.contactPage')}
            </a>
          </p>
        </div>
        <div>
          <h2>{label('accessManagement.help.contactCentre')}</h2>
          <p>
            <a href={url} rel="noopener noreferrer" target="_blank">
              {label('accessManagement.help.contactPage')}
            </a>
          </p>
        </div>
      </div>
      <div className="actions">
        {allows(view, 'BACK') && (
          <button type="button" className="button" disabled={journey.busy} onClick={() => void journey.send('BACK')}>
            {label('accessManagement.help.back')}
          </button>
        )}
      </div>
    </section>
  );
}

export function SignedOutScreen() {
  const label = useLabel();
  return <h1>{label('accessManagement.signedOut.title')}</h1>;
}

export function ExpiredScreen() {
  const label = useLabel();
  return <h1>{label('accessManagement.expired.title')}</h1>;
}
