/** The sign-in journey's screens (machine `signIn`), in the guide's words (labels of the machine). */
import { useState, type FormEvent } from 'react';
import { RadioField } from '../../../components/Fields';
import { formatEnterprise } from '../../../components/Layout';
import { useLabel, useStrings } from '../../../i18n';
import { allows, contextOf, type ScreenProps, type ScreenTable } from '../../../journey/screens';
import { Link } from '../../../router';
import { words } from '../strings';

interface Organisation {
  enterprise: string;
  name: string;
  permissions: string[];
}
interface SignInView {
  organisations: Organisation[];
  organisation: Organisation | null;
  mode: 'PO' | 'OWN_COMPANY' | null;
  next: 'accessManagement' | null;
}

function EventButton({ view, journey, type, text, kind = '' }: Pick<ScreenProps, 'view' | 'journey'> & { type: string; text: string; kind?: string }) {
  if (!allows(view, type)) return null;
  return (
    <button type="button" className={`button ${kind}`.trim()} disabled={journey.busy} onClick={() => void journey.send(type)}>
      {text}
    </button>
  );
}

function Landing({ view, journey }: ScreenProps) {
  const label = useLabel();
  return (
    <section>
      <h1>{label('signIn.landing.title')}</h1>
      <p>{label('signIn.landing.address')}</p>
      <EventButton view={view} journey={journey} type="EMPLOYER" text={label('signIn.landing.employer')} />
    </section>
  );
}

function EmployerPage({ view, journey }: ScreenProps) {
  const label = useLabel();
  return (
    <section>
      <h1>{label('signIn.employerPage.title')}</h1>
      <EventButton view={view} journey={journey} type="INTRODUCE_REQUEST" text={label('signIn.employerPage.introduceRequest')} />
    </section>
  );
}

function SignInScreen({ view, journey }: ScreenProps) {
  const label = useLabel();
  const t = useStrings(words);
  return (
    <section>
      <h1>{label('signIn.signIn.title')}</h1>
      <p>{label('signIn.signIn.digitalKey')}</p>
      <EventButton view={view} journey={journey} type="SIGN_IN" text={t('signInWithKey')} />
    </section>
  );
}

function OrganisationChoice({ view, journey, fieldErrors }: ScreenProps) {
  const label = useLabel();
  const t = useStrings(words);
  const { organisations } = contextOf<SignInView>(view);
  const [chosen, setChosen] = useState(organisations.length === 1 ? organisations[0]!.enterprise : '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void journey.send('CHOOSE_ORGANISATION', { enterprise: chosen });
  };
  return (
    <section>
      <h1>{label('signIn.organisationChoice.title')}</h1>
      <form onSubmit={submit} noValidate>
        <RadioField
          name="enterprise"
          label={label('signIn.organisationChoice.instruction')}
          error={fieldErrors.enterprise}
          value={chosen}
          onChange={setChosen}
          options={organisations.map((o) => ({ value: o.enterprise, label: o.name, hint: formatEnterprise(o.enterprise) }))}
        />
        {allows(view, 'CHOOSE_ORGANISATION') && (
          <button type="submit" className="button" disabled={journey.busy || !chosen}>
            {t('continue')}
          </button>
        )}
      </form>
    </section>
  );
}

function ActingChoice({ view, journey, fieldErrors }: ScreenProps) {
  const label = useLabel();
  const t = useStrings(words);
  const { organisation } = contextOf<SignInView>(view);
  const [mode, setMode] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void journey.send('CHOOSE_ACTING_MODE', { mode });
  };
  return (
    <section>
      <h1>{label('signIn.actingChoice.title')}</h1>
      {organisation && (
        <p>
          {organisation.name} — {formatEnterprise(organisation.enterprise)}
        </p>
      )}
      <form onSubmit={submit} noValidate>
        <RadioField
          name="mode"
          label={label('signIn.actingChoice.explanation')}
          error={fieldErrors.mode}
          value={mode}
          onChange={setMode}
          options={[
            { value: 'PO', label: label('signIn.actingChoice.asPo') },
            { value: 'OWN_COMPANY', label: label('signIn.actingChoice.ownCompany') },
          ]}
        />
        {allows(view, 'CHOOSE_ACTING_MODE') && (
          <button type="submit" className="button" disabled={journey.busy || !mode}>
            {t('continue')}
          </button>
        )}
      </form>
    </section>
  );
}

function ActingConfirmation({ view, journey }: ScreenProps) {
  const label = useLabel();
  const { organisation, mode } = contextOf<SignInView>(view);
  return (
    <section>
      <h1>{label('signIn.actingConfirmation.title')}</h1>
      <dl className="summary-list">
        {organisation && (
          <div>
            <dt>{organisation.name}</dt>
            <dd>{formatEnterprise(organisation.enterprise)}</dd>
          </div>
        )}
      </dl>
      <p className="notice">{mode === 'PO' ? label('signIn.actingChoice.asPo') : label('signIn.actingChoice.ownCompany')}</p>
      <div className="actions">
        <EventButton view={view} journey={journey} type="CONFIRM_ACTING_MODE" text={label('signIn.actingConfirmation.confirm')} />
        <EventButton view={view} journey={journey} type="BACK" text={label('signIn.actingConfirmation.back')} kind="secondary" />
      </div>
    </section>
  );
}

function Refused({ view, journey }: ScreenProps) {
  const label = useLabel();
  const t = useStrings(words);
  const { next } = contextOf<SignInView>(view);
  return (
    <section>
      <h1>{label('signIn.refused.title')}</h1>
      <p>{label('signIn.refused.explanation')}</p>
      {next === 'accessManagement' && (
        <div className="notice">
          <p>{label('signIn.refused.accessManagement')}</p>
          <Link to="/axess">{t('accessManagement')}</Link>
        </div>
      )}
      <EventButton view={view} journey={journey} type="CHOOSE_OTHER_ORGANISATION" text={label('signIn.refused.chooseOtherOrganisation')} kind="secondary" />
    </section>
  );
}

function Ended({ view }: ScreenProps) {
  const label = useLabel();
  return (
    <section>
      <h1>{label(view.labels[0] ?? `signIn.${view.screen}.title`)}</h1>
    </section>
  );
}

export const signInScreens: ScreenTable = {
  'signIn.landing': Landing,
  'signIn.employerPage': EmployerPage,
  'signIn.signIn': SignInScreen,
  'signIn.organisationChoice': OrganisationChoice,
  'signIn.actingChoice': ActingChoice,
  'signIn.actingConfirmation': ActingConfirmation,
  'signIn.refused': Refused,
  'signIn.signedIn': Ended,
  'signIn.expired': Ended,
};
