/**
 * The overview's paging through the HTTP API on the real app and store: GET /api/requests walked page by
 * page with the answers' cursors gives the acting context's whole list, newest first, without a duplicate
 * or a gap, even where rows share their creation time (to the microsecond, or only to the millisecond);
 * backwards too; with a status filter too; another PO's rows never appear; a cursor this service did not
 * write, or one given for another list (another PO, other filters), and a page number, are refused with
 * 422 naming their rule.
 */
import { demoCast } from '../../../store/demo-data';
import { upsertRequest, type RequestUpsert } from '../../../store/requests';
import { apiClient, type Schemas } from '../../support/http-client';
import { bearer, signIn, type ErrorBody } from '../../support/http-journeys';
import { startTestService, type TestService } from '../../support/service-harness';

jest.setTimeout(2 * 60_000);

const { organisations, schools, teachers, people } = demoCast;

let service: TestService;
let poY: string;
let poZ: string;
/** PO Y's rows as the overview must list them, newest first; PO Z's rows. */
const ofY: string[] = [];
const ofZ: string[] = [];
const accepted: string[] = [];

type Page = Schemas['RequestPage'];
const errorOf = (body: unknown) => (body as ErrorBody).error as ErrorBody['error'] & { details: { issues: { path: string; rule?: string }[] } };

function overview(token: string, query: Record<string, string | number>) {
  return apiClient(service.http).GET('/api/requests', { params: { query: query as never }, headers: bearer(token) });
}

/** Every page from the first, by `nextCursor`; then back from the last, by `previousCursor`. */
async function walk(token: string, query: Record<string, string | number>): Promise<{ forwards: string[][]; backwards: string[][] }> {
  const forwards: string[][] = [];
  let page: Page | undefined;
  do {
    const res = await overview(token, { ...query, ...(page ? { cursor: page.nextCursor! } : {}) });
    expect(res.response.status).toBe(200);
    page = res.data!;
    forwards.push(page.items.map((r) => r.journeyId));
  } while (page.nextCursor);
  const backwards: string[][] = [page.items.map((r) => r.journeyId)];
  while (page.previousCursor) {
    const res = await overview(token, { ...query, cursor: page.previousCursor });
    expect(res.response.status).toBe(200);
    page = res.data!;
    backwards.unshift(page.items.map((r) => r.journeyId));
  }
  return { forwards, backwards };
}

beforeAll(async () => {
  service = await startTestService({ env: { RATE_LIMIT_READS_PER_MINUTE: '1000000' } });
  poY = (await signIn(service.http, people.poEducationOnly.niss, organisations.poY.enterpriseNumber)).token;
  poZ = (await signIn(service.http, people.poZUser.niss, organisations.poZ.enterpriseNumber)).token;
  // 40 rows of PO Y in groups of four created in the same instant (two of them a microsecond apart in the
  // same millisecond), PO Z's rows in the same instants; a day ago, to the microsecond.
  const base = Date.now() - 86_400_000;
  const rows: RequestUpsert[] = [];
  for (let group = 0; group < 10; group++) {
    const ms = new Date(base - group * 1000).toISOString().slice(0, -1);
    for (const [k, micro] of ['000', '000', '000', '001'].entries()) {
      const journeyId = `request-page-y-${String(group).padStart(2, '0')}-${k}`;
      const status = (group + k) % 3 === 0 ? 'accepted' : 'submitted';
      rows.push({
        journeyId,
        actingEnterprise: organisations.poY.enterpriseNumber,
        actingMode: 'PO',
        communityCode: 'FR',
        schoolNumber: schools.a.schoolNumber,
        workerNiss: teachers.primaryA.niss,
        workerName: 'Lambert Sophie',
        workerStatus: 'STATUTORY',
        status,
        introducedBy: people.poEducationOnly.niss,
        version: 1,
        at: `${ms}${micro}Z`,
      });
      const zId = `request-page-z-${String(group).padStart(2, '0')}-${k}`;
      rows.push({ ...rows[rows.length - 1]!, journeyId: zId, actingEnterprise: organisations.poZ.enterpriseNumber, schoolNumber: schools.d.schoolNumber, communityCode: 'DE', workerNiss: teachers.germanD.niss, workerName: 'Kessler Anna', introducedBy: people.poZUser.niss });
      ofZ.push(zId);
    }
  }
  for (const row of rows) await upsertRequest(service.db, row);
  // The order of the list: newest first, then journey id descending.
  const key = (r: RequestUpsert) => `${r.at!}|${r.journeyId}`;
  for (const r of rows.filter((r) => r.actingEnterprise === organisations.poY.enterpriseNumber).sort((a, b) => (key(a) < key(b) ? 1 : -1))) {
    ofY.push(r.journeyId);
    if (r.status === 'accepted') accepted.push(r.journeyId);
  }
});

