import fc from 'fast-check';
import {
  DEFAULT_FULL_LOADS,
  DomainError,
  computeWorkload,
  expectedGivenUp,
  fractionMismatchWarning,
  parsePeriods,
  workloadErrors,
} from '../../../domain';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe('periods, never hours', () => {
  it('accepts whole numbers and digit strings', () => {
    expect(parsePeriods(0)).toBe(0);
    expect(parsePeriods(24)).toBe(24);
    expect(parsePeriods(' 19 ')).toBe(19);
  });

  it.each(['19:30', '19h', '19 h 30', '19H30', '19u30', '120 min', '19 heures', '2 hours'])('refuses %p as hours', (value) => {
    expect(codeOf(() => parsePeriods(value))).toBe('WORKLOAD_IN_HOURS');
  });

  it('refuses fractions, negatives and non-numbers with their own codes', () => {
    expect(codeOf(() => parsePeriods(19.5))).toBe('WORKLOAD_NOT_WHOLE');
    expect(codeOf(() => parsePeriods('19,5'))).toBe('WORKLOAD_NOT_WHOLE');
    expect(codeOf(() => parsePeriods('19.5'))).toBe('WORKLOAD_NOT_WHOLE');
    expect(codeOf(() => parsePeriods(-1))).toBe('WORKLOAD_NEGATIVE');
    expect(codeOf(() => parsePeriods('-2'))).toBe('WORKLOAD_NEGATIVE');
    expect(codeOf(() => parsePeriods('twenty'))).toBe('WORKLOAD_FORMAT');
    expect(codeOf(() => parsePeriods(Number.NaN))).toBe('WORKLOAD_FORMAT');
    expect(codeOf(() => parsePeriods(null))).toBe('WORKLOAD_FORMAT');
  });

  it('the message names the rule', () => {
    expect(() => parsePeriods('19:30', 'before')).toThrow(/s’indique en périodes, sans la convertir en heures ou en minutes \(« 19:30 » ressemble à des heures\)/);
  });
});

describe('0 ≤ during < before ≤ full load', () => {
  const fullLoad = DEFAULT_FULL_LOADS.PRIMARY;

  it('gives up before − during', () => {
    expect(computeWorkload({ fullLoad, before: 24, during: 12 })).toEqual({
      fullLoad: 24,
      before: 24,
      during: 12,
      givenUp: 12,
      givenUpFraction: 0.5,
    });
    expect(computeWorkload({ fullLoad, before: 18, during: 0 }).givenUp).toBe(18);
  });

  it('refuses during ≥ before', () => {
    expect(workloadErrors({ fullLoad, before: 12, during: 12 }).map((e) => e.code)).toEqual(['WORKLOAD_ORDER']);
    expect(workloadErrors({ fullLoad, before: 10, during: 12 }).map((e) => e.code)).toEqual(['WORKLOAD_ORDER']);
  });

  it('refuses before above the full load of the level, which is a parameter', () => {
    const [error] = workloadErrors({ fullLoad: DEFAULT_FULL_LOADS.UPPER_SECONDARY, before: 22, during: 0 });
    expect(error?.code).toBe('WORKLOAD_ABOVE_FULL_LOAD');
    expect(error?.message).toMatch(/dépasse la charge complète de 20 périodes/);
    expect(workloadErrors({ fullLoad: 22, before: 22, during: 0 })).toEqual([]);
  });

  it('refuses fractional and negative loads and a bad full load', () => {
    expect(workloadErrors({ fullLoad, before: 19.5, during: 0 }).map((e) => e.code)).toEqual(['WORKLOAD_NOT_WHOLE']);
    expect(workloadErrors({ fullLoad, before: 10, during: -1 }).map((e) => e.code)).toEqual(['WORKLOAD_NEGATIVE']);
    expect(workloadErrors({ fullLoad: 0, before: 0, during: 0 }).map((e) => e.code)).toEqual(['FULL_LOAD_INVALID']);
    expect(() => computeWorkload({ fullLoad, before: 10, during: 10 })).toThrow(DomainError);
  });

  it('holds for any whole loads', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 }), (full, before, during) => {
        const ok = workloadErrors({ fullLoad: full, before, during }).length === 0;
        expect(ok).toBe(0 <= during && during < before && before <= full);
        if (ok) expect(computeWorkload({ fullLoad: full, before, during }).givenUp).toBe(before - during);
      }),
    );
  });
});

describe('fraction given up against the chosen form', () => {
  const at = (before: number, during: number, fullLoad = 24) => computeWorkload({ fullLoad, before, during });

  it('expects all of before for a full interruption, the fraction of the full load for a reduction', () => {
    expect(expectedGivenUp('FULL', at(18, 0))).toBe(18);
    expect(expectedGivenUp('HALF', at(24, 12))).toBe(12);
    expect(expectedGivenUp('ONE_FIFTH', at(24, 19))).toBeCloseTo(4.8);
    expect(expectedGivenUp('PARTIAL', at(24, 19))).toBeNull();
  });

  it('stays silent within one period', () => {
    expect(fractionMismatchWarning('HALF', at(24, 12))).toBeNull();
    expect(fractionMismatchWarning('HALF', at(24, 11))).toBeNull();
    expect(fractionMismatchWarning('ONE_FIFTH', at(24, 19))).toBeNull(); // 5 vs 4.8
    expect(fractionMismatchWarning('ONE_FIFTH', at(24, 20))).toBeNull(); // 4 vs 4.8
    expect(fractionMismatchWarning('FULL', at(20, 1))).toBeNull();
    expect(fractionMismatchWarning('PARTIAL', at(24, 1))).toBeNull();
  });

  it('warns beyond one period, naming the form', () => {
    const warning = fractionMismatchWarning('HALF', at(24, 18));
    expect(warning).toMatchObject({ code: 'WORKLOAD_FRACTION_MISMATCH', details: { givenUp: 6, expectedGivenUp: 12 } });
    expect(warning?.message).toMatch(/6\/24 périodes.*« Réduction des prestations à mi-temps » \(12 périodes\)/);
    expect(fractionMismatchWarning('FULL', at(20, 2))?.code).toBe('WORKLOAD_FRACTION_MISMATCH');
    expect(fractionMismatchWarning('ONE_TENTH', at(24, 18))?.code).toBe('WORKLOAD_FRACTION_MISMATCH');
  });
});
