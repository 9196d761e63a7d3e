/**
 * Preloaded into the worker's shared V8 context (scripts/build-workflow-bundle.ts, PRELOAD_MODULES):
 * what every workflow runs — zod, xstate, the journeys (machines, their event schemas, their labels) and
 * the pure domain modules — is evaluated once for all the workflows a worker holds, instead of once per
 * workflow (decision 26).
 *
 * The SDK deep-freezes what shared modules export, so that no workflow can change what another sees.
 * XState's machines are built whole when they are created and survive it. zod 4's schemas do not: they
 * finish building themselves when first used (members defined on the schema at their first read, the
 * parse function swapped in its internals on its first run) and write into their patterns (a regular
 * expression's `lastIndex`) at every parse; a deep-frozen schema refuses all three.
 *
 * So each schema a shared module exports is completed here and then frozen itself, shallowly, before the
 * SDK's pass (`prepareSchemasForSharing`): the SDK's deep freeze stops at what is frozen already, so a
 * schema's own members cannot change any more while its internals — zod's caches and patterns, which
 * give the same answers whichever workflow fills them — stay writable. Only zod writes there.
 * test/unit/machines/shared-schemas.test.ts parses hostile and valid events with schemas treated this
 * way and deep-frozen as the SDK does, and compares every answer with a fresh copy's.
 */
import { array, object, string } from 'zod';
import * as domainSchemas from '../domain/schemas';
import * as machines from '../machines';
import * as accessManagementEvents from '../machines/access-management/events';
import * as requestEvents from '../machines/request/events';
import * as signInEvents from '../machines/sign-in/events';
import * as workerPartEvents from '../machines/worker-part/events';

// zod sets its defaults (English messages, its memoizer) in its configuration when the first schema (and container)
// is built: built here, before the SDK freezes what shared modules hold, not in a workflow after.
object({ list: array(string()) });

const BUILT_INS = new Set<unknown>([Object.prototype, Array.prototype, Function.prototype, Map.prototype, Set.prototype, RegExp.prototype]);

const isSchema = (value: object): boolean => typeof (value as { _zod?: { run?: unknown } })._zod?.run === 'function';

/**
 * Every zod schema reachable from `value` (through plain objects, arrays and other schemas) gets each
 * member its prototypes define lazily (read once: zod defines it on the schema then) and is frozen,
 * shallowly. Idempotent.
 */
export function prepareSchemasForSharing(value: unknown, seen = new WeakSet<object>()): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  const schema = isSchema(value);
  const keys = new Set<PropertyKey>(Reflect.ownKeys(value));
  if (schema) {
    for (let proto = Object.getPrototypeOf(value) as object | null; proto && !BUILT_INS.has(proto); proto = Object.getPrototypeOf(proto) as object | null) {
      for (const key of Reflect.ownKeys(proto)) if (Object.getOwnPropertyDescriptor(proto, key)?.get) keys.add(key);
    }
  }
  for (const key of keys) {
    let member: unknown;
    try {
      member = (value as Record<PropertyKey, unknown>)[key];
    } catch {
      continue;
    }
    prepareSchemasForSharing(member, seen);
  }
  if (schema) Object.freeze(value);
}

// Every module of the bundle that builds schemas, by everything it exports.
prepareSchemasForSharing([domainSchemas, machines, accessManagementEvents, requestEvents, signInEvents, workerPartEvents]);

// What it exports must be used, or webpack leaves the modules out.
export const { journeys } = machines;
