/** Start / signal / query of journeys, and the machines' definitions for visualisers. */
import { z } from 'zod';
import type { Journey } from '../../machines/journey';
import { person } from '../auth';
import { defineRoute, standardErrors, type Route } from '../contract';
import { eventTypeSchema, journeyIdSchema, type JourneyService } from '../journey-service';

export const journeyResponse = z
  .object({
    id: z.string(),
    machine: z.string(),
    state: z.string().describe('Stable state code'),
    screen: z.string().describe('Stable screen code: what the UI renders'),
    labels: z.array(z.string()).describe('Label keys of the screen (GET /api/labels gives their text)'),
    context: z.record(z.string(), z.unknown()).describe('Public context; `error` is set when the last event was refused by a check'),
    allowedEvents: z.array(z.object({ type: z.string(), payload: z.record(z.string(), z.unknown()).describe('JSON Schema of the event') })),
    status: z.enum(['active', 'done', 'error', 'stopped']),
    output: z.unknown().optional(),
    actingToken: z.object({ token: z.string(), expiresAt: z.string() }).optional().describe('Given when the Break@Work sign-in ends'),
  })
  .describe('A journey: what to render now and what may be done');

const eventBody = z
  .looseObject({ type: eventTypeSchema })
  .describe('An event: its type and its payload fields (the JSON Schema of each allowed event says which; other fields are ignored)');
const idParams = z.object({ id: journeyIdSchema });

export function journeyRoutes(service: JourneyService, journeys: Readonly<Record<string, Journey>>): Route[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/journeys/:machine',
      tag: 'Journeys',
      summary: 'Start a journey',
      description:
        'Starts `accessManagement` or `signIn` (identity token) or `request` (acting token from signIn). With an Idempotency-Key, a retry returns the same journey.',
      auth: 'person',
      idempotent: true,
      params: z.object({ machine: z.enum(Object.keys(journeys) as [string, ...string[]]).describe('Machine id') }),
      responses: { 201: { description: 'The journey, on its first screen', schema: journeyResponse }, 403: standardErrors[403], 404: standardErrors[404] },
      handler: async ({ params, req }) => {
        const journey = await service.start(params.machine, person(req), req.header('idempotency-key'));
        return { status: 201, body: journey, headers: { Location: `/api/journeys/${journey.id}` } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/journeys/:id',
      tag: 'Journeys',
      summary: 'What to render now',
      auth: 'person',
      params: idParams,
      responses: { 200: { description: 'The journey', schema: journeyResponse }, 404: standardErrors[404] },
      handler: async ({ params, req }) => ({ body: await service.get(params.id, person(req)) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/journeys/:id/events',
      tag: 'Journeys',
      summary: 'Send an event (a click on the screen)',
      description:
        'Refused without any effect: 422 when the payload breaks a rule (`details.issues[].rule` names it), 409 when the event is not allowed on this screen. Fields the event does not define are ignored: only the parsed event reaches the journey.',
      auth: 'person',
      idempotent: true,
      params: idParams,
      body: eventBody,
      responses: {
        200: { description: 'The journey after the event', schema: journeyResponse },
        403: standardErrors[403],
        404: standardErrors[404],
        409: standardErrors[409],
        422: standardErrors[422],
      },
      handler: async ({ params, body, req }) => ({
        body: await service.send(params.id, body, person(req), req.header('idempotency-key')),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/machines',
      tag: 'Machines',
      summary: 'The journeys’ machines',
      auth: 'none',
      responses: {
        200: {
          description: 'Machine ids, titles and events',
          schema: z.array(z.object({ id: z.string(), title: z.string(), events: z.array(z.string()), backofficeEvents: z.array(z.string()) })),
        },
      },
      handler: () =>
        Promise.resolve({
          body: Object.values(journeys).map((j) => ({ id: j.id, title: j.title, events: Object.keys(j.events), backofficeEvents: [...(j.backofficeEvents ?? [])] })),
        }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/machines/:machine',
      tag: 'Machines',
      summary: 'A machine’s definition, for a visualiser',
      description: 'The XState definition (states, transitions, guards and actor names by name); draw it with any XState visualiser.',
      auth: 'none',
      params: z.object({ machine: z.string() }),
      responses: { 200: { description: 'The definition', schema: z.record(z.string(), z.unknown()) }, 404: standardErrors[404] },
      handler: ({ params }) => Promise.resolve({ body: machineDefinition(service.journey(params.machine)) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/labels',
      tag: 'Machines',
      summary: 'The French text of every label key',
      auth: 'none',
      responses: { 200: { description: 'Label key → text', schema: z.record(z.string(), z.string()) } },
      handler: () => Promise.resolve({ body: Object.assign({}, ...Object.values(journeys).map((j) => j.labels)) as Record<string, string> }),
    }),
  ];
}

function machineDefinition(journey: Journey) {
  return { id: journey.id, title: journey.title, definition: JSON.parse(JSON.stringify(journey.machine.definition)) as unknown };
}
