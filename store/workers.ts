/** Workers: teaching staff (community registration, occupations in schools) and own staff. */
import type { Db } from './db';
import type { School } from './organisations';
import type { CommunityCode, TeachingLevel, WorkerStatus } from './types';

export interface Worker {
  niss: string;
  lastName: string;
  firstName: string;
  /** 'YYYY-MM-DD', or null when unknown. */
  birthDate: string | null;
  email: string | null;
}

export interface Occupation {
  niss: string;
  schoolNumber: string;
  status: WorkerStatus;
  level: TeachingLevel;
  /** Teaching load in periods per week (never hours). */
  periodsPerWeek: number;
  partTime: boolean;
}

export interface OwnStaffMember {
  employerEnterpriseNumber: string;
  niss: string;
  status: WorkerStatus;
}

const occupationColumns = `niss, school_number AS "schoolNumber", status, level,
  periods_per_week AS "periodsPerWeek", part_time AS "partTime"`;

export function findWorker(db: Db, niss: string): Promise<Worker | null> {
  return db.maybeOne<Worker>(
    `SELECT niss, last_name AS "lastName", first_name AS "firstName", birth_date AS "birthDate", email
     FROM workers WHERE niss = $1`,
    [niss],
  );
}

/** Whether the worker is registered under the community's enterprise number. */
export async function isWorkerRegisteredInCommunity(db: Db, niss: string, communityCode: CommunityCode): Promise<boolean> {
  const row = await db.maybeOne<{ found: boolean }>(
    'SELECT true AS found FROM worker_registrations WHERE niss = $1 AND community_code = $2',
    [niss, communityCode],
  );
  return row !== null;
}

/** The worker's occupation in that school, or null when they are not occupied there. */
export function findOccupation(db: Db, niss: string, schoolNumber: string): Promise<Occupation | null> {
  return db.maybeOne<Occupation>(
    `SELECT ${occupationColumns} FROM worker_occupations WHERE niss = $1 AND school_number = $2`,
    [niss, schoolNumber],
  );
}

/** All of the worker's occupations (several schools or communities mean several employers). */
export function listOccupations(db: Db, niss: string): Promise<Occupation[]> {
  return db.query<Occupation>(
    `SELECT ${occupationColumns} FROM worker_occupations WHERE niss = $1 ORDER BY school_number`,
    [niss],
  );
}

/** The worker as own staff of that employer, or null when they are not. */
export function findOwnStaffMember(db: Db, employerEnterpriseNumber: string, niss: string): Promise<OwnStaffMember | null> {
  return db.maybeOne<OwnStaffMember>(
    `SELECT employer_enterprise_number AS "employerEnterpriseNumber", niss, status
     FROM own_staff WHERE employer_enterprise_number = $1 AND niss = $2`,
    [employerEnterpriseNumber, niss],
  );
}

/** What the check of a PO's worker selection needs, read in one statement (`poSelectionFacts`). */
export interface PoSelectionFacts {
  worker: Worker | null;
  school: School | null;
  /** Occupied in one of the PO's schools, in any community. */
  occupiedByPo: boolean;
  /** Registered in the school's community (false when the school is unknown). */
  registeredInSchoolCommunity: boolean;
  /** The occupation in that school, or null. */
  occupation: Occupation | null;
  /** Employers the worker is occupied with: distinct (PO, community) pairs of their schools. */
  employerCount: number;
}

const PO_SELECTION_FACTS = `SELECT
     w.niss AS "workerNiss", w.last_name AS "lastName", w.first_name AS "firstName", w.birth_date AS "birthDate", w.email,
     s.school_number AS "schoolNumber", s.name AS "schoolName", s.po_enterprise_number AS "poEnterpriseNumber",
     s.community_code AS "communityCode",
     o.status AS "occupationStatus", o.level, o.periods_per_week AS "periodsPerWeek", o.part_time AS "partTime",
     EXISTS (SELECT 1 FROM worker_occupations po JOIN schools ps ON ps.school_number = po.school_number
             WHERE po.niss = $1 AND ps.po_enterprise_number = $3) AS "occupiedByPo",
     EXISTS (SELECT 1 FROM worker_registrations r WHERE r.niss = $1 AND r.community_code = s.community_code) AS "registered",
     (SELECT count(DISTINCT (es.po_enterprise_number, es.community_code))
        FROM worker_occupations eo JOIN schools es ON es.school_number = eo.school_number WHERE eo.niss = $1)::int AS "employerCount"
   FROM (VALUES (1)) AS one (x)
   LEFT JOIN workers w ON w.niss = $1
   LEFT JOIN schools s ON s.school_number = $2
   LEFT JOIN worker_occupations o ON o.niss = $1 AND o.school_number = $2`;

/**
 * The worker, the school and how they relate to the PO, in one round trip: the answers of findWorker,
 * findSchool, isWorkerRegisteredInCommunity (in the school's community) and findOccupation, whether the
 * worker is occupied by the PO at all, and how many employers they have.
 */
export async function poSelectionFacts(db: Db, niss: string, schoolNumber: string, poEnterpriseNumber: string): Promise<PoSelectionFacts> {
  const row = await db.one<{
    workerNiss: string | null;
    lastName: string;
    firstName: string;
    birthDate: string | null;
    email: string | null;
    schoolNumber: string | null;
    schoolName: string;
    poEnterpriseNumber: string;
    communityCode: CommunityCode;
    occupationStatus: WorkerStatus | null;
    level: TeachingLevel;
    periodsPerWeek: number;
    partTime: boolean;
    occupiedByPo: boolean;
    registered: boolean;
    employerCount: number;
  }>(PO_SELECTION_FACTS, [niss, schoolNumber, poEnterpriseNumber], { prepared: 'po-selection-facts' });
  return {
    worker: row.workerNiss === null ? null : { niss: row.workerNiss, lastName: row.lastName, firstName: row.firstName, birthDate: row.birthDate, email: row.email },
    school:
      row.schoolNumber === null
        ? null
        : { schoolNumber: row.schoolNumber, name: row.schoolName, poEnterpriseNumber: row.poEnterpriseNumber, communityCode: row.communityCode },
    occupiedByPo: row.occupiedByPo,
    registeredInSchoolCommunity: row.registered,
    occupation:
      row.occupationStatus === null
        ? null
        : { niss, schoolNumber, status: row.occupationStatus, level: row.level, periodsPerWeek: row.periodsPerWeek, partTime: row.partTime },
    employerCount: row.employerCount,
  };
}
