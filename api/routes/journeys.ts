/** Start / signal / query of journeys, and the machines' definitions for visualisers. */
import { z } from 'zod';
import type { Journey } from '../../machines/journey';
import { LANGUAGES, TERMS } from '../../domain/error-catalogue';
import { person } from '../auth';
import { defineRoute, standardErrors, type Route } from '../contract';
import { machineDefinition, machineDefinitionResponse } from '../machine-definition';
import { eventTypeSchema, journeyIdSchema, type JourneyService } from '../journey-service';
import { languageOf, speak } from '../language';

const allowedEvent = z
  .object({ type: z.string(), payload: z.record(z.string(), z.unknown()).describe('JSON Schema of the event') })
  .meta({ id: 'AllowedEvent', description: 'An event the screen takes now, with the JSON Schema of its payload' });

export const journeyResponse = z
  .object({
    id: z.string(),
    machine: z.string(),
    state: z.string().describe('Stable state code'),
    screen: z.string().describe('Stable screen code: what the UI renders'),
    labels: z.array(z.string()).describe('Label keys of the screen (GET /api/labels gives their text)'),
    context: z
      .record(z.string(), z.unknown())
      .describe(
        'Public context, its texts in the response’s language (`Content-Language`): `error` (`{ code, message, details }`) is set when the last event was refused by a check; ' +
          '`warnings[]` (`{ code, message, details }`) are shown on the confirmation page; each `choices` entry has a `code` and its `label`; ' +
          '`statusReason` is the reason of the last status change, and `statusReasonCode` its stable code when the service wrote it (null for a reason a person typed).',
      ),
    allowedEvents: z.array(allowedEvent),
    status: z.enum(['active', 'done', 'error', 'stopped']),
    output: z.unknown().optional(),
    attention: z.string().optional().describe('Set while the journey waits for an operator, e.g. RECORD_BLOCKED'),
    actingToken: z.object({ token: z.string(), expiresAt: z.string() }).optional().describe('Given when the Break@Work sign-in ends'),
  })
  .meta({ id: 'Journey', description: 'A journey: what to render now and what may be done' });

/** What the events routes check themselves: the type. The payload is checked by the journey's schema of that type. */
export const eventEnvelope = z.looseObject({ type: eventTypeSchema });

const pascal = (type: string) => type.toLowerCase().replace(/(^|_)([a-z0-9])/g, (_m, _sep: string, c: string) => c.toUpperCase());

/**
 * The events of every journey that `sends` selects, as one union discriminated by `type`, each event a
 * named schema (the machine's own zod schema, so the document says what the journey checks). A type two
 * journeys share is one schema when both read the same, else a union of both.
 */
export function eventsOf(journeys: Readonly<Record<string, Journey>>, sends: (journey: Journey, type: string) => boolean, id: string, description: string): z.ZodType {
  const byType = new Map<string, Map<string, z.ZodType<{ type: string }>>>();
  for (const journey of Object.values(journeys)) {
    for (const [type, schema] of Object.entries(journey.events)) {
      if (!sends(journey, type)) continue;
      const variants = byType.get(type) ?? new Map<string, z.ZodType<{ type: string }>>();
      variants.set(JSON.stringify(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })), schema);
      byType.set(type, variants);
    }
  }
  const members = [...byType].map(([type, variants]) => {
    const [first, ...others] = [...variants.values()];
    return (others.length === 0 ? first! : z.union([first!, ...others])).meta({ id: `${pascal(type)}Event` });
  });
  return z.discriminatedUnion('type', members as unknown as [z.ZodObject, ...z.ZodObject[]]).meta({ id, description });
}

const idParams = z.object({ id: journeyIdSchema });

