/**
 * The request journey's screens (machine `request`, guide step 3), one component per screen code. The
 * option lists come from `context.choices` (already in the user's language); what the user types is
 * kept by useDraft until the screen's event is accepted; a button exists only for an allowed event.
 */
import type { FormEvent } from 'react';
import { CheckboxField, RadioField, SelectField, TextField } from '../../../components/Fields';
import { formatNiss } from '../../../components/Layout';
import { useFormat, useLabel, useLanguage, useStrings } from '../../../i18n';
import { useDraft } from '../../../journey/useDraft';
import { allows, contextOf, type ScreenProps, type ScreenTable } from '../../../journey/screens';
import { Link } from '../../../router';
import { common } from '../../../strings';
import { useTerm } from '../../../components/terms';
import { words } from '../strings';
import { AbandonButton, EventButton, WorkerSummary, type RequestView } from './common';

/** Sends the screen's event; the draft is dropped once the journey took it. */
async function submit(journey: ScreenProps['journey'], type: string, payload: Record<string, unknown>, clear: () => void) {
  if (await journey.send(type, payload)) clear();
}

function WorkerSelection({ view, journey, fieldErrors, draftScope }: ScreenProps) {
  const label = useLabel();
  const t = useStrings(words);
  const context = contextOf<RequestView>(view);
  const previous = context.selection;
  const [values, set, clear] = useDraft(draftScope, {
    community: previous?.community ?? '',
    school: previous?.school ?? '',
    niss: previous ? formatNiss(previous.niss) : '',
    status: previous?.status ?? '',
    email: previous?.email ?? '',
  });
  const communities = context.choices.communities ?? [];
  const asPo = context.acting.mode === 'PO';
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const payload: Record<string, unknown> = { niss: values.niss, status: values.status };
    if (asPo) {
      if (values.community) payload.community = values.community;
      if (values.school) payload.school = values.school;
    }
    if (values.email.trim()) payload.email = values.email;
    void submit(journey, 'SELECT_WORKER', payload, clear);
  };
  return (
    <section>
      <h1>{label('request.workerSelection.title')}</h1>
      <p>{label('request.workerSelection.instruction')}</p>
      <form onSubmit={onSubmit} noValidate>
        {asPo && communities.length > 0 && (
          <RadioField
            name="community"
            label={label('request.workerSelection.community')}
            error={fieldErrors.community}
            value={values.community}
            onChange={(v) => set('community', v)}
            options={communities.map((c) => ({ value: c.code, label: c.label }))}
          />
        )}
        {asPo && (
          <TextField
            name="school"
            label={label('request.workerSelection.school')}
            hint={t('schoolHint')}
            error={fieldErrors.school}
            value={values.school}
            inputMode="numeric"
            width="m"
            onChange={(v) => set('school', v)}
          />
        )}
        <div className="warning-text" id="dimona-warning">
          <strong>{label('request.workerSelection.dimonaWarning')}</strong>
        </div>
        <TextField
          name="niss"
          label={label('request.workerSelection.niss')}
          hint={t('nissHint')}
          error={fieldErrors.niss}
          value={values.niss}
          inputMode="numeric"
          width="m"
          onChange={(v) => set('niss', formatNiss(v))}
        />
        <RadioField
          name="status"
          label={label('request.workerSelection.status')}
          error={fieldErrors.status}
          value={values.status}
          onChange={(v) => set('status', v)}
          options={(context.choices.workerStatuses ?? []).map((c) => ({ value: c.code, label: c.label }))}
        />
        <TextField
          name="email"
          type="email"
          label={t('emailLabel')}
          hint={label('request.workerSelection.email')}
          error={fieldErrors.email}
          value={values.email}
          autoComplete="off"
          width="m"
          onChange={(v) => set('email', v)}
        />
        <div className="actions">
          {allows(view, 'SELECT_WORKER') && (
            <button type="submit" className="button" disabled={journey.busy}>
              {label('request.workerSelection.select')}
            </button>
          )}
          <AbandonButton view={view} journey={journey} labelKey="request.workerSelection.abandon" onDone={clear} />
        </div>
      </form>
    </section>
  );
}

