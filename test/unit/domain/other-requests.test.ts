import {
  assessRequest,
  maximumUsage,
  monthsCounted,
  multipleEmployersUntickedWarning,
  otherRequestsErrors,
  otherRequestsRefusal,
  periodsOverlap,
  sharedMaximumForms,
  type CountedRequest,
} from '../../../domain';

const ordinary = (start: string, end: string, form: 'FULL' | 'PARTIAL' = 'FULL', ticket = 'T-1'): CountedRequest => ({
  ticket,
  leave: 'ORDINARY_INTERRUPTION',
  form,
  start,
  end,
});

describe('periods and months', () => {
  it('periods overlap when they share a day, both ends included', () => {
    expect(periodsOverlap({ start: '2027-01-01', end: '2027-03-31' }, { start: '2027-03-31', end: '2027-06-30' })).toBe(true);
    expect(periodsOverlap({ start: '2027-01-01', end: '2027-03-30' }, { start: '2027-03-31', end: '2027-06-30' })).toBe(false);
    expect(periodsOverlap({ start: '2027-04-01', end: '2027-04-10' }, { start: '2027-01-01', end: '2027-12-31' })).toBe(true);
  });

  it('a started month counts as a month of the maximum', () => {
    expect(monthsCounted('2027-01-01', '2029-12-31')).toBe(36);
    expect(monthsCounted('2027-01-01', '2027-04-01')).toBe(4);
    expect(monthsCounted('2027-01-15', '2027-04-14')).toBe(3);
  });

  it('parental leave forms share one maximum; other leaves keep full and partial apart', () => {
    expect(sharedMaximumForms('PARENTAL', 'HALF')).toEqual(['FULL', 'HALF', 'ONE_FIFTH', 'ONE_TENTH']);
    expect(sharedMaximumForms('ORDINARY_INTERRUPTION', 'FULL')).toEqual(['FULL']);
    expect(sharedMaximumForms('ORDINARY_INTERRUPTION', 'PARTIAL')).toEqual(['PARTIAL']);
    expect(sharedMaximumForms('MEDICAL_ASSISTANCE', 'ONE_FIFTH')).toEqual(['HALF', 'ONE_FIFTH']);
  });
});

describe('the worker’s other requests', () => {
  it('nothing to say without other requests', () => {
    expect(otherRequestsErrors({ leave: 'ORDINARY_INTERRUPTION', form: 'FULL', start: '2027-01-01', end: '2029-12-31' }, [])).toEqual([]);
  });

  it('two overlapping 36-month ordinary interruptions: the second overlaps and passes the 60-month career maximum', () => {
    const errors = otherRequestsErrors({ leave: 'ORDINARY_INTERRUPTION', form: 'FULL', start: '2027-01-01', end: '2029-12-31' }, [
      ordinary('2027-01-01', '2029-12-31', 'FULL', '2027-000001'),
    ]);
    expect(errors.map((e) => e.code)).toEqual(['REQUEST_PERIOD_OVERLAP', 'CAREER_MAXIMUM_EXCEEDED']);
    expect(errors[0]?.details).toMatchObject({ overlapping: [{ ticket: '2027-000001', start: '2027-01-01', end: '2029-12-31' }] });
    expect(errors[1]?.details).toMatchObject({ maximum: 60, monthsUsed: 36, monthsLeft: 24, monthsRequested: 36, scope: 'career' });
    expect(errors[1]?.message).toMatch(/60 mois sur toute la carrière ; les autres demandes du travailleur en utilisent déjà 36, il en reste 24 et cette période en compte 36/);
  });

  it('a later period that fits in the months left is accepted; one month more is refused', () => {
    const used = [ordinary('2020-01-01', '2022-12-31')]; // 36 months
    expect(otherRequestsErrors({ leave: 'ORDINARY_INTERRUPTION', form: 'FULL', start: '2027-01-01', end: '2028-12-31' }, used)).toEqual([]);
    const [error] = otherRequestsErrors({ leave: 'ORDINARY_INTERRUPTION', form: 'FULL', start: '2027-01-01', end: '2029-01-31' }, used);
    expect(error?.code).toBe('CAREER_MAXIMUM_EXCEEDED');
    expect(error?.details).toMatchObject({ monthsLeft: 24, monthsRequested: 25 });
  });

  it('the full and the partial ordinary interruption have a maximum each; overlap concerns the leave whatever the form', () => {
    const used = [ordinary('2020-01-01', '2024-12-31', 'FULL')]; // 60 months full
    expect(otherRequestsErrors({ leave: 'ORDINARY_INTERRUPTION', form: 'PARTIAL', start: '2027-01-01', end: '2027-12-31' }, used)).toEqual([]);
    expect(otherRequestsErrors({ leave: 'ORDINARY_INTERRUPTION', form: 'FULL', start: '2027-01-01', end: '2027-03-31' }, used).map((e) => e.code)).toEqual([
      'CAREER_MAXIMUM_EXCEEDED',
    ]);
    expect(otherRequestsErrors({ leave: 'ORDINARY_INTERRUPTION', form: 'PARTIAL', start: '2024-06-01', end: '2024-08-31' }, used).map((e) => e.code)).toEqual([
      'REQUEST_PERIOD_OVERLAP',
    ]);
  });

  it('another leave neither overlaps nor uses the maximum', () => {
    const others: CountedRequest[] = [{ ticket: null, leave: 'PARENTAL', form: 'FULL', start: '2027-01-01', end: '2027-04-30' }];
    expect(otherRequestsErrors({ leave: 'ORDINARY_INTERRUPTION', form: 'FULL', start: '2027-01-01', end: '2027-06-30' }, others)).toEqual([]);
  });

  it('parental leave: months of other forms are converted into the requested form’s months', () => {
    // 2 months full = 4 of the 8 half-time months.
    const others: CountedRequest[] = [{ ticket: 'T', leave: 'PARENTAL', form: 'FULL', start: '2027-01-01', end: '2027-02-28' }];
    expect(otherRequestsErrors({ leave: 'PARENTAL', form: 'HALF', start: '2027-06-01', end: '2027-09-30' }, others)).toEqual([]);
    const [error] = otherRequestsErrors({ leave: 'PARENTAL', form: 'HALF', start: '2027-06-01', end: '2027-11-30' }, others);
    expect(error?.code).toBe('LEAVE_MAXIMUM_EXCEEDED');
    expect(error?.details).toMatchObject({ scope: 'child', maximum: 8, monthsUsed: 4, monthsLeft: 4, monthsRequested: 6 });
    // 2 half-time months are 5 months at 1/5: 15 of 20 are left.
    const half: CountedRequest[] = [{ ticket: 'T', leave: 'PARENTAL', form: 'HALF', start: '2027-01-01', end: '2027-02-28' }];
    expect(otherRequestsErrors({ leave: 'PARENTAL', form: 'ONE_FIFTH', start: '2028-01-01', end: '2029-03-31' }, half)).toEqual([]);
    const [fifth] = otherRequestsErrors({ leave: 'PARENTAL', form: 'ONE_FIFTH', start: '2028-01-01', end: '2029-08-31' }, half);
    expect(fifth?.details).toMatchObject({ monthsUsed: 5, monthsLeft: 15, monthsRequested: 20 });
  });

  it('a leave without a total maximum is only checked for overlaps', () => {
    const others: CountedRequest[] = [{ ticket: 'T', leave: 'END_OF_CAREER', form: 'PARTIAL', start: '2027-01-01', end: '2036-12-31' }];
    expect(otherRequestsErrors({ leave: 'END_OF_CAREER', form: 'PARTIAL', start: '2037-01-01', end: '2040-12-31' }, others)).toEqual([]);
    expect(otherRequestsErrors({ leave: 'END_OF_CAREER', form: 'PARTIAL', start: '2036-01-01', end: '2040-12-31' }, others).map((e) => e.code)).toEqual([
      'REQUEST_PERIOD_OVERLAP',
    ]);
  });
});

