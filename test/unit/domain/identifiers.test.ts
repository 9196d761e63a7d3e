import {
  DomainError,
  checkEnterpriseNumber,
  checkEstablishmentUnitNumber,
  checkNiss,
  checkSchoolNumber,
  enterpriseCheckDigits,
  formatEnterpriseNumber,
  formatEstablishmentUnitNumber,
  formatNiss,
  formatSchoolNumber,
  isValidEnterpriseNumber,
  isValidNiss,
  nissBirthDate,
  nissCheckDigits,
  nissKind,
  nissSex,
  parseEnterpriseNumber,
  parseNiss,
  parseSchoolNumber,
  schoolNumberKind,
} from '../../../domain';
import { thrown } from './thrown';

describe('NISS: the worked examples of docs/domain.md', () => {
  it('85.07.30-033.28: 850730033 mod 97 = 69 → 28, born 1985', () => {
    expect(850730033 % 97).toBe(69);
    expect(nissCheckDigits('850730033', false)).toBe('28');
    expect(parseNiss('85.07.30-033.28')).toBe('85073003328');
    expect(nissBirthDate('85073003328')).toEqual({ year: 1985, month: 7, day: 30, date: '1985-07-30' });
    expect(nissSex('85073003328')).toBe('M');
    expect(nissKind('85073003328')).toBe('REGISTER');
  });

  it('17.07.30-033.84: 2170730033 mod 97 = 13 → 84, born 2017', () => {
    expect(2170730033 % 97).toBe(13);
    expect(nissCheckDigits('170730033', true)).toBe('84');
    expect(parseNiss('17.07.30-033.84')).toBe('17073003384');
    expect(nissBirthDate('17073003384').date).toBe('2017-07-30');
  });

  it('72.21.15-001.44: a BIS number, month 21 = January + 20, sex unknown', () => {
    expect(parseNiss('72.21.15-001.44')).toBe('72211500144');
    expect(nissKind('72211500144')).toBe('BIS');
    expect(nissBirthDate('72211500144')).toEqual({ year: 1972, month: 1, day: 15, date: '1972-01-15' });
    expect(nissSex('72211500144')).toBeNull();
  });

  it('60.00.00-095.01: date of birth unknown', () => {
    expect(parseNiss('60.00.00-095.01')).toBe('60000009501');
    expect(nissBirthDate('60000009501')).toEqual({ year: 1960, month: null, day: null, date: null });
    expect(nissSex('60000009501')).toBe('M');
  });
});

describe('NISS: each broken rule has its own code', () => {
  const codeOf = (input: string) => checkNiss(input)?.code;

  it('accepts dots, dashes and spaces, nothing else', () => {
    expect(parseNiss(' 85 07 30 033 28 ')).toBe('85073003328');
    expect(parseNiss('850730-03328')).toBe('85073003328');
    expect(codeOf('85.07.30/033.28')).toBe('NISS_FORMAT');
    expect(codeOf('85.07.30-033.2A')).toBe('NISS_FORMAT');
  });

  it('has 11 digits', () => {
    expect(codeOf('8507300332')).toBe('NISS_LENGTH');
    expect(codeOf('850730033281')).toBe('NISS_LENGTH');
    expect(codeOf('')).toBe('NISS_LENGTH');
  });

  it('refuses wrong check digits and says what was expected for both centuries', () => {
    const error = checkNiss('85.07.30-033.29');
    expect(error).toBeInstanceOf(DomainError);
    expect(error?.code).toBe('NISS_CHECK_DIGITS');
    expect(error?.message).toMatch(/28 attendu pour une naissance avant 2000, 57 pour une naissance à partir de 2000/);
    expect(error?.details).toMatchObject({ actual: '29', expectedBefore2000: '28' });
  });

  it('refuses check digits 00 (a remainder of 0 gives 97)', () => {
    // 000000097 mod 97 = 0 → 97 under the before-2000 rule.
    expect(nissCheckDigits('000000097', false)).toBe('97');
    expect(codeOf('00000009700')).toBe('NISS_CHECK_DIGITS');
  });

  it('refuses a month outside 00–12, 20–32 and 40–52', () => {
    for (const month of ['13', '19', '33', '39', '53', '99']) {
      const first9 = `85${month}30033`;
      expect(codeOf(first9 + nissCheckDigits(first9, false))).toBe('NISS_DATE');
    }
  });

  it('accepts BIS months +20 and +40, and tells the sex only for +40', () => {
    const bis40 = '724115001' + nissCheckDigits('724115001', false);
    expect(isValidNiss(bis40)).toBe(true);
    expect(nissSex(bis40)).toBe('M');
    expect(nissBirthDate(bis40).month).toBe(1);
  });

  it('refuses a day that does not exist in that month', () => {
    const first9 = '850431033'; // 31 April
    expect(codeOf(first9 + nissCheckDigits(first9, false))).toBe('NISS_DATE');
  });

  it('refuses a known day in an unknown month', () => {
    const first9 = '850015033';
    expect(codeOf(first9 + nissCheckDigits(first9, false))).toBe('NISS_DATE');
  });

  it('uses the century of the matching check-digit rule for leap years', () => {
    // 29 February: 2000 is a leap year, 1900 is not; 2004 and 1904 both are.
    expect(codeOf('000229001' + nissCheckDigits('000229001', true))).toBeUndefined();
    expect(nissBirthDate('000229001' + nissCheckDigits('000229001', true)).date).toBe('2000-02-29');
    expect(codeOf('000229001' + nissCheckDigits('000229001', false))).toBe('NISS_DATE');
    expect(codeOf('040229001' + nissCheckDigits('040229001', false))).toBeUndefined();
    expect(codeOf('050229001' + nissCheckDigits('050229001', true))).toBe('NISS_DATE');
    // BIS month 22 (February + 20) follows the same calendar.
    expect(codeOf('002229001' + nissCheckDigits('002229001', false))).toBe('NISS_DATE');
  });

  it('refuses counters 000 and 999; odd is a man, even a woman', () => {
    expect(codeOf('850730000' + nissCheckDigits('850730000', false))).toBe('NISS_COUNTER');
    expect(codeOf('850730999' + nissCheckDigits('850730999', false))).toBe('NISS_COUNTER');
    const woman = '850730998' + nissCheckDigits('850730998', false);
    expect(nissSex(woman)).toBe('F');
  });

  it('a year digit changed by 6 can flip the century rule: both rules are valid by design', () => {
    // 79.07.30-033.28 matches the from-2000 rule: 2790730033 mod 97 = 69.
    expect(nissBirthDate('79.07.30-033.28').date).toBe('2079-07-30');
  });

  it('formats as YY.MM.DD-SSS.CC', () => {
    expect(formatNiss('85073003328')).toBe('85.07.30-033.28');
    expect(formatNiss('17 07 30 033 84')).toBe('17.07.30-033.84');
    expect(() => formatNiss('85073003329')).toThrow(DomainError);
  });

  it('computes check digits only from 9 digits', () => {
    expect(thrown(() => nissCheckDigits('12345678', false)).code).toBe('NISS_LENGTH');
  });
});

