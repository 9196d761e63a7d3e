/** Integration tests log Temporal's own messages from WARN up (worker state changes are noise here). */
import { DefaultLogger, Runtime } from '@temporalio/worker';

try {
  Runtime.install({ logger: new DefaultLogger('WARN') });
} catch {
  // Already installed in this process by an earlier test file: keep it.
}
