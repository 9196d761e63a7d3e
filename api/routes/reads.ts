/**
 * Plain reads that are lists (never machine state): an organisation's members, and the overview of
 * requests for the caller's acting context — a PO sees its own requests and never another PO's.
 */
import { z } from 'zod';
import {
  enterpriseNumberSchema,
  fieldRule,
  freeTextSchema,
  leaveCodeSchema,
  memberStatusSchema,
  nissSchema,
  permissionSchema,
  requestStatusSchema,
  roleSchema,
  schoolNumberSchema,
} from '../../domain';
import type { TransitionActor } from '../../domain/catalogue';
import { errorText, fillTemplate, type FieldRuleCode, type Language } from '../../domain/error-catalogue';
import { isAccessManager, listGroupsOfPerson, listMembers } from '../../store/access';
import { listAuditBySubject, type AuditEntry } from '../../store/audit';
import type { Db } from '../../store/db';
import {
  decodeCursor,
  encodeCursor,
  getRequestByJourneyId,
  getRequestByTicket,
  listRequests,
  overviewScope,
  type KeysetPage,
  type PagePosition,
  type RequestRow,
} from '../../store/requests';
import { ticketPattern } from '../../store/tickets';
import { countLimit } from '../../store/requests';
import { maxPageSize } from '../../store/types';
import { acting, person } from '../auth';
import { defineRoute, standardErrors, type Route } from '../contract';
import { HttpError, notFound } from '../errors';
import { journeyIdSchema } from '../journey-service';
import { languageOf } from '../language';
import { STATUS_REASONS, statusReasonOf } from '../view-language';

export const ticketSchema = z.string(fieldRule('TICKET_FORMAT')).regex(ticketPattern, fieldRule('TICKET_FORMAT')).describe('A ticket, e.g. BAW-2026-000123');

/** The paging of every list (query `page`, `pageSize`); each refusal names its rule. */
export const paging = {
  page: z.coerce.number(fieldRule('PAGE_NUMBER')).int(fieldRule('PAGE_NUMBER')).min(1, fieldRule('PAGE_NUMBER')).default(1).describe('The page, from 1'),
  pageSize: z.coerce
    .number(fieldRule('PAGE_SIZE'))
    .int(fieldRule('PAGE_SIZE'))
    .min(1, fieldRule('PAGE_SIZE'))
    .max(maxPageSize, fieldRule('PAGE_SIZE'))
    .default(20)
    .describe(`Items per page (1 to ${maxPageSize}, 20 by default)`),
};
export const pageOf = (item: z.ZodType, id: string, description: string) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }).meta({ id, description });

/** A refusal of one query field by a catalogue rule (`fieldRule(code)`), as zod's refusals read (422 VALIDATION_FAILED). */
function queryRefusal(field: string, { error: rule }: { error: string }): HttpError {
  return new HttpError('VALIDATION_FAILED', { issues: [{ path: `query.${field}`, message: errorText(rule as FieldRuleCode), code: 'custom', rule }] }, { issueValues: [{}] });
}

/**
 * The paging of the request lists (overview, back-office search): by key, so that a deep page costs what
 * the first one does. `cursor` is the opaque `nextCursor` or `previousCursor` of the page before; the
 * count only when asked (`count=true`), and only up to 1,000.
 */
export const keysetPaging = {
  cursor: z
    .string(fieldRule('PAGE_CURSOR'))
    .refine((cursor) => decodeCursor(cursor) !== null, { message: errorText('PAGE_CURSOR'), params: { code: 'PAGE_CURSOR' } })
    .optional()
    .describe('Where the page starts: `nextCursor` or `previousCursor` of an answer of this list, as it is; without it, the first page (the newest requests)'),
  pageSize: paging.pageSize,
  count: z
    .enum(['true', 'false'])
    .optional()
    .describe(`true: the answer's \`total\` counts the matching requests, up to ${countLimit.toLocaleString('en')} (a screen that shows the number asks for it; paging needs none)`),
};

/**
 * A list paged by number is no longer one: `page` is refused by its rule rather than ignored (a client
 * still sending it would show the first page again and again).
 */
export function refusePageNumber(query: unknown): void {
  if (typeof query === 'object' && query !== null && 'page' in query) throw queryRefusal('page', fieldRule('PAGE_BY_CURSOR'));
}

/** The position a cursor holds in the list of `scope`; a cursor given for another list is refused by name. */
export function positionOf(cursor: string | undefined, scope: string): { position?: PagePosition } {
  if (cursor === undefined) return {};
  const decoded = decodeCursor(cursor);
  if (!decoded) throw queryRefusal('cursor', fieldRule('PAGE_CURSOR'));
  if (decoded.scope !== scope) throw queryRefusal('cursor', fieldRule('PAGE_CURSOR_FOREIGN'));
  return { position: decoded.position };
}