describe('several employers known, box unticked', () => {
  it('warns only when the service knows of two employers or more and the box is unticked', () => {
    expect(multipleEmployersUntickedWarning(false, 2)?.code).toBe('MULTIPLE_EMPLOYERS_UNTICKED');
    expect(multipleEmployersUntickedWarning(true, 2)).toBeNull();
    expect(multipleEmployersUntickedWarning(false, 1)).toBeNull();
    expect(multipleEmployersUntickedWarning(false, undefined)).toBeNull();
  });

  it('is one of the confirmation page’s warnings', () => {
    const draft = {
      community: 'FR' as const,
      leave: 'PARENTAL' as const,
      form: 'HALF' as const,
      characteristics: { level: 'LOWER_SECONDARY' as const, before: 10, during: 5, start: '2027-01-01', end: '2027-02-28', multipleEmployers: false },
    };
    const codes = (knownEmployerCount?: number) =>
      assessRequest({ ...draft, ...(knownEmployerCount === undefined ? {} : { knownEmployerCount }) }, { today: '2026-11-27' }).warnings.map((w) => w.code);
    expect(codes(2)).toContain('MULTIPLE_EMPLOYERS_UNTICKED');
    expect(codes(1)).not.toContain('MULTIPLE_EMPLOYERS_UNTICKED');
    expect(codes()).not.toContain('MULTIPLE_EMPLOYERS_UNTICKED');
  });
});

describe('the one refusal', () => {
  it('names the first rule broken, every rule, and the months used and left of the maximum', () => {
    const refusal = otherRequestsRefusal({ leave: 'ORDINARY_INTERRUPTION', form: 'FULL', start: '2027-01-01', end: '2029-12-31' }, [
      ordinary('2027-01-01', '2029-12-31'),
    ]);
    expect(refusal?.code).toBe('REQUEST_PERIOD_OVERLAP');
    expect(refusal?.details).toMatchObject({ rules: ['REQUEST_PERIOD_OVERLAP', 'CAREER_MAXIMUM_EXCEEDED'], maximum: 60, monthsUsed: 36, monthsLeft: 24 });
    expect(otherRequestsRefusal({ leave: 'ORDINARY_INTERRUPTION', form: 'FULL', start: '2030-01-01', end: '2030-12-31' }, [ordinary('2027-01-01', '2029-12-31')])).toBeNull();
  });

  it('reports usage for a form with a maximum only', () => {
    expect(maximumUsage({ leave: 'END_OF_CAREER', form: 'PARTIAL', start: '2037-01-01', end: '2040-12-31' }, [])).toBeNull();
    expect(maximumUsage({ leave: 'CLOSE_CARER', form: 'FULL', start: '2027-01-01', end: '2027-01-31' }, [])).toEqual({
      scope: 'personCaredFor',
      maximum: 3,
      monthsUsed: 0,
      monthsLeft: 3,
      monthsRequested: 1,
    });
  });
});