function WorkerSelected({ view, journey }: ScreenProps) {
  const label = useLabel();
  const context = contextOf<RequestView>(view);
  return (
    <section>
      <h1>{label('request.workerSelected.title')}</h1>
      <WorkerSummary context={context} />
      <p>{label('request.workerSelected.instruction')}</p>
      <div className="actions">
        <EventButton view={view} journey={journey} type="START_REQUEST" text={label('request.workerSelected.newRequest')} />
        <EventButton view={view} journey={journey} type="BACK" text={label('request.workerSelected.otherWorker')} kind="secondary" />
        <AbandonButton view={view} journey={journey} labelKey="request.workerSelected.abandon" />
      </div>
    </section>
  );
}

function LeaveSelection({ view, journey, fieldErrors, draftScope }: ScreenProps) {
  const label = useLabel();
  const t = useStrings(words);
  const context = contextOf<RequestView>(view);
  const leaves = context.choices.leaves ?? [];
  const [values, set, clear] = useDraft(draftScope, { leave: context.leave ?? '', form: context.form ?? '' });
  const chosen = leaves.find((l) => l.code === values.leave);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit(journey, 'CHOOSE_LEAVE', { leave: values.leave, form: values.form }, clear);
  };
  return (
    <section>
      <h1>{label('request.leaveSelection.title')}</h1>
      <WorkerSummary context={context} />
      <form onSubmit={onSubmit} noValidate>
        <RadioField
          name="leave"
          label={label('request.leaveSelection.leave')}
          error={fieldErrors.leave}
          value={values.leave}
          onChange={(v) => {
            set('leave', v);
            // The forms differ per leave: a form of another leave no longer applies.
            if (!leaves.find((l) => l.code === v)?.forms.some((f) => f.code === values.form)) set('form', '');
          }}
          options={leaves.map((l) => ({ value: l.code, label: l.label }))}
        />
        {chosen && (
          <RadioField
            name="form"
            label={label('request.leaveSelection.form')}
            error={fieldErrors.form}
            value={values.form}
            onChange={(v) => set('form', v)}
            options={chosen.forms.map((f) => ({
              value: f.code,
              label: f.label,
              hint: f.requiresEmployerAgreement ? `${t('leaveAgreementNote')} ${label('request.leaveSelection.employerAgreement')}` : undefined,
            }))}
          />
        )}
        <div className="actions">
          {allows(view, 'CHOOSE_LEAVE') && (
            <button type="submit" className="button" disabled={journey.busy}>
              {label('request.leaveSelection.next')}
            </button>
          )}
          <EventButton view={view} journey={journey} type="BACK" text={label('request.leaveSelection.back')} kind="secondary" />
          <AbandonButton view={view} journey={journey} labelKey="request.leaveSelection.abandon" onDone={clear} />
        </div>
      </form>
    </section>
  );
}

