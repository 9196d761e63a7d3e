/**
 * The back-office (ONEM) moves a request after its ticket: worker part done, decision, sent back. Its
 * operators also see the journeys that wait for them (an attention code, e.g. RECORD_BLOCKED) and
 * resolve them by journey id (RETRY_RECORD), ticket or not.
 */
import { z } from 'zod';
import type { Journey } from '../../machines/journey';
import type { Db } from '../../store/db';
import { findRequestByTicketAnyTenant } from '../../store/requests';
import { ticketPattern } from '../../store/tickets';
import { backoffice } from '../auth';
import { defineRoute, standardErrors, type Route } from '../contract';
import { notFound } from '../errors';
import { attentionCodePattern, journeyIdSchema, type JourneyService } from '../journey-service';
import { eventEnvelope, eventsOf, journeyResponse } from './journeys';

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

export function backofficeRoutes(db: Db, service: JourneyService, journeys: Readonly<Record<string, Journey>>): Route[] {
  const backofficeEvent = eventsOf(
    journeys,
    (journey, type) => (journey.backofficeEvents ?? []).includes(type),
    'BackofficeEvent',
    'A back-office event: its type and its payload fields (other fields are ignored; `agent` is always set from the token)',
  );
  return [
    defineRoute({
      method: 'post',
      path: '/api/backoffice/requests/:ticket/events',
      operationId: 'sendBackofficeRequestEvent',
      tag: 'Back-office',
      summary: 'Send a back-office event to the request with this ticket',
      description: 'WORKER_PART_COMPLETED, DECIDE { decision, reason }, SEND_BACK { to, reason }. Same refusals as the journey events (409/422).',
      auth: 'backoffice',
      idempotent: true,
      params: z.object({ ticket: z.string().regex(ticketPattern, 'a ticket looks like BAW-2026-000123') }),
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
