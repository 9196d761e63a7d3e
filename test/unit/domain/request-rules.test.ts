import {
  assessRequest,
  characteristicsErrors,
  datesErrors,
  deriveCharacteristics,
  lateIntroductionWarning,
  leaveChoiceErrors,
  nissBirthDate,
  occupationDeclarationRequired,
  periodLimitErrors,
  workerAgeFindings,
  type CharacteristicsInput,
  type LeaveCode,
  type LeaveForm,
} from '../../../domain';

const codes = (errors: { code: string }[]) => errors.map((e) => e.code);

const answers: CharacteristicsInput = {
  level: 'PRIMARY',
  before: 24,
  during: 12,
  start: '2025-09-01',
  end: '2025-10-31',
  multipleEmployers: false,
};

describe('leave choice', () => {
  it('ordinary interruption is refused in the Flemish Community only', () => {
    expect(codes(leaveChoiceErrors('ORDINARY_INTERRUPTION', 'FULL', 'NL'))).toEqual(['LEAVE_NOT_OPEN_IN_COMMUNITY']);
    expect(leaveChoiceErrors('ORDINARY_INTERRUPTION', 'FULL', 'FR')).toEqual([]);
    expect(leaveChoiceErrors('ORDINARY_INTERRUPTION', 'PARTIAL', 'DE')).toEqual([]);
    expect(leaveChoiceErrors('ORDINARY_INTERRUPTION', 'FULL', null)).toEqual([]);
  });

  it('the form must be one of the leave', () => {
    const [error] = leaveChoiceErrors('PALLIATIVE_CARE', 'ONE_TENTH', 'FR');
    expect(error?.code).toBe('LEAVE_FORM_NOT_ALLOWED');
    expect(error?.message).toMatch(/« Soins palliatifs » ne peut pas être pris sous la forme .*formes possibles : Interruption complète, Réduction des prestations à mi-temps, Réduction des prestations d’1\/5\)/);
  });
});

describe('dates', () => {
  it('end strictly after start', () => {
    expect(datesErrors('2025-09-01', '2025-09-02')).toEqual([]);
    expect(codes(datesErrors('2025-09-01', '2025-09-01'))).toEqual(['DATES_ORDER']);
    expect(codes(datesErrors('2025-09-01', '2025-08-31'))).toEqual(['DATES_ORDER']);
    expect(datesErrors('2025-09-01', '2025-08-31')[0]?.message).toMatch(/La date de fin \(2025-08-31\) doit suivre la date de début \(2025-09-01\)/);
  });

  it('each date real and ISO, named by field', () => {
    const errors = datesErrors('01/09/2025', '2025-02-30');
    expect(codes(errors)).toEqual(['DATE_FORMAT', 'DATE_INVALID']);
    expect(errors.map((e) => e.details?.field)).toEqual(['start', 'end']);
  });
});

