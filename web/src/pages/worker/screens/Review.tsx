/**
 * workerPart.review: what the employer declared, as the worker checks it, then the "all correct" box and
 * "Confirmer". The box is sent as ticked or not: an unticked box is refused by the machine's rule, whose
 * message shows beside it. The worker cannot change what was declared: only the employer can.
 */
import { CheckboxField } from '../../../components/Fields';
import { formatEnterprise } from '../../../components/Layout';
import { useTerm } from '../../../components/terms';
import { useFormat, useLabel, useStrings } from '../../../i18n';
import { allows, contextOf, type ScreenProps } from '../../../journey/screens';
import { useDraft } from '../../../journey/useDraft';
import { common } from '../../../strings';
import { workerWords } from '../words';
import type { WorkerPartView } from './types';

export function Review({ view, journey, fieldErrors, draftScope }: ScreenProps) {
  const label = useLabel();
  const t = useStrings(common);
  const w = useStrings(workerWords);
  const term = useTerm();
  const format = useFormat();
  const { request, ticket } = contextOf<WorkerPartView>(view);
  const [values, set, clear] = useDraft(draftScope, { allCorrect: false });
  const confirm = async () => {
    if (await journey.send('CONFIRM_WORKER_PART', { allCorrect: values.allCorrect })) clear();
  };
  const workload = request?.workload;
  const yesNo = (value: boolean | null | undefined) => (value === null || value === undefined ? w('unknown') : value ? t('yes') : t('no'));
  const rows: [string, React.ReactNode][] = request
    ? [
        [label('workerPart.requestChoice.ticket'), request.ticket],
        [label('workerPart.review.employer'), `${request.employer.name} — ${formatEnterprise(request.employer.enterprise)}`],
        [label('workerPart.review.school'), request.school ? `${request.school.name} — ${formatEnterprise(request.school.number)}` : '—'],
        [w('community'), term(request.community)],
        [label('workerPart.review.workerStatus'), term(request.workerStatus)],
        [label('workerPart.review.leave'), term(request.leave)],
        [label('workerPart.review.form'), term(request.form)],
        [label('workerPart.review.period'), w('periodValue', { start: format.date(request.start), end: format.date(request.end) })],
        ...(workload
          ? ([
              [w('level'), term(workload.level)],
              [label('workerPart.review.before'), format.number(workload.before)],
              [label('workerPart.review.during'), format.number(workload.during)],
              [label('workerPart.review.givenUp'), format.number(workload.givenUp)],
              [label('workerPart.review.multipleEmployers'), yesNo(workload.multipleEmployers)],
              ...(workload.multipleEmployers ? [[w('interruptsAllEmployers'), yesNo(workload.interruptsAllEmployers)] as [string, string]] : []),
            ] as [string, React.ReactNode][])
          : []),
        ...(request.email ? [[w('email'), request.email] as [string, string]] : []),
      ]
    : [];
  return (
    <section data-screen="review">
      <h1>{label('workerPart.review.title')}</h1>
      {request ? (
        <dl className="summary-list">
          {rows.map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>{ticket}</p>
      )}
      {request?.occupationDeclarationRequired && <p className="warning-text">{label('workerPart.review.occupationDeclaration')}</p>}
      <p className="notice">{label('workerPart.review.incorrect')}</p>
      {allows(view, 'CONFIRM_WORKER_PART') && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void confirm();
          }}
        >
          <CheckboxField name="allCorrect" label={label('workerPart.review.allCorrect')} error={fieldErrors.allCorrect} checked={values.allCorrect} onChange={(v) => set('allCorrect', v)} />
          <div className="actions">
            <button type="submit" className="button" disabled={journey.busy}>
              {label('workerPart.review.confirm')}
            </button>
            {allows(view, 'BACK') && (
              <button type="button" className="button secondary" disabled={journey.busy} onClick={() => void journey.send('BACK')}>
                {label('workerPart.review.back')}
              </button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
