/**
 * The back-office console's reads over HTTP, on the real dev server and store: the search across every
 * PO's requests (each filter, paging by cursor, hostile parameters refused naming their rule), one request with
 * its audit trail and the back-office events its machine takes now, the PO's own request with its
 * status history (no one else's NISS), and what a UI learns from GET /api/service. Searches run while
 * 16 requests are being confirmed.
 */
import request from 'supertest';
import { createApp } from '../../../api/app';
import { createLogger } from '../../../config/logger';
import { demoCast } from '../../../store/demo-data';
import { apiClient, type Schemas } from '../../support/http-client';
import { backofficeToken, bearer, ok, send, sendBackoffice, signIn, start, type ErrorBody, type JourneyBody, type JourneyEvent } from '../../support/http-journeys';
import { requestSeries } from '../../support/request-sample-events';
import { startTestService, type TestService } from '../../support/service-harness';

jest.setTimeout(5 * 60_000);

const { teachers, schools, people, organisations } = demoCast;
const sophie = teachers.primaryA;
const emma = teachers.upperSecondaryE;

let service: TestService;
let poY: string;
let poZ: string;
let agent: string;
/** PO Y's ticketed request for Sophie, PO Y's draft for Thomas, PO Z's ticketed request for Emma. */
let y1: JourneyBody;
let y2: JourneyBody;
let z1: JourneyBody;

const ordinary = (start: string, end: string, level: 'PRIMARY' | 'UPPER_SECONDARY', before: number): JourneyEvent => ({
  type: 'ANSWER_QUESTIONS',
  level,
  before,
  during: 0,
  start,
  end,
  multipleEmployers: false,
});

async function walk(token: string, events: JourneyEvent[]): Promise<JourneyBody> {
  let journey = ok(await start(service.http, token, 'request'));
  for (const event of events) journey = ok(await send(service.http, token, journey.id, event));
  return journey;
}

const ticketOf = (journey: JourneyBody) => String(journey.context.ticket);

function search(token: string, query: Record<string, string | number>, language?: string) {
  return apiClient(service.http).GET('/api/backoffice/requests', {
    params: { query: query as never },
    headers: { ...bearer(token), ...(language ? { 'Accept-Language': language } : {}) },
  });
}

function detail(token: string, ticket: string, language?: string) {
  return apiClient(service.http).GET('/api/backoffice/requests/{ticket}', {
    params: { path: { ticket } },
    headers: { ...bearer(token), ...(language ? { 'Accept-Language': language } : {}) },
  });
}

const ticketsOf = (page: Schemas['RequestPage'] | undefined) => (page?.items ?? []).map((item) => item.ticket);
const errorOf = (body: unknown) => (body as ErrorBody).error as ErrorBody['error'] & { details: { issues: { path: string; rule?: string; message: string }[] } };

beforeAll(async () => {
  service = await startTestService({ env: { RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_READS_PER_MINUTE: '1000000' } });
  poY = (await signIn(service.http, people.poEducationOnly.niss, organisations.poY.enterpriseNumber)).token;
  poZ = (await signIn(service.http, people.poZUser.niss, organisations.poZ.enterpriseNumber)).token;
  agent = await backofficeToken(service.http);
  y1 = await walk(poY, [
    { type: 'SELECT_WORKER', community: 'FR', school: schools.a.schoolNumber, niss: sophie.niss, status: 'STATUTORY' },
    { type: 'START_REQUEST' },
    { type: 'CHOOSE_LEAVE', leave: 'ORDINARY_INTERRUPTION', form: 'FULL' },
    ordinary('2045-01-01', '2045-03-31', 'PRIMARY', 24),
    { type: 'CONFIRM', allCorrect: true },
  ]);
  y2 = await walk(poY, [{ type: 'SELECT_WORKER', community: 'FR', school: schools.a.schoolNumber, niss: teachers.nurseryA.niss, status: 'CONTRACTUAL' }]);
  z1 = await walk(poZ, [
    { type: 'SELECT_WORKER', community: 'FR', school: schools.e.schoolNumber, niss: emma.niss, status: 'CONTRACTUAL' },
    { type: 'START_REQUEST' },
    { type: 'CHOOSE_LEAVE', leave: 'ORDINARY_INTERRUPTION', form: 'FULL' },
    ordinary('2045-01-01', '2045-03-31', 'UPPER_SECONDARY', 20),
    { type: 'CONFIRM', allCorrect: true },
  ]);
  expect([y1.screen, z1.screen]).toEqual(['awaitingWorker', 'awaitingWorker']);
  expect(y2.context.ticket ?? null).toBeNull();
  expect(y1.context.ticket).toMatch(/^BAW-\d{4}-\d{6}$/);
  expect(z1.context.ticket).toMatch(/^BAW-\d{4}-\d{6}$/);
});

