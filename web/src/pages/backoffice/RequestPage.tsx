/**
 * One request as the back-office opens it (/backoffice/requests/<ticket>): its data, its audit trail
 * (date, who, what, reason) and the actions its machine takes now — the view's `allowedEvents`, never a
 * rule of its own: an action the request cannot take is not offered.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api, as, call, type Schemas } from '../../api';
import { ErrorSummary } from '../../components/Errors';
import { formatEnterprise, formatNiss } from '../../components/Layout';
import { useTerm } from '../../components/terms';
import { useFormat, useLabel, useStrings } from '../../i18n';
import { focusTitle } from '../../journey/JourneyPage';
import { Link } from '../../router';
import { common } from '../../strings';
import { Actions } from './Actions';
import { asApiError, scrollBox, shownErrors } from './ConsolePage';
import { lastSearch } from './search';
import { backofficeWords } from './words';

type BackofficeRequest = Schemas['BackofficeRequest'];
type AuditEntry = Schemas['AuditEntry'];

export function RequestPage({ token, ticket }: { token: string; ticket: string }) {
  const w = useStrings(backofficeWords);
  const c = useStrings(common);
  const [found, setFound] = useState<BackofficeRequest>();
  const [failure, setFailure] = useState<ApiError>();
  const [done, setDone] = useState<string>();
  const top = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    try {
      const body = await call(api.GET('/api/backoffice/requests/{ticket}', { params: { path: { ticket } }, ...as(token) }));
      setFound(body);
      setFailure(undefined);
      return body;
    } catch (err) {
      setFailure(asApiError(err));
      return undefined;
    }
  }, [ticket, token]);

  useEffect(() => {
    void load().then(() => focusTitle(top.current));
  }, [load]);

  const errors = shownErrors(failure, c('unavailable'));
  const request = found?.request;
  return (
    <div ref={top} data-ticket={ticket}>
      <p>
        <Link to={lastSearch()}>{w('back')}</Link>
      </p>
      <h1>{w('requestTitle', { ticket })}</h1>
      <ErrorSummary errors={errors} onRetry={failure?.retryable ? () => void load() : undefined} />
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      {found && request && (
        <>
          <Details found={found} />
          <History entries={found.history} />
          <section aria-labelledby="actions-title">
            <h2 id="actions-title">{w('actionsTitle')}</h2>
            {found.journey ? (
              <Actions
                token={token}
                ticket={ticket}
                view={found.journey}
                onDone={async () => {
                  await load();
                  setDone(w('done'));
                }}
              />
            ) : (
              <p>{w('journeyGone')}</p>
            )}
          </section>
        </>
      )}
    </div>
  );
}

function Details({ found }: { found: BackofficeRequest }) {
  const w = useStrings(backofficeWords);
  const term = useTerm();
  const format = useFormat();
  const label = useLabel();
  // The screen's title as the machine names it (its code when it has none).
  const screenName = (machine: string, screen: string) => {
    const key = `${machine}.${screen}.title`;
    const title = label(key);
    return title === key ? screen : `${title} (${screen})`;
  };
  const r = found.request;
  const rows: [string, React.ReactNode][] = [
    [w('status'), <span className="status">{term(r.status)}</span>],
    [w('worker'), r.workerName],
    [w('workerNiss'), formatNiss(r.workerNiss)],
    [w('workerStatus'), term(r.workerStatus)],
    [w('employer'), formatEnterprise(r.actingEnterprise)],
    [w('actingMode'), r.actingMode === 'PO' ? w('modePO') : w('modeOwn')],
    [w('community'), term(r.communityCode)],
    [w('school'), r.schoolNumber ? formatEnterprise(r.schoolNumber) : '—'],
    [w('leave'), term(r.leaveCode)],
    [w('form'), term(r.leaveForm)],
    [w('period'), w('periodValue', { start: format.date(r.startDate), end: format.date(r.endDate) })],
    [w('introducedBy'), /^\d{11}$/.test(r.introducedBy) ? formatNiss(r.introducedBy) : r.introducedBy],
    [w('createdAt'), format.instant(r.createdAt)],
    [w('updatedAt'), format.instant(r.updatedAt)],
    ...(found.journey ? ([[w('screen'), screenName(found.journey.machine, found.journey.screen)]] as [string, string][]) : []),
    ...(found.journey?.attention ? ([[w('attention'), found.journey.attention]] as [string, string][]) : []),
  ];
  return (
    <section aria-labelledby="details-title">
      <h2 id="details-title">{w('details')}</h2>
      <dl className="summary-list">
        {rows.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function History({ entries }: { entries: readonly AuditEntry[] }) {
  const w = useStrings(backofficeWords);
  const term = useTerm();
  const format = useFormat();
  const who = (entry: AuditEntry) => {
    if (entry.actor === 'system') return w('actorSystem');
    if (entry.actor === 'worker') return w('actorWorker');
    if (/^\d{11}$/.test(entry.actor)) return `${w('actorEmployer')} — ${formatNiss(entry.actor)}`;
    // A back-office agent, as the token named them.
    if (entry.actor.startsWith('agent:')) return `${w('actorAgent')} — ${entry.actor.slice('agent:'.length)}`;
    return entry.actor;
  };
  const what = (entry: AuditEntry) => {
    if (entry.action.startsWith('request.')) return w('actionStatus', { status: term(entry.action.slice('request.'.length)) });
    if (entry.action === 'worker.notified') return w('actionNotified', { channel: typeof entry.details.channel === 'string' ? entry.details.channel : '—' });
    return entry.action;
  };
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{w('historyTitle')}</h2>
      <div className="table-wrap" role="region" aria-labelledby="history-title" tabIndex={0} style={scrollBox}>
        <table className="backoffice-history">
          <thead>
            <tr>
              <th scope="col">{w('historyDate')}</th>
              <th scope="col">{w('historyWho')}</th>
              <th scope="col">{w('historyWhat')}</th>
              <th scope="col">{w('historyReason')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} data-action={entry.action}>
                <td>{format.instant(entry.at)}</td>
                <td>{who(entry)}</td>
                <td>{what(entry)}</td>
                <td>{entry.reason ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
