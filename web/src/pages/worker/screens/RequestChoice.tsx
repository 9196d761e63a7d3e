/**
 * workerPart.requestChoice: the requests about the signed-in worker. Those that await their part can
 * be chosen; the others are shown read-only (their status), so the worker also follows them here.
 */
import { formatEnterprise } from '../../../components/Layout';
import { useTerm } from '../../../components/terms';
import { useFormat, useLabel, useStrings } from '../../../i18n';
import { allows, contextOf, type ScreenProps } from '../../../journey/screens';
import { workerWords } from '../words';
import type { ListedRequest, WorkerPartView } from './types';

export function RequestChoice({ view, journey }: ScreenProps) {
  const label = useLabel();
  const { requests } = contextOf<WorkerPartView>(view);
  const awaiting = requests.filter((r) => r.awaitsMyPart);
  const others = requests.filter((r) => !r.awaitsMyPart);
  const canChoose = allows(view, 'CHOOSE_REQUEST');
  return (
    <section data-screen="requestChoice">
      <h1>{label('workerPart.requestChoice.title')}</h1>
      <p>{label('workerPart.requestChoice.instruction')}</p>
      <h2 id="awaiting-title">{label('workerPart.requestChoice.awaiting')}</h2>
      {awaiting.length === 0 ? (
        <p className="notice">{label('workerPart.requestChoice.none')}</p>
      ) : (
        <RequestTable
          titleId="awaiting-title"
          requests={awaiting}
          action={
            canChoose
              ? (r) => (
                  <ChooseButton ticket={r.ticket} disabled={journey.busy} onChoose={() => void journey.send('CHOOSE_REQUEST', { ticket: r.ticket })} />
                )
              : undefined
          }
        />
      )}
      {others.length > 0 && (
        <>
          <h2 id="others-title">{label('workerPart.requestChoice.others')}</h2>
          <RequestTable titleId="others-title" requests={others} />
        </>
      )}
      {allows(view, 'RELOAD') && (
        <div className="actions">
          <button type="button" className="button secondary" disabled={journey.busy} onClick={() => void journey.send('RELOAD')}>
            {label('workerPart.requestChoice.reload')}
          </button>
        </div>
      )}
    </section>
  );
}

function ChooseButton({ ticket, disabled, onChoose }: { ticket: string; disabled: boolean; onChoose: () => void }) {
  const label = useLabel();
  const w = useStrings(workerWords);
  return (
    <button type="button" className="button" disabled={disabled} aria-label={w('chooseFor', { ticket })} onClick={onChoose}>
      {label('workerPart.requestChoice.choose')}
    </button>
  );
}

function RequestTable({ titleId, requests, action }: { titleId: string; requests: readonly ListedRequest[]; action?: (r: ListedRequest) => React.ReactNode }) {
  const label = useLabel();
  const w = useStrings(workerWords);
  const term = useTerm();
  const format = useFormat();
  return (
    // Positioned, so that the visually hidden header stays inside the scrolled box at phone width.
    <div className="table-wrap" role="region" aria-labelledby={titleId} tabIndex={0} style={{ position: 'relative' }}>
      <table aria-labelledby={titleId}>
        <thead>
          <tr>
            <th scope="col">{label('workerPart.requestChoice.ticket')}</th>
            <th scope="col">{label('workerPart.requestChoice.employer')}</th>
            <th scope="col">{w('leave')}</th>
            <th scope="col">{w('period')}</th>
            <th scope="col">{label('workerPart.requestChoice.status')}</th>
            {action && (
              <th scope="col">
                <span className="visually-hidden">{label('workerPart.requestChoice.choose')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {requests.map((r) => (
            <tr key={r.ticket} data-ticket={r.ticket}>
              <td>{r.ticket}</td>
              <td>
                {r.employer.name}
                <br />
                <span className="hint">{formatEnterprise(r.employer.enterprise)}</span>
              </td>
              <td>
                {term(r.leave)}
                {r.form && <span className="hint">{term(r.form)}</span>}
              </td>
              <td>{w('periodValue', { start: format.date(r.start), end: format.date(r.end) })}</td>
              <td>
                <span className="status">{term(r.status)}</span>
              </td>
              {action && <td>{action(r)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
