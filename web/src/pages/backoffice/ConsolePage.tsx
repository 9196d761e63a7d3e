/**
 * The console's start page: the journeys waiting for an operator, the search form (ticket, NISS,
 * status, PO, leave, creation window) and its results, newest first, one page at a time (the service's
 * cursors). The search and its page live in the address: a reload, a shared link or "back" from a request shows the same results.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, api, as, call, idempotencyKey, type Schemas } from '../../api';
import { ErrorSummary, type ShownError } from '../../components/Errors';
import { SelectField, TextField } from '../../components/Fields';
import { formatEnterprise, formatNiss } from '../../components/Layout';
import { LEAVE_CODES, REQUEST_STATUS_CODES, useTerm } from '../../components/terms';
import { useFormat, useStrings } from '../../i18n';
import { Link, navigate, useLocation } from '../../router';
import { common } from '../../strings';
import { apiQuery, DEFAULT_PAGE_SIZE, emptySearch, PAGE_SIZES, rememberSearch, reportUnauthorised, searchOf, searchPath, type SearchForm } from './search';
import { backofficeWords } from './words';

type RequestPage = Schemas['RequestPage'];
type AttentionList = Schemas['AttentionList'];

/** A refusal as errors by field: the API names a query's field `query.<name>`. */
export function shownErrors(failure: ApiError | undefined, unavailable: string): ShownError[] {
  if (!failure) return [];
  if (failure.retryable) return [{ message: unavailable }];
  if (failure.issues.length > 0) return failure.issues.map((i) => ({ message: i.message, field: i.path.replace(/^(query|body|params)\./, '').split('.')[0] || undefined }));
  return [{ message: failure.message }];
}

export function byField(errors: readonly ShownError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) if (e.field && !out[e.field]) out[e.field] = e.message;
  return out;
}

/**
 * A table's scrolled box: positioned (a visually hidden text stays inside it), and adding nothing to the
 * page's own width (width 0, at least the column's), so that at phone width the table scrolls in its box
 * instead of widening the page beside the menu.
 */
export const scrollBox = { position: 'relative', width: 0, minWidth: '100%' } as const;

/** The failure as an ApiError; a refused token signs the agent out. */
export function asApiError(err: unknown): ApiError {
  const error = err instanceof ApiError ? err : new ApiError(0, 'NETWORK', String(err));
  reportUnauthorised(error.status);
  return error;
}

