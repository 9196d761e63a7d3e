// Calendar dates as ISO `YYYY-MM-DD` strings, with integer arithmetic only: no clock is ever read here.
import { DomainError } from './errors';

export type IsoDate = string & { readonly __brand: 'IsoDate' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Throws DATE_FORMAT (not `YYYY-MM-DD`) or DATE_INVALID (no such day, e.g. 2023-02-29). */
export function parseIsoDate(input: string, field = 'date'): IsoDate {
  const match = ISO_DATE.exec(input);
  if (!match) {
    throw new DomainError('DATE_FORMAT', { field, value: input });
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new DomainError('DATE_INVALID', { field, value: input });
  }
  return input as IsoDate;
}

export function isIsoDate(input: string): input is IsoDate {
  try {
    parseIsoDate(input);
    return true;
  } catch {
    return false;
  }
}

export function toCalendarDate(date: string): CalendarDate {
  const [year = 0, month = 0, day = 0] = date.split('-').map(Number);
  return { year, month, day };
}

export function fromCalendarDate({ year, month, day }: CalendarDate): IsoDate {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as IsoDate;
}

/** Days since 1970-01-01 (Date.UTC is pure arithmetic, no clock). */
export function dayNumber(date: string): number {
  const { year, month, day } = toCalendarDate(date);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

export function addDays(date: string, days: number): IsoDate {
  const d = new Date((dayNumber(date) + days) * 86_400_000);
  return fromCalendarDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** Same day `months` later; a day that does not exist in the target month becomes its last day. */
export function addMonths(date: string, months: number): IsoDate {
  const { year, month, day } = toCalendarDate(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return fromCalendarDate({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

/** Negative, zero or positive like a comparator; ISO strings of the same width compare as text. */
export function compareIsoDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface PeriodLength {
  /** Whole calendar months from the start. */
  readonly months: number;
  /** Days left over after the whole months (0 when the period is exactly `months` long). */
  readonly extraDays: number;
}

/**
 * Length of the period from `start` to `end`, both days included: 2025-09-01 → 2025-11-30 is 3 months,
 * 2025-09-15 → 2025-10-14 is 1 month, 2025-09-01 → 2025-09-10 is 0 months and 10 days.
 */
export function periodLength(start: string, end: string): PeriodLength {
  const dayAfterEnd = addDays(end, 1);
  let months = 0;
  while (compareIsoDates(addMonths(start, months + 1), dayAfterEnd) <= 0) months += 1;
  return { months, extraDays: dayNumber(dayAfterEnd) - dayNumber(addMonths(start, months)) };
}

/** Whole years of age reached on `on` by someone born on `birth`. */
export function ageOn(birth: string, on: string): number {
  const b = toCalendarDate(birth);
  const d = toCalendarDate(on);
  const hadBirthday = d.month > b.month || (d.month === b.month && d.day >= b.day);
  return d.year - b.year - (hadBirthday ? 0 : 1);
}
