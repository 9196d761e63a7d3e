/**
 * The value sets the store persists come from domain/'s catalogues (the CHECK constraints in
 * `migrations/` mirror them); only the organisation kind is the store's own.
 */
export type {
  ActingMode,
  Community as CommunityCode,
  EducationLevel as TeachingLevel,
  LeaveCode,
  LeaveForm,
  MemberStatus,
  Permission,
  RequestStatus,
  Role as MemberRole,
  WorkerStatus,
} from '../domain/catalogue';

export type OrganisationKind = 'PO' | 'SCHOOL' | 'EMPLOYER';

/** One page of a list, with the total number of matching rows. `page` is 1-based. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PageRequest {
  page?: number;
  pageSize?: number;
}

export const defaultPageSize = 20;
export const maxPageSize = 100;

/** Normalises page/pageSize (1-based page, size 1..maxPageSize) and gives the SQL offset. */
export function pageWindow(request: PageRequest): { page: number; pageSize: number; offset: number } {
  const page = Math.max(1, Math.trunc(request.page ?? 1));
  const pageSize = Math.min(maxPageSize, Math.max(1, Math.trunc(request.pageSize ?? defaultPageSize)));
  return { page, pageSize, offset: (page - 1) * pageSize };
}
