import {
  COMMUNITIES,
  COMMUNITY_CODES,
  DEFAULT_FULL_LOADS,
  LEAVES,
  LEAVE_CODES,
  LEAVE_FORMS,
  PERMISSIONS,
  REQUEST_STATUS_CODES,
  REQUEST_TRANSITIONS,
  WORKER_STATUSES,
  actingModesOf,
  assertTransition,
  canTransition,
  formLimits,
  formsOf,
  isAccessManager,
  isFinalStatus,
  isLeaveOpenIn,
  leavesOpenIn,
  nextStatuses,
  type RequestStatus,
} from '../../../domain';
import { thrown } from './thrown';

describe('catalogues', () => {
  it('three communities with French labels, no enterprise numbers', () => {
    expect(COMMUNITY_CODES).toEqual(['FR', 'NL', 'DE']);
    expect(COMMUNITIES.FR.label).toBe('Fédération Wallonie-Bruxelles');
    expect(COMMUNITIES.NL.label).toBe('Communauté flamande');
    expect(COMMUNITIES.DE.label).toBe('Communauté germanophone');
    expect(JSON.stringify(COMMUNITIES)).not.toMatch(/\d{4}\.\d{3}\.\d{3}/);
  });

  it("the permissions carry the guide's labels", () => {
    expect(PERMISSIONS.EMPLOYER.label).toBe('Interruption de carrière et crédit-temps');
    expect(PERMISSIONS.PO_EDUCATION.label).toMatch(/^Interruption de carrière et crédit-temps – Pouvoir organisateur pour le secteur de l’enseignement$/);
  });

  it('access managers are the two manager roles', () => {
    expect(isAccessManager('MAIN_ACCESS_MANAGER')).toBe(true);
    expect(isAccessManager('ACCESS_MANAGER')).toBe(true);
    expect(isAccessManager('USER')).toBe(false);
  });

  it.each([
    [['PO_EDUCATION', 'EMPLOYER'], ['PO', 'OWN_COMPANY']],
    [['EMPLOYER'], ['OWN_COMPANY']],
    [['PO_EDUCATION'], ['PO']],
    [[], []],
  ] as const)('the permissions %j open the acting modes %j (in the catalogue order)', (permissions, modes) => {
    expect(actingModesOf(permissions)).toEqual(modes);
  });

  it('worker statuses: statutaire, contractuel, temporaire', () => {
    expect(Object.values(WORKER_STATUSES).map((s) => s.label)).toEqual(['Statutaire', 'Contractuel', 'Temporaire']);
  });

  it('default full loads per level, in periods', () => {
    expect(DEFAULT_FULL_LOADS).toEqual({ NURSERY: 26, PRIMARY: 24, LOWER_SECONDARY: 22, UPPER_SECONDARY: 20 });
  });
});

