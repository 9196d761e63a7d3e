import {
  findRequestByTicketAnyTenant,
  getRequestByJourneyId,
  getRequestByTicket,
  countLimit,
  listRequests,
  upsertRequest,
  type ActingContext,
  type RequestUpsert,
} from '../../../store/requests';
import { demoCast } from '../../../store/demo-data';
import { backends, openMigratedDb, type TestDb } from './backends';

const { organisations, schools, teachers, ownStaff, people } = demoCast;
const asPoY: ActingContext = { enterpriseNumber: organisations.poY.enterpriseNumber, mode: 'PO' };
const asYCompany: ActingContext = { enterpriseNumber: organisations.poY.enterpriseNumber, mode: 'OWN_COMPANY' };
const asPoZ: ActingContext = { enterpriseNumber: organisations.poZ.enterpriseNumber, mode: 'PO' };
const now = new Date('2026-06-15T12:00:00.000Z');

function poYRequest(journeyId: string, overrides: Partial<RequestUpsert> = {}): RequestUpsert {
  return {
    journeyId,
    actingEnterprise: asPoY.enterpriseNumber,
    actingMode: 'PO',
    communityCode: 'FR',
    schoolNumber: schools.a.schoolNumber,
    workerNiss: teachers.primaryA.niss,
    workerName: 'Lambert Sophie',
    workerStatus: 'STATUTORY',
    leaveCode: 'PARENTAL',
    leaveForm: 'ONE_FIFTH',
    startDate: '2026-09-01',
    endDate: '2027-01-31',
    status: 'submitted',
    introducedBy: people.poEducationOnly.niss,
    version: 1,
    at: '2026-05-01T08:00:00.000Z',
    ...overrides,
  };
}

function poZRequest(journeyId: string, overrides: Partial<RequestUpsert> = {}): RequestUpsert {
  return poYRequest(journeyId, {
    actingEnterprise: asPoZ.enterpriseNumber,
    communityCode: 'DE',
    schoolNumber: schools.d.schoolNumber,
    workerNiss: teachers.germanD.niss,
    workerName: 'Kessler Anna',
    introducedBy: people.poZUser.niss,
    ...overrides,
  });
}

