// Rules of the request's questions: leave and form, dates and period limits, workload, several employers.
// Errors refuse the answer; warnings are shown on the confirmation page. `today` is always a parameter.
import {
  DEFAULT_FULL_LOADS,
  LEAVES,
  formLimits,
  formsOf,
  type Community,
  type EducationLevel,
  type FullLoads,
  type LeaveCode,
  type LeaveForm,
  type LimitScope,
} from './catalogue';
import { addMonths, ageOn, compareIsoDates, parseIsoDate, periodLength, type IsoDate } from './dates';
import { DomainError, domainWarning, fieldErrors, type DomainWarning } from './errors';
import { computeWorkload, fractionMismatchWarning, workloadErrors } from './workload';

export interface Findings {
  readonly errors: DomainError[];
  readonly warnings: DomainWarning[];
}

// ---------------------------------------------------------------------------------------------------
// Leave choice

/** The form must be one of the leave's; the leave must be open in the community (none in own-company mode). */
export function leaveChoiceErrors(leave: LeaveCode, form: LeaveForm, community: Community | null): DomainError[] {
  const errors: DomainError[] = [];
  const entry = LEAVES[leave];
  if (community !== null && !entry.communities.includes(community)) {
    errors.push(
      new DomainError('LEAVE_NOT_OPEN_IN_COMMUNITY', { field: 'leave', leave, community, open: entry.communities }),
    );
  }
  if (formLimits(leave, form) === undefined) {
    errors.push(
      new DomainError('LEAVE_FORM_NOT_ALLOWED', { field: 'form', leave, form, allowed: formsOf(leave) }),
    );
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------------
// Dates and period limits

/** Both dates real `YYYY-MM-DD` days and the end after the start. */
export function datesErrors(start: string, end: string): DomainError[] {
  const errors = fieldErrors({ start, end }, (value, field) => parseIsoDate(value, `${field} date`));
  if (errors.length === 0 && compareIsoDates(end, start) <= 0) {
    errors.push(
      new DomainError('DATES_ORDER', { field: 'end', start, end }),
    );
  }
  return errors;
}

/** Length of the period (both days included) against the form's limits. Dates must already be valid. */
export function periodLimitErrors(leave: LeaveCode, form: LeaveForm, start: string, end: string): DomainError[] {
  const limits = formLimits(leave, form);
  if (!limits) return [];
  const { months, extraDays } = periodLength(start, end);
  const details = { field: 'end', leave, form, months, extraDays };
  const errors: DomainError[] = [];
  const { minMonthsPerPeriod: min, maxMonthsPerPeriod: max, blockMonths: block, totalMaxMonths: total } = limits;
  if (min !== undefined && months < min) {
    errors.push(new DomainError('PERIOD_TOO_SHORT', { ...details, min }));
  }
  const exceeds = (limit: number) => months > limit || (months === limit && extraDays > 0);
  if (max !== undefined && exceeds(max)) {
    errors.push(new DomainError('PERIOD_TOO_LONG', { ...details, max }));
  } else if (total !== undefined && exceeds(total)) {
    errors.push(new DomainError('PERIOD_ABOVE_TOTAL_MAXIMUM', { ...details, total, scope: limits.totalScope ?? 'career' }));
  }
  if (block !== undefined && (extraDays > 0 || months % block !== 0)) {
    errors.push(new DomainError('PERIOD_BLOCK', { ...details, block }));
  }
  return errors;
}

/** More than 2 months between the start date and `today` (the day of introduction): allowances start later. */
export function lateIntroductionWarning(start: string, today: string): DomainWarning | null {
  const limit = addMonths(start, 2);
  if (compareIsoDates(today, limit) <= 0) return null;
  return domainWarning('LATE_INTRODUCTION', { start, today, limit });
}

// ---------------------------------------------------------------------------------------------------
// Worker

/** Minimum age at the start date (end-of-career leave); nothing to say when the birth date is unknown. */
export function workerAgeFindings(leave: LeaveCode, birthDate: string | null, start: string): Findings {
  const { minAge, minAgeSpecialCases } = LEAVES[leave];
  const findings: Findings = { errors: [], warnings: [] };
  if (minAge === undefined || birthDate === null) return findings;
  const age = ageOn(birthDate, start);
  const lowest = minAgeSpecialCases ?? minAge;
  if (age < lowest) {
    findings.errors.push(
      new DomainError('WORKER_TOO_YOUNG', { field: 'start', age, minAge: lowest }),
    );
  } else if (age < minAge) {
    findings.warnings.push(domainWarning('WORKER_AGE_SPECIAL_CASE', { leave, start, age, minAge, minAgeSpecialCases: lowest }));
  }
  return findings;
}

/**
 * Part-time with several legal employers (two communities count as two) and interrupting with one only:
 * the worker must also send an occupation declaration to their ONEM office.
 */
export function occupationDeclarationRequired(multipleEmployers: boolean, interruptsAllEmployers?: boolean): boolean {
  return multipleEmployers && interruptsAllEmployers === false;
}

// ---------------------------------------------------------------------------------------------------
// The characteristics screen as a whole

export interface CharacteristicsInput {
  readonly level: EducationLevel;
  readonly before: number;
  readonly during: number;
  readonly start: string;
  readonly end: string;
  readonly multipleEmployers: boolean;
  /** Asked only when `multipleEmployers`; with a single employer it is that one, so all. */
  readonly interruptsAllEmployers?: boolean;
}

export interface Characteristics extends CharacteristicsInput {
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly interruptsAllEmployers: boolean;
  readonly fullLoad: number;
  readonly givenUp: number;
  readonly occupationDeclarationRequired: boolean;
}

/** Errors of the answers that do not depend on the leave: workload, dates, several employers. */
export function characteristicsErrors(input: CharacteristicsInput, fullLoads: FullLoads = DEFAULT_FULL_LOADS): DomainError[] {
  const errors = [
    ...workloadErrors({ fullLoad: fullLoads[input.level], before: input.before, during: input.during }),
    ...datesErrors(input.start, input.end),
  ];
  if (input.multipleEmployers && input.interruptsAllEmployers === undefined) {
    errors.push(
      new DomainError('INTERRUPTED_EMPLOYERS_MISSING', { field: 'interruptsAllEmployers' }),
    );
  }
  return errors;
}

/** Throws the first error; otherwise the answers with what they imply (given up, occupation declaration). */
export function deriveCharacteristics(input: CharacteristicsInput, fullLoads: FullLoads = DEFAULT_FULL_LOADS): Characteristics {
  const [first] = characteristicsErrors(input, fullLoads);
  if (first) throw first;
  const workload = computeWorkload({ fullLoad: fullLoads[input.level], before: input.before, during: input.during });
  const interruptsAllEmployers = input.multipleEmployers ? input.interruptsAllEmployers === true : true;
  return {
    ...input,
    start: input.start as IsoDate,
    end: input.end as IsoDate,
    interruptsAllEmployers,
    fullLoad: workload.fullLoad,
    givenUp: workload.givenUp,
    occupationDeclarationRequired: occupationDeclarationRequired(input.multipleEmployers, interruptsAllEmployers),
  };
}

export interface RequestDraft {
  /** null in own-company mode (no community). */
  readonly community: Community | null;
  readonly leave: LeaveCode;
  readonly form: LeaveForm;
  readonly characteristics: CharacteristicsInput;
  /** From the worker's NISS when known (see nissBirthDate). */
  readonly workerBirthDate?: string | null;
  /** How many employers the service knows the worker has (their occupations); unknown when absent. */
  readonly knownEmployerCount?: number;
}

export interface RequestAssessment extends Findings {
  /** Present when there are no errors. */
  readonly characteristics?: Characteristics;
}

/** Everything the confirmation page needs: refusals, warnings, and the derived answers. */
export function assessRequest(
  draft: RequestDraft,
  options: { readonly today: string; readonly fullLoads?: FullLoads },
): RequestAssessment {
  const { community, leave, form, characteristics: input } = draft;
  parseIsoDate(options.today, 'date of introduction');
  const fullLoads = options.fullLoads ?? DEFAULT_FULL_LOADS;
  const errors = [...leaveChoiceErrors(leave, form, community), ...characteristicsErrors(input, fullLoads)];
  const warnings: DomainWarning[] = [];
  if (errors.length) return { errors, warnings };

  errors.push(...periodLimitErrors(leave, form, input.start, input.end));
  const age = workerAgeFindings(leave, draft.workerBirthDate ?? null, input.start);
  errors.push(...age.errors);
  warnings.push(...age.warnings);
  if (errors.length) return { errors, warnings };

  const characteristics = deriveCharacteristics(input, fullLoads);
  const workload = computeWorkload({ fullLoad: characteristics.fullLoad, before: input.before, during: input.during });
  const mismatch = fractionMismatchWarning(form, workload);
  if (mismatch) warnings.push(mismatch);
  const late = lateIntroductionWarning(input.start, options.today);
  if (late) warnings.push(late);
  if (formLimits(leave, form)?.requiresEmployerAgreement) {
    warnings.push(domainWarning('EMPLOYER_AGREEMENT_REQUIRED', { leave, form }));
  }
  const unticked = multipleEmployersUntickedWarning(input.multipleEmployers, draft.knownEmployerCount);
  if (unticked) warnings.push(unticked);
  return { errors, warnings, characteristics };
}

/**
 * The service knows of several employers (occupations in schools of several POs or communities) but the
 * box "occupation chez plusieurs employeurs" is left unticked: the occupation declaration may be missed.
 */
export function multipleEmployersUntickedWarning(multipleEmployers: boolean, knownEmployerCount: number | undefined): DomainWarning | null {
  if (multipleEmployers || knownEmployerCount === undefined || knownEmployerCount < 2) return null;
  return domainWarning('MULTIPLE_EMPLOYERS_UNTICKED', { knownEmployerCount });
}

// ---------------------------------------------------------------------------------------------------
// The worker's other requests (across every PO)

/** Another request of the same worker that still counts: introduced and open, or accepted. */
export interface CountedRequest {
  readonly ticket: string | null;
  readonly leave: LeaveCode;
  readonly form: LeaveForm;
  readonly start: string;
  readonly end: string;
}

/** The period the new request asks for. Dates must already be valid (see datesErrors). */
export interface RequestedPeriod {
  readonly leave: LeaveCode;
  readonly form: LeaveForm;
  readonly start: string;
  readonly end: string;
}

/** Both periods share at least one day (both ends included). */
export function periodsOverlap(a: { start: string; end: string }, b: { start: string; end: string }): boolean {
  return compareIsoDates(a.start, b.end) <= 0 && compareIsoDates(b.start, a.end) <= 0;
}

/** Months a period uses up of a maximum: whole months, a started month counting as one. */
export function monthsCounted(start: string, end: string): number {
  const { months, extraDays } = periodLength(start, end);
  return months + (extraDays > 0 ? 1 : 0);
}

/**
 * The forms whose months come out of the same maximum as `form`'s. Parental leave is one right that may
 * be taken in any of its forms, converted (1 month full = 2 at 1/2 = 5 at 1/5 = 10 at 1/10); the other
 * leaves have one maximum for the full interruption and another shared by the partial forms.
 */
export function sharedMaximumForms(leave: LeaveCode, form: LeaveForm): LeaveForm[] {
  if (leave === 'PARENTAL') return formsOf(leave);
  return formsOf(leave).filter((other) => (other === 'FULL') === (form === 'FULL'));
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The new request against the worker's other requests that count: refused when its period overlaps one
 * of the same leave, or when the months already used of its maximum leave too few for it (the career
 * maximum of the ordinary interruption; the per-leave maxima otherwise). A request does not name the
 * child or the person cared for, so a maximum per child or per person counts every request of that
 * leave of the worker. Months used are expressed in the requested form's months.
 */
export function otherRequestsErrors(request: RequestedPeriod, others: readonly CountedRequest[]): DomainError[] {
  const errors: DomainError[] = [];
  const { leave, form, start, end } = request;
  const overlapping = others.filter((other) => other.leave === leave && periodsOverlap(other, request));
  if (overlapping.length) {
    errors.push(
      new DomainError('REQUEST_PERIOD_OVERLAP', {
        field: 'start',
        leave,
        start,
        end,
        overlapping: overlapping.map((o) => ({ ticket: o.ticket, form: o.form, start: o.start, end: o.end })),
      }),
    );
  }
  const usage = maximumUsage(request, others);
  if (usage === null || usage.monthsRequested <= usage.monthsLeft) return errors;
  const code = usage.scope === 'career' ? 'CAREER_MAXIMUM_EXCEEDED' : 'LEAVE_MAXIMUM_EXCEEDED';
  errors.push(new DomainError(code, { field: 'end', leave, form, ...usage }));
  return errors;
}

export interface MaximumUsage {
  readonly scope: LimitScope;
  readonly maximum: number;
  /** In the requested form's months (other forms converted), to two decimals. */
  readonly monthsUsed: number;
  /** Whole months left of the maximum before this request. */
  readonly monthsLeft: number;
  readonly monthsRequested: number;
}

/** How much of the requested form's maximum the other requests use; null when the form has no maximum. */
export function maximumUsage(request: RequestedPeriod, others: readonly CountedRequest[]): MaximumUsage | null {
  const { leave, form } = request;
  const limits = formLimits(leave, form);
  const maximum = limits?.totalMaxMonths;
  if (maximum === undefined) return null;
  const shared = sharedMaximumForms(leave, form);
  let used = 0;
  for (const other of others) {
    const otherMaximum = other.leave === leave && shared.includes(other.form) ? formLimits(leave, other.form)?.totalMaxMonths : undefined;
    if (otherMaximum !== undefined) used += (monthsCounted(other.start, other.end) * maximum) / otherMaximum;
  }
  // A hundredth of a month is below any period's precision: it keeps converted forms from refusing by rounding.
  const monthsLeft = Math.max(0, Math.floor(maximum - used + 0.01));
  return { scope: limits?.totalScope ?? 'career', maximum, monthsUsed: round2(used), monthsLeft, monthsRequested: monthsCounted(request.start, request.end) };
}

/**
 * The one refusal the user sees: the first rule broken (an overlap before a maximum), its details with
 * the months used and left of the maximum whichever rule it is, and every rule broken (`rules`).
 */
export function otherRequestsRefusal(request: RequestedPeriod, others: readonly CountedRequest[]): DomainError | null {
  const errors = otherRequestsErrors(request, others);
  const [first] = errors;
  if (!first) return null;
  const usage = maximumUsage(request, others);
  return new DomainError(first.code, { ...first.details, ...(usage ?? {}), rules: errors.map((e) => e.code) });
}
