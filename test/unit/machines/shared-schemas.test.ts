/**
 * The journeys' schemas as the worker shares them between workflows (worker/workflow-shared-modules.ts):
 * prepared, then deep-frozen the way the Temporal SDK freezes the modules it shares. Each schema must
 * give exactly the answers of a fresh copy that nobody froze, for valid events and for hostile ones.
 */
import fc from 'fast-check';
import type { ZodType } from 'zod';
import type { Journey } from '../../../machines/journey';
import { requestSampleEventList, requestSampleInput } from '../../support/request-sample-events';

/**
 * What the SDK does to every module it shares (its reusable V8 context): objects frozen member by member,
 * functions frozen themselves only, anything frozen already left as it is.
 */
function freezeAsTheSdkDoes(value: unknown, visited = new WeakSet<object>()): void {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function') || visited.has(value)) return;
  visited.add(value);
  if (Object.isFrozen(value)) return;
  if (typeof value === 'object') {
    for (const key of Reflect.ownKeys(value)) {
      try {
        freezeAsTheSdkDoes((value as Record<PropertyKey, unknown>)[key], visited);
      } catch {
        // As the SDK: some objects cannot be frozen (typed arrays).
      }
    }
  }
  Object.freeze(value);
}

const MODULES = ['zod', '../../../domain/schemas', '../../../machines', '../../../machines/journey', ...['access-management', 'request', 'sign-in', 'worker-part'].map((j) => `../../../machines/${j}/events`)];

/** A fresh copy of the journeys (their own zod too); shared: prepared and frozen as the worker's are. */
function loadJourneys(shared: boolean): Record<string, Journey> {
  let journeys: Record<string, Journey> = {};
  jest.isolateModules(() => {
    /* eslint-disable @typescript-eslint/no-require-imports -- a copy of the modules of its own, per call */
    if (shared) {
      require('../../../worker/workflow-shared-modules');
      for (const path of MODULES) freezeAsTheSdkDoes(require(path));
    }
    journeys = (require('../../../machines') as typeof import('../../../machines')).journeys;
    /* eslint-enable @typescript-eslint/no-require-imports */
  });
  return journeys;
}

const shared = loadJourneys(true);
const fresh = loadJourneys(false);

/** An answer as a caller sees it: the data, or each issue's code, path and message. */
function answer(schema: ZodType, payload: unknown): unknown {
  const result = schema.safeParse(payload);
  return result.success ? { data: result.data } : { issues: result.error.issues.map((i) => ({ code: i.code, path: i.path, message: i.message })) };
}

test('every schema of every journey is frozen, and the journeys are distinct copies', () => {
  for (const [id, journey] of Object.entries(shared)) {
    expect(Object.isFrozen(journey.input)).toBe(true);
    for (const schema of Object.values(journey.events)) expect(Object.isFrozen(schema)).toBe(true);
    expect(journey.events).not.toBe(fresh[id]!.events);
  }
});

test('valid events parse the same, shared and fresh', () => {
  for (const event of requestSampleEventList) {
    const expected = answer(fresh.request!.events[event.type]!, event);
    expect(expected).toHaveProperty('data');
    expect(answer(shared.request!.events[event.type]!, event)).toEqual(expected);
  }
  expect(answer(shared.request!.input, requestSampleInput)).toEqual(answer(fresh.request!.input, requestSampleInput));
  expect(answer(fresh.request!.input, requestSampleInput)).toHaveProperty('data');
});

/** Values a hostile caller sends in a field: wrong types, near-valid strings, deep and odd objects. */
const hostileValue = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.constantFrom('', ' ', '82.04.12-072.58', '82041207257', '0321.654.968', '2025-02-30', '2025-09-01', 'x'.repeat(5_000), '\u0000', '\ud800', 'a@b', 'PARENTAL', 'HALF'),
  fc.integer(),
  fc.double(),
);

test('hostile events get the same answers, shared and fresh', () => {
  const cases = Object.entries(fresh).flatMap(([id, journey]) => Object.keys(journey.events).map((type) => ({ id, type })));
  const samples = new Map<string, Record<string, unknown>>(requestSampleEventList.map((e) => [e.type, e]));
  fc.assert(
    fc.property(fc.constantFrom(...cases), fc.dictionary(fc.string({ maxLength: 12 }), hostileValue, { maxKeys: 4 }), fc.boolean(), ({ id, type }, fields, fromSample) => {
      // Half of them start from a valid event of the type (when there is one) and change some fields.
      const base = fromSample ? (samples.get(type) ?? {}) : {};
      const keys = Object.keys(base);
      const changed = Object.fromEntries(Object.entries(fields).map(([k, v], i) => [keys.length && i % 2 === 0 ? keys[i % keys.length]! : k, v]));
      const payload = { ...base, ...changed, type };
      expect(answer(shared[id]!.events[type]!, payload)).toEqual(answer(fresh[id]!.events[type]!, payload));
    }),
    { numRuns: 2_000 },
  );
});

test('a whole payload of any shape gets the same answer, shared and fresh', () => {
  fc.assert(
    fc.property(fc.constantFrom(...Object.keys(fresh)), fc.anything({ maxDepth: 3 }), (id, payload) => {
      expect(answer(shared[id]!.input, payload)).toEqual(answer(fresh[id]!.input, payload));
    }),
    { numRuns: 500 },
  );
});