describe.each(backends)('requests read model on %s', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openMigratedDb(backend, 'requests');
  });
  afterAll(() => t.dispose());

  describe('upsert', () => {
    it('inserts, then applies only newer versions', async () => {
      expect(await upsertRequest(t.db, poYRequest('j-version', { status: 'draft', ticket: null, version: 1 }))).toEqual({ applied: true });
      expect(await upsertRequest(t.db, poYRequest('j-version', { status: 'submitted', ticket: 'BAW-2026-000001', version: 3, at: '2026-05-01T09:00:00.000Z' }))).toEqual({ applied: true });
      // A retried or late write of an older or equal version changes nothing.
      expect(await upsertRequest(t.db, poYRequest('j-version', { status: 'draft', version: 2 }))).toEqual({ applied: false });
      expect(await upsertRequest(t.db, poYRequest('j-version', { status: 'withdrawn', version: 3 }))).toEqual({ applied: false });
      const row = await getRequestByJourneyId(t.db, asPoY, 'j-version');
      expect(row).toMatchObject({
        status: 'submitted', ticket: 'BAW-2026-000001', version: 3,
        createdAt: '2026-05-01T08:00:00.000Z', updatedAt: '2026-05-01T09:00:00.000Z',
        startDate: '2026-09-01', endDate: '2027-01-31', leaveCode: 'PARENTAL', leaveForm: 'ONE_FIFTH',
      });
    });

    it('keeps the ticket once set, and never moves a row to another tenant', async () => {
      await upsertRequest(t.db, poYRequest('j-keep', { ticket: 'BAW-2026-000002', version: 1 }));
      expect(await upsertRequest(t.db, poYRequest('j-keep', { ticket: null, status: 'awaiting_worker', version: 2 }))).toEqual({ applied: true });
      expect(await upsertRequest(t.db, poZRequest('j-keep', { version: 9 }))).toEqual({ applied: false });
      expect(await getRequestByJourneyId(t.db, asPoY, 'j-keep')).toMatchObject({ ticket: 'BAW-2026-000002', status: 'awaiting_worker', version: 2 });
      expect(await getRequestByJourneyId(t.db, asPoZ, 'j-keep')).toBeNull();
    });

    it('keeps the newest of concurrent writes whatever their order of arrival', async () => {
      const versions = [5, 2, 9, 1, 7, 3, 8, 4, 6];
      await Promise.all(versions.map((version) => upsertRequest(t.db, poYRequest('j-race', { version, status: version === 9 ? 'accepted' : 'in_processing' }))));
      expect(await getRequestByJourneyId(t.db, asPoY, 'j-race')).toMatchObject({ version: 9, status: 'accepted' });
    });

    it('refuses rows that break the model (a PO request without school)', async () => {
      await expect(upsertRequest(t.db, poYRequest('j-bad', { schoolNumber: null }))).rejects.toMatchObject({ code: '23514' });
    });
  });

  describe('overview', () => {
    beforeAll(async () => {
      await t.db.exec('DELETE FROM requests');
      const y = [
        poYRequest('y1', { at: '2026-06-01T10:00:00.000Z', ticket: 'BAW-2026-000101' }),
        poYRequest('y2', { at: '2026-06-02T10:00:00.000Z', schoolNumber: schools.b.schoolNumber, workerNiss: teachers.temporaryB.niss, workerName: 'Dumont Julie', workerStatus: 'TEMPORARY', status: 'accepted', ticket: 'BAW-2026-000102' }),
        poYRequest('y3', { at: '2026-06-03T10:00:00.000Z', communityCode: 'NL', schoolNumber: schools.c.schoolNumber, workerNiss: teachers.flemishC.niss, workerName: 'Janssens Pieter', leaveCode: 'MEDICAL_ASSISTANCE', leaveForm: 'HALF' }),
        poYRequest('y4', { at: '2026-06-04T10:00:00.000Z', status: 'draft', leaveCode: null, leaveForm: null, startDate: null, endDate: null }),
        poYRequest('y-old', { at: '2023-01-10T10:00:00.000Z', ticket: 'BAW-2023-000007', status: 'accepted' }),
      ];
      const yCompany = poYRequest('y-own', {
        at: '2026-06-05T10:00:00.000Z', actingMode: 'OWN_COMPANY', communityCode: null, schoolNumber: null,
        workerNiss: ownStaff.secretaryY.niss, workerName: 'Moreau Isabelle', workerStatus: 'CONTRACTUAL',
        introducedBy: people.employerOnly.niss, ticket: 'BAW-2026-000105',
      });
      const z = [poZRequest('z1', { at: '2026-06-06T10:00:00.000Z', ticket: 'BAW-2026-000106' }), poZRequest('z2', { at: '2026-06-07T10:00:00.000Z' })];
      for (const r of [...y, yCompany, ...z]) await upsertRequest(t.db, r);
    });

    const ids = async (context: ActingContext, filter: Partial<Parameters<typeof listRequests>[2]> = {}) =>
      (await listRequests(t.db, context, { now, ...filter })).items.map((r) => r.journeyId);

    it('shows PO Y its own PO requests of the last two years, newest first — never PO Z’s', async () => {
      expect(await ids(asPoY)).toEqual(['y4', 'y3', 'y2', 'y1']);
      expect(await ids(asPoZ)).toEqual(['z2', 'z1']);
      expect(await ids(asYCompany)).toEqual(['y-own']);
    });

    it('returns null for another tenant’s request, by journey id or by ticket', async () => {
      expect(await getRequestByJourneyId(t.db, asPoY, 'z1')).toBeNull();
      expect(await getRequestByTicket(t.db, asPoY, 'BAW-2026-000106')).toBeNull();
      expect(await getRequestByTicket(t.db, asYCompany, 'BAW-2026-000101')).toBeNull();
      expect(await getRequestByJourneyId(t.db, asPoZ, 'y1')).toBeNull();
      expect((await getRequestByTicket(t.db, asPoZ, 'BAW-2026-000106'))?.journeyId).toBe('z1');
      expect((await findRequestByTicketAnyTenant(t.db, 'BAW-2026-000106'))?.journeyId).toBe('z1');
    });

    it('filters by worker, school, status and leave', async () => {
      expect(await ids(asPoY, { worker: teachers.primaryA.niss })).toEqual(['y4', 'y1']);
      expect(await ids(asPoY, { school: schools.c.schoolNumber })).toEqual(['y3']);
      expect(await ids(asPoY, { status: 'accepted' })).toEqual(['y2']);
      expect(await ids(asPoY, { leave: 'MEDICAL_ASSISTANCE' })).toEqual(['y3']);
      expect(await ids(asPoY, { school: schools.d.schoolNumber })).toEqual([]);
      expect(await ids(asPoZ, { worker: teachers.primaryA.niss })).toEqual([]);
    });

    it('widens or narrows the date window on request', async () => {
      expect(await ids(asPoY, { from: '2020-01-01T00:00:00Z' })).toEqual(['y4', 'y3', 'y2', 'y1', 'y-old']);
      expect(await ids(asPoY, { from: '2026-06-02T00:00:00Z', to: '2026-06-04T00:00:00Z' })).toEqual(['y3', 'y2']);
      // The default window starts exactly two years before now, inclusive.
      expect(await ids(asPoY, { now: new Date('2025-01-10T10:00:00.000Z') })).toContain('y-old');
      expect(await ids(asPoY, { now: new Date('2025-01-10T10:00:00.001Z') })).not.toContain('y-old');
    });

    it('pages by key: the pages concatenate to the list, forwards and backwards, with the count when asked', async () => {
      const first = await listRequests(t.db, asPoY, { now, pageSize: 3, count: true });
      expect(first.items.map((r) => r.journeyId)).toEqual(['y4', 'y3', 'y2']);
      expect([first.previous, first.total]).toEqual([null, { count: 4, exact: true }]);
      const second = await listRequests(t.db, asPoY, { now, pageSize: 3, position: first.next! });
      expect([second.items.map((r) => r.journeyId), second.next, second.total]).toEqual([['y1'], null, null]);
      const back = await listRequests(t.db, asPoY, { now, pageSize: 3, position: second.previous! });
      expect([back.items.map((r) => r.journeyId), back.previous]).toEqual([['y4', 'y3', 'y2'], null]);
      expect(back.next).toEqual(first.next);
    });

    it('returns camelCase rows with nulls for what a draft does not know yet', async () => {
      expect(await getRequestByJourneyId(t.db, asPoY, 'y4')).toEqual({
        journeyId: 'y4', ticket: null, actingEnterprise: asPoY.enterpriseNumber, actingMode: 'PO', communityCode: 'FR',
        schoolNumber: schools.a.schoolNumber, workerNiss: teachers.primaryA.niss, workerName: 'Lambert Sophie',
        workerStatus: 'STATUTORY', leaveCode: null, leaveForm: null, startDate: null, endDate: null, status: 'draft',
        introducedBy: people.poEducationOnly.niss, createdAt: '2026-06-04T10:00:00.000Z', updatedAt: '2026-06-04T10:00:00.000Z',
        version: 1,
      });
    });
  });
  describe('keyset pages', () => {
    const asZCompany: ActingContext = { enterpriseNumber: organisations.poZ.enterpriseNumber, mode: 'OWN_COMPANY' };
    const own = (journeyId: string, at: string, status: RequestUpsert['status'] = 'submitted'): RequestUpsert =>
      poZRequest(journeyId, { actingMode: 'OWN_COMPANY', communityCode: null, schoolNumber: null, at, status });
    const walk = async (filter: Partial<Parameters<typeof listRequests>[2]>, pageSize: number) => {
      const pages: string[][] = [];
      let page = await listRequests(t.db, asZCompany, { now, pageSize, ...filter });
      pages.push(page.items.map((r) => r.journeyId));
      while (page.next) {
        page = await listRequests(t.db, asZCompany, { now, pageSize, ...filter, position: page.next });
        pages.push(page.items.map((r) => r.journeyId));
      }
      // And back from the last page to the first.
      const back: string[][] = [page.items.map((r) => r.journeyId)];
      while (page.previous) {
        page = await listRequests(t.db, asZCompany, { now, pageSize, ...filter, position: page.previous });
        back.unshift(page.items.map((r) => r.journeyId));
      }
      return { pages, back };
    };

    beforeAll(async () => {
      // Rows created in the same instant, and rows a microsecond apart (the same millisecond): the key
      // keeps the microseconds and breaks ties by journey id.
      const rows = [
        own('k-a', '2026-06-10T10:00:00.000000Z'),
        own('k-b', '2026-06-10T10:00:00.000000Z', 'accepted'),
        own('k-c', '2026-06-10T10:00:00.000000Z'),
        own('k-d', '2026-06-10T10:00:00.000001Z', 'accepted'),
        own('k-e', '2026-06-10T10:00:00.000002Z'),
        own('k-f', '2026-06-10T10:00:00.000002Z', 'accepted'),
        own('k-g', '2026-06-09T08:00:00.000000Z'),
        own('k-h', '2026-06-11T08:00:00.000000Z', 'accepted'),
      ];
      for (const r of rows) await upsertRequest(t.db, r);
    });

    it('walks rows that share a creation time without a duplicate or a gap, whatever the page size', async () => {
      const all = ['k-h', 'k-f', 'k-e', 'k-d', 'k-c', 'k-b', 'k-a', 'k-g'];
      expect((await listRequests(t.db, asZCompany, { now, pageSize: 100 })).items.map((r) => r.journeyId)).toEqual(all);
      for (const size of [1, 2, 3, 7, 8]) {
        const { pages, back } = await walk({}, size);
        expect(pages.flat()).toEqual(all);
        expect(pages.slice(0, -1).every((p) => p.length === size)).toBe(true);
        expect(back).toEqual(pages);
      }
    });

    it('walks a status filter the same way', async () => {
      const { pages, back } = await walk({ status: 'accepted' }, 2);
      expect(pages).toEqual([['k-h', 'k-f'], ['k-d', 'k-b']]);
      expect(back).toEqual(pages);
    });

    it('counts up to the limit, and says when more match', async () => {
      await t.db.exec(`INSERT INTO requests (journey_id, acting_enterprise, acting_mode, worker_niss, worker_name, worker_status, status, introduced_by, created_at, version)
        SELECT 'request-many-' || i, '${organisations.poZ.enterpriseNumber}', 'OWN_COMPANY', '${ownStaff.secretaryY.niss}', 'Many', 'CONTRACTUAL', 'draft',
          '${people.poZUser.niss}', timestamptz '2026-06-01T00:00:00Z' - i * interval '1 second', 1
        FROM generate_series(1, ${countLimit + 5}) AS i`);
      expect((await listRequests(t.db, asZCompany, { now, count: true, status: 'draft' })).total).toEqual({ count: countLimit, exact: false });
      expect((await listRequests(t.db, asZCompany, { now, count: true, status: 'accepted' })).total).toEqual({ count: 4, exact: true });
      expect((await listRequests(t.db, asZCompany, { now, count: true, status: 'expired' })).total).toEqual({ count: 0, exact: true });
      // A page past the last row still says how many match.
      const pastTheEnd = { direction: 'after', createdAt: '2000-01-01T00:00:00.000000Z', journeyId: 'k' } as const;
      expect(await listRequests(t.db, asZCompany, { now, count: true, status: 'accepted', position: pastTheEnd })).toMatchObject({ items: [], total: { count: 4, exact: true } });
      const { pages } = await walk({ status: 'draft' }, 100);
      expect(new Set(pages.flat()).size).toBe(countLimit + 5);
    });
  });
});
