/**
 * Errors where the user looks: a summary at the top (focused, so a screen reader reads it and the
 * keyboard is there) linking to each refused field, and each field's own message beside it.
 * A 503 says "try again" and offers it; nothing typed is lost. A permission withdrawn since the
 * Break@Work sign-in (403 PERMISSION_REVOKED) says so and offers to sign in again.
 */
import { useEffect, useRef } from 'react';
import type { ApiError } from '../api';
import { useStrings } from '../i18n';
import { navigate } from '../router';
import { useSession } from '../session';
import { common } from '../strings';

export interface ShownError {
  message: string;
  /** The field it belongs to (its input has id `field-<name>`). */
  field?: string;
}

export function ErrorSummary({ errors, onRetry, onSignInAgain }: { errors: readonly ShownError[]; onRetry?: () => void; onSignInAgain?: () => void }) {
  const t = useStrings(common);
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((e) => `${e.field}:${e.message}`).join('|');
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t('errorTitle')}</h2>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>{e.field ? <a href={`#field-${e.field}`}>{e.message}</a> : e.message}</li>
        ))}
      </ul>
      {onRetry && (
        <button type="button" className="button secondary" onClick={onRetry}>
          {t('tryAgain')}
        </button>
      )}
      {onSignInAgain && (
        <button type="button" className="button" onClick={onSignInAgain}>
          {t('signInAgain')}
        </button>
      )}
    </div>
  );
}

/**
 * After 403 PERMISSION_REVOKED (the access manager withdrew the permission the acting token acts with,
 * or set the member inactive): the way on, which drops that acting token and opens the sign-in again
 * (`restart`: a new sign-in journey when the refusal came at the sign-in's own end).
 */
export function useSignInAgain(failure: ApiError | undefined, restart?: () => void): (() => void) | undefined {
  const { signOut } = useSession();
  if (failure?.code !== 'PERMISSION_REVOKED') return undefined;
  return () => {
    signOut('acting');
    if (restart) restart();
    else navigate('/breakatwork');
  };
}

/**
 * The errors of a call and of the journey's own refusal, by field where one is named. `fieldOf` maps a
 * refusal code with no field path (a check done by an activity) to the field it is about.
 */
export function errorsOf(
  failure: ApiError | undefined,
  journeyError: { code?: string; message?: string; details?: unknown } | undefined,
  unavailable: string,
  fieldOf: Readonly<Record<string, string>> = {},
): ShownError[] {
  const out: ShownError[] = [];
  if (failure) {
    if (failure.retryable) out.push({ message: unavailable });
    else if (failure.issues.length > 0) for (const i of failure.issues) out.push({ message: i.message, field: fieldName(i.path) });
    // A refusal the journey also holds (an activity's check) is shown once, from the journey's copy:
    // that one is read again in the language the user switches to.
    else if (failure.code !== 'EVENT_NOT_ALLOWED' && failure.code !== journeyError?.code) out.push({ message: failure.message, field: fieldOf[failure.code] });
  }
  if (journeyError?.message) {
    const issues = (journeyError.details as { issues?: { path: string; message: string }[] } | undefined)?.issues;
    if (Array.isArray(issues) && issues.length > 0) for (const i of issues) out.push({ message: i.message, field: fieldName(i.path) });
    else out.push({ message: journeyError.message, field: journeyError.code ? fieldOf[journeyError.code] : undefined });
  }
  return out;
}

/** An issue's path (`niss`, `body.niss`, `query.worker`, `permissions.0`) → the field it names. */
function fieldName(path: string): string | undefined {
  const parts = path.split('.').filter((p) => p !== 'body' && p !== 'query' && p !== 'params' && !/^\d+$/.test(p));
  return parts[0] || undefined;
}

export function fieldErrors(errors: readonly ShownError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) if (e.field && !out[e.field]) out[e.field] = e.message;
  return out;
}
