// Workload in teaching periods: always whole periods, never hours; the full load is a parameter.
import { LEAVE_FORMS, type LeaveForm } from './catalogue';
import { DomainError, domainWarning, fieldErrors, type DomainWarning } from './errors';

// "19h", "19 h 30", "19:30", "19u30", "120 min", "heures"... hours/minutes, not periods.
const LOOKS_LIKE_HOURS = /\d\s*[hu:]|\b(min|minutes?|heures?|hours?|uur|uren)\b/i;

/**
 * A number of periods from a form value: a whole number ≥ 0, or a string of digits.
 * Throws WORKLOAD_IN_HOURS, WORKLOAD_NOT_WHOLE, WORKLOAD_NEGATIVE or WORKLOAD_FORMAT.
 */
export function parsePeriods(input: unknown, field = 'workload'): number {
  if (typeof input === 'string') {
    const text = input.trim();
    if (LOOKS_LIKE_HOURS.test(text)) {
      throw new DomainError('WORKLOAD_IN_HOURS', { field, value: input });
    }
    if (!/^-?\d+([.,]\d+)?$/.test(text)) {
      throw new DomainError('WORKLOAD_FORMAT', { field, value: input });
    }
    return parsePeriods(Number(text.replace(',', '.')), field);
  }
  if (typeof input !== 'number' || !Number.isFinite(input)) {
    throw new DomainError('WORKLOAD_FORMAT', { field, value: input });
  }
  if (input < 0) {
    throw new DomainError('WORKLOAD_NEGATIVE', { field, value: input });
  }
  if (!Number.isInteger(input)) {
    throw new DomainError('WORKLOAD_NOT_WHOLE', { field, value: input });
  }
  return input;
}

export interface WorkloadInput {
  readonly fullLoad: number;
  readonly before: number;
  readonly during: number;
}

export interface Workload extends WorkloadInput {
  /** before − during */
  readonly givenUp: number;
  /** givenUp as a share of the full-time load, e.g. 12/24 = 0.5. */
  readonly givenUpFraction: number;
}

/** Every broken rule of `0 ≤ during < before ≤ fullLoad`, each error carrying `details.field`. */
export function workloadErrors({ fullLoad, before, during }: WorkloadInput): DomainError[] {
  if (!Number.isInteger(fullLoad) || fullLoad <= 0) {
    return [
      new DomainError('FULL_LOAD_INVALID', { field: 'fullLoad', value: fullLoad }),
    ];
  }
  const errors = fieldErrors({ before, during }, (value, field) => parsePeriods(value, `workload ${field} the interruption`));
  if (errors.length) return errors;
  if (before > fullLoad) {
    errors.push(new DomainError('WORKLOAD_ABOVE_FULL_LOAD', { field: 'before', before, fullLoad }));
  }
  if (during >= before) {
    errors.push(new DomainError('WORKLOAD_ORDER', { field: 'during', before, during }));
  }
  return errors;
}

/** Throws the first broken workload rule; otherwise the workload with what is given up. */
export function computeWorkload(input: WorkloadInput): Workload {
  const [first] = workloadErrors(input);
  if (first) throw first;
  const givenUp = input.before - input.during;
  return { ...input, givenUp, givenUpFraction: givenUp / input.fullLoad };
}

/**
 * Periods the chosen form should give up: all of `before` for a full interruption, the form's fraction
 * of the full-time load for a reduction, null for a partial interruption (any fraction).
 */
export function expectedGivenUp(form: LeaveForm, workload: WorkloadInput): number | null {
  if (form === 'FULL') return workload.before;
  const { fraction } = LEAVE_FORMS[form];
  return fraction === null ? null : fraction * workload.fullLoad;
}

/** A warning (not an error) when what is given up is more than one period away from the form. */
export function fractionMismatchWarning(form: LeaveForm, workload: Workload): DomainWarning | null {
  const expected = expectedGivenUp(form, workload);
  if (expected === null || Math.abs(workload.givenUp - expected) <= 1) return null;
  const shown = Math.round(expected * 100) / 100;
  return domainWarning('WORKLOAD_FRACTION_MISMATCH', { form, givenUp: workload.givenUp, expectedGivenUp: shown, fullLoad: workload.fullLoad });
}
