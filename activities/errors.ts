/**
 * Business refusals of activities: non-retryable failures whose type the machines read as `error.code`.
 * The message is the error catalogue's French text (the reference language) filled from the details, so
 * what a journey keeps in `context.error.message` is the same text the API writes in French; the API
 * writes it again in the caller's language from the code and details.
 */
import { ApplicationFailure } from '@temporalio/activity';
import { errorText, type ErrorCode } from '../domain/error-catalogue';

export function refuse(code: ErrorCode, details?: Readonly<Record<string, unknown>>): ApplicationFailure {
  return ApplicationFailure.nonRetryable(errorText(code, details), code, ...(details === undefined ? [] : [details]));
}
