/**
 * The back-office (ONEM) moves a request after its ticket: worker part done, decision, sent back. Its
 * operators also see the journeys that wait for them (an attention code, e.g. RECORD_BLOCKED) and
 * resolve them by journey id (RETRY_RECORD), ticket or not.
 */
import { WorkflowNotFoundError } from '@temporalio/client';
import { z } from 'zod';
import { enterpriseNumberSchema, fieldRule, leaveCodeSchema, nissSchema, parseIsoDate, requestStatusSchema } from '../../domain';
import { errorText } from '../../domain/error-catalogue';
import { DomainError } from '../../domain/errors';
import type { Journey } from '../../machines/journey';
import { listAuditBySubject } from '../../store/audit';
import type { Db } from '../../store/db';
import { backofficeScope, findRequestByTicketAnyTenant, searchRequestsAnyTenant } from '../../store/requests';
import { backoffice } from '../auth';
import { defineRoute, standardErrors, type Route } from '../contract';
import { HttpError, localiseView, notFound } from '../errors';
import { attentionCodePattern, journeyIdSchema, type JourneyResponse, type JourneyService } from '../journey-service';
import { languageOf } from '../language';
import { eventEnvelope, eventsOf, journeyResponse } from './journeys';
import { keysetPaging, localisedReason, positionOf, refusePageNumber, requestPage, requestPageBody, requestRow, requestSubject, ticketSchema } from './reads';

/** Most journeys needing attention one call lists. */
export const maxAttentionLimit = 200;

const attentionItem = z
  .object({
    id: z.string().describe('Journey id (the Temporal workflow id)'),
    machine: z.string().describe('The journey’s machine (search attribute JourneyMachine), e.g. request'),
    attention: z.string().describe('Why it waits for an operator (search attribute JourneyAttention), e.g. RECORD_BLOCKED'),
    startedAt: z.string().describe('When the journey started (ISO 8601)'),
  })
  .meta({ id: 'AttentionJourney', description: 'A running journey that waits for an operator' });

const attentionList = z
  .object({
    items: z.array(attentionItem),
    limit: z.number().int(),
    hasMore: z.boolean().describe('More journeys match: resolve these (they leave the list) or ask with a larger limit'),
  })
  .meta({ id: 'AttentionList', description: 'Journeys that wait for an operator, at most `limit`' });

/** A search bound: a day ('YYYY-MM-DD', in Belgium) or an instant (ISO 8601 with its offset). */
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
const searchDate = z
  .string(fieldRule('SEARCH_DATE_FORMAT'))
  .superRefine((value, ctx) => {
    if (dayPattern.test(value)) {
      try {
        parseIsoDate(value);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        ctx.addIssue({ code: 'custom', message: error.message, params: { ...error.details, code: error.code } });
      }
    } else if (!z.iso.datetime({ offset: true }).safeParse(value).success) {
      // The same rule as a value that is no text at all.
      ctx.addIssue({ code: 'custom', message: errorText('SEARCH_DATE_FORMAT'), params: { code: 'SEARCH_DATE_FORMAT' } });
    }
  });

/** Midnight of a day in Belgium, as an instant (Belgium changes its clocks at night, never at midnight). */
export function belgianMidnight(day: string): string {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  const zone = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', timeZoneName: 'longOffset' }).formatToParts(utcMidnight).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const [, sign, hours, minutes] = /GMT([+-])(\d{2}):(\d{2})/.exec(zone) ?? [undefined, '+', '00', '00'];
  const offsetMinutes = (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
  return new Date(utcMidnight.getTime() - offsetMinutes * 60_000).toISOString();
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
/** Where `from` starts: a day's midnight in Belgium, or the instant itself. */
const startOf = (bound: string) => (dayPattern.test(bound) ? belgianMidnight(bound) : new Date(bound).toISOString());
/** Where `to` ends (excluded): a day is included whole, up to the next day's midnight; an instant is excluded. */
const endOf = (bound: string) => (dayPattern.test(bound) ? belgianMidnight(nextDay(bound)) : new Date(bound).toISOString());

const searchQuery = z
  .object({
    ticket: ticketSchema.optional(),
    niss: nissSchema.optional().describe('The worker’s NISS, 11 digits or written YY.MM.DD-XXX.CC'),
    status: requestStatusSchema.optional(),
    enterprise: enterpriseNumberSchema.optional().describe('The enterprise number of the PO (or of the company acting for its own staff)'),
    leave: leaveCodeSchema.optional(),
    from: searchDate.optional().describe('Created on or after: a day (YYYY-MM-DD, in Belgium) or an instant (ISO 8601 with offset)'),
    to: searchDate.optional().describe('Created up to: a day (YYYY-MM-DD, in Belgium, that day included) or an instant (ISO 8601 with offset, excluded)'),
    ...keysetPaging,
  })
  .superRefine(({ from, to }, ctx) => {
    // A window that ends before it starts is a mistake of the caller, not an empty result.
    // Two equal instants make an empty window, not a reversed one; a day before `from`'s is reversed.
    if (from !== undefined && to !== undefined && (startOf(from) > endOf(to) || (dayPattern.test(to) && startOf(from) >= endOf(to)))) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: errorText('DATES_ORDER', { start: from, end: to }), params: { code: 'DATES_ORDER', start: from, end: to } });
    }
  });

