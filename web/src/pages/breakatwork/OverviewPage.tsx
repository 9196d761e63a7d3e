/**
 * The overview (guide, "Écran d'aperçu"): the requests of the acting context only — the service answers
 * a PO's own requests and never another PO's — newest first, with filters (worker, school, status,
 * leave) kept in the address, pages by the service's cursors (kept in the address too, so a reload or a
 * link shows the same page), each request's ticket and status; one request opens with its status
 * history; an open draft (no ticket yet) can be resumed.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, api, as, call, type Schemas } from '../../api';
import { ErrorSummary, errorsOf, fieldErrors, useSignInAgain } from '../../components/Errors';
import { SelectField, TextField } from '../../components/Fields';
import { formatEnterprise, formatNiss } from '../../components/Layout';
import { useFormat, useLanguage, useStrings } from '../../i18n';
import { focusTitle } from '../../journey/JourneyPage';
import { Link, navigate, useLocation } from '../../router';
import { useSession, type Acting } from '../../session';
import { common } from '../../strings';
import { BawLayout } from './BawLayout';
import { words } from './strings';
import { LEAVE_CODES, REQUEST_STATUS_CODES, useTerm } from '../../components/terms';

type RequestPage = Schemas['RequestPage'];

/** A request's period, or a dash while its dates are not answered yet. */
function usePeriod(): (start: string | null, end: string | null) => string {
  const format = useFormat();
  return (start, end) => (start || end ? `${format.date(start)} – ${format.date(end)}` : '—');
}
type RequestRow = RequestPage['items'][number];
type RequestWithHistory = Schemas['RequestWithHistory'];

/** The overview and the request pages need an acting context; without one, the sign-in. */
function useActing(): Acting | undefined {
  const { acting } = useSession();
  useEffect(() => {
    if (!acting) navigate('/breakatwork', { replace: true });
  }, [acting]);
  return acting;
}

/** An acting token the service no longer accepts (expired): it is dropped, and the sign-in opens. */
function useDropRefusedToken(failure: ApiError | undefined): void {
  const { signOut } = useSession();
  const refused = failure?.status === 401;
  useEffect(() => {
    if (refused) signOut('acting');
  }, [refused, signOut]);
}

const FILTERS = ['worker', 'school', 'status', 'leave'] as const;
type Filter = (typeof FILTERS)[number];

export function OverviewPage() {
  const acting = useActing();
  if (!acting) return null;
  return <Overview acting={acting} />;
}