function Questions({ view, journey, fieldErrors, draftScope }: ScreenProps) {
  const label = useLabel();
  const t = useStrings(words);
  const c = useStrings(common);
  const context = contextOf<RequestView>(view);
  const levels = context.choices.educationLevels ?? [];
  const answers = context.answers;
  const defaults = context.questionDefaults;
  const [values, set, clear] = useDraft(draftScope, {
    level: answers?.level ?? defaults?.level ?? '',
    before: String(answers?.before ?? defaults?.before ?? ''),
    during: answers ? String(answers.during) : '',
    start: answers?.start ?? '',
    end: answers?.end ?? '',
    multipleEmployers: answers?.multipleEmployers ?? defaults?.multipleEmployers ?? false,
    interruptsAllEmployers: answers?.interruptsAllEmployers === null || answers?.interruptsAllEmployers === undefined ? '' : String(answers.interruptsAllEmployers),
  });
  const before = Number(values.before);
  const during = Number(values.during);
  const givenUp = values.before.trim() !== '' && values.during.trim() !== '' && Number.isInteger(before) && Number.isInteger(during) && during <= before ? before - during : undefined;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const payload: Record<string, unknown> = {
      before: values.before.trim(),
      during: values.during.trim(),
      start: values.start,
      end: values.end,
      multipleEmployers: values.multipleEmployers,
    };
    if (values.level) payload.level = values.level;
    if (values.multipleEmployers && values.interruptsAllEmployers) payload.interruptsAllEmployers = values.interruptsAllEmployers === 'true';
    void submit(journey, 'ANSWER_QUESTIONS', payload, clear);
  };
  return (
    <section>
      <h1>{label('request.questions.title')}</h1>
      <p>{label('request.questions.instruction')}</p>
      <form onSubmit={onSubmit} noValidate>
        <p>{label('request.questions.workloadIntro')}</p>
        <div className="warning-text">
          <strong>{label('request.questions.periodsAdvice')}</strong>
        </div>
        <SelectField
          name="level"
          label={label('request.questions.level')}
          error={fieldErrors.level}
          value={values.level}
          empty=""
          onChange={(v) => set('level', v)}
          options={levels.map((l) => ({ value: l.code, label: `${l.label} (${l.fullLoad})` }))}
        />
        <TextField name="before" label={label('request.questions.before')} hint={t('periodsHint')} error={fieldErrors.before} value={values.before} inputMode="numeric" width="s" onChange={(v) => set('before', v)} />
        <TextField name="during" label={label('request.questions.during')} hint={t('periodsHint')} error={fieldErrors.during} value={values.during} inputMode="numeric" width="s" onChange={(v) => set('during', v)} />
        <dl className="summary-list" aria-live="polite">
          <div>
            <dt>{label('request.questions.givenUp')}</dt>
            <dd>{givenUp === undefined ? '—' : t('givenUpValue', { givenUp })}</dd>
          </div>
        </dl>
        <TextField name="start" type="date" label={label('request.questions.start')} error={fieldErrors.start} value={values.start} width="m" onChange={(v) => set('start', v)} />
        <TextField name="end" type="date" label={label('request.questions.end')} error={fieldErrors.end} value={values.end} width="m" onChange={(v) => set('end', v)} />
        <CheckboxField
          name="multipleEmployers"
          label={label('request.questions.multipleEmployers')}
          hint={label('request.questions.multipleEmployersHint')}
          error={fieldErrors.multipleEmployers}
          checked={values.multipleEmployers}
          onChange={(v) => set('multipleEmployers', v)}
        />
        {values.multipleEmployers && (
          <>
            <RadioField
              name="interruptsAllEmployers"
              label={t('interruptsAllEmployers')}
              hint={label('request.questions.interruptsAllEmployers')}
              error={fieldErrors.interruptsAllEmployers}
              value={values.interruptsAllEmployers}
              onChange={(v) => set('interruptsAllEmployers', v)}
              options={[
                { value: 'true', label: c('yes') },
                { value: 'false', label: c('no') },
              ]}
            />
            <p className="notice">{label('request.questions.occupationDeclaration')}</p>
          </>
        )}
        <div className="actions">
          {allows(view, 'ANSWER_QUESTIONS') && (
            <button type="submit" className="button" disabled={journey.busy}>
              {label('request.questions.next')}
            </button>
          )}
          <EventButton view={view} journey={journey} type="BACK" text={label('request.questions.back')} kind="secondary" />
          <AbandonButton view={view} journey={journey} labelKey="request.questions.abandon" onDone={clear} />
        </div>
      </form>
    </section>
  );
}

function percent(fraction: number | null | undefined, locale: string): string {
  return fraction === null || fraction === undefined ? '—' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}

