/**
 * Preloaded into the worker's shared V8 context (scripts/build-workflow-bundle.ts, PRELOAD_MODULES):
 * zod is evaluated once for every cached workflow instead of once per workflow. Listed through this
 * module because zod declares itself free of side effects: webpack drops a bare `require('zod')`
 * whose exports nothing uses.
 */
import { array, object, string } from 'zod';

// zod sets its defaults (English messages, its memoizer) in its configuration when the first schema (and container)
// is built: built here, before the SDK freezes what shared modules hold, not in a workflow after.
object({ list: array(string()) });

// What it exports must be used, or webpack leaves zod out; named imports, not the `z` namespace, which
// would bring every locale zod has into the bundle.
export const shared: unknown[] = [object];
