// One error shape for every rule of the domain: a stable code, an English message naming the rule, details.

export const DOMAIN_ERROR_CODES = [
  // national number (NISS / INSZ)
  'NISS_FORMAT',
  'NISS_LENGTH',
  'NISS_CHECK_DIGITS',
  'NISS_DATE',
  'NISS_COUNTER',
  // enterprise number (BCE / KBO)
  'ENTERPRISE_FORMAT',
  'ENTERPRISE_LENGTH',
  'ENTERPRISE_FIRST_DIGIT',
  'ENTERPRISE_CHECK_DIGITS',
  // establishment-unit number
  'ESTABLISHMENT_UNIT_FORMAT',
  'ESTABLISHMENT_UNIT_LENGTH',
  'ESTABLISHMENT_UNIT_FIRST_DIGIT',
  'ESTABLISHMENT_UNIT_CHECK_DIGITS',
  // a school's number: enterprise or establishment unit
  'SCHOOL_NUMBER_FORMAT',
  'SCHOOL_NUMBER_LENGTH',
  'SCHOOL_NUMBER_FIRST_DIGIT',
  // workload, in periods
  'WORKLOAD_FORMAT',
  'WORKLOAD_IN_HOURS',
  'WORKLOAD_NOT_WHOLE',
  'WORKLOAD_NEGATIVE',
  'WORKLOAD_ORDER',
  'WORKLOAD_ABOVE_FULL_LOAD',
  'FULL_LOAD_INVALID',
  // dates and periods
  'DATE_FORMAT',
  'DATE_INVALID',
  'DATES_ORDER',
  'PERIOD_TOO_SHORT',
  'PERIOD_TOO_LONG',
  'PERIOD_BLOCK',
  'PERIOD_ABOVE_TOTAL_MAXIMUM',
  // leave choice and worker
  'LEAVE_NOT_OPEN_IN_COMMUNITY',
  'LEAVE_FORM_NOT_ALLOWED',
  'WORKER_TOO_YOUNG',
  'INTERRUPTED_EMPLOYERS_MISSING',
  'EMAIL_FORMAT',
  // the worker's other requests (every PO): overlaps and the maxima they use up
  'REQUEST_PERIOD_OVERLAP',
  'CAREER_MAXIMUM_EXCEEDED',
  'LEAVE_MAXIMUM_EXCEEDED',
  // free text typed by people (reasons, names, searches)
  'TEXT_CONTROL_CHARACTERS',
  'TEXT_INVALID_UNICODE',
  // lifecycle
  'TRANSITION_NOT_ALLOWED',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export type DomainDetails = Readonly<Record<string, unknown>>;

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: DomainDetails,
  ) {
    super(message);
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
      errors.push(new DomainError(error.code, error.message, { ...error.details, field }));
    }
  }
  return errors;
}

/** Something the user should see and may accept (shown on the confirmation page), never a refusal. */
export const DOMAIN_WARNING_CODES = [
  'WORKLOAD_FRACTION_MISMATCH',
  'LATE_INTRODUCTION',
  'WORKER_AGE_SPECIAL_CASE',
  'EMPLOYER_AGREEMENT_REQUIRED',
  'MULTIPLE_EMPLOYERS_UNTICKED',
] as const;

export type DomainWarningCode = (typeof DOMAIN_WARNING_CODES)[number];

export interface DomainWarning {
  readonly code: DomainWarningCode;
  readonly message: string;
  readonly details?: DomainDetails;
}
