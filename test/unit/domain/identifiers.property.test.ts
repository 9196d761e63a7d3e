import fc from 'fast-check';
import {
  checkEnterpriseNumber,
  checkEstablishmentUnitNumber,
  checkNiss,
  daysInMonth,
  enterpriseCheckDigits,
  formatEnterpriseNumber,
  formatEstablishmentUnitNumber,
  formatNiss,
  nissBirthDate,
  nissCheckDigits,
  parseEnterpriseNumber,
  parseEstablishmentUnitNumber,
  parseNiss,
} from '../../../domain';

// An oracle independent of the code under test: BigInt arithmetic on the digit strings.
const oracle = (digits: string) => String(97n - (BigInt(digits) % 97n)).padStart(2, '0');
const pad = (n: number, width: number) => String(n).padStart(width, '0');

const validNiss = fc
  .record({
    bornFrom2000: fc.boolean(),
    yy: fc.integer({ min: 0, max: 99 }),
    bisOffset: fc.constantFrom(0, 20, 40),
    month: fc.integer({ min: 0, max: 12 }),
    dayPick: fc.integer({ min: 0, max: 31 }),
    counter: fc.integer({ min: 1, max: 998 }),
  })
  .map(({ bornFrom2000, yy, bisOffset, month, dayPick, counter }) => {
    const year = (bornFrom2000 ? 2000 : 1900) + yy;
    const day = month === 0 ? 0 : dayPick % (daysInMonth(year, month) + 1);
    const first9 = `${pad(yy, 2)}${pad(month + bisOffset, 2)}${pad(day, 2)}${pad(counter, 3)}`;
    return { digits: first9 + oracle((bornFrom2000 ? '2' : '') + first9), year };
  });

const tenDigits = (firstDigits: number[]) =>
  fc
    .tuple(fc.constantFrom(...firstDigits), fc.integer({ min: 0, max: 9_999_999 }))
    .map(([first, rest]) => {
      const first8 = `${first}${pad(rest, 7)}`;
      return first8 + oracle(first8);
    });
const validEnterprise = tenDigits([0, 1]);
const validUnit = tenDigits([2, 3, 4, 5, 6, 7, 8]);

/** The digits with any mix of ".", "-" and spaces before each one. */
const withSeparators = (digits: string) =>
  fc
    .array(fc.constantFrom('', '', '.', '-', ' ', ' . '), { minLength: digits.length + 1, maxLength: digits.length + 1 })
    .map((seps) => [...digits].map((d, i) => `${seps[i]}${d}`).join('') + seps[digits.length]);

const oneDigitChange = (digits: string) =>
  fc.tuple(fc.integer({ min: 0, max: digits.length - 1 }), fc.integer({ min: 1, max: 9 })).map(([position, shift]) => {
    const old = Number(digits[position]);
    const changed = (old + shift) % 10;
    return { position, delta: changed - old, value: digits.slice(0, position) + changed + digits.slice(position + 1) };
  });

describe('NISS properties', () => {
  it('check digits agree with the oracle and are never 00', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.boolean(), (n, from2000) => {
        const first9 = pad(n, 9);
        const cc = nissCheckDigits(first9, from2000);
        expect(cc).toBe(oracle((from2000 ? '2' : '') + first9));
        expect(cc).not.toBe('00');
        expect(Number(cc)).toBeGreaterThanOrEqual(1);
        expect(Number(cc)).toBeLessThanOrEqual(97);
      }),
    );
  });

  it('any valid NISS parses, formats and parses back to the same digits, with the right century', () => {
    fc.assert(
      fc.property(validNiss, ({ digits, year }) => {
        expect(parseNiss(digits)).toBe(digits);
        const formatted = formatNiss(digits);
        expect(formatted).toMatch(/^\d\d\.\d\d\.\d\d-\d{3}\.\d\d$/);
        expect(parseNiss(formatted)).toBe(digits);
        expect(nissBirthDate(digits).year).toBe(year);
      }),
    );
  });

  it('separators are ignored', () => {
    fc.assert(
      fc.property(
        validNiss.chain(({ digits }) => withSeparators(digits).map((typed) => ({ digits, typed }))),
        ({ digits, typed }) => expect(parseNiss(typed)).toBe(digits),
      ),
    );
  });

  it('changing one digit is refused, except the year digit ±6 that flips the century rule', () => {
    fc.assert(
      fc.property(
        validNiss.chain((valid) => oneDigitChange(valid.digits).map((change) => ({ valid, change }))),
        ({ valid, change }) => {
          if (checkNiss(change.value) === null) {
            // 6·10^7 ≡ ±(2·10^9) mod 97: the other century's rule matches; nothing else may.
            expect(change.position).toBe(1);
            expect(Math.abs(change.delta)).toBe(6);
            expect(Math.floor(nissBirthDate(change.value).year / 100)).not.toBe(Math.floor(valid.year / 100));
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('enterprise and establishment-unit number properties', () => {
  it('check digits agree with the oracle and are never 00', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (n) => {
        const cc = enterpriseCheckDigits(pad(n, 8));
        expect(cc).toBe(oracle(pad(n, 8)));
        expect(cc).not.toBe('00');
      }),
    );
  });

  it('any valid enterprise number round-trips through format and parse', () => {
    fc.assert(
      fc.property(validEnterprise, (digits) => {
        const formatted = formatEnterpriseNumber(digits);
        expect(formatted).toMatch(/^[01]\d{3}\.\d{3}\.\d{3}$/);
        expect(parseEnterpriseNumber(formatted)).toBe(digits);
      }),
    );
  });

  it('any valid establishment-unit number round-trips through format and parse', () => {
    fc.assert(
      fc.property(validUnit, (digits) => {
        const formatted = formatEstablishmentUnitNumber(digits);
        expect(formatted).toMatch(/^[2-8]\.\d{3}\.\d{3}\.\d{3}$/);
        expect(parseEstablishmentUnitNumber(formatted)).toBe(digits);
      }),
    );
  });

  it('separators are ignored', () => {
    fc.assert(
      fc.property(
        validEnterprise.chain((digits) => withSeparators(digits).map((typed) => ({ digits, typed }))),
        ({ digits, typed }) => expect(parseEnterpriseNumber(typed)).toBe(digits),
      ),
    );
  });

  it('changing one digit is always refused', () => {
    fc.assert(
      fc.property(
        validEnterprise.chain((digits) => oneDigitChange(digits)),
        ({ value }) => expect(checkEnterpriseNumber(value)).not.toBeNull(),
      ),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(
        validUnit.chain((digits) => oneDigitChange(digits)),
        ({ value }) => expect(checkEstablishmentUnitNumber(value)).not.toBeNull(),
      ),
      { numRuns: 2000 },
    );
  });

  it('a legacy 9-digit number is the 10-digit one without its leading 0', () => {
    fc.assert(
      fc.property(
        validEnterprise.filter((d) => d.startsWith('0')),
        (digits) => expect(parseEnterpriseNumber(digits.slice(1))).toBe(digits),
      ),
    );
  });
});