/** A page of requests as the API answers it: the positions beside it as cursors of its list. */
export function requestPageBody(page: KeysetPage<RequestRow>, scope: string) {
  return {
    items: page.items,
    pageSize: page.pageSize,
    nextCursor: page.next && encodeCursor(page.next, scope),
    previousCursor: page.previous && encodeCursor(page.previous, scope),
    total: page.total,
  };
}

const member = z
  .object({
    enterpriseNumber: z.string(),
    niss: z.string(),
    lastName: z.string(),
    firstName: z.string(),
    role: roleSchema,
    status: memberStatusSchema,
    permissions: z.array(permissionSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Member', description: 'A member of an organisation’s group' });

export const requestRow = z
  .object({
    journeyId: z.string(),
    ticket: z.string().nullable(),
    actingEnterprise: z.string(),
    actingMode: z.enum(['PO', 'OWN_COMPANY']),
    communityCode: z.string().nullable(),
    schoolNumber: z.string().nullable(),
    workerNiss: z.string(),
    workerName: z.string(),
    workerStatus: z.string(),
    leaveCode: z.string().nullable(),
    leaveForm: z.string().nullable(),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
    status: requestStatusSchema,
    introducedBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'RequestSummary', description: 'A career-interruption request as the overview lists it' });

export const requestPage = z
  .object({
    items: z.array(requestRow),
    pageSize: z.number().int(),
    nextCursor: z.string().nullable().describe('The next page (older requests): send it as `cursor`; null on the last page'),
    previousCursor: z.string().nullable().describe('The page before (newer requests): send it as `cursor`; null on the first page'),
    total: z
      .object({
        count: z.number().int().describe(`Matching requests, counted up to ${countLimit.toLocaleString('en')}`),
        exact: z.boolean().describe(`false: more than \`count\` requests match (the count stops at ${countLimit.toLocaleString('en')})`),
      })
      .nullable()
      .describe('The number of matching requests when `count=true` was asked; null otherwise'),
  })
  .meta({ id: 'RequestPage', description: 'One page of requests, newest first, with the cursors of the pages beside it' });

/** Who changes a request's status (the lifecycle's actors). */
const TRANSITION_ACTORS = ['employer', 'worker', 'backoffice', 'system'] as const satisfies readonly TransitionActor[];

const historyEntry = z
  .object({
    at: z.string().describe('When (ISO 8601)'),
    action: z.string().describe('What happened: request.<status> for a status change, worker.notified when the worker was told to complete their part'),
    status: requestStatusSchema.nullable().describe('The status the request took; null for an entry that is no status change'),
    by: z.enum(TRANSITION_ACTORS).nullable().describe('Who made the change: employer, worker, backoffice or system'),
    agent: z.string().nullable().describe('The back-office agent, for their changes'),
    reason: z.string().nullable().describe('The reason of the change, in the response’s language when the service wrote it'),
    reasonCode: z.string().nullable().describe('Stable code of a reason the service wrote; null for one a person typed'),
  })
  .meta({ id: 'RequestHistoryEntry', description: 'A step of a request’s history, as its PO may see it' });

export const requestWithHistory = requestRow
  .extend({ history: z.array(historyEntry).describe('The request’s status history, oldest first') })
  .meta({ id: 'RequestWithHistory', description: 'A request and its status history' });

/** The subject of a request's audit entries. */
export const requestSubject = (journeyId: string) => `request:${journeyId}`;

const isActor = (value: unknown): value is TransitionActor => typeof value === 'string' && (TRANSITION_ACTORS as readonly string[]).includes(value);
const asText = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
/** Eleven digits in a row (however separated) may be someone's NISS: never shown to an employer. */
const mayHoldNiss = (text: string) => /(?:\d[\s.-]?){11}/.test(text);

/** A reason in the language when the service wrote it (with its code), else as the person typed it. */
export function localisedReason(reason: unknown, language: Language): { reason: string | null; reasonCode: string | null } {
  const text = asText(reason);
  const known = text === null ? undefined : statusReasonOf(text);
  if (!known) return { reason: text, reasonCode: null };
  return { reason: fillTemplate(STATUS_REASONS[known.code]!.text[language], known.values, language), reasonCode: known.code };
}

/**
 * The request's audit entries as its PO may see them: an allow-list of fields (never the actor, who may
 * be a person's NISS, nor the details, which hold the worker's contact), the reason in the language.
 */
export function historyForEmployer(entries: readonly AuditEntry[], language: Language): z.infer<typeof historyEntry>[] {
  const history: z.infer<typeof historyEntry>[] = [];
  let lastStatus: string | null = null;
  for (const { at, action, details } of entries) {
    const parsed = action.startsWith('request.') ? requestStatusSchema.safeParse(action.slice('request.'.length)) : undefined;
    const status = parsed?.success ? parsed.data : null;
    // A draft recorded again as it is completed is no change of status: the history shows the first.
    if (status !== null && status === lastStatus) continue;
    if (status !== null) lastStatus = status;
    const agent = asText(details.agent);
    history.push({
      at,
      action,
      status,
      by: isActor(details.by) ? details.by : action === 'worker.notified' ? 'system' : null,
      agent: agent !== null && !mayHoldNiss(agent) ? agent : null,
      ...localisedReason(details.reason, language),
    });
  }
  return history;
}

export function readRoutes(db: Db): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/organisations/:enterprise/members',
      operationId: 'listMembers',
      tag: 'Access management',
      summary: 'The members of an organisation’s group',
      description:
        'Search by name or NISS; filter by role, status and permission. The list holds every member’s NISS: only the access managers of the organisation’s group read it ' +
        '(403 NOT_ACCESS_MANAGER for its other members, 404 for anyone else).',
      auth: 'person',
      params: z.object({ enterprise: enterpriseNumberSchema }),
      query: z.object({
        search: freeTextSchema().max(100, 'The search must be at most 100 characters.').optional().describe('Words of the last name, first name, or digits of the NISS'),
        role: roleSchema.optional(),
        status: memberStatusSchema.optional(),
        permission: permissionSchema.optional(),
        ...paging,
      }),
      responses: {
        200: { description: 'One page of members, sorted by last name', schema: pageOf(member, 'MemberPage', 'One page of members') },
        403: standardErrors[403],
        404: standardErrors[404],
        422: standardErrors[422],
      },
      handler: async ({ params, query, req }) => {
        const caller = person(req);
        const groups = await listGroupsOfPerson(db, caller.sub);
        if (!groups.some((g) => g.enterpriseNumber === params.enterprise)) throw notFound('organisation');
        // Need to know: a plain member acts with their permissions, they do not manage the group.
        if (!(await isAccessManager(db, caller.sub, params.enterprise))) throw new HttpError('NOT_ACCESS_MANAGER', undefined, { status: 403 });
        return { body: await listMembers(db, params.enterprise, query) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/requests',
      operationId: 'listRequests',
      tag: 'Overview',
      summary: 'The overview: requests of the acting context, newest first',
      description:
        'As PO, the requests this PO introduced for staff of its schools; in own-company mode, those of the enterprise’s own staff. The last two years unless `from` says otherwise. ' +
        'Paged by cursor: the answer’s `nextCursor` (null on the last page) and `previousCursor` (null on the first) are sent back as `cursor` with the same filters; a cursor of another list (other filters, another acting context) is refused (PAGE_CURSOR_FOREIGN), `page` too (PAGE_BY_CURSOR). ' +
        '`count=true` adds `total`, counted up to 1,000.',
      auth: 'acting',
      query: z.object({
        worker: nissSchema.optional().describe('The worker’s NISS'),
        school: schoolNumberSchema.optional(),
        status: requestStatusSchema.optional(),
        leave: leaveCodeSchema.optional(),
        from: z.iso.datetime({ offset: true }).optional().describe('Created at or after (ISO-8601)'),
        to: z.iso.datetime({ offset: true }).optional().describe('Created before (ISO-8601)'),
        ...keysetPaging,
      }),
      responses: { 200: { description: 'One page of requests', schema: requestPage }, 403: standardErrors[403], 422: standardErrors[422] },
      handler: async ({ query, req }) => {
        const { acting: ctx } = acting(req);
        refusePageNumber(req.query);
        const context = { enterpriseNumber: ctx.enterprise, mode: ctx.mode };
        const { cursor, count, pageSize, ...filter } = query;
        const scope = overviewScope(context, filter);
        const page = await listRequests(db, context, { ...filter, pageSize, count: count === 'true', ...positionOf(cursor, scope), now: new Date() });
        return { body: requestPageBody(page, scope) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/requests/:ref',
      operationId: 'getRequest',
      tag: 'Overview',
      summary: 'One request of the acting context, by journey id or ticket',
      auth: 'acting',
      params: z.object({ ref: z.union([ticketSchema, journeyIdSchema], fieldRule('REQUEST_REFERENCE_FORMAT')).describe('Journey id (request-…) or ticket (BAW-…)') }),
      description: 'The request as the overview lists it, with its status history (oldest first): who changed it, when, why — never another person’s NISS.',
      responses: {
        200: { description: 'The request and its history', schema: requestWithHistory },
        403: standardErrors[403],
        404: standardErrors[404],
        422: standardErrors[422],
      },
      handler: async ({ params, req }) => {
        const { acting: ctx } = acting(req);
        const context = { enterpriseNumber: ctx.enterprise, mode: ctx.mode };
        const row = params.ref.startsWith('BAW-') ? await getRequestByTicket(db, context, params.ref) : await getRequestByJourneyId(db, context, params.ref);
        if (!row) throw notFound('request');
        const entries = await listAuditBySubject(db, requestSubject(row.journeyId));
        return { body: { ...row, history: historyForEmployer(entries, languageOf(req)) } };
      },
    }),
  ];
}