export function ConsolePage({ token }: { token: string }) {
  const w = useStrings(backofficeWords);
  const { query } = useLocation();
  const search = window.location.search;
  const { form: asked } = searchOf(query);
  const [form, setForm] = useState<SearchForm>(asked);
  // The results with the search they answer: those of an earlier search are never shown as this one's.
  const [results, setResults] = useState<{ search: string; page: RequestPage }>();
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const c = useStrings(common);

  // The address changed (a search, a page, "back"): the form shows it and the results follow it.
  useEffect(() => {
    const current = searchOf(new URLSearchParams(search));
    setForm(current.form);
    rememberSearch(searchPath(current.form, current.cursor));
    let live = true;
    setBusy(true);
    setFailure(undefined);
    call(api.GET('/api/backoffice/requests', { params: { query: apiQuery(current.form, current.cursor) }, ...as(token) }))
      .then(
        (found) => live && setResults({ search, page: found }),
        (err: unknown) => {
          if (!live) return;
          setResults(undefined);
          setFailure(asApiError(err));
        },
      )
      .finally(() => live && setBusy(false));
    return () => {
      live = false;
    };
  }, [search, token, attempt]);

  // A page address the service no longer takes (a cursor of another search, an old link): no form field
  // holds it, so its message stands alone, with the way back to the first page of this search.
  const pageRefused = failure?.issues.some((i) => i.path === 'query.cursor' || i.path === 'query.page') ?? false;
  const errors = shownErrors(failure, c('unavailable')).map((e) => (e.field === 'cursor' || e.field === 'page' ? { message: e.message } : e));
  const fields = byField(errors);
  const set = (name: keyof SearchForm) => (value: string) => setForm((f) => ({ ...f, [name]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const to = searchPath(form);
    if (to === window.location.pathname + window.location.search) setAttempt((a) => a + 1);
    else navigate(to);
  };
  const term = useTerm();
  return (
    <>
      <h1>{w('title')}</h1>
      <AttentionSection token={token} />
      <form className="panel backoffice-search" onSubmit={submit} aria-labelledby="search-title" noValidate>
        <h2 id="search-title">{w('searchTitle')}</h2>
        <ErrorSummary errors={errors} onRetry={failure?.retryable ? () => setAttempt((a) => a + 1) : undefined} />
        {pageRefused && (
          <p>
            <Link to={searchPath(asked)}>{w('firstPage')}</Link>
          </p>
        )}
        <div className="filters">
          <TextField name="ticket" label={w('ticket')} hint={w('ticketHint')} error={fields.ticket} value={form.ticket} onChange={set('ticket')} />
          <TextField name="niss" label={w('niss')} hint={w('nissHint')} error={fields.niss} value={form.niss} onChange={set('niss')} inputMode="numeric" />
          <SelectField
            name="status"
            label={w('status')}
            error={fields.status}
            value={form.status}
            empty={w('any')}
            options={REQUEST_STATUS_CODES.map((s) => ({ value: s, label: term(s) }))}
            onChange={set('status')}
          />
          <TextField name="enterprise" label={w('enterprise')} error={fields.enterprise} value={form.enterprise} onChange={set('enterprise')} inputMode="numeric" />
          <SelectField name="leave" label={w('leave')} error={fields.leave} value={form.leave} empty={w('any')} options={LEAVE_CODES.map((l) => ({ value: l, label: term(l) }))} onChange={set('leave')} />
          <TextField name="from" type="date" label={w('from')} error={fields.from} value={form.from} onChange={set('from')} />
          <TextField name="to" type="date" label={w('to')} error={fields.to} value={form.to} onChange={set('to')} />
          <SelectField
            name="pageSize"
            label={w('pageSize')}
            error={fields.pageSize}
            value={form.pageSize || String(DEFAULT_PAGE_SIZE)}
            options={[...new Set([...PAGE_SIZES, form.pageSize || String(DEFAULT_PAGE_SIZE)])].map((n) => ({ value: n, label: n }))}
            onChange={set('pageSize')}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {w('search')}
          </button>
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              setForm(emptySearch);
              navigate(searchPath(emptySearch));
            }}
          >
            {w('clear')}
          </button>
        </div>
      </form>
      <Results results={results?.search === search ? results.page : undefined} busy={busy} asked={asked} />
    </>
  );
}

