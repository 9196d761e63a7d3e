// Belgian identifiers: national number (NISS/INSZ, incl. BIS numbers), enterprise number (BCE/KBO) and
// establishment-unit number. Parse functions throw DomainError; check functions return it (or null).
import { daysInMonth, fromCalendarDate, type IsoDate } from './dates';
import { DomainError, type DomainErrorCode } from './errors';

export type Niss = string & { readonly __brand: 'Niss' };
export type EnterpriseNumber = string & { readonly __brand: 'EnterpriseNumber' };
export type EstablishmentUnitNumber = string & { readonly __brand: 'EstablishmentUnitNumber' };
/** A school is identified by either kind of number. */
export type SchoolNumber = EnterpriseNumber | EstablishmentUnitNumber;

const SEPARATORS = /[.\-\s]/g;

function digitsOf(input: string, code: DomainErrorCode): string {
  const digits = input.replace(SEPARATORS, '');
  if (!/^\d*$/.test(digits)) throw new DomainError(code, { value: input });
  return digits;
}

/** 97 − (n mod 97): a remainder of 0 gives 97, so check digits run 01–97 and are never 00. */
function mod97CheckDigits(n: number): string {
  return String(97 - (n % 97)).padStart(2, '0');
}

function checkOf<T>(parse: (input: string) => T): (input: string) => DomainError | null {
  return (input) => {
    try {
      parse(input);
      return null;
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
  };
}

// ---------------------------------------------------------------------------------------------------
// National number (NISS): YYMMDD SSS CC

/** Check digits of a NISS from its first 9 digits; births from 2000 on put a 2 in front first. */
export function nissCheckDigits(first9: string, bornFrom2000: boolean): string {
  if (!/^\d{9}$/.test(first9)) {
    throw new DomainError('NISS_LENGTH', { value: first9, length: first9.length, expected: 9 });
  }
  return mod97CheckDigits(Number(first9) + (bornFrom2000 ? 2_000_000_000 : 0));
}

export type NissKind = 'REGISTER' | 'BIS';

interface NissParts {
  readonly kind: NissKind;
  readonly century: 1900 | 2000;
  readonly year: number;
  /** Month of birth with the BIS offset removed; null when unknown (00). */
  readonly month: number | null;
  readonly day: number | null;
  readonly counter: number;
  /** BIS numbers with month +20 do not say the sex. */
  readonly sexKnown: boolean;
}

function nissParts(digits: string): NissParts {
  const first9 = digits.slice(0, 9);
  const actual = digits.slice(9);
  const before2000 = nissCheckDigits(first9, false);
  const from2000 = nissCheckDigits(first9, true);
  if (actual !== before2000 && actual !== from2000) {
    throw new DomainError('NISS_CHECK_DIGITS', { actual, expectedBefore2000: before2000, expectedFrom2000: from2000 });
  }
  // 2_000_000_000 mod 97 ≠ 0, so at most one rule matches and it tells the century.
  const century = actual === from2000 ? 2000 : 1900;
  const year = century + Number(digits.slice(0, 2));
  const rawMonth = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  const offset = rawMonth >= 40 ? 40 : rawMonth >= 20 ? 20 : 0;
  const month = rawMonth - offset;
  if (month > 12) {
    throw new DomainError('NISS_DATE', { month: rawMonth });
  }
  if (month === 0 && day !== 0) {
    throw new DomainError('NISS_DATE', { month: rawMonth, day });
  }
  if (month !== 0 && day > daysInMonth(year, month)) {
    throw new DomainError('NISS_DATE', { year, month, day });
  }
  const counter = Number(digits.slice(6, 9));
  if (counter < 1 || counter > 998) {
    throw new DomainError('NISS_COUNTER', { counter: digits.slice(6, 9) });
  }
  return {
    kind: offset === 0 ? 'REGISTER' : 'BIS',
    century,
    year,
    month: month === 0 ? null : month,
    day: day === 0 ? null : day,
    counter,
    sexKnown: offset !== 20,
  };
}

/** Accepts `85.07.30-033.28`, `85073003328`, spaces; returns the 11 digits or throws DomainError. */
export function parseNiss(input: string): Niss {
  const digits = digitsOf(input, 'NISS_FORMAT');
  if (digits.length !== 11) throw new DomainError('NISS_LENGTH', { length: digits.length, expected: 11 });
  nissParts(digits);
  return digits as Niss;
}

export const checkNiss = checkOf(parseNiss);

export function isValidNiss(input: string): boolean {
  return checkNiss(input) === null;
}

/** `YY.MM.DD-SSS.CC`; throws DomainError if the input is not a valid NISS. */
export function formatNiss(input: string): string {
  const d = parseNiss(input);
  return `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 6)}-${d.slice(6, 9)}.${d.slice(9)}`;
}

export interface NissBirthDate {
  readonly year: number;
  readonly month: number | null;
  readonly day: number | null;
  /** The full date when month and day are known. */
  readonly date: IsoDate | null;
}

export function nissBirthDate(niss: string): NissBirthDate {
  const { year, month, day } = nissParts(parseNiss(niss));
  const date = month !== null && day !== null ? fromCalendarDate({ year, month, day }) : null;
  return { year, month, day, date };
}

export type Sex = 'M' | 'F';

/** Odd counter: man, even: woman; null for a BIS number that does not carry the sex (month +20). */
export function nissSex(niss: string): Sex | null {
  const { counter, sexKnown } = nissParts(parseNiss(niss));
  if (!sexKnown) return null;
  return counter % 2 === 1 ? 'M' : 'F';
}

export function nissKind(niss: string): NissKind {
  return nissParts(parseNiss(niss)).kind;
}

// ---------------------------------------------------------------------------------------------------
// Enterprise and establishment-unit numbers: 10 digits, last 2 = 97 − (first 8 mod 97)

export function enterpriseCheckDigits(first8: string): string {
  if (!/^\d{8}$/.test(first8)) {
    throw new DomainError('ENTERPRISE_LENGTH', { value: first8, length: first8.length });
  }
  return mod97CheckDigits(Number(first8));
}

type TenDigitKind = 'ENTERPRISE' | 'ESTABLISHMENT_UNIT';

const TEN_DIGIT_RULES = {
  ENTERPRISE: {
    firstDigits: /^[01]/,
    codes: {
      format: 'ENTERPRISE_FORMAT',
      length: 'ENTERPRISE_LENGTH',
      firstDigit: 'ENTERPRISE_FIRST_DIGIT',
      checkDigits: 'ENTERPRISE_CHECK_DIGITS',
    },
  },
  ESTABLISHMENT_UNIT: {
    firstDigits: /^[2-8]/,
    codes: {
      format: 'ESTABLISHMENT_UNIT_FORMAT',
      length: 'ESTABLISHMENT_UNIT_LENGTH',
      firstDigit: 'ESTABLISHMENT_UNIT_FIRST_DIGIT',
      checkDigits: 'ESTABLISHMENT_UNIT_CHECK_DIGITS',
    },
  },
} as const satisfies Record<TenDigitKind, unknown>;

function assertCheckDigits(digits: string, kind: TenDigitKind): void {
  const expected = enterpriseCheckDigits(digits.slice(0, 8));
  const actual = digits.slice(8);
  if (actual !== expected) {
    throw new DomainError(TEN_DIGIT_RULES[kind].codes.checkDigits, { actual, expected });
  }
}

function parseTenDigits(input: string, kind: TenDigitKind): string {
  const rules = TEN_DIGIT_RULES[kind];
  let digits = digitsOf(input, rules.codes.format);
  // Legacy enterprise numbers had 9 digits: the 10-digit form puts a 0 in front.
  if (kind === 'ENTERPRISE' && digits.length === 9) digits = `0${digits}`;
  if (digits.length !== 10) {
    throw new DomainError(rules.codes.length, { length: digits.length });
  }
  if (!rules.firstDigits.test(digits)) {
    throw new DomainError(rules.codes.firstDigit, { firstDigit: digits[0] });
  }
  assertCheckDigits(digits, kind);
  return digits;
}

/** Accepts `0123.456.789`, `0123456789`, a legacy 9-digit `123456789`; throws DomainError. */
export function parseEnterpriseNumber(input: string): EnterpriseNumber {
  return parseTenDigits(input, 'ENTERPRISE') as EnterpriseNumber;
}

export function parseEstablishmentUnitNumber(input: string): EstablishmentUnitNumber {
  return parseTenDigits(input, 'ESTABLISHMENT_UNIT') as EstablishmentUnitNumber;
}

export type SchoolNumberKind = TenDigitKind;

/** The first digit tells the kind: 0–1 enterprise, 2–8 establishment unit. */
export function parseSchoolNumber(input: string): SchoolNumber {
  const digits = digitsOf(input, 'SCHOOL_NUMBER_FORMAT');
  if (digits.length !== 10 && digits.length !== 9) {
    throw new DomainError('SCHOOL_NUMBER_LENGTH', { length: digits.length });
  }
  if (digits.length === 9 || /^[01]/.test(digits)) return parseEnterpriseNumber(digits);
  if (/^[2-8]/.test(digits)) return parseEstablishmentUnitNumber(digits);
  throw new DomainError('SCHOOL_NUMBER_FIRST_DIGIT', { firstDigit: digits[0] });
}

export function schoolNumberKind(number: SchoolNumber): SchoolNumberKind {
  return /^[01]/.test(number) ? 'ENTERPRISE' : 'ESTABLISHMENT_UNIT';
}

export const checkEnterpriseNumber = checkOf(parseEnterpriseNumber);
export const checkEstablishmentUnitNumber = checkOf(parseEstablishmentUnitNumber);
export const checkSchoolNumber = checkOf(parseSchoolNumber);

export function isValidEnterpriseNumber(input: string): boolean {
  return checkEnterpriseNumber(input) === null;
}

export function isValidEstablishmentUnitNumber(input: string): boolean {
  return checkEstablishmentUnitNumber(input) === null;
}

export function isValidSchoolNumber(input: string): boolean {
  return checkSchoolNumber(input) === null;
}

/** `0123.456.789`; throws DomainError if not a valid enterprise number. */
export function formatEnterpriseNumber(input: string): string {
  const d = parseEnterpriseNumber(input);
  return `${d.slice(0, 4)}.${d.slice(4, 7)}.${d.slice(7)}`;
}

/** `2.147.812.701`; throws DomainError if not a valid establishment-unit number. */
export function formatEstablishmentUnitNumber(input: string): string {
  const d = parseEstablishmentUnitNumber(input);
  return `${d.slice(0, 1)}.${d.slice(1, 4)}.${d.slice(4, 7)}.${d.slice(7)}`;
}

/** Either display form, chosen by the first digit. */
export function formatSchoolNumber(input: string): string {
  const number = parseSchoolNumber(input);
  return schoolNumberKind(number) === 'ENTERPRISE'
    ? formatEnterpriseNumber(number)
    : formatEstablishmentUnitNumber(number);
}
