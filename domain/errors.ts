// One error shape for every rule of the domain: a stable code, details, and the message the error catalogue
// writes from both (in French, the reference language; the API answers in the caller's language).
import { errorText, warningText, type DomainErrorCode, type WarningCode } from './error-catalogue';

// The codes, their status and their text in each language live in the error catalogue.
export { DOMAIN_ERROR_CODES, type DomainErrorCode } from './error-catalogue';

export type DomainDetails = Readonly<Record<string, unknown>>;

export class DomainError extends Error {
  override readonly name = 'DomainError';

  /** `details` carry what the code's text names (its `{placeholders}`), and the field when there is one. */
  constructor(
    readonly code: DomainErrorCode,
    readonly details?: DomainDetails,
  ) {
    super(errorText(code, details));
  }

  /** The API error body shape: `{ code, message, details }` (plain data, safe to clone or log). */
  toJSON(): { code: DomainErrorCode; message: string; details?: DomainDetails } {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

/** The DomainError of each value its parser refuses, naming the value's field; other errors are thrown. */
export function fieldErrors<F extends string, V>(values: Readonly<Record<F, V>>, parse: (value: V, field: F) => unknown): DomainError[] {
  const errors: DomainError[] = [];
  for (const [field, value] of Object.entries(values) as [F, V][]) {
    try {
      parse(value, field);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      errors.push(new DomainError(error.code, { ...error.details, field }));
    }
  }
  return errors;
}

/** Something the user should see and may accept (shown on the confirmation page), never a refusal. */
export { WARNING_CODES as DOMAIN_WARNING_CODES } from './error-catalogue';

export type DomainWarningCode = WarningCode;

export interface DomainWarning {
  readonly code: DomainWarningCode;
  readonly message: string;
  readonly details?: DomainDetails;
}

/** A warning whose message is the catalogue's text (French, the reference) filled from its details. */
export function domainWarning(code: DomainWarningCode, details: DomainDetails): DomainWarning {
  return { code, message: warningText(code, details), details };
}