describe('period limits per leave and form', () => {
  const check = (leave: LeaveCode, form: LeaveForm, start: string, end: string) => codes(periodLimitErrors(leave, form, start, end));

  it('ordinary interruption: at least 3 months, 60 at most', () => {
    expect(check('ORDINARY_INTERRUPTION', 'FULL', '2025-09-01', '2025-11-30')).toEqual([]);
    expect(check('ORDINARY_INTERRUPTION', 'FULL', '2025-09-01', '2025-11-29')).toEqual(['PERIOD_TOO_SHORT']);
    expect(check('ORDINARY_INTERRUPTION', 'PARTIAL', '2025-09-01', '2030-08-31')).toEqual([]);
    expect(check('ORDINARY_INTERRUPTION', 'PARTIAL', '2025-09-01', '2030-09-01')).toEqual(['PERIOD_ABOVE_TOTAL_MAXIMUM']);
  });

  it('parental leave: blocks of 1, 2, 5, 10 months within 4, 8, 20, 40', () => {
    expect(check('PARENTAL', 'FULL', '2025-09-01', '2025-09-30')).toEqual([]);
    expect(check('PARENTAL', 'FULL', '2025-09-01', '2025-10-15')).toEqual(['PERIOD_BLOCK']);
    expect(check('PARENTAL', 'FULL', '2025-09-01', '2026-01-31')).toEqual(['PERIOD_ABOVE_TOTAL_MAXIMUM']);
    expect(check('PARENTAL', 'HALF', '2025-09-01', '2025-10-31')).toEqual([]);
    expect(check('PARENTAL', 'HALF', '2025-09-01', '2025-11-30')).toEqual(['PERIOD_BLOCK']);
    expect(check('PARENTAL', 'ONE_FIFTH', '2025-09-01', '2026-01-31')).toEqual([]);
    expect(check('PARENTAL', 'ONE_FIFTH', '2025-09-01', '2025-12-31')).toEqual(['PERIOD_BLOCK']);
    expect(check('PARENTAL', 'ONE_TENTH', '2025-09-01', '2026-06-30')).toEqual([]);
  });

  it('medical assistance: periods of 1 to 3 months', () => {
    expect(check('MEDICAL_ASSISTANCE', 'HALF', '2025-09-01', '2025-09-30')).toEqual([]);
    expect(check('MEDICAL_ASSISTANCE', 'HALF', '2025-09-01', '2025-11-30')).toEqual([]);
    expect(check('MEDICAL_ASSISTANCE', 'HALF', '2025-09-01', '2025-09-20')).toEqual(['PERIOD_TOO_SHORT']);
    expect(check('MEDICAL_ASSISTANCE', 'FULL', '2025-09-01', '2025-12-01')).toEqual(['PERIOD_TOO_LONG']);
  });

  it('palliative care: one month per period', () => {
    expect(check('PALLIATIVE_CARE', 'FULL', '2025-09-10', '2025-10-09')).toEqual([]);
    expect(check('PALLIATIVE_CARE', 'FULL', '2025-09-01', '2025-10-31')).toEqual(['PERIOD_TOO_LONG']);
  });

  it('close carer: full by month up to 3, partial by 2 months up to 6', () => {
    expect(check('CLOSE_CARER', 'FULL', '2025-09-01', '2025-11-30')).toEqual([]);
    expect(check('CLOSE_CARER', 'FULL', '2025-09-01', '2025-12-31')).toEqual(['PERIOD_ABOVE_TOTAL_MAXIMUM']);
    expect(check('CLOSE_CARER', 'ONE_FIFTH', '2025-09-01', '2025-09-30')).toEqual(['PERIOD_BLOCK']);
    expect(check('CLOSE_CARER', 'ONE_FIFTH', '2025-09-01', '2026-02-28')).toEqual([]);
  });

  it('the message names the limit and the length found', () => {
    const [error] = periodLimitErrors('PARENTAL', 'HALF', '2025-09-01', '2025-10-15');
    expect(error?.message).toBe('« Congé parental » (Réduction des prestations à mi-temps) se prend par périodes de 2 mois ou d’un multiple ; celle-ci dure 1 mois et 15 jours.');
  });
});

describe('late introduction (today is a parameter)', () => {
  it('warns only beyond 2 months after the start', () => {
    expect(lateIntroductionWarning('2025-01-15', '2024-12-01')).toBeNull();
    expect(lateIntroductionWarning('2025-01-15', '2025-03-15')).toBeNull();
    expect(lateIntroductionWarning('2025-01-15', '2025-03-16')).toMatchObject({ code: 'LATE_INTRODUCTION' });
    expect(lateIntroductionWarning('2024-12-31', '2025-02-28')).toBeNull();
    expect(lateIntroductionWarning('2024-12-31', '2025-03-01')?.message).toMatch(/plus de 2 mois après sa date de début \(2024-12-31\)/);
  });
});

describe('several employers', () => {
  it('an occupation declaration is required when interrupting with one employer only', () => {
    expect(occupationDeclarationRequired(true, false)).toBe(true);
    expect(occupationDeclarationRequired(true, true)).toBe(false);
    expect(occupationDeclarationRequired(false)).toBe(false);
  });

  it('the answer is required with several employers, and carried on the request', () => {
    expect(codes(characteristicsErrors({ ...answers, multipleEmployers: true }))).toEqual(['INTERRUPTED_EMPLOYERS_MISSING']);
    expect(deriveCharacteristics({ ...answers, multipleEmployers: true, interruptsAllEmployers: false })).toMatchObject({
      occupationDeclarationRequired: true,
      interruptsAllEmployers: false,
    });
    expect(deriveCharacteristics(answers)).toMatchObject({ occupationDeclarationRequired: false, interruptsAllEmployers: true, givenUp: 12, fullLoad: 24 });
  });
});