afterAll(async () => {
  await service?.stop();
});

describe('the search across every PO', () => {
  test('no filter: every PO’s requests, newest first', async () => {
    const { data, response } = await search(agent, { count: 'true' });
    expect(response.status).toBe(200);
    expect(data!.total).toEqual({ count: 3, exact: true });
    expect((await search(agent, {})).data!.total).toBeNull();
    expect(data!.items.map((r) => r.journeyId)).toEqual([z1.id, y2.id, y1.id]);
    expect(new Set(data!.items.map((r) => r.actingEnterprise))).toEqual(new Set([organisations.poY.enterpriseNumber, organisations.poZ.enterpriseNumber]));
  });

  test('each filter narrows it', async () => {
    const journeys = async (query: Record<string, string | number>) => {
      const { data, response, error } = await search(agent, query);
      if (response.status !== 200) throw new Error(`${JSON.stringify(query)}: ${response.status} ${JSON.stringify(error)}`);
      return data!.items.map((r) => r.journeyId);
    };
    expect(await journeys({ ticket: ticketOf(z1) })).toEqual([z1.id]);
    // The NISS as people write it, and as digits.
    expect(await journeys({ niss: '82.04.12-072.57' })).toEqual([y1.id]);
    expect(await journeys({ niss: emma.niss })).toEqual([z1.id]);
    expect(await journeys({ status: 'draft' })).toEqual([y2.id]);
    expect(await journeys({ status: 'awaiting_worker' })).toEqual([z1.id, y1.id]);
    expect(await journeys({ enterprise: organisations.poZ.enterpriseNumber })).toEqual([z1.id]);
    expect(await journeys({ enterprise: '0123.456.749' })).toEqual([y2.id, y1.id]);
    expect(await journeys({ leave: 'ORDINARY_INTERRUPTION' })).toEqual([z1.id, y1.id]);
    expect(await journeys({ leave: 'PARENTAL' })).toEqual([]);
    expect(await journeys({ enterprise: organisations.poY.enterpriseNumber, status: 'awaiting_worker', leave: 'ORDINARY_INTERRUPTION' })).toEqual([y1.id]);
    // Dates: today (in Belgium) holds them all; a day in the past none; instants cut between two requests.
    const rows = (await search(agent, {})).data!.items;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
    expect(await journeys({ from: today, to: today })).toEqual([z1.id, y2.id, y1.id]);
    expect(await journeys({ to: '2020-12-31' })).toEqual([]);
    expect(await journeys({ from: '2999-01-01' })).toEqual([]);
    const y2Created = rows.find((r) => r.journeyId === y2.id)!.createdAt;
    expect(await journeys({ from: y2Created })).toEqual([z1.id, y2.id]);
    expect(await journeys({ to: y2Created })).toEqual([y1.id]);
  });

  test('pages by cursor, newest first, with the overview’s paging; a cursor of another search is refused', async () => {
    const pages: string[][] = [];
    const cursors: (string | null)[] = [];
    let cursor: string | null = null;
    do {
      const { data, response } = await search(agent, { pageSize: 1, ...(cursor ? { cursor } : {}) });
      expect(response.status).toBe(200);
      pages.push(data!.items.map((r) => r.journeyId));
      cursors.push(data!.previousCursor);
      cursor = data!.nextCursor;
    } while (cursor);
    expect(pages).toEqual([[z1.id], [y2.id], [y1.id]]);
    expect(cursors[0]).toBeNull();
    // Back from the last page.
    const back = await search(agent, { pageSize: 1, cursor: cursors[2]! });
    expect(back.data!.items.map((r) => r.journeyId)).toEqual([y2.id]);
    const ofY = await search(agent, { pageSize: 1, enterprise: organisations.poY.enterpriseNumber });
    expect(ofY.data!.items.map((r) => r.journeyId)).toEqual([y2.id]);
    const second = await search(agent, { pageSize: 1, enterprise: organisations.poY.enterpriseNumber, cursor: ofY.data!.nextCursor! });
    expect([second.data!.items.map((r) => r.journeyId), second.data!.nextCursor]).toEqual([[y1.id], null]);
    // The cursor of the search without a filter, sent with a filter: another list.
    const foreign = await search(agent, { pageSize: 1, enterprise: organisations.poY.enterpriseNumber, cursor: cursors[2]! });
    expect(foreign.response.status).toBe(422);
    expect(errorOf(foreign.error).details.issues).toEqual([expect.objectContaining({ path: 'query.cursor', rule: 'PAGE_CURSOR_FOREIGN' })]);
  });

  test('a PO’s token gets 403 on the back-office reads, no token 401', async () => {
    for (const token of [poY, poZ]) {
      const list = await search(token, {});
      expect(list.response.status).toBe(403);
      expect(errorOf(list.error).code).toBe('FORBIDDEN');
      const one = await detail(token, ticketOf(token === poY ? y1 : z1));
      expect(one.response.status).toBe(403);
    }
    expect((await service.http.get('/api/backoffice/requests')).status).toBe(401);
    expect((await service.http.get(`/api/backoffice/requests/${ticketOf(y1)}`)).status).toBe(401);
  });

  test('hostile parameters are refused with 422 naming the rule, never a 500', async () => {
    const refusal = async (query: string, path: string, rule: string | undefined) => {
      const res = await service.http.get(`/api/backoffice/requests?${query}`).set(bearer(agent));
      expect({ query, status: res.status }).toEqual({ query, status: 422 });
      const error = errorOf(res.body);
      expect(error.code).toBe('VALIDATION_FAILED');
      const issue = error.details.issues.find((i) => i.path === path);
      expect({ query, issue }).toEqual({ query, issue: expect.objectContaining(rule ? { rule } : {}) });
      return issue!;
    };
    // Bad check digits of a NISS written the usual way.
    const niss = await refusal(`niss=${encodeURIComponent('82.04.12-072.58')}`, 'query.niss', 'NISS_CHECK_DIGITS');
    expect(niss.message).toContain('57');
    // Paged by cursor: a page number is refused, not ignored; a cursor this service did not write too.
    await refusal('page=2', 'query.page', 'PAGE_BY_CURSOR');
    await refusal('cursor=abc', 'query.cursor', 'PAGE_CURSOR');
    await refusal(`cursor=${Buffer.from('[1,"a","2026-01-01T00:00:00.000000Z","request-x\'; --","AAAAAAAAAAAAAAAA"]').toString('base64url')}`, 'query.cursor', 'PAGE_CURSOR');
    await refusal(`cursor=${'A'.repeat(5000)}`, 'query.cursor', 'PAGE_CURSOR');
    await refusal('cursor=a&cursor=b', 'query.cursor', 'PAGE_CURSOR');
    await refusal('count=yes', 'query.count', undefined);
    await refusal('pageSize=0', 'query.pageSize', 'PAGE_SIZE');
    await refusal('pageSize=100000', 'query.pageSize', 'PAGE_SIZE');
    const order = await refusal('from=2026-03-01&to=2026-02-01', 'query.to', 'DATES_ORDER');
    expect(order.message).toContain('2026-02-01');
    await refusal(`from=${encodeURIComponent('2026-03-01T10:00:00+01:00')}&to=2026-02-28`, 'query.to', 'DATES_ORDER');
    await refusal(`from=2026-03-02&to=${encodeURIComponent('2026-03-01T23:59:59+01:00')}`, 'query.to', 'DATES_ORDER');
    // An instant within the day `to` names is no reversed window, nor are two equal instants.
    for (const query of [`from=${encodeURIComponent('2026-03-01T10:00:00+01:00')}&to=2026-03-01`, `from=2026-03-01T10:00:00Z&to=2026-03-01T10:00:00Z`, 'from=2026-03-01&to=2026-03-01']) {
      expect([query, (await service.http.get(`/api/backoffice/requests?${query}`).set(bearer(agent))).status]).toEqual([query, 200]);
    }
    await refusal('from=yesterday', 'query.from', 'SEARCH_DATE_FORMAT');
    await refusal(`to=${encodeURIComponent("2026-01-01'; DROP TABLE requests; --")}`, 'query.to', 'SEARCH_DATE_FORMAT');
    await refusal('from=2026-02-30', 'query.from', 'DATE_INVALID');
    await refusal('enterprise=0123456748', 'query.enterprise', 'ENTERPRISE_CHECK_DIGITS');
    await refusal(`ticket=${encodeURIComponent("BAW-2026-000001' OR '1'='1")}`, 'query.ticket', 'TICKET_FORMAT');
    await refusal('status=lost', 'query.status', undefined);
    await refusal('leave=SABBATICAL', 'query.leave', undefined);
    // The same parameter twice is no text: refused, not a crash.
    await refusal('niss=82041207257&niss=88071118425', 'query.niss', undefined);
    // In the caller's language, with the same rule.
    const dutch = await service.http.get('/api/backoffice/requests?pageSize=0').set(bearer(agent)).set('Accept-Language', 'nl');
    expect(errorOf(dutch.body).details.issues[0]).toMatchObject({ rule: 'PAGE_SIZE', message: 'Een pagina telt 1 tot 100 elementen (een geheel getal).' });
    const cursorInDutch = await service.http.get('/api/backoffice/requests?cursor=abc').set(bearer(agent)).set('Accept-Language', 'nl');
    expect(errorOf(cursorInDutch.body).details.issues[0]).toMatchObject({ rule: 'PAGE_CURSOR', message: expect.stringContaining('paginacursor') });
    // The store still holds every request.
    expect((await search(agent, { count: 'true' })).data!.total).toEqual({ count: 3, exact: true });
  });
});

