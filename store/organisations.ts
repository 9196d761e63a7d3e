/** Communities, organisations and schools: the reference data the journeys check against. */
import type { Db } from './db';
import type { CommunityCode, OrganisationKind } from './types';

export interface Community {
  code: CommunityCode;
  enterpriseNumber: string;
  label: string;
}

export interface Organisation {
  enterpriseNumber: string;
  name: string;
  kind: OrganisationKind;
  employsOwnStaff: boolean;
}

export interface School {
  schoolNumber: string;
  name: string;
  poEnterpriseNumber: string;
  communityCode: CommunityCode;
}

const communityColumns = 'code, enterprise_number AS "enterpriseNumber", label';
const organisationColumns =
  'enterprise_number AS "enterpriseNumber", name, kind, employs_own_staff AS "employsOwnStaff"';
const schoolColumns =
  's.school_number AS "schoolNumber", s.name, s.po_enterprise_number AS "poEnterpriseNumber", s.community_code AS "communityCode"';

export function listCommunities(db: Db): Promise<Community[]> {
  return db.query<Community>(`SELECT ${communityColumns} FROM communities ORDER BY code`);
}

/** Sets a community's enterprise number and label (configuration, not code). */
export async function upsertCommunity(db: Db, community: Community): Promise<void> {
  await db.query(
    `INSERT INTO communities (code, enterprise_number, label) VALUES ($1, $2, $3)
     ON CONFLICT (code) DO UPDATE SET enterprise_number = EXCLUDED.enterprise_number, label = EXCLUDED.label`,
    [community.code, community.enterpriseNumber, community.label],
  );
}

export function findOrganisation(db: Db, enterpriseNumber: string): Promise<Organisation | null> {
  return db.maybeOne<Organisation>(`SELECT ${organisationColumns} FROM organisations WHERE enterprise_number = $1`, [
    enterpriseNumber,
  ]);
}

/** The PO's schools, by name; only those of one community when `communityCode` is given. */
export function listSchoolsOfPo(
  db: Db,
  poEnterpriseNumber: string,
  filter: { communityCode?: CommunityCode } = {},
): Promise<School[]> {
  return db.query<School>(
    `SELECT ${schoolColumns} FROM schools s
     WHERE s.po_enterprise_number = $1 AND ($2::text IS NULL OR s.community_code = $2)
     ORDER BY s.name, s.school_number`,
    [poEnterpriseNumber, filter.communityCode ?? null],
  );
}

export function findSchool(db: Db, schoolNumber: string): Promise<School | null> {
  return db.maybeOne<School>(`SELECT ${schoolColumns} FROM schools s WHERE s.school_number = $1`, [schoolNumber]);
}

/** Whether the school belongs to the PO (and, when given, to that community). */
export async function isSchoolOfPo(
  db: Db,
  poEnterpriseNumber: string,
  schoolNumber: string,
  communityCode?: CommunityCode,
): Promise<boolean> {
  const school = await findSchool(db, schoolNumber);
  return (
    school !== null &&
    school.poEnterpriseNumber === poEnterpriseNumber &&
    (communityCode === undefined || school.communityCode === communityCode)
  );
}

export function findCommunityOfSchool(db: Db, schoolNumber: string): Promise<Community | null> {
  return db.maybeOne<Community>(
    `SELECT c.code, c.enterprise_number AS "enterpriseNumber", c.label
     FROM schools s JOIN communities c ON c.code = s.community_code WHERE s.school_number = $1`,
    [schoolNumber],
  );
}