afterAll(async () => {
  await service?.stop();
});

test('pages concatenate to the whole list, newest first, forwards and backwards, whatever the page size; PO Z’s rows never appear', async () => {
  for (const pageSize of [1, 3, 7, 40, 100]) {
    const { forwards, backwards } = await walk(poY, { pageSize });
    expect({ pageSize, list: forwards.flat() }).toEqual({ pageSize, list: ofY });
    expect(forwards.slice(0, -1).every((p) => p.length === pageSize)).toBe(true);
    expect(backwards).toEqual(forwards);
  }
  const { forwards } = await walk(poZ, { pageSize: 6 });
  expect(new Set(forwards.flat())).toEqual(new Set(ofZ));
});

test('a status filter pages the same way', async () => {
  const { forwards, backwards } = await walk(poY, { pageSize: 4, status: 'accepted' });
  expect(forwards.flat()).toEqual(accepted);
  expect(backwards).toEqual(forwards);
});

test('the count only when asked, exact up to its limit', async () => {
  const first = await overview(poY, { pageSize: 5 });
  expect([first.data!.total, first.data!.previousCursor, first.data!.items.length]).toEqual([null, null, 5]);
  expect((await overview(poY, { pageSize: 5, count: 'true' })).data!.total).toEqual({ count: ofY.length, exact: true });
  expect((await overview(poY, { status: 'accepted', count: 'true' })).data!.total).toEqual({ count: accepted.length, exact: true });
});

test('a cursor of another list, a cursor this service did not write and a page number are refused with 422 naming the rule', async () => {
  const refusal = async (token: string, query: Record<string, string | number>, path: string, rule: string) => {
    const res = await overview(token, query);
    expect({ query, status: res.response.status }).toEqual({ query, status: 422 });
    expect(errorOf(res.error).code).toBe('VALIDATION_FAILED');
    expect(errorOf(res.error).details.issues).toEqual([expect.objectContaining({ path, rule })]);
  };
  const ofPoY = (await overview(poY, { pageSize: 3 })).data!.nextCursor!;
  const ofPoZ = (await overview(poZ, { pageSize: 3 })).data!.nextCursor!;
  // PO Y's cursor sent by PO Z, PO Z's by PO Y: another acting context's list.
  await refusal(poZ, { pageSize: 3, cursor: ofPoY }, 'query.cursor', 'PAGE_CURSOR_FOREIGN');
  await refusal(poY, { pageSize: 3, cursor: ofPoZ }, 'query.cursor', 'PAGE_CURSOR_FOREIGN');
  // The same PO's cursor with another filter.
  await refusal(poY, { pageSize: 3, status: 'accepted', cursor: ofPoY }, 'query.cursor', 'PAGE_CURSOR_FOREIGN');
  // Another page size is the same list.
  expect((await overview(poY, { pageSize: 5, cursor: ofPoY })).data!.items.map((r) => r.journeyId)).toEqual(ofY.slice(3, 8));
  // Cut, edited, or no cursor at all.
  await refusal(poY, { cursor: ofPoY.slice(0, -4) }, 'query.cursor', 'PAGE_CURSOR');
  await refusal(poY, { cursor: `${ofPoY}x` }, 'query.cursor', 'PAGE_CURSOR');
  await refusal(poY, { cursor: 'not a cursor' }, 'query.cursor', 'PAGE_CURSOR');
  await refusal(poY, { cursor: Buffer.from(JSON.stringify([1, 'a', '2026-13-45T00:00:00.000000Z', 'request-x', 'AAAAAAAAAAAAAAAA'])).toString('base64url') }, 'query.cursor', 'PAGE_CURSOR');
  await refusal(poY, { page: 2 }, 'query.page', 'PAGE_BY_CURSOR');
  const dutch = await service.http.get(`/api/requests?cursor=${ofPoZ}`).set(bearer(poY)).set('Accept-Language', 'nl');
  expect(errorOf(dutch.body).details.issues[0]).toMatchObject({ rule: 'PAGE_CURSOR_FOREIGN', message: expect.stringContaining('andere lijst') });
});