describe('one request, as the back-office opens it', () => {
  test('its row, its audit trail and only the back-office events the machine takes now, as they change', async () => {
    const ticket = ticketOf(y1);
    const first = await detail(agent, ticket);
    expect(first.response.status).toBe(200);
    expect(first.data!.request).toMatchObject({ journeyId: y1.id, ticket, status: 'awaiting_worker', actingEnterprise: organisations.poY.enterpriseNumber });
    expect(first.data!.history.map((e) => e.action)).toEqual(expect.arrayContaining(['request.draft', 'request.submitted', 'request.awaiting_worker']));
    expect(first.data!.history.map((e) => e.id)).toEqual([...first.data!.history.map((e) => e.id)].sort((a, b) => a - b));
    // The employer may withdraw now, but that is no back-office event.
    expect(first.data!.journey!.screen).toBe('awaitingWorker');
    expect(first.data!.journey!.allowedEvents.map((e) => e.type)).toEqual(['WORKER_PART_COMPLETED']);

    ok(await sendBackoffice(service.http, agent, ticket, { type: 'WORKER_PART_COMPLETED' }));
    const processing = await detail(agent, ticket);
    expect(processing.data!.request.status).toBe('in_processing');
    expect(processing.data!.journey!.allowedEvents.map((e) => e.type).sort()).toEqual(['DECIDE', 'SEND_BACK']);
    const decide = processing.data!.journey!.allowedEvents.find((e) => e.type === 'DECIDE')!;
    expect(JSON.stringify(decide.payload)).toContain('decision');

    ok(await sendBackoffice(service.http, agent, ticket, { type: 'DECIDE', decision: 'accepted', reason: 'Toutes les conditions sont remplies.' }));
    const decided = await detail(agent, ticket, 'de');
    expect(decided.data!.request.status).toBe('accepted');
    expect(decided.data!.journey).toMatchObject({ screen: 'accepted', allowedEvents: [] });
    const last = decided.data!.history.at(-1)!;
    expect(last).toMatchObject({ action: 'request.accepted', actor: 'agent:Agent ONEM', reason: 'Toutes les conditions sont remplies.', reasonCode: null });
    // A reason the service wrote, in the caller's language.
    const completed = decided.data!.history.find((e) => e.action === 'request.in_processing')!;
    expect(completed).toMatchObject({ reasonCode: 'WORKER_COMPLETED', reason: 'Der Arbeitnehmer hat seinen Teil ausgefüllt.' });
  });

  test('404 for an unknown ticket, 422 for what is no ticket', async () => {
    const unknown = await detail(agent, 'BAW-2099-999999');
    expect(unknown.response.status).toBe(404);
    expect(errorOf(unknown.error).code).toBe('NOT_FOUND');
    const malformed = await service.http.get(`/api/backoffice/requests/${encodeURIComponent('../requests')}`).set(bearer(agent));
    expect([404, 422]).toContain(malformed.status);
    const noTicket = await service.http.get('/api/backoffice/requests/BAW-26-1').set(bearer(agent));
    expect(noTicket.status).toBe(422);
    expect(errorOf(noTicket.body).details.issues[0]).toMatchObject({ path: 'params.ticket', rule: 'TICKET_FORMAT' });
  });

  test('the PO reads its request’s status history, in its language, with no one else’s NISS', async () => {
    const res = await apiClient(service.http).GET('/api/requests/{ref}', { params: { path: { ref: ticketOf(y1) } }, headers: { ...bearer(poY), 'Accept-Language': 'nl' } });
    expect(res.response.status).toBe(200);
    const body = res.data!;
    // What it returned before is all still there.
    expect(body).toMatchObject({ journeyId: y1.id, ticket: ticketOf(y1), status: 'accepted', workerNiss: sophie.niss });
    expect(body.history.map((e) => e.status).filter(Boolean)).toEqual(expect.arrayContaining(['draft', 'submitted', 'awaiting_worker', 'in_processing', 'accepted']));
    // A status history: each entry a change (a draft recorded again as it is completed shows once).
    const statuses = body.history.map((e) => e.status).filter((s) => s !== null);
    expect(statuses.filter((s, i) => i > 0 && s === statuses[i - 1])).toEqual([]);
    expect(body.history.map((e) => e.at)).toEqual([...body.history.map((e) => e.at)].sort());
    const accepted = body.history.find((e) => e.status === 'accepted')!;
    expect(accepted).toMatchObject({ by: 'backoffice', agent: 'agent:Agent ONEM', reason: 'Toutes les conditions sont remplies.', reasonCode: null });
    const confirmed = body.history.find((e) => e.reasonCode === 'CONFIRMED')!;
    expect(confirmed).toMatchObject({ by: 'employer', reason: 'Bevestigd door de werkgever: alle gegevens zijn juist.' });
    // The history holds no NISS (the employer's user, the worker's) nor the worker's e-mail.
    const history = JSON.stringify(body.history);
    expect(history).not.toMatch(/\d{11}/);
    expect(history).not.toContain(sophie.email);
    expect(history).not.toContain(people.poEducationOnly.niss);
    // By journey id too, and never another PO's.
    const byId = await apiClient(service.http).GET('/api/requests/{ref}', { params: { path: { ref: y1.id } }, headers: bearer(poY) });
    expect(byId.data!.history.length).toBe(body.history.length);
    const other = await apiClient(service.http).GET('/api/requests/{ref}', { params: { path: { ref: ticketOf(y1) } }, headers: bearer(poZ) });
    expect(other.response.status).toBe(404);
  });
});