function Confirmation({ view, journey, fieldErrors, draftScope }: ScreenProps) {
  const label = useLabel();
  const t = useStrings(words);
  const c = useStrings(common);
  const term = useTerm();
  const format = useFormat();
  const context = contextOf<RequestView>(view);
  const { answers, derived, warnings } = context;
  const [values, set, clear] = useDraft(draftScope, { allCorrect: false });
  const { locale } = useLanguage();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit(journey, 'CONFIRM', { allCorrect: values.allCorrect }, clear);
  };
  const rows: [string, string][] = [
    [t('leave'), term(context.leave)],
    [t('form'), term(context.form)],
    ...(answers
      ? ([
          [label('request.questions.level'), term(answers.level)],
          [label('request.questions.before'), format.number(answers.before)],
          [label('request.questions.during'), format.number(answers.during)],
          [label('request.confirmation.givenUp'), format.number(derived?.givenUp)],
          [
            label('request.confirmation.fraction'),
            derived ? `${percent(derived.fraction, locale)}${derived.formFraction !== null ? ` (${t('formFraction', { fraction: percent(derived.formFraction, locale) })})` : ''}` : '—',
          ],
          [label('request.questions.start'), format.date(answers.start)],
          [label('request.questions.end'), format.date(answers.end)],
          [label('request.questions.multipleEmployers'), answers.multipleEmployers ? c('yes') : c('no')],
        ] as [string, string][])
      : []),
  ];
  return (
    <section>
      <h1>{label('request.confirmation.title')}</h1>
      <p>{label('request.confirmation.instruction')}</p>
      <WorkerSummary context={context} />
      <dl className="summary-list">
        {rows.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {derived?.occupationDeclarationRequired && <p className="notice">{label('request.confirmation.occupationDeclaration')}</p>}
      {warnings.length > 0 && (
        <div className="warning-text" role="note">
          <h2>{label('request.confirmation.warnings')}</h2>
          <ul>
            {warnings.map((w) => (
              <li key={w.code}>{w.message}</li>
            ))}
          </ul>
        </div>
      )}
      <form onSubmit={onSubmit} noValidate>
        <CheckboxField name="allCorrect" label={label('request.confirmation.allCorrect')} error={fieldErrors.allCorrect} checked={values.allCorrect} onChange={(v) => set('allCorrect', v)} />
        <div className="actions">
          {allows(view, 'CONFIRM') && (
            <button type="submit" className="button" disabled={journey.busy}>
              {label('request.confirmation.confirm')}
            </button>
          )}
          <EventButton view={view} journey={journey} type="BACK" text={label('request.confirmation.back')} kind="secondary" />
          <AbandonButton view={view} journey={journey} labelKey="request.confirmation.abandon" onDone={clear} />
        </div>
      </form>
    </section>
  );
}

function Ticket({ ticket, labelKey }: { ticket: string | null; labelKey: string }) {
  const label = useLabel();
  if (!ticket) return null;
  return (
    <div className="panel">
      <p>{label(labelKey)}</p>
      <p className="ticket" data-testid="ticket">
        {ticket}
      </p>
    </div>
  );
}

function AwaitingWorker({ view, journey, fieldErrors, draftScope }: ScreenProps) {
  const label = useLabel();
  const t = useStrings(words);
  const context = contextOf<RequestView>(view);
  const [values, set, clear] = useDraft(draftScope, { reason: '' });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit(journey, 'WITHDRAW', { reason: values.reason }, clear);
  };
  return (
    <section>
      <h1>{label('request.awaitingWorker.title')}</h1>
      <Ticket ticket={context.ticket} labelKey="request.awaitingWorker.ticket" />
      <p>{label('request.awaitingWorker.ticketHint')}</p>
      <WorkerSummary context={context} />
      <h2>{t('whatNext')}</h2>
      <p>{t('whatNextWorker')}</p>
      {context.workerNotified && <p>{t('workerNotified')}</p>}
      <p>{t('whatNextOnem')}</p>
      <p>
        <Link to="/breakatwork/overview">{t('backToOverview')}</Link>
      </p>
      {allows(view, 'WITHDRAW') && (
        <form onSubmit={onSubmit} noValidate className="panel">
          <h2>{label('request.awaitingWorker.withdraw')}</h2>
          <TextField name="reason" label={t('withdrawReason')} error={fieldErrors.reason} value={values.reason} onChange={(v) => set('reason', v)} />
          <button type="submit" className="button warning" disabled={journey.busy}>
            {label('request.awaitingWorker.withdraw')}
          </button>
        </form>
      )}
    </section>
  );
}