describe('worker age for the end-of-career leave', () => {
  it('55, or 50 in some cases (a warning), nothing if the birth date is unknown', () => {
    expect(workerAgeFindings('END_OF_CAREER', '1968-01-01', '2025-09-01')).toEqual({ errors: [], warnings: [] });
    expect(workerAgeFindings('END_OF_CAREER', '1972-01-01', '2025-09-01').warnings.map((w) => w.code)).toEqual(['WORKER_AGE_SPECIAL_CASE']);
    expect(codes(workerAgeFindings('END_OF_CAREER', '1980-01-01', '2025-09-01').errors)).toEqual(['WORKER_TOO_YOUNG']);
    expect(workerAgeFindings('END_OF_CAREER', nissBirthDate('60.00.00-095.01').date, '2025-09-01')).toEqual({ errors: [], warnings: [] });
    expect(workerAgeFindings('PARENTAL', '2000-01-01', '2025-09-01')).toEqual({ errors: [], warnings: [] });
  });
});

describe('assessRequest', () => {
  const today = '2025-08-20';

  it('a clean request: no errors, no warnings, derived answers', () => {
    const result = assessRequest({ community: 'FR', leave: 'PARENTAL', form: 'HALF', characteristics: answers }, { today });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.characteristics).toMatchObject({ givenUp: 12, fullLoad: 24, occupationDeclarationRequired: false });
  });

  it('errors and warnings are kept apart', () => {
    const result = assessRequest(
      {
        community: 'FR',
        leave: 'PARENTAL',
        form: 'HALF',
        characteristics: { ...answers, during: 18, start: '2025-05-01', end: '2025-06-30', multipleEmployers: true, interruptsAllEmployers: false },
      },
      { today },
    );
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toEqual(['WORKLOAD_FRACTION_MISMATCH', 'LATE_INTRODUCTION']);
    expect(result.characteristics?.occupationDeclarationRequired).toBe(true);
  });

  it('refuses and derives nothing when a rule fails', () => {
    const refused = assessRequest(
      { community: 'NL', leave: 'ORDINARY_INTERRUPTION', form: 'FULL', characteristics: { ...answers, before: 26, during: 0 } },
      { today },
    );
    expect(codes(refused.errors)).toEqual(['LEAVE_NOT_OPEN_IN_COMMUNITY', 'WORKLOAD_ABOVE_FULL_LOAD']);
    expect(refused.characteristics).toBeUndefined();
    const tooShort = assessRequest({ community: 'FR', leave: 'ORDINARY_INTERRUPTION', form: 'FULL', characteristics: { ...answers, during: 0 } }, { today });
    expect(codes(tooShort.errors)).toEqual(['PERIOD_TOO_SHORT']);
  });

  it('uses configured full loads', () => {
    const result = assessRequest(
      { community: 'FR', leave: 'PARENTAL', form: 'HALF', characteristics: { ...answers, before: 26, during: 13 } },
      { today, fullLoads: { NURSERY: 26, PRIMARY: 26, LOWER_SECONDARY: 22, UPPER_SECONDARY: 20 } },
    );
    expect(result.errors).toEqual([]);
    expect(result.characteristics?.fullLoad).toBe(26);
  });

  it('says that parental leave at 1/10 needs the employer’s agreement', () => {
    const result = assessRequest(
      { community: 'DE', leave: 'PARENTAL', form: 'ONE_TENTH', characteristics: { ...answers, during: 22, end: '2026-06-30' } },
      { today },
    );
    expect(result.warnings.map((w) => w.code)).toEqual(['EMPLOYER_AGREEMENT_REQUIRED']);
  });

  it('refuses an end-of-career request for a worker under 50', () => {
    const result = assessRequest(
      { community: 'FR', leave: 'END_OF_CAREER', form: 'PARTIAL', characteristics: answers, workerBirthDate: nissBirthDate('85.07.30-033.28').date },
      { today },
    );
    expect(codes(result.errors)).toEqual(['WORKER_TOO_YOUNG']);
  });
});