test('16 searches while 16 requests are being confirmed: no 500, and then all 16 found', async () => {
  const series = requestSeries('2050-01');
  const ready = await Promise.all(
    Array.from({ length: 16 }, async () => {
      const next = series();
      return walk(poY, [next.selectWorker, { type: 'START_REQUEST' }, next.chooseLeave, next.answers]);
    }),
  );
  expect(ready.map((j) => j.screen)).toEqual(Array(16).fill('confirmation'));
  const queries: Record<string, string | number>[] = [
    {},
    { status: 'awaiting_worker' },
    { status: 'draft', pageSize: 5 },
    { niss: sophie.niss },
    { enterprise: organisations.poY.enterpriseNumber, leave: 'PARENTAL' },
    { from: '2020-01-01', to: '2999-12-31', pageSize: 3 },
  ];
  const [confirmations, searches] = await Promise.all([
    Promise.all(ready.map((journey) => send(service.http, poY, journey.id, { type: 'CONFIRM', allCorrect: true }))),
    Promise.all(Array.from({ length: 16 }, (_, i) => search(agent, queries[i % queries.length]!))),
  ]);
  expect(confirmations.map((c) => c.status)).toEqual(Array(16).fill(200));
  expect(searches.map((s) => s.response.status)).toEqual(Array(16).fill(200));
  for (const s of searches) expect(s.data!.items.length).toBeLessThanOrEqual(s.data!.pageSize);
  const tickets = confirmations.map((c) => ticketOf(c.body as JourneyBody));
  const found = await search(agent, { leave: 'PARENTAL', status: 'awaiting_worker', pageSize: 100, count: 'true' });
  expect(found.data!.total).toEqual({ count: 16, exact: true });
  expect(new Set(ticketsOf(found.data))).toEqual(new Set(tickets));
});

