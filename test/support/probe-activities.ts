/** Activities of the probe machine: named like its invoked actors. */
import { ApplicationFailure, Context, CancelledFailure } from '@temporalio/activity';

export function createProbeActivities() {
  const cancelled: string[] = [];
  return {
    cancelled,
    activities: {
      double({ value }: { value: number }): Promise<number> {
        if (value === 7) return Promise.reject(ApplicationFailure.nonRetryable('seven is not doubled', 'UNLUCKY_NUMBER'));
        return Promise.resolve(value * 2);
      },
      async waitUntilCancelled({ label }: { label: string }): Promise<string> {
        try {
          for (;;) {
            Context.current().heartbeat();
            await Context.current().sleep(100);
          }
        } catch (err) {
          if (err instanceof CancelledFailure) cancelled.push(label);
          throw err;
        }
      },
    },
  };
}