function Overview({ acting }: { acting: Acting }) {
  const t = useStrings(words);
  const c = useStrings(common);
  const term = useTerm();
  const format = useFormat();
  const period = usePeriod();
  const { language } = useLanguage();
  const { query } = useLocation();
  const search = query.toString();
  const applied = Object.fromEntries(FILTERS.map((f) => [f, query.get(f) ?? ''])) as Record<Filter, string>;
  const cursor = query.get('cursor') ?? '';
  const [typed, setTyped] = useState(applied);
  const [result, setResult] = useState<RequestPage>();
  const [failure, setFailure] = useState<ApiError>();
  const [attempt, setAttempt] = useState(0);
  useDropRefusedToken(failure);
  const signInAgain = useSignInAgain(failure);

  useEffect(() => {
    setTyped(Object.fromEntries(FILTERS.map((f) => [f, new URLSearchParams(search).get(f) ?? ''])) as Record<Filter, string>);
  }, [search]);

  useEffect(() => {
    let live = true;
    const params = new URLSearchParams(search);
    // The number of requests is shown, so it is asked for (counted up to 1,000: "more than" beyond).
    const q: Record<string, string | number> = { count: 'true', ...(cursor ? { cursor } : {}) };
    for (const f of FILTERS) {
      const value = params.get(f);
      if (value) q[f] = value;
    }
    setFailure(undefined);
    call(api.GET('/api/requests', { params: { query: q as never }, ...as(acting.token) })).then(
      (body) => live && setResult(body),
      (err: unknown) => {
        if (!live) return;
        // The list of other filters is not the answer to these: none is shown rather than a stale one.
        setResult(undefined);
        setFailure(err instanceof ApiError ? err : new ApiError(0, 'NETWORK', String(err)));
      },
    );
    return () => {
      live = false;
    };
  }, [search, acting.token, language, attempt, cursor]);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const f of FILTERS) if (typed[f].trim()) next.set(f, typed[f].trim());
    navigate(`/breakatwork/overview${next.size ? `?${next.toString()}` : ''}`);
  };
  const goTo = (to: string) => {
    const next = new URLSearchParams(search);
    next.set('cursor', to);
    navigate(`/breakatwork/overview?${next.toString()}`);
  };
  // A page address the service no longer takes (a cursor of other filters, an old link): no form field
  // holds it, so its message stands alone, with the way back to the first page of these filters.
  const pageRefused = failure?.issues.some((i) => i.path === 'query.cursor' || i.path === 'query.page') ?? false;
  const errors = errorsOf(failure, undefined, c('unavailable')).map((e) => (e.field === 'cursor' || e.field === 'page' ? { message: e.message } : e));
  const byField = fieldErrors(errors);
  const firstPage = () => {
    const next = new URLSearchParams(search);
    next.delete('cursor');
    next.delete('page');
    return `/breakatwork/overview${next.size ? `?${next.toString()}` : ''}`;
  };

  return (
    <BawLayout current="overview">
      <h1>{t('overview')}</h1>
      <p>{t('overviewIntro')}</p>
      <ErrorSummary errors={errors} onRetry={failure?.retryable ? () => setAttempt((a) => a + 1) : undefined} onSignInAgain={signInAgain} />
      {pageRefused && (
        <p>
          <Link to={firstPage()}>{t('firstPage')}</Link>
        </p>
      )}
      <form className="panel" onSubmit={apply} aria-label={t('filters')} noValidate>
        <h2>{t('filters')}</h2>
        <div className="filters">
          <TextField name="worker" label={t('filterWorker')} error={byField.worker} value={typed.worker} inputMode="numeric" onChange={(v) => setTyped({ ...typed, worker: formatNiss(v) })} />
          <TextField name="school" label={t('filterSchool')} error={byField.school} value={typed.school} inputMode="numeric" onChange={(v) => setTyped({ ...typed, school: v })} />
          <SelectField
            name="status"
            label={t('filterStatus')}
            error={byField.status}
            value={typed.status}
            empty={t('any')}
            onChange={(v) => setTyped({ ...typed, status: v })}
            options={REQUEST_STATUS_CODES.map((s) => ({ value: s, label: term(s) }))}
          />
          <SelectField
            name="leave"
            label={t('filterLeave')}
            error={byField.leave}
            value={typed.leave}
            empty={t('any')}
            onChange={(v) => setTyped({ ...typed, leave: v })}
            options={LEAVE_CODES.map((l) => ({ value: l, label: term(l) }))}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t('apply')}
          </button>
          <Link to="/breakatwork/overview">{t('reset')}</Link>
        </div>
      </form>
      {!result && !failure && <p aria-live="polite">{t('loadingRequests')}</p>}
      {result && (
        <>
          {result.total && <p aria-live="polite">{t(result.total.exact ? 'total' : 'moreThan', { count: format.number(result.total.count) })}</p>}
          {result.items.length === 0 ? (
            <p>{t('none')}</p>
          ) : (
            <div className="table-wrap">
              <table data-testid="requests">
                <caption className="visually-hidden">{t('overview')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('ticket')}</th>
                    <th scope="col">{t('worker')}</th>
                    <th scope="col">{t('school')}</th>
                    <th scope="col">{t('leave')}</th>
                    <th scope="col">{t('status')}</th>
                    <th scope="col">{t('dates')}</th>
                    <th scope="col">{t('updated')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((row) => (
                    <Row key={row.journeyId} row={row} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {(result.previousCursor || result.nextCursor) && (
            <nav className="pagination" aria-label={t('pages')}>
              {result.previousCursor && (
                <button type="button" className="button secondary" onClick={() => goTo(result.previousCursor!)}>
                  {t('previous')}
                </button>
              )}
              {result.nextCursor && (
                <button type="button" className="button secondary" onClick={() => goTo(result.nextCursor!)}>
                  {t('next')}
                </button>
              )}
            </nav>
          )}
        </>
      )}
    </BawLayout>
  );

  function Row({ row }: { row: RequestRow }) {
    const draft = row.status === 'draft' && !row.ticket;
    return (
      <tr>
        <td>
          <Link to={`/breakatwork/overview/${encodeURIComponent(row.journeyId)}`}>
            {row.ticket ?? t('noTicket')}
            <span className="visually-hidden"> — {row.workerName}</span>
          </Link>
          {draft && (
            <>
              <br />
              <Link to={`/breakatwork/requests/${encodeURIComponent(row.journeyId)}`}>{t('resume')}</Link>
            </>
          )}
        </td>
        <td>
          {row.workerName}
          <br />
          <span className="hint">{formatNiss(row.workerNiss)}</span>
        </td>
        <td>{row.schoolNumber ? formatEnterprise(row.schoolNumber) : '—'}</td>
        <td>
          {term(row.leaveCode)}
          {row.leaveForm && (
            <>
              <br />
              <span className="hint">{term(row.leaveForm)}</span>
            </>
          )}
        </td>
        <td>
          <span className="status" data-status={row.status}>
            {term(row.status)}
          </span>
        </td>
        <td>{period(row.startDate, row.endDate)}</td>
        <td>{format.instant(row.updatedAt)}</td>
      </tr>
    );
  }
}

export function RequestDetailsPage({ id }: { id: string }) {
  const acting = useActing();
  if (!acting) return null;
  return <RequestDetails acting={acting} id={id} />;
}

function RequestDetails({ acting, id }: { acting: Acting; id: string }) {
  const t = useStrings(words);
  const c = useStrings(common);
  const term = useTerm();
  const format = useFormat();
  const period = usePeriod();
  const { language } = useLanguage();
  const [request, setRequest] = useState<RequestWithHistory>();
  const [failure, setFailure] = useState<ApiError>();
  const [attempt, setAttempt] = useState(0);
  useDropRefusedToken(failure);
  const signInAgain = useSignInAgain(failure);
  useEffect(() => {
    let live = true;
    setFailure(undefined);
    call(api.GET('/api/requests/{ref}', { params: { path: { ref: id } }, ...as(acting.token) })).then(
      (body) => {
        if (!live) return;
        setRequest(body);
        requestAnimationFrame(() => focusTitle(document.querySelector('main')));
      },
      (err: unknown) => live && setFailure(err instanceof ApiError ? err : new ApiError(0, 'NETWORK', String(err))),
    );
    return () => {
      live = false;
    };
  }, [id, acting.token, language, attempt]);
  const errors = errorsOf(failure, undefined, c('unavailable'));
  const history = request?.history ?? [];
  const by = (who: string | null) =>
    who === 'employer' ? t('byEmployer') : who === 'worker' ? t('byWorker') : who === 'backoffice' ? t('byBackoffice') : who === 'system' ? t('bySystem') : '—';
  return (
    <BawLayout current="overview">
      <p>
        <Link to="/breakatwork/overview">{t('backToOverview')}</Link>
      </p>
      <ErrorSummary errors={errors} onRetry={failure?.retryable ? () => setAttempt((a) => a + 1) : undefined} onSignInAgain={signInAgain} />
      {!request && !failure && <p aria-live="polite">{c('loading')}</p>}
      {request && (
        <>
          <h1>
            {t('requestDetails')} {request.ticket ?? ''}
          </h1>
          <p>
            <span className="status" data-status={request.status}>
              {term(request.status)}
            </span>
          </p>
          {request.status === 'draft' && !request.ticket && (
            <p>
              <Link to={`/breakatwork/requests/${encodeURIComponent(request.journeyId)}`}>{t('resume')}</Link>
            </p>
          )}
          <dl className="summary-list">
            <div>
              <dt>{t('worker')}</dt>
              <dd>
                {request.workerName} ({formatNiss(request.workerNiss)})
              </dd>
            </div>
            <div>
              <dt>{t('community')}</dt>
              <dd>{request.communityCode ? term(request.communityCode) : '—'}</dd>
            </div>
            <div>
              <dt>{t('school')}</dt>
              <dd>{request.schoolNumber ? formatEnterprise(request.schoolNumber) : '—'}</dd>
            </div>
            <div>
              <dt>{t('workerStatus')}</dt>
              <dd>{term(request.workerStatus)}</dd>
            </div>
            <div>
              <dt>{t('leave')}</dt>
              <dd>
                {term(request.leaveCode)}
                {request.leaveForm ? ` — ${term(request.leaveForm)}` : ''}
              </dd>
            </div>
            <div>
              <dt>{t('dates')}</dt>
              <dd>{period(request.startDate, request.endDate)}</dd>
            </div>
          </dl>
          {history.length > 0 && (
            <>
              <h2>{t('history')}</h2>
              <div className="table-wrap">
                <table data-testid="history">
                  <thead>
                    <tr>
                      <th scope="col">{t('when')}</th>
                      <th scope="col">{t('status')}</th>
                      <th scope="col">{t('by')}</th>
                      <th scope="col">{t('reason')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {history.map((h, i) => (
                      <tr key={i}>
                        <td>{format.instant(h.at)}</td>
                        <td>{h.status ? term(h.status) : h.action === 'worker.notified' ? t('historyNotified') : h.action}</td>
                        <td>{by(h.by)}</td>
                        <td>{h.reason ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      )}
    </BawLayout>
  );
}