export function journeyRoutes(service: JourneyService, journeys: Readonly<Record<string, Journey>>): Route[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/journeys',
      operationId: 'startJourney',
      tag: 'Journeys',
      summary: 'Start a journey',
      description:
        'Starts `accessManagement` or `signIn` (identity token) or `request` (acting token from signIn). With an Idempotency-Key, a retry returns the same journey.',
      auth: 'person',
      idempotent: true,
      body: z
        .object({ machine: z.enum(Object.keys(journeys) as [string, ...string[]]).describe('The journey’s machine id (GET /api/machines lists them)') })
        .meta({ id: 'JourneyStart', description: 'Which journey to start' }),
      responses: {
        201: { description: 'The journey, on its first screen (Location: its URL)', schema: journeyResponse },
        403: standardErrors[403],
        404: standardErrors[404],
        422: standardErrors[422],
        503: standardErrors[503],
      },
      handler: async ({ body, req }) => {
        const journey = await service.start(body.machine, person(req), req.header('idempotency-key'), req.livePermission);
        return { status: 201, body: journey, headers: { Location: `/api/journeys/${journey.id}` } };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/journeys/:id',
      operationId: 'getJourney',
      tag: 'Journeys',
      summary: 'What to render now',
      auth: 'person',
      params: idParams,
      responses: { 200: { description: 'The journey', schema: journeyResponse }, 404: standardErrors[404], 422: standardErrors[422], 503: standardErrors[503] },
      handler: async ({ params, req }) => ({ body: await service.get(params.id, person(req), req.livePermission) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/journeys/:id/events',
      operationId: 'sendJourneyEvent',
      tag: 'Journeys',
      summary: 'Send an event (a click on the screen)',
      description:
        'Refused without any effect: 422 when the payload breaks a rule (`details.issues[].rule` names it), 409 when the event is not allowed on this screen (a type no journey knows included). Fields the event does not define are ignored: only the parsed event reaches the journey.',
      auth: 'person',
      idempotent: true,
      params: idParams,
      body: eventEnvelope,
      documentedBody: eventsOf(
        journeys,
        (journey, type) => !(journey.backofficeEvents ?? []).includes(type),
        'JourneyEvent',
        'An event of a journey: its type and its payload fields (`allowedEvents` says which types the screen takes now; other fields are ignored)',
      ),
      responses: {
        200: { description: 'The journey after the event', schema: journeyResponse },
        403: standardErrors[403],
        404: standardErrors[404],
        409: standardErrors[409],
        422: standardErrors[422],
        503: standardErrors[503],
      },
      handler: async ({ params, body, req }) => ({
        body: await service.send(params.id, body, person(req), req.header('idempotency-key'), req.livePermission),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/machines',
      operationId: 'listMachines',
      tag: 'Machines',
      summary: 'The journeys’ machines',
      auth: 'none',
      responses: {
        200: {
          description: 'Machine ids, titles and events',
          schema: z.array(
            z
              .object({ id: z.string(), title: z.string(), events: z.array(z.string()), backofficeEvents: z.array(z.string()) })
              .meta({ id: 'MachineSummary', description: 'A journey’s machine: its id, title and event types' }),
          ),
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
      operationId: 'getMachine',
      tag: 'Machines',
      summary: 'A machine’s definition, for a visualiser',
      description:
        'The machine config: `createMachine(definition)` loads it without implementations, and an XState visualiser draws it. States with their screens (`meta`), transitions (`on`, `always`, `after` by delay name), invoked actors by name, and every guard and action by name with its params (`and`/`or`/`not` keep their parts; "(computed)" stands for params computed at run time).',
      auth: 'none',
      params: z.object({ machine: z.string() }),
      responses: { 200: { description: 'The definition', schema: machineDefinitionResponse }, 404: standardErrors[404] },
      handler: ({ params }) => Promise.resolve({ body: machineDefinition(service.journey(params.machine)) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/labels',
      operationId: 'getLabels',
      tag: 'Machines',
      summary: 'The text of every label key, in the caller’s language',
      description:
        'In the language `Accept-Language` prefers among fr, nl and de (French when none is acceptable), or in `lang` when given; `Content-Language` says which. Every language has the same keys. ' +
        'Besides the journeys’ labels, `term.<code>` names each code of the domain a UI lists (leaves, forms, communities, worker statuses, education levels, request statuses), as the catalogue writes it.',
      auth: 'none',
      query: z.object({ lang: z.enum(LANGUAGES).optional().describe('fr, nl or de: overrides Accept-Language') }),
      responses: { 200: { description: 'Label key → text', schema: z.record(z.string(), z.string()) }, 422: standardErrors[422] },
      handler: ({ query, req, res }) => {
        const language = query.lang ?? languageOf(req);
        speak(res, language);
        const terms = Object.fromEntries(Object.entries(TERMS).map(([code, texts]) => [`term.${code}`, texts[language]]));
        return Promise.resolve({ body: Object.assign({}, ...Object.values(journeys).map((j) => j.labels[language]), terms) as Record<string, string> });
      },
    }),
  ];
}
