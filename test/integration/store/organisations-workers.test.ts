import { demoCast, loadDemoData } from '../../../store/demo-data';
import {
  findCommunityOfSchool,
  findOrganisation,
  findSchool,
  isSchoolOfPo,
  listCommunities,
  listSchoolsOfPo,
  upsertCommunity,
} from '../../../store/organisations';
import {
  findOccupation,
  findOwnStaffMember,
  findWorker,
  isWorkerRegisteredInCommunity,
  listOccupations,
  poSelectionFacts,
} from '../../../store/workers';
import type { Db } from '../../../store/db';
import { backends, openMigratedDb, type TestDb } from './backends';

/** poSelectionFacts' answers, asked one by one of the store's own lookups (the way the worker check asked before). */
async function factsOneByOne(db: Db, niss: string, schoolNumber: string, po: string) {
  const worker = await findWorker(db, niss);
  const school = await findSchool(db, schoolNumber);
  const occupations = await listOccupations(db, niss);
  const employers = new Set<string>();
  let occupiedByPo = false;
  for (const o of occupations) {
    const s = (await findSchool(db, o.schoolNumber))!;
    employers.add(`${s.poEnterpriseNumber}/${s.communityCode}`);
    if (s.poEnterpriseNumber === po) occupiedByPo = true;
  }
  return {
    worker,
    school,
    occupiedByPo,
    registeredInSchoolCommunity: school ? await isWorkerRegisteredInCommunity(db, niss, school.communityCode) : false,
    occupation: await findOccupation(db, niss, schoolNumber),
    employerCount: employers.size,
  };
}

const { organisations, schools, teachers, ownStaff, communities } = demoCast;
const Y = organisations.poY.enterpriseNumber;
const Z = organisations.poZ.enterpriseNumber;

describe.each(backends)('organisations, schools and workers on %s', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openMigratedDb(backend, 'orgs');
    await loadDemoData(t.db);
  });
  afterAll(() => t.dispose());

  it('reads the facts of a PO\'s worker selection in one statement, as the lookups one by one answer them', async () => {
    const nisses = [...Object.values(teachers).map((w) => w.niss), ...Object.values(ownStaff).map((w) => w.niss), '85073100142'];
    const schoolNumbers = [...Object.values(schools).map((s) => s.schoolNumber), '999999'];
    let compared = 0;
    for (const niss of nisses) {
      for (const schoolNumber of schoolNumbers) {
        for (const po of [Y, Z]) {
          expect({ niss, schoolNumber, po, facts: await poSelectionFacts(t.db, niss, schoolNumber, po) }).toEqual({ niss, schoolNumber, po, facts: await factsOneByOne(t.db, niss, schoolNumber, po) });
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(50);
  });

  it('finds organisations and the communities (reference data)', async () => {
    expect(await findOrganisation(t.db, Y)).toEqual({
      enterpriseNumber: Y, name: organisations.poY.name, kind: 'PO', employsOwnStaff: true,
    });
    expect(await findOrganisation(t.db, '0000000097')).toBeNull();
    const list = await listCommunities(t.db);
    expect(list.map((c) => [c.code, c.enterpriseNumber])).toEqual([
      ['DE', communities.de.enterpriseNumber], ['FR', communities.fr.enterpriseNumber], ['NL', communities.nl.enterpriseNumber],
    ]);
  });

  it('lets configuration replace a placeholder community number', async () => {
    await upsertCommunity(t.db, { code: 'DE', enterpriseNumber: '0999000327', label: 'Communauté germanophone' });
    expect((await findCommunityOfSchool(t.db, schools.d.schoolNumber))?.enterpriseNumber).toBe('0999000327');
    await upsertCommunity(t.db, communities.de);
  });

  it('lists a PO’s schools, optionally in one community', async () => {
    const numbers = async (po: string, communityCode?: 'FR' | 'NL' | 'DE') =>
      (await listSchoolsOfPo(t.db, po, { communityCode })).map((s) => s.schoolNumber).sort();
    expect(await numbers(Y)).toEqual([schools.a, schools.b, schools.c].map((s) => s.schoolNumber).sort());
    expect(await numbers(Y, 'FR')).toEqual([schools.a, schools.b].map((s) => s.schoolNumber).sort());
    expect(await numbers(Y, 'DE')).toEqual([]);
    expect(await numbers(Z)).toEqual([schools.d, schools.e].map((s) => s.schoolNumber).sort());
  });

  it('finds a school, its community, and whether it is one of a PO’s schools', async () => {
    expect(await findSchool(t.db, schools.e.schoolNumber)).toEqual(schools.e);
    expect(await findSchool(t.db, '0000000097')).toBeNull();
    expect(await findCommunityOfSchool(t.db, schools.c.schoolNumber)).toEqual({
      code: 'NL', enterpriseNumber: '0316380841', label: communities.nl.label,
    });
    expect(await isSchoolOfPo(t.db, Y, schools.a.schoolNumber)).toBe(true);
    expect(await isSchoolOfPo(t.db, Y, schools.a.schoolNumber, 'FR')).toBe(true);
    expect(await isSchoolOfPo(t.db, Y, schools.a.schoolNumber, 'NL')).toBe(false);
    expect(await isSchoolOfPo(t.db, Y, schools.d.schoolNumber)).toBe(false);
  });

  it('checks community registration and occupation of teaching staff', async () => {
    const lucas = teachers.twoCommunities.niss;
    expect(await findWorker(t.db, lucas)).toEqual({
      niss: lucas, lastName: 'Wouters', firstName: 'Lucas', birthDate: '1987-09-29', email: null,
    });
    expect(await isWorkerRegisteredInCommunity(t.db, lucas, 'FR')).toBe(true);
    expect(await isWorkerRegisteredInCommunity(t.db, lucas, 'NL')).toBe(true);
    expect(await isWorkerRegisteredInCommunity(t.db, lucas, 'DE')).toBe(false);
    expect(await listOccupations(t.db, lucas)).toHaveLength(2);
    expect(await findOccupation(t.db, teachers.primaryA.niss, schools.a.schoolNumber)).toEqual({
      niss: teachers.primaryA.niss, schoolNumber: schools.a.schoolNumber, status: 'STATUTORY', level: 'PRIMARY',
      periodsPerWeek: 24, partTime: false,
    });
    expect(await findOccupation(t.db, teachers.primaryA.niss, schools.b.schoolNumber)).toBeNull();
  });

  it('tells own staff of an employer from teaching staff', async () => {
    expect(await findOwnStaffMember(t.db, Y, ownStaff.secretaryY.niss)).toEqual({
      employerEnterpriseNumber: Y, niss: ownStaff.secretaryY.niss, status: 'CONTRACTUAL',
    });
    expect(await findOwnStaffMember(t.db, Z, ownStaff.secretaryY.niss)).toBeNull();
    expect(await findOwnStaffMember(t.db, Y, teachers.primaryA.niss)).toBeNull();
  });
});
