import {
  addMember,
  getMember,
  isAccessManager,
  listGroupsOfPerson,
  listMembers,
  listPermissionsOf,
  setMemberPermissions,
  setMemberRole,
  setMemberStatus,
} from '../../../store/access';
import { listAuditBySubject, memberSubject } from '../../../store/audit';
import { demoCast, loadDemoData } from '../../../store/demo-data';
import { DuplicateMemberError, GroupNotFoundError, MemberNotFoundError } from '../../../store/errors';
import type { Permission } from '../../../store/types';
import { backends, openMigratedDb, type TestDb } from './backends';

const { organisations, people } = demoCast;
const Y = organisations.poY.enterpriseNumber;
const Z = organisations.poZ.enterpriseNumber;
const manager = people.accessManagerY.niss;

/** A valid NISS for a test person: 1990-01-01, counter n (1–998). */
function testNiss(n: number): string {
  const first9 = `900101${String(n).padStart(3, '0')}`;
  return first9 + String(97 - (Number(first9) % 97)).padStart(2, '0');
}

describe.each(backends)('access management on %s', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openMigratedDb(backend, 'access');
    await loadDemoData(t.db);
  });
  afterAll(() => t.dispose());

  describe('reading', () => {
    it('lists the groups a person is an active member of', async () => {
      expect(await listGroupsOfPerson(t.db, people.bothPermissions.niss)).toEqual([
        { enterpriseNumber: Y, name: organisations.poY.name, kind: 'PO', employsOwnStaff: true, role: 'USER' },
      ]);
      expect((await listGroupsOfPerson(t.db, people.poZUser.niss)).map((g) => g.enterpriseNumber)).toEqual([Z]);
      expect(await listGroupsOfPerson(t.db, people.inactiveMember.niss)).toEqual([]);
      expect(await listGroupsOfPerson(t.db, testNiss(998))).toEqual([]);
    });

    it('knows who is access manager of which organisation', async () => {
      expect(await isAccessManager(t.db, manager, Y)).toBe(true);
      expect(await isAccessManager(t.db, manager, Z)).toBe(false);
      expect(await isAccessManager(t.db, people.bothPermissions.niss, Y)).toBe(false);
    });

    it('lists a group’s members by last name, with role, status and permissions', async () => {
      const page = await listMembers(t.db, Y);
      expect(page.total).toBe(6);
      expect(page.items.map((m) => m.lastName)).toEqual(['Benali', 'Claes', 'Dubois', 'Lejeune', 'Martin', 'Peeters']);
      expect(page.items.find((m) => m.lastName === 'Dubois')).toMatchObject({
        enterpriseNumber: Y, niss: people.bothPermissions.niss, firstName: 'Claire', role: 'USER', status: 'ACTIVE',
        permissions: ['EMPLOYER', 'PO_EDUCATION'],
      });
      expect(page.items.find((m) => m.lastName === 'Martin')?.permissions).toEqual([]);
    });

    it('never lists another organisation’s members', async () => {
      const z = await listMembers(t.db, Z);
      expect(z.items.map((m) => m.niss)).toEqual([people.poZUser.niss]);
      expect((await listMembers(t.db, Y, { search: 'Schmitz' })).total).toBe(0);
    });

    it('searches last name, first name or NISS, case-insensitively', async () => {
      const names = async (search: string) => (await listMembers(t.db, Y, { search })).items.map((m) => m.lastName);
      expect(await names('dUBo')).toEqual(['Dubois']);
      expect(await names('CLAIRE')).toEqual(['Dubois']);
      expect(await names('claire dubois')).toEqual(['Dubois']);
      expect(await names('71.05.08-156.63')).toEqual(['Dubois']);
      expect(await names(people.bothPermissions.niss.slice(0, 6))).toEqual(['Dubois']);
      expect(await names('e')).toEqual(['Benali', 'Claes', 'Dubois', 'Lejeune', 'Peeters']);
      expect(await names('%')).toEqual([]);
      expect(await names('_')).toEqual([]);
    });

    it('filters by role, status and permission', async () => {
      const names = async (filter: Parameters<typeof listMembers>[2]) =>
        (await listMembers(t.db, Y, filter)).items.map((m) => m.lastName);
      expect(await names({ role: 'MAIN_ACCESS_MANAGER' })).toEqual(['Lejeune']);
      expect(await names({ status: 'INACTIVE' })).toEqual(['Claes']);
      expect(await names({ permission: 'PO_EDUCATION' })).toEqual(['Claes', 'Dubois', 'Peeters']);
      expect(await names({ permission: 'PO_EDUCATION', status: 'ACTIVE' })).toEqual(['Dubois', 'Peeters']);
      expect(await names({ permission: 'EMPLOYER', role: 'USER', search: 'a' })).toEqual(['Benali', 'Dubois']);
    });

    it('returns null for a member of another group', async () => {
      expect(await getMember(t.db, Y, people.poZUser.niss)).toBeNull();
      expect((await getMember(t.db, Z, people.poZUser.niss))?.permissions).toEqual(['PO_EDUCATION']);
    });
  });

  describe('paginating', () => {
    const org = '0111111124';
    beforeAll(async () => {
      await t.db.query(`INSERT INTO organisations (enterprise_number, name, kind) VALUES ($1, 'Big PO', 'PO')`, [org]);
      await t.db.query('INSERT INTO access_groups (enterprise_number) VALUES ($1)', [org]);
      for (let i = 1; i <= 23; i++) {
        await addMember(t.db, {
          enterpriseNumber: org, niss: testNiss(i), lastName: `Name${String(24 - i).padStart(2, '0')}`, firstName: 'Test',
          role: 'USER', permissions: i % 2 ? ['PO_EDUCATION'] : [], actor: manager,
        });
      }
    });

    it('pages through the sorted list with the total', async () => {
      const pages = await Promise.all([1, 2, 3, 4].map((page) => listMembers(t.db, org, { page, pageSize: 10 })));
      expect(pages.map((p) => p.total)).toEqual([23, 23, 23, 23]);
      expect(pages.map((p) => p.items.length)).toEqual([10, 10, 3, 0]);
      const all = pages.flatMap((p) => p.items.map((m) => m.lastName));
      expect(all).toEqual(Array.from({ length: 23 }, (_, i) => `Name${String(i + 1).padStart(2, '0')}`));
    });

    it('counts the filtered total, not the page', async () => {
      const page = await listMembers(t.db, org, { permission: 'PO_EDUCATION', page: 2, pageSize: 5 });
      expect(page).toMatchObject({ total: 12, page: 2, pageSize: 5 });
      expect(page.items).toHaveLength(5);
    });

    it('clamps silly page numbers and sizes', async () => {
      expect(await listMembers(t.db, org, { page: 0, pageSize: 1000 })).toMatchObject({ page: 1, pageSize: 100, total: 23 });
      expect((await listMembers(t.db, org, { pageSize: 0 })).items).toHaveLength(1);
    });
  });

  describe('changing', () => {
    it('adds a member with permissions, and audits it', async () => {
      const niss = testNiss(500);
      const added = await addMember(t.db, {
        enterpriseNumber: Y, niss, lastName: 'Nouvelle', firstName: 'Alice', role: 'USER',
        permissions: ['PO_EDUCATION', 'PO_EDUCATION'], actor: manager,
      });
      expect(added).toMatchObject({ niss, lastName: 'Nouvelle', role: 'USER', status: 'ACTIVE', permissions: ['PO_EDUCATION'] });
      expect(await listPermissionsOf(t.db, niss, Y)).toEqual(['PO_EDUCATION']);
      const audit = await listAuditBySubject(t.db, memberSubject(Y, niss));
      expect(audit.map((a) => [a.action, a.actor])).toEqual([['member.added', manager]]);
    });

    it('refuses a duplicate member with a typed error, changing nothing', async () => {
      const niss = people.bothPermissions.niss;
      const auditBefore = await listAuditBySubject(t.db, memberSubject(Y, niss));
      const attempt = addMember(t.db, {
        enterpriseNumber: Y, niss, lastName: 'Other', firstName: 'Name', role: 'ACCESS_MANAGER', permissions: [], actor: manager,
      });
      await expect(attempt).rejects.toBeInstanceOf(DuplicateMemberError);
      await expect(attempt).rejects.toMatchObject({ code: 'MEMBER_ALREADY_EXISTS' });
      expect(await getMember(t.db, Y, niss)).toMatchObject({ lastName: 'Dubois', role: 'USER', permissions: ['EMPLOYER', 'PO_EDUCATION'] });
      expect(await listAuditBySubject(t.db, memberSubject(Y, niss))).toEqual(auditBefore);
    });

    it('refuses a member in an organisation without a group', async () => {
      await expect(
        addMember(t.db, {
          enterpriseNumber: '0222222248', niss: testNiss(501), lastName: 'X', firstName: 'Y', role: 'USER', permissions: [], actor: manager,
        }),
      ).rejects.toBeInstanceOf(GroupNotFoundError);
    });

    it('keeps the name already known for a person joining a second group', async () => {
      await addMember(t.db, {
        enterpriseNumber: Y, niss: people.poZUser.niss, lastName: 'Typo', firstName: 'Ingrid', role: 'USER', permissions: [], actor: manager,
      });
      expect(await getMember(t.db, Y, people.poZUser.niss)).toMatchObject({ lastName: 'Schmitz' });
      expect((await listGroupsOfPerson(t.db, people.poZUser.niss)).map((g) => g.enterpriseNumber).sort()).toEqual([Y, Z].sort());
    });

    it('sets permissions (the pencil, then "sauvegarder") and writes the audit row', async () => {
      const niss = people.noPermission.niss;
      const before = await getMember(t.db, Y, niss);
      const after = await setMemberPermissions(t.db, {
        enterpriseNumber: Y, niss, permissions: ['PO_EDUCATION'], actor: manager, reason: 'introduces requests for school A',
      });
      expect(after.permissions).toEqual(['PO_EDUCATION']);
      expect(after.updatedAt >= (before?.updatedAt ?? '')).toBe(true);
      expect(await listPermissionsOf(t.db, niss, Y)).toEqual(['PO_EDUCATION']);
      const audit = await listAuditBySubject(t.db, memberSubject(Y, niss));
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        actor: manager, action: 'member.permissions.set', subject: memberSubject(Y, niss),
        details: { before: [], after: ['PO_EDUCATION'], reason: 'introduces requests for school A' },
      });
      expect(audit[0]?.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    });

    it('writes permissions and audit in one transaction: a failure leaves neither', async () => {
      const niss = people.employerOnly.niss;
      await expect(
        setMemberPermissions(t.db, { enterpriseNumber: Y, niss, permissions: ['BOGUS' as Permission], actor: manager }),
      ).rejects.toMatchObject({ code: '23514' }); // check_violation
      expect(await listPermissionsOf(t.db, niss, Y)).toEqual(['EMPLOYER']);
      expect(await listAuditBySubject(t.db, memberSubject(Y, niss))).toEqual([]);
    });

    it('refuses to change someone who is not a member', async () => {
      await expect(
        setMemberPermissions(t.db, { enterpriseNumber: Z, niss: people.employerOnly.niss, permissions: [], actor: manager }),
      ).rejects.toBeInstanceOf(MemberNotFoundError);
      expect(await listAuditBySubject(t.db, memberSubject(Z, people.employerOnly.niss))).toEqual([]);
    });

    it('sets role and status with audit; an inactive member loses group and permissions', async () => {
      const niss = people.poEducationOnly.niss;
      expect((await setMemberRole(t.db, { enterpriseNumber: Y, niss, role: 'ACCESS_MANAGER', actor: manager })).role).toBe('ACCESS_MANAGER');
      expect(await isAccessManager(t.db, niss, Y)).toBe(true);
      expect((await setMemberStatus(t.db, { enterpriseNumber: Y, niss, status: 'INACTIVE', actor: manager })).status).toBe('INACTIVE');
      expect(await isAccessManager(t.db, niss, Y)).toBe(false);
      expect(await listPermissionsOf(t.db, niss, Y)).toEqual([]);
      expect(await listGroupsOfPerson(t.db, niss)).toEqual([]);
      const audit = await listAuditBySubject(t.db, memberSubject(Y, niss));
      expect(audit.map((a) => [a.action, a.details])).toEqual([
        ['member.role.set', { before: 'USER', after: 'ACCESS_MANAGER' }],
        ['member.status.set', { before: 'ACTIVE', after: 'INACTIVE' }],
      ]);
    });
  });
});