describe('leave catalogue', () => {
  it('ordinary interruption is not open in Flemish education', () => {
    expect(isLeaveOpenIn('ORDINARY_INTERRUPTION', 'NL')).toBe(false);
    expect(leavesOpenIn('NL').map((l) => l.code)).not.toContain('ORDINARY_INTERRUPTION');
    expect(leavesOpenIn('FR').map((l) => l.code)).toEqual(LEAVE_CODES);
    expect(leavesOpenIn('DE').map((l) => l.code)).toEqual(LEAVE_CODES);
    expect(leavesOpenIn('NL')).toHaveLength(LEAVE_CODES.length - 1);
  });

  it('forms per leave', () => {
    expect(formsOf('ORDINARY_INTERRUPTION')).toEqual(['FULL', 'PARTIAL']);
    expect(formsOf('END_OF_CAREER')).toEqual(['PARTIAL']);
    expect(formsOf('PARENTAL')).toEqual(['FULL', 'HALF', 'ONE_FIFTH', 'ONE_TENTH']);
    for (const leave of ['MEDICAL_ASSISTANCE', 'PALLIATIVE_CARE', 'CLOSE_CARER'] as const) {
      expect(formsOf(leave)).toEqual(['FULL', 'HALF', 'ONE_FIFTH']);
    }
  });

  it('each form has its fraction; a partial interruption takes the fraction of the workload', () => {
    expect(LEAVE_FORMS.FULL.fraction).toBe(1);
    expect(LEAVE_FORMS.HALF.fraction).toBe(0.5);
    expect(LEAVE_FORMS.ONE_FIFTH.fraction).toBe(0.2);
    expect(LEAVE_FORMS.ONE_TENTH.fraction).toBe(0.1);
    expect(LEAVE_FORMS.PARTIAL.fraction).toBeNull();
  });

  it('limits of docs/domain.md as data', () => {
    expect(formLimits('ORDINARY_INTERRUPTION', 'FULL')).toMatchObject({ minMonthsPerPeriod: 3, totalMaxMonths: 60 });
    expect(formLimits('ORDINARY_INTERRUPTION', 'PARTIAL')).toMatchObject({ minMonthsPerPeriod: 3, totalMaxMonths: 60 });
    expect(formLimits('PARENTAL', 'FULL')).toMatchObject({ blockMonths: 1, totalMaxMonths: 4 });
    expect(formLimits('PARENTAL', 'HALF')).toMatchObject({ blockMonths: 2, totalMaxMonths: 8 });
    expect(formLimits('PARENTAL', 'ONE_FIFTH')).toMatchObject({ blockMonths: 5, totalMaxMonths: 20 });
    expect(formLimits('PARENTAL', 'ONE_TENTH')).toMatchObject({ totalMaxMonths: 40, requiresEmployerAgreement: true });
    expect(formLimits('MEDICAL_ASSISTANCE', 'FULL')).toMatchObject({ minMonthsPerPeriod: 1, maxMonthsPerPeriod: 3, totalMaxMonths: 12 });
    expect(formLimits('MEDICAL_ASSISTANCE', 'HALF')).toMatchObject({ totalMaxMonths: 24 });
    expect(formLimits('PALLIATIVE_CARE', 'FULL')).toMatchObject({ maxMonthsPerPeriod: 1, extensions: 2 });
    expect(formLimits('CLOSE_CARER', 'FULL')).toMatchObject({ blockMonths: 1, totalMaxMonths: 3, totalScope: 'personCaredFor' });
    expect(formLimits('CLOSE_CARER', 'ONE_FIFTH')).toMatchObject({ blockMonths: 2, totalMaxMonths: 6 });
    expect(formLimits('END_OF_CAREER', 'FULL')).toBeUndefined();
    expect(LEAVES.END_OF_CAREER).toMatchObject({ minAge: 55, minAgeSpecialCases: 50 });
  });
});

describe('request lifecycle', () => {
  it.each<[RequestStatus, RequestStatus]>([
    ['draft', 'submitted'],
    ['draft', 'expired'],
    ['submitted', 'awaiting_worker'],
    ['awaiting_worker', 'in_processing'],
    ['in_processing', 'accepted'],
    ['in_processing', 'refused'],
    ['submitted', 'withdrawn'],
    ['awaiting_worker', 'withdrawn'],
    ['in_processing', 'draft'],
    ['in_processing', 'awaiting_worker'],
  ])('allows %s → %s', (from, to) => expect(canTransition(from, to)).toBe(true));

  it.each<[RequestStatus, RequestStatus]>([
    ['draft', 'accepted'],
    ['submitted', 'in_processing'],
    ['in_processing', 'withdrawn'],
    ['submitted', 'expired'],
    ['accepted', 'refused'],
    ['refused', 'draft'],
    ['withdrawn', 'submitted'],
    ['expired', 'draft'],
  ])('refuses %s → %s', (from, to) => expect(canTransition(from, to)).toBe(false));

  it('decisions, withdrawal and expiry are final', () => {
    expect(REQUEST_STATUS_CODES.filter(isFinalStatus)).toEqual(['accepted', 'refused', 'withdrawn', 'expired']);
  });

  it('only the back-office decides', () => {
    const deciders = REQUEST_TRANSITIONS.filter((t) => t.to === 'accepted' || t.to === 'refused').map((t) => t.by);
    expect(new Set(deciders)).toEqual(new Set(['backoffice']));
  });

  it('assertTransition names what is allowed', () => {
    expect(() => assertTransition('draft', 'submitted')).not.toThrow();
    expect(() => assertTransition('accepted', 'draft')).toThrow(/statuts possibles : aucun/);
    const error = thrown(() => assertTransition('submitted', 'accepted'));
    expect(error.code).toBe('TRANSITION_NOT_ALLOWED');
    expect(error.details).toEqual({ from: 'submitted', to: 'accepted', allowed: nextStatuses('submitted') });
    expect(error.message).toBe('Une demande ne peut pas passer du statut « Introduite » au statut « Acceptée » (statuts possibles : En attente du travailleur, Retirée).');
  });
});
