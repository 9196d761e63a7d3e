/** The back-office (ONEM) moves a request after its ticket: worker part done, decision, sent back. */
import { z } from 'zod';
import type { Db } from '../../store/db';
import { findRequestByTicketAnyTenant } from '../../store/requests';
import { ticketPattern } from '../../store/tickets';
import { backoffice } from '../auth';
import { defineRoute, standardErrors, type Route } from '../contract';
import { notFound } from '../errors';
import { eventTypeSchema, type JourneyService } from '../journey-service';

export function backofficeRoutes(db: Db, service: JourneyService, journeyResponse: z.ZodType): Route[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/backoffice/requests/:ticket/events',
      tag: 'Back-office',
      summary: 'Send a back-office event to the request with this ticket',
      description: 'WORKER_PART_COMPLETED, DECIDE { decision, reason }, SEND_BACK { to, reason }. Same refusals as the journey events (409/422).',
      auth: 'backoffice',
      idempotent: true,
      params: z.object({ ticket: z.string().regex(ticketPattern, 'a ticket looks like BAW-2026-000123') }),
      body: z.looseObject({ type: eventTypeSchema }).describe('A back-office event: its type and its payload fields (other fields are ignored; `agent` is set from the token)'),
      responses: {
        200: { description: 'The request journey after the event', schema: journeyResponse },
        403: standardErrors[403],
        404: standardErrors[404],
        409: standardErrors[409],
        422: standardErrors[422],
      },
      handler: async ({ params, body, req }) => {
        const caller = backoffice(req);
        const row = await findRequestByTicketAnyTenant(db, params.ticket);
        if (!row) throw notFound('request');
        // Who decided is the agent of the token, whatever the body says.
        return { body: await service.send(row.journeyId, { ...body, agent: caller.sub }, caller, req.header('idempotency-key')) };
      },
    }),
  ];
}
