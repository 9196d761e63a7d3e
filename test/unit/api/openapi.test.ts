/**
 * The OpenAPI document as tools read it: one operation per path shape, named operations, named schemas
 * referenced (the error body once), every machine event in the discriminated event unions, and the
 * error codes of the catalogue. The Redocly lint (`npm run lint:openapi`) checks the rest.
 */
import { z } from 'zod';
import { defineRoute, openApiDocument, standardErrors, type Route } from '../../../api/contract';
import { eventsOf } from '../../../api/routes/journeys';
import { ERROR_CODES } from '../../../domain/error-catalogue';
import { journeys } from '../../../machines';
import { defineJourney, signal, type Journey } from '../../../machines/journey';
import { buildDocument } from '../../../scripts/openapi';

type Operation = { operationId?: string; requestBody?: { content: Record<string, { schema: unknown }> }; responses: Record<string, { content?: Record<string, { schema: unknown }> }> };
type Doc = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { oneOf?: Array<{ $ref: string }>; discriminator?: { propertyName: string; mapping: Record<string, string> }; enum?: string[] }> };
};

const doc = buildDocument() as unknown as Doc;
const operations = Object.entries(doc.paths).flatMap(([path, byMethod]) => Object.entries(byMethod).map(([method, op]) => ({ path, method, op })));

test('no two paths differ only by the names of their parameters', () => {
  const shapes = Object.keys(doc.paths).map((path) => path.replace(/\{[^}]+\}/g, '{}'));
  expect(new Set(shapes).size).toBe(shapes.length);
});

test('every operation has its own operationId', () => {
  const ids = operations.map(({ op }) => op.operationId);
  expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
  expect(new Set(ids).size).toBe(ids.length);
});

test('every error answer points at the one Error schema, whose code is the catalogue', () => {
  for (const { path, method, op } of operations) {
    for (const [status, response] of Object.entries(op.responses)) {
      if (Number(status) < 400) continue;
      expect([path, method, status, response.content?.['application/json']?.schema]).toEqual([path, method, status, { $ref: '#/components/schemas/Error' }]);
    }
  }
  expect(doc.components.schemas.ErrorCode?.enum).toEqual([...ERROR_CODES]);
});

test('calls that reach a journey document the 503 of an outage; calls with a body their 400/413/415', () => {
  for (const id of ['startJourney', 'getJourney', 'sendJourneyEvent', 'sendBackofficeRequestEvent', 'sendBackofficeJourneyEvent', 'listJourneysNeedingAttention']) {
    expect([id, Object.keys(operations.find(({ op }) => op.operationId === id)!.op.responses)]).toEqual([id, expect.arrayContaining(['503'])]);
  }
  for (const { op } of operations.filter(({ op }) => op.requestBody)) {
    expect([op.operationId, Object.keys(op.responses)]).toEqual([op.operationId, expect.arrayContaining(['400', '413', '415', '422'])]);
  }
});

test('the event bodies are unions of every machine’s event schemas, discriminated by type', () => {
  const owner = new Set<string>();
  const backoffice = new Set<string>();
  for (const journey of Object.values(journeys)) {
    for (const type of Object.keys(journey.events)) ((journey.backofficeEvents ?? []).includes(type) ? backoffice : owner).add(type);
  }
  const union = (name: string) => doc.components.schemas[name]!;
  for (const [name, types] of [
    ['JourneyEvent', owner],
    ['BackofficeEvent', backoffice],
  ] as const) {
    const { oneOf, discriminator } = union(name);
    expect(discriminator?.propertyName).toBe('type');
    expect(Object.keys(discriminator!.mapping).sort()).toEqual([...types].sort());
    expect(oneOf!.map((m) => m.$ref).sort()).toEqual(Object.values(discriminator!.mapping).sort());
    for (const ref of oneOf!) expect(doc.components.schemas[ref.$ref.replace('#/components/schemas/', '')]).toBeDefined();
  }
  expect(doc.paths['/api/journeys/{id}/events']!.post!.requestBody!.content['application/json']!.schema).toEqual({ $ref: '#/components/schemas/JourneyEvent' });
});

describe('openApiDocument', () => {
  const journey = (id: string, events: Journey['events']) => defineJourney({ id, events } as unknown as Journey);
  const route = (r: Partial<Route>): Route =>
    defineRoute({ method: 'post', path: '/x', operationId: 'x', summary: 'x', tag: 'x', auth: 'none', responses: {}, handler: () => Promise.resolve({ body: null }), ...r });
  const info = { title: 't', version: '1', description: 'd', license: { name: 'l', identifier: 'LicenseRef-l' } };

  test('a type two journeys read differently is one named union, and the discriminator still maps it', () => {
    const a = journey('a', { PICK: z.object({ type: z.literal('PICK'), one: z.string() }), BACK: signal('BACK') });
    const b = journey('b', { PICK: z.object({ type: z.literal('PICK'), two: z.number() }), BACK: signal('BACK') });
    const body = eventsOf({ a, b }, () => true, 'Event', 'an event');
    const document = openApiDocument([route({ documentedBody: body, body: z.object({ type: z.string() }) })], info) as unknown as Doc;
    const schemas = document.components.schemas as Record<string, { anyOf?: unknown[]; discriminator?: { mapping: Record<string, string> } }>;
    expect(schemas.PickEvent?.anyOf).toHaveLength(2);
    expect(schemas.Event?.discriminator?.mapping).toEqual({ PICK: '#/components/schemas/PickEvent', BACK: '#/components/schemas/BackEvent' });
  });

  test('one name for two different schemas is refused', () => {
    const first = z.object({ a: z.string() }).meta({ id: 'Same' });
    const second = z.object({ b: z.string() }).meta({ id: 'Same' });
    const routes = [route({ operationId: 'one', responses: { 200: { description: 'one', schema: first } } }), route({ path: '/y', operationId: 'two', responses: { 200: { description: 'two', schema: second } } })];
    expect(() => openApiDocument(routes, info)).toThrow(/"Same" is given to two different schemas/);
  });

  test('the standard errors are the one Error schema', () => {
    const document = openApiDocument([route({ responses: { 404: standardErrors[404] } })], info) as unknown as Doc;
    expect(document.paths['/x']!.post!.responses['404']!.content!['application/json']!.schema).toEqual({ $ref: '#/components/schemas/Error' });
  });
});
