import { thrown } from './thrown';
import { addMonths, ageOn, isIsoDate, parseIsoDate, periodLength } from '../../../domain';

describe('ISO dates', () => {
  it('accepts real YYYY-MM-DD days only', () => {
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(thrown(() => parseIsoDate('2023-02-29')).code).toBe('DATE_INVALID');
    expect(thrown(() => parseIsoDate('2025-13-01')).code).toBe('DATE_INVALID');
    expect(thrown(() => parseIsoDate('01/09/2025')).code).toBe('DATE_FORMAT');
    expect(thrown(() => parseIsoDate('2025-9-1')).code).toBe('DATE_FORMAT');
    expect(isIsoDate('2025-09-01T00:00:00Z')).toBe(false);
  });

  it('adds months, keeping to the last day of a shorter month', () => {
    expect(addMonths('2025-01-15', 2)).toBe('2025-03-15');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
  });

  it('measures a period with both days included', () => {
    expect(periodLength('2025-09-01', '2025-11-30')).toEqual({ months: 3, extraDays: 0 });
    expect(periodLength('2025-09-15', '2025-10-14')).toEqual({ months: 1, extraDays: 0 });
    expect(periodLength('2025-09-01', '2025-09-10')).toEqual({ months: 0, extraDays: 10 });
    expect(periodLength('2025-09-01', '2025-10-05')).toEqual({ months: 1, extraDays: 5 });
    expect(periodLength('2025-01-01', '2029-12-31')).toEqual({ months: 60, extraDays: 0 });
  });

  it('computes an age on a day', () => {
    expect(ageOn('1970-09-02', '2025-09-01')).toBe(54);
    expect(ageOn('1970-09-01', '2025-09-01')).toBe(55);
  });
});
