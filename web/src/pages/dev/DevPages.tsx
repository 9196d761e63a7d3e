/**
 * The developers' pages (loaded on demand, apart from the rest of the application):
 * - `/dev`, `/dev/machines`: the journeys' machines;
 * - `/dev/machines/<id>`: that machine's statechart, drawn from its served definition;
 *   `?journey=<id>` follows an open journey: its current state highlighted (read every 2 s with the
 *   token of its owner that this browser holds) and its workflow in the Temporal web UI.
 */
import { useEffect, useMemo, useState } from 'react';
import { api, as, call, ApiError, type JourneyView, type Schemas } from '../../api';
import { Layout } from '../../components/Layout';
import { useStrings } from '../../i18n';
import { Link, match, useLocation } from '../../router';
import { useSession } from '../../session';
import { common } from '../../strings';
import { activeNodes, buildGraph, type StateDef } from './graph';
import { Statechart } from './Statechart';
import { devWords } from './strings';

export default function DevPages() {
  const { path, query } = useLocation();
  const t = useStrings(devWords);
  const params = match('/dev/machines/:machine', path);
  return (
    <Layout app={t('app')} account="person">
      {params ? <MachinePage machine={params.machine!} journeyId={query.get('journey') ?? undefined} /> : <MachineList />}
    </Layout>
  );
}

function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): { data?: T; error?: ApiError } {
  const [state, setState] = useState<{ data?: T; error?: ApiError }>({});
  useEffect(() => {
    let live = true;
    setState({});
    load().then(
      (data) => live && setState({ data }),
      (error: unknown) => live && setState({ error: error instanceof ApiError ? error : new ApiError(0, 'NETWORK', String(error)) }),
    );
    return () => {
      live = false;
    };
  }, deps);
  return state;
}

function MachineList() {
  const t = useStrings(devWords);
  const c = useStrings(common);
  const { data, error } = useLoad(() => call(api.GET('/api/machines')), []);
  return (
    <>
      <h1>{t('machines')}</h1>
      <p>{t('machinesIntro')}</p>
      {error && <p className="notice">{error.message}</p>}
      {!data && !error && <p>{c('loading')}</p>}
      {data && (
        <ul className="cards">
          {data.map((m) => (
            <li key={m.id}>
              <h2>
                <Link to={`/dev/machines/${m.id}`}>{m.title}</Link>
              </h2>
              <p>
                <code>{m.id}</code> — {t('events', { count: m.events.length })}
                {m.backofficeEvents.length > 0 && `, ${t('backofficeEvents', { count: m.backofficeEvents.length })}`}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

type Definition = Schemas['MachineDefinition'];

function MachinePage({ machine, journeyId }: { machine: string; journeyId?: string }) {
  const t = useStrings(devWords);
  const c = useStrings(common);
  const { data, error } = useLoad<Definition>(() => call(api.GET('/api/machines/{machine}', { params: { path: { machine } } })), [machine]);
  const graph = useMemo(() => (data ? buildGraph(data.id, data.definition as StateDef) : undefined), [data]);
  const watch = useJourneyWatch(journeyId);
  const current = useMemo(() => (graph && watch.view && watch.view.machine === graph.id ? activeNodes(graph, watch.view.state) : undefined), [graph, watch.view]);
  return (
    <>
      <p>
        <Link to="/dev/machines">{t('back')}</Link>
      </p>
      <h1>{data ? `${data.title} (${data.id})` : machine}</h1>
      {error && <p className="notice">{error.status === 404 ? t('notFound') : error.message}</p>}
      {!data && !error && <p>{c('loading')}</p>}
      {journeyId && <JourneyPanel journeyId={journeyId} machine={machine} watch={watch} />}
      {graph && <Statechart graph={graph} current={current} />}
    </>
  );
}

interface Watch {
  view?: JourneyView;
  /** No token of this browser reads the journey. */
  unreadable: boolean;
}

/**
 * The journey as its owner sees it, read every 2 s: with the identity token (accessManagement,
 * signIn, workerPart) or the acting token (request), whichever reads it — the last one that did first.
 */
function useJourneyWatch(journeyId: string | undefined): Watch {
  const session = useSession();
  const tokens = useMemo(() => [session.identity?.token, session.acting?.token].filter((x): x is string => Boolean(x)), [session.identity?.token, session.acting?.token]);
  const [watch, setWatch] = useState<Watch>({ unreadable: false });
  useEffect(() => {
    setWatch({ unreadable: false });
    if (!journeyId) return;
    let live = true;
    let good: string | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      const order = good ? [good, ...tokens.filter((x) => x !== good)] : tokens;
      let refused = true;
      for (const token of order) {
        try {
          const view = await call(api.GET('/api/journeys/{id}', { params: { path: { id: journeyId } }, ...as(token) }));
          good = token;
          if (live) setWatch({ view, unreadable: false });
          return;
        } catch (error) {
          // A 503 or a network failure says nothing about the token: keep what is shown, read again later.
          if (!(error instanceof ApiError) || error.retryable) refused = false;
        }
      }
      if (live && refused) setWatch({ unreadable: true });
    };
    const loop = async () => {
      await read();
      if (live) timer = setTimeout(() => void loop(), 2000);
    };
    void loop();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [journeyId, tokens]);
  return watch;
}

function JourneyPanel({ journeyId, machine, watch }: { journeyId: string; machine: string; watch: Watch }) {
  const t = useStrings(devWords);
  const { data: service } = useLoad(() => call(api.GET('/api/service')), []);
  const temporal = service?.temporal;
  const href = temporal?.webUrl ? `${temporal.webUrl}/namespaces/${encodeURIComponent(temporal.namespace)}/workflows/${encodeURIComponent(journeyId)}` : undefined;
  const view = watch.view;
  return (
    <section className="panel" aria-labelledby="journey-heading">
      <h2 id="journey-heading">
        {t('journeyHeading')} <code>{journeyId}</code>
      </h2>
      {/* Announced when the state changes. */}
      <p aria-live="polite" data-testid="journey-state">
        {view ? t('journeyState', { state: view.state, status: view.status }) : watch.unreadable ? t('journeyNoToken') : null}
      </p>
      {view && view.machine !== machine && (
        <p>
          {t('journeyOtherMachine', { machine: view.machine })}{' '}
          <Link to={`/dev/machines/${view.machine}?journey=${encodeURIComponent(journeyId)}`}>{view.machine}</Link>
        </p>
      )}
      {view && <p>{t('journeyLive')}</p>}
      {href ? (
        <p>
          <a href={href} rel="noopener noreferrer" target="_blank" data-testid="temporal-link">
            {t('temporalLink', { id: journeyId })}
          </a>
        </p>
      ) : (
        service && <p>{t('temporalUnknown')}</p>
      )}
    </section>
  );
}