/** The later statuses (in processing, decided, withdrawn, expired, blocked): a plain notice. */
function StatusNotice({ view }: ScreenProps) {
  const label = useLabel();
  const t = useStrings(words);
  const term = useTerm();
  const context = contextOf<RequestView>(view);
  const [title, ...rest] = view.labels;
  return (
    <section>
      <h1>{label(title ?? `request.${view.screen}.title`)}</h1>
      {rest
        .filter((key) => key.endsWith('.ticketHint') || key.endsWith('.explanation'))
        .map((key) => (
          <p key={key}>{label(key)}</p>
        ))}
      <Ticket ticket={context.ticket} labelKey={`request.${view.screen}.ticket`} />
      <div className="notice" role="status">
        <p>{t('statusNotice', { status: term(context.requestStatus) })}</p>
        {context.statusReason && <p>{t('statusReason', { reason: context.statusReason })}</p>}
      </div>
      <WorkerSummary context={context} />
      <p>
        <Link to="/breakatwork/overview">{t('backToOverview')}</Link>
      </p>
    </section>
  );
}

function Busy() {
  const c = useStrings(common);
  return <p aria-live="polite">{c('loading')}</p>;
}

export const requestScreens: ScreenTable = {
  'request.workerSelection': WorkerSelection,
  'request.workerSelected': WorkerSelected,
  'request.leaveSelection': LeaveSelection,
  'request.questions': Questions,
  'request.confirmation': Confirmation,
  'request.awaitingWorker': AwaitingWorker,
  'request.inProcessing': StatusNotice,
  'request.accepted': StatusNotice,
  'request.refused': StatusNotice,
  'request.withdrawn': StatusNotice,
  'request.expired': StatusNotice,
  'request.recordBlocked': StatusNotice,
  'request.busy': Busy,
};

/** Refusals the journey's checks give without a field path, by the field they are about. */
export const requestFieldOf = {
  SELECTION_INCOMPLETE: 'community',
  UNKNOWN_SCHOOL: 'school',
  SCHOOL_OF_ANOTHER_PO: 'school',
  SCHOOL_IN_OTHER_COMMUNITY: 'school',
  UNKNOWN_WORKER: 'niss',
  WORKER_NOT_REGISTERED_IN_COMMUNITY: 'niss',
  WORKER_NOT_OCCUPIED_IN_SCHOOL: 'niss',
  NOT_OWN_STAFF: 'niss',
  LEAVE_NOT_OPEN_IN_COMMUNITY: 'leave',
  LEAVE_FORM_NOT_ALLOWED: 'form',
  EDUCATION_LEVEL_MISSING: 'level',
  WORKLOAD_ABOVE_FULL_LOAD: 'before',
  WORKLOAD_ORDER: 'during',
  DATES_ORDER: 'end',
  PERIOD_TOO_SHORT: 'end',
  PERIOD_TOO_LONG: 'end',
  PERIOD_BLOCK: 'end',
  PERIOD_ABOVE_TOTAL_MAXIMUM: 'end',
  WORKER_TOO_YOUNG: 'start',
  REQUEST_PERIOD_OVERLAP: 'start',
  CAREER_MAXIMUM_EXCEEDED: 'start',
  LEAVE_MAXIMUM_EXCEEDED: 'start',
  INTERRUPTED_EMPLOYERS_MISSING: 'interruptsAllEmployers',
  ALL_CORRECT_REQUIRED: 'allCorrect',
  EMAIL_FORMAT: 'email',
} as const;