describe('enterprise and establishment-unit numbers', () => {
  it('accepts the worked examples', () => {
    expect(parseEnterpriseNumber('0353.456.320')).toBe('0353456320');
    expect(parseEnterpriseNumber('0566.988.259')).toBe('0566988259');
    expect(formatEnterpriseNumber('0566988259')).toBe('0566.988.259');
  });

  it('unit 2.147.812.897: 21478128 mod 97 = 0 → 97', () => {
    expect(21478128 % 97).toBe(0);
    expect(enterpriseCheckDigits('21478128')).toBe('97');
    expect(checkEstablishmentUnitNumber('2.147.812.897')).toBeNull();
    expect(formatEstablishmentUnitNumber('2147812897')).toBe('2.147.812.897');
    expect(checkEstablishmentUnitNumber('2.147.812.800')?.code).toBe('ESTABLISHMENT_UNIT_CHECK_DIGITS');
  });

  it.each(['0123.456.789', '0321.654.987', '0456.789.123', '0789.123.456'])(
    "refuses the guide's example %s with the check-digit code",
    (number) => {
      const error = checkEnterpriseNumber(number);
      expect(error?.code).toBe('ENTERPRISE_CHECK_DIGITS');
      expect(error?.message).toMatch(/chiffres de contrôle \d\d du numéro BCE ne correspondent pas à 97 − \(les 8 premiers chiffres modulo 97\) = \d\d/);
      expect(checkSchoolNumber(number)?.code).toBe('ENTERPRISE_CHECK_DIGITS');
    },
  );

  it('gives a legacy 9-digit number a leading 0', () => {
    expect(parseEnterpriseNumber('353.456.320')).toBe('0353456320');
    expect(formatEnterpriseNumber('353456320')).toBe('0353.456.320');
    expect(parseSchoolNumber('353456320')).toBe('0353456320');
  });

  it('names the rule that failed', () => {
    expect(checkEnterpriseNumber('0353.456.3')?.code).toBe('ENTERPRISE_LENGTH');
    expect(checkEnterpriseNumber('0353.456.3201')?.code).toBe('ENTERPRISE_LENGTH');
    // 9 digits are a legacy number: a dropped last digit shows up as wrong check digits.
    expect(checkEnterpriseNumber('0353.456.32')?.code).toBe('ENTERPRISE_CHECK_DIGITS');
    expect(checkEnterpriseNumber('0353_456_320')?.code).toBe('ENTERPRISE_FORMAT');
    expect(checkEnterpriseNumber('2.147.812.897')?.code).toBe('ENTERPRISE_FIRST_DIGIT');
    expect(checkEstablishmentUnitNumber('0353.456.320')?.code).toBe('ESTABLISHMENT_UNIT_FIRST_DIGIT');
    expect(checkEstablishmentUnitNumber('147.812.897')?.code).toBe('ESTABLISHMENT_UNIT_LENGTH');
    expect(checkSchoolNumber('9.147.812.897')?.code).toBe('SCHOOL_NUMBER_FIRST_DIGIT');
    expect(checkSchoolNumber('0353.456')?.code).toBe('SCHOOL_NUMBER_LENGTH');
    expect(checkSchoolNumber('0353.456.32x')?.code).toBe('SCHOOL_NUMBER_FORMAT');
  });

  it('a school is an enterprise or an establishment unit', () => {
    const unit = parseSchoolNumber('2.147.812.897');
    expect(schoolNumberKind(unit)).toBe('ESTABLISHMENT_UNIT');
    expect(formatSchoolNumber(unit)).toBe('2.147.812.897');
    const enterprise = parseSchoolNumber('0353 456 320');
    expect(schoolNumberKind(enterprise)).toBe('ENTERPRISE');
    expect(formatSchoolNumber(enterprise)).toBe('0353.456.320');
  });

  it('isValid helpers', () => {
    expect(isValidEnterpriseNumber('0316.380.841')).toBe(true); // Flemish government
    expect(isValidEnterpriseNumber('0123.456.789')).toBe(false);
  });
});
