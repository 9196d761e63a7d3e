/**
 * The overview's read model: one row per request journey, written by activities with the
 * journey's version so that retried or out-of-order writes never go back in time, and read only
 * within an acting context (enterprise + mode), so a tenant never sees another one's requests.
 */
import { createHash } from 'node:crypto';
import type { NewAuditEntry } from './audit';
import type { Db, SqlParam } from './db';
import { Params } from './sql';
import type { ActingMode, CommunityCode, LeaveCode, LeaveForm, RequestStatus, WorkerStatus } from './types';
import { defaultPageSize, maxPageSize } from './types';

export interface RequestRow {
  journeyId: string;
  ticket: string | null;
  actingEnterprise: string;
  actingMode: ActingMode;
  communityCode: CommunityCode | null;
  schoolNumber: string | null;
  workerNiss: string;
  workerName: string;
  workerStatus: WorkerStatus;
  leaveCode: LeaveCode | null;
  leaveForm: LeaveForm | null;
  /** 'YYYY-MM-DD'. */
  startDate: string | null;
  endDate: string | null;
  status: RequestStatus;
  /** NISS of the user who introduced the request. */
  introducedBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Who is looking: the enterprise signed in and the mode chosen on the intermediate screen. */
export interface ActingContext {
  enterpriseNumber: string;
  mode: ActingMode;
}

export type RequestUpsert = Omit<
  RequestRow,
  'ticket' | 'communityCode' | 'schoolNumber' | 'leaveCode' | 'leaveForm' | 'startDate' | 'endDate' | 'createdAt' | 'updatedAt'
> &
  Partial<Pick<RequestRow, 'ticket' | 'communityCode' | 'schoolNumber' | 'leaveCode' | 'leaveForm' | 'startDate' | 'endDate'>> & {
    /** When the change happened (ISO-8601); the write time when absent. */
    at?: string;
  };

/**
 * The request lists (overview, back-office search) page by key, not by offset: a page starts after
 * (older than) or before (newer than) a row's key in the lists' one order, newest first — creation time
 * to the microsecond, then journey id, which is unique, so rows created in the same instant keep their
 * place. A page costs the rows it shows (the index walks from the key), however deep it is, and a row
 * created meanwhile never shifts the rows of the next page.
 */
export interface PagePosition {
  direction: 'after' | 'before';
  /** The row's creation time to the microsecond (ISO-8601, UTC): `createdAt` of the rows keeps only milliseconds. */
  createdAt: string;
  journeyId: string;
}

export interface KeysetRequest {
  pageSize?: number;
  /** Where the page starts; the first page (the newest rows) when absent. */
  position?: PagePosition;
  /** Count the matching rows too, up to `countLimit` (a count reads what it counts: asked only by a screen that shows it). */
  count?: boolean;
}

/** One page of a list: its rows, and where the pages beside it start (null at either end). */
export interface KeysetPage<T> {
  items: T[];
  pageSize: number;
  next: PagePosition | null;
  previous: PagePosition | null;
  /** The number of matching rows when asked: exact up to `countLimit`; beyond, `{ count: countLimit, exact: false }`. */
  total: { count: number; exact: boolean } | null;
}

/** A count stops here: beyond it a screen says "more than 1,000", and counting costs no more than a few pages. */
export const countLimit = 1000;

export interface RequestFilter extends KeysetRequest {
  /** Worker NISS (11 digits). */
  worker?: string;
  school?: string;
  status?: RequestStatus;
  leave?: LeaveCode;
  /** Window on the creation time (ISO-8601): `from` inclusive, `to` exclusive. */
  from?: string;
  to?: string;
  /** The clock: without `from`, the window starts two years before `now`. */
  now: Date;
}

const columns = `journey_id AS "journeyId", ticket, acting_enterprise AS "actingEnterprise", acting_mode AS "actingMode",
  community_code AS "communityCode", school_number AS "schoolNumber", worker_niss AS "workerNiss",
  worker_name AS "workerName", worker_status AS "workerStatus", leave_code AS "leaveCode", leave_form AS "leaveForm",
  start_date AS "startDate", end_date AS "endDate", status, introduced_by AS "introducedBy",
  created_at AS "createdAt", updated_at AS "updatedAt", version`;

/** The page key's time as text to the microsecond: both drivers parse a timestamptz to milliseconds only. */
const keyColumn = `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "pageKey"`;

/** The upsert of `upsertRequest` ($1–$17). */
const UPSERT_REQUEST = `INSERT INTO requests (journey_id, ticket, acting_enterprise, acting_mode, community_code, school_number,
       worker_niss, worker_name, worker_status, leave_code, leave_form, start_date, end_date, status, introduced_by,
       created_at, updated_at, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::date, $13::date, $14, $15,
       COALESCE($16::timestamptz, now()), COALESCE($16::timestamptz, now()), $17)
     ON CONFLICT (journey_id) DO UPDATE SET
       ticket = COALESCE(EXCLUDED.ticket, requests.ticket),
       community_code = EXCLUDED.community_code, school_number = EXCLUDED.school_number,
       worker_niss = EXCLUDED.worker_niss, worker_name = EXCLUDED.worker_name, worker_status = EXCLUDED.worker_status,
       leave_code = EXCLUDED.leave_code, leave_form = EXCLUDED.leave_form,
       start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date, status = EXCLUDED.status,
       updated_at = EXCLUDED.updated_at, version = EXCLUDED.version
     WHERE requests.version < EXCLUDED.version
       AND requests.acting_enterprise = EXCLUDED.acting_enterprise AND requests.acting_mode = EXCLUDED.acting_mode
     RETURNING journey_id`;

/** The upsert and, only when it applied, its audit entry ($18–$21), in one statement. */
const UPSERT_REQUEST_AUDITED = `WITH upserted AS (${UPSERT_REQUEST}),
     audited AS (INSERT INTO audit_log (actor, action, subject, details) SELECT $18, $19, $20, $21::jsonb FROM upserted RETURNING id)
     SELECT journey_id FROM upserted`;

/**
 * Inserts or updates the journey's row. An update is applied only when its version is newer than
 * the stored one (and for the same acting enterprise and mode, which never change); a ticket, once
 * set, is kept. Returns whether the write changed anything. With `audit`, the entry is appended in the
 * same statement (one round trip) when, and only when, the write changed something.
 */
export async function upsertRequest(db: Db, request: RequestUpsert, audit?: NewAuditEntry): Promise<{ applied: boolean }> {
  const params: SqlParam[] = [
    request.journeyId,
    request.ticket ?? null,
    request.actingEnterprise,
    request.actingMode,
    request.communityCode ?? null,
    request.schoolNumber ?? null,
    request.workerNiss,
    request.workerName,
    request.workerStatus,
    request.leaveCode ?? null,
    request.leaveForm ?? null,
    request.startDate ?? null,
    request.endDate ?? null,
    request.status,
    request.introducedBy,
    request.at ?? null,
    request.version,
  ];
  const rows = audit
    ? await db.query(UPSERT_REQUEST_AUDITED, [...params, audit.actor, audit.action, audit.subject, JSON.stringify(audit.details ?? {})], { prepared: 'request-upsert-audited' })
    : await db.query(UPSERT_REQUEST, params, { prepared: 'request-upsert' });
  return { applied: rows.length === 1 };
}

/**
 * The context's requests matching the filter, newest first, one page from `position`. The indexes on
 * (acting context, created_at, journey_id) — and with the status after the context (migration 010) when
 * one is asked — serve it: the walk starts at the key and stops after one page.
 */
export function listRequests(db: Db, context: ActingContext, filter: RequestFilter): Promise<KeysetPage<RequestRow>> {
  const params = new Params();
  const where = [
    `acting_enterprise = ${params.add(context.enterpriseNumber)}`,
    `acting_mode = ${params.add(context.mode)}`,
    `created_at >= ${params.add(filter.from ?? twoYearsBefore(filter.now))}::timestamptz`,
  ];
  if (filter.to) where.push(`created_at < ${params.add(filter.to)}::timestamptz`);
  if (filter.worker) where.push(`worker_niss = ${params.add(filter.worker)}`);
  if (filter.school) where.push(`school_number = ${params.add(filter.school)}`);
  if (filter.status) where.push(`status = ${params.add(filter.status)}`);
  if (filter.leave) where.push(`leave_code = ${params.add(filter.leave)}`);
  return keysetPage(db, where, params, filter);
}

/** What a cursor of the overview belongs to: the acting context and the filter (not the clock, not the page size). */
export function overviewScope(context: ActingContext, filter: Pick<RequestFilter, 'worker' | 'school' | 'status' | 'leave' | 'from' | 'to'>): string {
  const { worker, school, status, leave, from, to } = filter;
  return scopeOf(['overview', context.enterpriseNumber, context.mode, worker, school, status, leave, from, to]);
}

/** The back-office's search across every tenant: each field narrows it; none given, every request. */
export interface BackofficeRequestFilter extends KeysetRequest {
  /** Exact ticket, e.g. BAW-2026-000123. */
  ticket?: string;
  /** Worker NISS (11 digits). */
  worker?: string;
  status?: RequestStatus;
  /** The acting enterprise (the PO, or the company acting for its own staff). */
  enterprise?: string;
  leave?: LeaveCode;
  /** Window on the creation time (ISO-8601 instants): `from` inclusive, `to` exclusive; no default window. */
  from?: string;
  to?: string;
}

/**
 * Back-office only (ONEM processes every tenant's requests): the requests of every PO matching the
 * filter, newest first, one page from `position`. Indexes in the lists' order: worker and status
 * (migration 007), enterprise (010), creation time (007); a ticket is unique.
 */
export function searchRequestsAnyTenant(db: Db, filter: BackofficeRequestFilter): Promise<KeysetPage<RequestRow>> {
  const params = new Params();
  const where: string[] = [];
  if (filter.ticket) where.push(`ticket = ${params.add(filter.ticket)}`);
  if (filter.worker) where.push(`worker_niss = ${params.add(filter.worker)}`);
  if (filter.status) where.push(`status = ${params.add(filter.status)}`);
  if (filter.enterprise) where.push(`acting_enterprise = ${params.add(filter.enterprise)}`);
  if (filter.leave) where.push(`leave_code = ${params.add(filter.leave)}`);
  if (filter.from) where.push(`created_at >= ${params.add(filter.from)}::timestamptz`);
  if (filter.to) where.push(`created_at < ${params.add(filter.to)}::timestamptz`);
  return keysetPage(db, where, params, filter);
}

/** What a cursor of the back-office search belongs to: its filter. */
export function backofficeScope(filter: Pick<BackofficeRequestFilter, 'ticket' | 'worker' | 'status' | 'enterprise' | 'leave' | 'from' | 'to'>): string {
  const { ticket, worker, status, enterprise, leave, from, to } = filter;
  return scopeOf(['backoffice', ticket, worker, status, enterprise, leave, from, to]);
}

/**
 * One page of the rows matching `where`, in the lists' order from `request.position`: one row more than
 * the page is read to know whether another page follows. Backwards (`before`), the index is walked the
 * other way and the rows turned back to newest first.
 */
async function keysetPage(db: Db, where: readonly string[], params: Params, request: KeysetRequest): Promise<KeysetPage<RequestRow>> {
  const pageSize = Math.min(maxPageSize, Math.max(1, Math.trunc(request.pageSize ?? defaultPageSize)));
  const filterValues = [...params.values];
  const filterOnly = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const position = request.position;
  const backwards = position?.direction === 'before';
  const conditions = [...where];
  if (position) {
    // A row comparison: the index starts its walk at the key (both columns descending in the index).
    conditions.push(`(created_at, journey_id) ${backwards ? '>' : '<'} (${params.add(position.createdAt)}::timestamptz, ${params.add(position.journeyId)})`);
  }
  const condition = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const order = backwards ? 'created_at ASC, journey_id ASC' : 'created_at DESC, journey_id DESC';
  const countOf = `SELECT count(*) FROM (SELECT 1 FROM requests ${filterOnly} LIMIT ${countLimit + 1}) AS matching`;
  // The count rides in the page's own statement (evaluated once): one round trip, not two.
  const rows = await db.query<RequestRow & { pageKey: string; matching?: number }>(
    `SELECT ${columns}, ${keyColumn}${request.count ? `, (${countOf}) AS matching` : ''} FROM requests ${condition} ORDER BY ${order} LIMIT ${params.add(pageSize + 1)}`,
    params.values,
  );
  // An empty page carries no count: none matches at all, or the page lies past the last row.
  const counted = !request.count ? null : rows[0] ? rows[0].matching! : position ? (await db.one<{ count: number }>(countOf, filterValues)).count : 0;
  const more = rows.length > pageSize;
  const shown = rows.slice(0, pageSize);
  if (backwards) shown.reverse();
  const keyOf = (row: { pageKey: string; journeyId: string }, direction: PagePosition['direction']): PagePosition => ({ direction, createdAt: row.pageKey, journeyId: row.journeyId });
  const first = shown[0];
  const last = shown[shown.length - 1];
  // Reached forwards from a key, the key's page lies before; reached backwards, it follows.
  const next = last && (backwards || more) ? keyOf(last, 'after') : null;
  const previous = first && (backwards ? more : position !== undefined) ? keyOf(first, 'before') : null;
  const items = shown.map(({ pageKey: _key, matching: _matching, ...row }) => row);
  const total = counted === null ? null : { count: Math.min(counted, countLimit), exact: counted <= countLimit };
  return { items, pageSize, next, previous, total };
}

// ---------------------------------------------------------------------------------------------
// Cursors: a page position as one opaque word for the API, tied to the list it was given for.

const CURSOR_VERSION = 1;
const microsecondInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const journeyIdPattern = /^[A-Za-z]+-[a-z0-9-]{1,200}$/;
const scopePattern = /^[A-Za-z0-9_-]{16}$/;
/** Longer than any cursor this service writes. */
export const maxCursorLength = 400;

/**
 * A short digest of what a list is (who looks, which filter), carried in its cursors so that a cursor
 * given for another list is refused by name rather than starting a page at a key of another list. It is
 * no access control: every page is read within the caller's own context whatever a cursor says.
 */
function scopeOf(parts: readonly (string | undefined)[]): string {
  return createHash('sha256')
    .update(JSON.stringify(parts.map((p) => p ?? null)))
    .digest('base64url')
    .slice(0, 16);
}

/** The cursor of a position in the list of `scope`: base64url of its version, direction, key and scope. */
export function encodeCursor(position: PagePosition, scope: string): string {
  return Buffer.from(JSON.stringify([CURSOR_VERSION, position.direction === 'after' ? 'a' : 'b', position.createdAt, position.journeyId, scope])).toString('base64url');
}

/** The position and scope a cursor holds; null when it is none this service wrote (malformed, cut, edited). */
export function decodeCursor(cursor: string): { position: PagePosition; scope: string } | null {
  if (cursor.length > maxCursorLength || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const bytes = Buffer.from(cursor, 'base64url');
  // Only the one spelling this service writes: base64url decoding skips stray trailing characters.
  if (bytes.toString('base64url') !== cursor) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(decoded) || decoded.length !== 5) return null;
  const [version, direction, createdAt, journeyId, scope] = decoded as unknown[];
  if (version !== CURSOR_VERSION || (direction !== 'a' && direction !== 'b')) return null;
  if (typeof createdAt !== 'string' || !microsecondInstant.test(createdAt) || Number.isNaN(Date.parse(createdAt))) return null;
  if (typeof journeyId !== 'string' || !journeyIdPattern.test(journeyId) || typeof scope !== 'string' || !scopePattern.test(scope)) return null;
  return { position: { direction: direction === 'a' ? 'after' : 'before', createdAt, journeyId }, scope };
}

/** The request if it belongs to this acting context; null otherwise (another tenant's or unknown). */
export function getRequestByJourneyId(db: Db, context: ActingContext, journeyId: string): Promise<RequestRow | null> {
  return db.maybeOne<RequestRow>(
    `SELECT ${columns} FROM requests WHERE journey_id = $1 AND acting_enterprise = $2 AND acting_mode = $3`,
    [journeyId, context.enterpriseNumber, context.mode],
  );
}

/** The request if it belongs to this acting context; null otherwise (another tenant's or unknown). */
export function getRequestByTicket(db: Db, context: ActingContext, ticket: string): Promise<RequestRow | null> {
  return db.maybeOne<RequestRow>(
    `SELECT ${columns} FROM requests WHERE ticket = $1 AND acting_enterprise = $2 AND acting_mode = $3`,
    [ticket, context.enterpriseNumber, context.mode],
  );
}

/** Back-office only (ONEM processes every tenant's requests): never use it for an employer's screen. */
export function findRequestByTicketAnyTenant(db: Db, ticket: string): Promise<RequestRow | null> {
  return db.maybeOne<RequestRow>(`SELECT ${columns} FROM requests WHERE ticket = $1`, [ticket]);
}

function twoYearsBefore(now: Date): string {
  const from = new Date(now.getTime());
  from.setUTCFullYear(from.getUTCFullYear() - 2);
  return from.toISOString();
}

/** Another request of the worker that the rules across requests count (any PO's). */
export interface CountedRequestRow {
  journeyId: string;
  ticket: string;
  actingEnterprise: string;
  leaveCode: LeaveCode;
  leaveForm: LeaveForm;
  startDate: string;
  endDate: string;
  status: RequestStatus;
}

/**
 * Every request of the worker, in every tenant, that still counts against the rules across requests:
 * introduced (it has a ticket: submitted, with the worker, in processing, or sent back to the employer)
 * and not withdrawn, refused nor expired — accepted ones count. For those rules only: another PO's
 * requests are never shown to a user (the activity keeps their tickets out of its refusals).
 */
export function listCountedRequestsOfWorker(db: Db, workerNiss: string, exceptJourneyId: string): Promise<CountedRequestRow[]> {
  return db.query<CountedRequestRow>(
    `SELECT journey_id AS "journeyId", ticket, acting_enterprise AS "actingEnterprise", leave_code AS "leaveCode",
       leave_form AS "leaveForm", start_date AS "startDate", end_date AS "endDate", status
     FROM requests
     WHERE worker_niss = $1 AND journey_id <> $2
       AND ticket IS NOT NULL AND status NOT IN ('withdrawn', 'refused', 'expired')
       AND leave_code IS NOT NULL AND leave_form IS NOT NULL AND start_date IS NOT NULL AND end_date IS NOT NULL
     ORDER BY start_date, journey_id`,
    [workerNiss, exceptJourneyId],
  );
}

/**
 * Serialises, until the transaction ends, every admission of a request for this worker (in this
 * schema): the second of two concurrent admissions reads the first one's request once it is committed.
 * A transaction advisory lock, so it works on PostgreSQL and PGlite alike and needs no row to exist.
 */
export async function lockRequestsOfWorker(tx: Db, workerNiss: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('requests-of-worker:' || current_schema() || ':' || $1))`, [workerNiss]);
}

/**
 * Writes the ticket and the period of an admitted request to its row, in the admission's transaction,
 * so that the next admission for the same worker counts it. Status and version are left to the record
 * that follows (recordRequest). Returns whether the row exists.
 */
export async function setAdmittedPeriod(
  tx: Db,
  journeyId: string,
  admitted: { ticket: string; leaveCode: LeaveCode; leaveForm: LeaveForm; startDate: string; endDate: string },
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE requests SET ticket = COALESCE(ticket, $2), leave_code = $3, leave_form = $4, start_date = $5::date, end_date = $6::date
     WHERE journey_id = $1 RETURNING journey_id`,
    [journeyId, admitted.ticket, admitted.leaveCode, admitted.leaveForm, admitted.startDate, admitted.endDate],
  );
  return rows.length === 1;
}

