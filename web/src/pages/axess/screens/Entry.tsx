/**
 * The way into Axess (guide, step 1): the employer page's "Gestion des accès", the CSAM sign-in, the
 * link under the organisation's name, then the home screen and its "Mes groupes".
 */
import { formatEnterprise } from '../../../components/Layout';
import { useLabel } from '../../../i18n';
import { allows, contextOf, type ScreenProps } from '../../../journey/screens';
import type { AxessContext } from '../strings';
import { useNames } from './common';

export function EmployerPageScreen({ view, journey }: ScreenProps) {
  const label = useLabel();
  return (
    <section>
      <h1>{label('accessManagement.employerPage.title')}</h1>
      {allows(view, 'OPEN_ACCESS_MANAGEMENT') && (
        <button type="button" className="button" disabled={journey.busy} onClick={() => void journey.send('OPEN_ACCESS_MANAGEMENT')}>
          {label('accessManagement.employerPage.openAccessManagement')}
        </button>
      )}
    </section>
  );
}

export function SignInScreen({ view, journey }: ScreenProps) {
  const label = useLabel();
  return (
    <section>
      <h1>{label('accessManagement.signIn.title')}</h1>
      {allows(view, 'SIGN_IN') && (
        <button type="button" className="button" disabled={journey.busy} onClick={() => void journey.send('SIGN_IN')}>
          {label('accessManagement.signIn.signIn')}
        </button>
      )}
    </section>
  );
}

export function OrganisationChoiceScreen({ view, journey }: ScreenProps) {
  const label = useLabel();
  const { t } = useNames();
  const { organisations } = contextOf<AxessContext>(view);
  return (
    <section>
      <h1>{label('accessManagement.organisationChoice.title')}</h1>
      <p>{label('accessManagement.organisationChoice.instruction')}</p>
      <ul className="cards">
        {organisations.map((o) => (
          <li key={o.enterprise}>
            <h2 className="card-title">{o.name}</h2>
            <p className="hint">{t('enterprise', { enterprise: formatEnterprise(o.enterprise) })}</p>
            {allows(view, 'CHOOSE_ORGANISATION') && (
              <button type="button" className="link-button" disabled={journey.busy} onClick={() => void journey.send('CHOOSE_ORGANISATION', { enterprise: o.enterprise })}>
                {t('openOrganisation', { name: o.name })}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function NoOrganisationScreen() {
  const label = useLabel();
  return (
    <section>
      <h1>{label('accessManagement.noOrganisation.title')}</h1>
      <p className="warning-text">{label('accessManagement.noOrganisation.explanation')}</p>
    </section>
  );
}

export function HomeScreen({ view, journey }: ScreenProps) {
  const label = useLabel();
  const names = useNames();
  const { organisations } = contextOf<AxessContext>(view);
  return (
    <section>
      <h1>{label('accessManagement.home.title')}</h1>
      <h2>{label('accessManagement.home.myGroups')}</h2>
      <p>{label('accessManagement.home.instruction')}</p>
      <ul className="cards">
        {organisations.map((o) => (
          <li key={o.enterprise}>
            {allows(view, 'CHOOSE_GROUP') ? (
              <button
                type="button"
                className="link-button card-title"
                disabled={journey.busy}
                aria-label={names.t('openGroup', { name: o.name })}
                onClick={() => void journey.send('CHOOSE_GROUP', { enterprise: o.enterprise })}
              >
                {o.name}
              </button>
            ) : (
              <span className="card-title">{o.name}</span>
            )}
            <p className="hint">{names.t('enterprise', { enterprise: formatEnterprise(o.enterprise) })}</p>
            <p className="hint">{names.t('yourRole', { role: names.role(o.role) })}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
