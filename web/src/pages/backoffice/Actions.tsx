/**
 * The back-office's actions on a request: one form per back-office event the journey takes now (its
 * `allowedEvents`), sent to POST /api/backoffice/requests/{ticket}/events with an Idempotency-Key kept
 * until the answer, so "try again" after a 503 cannot apply a decision twice. A refused field (an empty
 * reason) shows the rule's message beside it; what was typed stays.
 */
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, api, as, call, idempotencyKey, type JourneyView } from '../../api';
import { ErrorSummary } from '../../components/Errors';
import { RadioField, TextField } from '../../components/Fields';
import { useStrings } from '../../i18n';
import { allows } from '../../journey/screens';
import { useDraft } from '../../journey/useDraft';
import { common } from '../../strings';
import { asApiError, byField, shownErrors } from './ConsolePage';
import { backofficeWords } from './words';

type Pending = { type: string; payload: Record<string, unknown>; key: string };

export function Actions({ token, ticket, view, onDone }: { token: string; ticket: string; view: JourneyView; onDone: () => Promise<void> }) {
  const w = useStrings(backofficeWords);
  const c = useStrings(common);
  const [failure, setFailure] = useState<{ type: string; error: ApiError }>();
  const [busy, setBusy] = useState(false);
  const pending = useRef<Pending>(undefined);
  const [decision, setDecision, clearDecision] = useDraft(`backoffice.${ticket}.decide`, { decision: '', reason: '' });
  const [sendBack, setSendBack, clearSendBack] = useDraft(`backoffice.${ticket}.sendBack`, { to: '', reason: '' });

  const deliver = async () => {
    const event = pending.current;
    if (!event) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await call(
        api.POST('/api/backoffice/requests/{ticket}/events', {
          params: { path: { ticket } },
          body: { type: event.type, ...event.payload } as never,
          headers: { ...as(token).headers, 'Idempotency-Key': event.key },
        }),
      );
      pending.current = undefined;
      if (event.type === 'DECIDE') clearDecision();
      if (event.type === 'SEND_BACK') clearSendBack();
      await onDone();
    } catch (err) {
      const error = asApiError(err);
      if (!error.retryable) pending.current = undefined;
      setFailure({ type: event.type, error });
      // Moved on meanwhile (another agent, the worker): show where it is now.
      if (error.status === 409) await onDone();
    } finally {
      setBusy(false);
    }
  };
  const send = (type: string, payload: Record<string, unknown> = {}) => (e?: FormEvent) => {
    e?.preventDefault();
    pending.current = { type, payload, key: idempotencyKey() };
    void deliver();
  };
  // Both forms have a reason: the send-back's field has its own id, so the summary links to the right one.
  const errorsOf = (type: string) =>
    failure?.type === type ? shownErrors(failure.error, c('unavailable')).map((e) => (type === 'SEND_BACK' && e.field === 'reason' ? { ...e, field: 'sendBackReason' } : e)) : [];
  const offered = ['WORKER_PART_COMPLETED', 'DECIDE', 'SEND_BACK', 'RETRY_RECORD'].filter((type) => allows(view, type));
  if (offered.length === 0) return <p>{w('noAction')}</p>;
  const panel = (type: string, title: string, children: ReactNode, onSubmit: (e: FormEvent) => void) => {
    const errors = errorsOf(type);
    return (
      <form key={type} className="panel" aria-labelledby={`action-${type}`} onSubmit={onSubmit} noValidate data-event={type}>
        <h3 id={`action-${type}`}>{title}</h3>
        <ErrorSummary errors={errors} onRetry={failure?.type === type && failure.error.retryable ? () => void deliver() : undefined} />
        {children}
      </form>
    );
  };
  const decideErrors = byField(errorsOf('DECIDE'));
  const sendBackErrors = byField(errorsOf('SEND_BACK'));
  return (
    <>
      {allows(view, 'WORKER_PART_COMPLETED') &&
        panel(
          'WORKER_PART_COMPLETED',
          w('workerPartTitle'),
          <>
            <p>{w('workerPartText')}</p>
            <button type="submit" className="button" disabled={busy}>
              {w('workerPartCompleted')}
            </button>
          </>,
          send('WORKER_PART_COMPLETED'),
        )}
      {allows(view, 'DECIDE') &&
        panel(
          'DECIDE',
          w('decideTitle'),
          <>
            <RadioField
              name="decision"
              label={w('decision')}
              error={decideErrors.decision}
              value={decision.decision}
              onChange={(v) => setDecision('decision', v)}
              options={[
                { value: 'accepted', label: w('accept') },
                { value: 'refused', label: w('refuse') },
              ]}
            />
            <TextField name="reason" label={w('reason')} hint={w('reasonHint')} error={decideErrors.reason} value={decision.reason} onChange={(v) => setDecision('reason', v)} />
            <button type="submit" className="button" disabled={busy}>
              {w('decide')}
            </button>
          </>,
          send('DECIDE', { decision: decision.decision, reason: decision.reason }),
        )}
      {allows(view, 'SEND_BACK') &&
        panel(
          'SEND_BACK',
          w('sendBackTitle'),
          <>
            <RadioField
              name="to"
              label={w('sendBackTo')}
              error={sendBackErrors.to}
              value={sendBack.to}
              onChange={(v) => setSendBack('to', v)}
              options={[
                { value: 'employer', label: w('toEmployer') },
                { value: 'worker', label: w('toWorker') },
              ]}
            />
            <TextField name="sendBackReason" label={w('reason')} hint={w('reasonHint')} error={sendBackErrors.sendBackReason} value={sendBack.reason} onChange={(v) => setSendBack('reason', v)} />
            <button type="submit" className="button secondary" disabled={busy}>
              {w('sendBack')}
            </button>
          </>,
          send('SEND_BACK', { to: sendBack.to, reason: sendBack.reason }),
        )}
      {allows(view, 'RETRY_RECORD') &&
        panel(
          'RETRY_RECORD',
          w('retryTitle'),
          <>
            <p>{w('retryText')}</p>
            <button type="submit" className="button" disabled={busy}>
              {w('retry')}
            </button>
          </>,
          send('RETRY_RECORD'),
        )}
    </>
  );
}