describe('GET /api/service', () => {
  test('languages, the development identity, Temporal’s namespace; no web UI known in tests', async () => {
    const res = await apiClient(service.http).GET('/api/service');
    expect(res.response.status).toBe(200);
    expect(res.data).toEqual({ languages: ['fr', 'nl', 'de'], devIdentity: true, temporal: { namespace: service.config.temporal.namespace, webUrl: null } });
  });

  test('the web UI’s URL: TEMPORAL_WEB_URL, else the embedded dev server’s', async () => {
    const app = (webUrl: string | undefined, temporalWebUrl?: string) =>
      createApp({
        config: { ...service.config, devIdentity: false, temporal: { ...service.config.temporal, webUrl } },
        db: service.db,
        temporal: service.env.client,
        log: createLogger('silent'),
        ...(temporalWebUrl ? { temporalWebUrl } : {}),
      });
    const external = await request(app('https://temporal.example.org/', 'http://127.0.0.1:8233')).get('/api/service');
    expect(external.body).toMatchObject({ devIdentity: false, temporal: { webUrl: 'https://temporal.example.org' } });
    const embedded = await request(app(undefined, 'http://127.0.0.1:8233')).get('/api/service');
    expect(embedded.body).toMatchObject({ temporal: { webUrl: 'http://127.0.0.1:8233' } });
  });
});
