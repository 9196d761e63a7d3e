/** Pieces shared by the request journey's screens: its published context, the buttons of its events, the summary of the worker. */
import { useState } from 'react';
import { formatEnterprise, formatNiss } from '../../../components/Layout';
import { useLabel, useStrings } from '../../../i18n';
import { allows, type ScreenProps } from '../../../journey/screens';
import { useTerm } from '../../../components/terms';
import { words } from '../strings';

export interface Choice {
  code: string;
  label: string;
}
export interface RequestView {
  acting: { enterprise: string; mode: 'PO' | 'OWN_COMPANY'; enterpriseName: string };
  requestStatus: string;
  statusReason: string | null;
  ticket: string | null;
  issuedAt: string | null;
  selection: { community: string | null; school: string | null; niss: string; status: string; email: string | null } | null;
  community: string | null;
  school: { number: string; name: string } | null;
  worker: { niss: string; lastName: string; firstName: string } | null;
  workerStatus: string | null;
  email: string | null;
  workerNotified: boolean | null;
  leave: string | null;
  form: string | null;
  questionDefaults: { level: string | null; before: number | null; multipleEmployers: boolean } | null;
  answers: {
    level: string;
    before: number;
    during: number;
    start: string | null;
    end: string | null;
    multipleEmployers: boolean;
    interruptsAllEmployers: boolean | null;
  } | null;
  derived: { fullLoad: number; givenUp: number; fraction: number; formFraction: number | null; occupationDeclarationRequired: boolean } | null;
  warnings: { code: string; message: string }[];
  choices: {
    communities?: Choice[];
    workerStatuses?: Choice[];
    leaves?: (Choice & { forms: (Choice & { requiresEmployerAgreement: boolean })[] })[];
    educationLevels?: (Choice & { fullLoad: number })[];
  };
}

/** A button for one of the journey's events, drawn only when the screen allows it. */
export function EventButton({
  view,
  journey,
  type,
  text,
  kind = '',
  payload,
  onDone,
}: Pick<ScreenProps, 'view' | 'journey'> & { type: string; text: string; kind?: string; payload?: Record<string, unknown>; onDone?: () => void }) {
  if (!allows(view, type)) return null;
  const click = async () => {
    if (await journey.send(type, payload)) onDone?.();
  };
  return (
    <button type="button" className={`button ${kind}`.trim()} disabled={journey.busy} onClick={() => void click()}>
      {text}
    </button>
  );
}

/** "Abandonner la demande", asked twice: a draft given up cannot be taken back. */
export function AbandonButton({ view, journey, labelKey, onDone }: Pick<ScreenProps, 'view' | 'journey'> & { labelKey: string; onDone?: () => void }) {
  const label = useLabel();
  const t = useStrings(words);
  const [asking, setAsking] = useState(false);
  if (!allows(view, 'ABANDON')) return null;
  if (!asking)
    return (
      <button type="button" className="button secondary" onClick={() => setAsking(true)}>
        {label(labelKey)}
      </button>
    );
  return (
    <div className="warning-text" role="group" aria-label={label(labelKey)}>
      <p>{t('abandonConfirm')}</p>
      <EventButton view={view} journey={journey} type="ABANDON" text={t('abandonYes')} kind="warning" onDone={onDone} />
      <button type="button" className="button secondary" onClick={() => setAsking(false)}>
        {t('abandonNo')}
      </button>
    </div>
  );
}

/** Who the request is about, as selected. */
export function WorkerSummary({ context }: { context: RequestView }) {
  const t = useStrings(words);
  const term = useTerm();
  const { worker, school } = context;
  if (!worker) return null;
  return (
    <dl className="summary-list">
      <div>
        <dt>{t('selectedWorker')}</dt>
        <dd>
          {worker.firstName} {worker.lastName}
        </dd>
      </div>
      <div>
        <dt>{t('niss')}</dt>
        <dd>{formatNiss(worker.niss)}</dd>
      </div>
      {context.community && (
        <div>
          <dt>{t('community')}</dt>
          <dd>{term(context.community)}</dd>
        </div>
      )}
      {school && (
        <div>
          <dt>{t('school')}</dt>
          <dd>
            {school.name} ({formatEnterprise(school.number)})
          </dd>
        </div>
      )}
      <div>
        <dt>{t('workerStatus')}</dt>
        <dd>{term(context.workerStatus)}</dd>
      </div>
      {context.email && (
        <div>
          <dt>{t('email')}</dt>
          <dd>{context.email}</dd>
        </div>
      )}
    </dl>
  );
}