const auditEntry = z
  .object({
    id: z.number().int(),
    at: z.string().describe('When (ISO 8601)'),
    actor: z.string().describe('Who: the NISS of the employer’s user, the back-office agent, or system'),
    action: z.string().describe('What: request.<status> for a status change, worker.notified, …'),
    details: z.record(z.string(), z.unknown()).describe('What the entry records (version, by, agent, reason, ticket, channel…)'),
    reason: z.string().nullable().describe('`details.reason` in the response’s language when the service wrote it'),
    reasonCode: z.string().nullable().describe('Stable code of a reason the service wrote; null for one a person typed'),
  })
  .meta({ id: 'AuditEntry', description: 'An entry of the audit trail, as the back-office sees it' });

const backofficeRequest = z
  .object({
    request: requestRow,
    history: z.array(auditEntry).describe('The request’s audit trail, oldest first'),
    journey: journeyResponse
      .nullable()
      .describe('The journey now, its `allowedEvents` only the back-office events the machine takes now; null when Temporal no longer keeps it (past retention)'),
  })
  .meta({ id: 'BackofficeRequest', description: 'A request as the back-office opens it: its row, its audit trail, its journey' });

export function backofficeRoutes(db: Db, service: JourneyService, journeys: Readonly<Record<string, Journey>>): Route[] {
  const backofficeEvent = eventsOf(
    journeys,
    (journey, type) => (journey.backofficeEvents ?? []).includes(type),
    'BackofficeEvent',
    'A back-office event: its type and its payload fields (other fields are ignored; `agent` is always set from the token)',
  );
  /** The journey now, offering only the back-office events its machine takes now. */
  const journeyNow = async (journeyId: string, caller: ReturnType<typeof backoffice>): Promise<JourneyResponse | null> => {
    let journey: JourneyResponse;
    try {
      journey = await service.get(journeyId, caller);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError || (err instanceof HttpError && err.code === 'NOT_FOUND')) return null;
      throw err;
    }
    const reserved = journeys[journey.machine]?.backofficeEvents ?? [];
    return { ...journey, allowedEvents: journey.allowedEvents.filter((event) => reserved.includes(event.type)) };
  };
  return [
    defineRoute({
      method: 'get',
      path: '/api/backoffice/requests',
      operationId: 'searchBackofficeRequests',
      tag: 'Back-office',
      summary: 'Search the requests of every PO, newest first',
      description:
        'Every filter narrows the search: ticket (exact), the worker’s NISS, status, the PO’s enterprise number, leave, and a window on the creation date (`from`, `to`; a `to` before `from` is refused). ' +
        'Paged like the overview: by cursor (`nextCursor`, `previousCursor`), `count=true` for `total` (up to 1,000). For back-office tokens only (403 otherwise).',
      auth: 'backoffice',
      query: searchQuery,
      responses: {
        200: { description: 'One page of requests', schema: requestPage },
        403: standardErrors[403],
        422: standardErrors[422],
      },
      handler: async ({ query, req }) => {
        backoffice(req);
        refusePageNumber(req.query);
        const { niss, from, to, cursor, count, pageSize, ...rest } = query;
        const filter = { ...rest, ...(niss ? { worker: niss } : {}), ...(from ? { from: startOf(from) } : {}), ...(to ? { to: endOf(to) } : {}) };
        const scope = backofficeScope(filter);
        const page = await searchRequestsAnyTenant(db, { ...filter, pageSize, count: count === 'true', ...positionOf(cursor, scope) });
        return { body: requestPageBody(page, scope) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/backoffice/requests/:ticket',
      operationId: 'getBackofficeRequest',
      tag: 'Back-office',
      summary: 'One request of any PO, by ticket: its row, its audit trail, its journey',
      description:
        'The journey’s `allowedEvents` are the back-office events its machine takes now (e.g. WORKER_PART_COMPLETED, then DECIDE or SEND_BACK), each with the JSON Schema of its payload. 404 for an unknown ticket.',
      auth: 'backoffice',
      params: z.object({ ticket: ticketSchema }),
      responses: {
        200: { description: 'The request', schema: backofficeRequest },
        403: standardErrors[403],
        404: standardErrors[404],
        422: standardErrors[422],
        503: standardErrors[503],
      },
      handler: async ({ params, req }) => {
        const caller = backoffice(req);
        const row = await findRequestByTicketAnyTenant(db, params.ticket);
        if (!row) throw notFound('request');
        const language = languageOf(req);
        const [entries, journey] = await Promise.all([listAuditBySubject(db, requestSubject(row.journeyId)), journeyNow(row.journeyId, caller)]);
        return {
          body: {
            request: row,
            history: entries.map((entry) => ({ ...entry, ...localisedReason(entry.details.reason, language) })),
            journey: journey && localiseView(journey, language),
          },
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/backoffice/requests/:ticket/events',
      operationId: 'sendBackofficeRequestEvent',
      tag: 'Back-office',
      summary: 'Send a back-office event to the request with this ticket',
      description: 'WORKER_PART_COMPLETED, DECIDE { decision, reason }, SEND_BACK { to, reason }. Same refusals as the journey events (409/422).',
      auth: 'backoffice',
      idempotent: true,
      params: z.object({ ticket: ticketSchema }),
      body: eventEnvelope,
      documentedBody: backofficeEvent,
      responses: {
        200: { description: 'The request journey after the event', schema: journeyResponse },
        403: standardErrors[403],
        404: standardErrors[404],
        409: standardErrors[409],
        422: standardErrors[422],
        503: standardErrors[503],
      },
      handler: async ({ params, body, req }) => {
        const caller = backoffice(req);
        const row = await findRequestByTicketAnyTenant(db, params.ticket);
        if (!row) throw notFound('request');
        // Who decided is the agent of the token, whatever the body says.
        return { body: await service.send(row.journeyId, { ...body, agent: caller.sub }, caller, req.header('idempotency-key')) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/backoffice/journeys',
      operationId: 'listJourneysNeedingAttention',
      tag: 'Back-office',
      summary: 'Running journeys that wait for an operator',
      description:
        'Journeys whose current state carries an attention code (search attribute JourneyAttention), e.g. RECORD_BLOCKED: a request whose record kept failing. ' +
        'Without `attention`, every code. Read from Temporal visibility, which is eventually consistent: a journey just blocked, or just resolved, can take a moment (usually under a second or two) to enter or leave the list. ' +
        'At most `limit` items; `hasMore` says there are more — resolved journeys leave the list, so the next call shows the rest.',
      auth: 'backoffice',
      query: z.object({
        attention: z
          .string()
          .regex(attentionCodePattern, 'an attention code is uppercase letters, digits and underscores, e.g. RECORD_BLOCKED')
          .optional()
          .describe('Only journeys with this attention code, e.g. RECORD_BLOCKED'),
        limit: z.coerce
          .number()
          .int()
          .min(1, 'limit is at least 1')
          .max(maxAttentionLimit, `limit is at most ${maxAttentionLimit}`)
          .default(50)
          .describe(`How many journeys at most (default 50, at most ${maxAttentionLimit})`),
      }),
      responses: {
        200: { description: 'The journeys that wait for an operator', schema: attentionList },
        403: standardErrors[403],
        422: standardErrors[422],
        503: standardErrors[503],
      },
      handler: async ({ query, req }) => {
        backoffice(req);
        return { body: await service.needingAttention({ ...(query.attention ? { attention: query.attention } : {}), limit: query.limit }) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/backoffice/journeys/:id/events',
      operationId: 'sendBackofficeJourneyEvent',
      tag: 'Back-office',
      summary: 'Send a back-office event to a journey by its id',
      description:
        'For journeys listed by GET /api/backoffice/journeys, ticket or not: e.g. RETRY_RECORD to a request whose record was blocked. ' +
        'Only the journey’s back-office events (403 EVENT_NOT_FOR_CALLER otherwise); same refusals as the journey events (409/422); `agent` is set from the token.',
      auth: 'backoffice',
      idempotent: true,
      params: z.object({ id: journeyIdSchema }),
      body: eventEnvelope,
      documentedBody: backofficeEvent,
      responses: {
        200: { description: 'The journey after the event', schema: journeyResponse },
        403: standardErrors[403],
        404: standardErrors[404],
        409: standardErrors[409],
        422: standardErrors[422],
        503: standardErrors[503],
      },
      handler: async ({ params, body, req }) => {
        const caller = backoffice(req);
        return { body: await service.send(params.id, { ...body, agent: caller.sub }, caller, req.header('idempotency-key')) };
      },
    }),
  ];
}
