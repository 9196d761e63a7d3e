/** Workers: teaching staff (community registration, occupations in schools) and own staff. */
import type { Db } from './db';
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

/** Whether the worker is occupied in one of the PO's schools (any community): one of the PO's staff. */
export async function isOccupiedByPo(db: Db, niss: string, poEnterpriseNumber: string): Promise<boolean> {
  const row = await db.maybeOne<{ found: boolean }>(
    `SELECT true AS found FROM worker_occupations o JOIN schools s ON s.school_number = o.school_number
     WHERE o.niss = $1 AND s.po_enterprise_number = $2 LIMIT 1`,
    [niss, poEnterpriseNumber],
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

/**
 * How many employers the worker's occupations give: one per PO and community (two communities count as
 * two, docs/domain.md); several schools of the same PO in the same community are one employer.
 */
export async function countEmployersOf(db: Db, niss: string): Promise<number> {
  const { count } = await db.one<{ count: number }>(
    `SELECT count(DISTINCT (s.po_enterprise_number, s.community_code)) AS count
     FROM worker_occupations o JOIN schools s ON s.school_number = o.school_number WHERE o.niss = $1`,
    [niss],
  );
  return count;
}

/** The worker as own staff of that employer, or null when they are not. */
export function findOwnStaffMember(db: Db, employerEnterpriseNumber: string, niss: string): Promise<OwnStaffMember | null> {
  return db.maybeOne<OwnStaffMember>(
    `SELECT employer_enterprise_number AS "employerEnterpriseNumber", niss, status
     FROM own_staff WHERE employer_enterprise_number = $1 AND niss = $2`,
    [employerEnterpriseNumber, niss],
  );
}
