/**
 * Access management: an organisation's group, its members (people signing in by NISS), their
 * role, status and permissions. Every change to a member writes an audit row in the same
 * transaction, subject `member:<enterprise number>:<niss>`.
 */
import { appendAudit, memberSubject } from './audit';
import type { Db } from './db';
import { DuplicateMemberError, GroupNotFoundError, MemberNotFoundError } from './errors';
import { containsPattern, Params } from './sql';
import type { MemberRole, MemberStatus, OrganisationKind, Page, PageRequest, Permission } from './types';
import { pageWindow } from './types';

export interface Member {
  enterpriseNumber: string;
  niss: string;
  lastName: string;
  firstName: string;
  role: MemberRole;
  status: MemberStatus;
  /** Sorted, without duplicates. */
  permissions: Permission[];
  createdAt: string;
  updatedAt: string;
}

/** An organisation whose group the person is an active member of ("Mes groupes"). */
export interface PersonGroup {
  enterpriseNumber: string;
  name: string;
  kind: OrganisationKind;
  employsOwnStaff: boolean;
  role: MemberRole;
}

export interface MemberFilter extends PageRequest {
  /** Words matched case-insensitively against last name, first name, or (digits) the NISS. */
  search?: string;
  role?: MemberRole;
  status?: MemberStatus;
  permission?: Permission;
}

export interface NewMember {
  enterpriseNumber: string;
  niss: string;
  lastName: string;
  firstName: string;
  role: MemberRole;
  permissions: readonly Permission[];
  /** NISS of the access manager making the change. */
  actor: string;
}

interface MemberChange {
  enterpriseNumber: string;
  niss: string;
  actor: string;
  reason?: string;
}

const managerRoles: readonly MemberRole[] = ['MAIN_ACCESS_MANAGER', 'ACCESS_MANAGER'];

const memberSelect = `
  SELECT m.enterprise_number AS "enterpriseNumber", m.niss, p.last_name AS "lastName",
         p.first_name AS "firstName", m.role, m.status, m.created_at AS "createdAt", m.updated_at AS "updatedAt",
         COALESCE((SELECT array_agg(mp.permission ORDER BY mp.permission) FROM member_permissions mp
                   WHERE mp.enterprise_number = m.enterprise_number AND mp.niss = m.niss), '{}'::text[]) AS permissions
  FROM group_members m JOIN people p ON p.niss = m.niss`;

const normalise = (permissions: readonly Permission[]): Permission[] => [...new Set(permissions)].sort();

/** Creates the organisation's access group if it has none yet. */
export async function ensureAccessGroup(db: Db, enterpriseNumber: string): Promise<void> {
  await db.query('INSERT INTO access_groups (enterprise_number) VALUES ($1) ON CONFLICT DO NOTHING', [enterpriseNumber]);
}

export function listGroupsOfPerson(db: Db, niss: string): Promise<PersonGroup[]> {
  return db.query<PersonGroup>(
    `SELECT o.enterprise_number AS "enterpriseNumber", o.name, o.kind, o.employs_own_staff AS "employsOwnStaff", m.role
     FROM group_members m JOIN organisations o ON o.enterprise_number = m.enterprise_number
     WHERE m.niss = $1 AND m.status = 'ACTIVE'
     ORDER BY o.name, o.enterprise_number`,
    [niss],
  );
}

/** The person's permissions in the organisation; none unless they are an active member. */
export async function listPermissionsOf(db: Db, niss: string, enterpriseNumber: string): Promise<Permission[]> {
  const rows = await db.query<{ permission: Permission }>(
    `SELECT mp.permission FROM member_permissions mp
     JOIN group_members m ON m.enterprise_number = mp.enterprise_number AND m.niss = mp.niss
     WHERE mp.niss = $1 AND mp.enterprise_number = $2 AND m.status = 'ACTIVE'
     ORDER BY mp.permission`,
    [niss, enterpriseNumber],
  );
  return rows.map((row) => row.permission);
}

