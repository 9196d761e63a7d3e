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
import { listGroupsOfPerson, listMembers } from '../../store/access';
import type { Db } from '../../store/db';
import { getRequestByJourneyId, getRequestByTicket, listRequests } from '../../store/requests';
import { ticketPattern } from '../../store/tickets';
import { maxPageSize } from '../../store/types';
import { acting, person } from '../auth';
import { defineRoute, standardErrors, type Route } from '../contract';
import { notFound } from '../errors';
import { journeyIdSchema } from '../journey-service';

const ticketSchema = z.string().regex(ticketPattern, 'a ticket looks like BAW-2026-000123');

const paging = {
  page: z.coerce.number().int().min(1, 'page starts at 1').default(1),
  pageSize: z.coerce.number().int().min(1).max(maxPageSize, `pageSize is at most ${maxPageSize}`).default(20),
};
const pageOf = (item: z.ZodType, id: string, description: string) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }).meta({ id, description });

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

const requestRow = z
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

export function readRoutes(db: Db): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/organisations/:enterprise/members',
      operationId: 'listMembers',
      tag: 'Access management',
      summary: 'The members of an organisation’s group',
      description: 'Search by name or NISS; filter by role, status and permission. Only members of the organisation may read it (404 otherwise).',
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
        return { body: await listMembers(db, params.enterprise, query) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/requests',
      operationId: 'listRequests',
      tag: 'Overview',
      summary: 'The overview: requests of the acting context, newest first',
      description: 'As PO, the requests this PO introduced for staff of its schools; in own-company mode, those of the enterprise’s own staff. The last two years unless `from` says otherwise.',
      auth: 'acting',
      query: z.object({
        worker: nissSchema.optional().describe('The worker’s NISS'),
        school: schoolNumberSchema.optional(),
        status: requestStatusSchema.optional(),
        leave: leaveCodeSchema.optional(),
        from: z.iso.datetime({ offset: true }).optional().describe('Created at or after (ISO-8601)'),
        to: z.iso.datetime({ offset: true }).optional().describe('Created before (ISO-8601)'),
        ...paging,
      }),
      responses: { 200: { description: 'One page of requests', schema: pageOf(requestRow, 'RequestPage', 'One page of requests') }, 403: standardErrors[403], 422: standardErrors[422] },
      handler: async ({ query, req }) => {
        const { acting: ctx } = acting(req);
        return { body: await listRequests(db, { enterpriseNumber: ctx.enterprise, mode: ctx.mode }, { ...query, now: new Date() }) };
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
      responses: { 200: { description: 'The request', schema: requestRow }, 403: standardErrors[403], 404: standardErrors[404], 422: standardErrors[422] },
      handler: async ({ params, req }) => {
        const { acting: ctx } = acting(req);
        const context = { enterpriseNumber: ctx.enterprise, mode: ctx.mode };
        const row = params.ref.startsWith('BAW-') ? await getRequestByTicket(db, context, params.ref) : await getRequestByJourneyId(db, context, params.ref);
        if (!row) throw notFound('request');
        return { body: row };
      },
    }),
  ];
}
