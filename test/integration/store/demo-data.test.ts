import {
  isValidEnterpriseNumber,
  isValidEstablishmentUnitNumber,
  isValidNiss,
  isValidSchoolNumber,
} from '../../../domain/identifiers';
import { listPermissionsOf, setMemberPermissions } from '../../../store/access';
import { demoCast, loadDemoData } from '../../../store/demo-data';
import { backends, openMigratedDb, type TestDb } from './backends';

const { communities, organisations, schools, teachers, ownStaff, people } = demoCast;
const tables = [
  'communities', 'organisations', 'schools', 'workers', 'worker_registrations', 'worker_occupations', 'own_staff',
  'people', 'access_groups', 'group_members', 'member_permissions', 'audit_log', 'data_loads',
];

async function countRows(t: TestDb): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = (await t.db.one<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)).n;
  return counts;
}

describe('the demo cast', () => {
  it('uses valid identifiers everywhere (checked with domain/identifiers)', () => {
    for (const c of Object.values(communities)) expect(isValidEnterpriseNumber(c.enterpriseNumber)).toBe(true);
    for (const o of Object.values(organisations)) expect(isValidEnterpriseNumber(o.enterpriseNumber)).toBe(true);
    for (const s of Object.values(schools)) expect(isValidSchoolNumber(s.schoolNumber)).toBe(true);
    expect(isValidEstablishmentUnitNumber(schools.e.schoolNumber)).toBe(true);
    const nisses = [...Object.values(teachers), ...Object.values(ownStaff), ...Object.values(people)].map((p) => p.niss);
    for (const niss of nisses) expect({ niss, valid: isValidNiss(niss) }).toEqual({ niss, valid: true });
    expect(new Set(nisses).size).toBe(nisses.length);
  });

  it('keeps the guide’s roles but not its numbers, which fail their check digits', () => {
    const guideNumbers = ['0123456789', '0321654987', '0456789123', '0789123456'];
    for (const n of guideNumbers) expect(isValidEnterpriseNumber(n)).toBe(false);
    const used = [...Object.values(organisations).map((o) => o.enterpriseNumber), ...Object.values(schools).map((s) => s.schoolNumber)];
    expect(used.filter((n) => guideNumbers.includes(n))).toEqual([]);
    expect(communities.nl.enterpriseNumber).toBe('0316380841');
    expect([communities.fr.placeholder, communities.nl.placeholder, communities.de.placeholder]).toEqual([true, false, true]);
  });

  it('places schools A, B, C under PO Y (A in the French Community) and D, E under PO Z', () => {
    const po = (s: { poEnterpriseNumber: string }) => s.poEnterpriseNumber;
    expect([schools.a, schools.b, schools.c].map(po)).toEqual(Array(3).fill(organisations.poY.enterpriseNumber));
    expect([schools.d, schools.e].map(po)).toEqual(Array(2).fill(organisations.poZ.enterpriseNumber));
    expect(schools.a.communityCode).toBe('FR');
    expect(new Set(Object.values(schools).map((s) => s.communityCode))).toEqual(new Set(['FR', 'NL', 'DE']));
    expect(organisations.poY.employsOwnStaff).toBe(true);
  });

  it('registers each teacher under the community of every school they work in', () => {
    const bySchool = new Map<string, string>(Object.values(schools).map((s) => [s.schoolNumber, s.communityCode]));
    for (const t of Object.values(teachers)) {
      for (const o of t.occupations) expect(t.registrations).toContain(bySchool.get(o.schoolNumber));
    }
    const multi = teachers.twoCommunities.occupations;
    expect(new Set(multi.map((o) => bySchool.get(o.schoolNumber))).size).toBe(2);
    expect(multi.every((o) => o.partTime)).toBe(true);
  });
});

describe.each(backends)('loadDemoData on %s', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openMigratedDb(backend, 'demo');
  });
  afterAll(() => t.dispose());

  it('loads once; a second run changes nothing', async () => {
    expect(await loadDemoData(t.db)).toBe(true);
    const after = await countRows(t);
    expect(after).toMatchObject({
      communities: 3, organisations: 2, schools: 5, workers: 10, own_staff: 2, people: 17, access_groups: 2, data_loads: 2,
    });
    expect(await loadDemoData(t.db)).toBe(false);
    expect(await countRows(t)).toEqual(after);
  });

  it('gives each person the permissions of their role', async () => {
    const Y = organisations.poY.enterpriseNumber;
    const Z = organisations.poZ.enterpriseNumber;
    expect(await listPermissionsOf(t.db, people.bothPermissions.niss, Y)).toEqual(['EMPLOYER', 'PO_EDUCATION']);
    expect(await listPermissionsOf(t.db, people.poEducationOnly.niss, Y)).toEqual(['PO_EDUCATION']);
    expect(await listPermissionsOf(t.db, people.employerOnly.niss, Y)).toEqual(['EMPLOYER']);
    expect(await listPermissionsOf(t.db, people.noPermission.niss, Y)).toEqual([]);
    expect(await listPermissionsOf(t.db, people.accessManagerY.niss, Y)).toEqual([]);
    expect(await listPermissionsOf(t.db, people.inactiveMember.niss, Y)).toEqual([]);
    expect(await listPermissionsOf(t.db, people.poZUser.niss, Z)).toEqual(['PO_EDUCATION']);
    expect(await listPermissionsOf(t.db, people.poZUser.niss, Y)).toEqual([]);
  });

  it('never re-adds what users changed after the first load', async () => {
    const Y = organisations.poY.enterpriseNumber;
    await setMemberPermissions(t.db, {
      enterpriseNumber: Y, niss: people.poEducationOnly.niss, permissions: [], actor: people.accessManagerY.niss,
    });
    expect(await loadDemoData(t.db)).toBe(false);
    expect(await listPermissionsOf(t.db, people.poEducationOnly.niss, Y)).toEqual([]);
  });

  (backend === 'postgres' ? it : it.skip)('loads exactly once when several processes start together', async () => {
    const fresh = await openMigratedDb(backend, 'demo_race');
    try {
      const others = await Promise.all([fresh.openAnother(), fresh.openAnother()]);
      const results = await Promise.all([fresh.db, ...others].map((db) => loadDemoData(db)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await fresh.db.one('SELECT count(*) AS n FROM group_members')).toEqual({ n: 7 });
    } finally {
      await fresh.dispose();
    }
  });
});