export async function isAccessManager(db: Db, niss: string, enterpriseNumber: string): Promise<boolean> {
  const row = await db.maybeOne<{ found: boolean }>(
    `SELECT true AS found FROM group_members
     WHERE niss = $1 AND enterprise_number = $2 AND status = 'ACTIVE' AND role = ANY($3::text[])`,
    [niss, enterpriseNumber, managerRoles],
  );
  return row !== null;
}

/**
 * Whether the person is an ACTIVE member of the organisation's group and holds the permission: what an
 * acting context needs, checked on every call that acts in it. Two primary-key probes (group_members
 * by (enterprise_number, niss), member_permissions by (enterprise_number, niss, permission)).
 */
export async function holdsActivePermission(db: Db, niss: string, enterpriseNumber: string, permission: Permission): Promise<boolean> {
  const row = await db.maybeOne<{ found: boolean }>(
    `SELECT true AS found FROM group_members m
     JOIN member_permissions mp ON mp.enterprise_number = m.enterprise_number AND mp.niss = m.niss AND mp.permission = $3
     WHERE m.enterprise_number = $1 AND m.niss = $2 AND m.status = 'ACTIVE'`,
    [enterpriseNumber, niss, permission],
  );
  return row !== null;
}

/** The group's members matching the filter, sorted by last name then first name. */
export async function listMembers(db: Db, enterpriseNumber: string, filter: MemberFilter = {}): Promise<Page<Member>> {
  const { page, pageSize, offset } = pageWindow(filter);
  const params = new Params();
  const where = [`m.enterprise_number = ${params.add(enterpriseNumber)}`];
  for (const word of (filter.search ?? '').split(/\s+/).filter(Boolean).slice(0, 5)) {
    const name = params.add(containsPattern(word));
    const digits = word.replace(/\D/g, '');
    const nissMatch = /^[\d.\-/]+$/.test(word) && digits ? ` OR m.niss LIKE ${params.add(`%${digits}%`)}` : '';
    where.push(`(p.last_name ILIKE ${name} OR p.first_name ILIKE ${name}${nissMatch})`);
  }
  if (filter.role) where.push(`m.role = ${params.add(filter.role)}`);
  if (filter.status) where.push(`m.status = ${params.add(filter.status)}`);
  if (filter.permission) {
    where.push(`EXISTS (SELECT 1 FROM member_permissions f WHERE f.enterprise_number = m.enterprise_number
                AND f.niss = m.niss AND f.permission = ${params.add(filter.permission)})`);
  }
  const condition = where.join(' AND ');
  const { total } = await db.one<{ total: number }>(
    `SELECT count(*) AS total FROM group_members m JOIN people p ON p.niss = m.niss WHERE ${condition}`,
    params.values,
  );
  const items = await db.query<Member>(
    `${memberSelect} WHERE ${condition}
     ORDER BY lower(p.last_name), lower(p.first_name), m.niss
     LIMIT ${params.add(pageSize)} OFFSET ${params.add(offset)}`,
    params.values,
  );
  return { items, total, page, pageSize };
}

export function getMember(db: Db, enterpriseNumber: string, niss: string): Promise<Member | null> {
  return db.maybeOne<Member>(`${memberSelect} WHERE m.enterprise_number = $1 AND m.niss = $2`, [
    enterpriseNumber,
    niss,
  ]);
}

/**
 * Adds a person to the organisation's group, active, with the given permissions.
 * The person's name is kept as first recorded (the NISS identifies them across organisations).
 * @throws DuplicateMemberError when they already are a member; GroupNotFoundError without a group.
 */
