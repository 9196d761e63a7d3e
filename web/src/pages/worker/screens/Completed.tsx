/** workerPart.completed: the part is done; the request is now in processing at ONEM (its status and reason). */
import { useTerm } from '../../../components/terms';
import { useLabel, useStrings } from '../../../i18n';
import { contextOf, type ScreenProps } from '../../../journey/screens';
import { workerWords } from '../words';
import type { WorkerPartView } from './types';

export function Completed({ view }: ScreenProps) {
  const label = useLabel();
  const w = useStrings(workerWords);
  const term = useTerm();
  const { ticket, requestStatus, statusReason } = contextOf<WorkerPartView>(view);
  return (
    <section data-screen="completed">
      <h1>{label('workerPart.completed.title')}</h1>
      <p>{label('workerPart.completed.status')}</p>
      <dl className="summary-list">
        <div>
          <dt>{label('workerPart.completed.ticket')}</dt>
          <dd>
            <span className="ticket">{ticket}</span>
          </dd>
        </div>
        <div>
          <dt>{label('workerPart.requestChoice.status')}</dt>
          <dd>
            <span className="status">{term(requestStatus)}</span>
          </dd>
        </div>
        {statusReason && (
          <div>
            <dt>{w('statusReason')}</dt>
            <dd>{statusReason}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
