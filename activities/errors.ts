/** Business refusals of activities: non-retryable failures whose type the machines read as `error.code`. */
import { ApplicationFailure } from '@temporalio/activity';

export function refuse(code: string, message: string, details?: unknown): ApplicationFailure {
  return ApplicationFailure.nonRetryable(message, code, ...(details === undefined ? [] : [details]));
}