export function addMember(db: Db, member: NewMember): Promise<Member> {
  const { enterpriseNumber, niss } = member;
  return db.transaction(async (tx) => {
    const group = await tx.maybeOne('SELECT 1 AS found FROM access_groups WHERE enterprise_number = $1', [
      enterpriseNumber,
    ]);
    if (!group) throw new GroupNotFoundError(enterpriseNumber);
    await tx.query(
      'INSERT INTO people (niss, last_name, first_name) VALUES ($1, $2, $3) ON CONFLICT (niss) DO NOTHING',
      [niss, member.lastName, member.firstName],
    );
    const inserted = await tx.query(
      `INSERT INTO group_members (enterprise_number, niss, role, status) VALUES ($1, $2, $3, 'ACTIVE')
       ON CONFLICT (enterprise_number, niss) DO NOTHING RETURNING niss`,
      [enterpriseNumber, niss, member.role],
    );
    if (inserted.length === 0) throw new DuplicateMemberError(enterpriseNumber, niss);
    await insertPermissions(tx, enterpriseNumber, niss, normalise(member.permissions));
    const added = await requireMember(tx, enterpriseNumber, niss);
    await appendAudit(tx, {
      actor: member.actor,
      action: 'member.added',
      subject: memberSubject(enterpriseNumber, niss),
      details: { role: added.role, permissions: added.permissions },
    });
    return added;
  });
}

/** Replaces the member's permissions ("sauvegarder" after the pencil). */
export function setMemberPermissions(
  db: Db,
  change: MemberChange & { permissions: readonly Permission[] },
): Promise<Member> {
  return changeMember(db, change, 'member.permissions.set', 'permissions', async (tx) => {
    await tx.query('DELETE FROM member_permissions WHERE enterprise_number = $1 AND niss = $2', [
      change.enterpriseNumber,
      change.niss,
    ]);
    await insertPermissions(tx, change.enterpriseNumber, change.niss, normalise(change.permissions));
  });
}

export function setMemberRole(db: Db, change: MemberChange & { role: MemberRole }): Promise<Member> {
  return changeMember(db, change, 'member.role.set', 'role', (tx) =>
    tx.query('UPDATE group_members SET role = $3 WHERE enterprise_number = $1 AND niss = $2', [
      change.enterpriseNumber,
      change.niss,
      change.role,
    ]),
  );
}

export function setMemberStatus(db: Db, change: MemberChange & { status: MemberStatus }): Promise<Member> {
  return changeMember(db, change, 'member.status.set', 'status', (tx) =>
    tx.query('UPDATE group_members SET status = $3 WHERE enterprise_number = $1 AND niss = $2', [
      change.enterpriseNumber,
      change.niss,
      change.status,
    ]),
  );
}

/** Locks the member, applies `apply`, stamps `updated_at`, audits before/after of `field`. */
function changeMember(
  db: Db,
  change: MemberChange,
  action: string,
  field: 'permissions' | 'role' | 'status',
  apply: (tx: Db) => Promise<unknown>,
): Promise<Member> {
  const { enterpriseNumber, niss } = change;
  return db.transaction(async (tx) => {
    const locked = await tx.maybeOne(
      'SELECT niss FROM group_members WHERE enterprise_number = $1 AND niss = $2 FOR UPDATE',
      [enterpriseNumber, niss],
    );
    if (!locked) throw new MemberNotFoundError(enterpriseNumber, niss);
    const before = await requireMember(tx, enterpriseNumber, niss);
    await apply(tx);
    await tx.query('UPDATE group_members SET updated_at = now() WHERE enterprise_number = $1 AND niss = $2', [
      enterpriseNumber,
      niss,
    ]);
    const after = await requireMember(tx, enterpriseNumber, niss);
    await appendAudit(tx, {
      actor: change.actor,
      action,
      subject: memberSubject(enterpriseNumber, niss),
      details: { before: before[field], after: after[field], ...(change.reason ? { reason: change.reason } : {}) },
    });
    return after;
  });
}

async function requireMember(db: Db, enterpriseNumber: string, niss: string): Promise<Member> {
  const member = await getMember(db, enterpriseNumber, niss);
  if (!member) throw new MemberNotFoundError(enterpriseNumber, niss);
  return member;
}

async function insertPermissions(db: Db, enterpriseNumber: string, niss: string, permissions: Permission[]): Promise<void> {
  if (permissions.length === 0) return;
  await db.query(
    `INSERT INTO member_permissions (enterprise_number, niss, permission)
     SELECT $1, $2, unnest($3::text[]) ON CONFLICT DO NOTHING`,
    [enterpriseNumber, niss, permissions],
  );
}