/** An introduced request about a worker, with the names of its employer and school, for the worker's own screens. */
export interface RequestAboutWorkerRow extends RequestRow {
  ticket: string;
  /** The employer's name (the acting enterprise: the PO, or the company for its own staff). */
  employerName: string | null;
  schoolName: string | null;
}

const aboutWorkerColumns = `r.journey_id AS "journeyId", r.ticket, r.acting_enterprise AS "actingEnterprise", r.acting_mode AS "actingMode",
  r.community_code AS "communityCode", r.school_number AS "schoolNumber", r.worker_niss AS "workerNiss",
  r.worker_name AS "workerName", r.worker_status AS "workerStatus", r.leave_code AS "leaveCode", r.leave_form AS "leaveForm",
  r.start_date AS "startDate", r.end_date AS "endDate", r.status, r.introduced_by AS "introducedBy",
  r.created_at AS "createdAt", r.updated_at AS "updatedAt", r.version, o.name AS "employerName", s.name AS "schoolName"`;

const aboutWorkerFrom = `FROM requests r
  LEFT JOIN organisations o ON o.enterprise_number = r.acting_enterprise
  LEFT JOIN schools s ON s.school_number = r.school_number`;

/**
 * Every introduced request (a ticket) about the worker, of every PO, newest first: the worker sees
 * what each employer declared about them. Drafts are the employer's until confirmed, so they are left out.
 * For the worker's own screens only: the NISS is the signed-in person's, never one a caller typed.
 * The index on (worker_niss, created_at DESC, journey_id DESC) of migration 007 serves it.
 */
export function listRequestsAboutWorker(db: Db, workerNiss: string): Promise<RequestAboutWorkerRow[]> {
  return db.query<RequestAboutWorkerRow>(
    `SELECT ${aboutWorkerColumns} ${aboutWorkerFrom}
     WHERE r.worker_niss = $1 AND r.ticket IS NOT NULL
     ORDER BY r.created_at DESC, r.journey_id DESC`,
    [workerNiss],
  );
}

/** The request with this ticket if it is about this worker; null otherwise (another person's, or unknown). */
export function findRequestAboutWorker(db: Db, workerNiss: string, ticket: string): Promise<RequestAboutWorkerRow | null> {
  return db.maybeOne<RequestAboutWorkerRow>(`SELECT ${aboutWorkerColumns} ${aboutWorkerFrom} WHERE r.ticket = $1 AND r.worker_niss = $2`, [
    ticket,
    workerNiss,
  ]);
}