function Results({ results, busy, asked }: { results?: RequestPage; busy: boolean; asked: SearchForm }) {
  const w = useStrings(backofficeWords);
  const c = useStrings(common);
  const term = useTerm();
  const format = useFormat();
  if (!results) return busy ? <p aria-live="polite">{c('loading')}</p> : null;
  return (
    <section aria-labelledby="results-title" aria-busy={busy}>
      <h2 id="results-title">{w('results')}</h2>
      <p role="status">
        {results.items.length === 0 && !results.previousCursor
          ? w('noResult')
          : results.total && w(results.total.exact ? 'resultCount' : 'resultMore', { total: format.number(results.total.count) })}
      </p>
      {results.items.length > 0 && (
        <div className="table-wrap" role="region" aria-labelledby="results-title" tabIndex={0} style={scrollBox}>
          <table className="backoffice-results">
            <thead>
              <tr>
                <th scope="col">{w('ticket')}</th>
                <th scope="col">{w('worker')}</th>
                <th scope="col">{w('employer')}</th>
                <th scope="col">{w('leave')}</th>
                <th scope="col">{w('status')}</th>
                <th scope="col">{w('createdAt')}</th>
              </tr>
            </thead>
            <tbody>
              {results.items.map((r) => (
                <tr key={r.journeyId} data-ticket={r.ticket ?? ''}>
                  <td data-label={w('ticket')}>{r.ticket ? <Link to={`/backoffice/requests/${encodeURIComponent(r.ticket)}`} aria-label={w('open', { ticket: r.ticket })}>{r.ticket}</Link> : '—'}</td>
                  <td data-label={w('worker')}>
                    {r.workerName}
                    <span className="hint">{formatNiss(r.workerNiss)}</span>
                  </td>
                  <td data-label={w('employer')}>{formatEnterprise(r.actingEnterprise)}</td>
                  <td data-label={w('leave')}>
                    {term(r.leaveCode)}
                    {r.startDate && <span className="hint">{w('periodValue', { start: format.date(r.startDate), end: format.date(r.endDate) })}</span>}
                  </td>
                  <td data-label={w('status')}>
                    <span className="status">{term(r.status)}</span>
                  </td>
                  <td data-label={w('createdAt')}>{format.instant(r.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(results.previousCursor || results.nextCursor) && (
        <nav className="pagination" aria-label={w('pagination')}>
          {results.previousCursor && <Link to={searchPath(asked, results.previousCursor)}>{w('previous')}</Link>}
          {results.nextCursor && <Link to={searchPath(asked, results.nextCursor)}>{w('next')}</Link>}
        </nav>
      )}
    </section>
  );
}

/**
 * The journeys that wait for an operator (attention code, e.g. RECORD_BLOCKED), from Temporal's
 * visibility. A blocked record is resolved here by RETRY_RECORD, the event its attention code stands for.
 */
function AttentionSection({ token }: { token: string }) {
  const w = useStrings(backofficeWords);
  const c = useStrings(common);
  const format = useFormat();
  const [list, setList] = useState<AttentionList>();
  const [failure, setFailure] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    call(api.GET('/api/backoffice/journeys', { params: { query: { limit: 50 } }, ...as(token) })).then(
      (found) => {
        if (!live) return;
        setList(found);
      },
      (err: unknown) => live && setFailure(asApiError(err)),
    );
    return () => {
      live = false;
    };
  }, [token, tick]);
  const retry = async (id: string) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await call(
        api.POST('/api/backoffice/journeys/{id}/events', {
          params: { path: { id } },
          body: { type: 'RETRY_RECORD' } as never,
          headers: { ...as(token).headers, 'Idempotency-Key': idempotencyKey() },
        }),
      );
      setTick((t) => t + 1);
    } catch (err) {
      setFailure(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const errors = shownErrors(failure, c('unavailable'));
  return (
    <section aria-labelledby="attention-title" className="backoffice-attention">
      <h2 id="attention-title">{w('attentionTitle')}</h2>
      <ErrorSummary errors={errors} />
      {list && list.items.length === 0 && <p>{w('attentionNone')}</p>}
      {list && list.items.length > 0 && (
        <div className="table-wrap" role="region" aria-labelledby="attention-title" tabIndex={0} style={scrollBox}>
          <table>
            <thead>
              <tr>
                <th scope="col">{w('journeyId')}</th>
                <th scope="col">{w('machine')}</th>
                <th scope="col">{w('attention')}</th>
                <th scope="col">{w('startedAt')}</th>
                <th scope="col">{w('actionsTitle')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <code>{item.id}</code>
                  </td>
                  <td>{item.machine}</td>
                  <td>{item.attention}</td>
                  <td>{format.instant(item.startedAt)}</td>
                  <td>
                    {item.attention === 'RECORD_BLOCKED' && (
                      <button type="button" className="button secondary" disabled={busy} onClick={() => void retry(item.id)}>
                        {w('retry')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list?.hasMore && <p>{w('attentionMore')}</p>}
      <button type="button" className="button secondary" onClick={() => setTick((t) => t + 1)}>
        {w('refresh')}
      </button>
    </section>
  );
}
