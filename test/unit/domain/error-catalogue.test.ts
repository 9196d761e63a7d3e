/** The error catalogue is complete: every code, every language, the same placeholders; every domain rule renders whole. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  COMMUNITIES,
  COMMUNITY_CODES,
  DomainError,
  LEAVES,
  LEAVE_CODES,
  LEAVE_FORMS,
  LEAVE_FORM_CODES,
  DOMAIN_WARNING_CODES,
  EDUCATION_LEVELS,
  EDUCATION_LEVEL_CODES,
  REQUEST_STATUSES,
  REQUEST_STATUS_CODES,
  WORKER_STATUSES,
  WORKER_STATUS_CODES,
  assessRequest,
  assertTransition,
  characteristicsErrors,
  datesErrors,
  emailAddressError,
  freeTextErrors,
  leaveChoiceErrors,
  nissCheckDigits,
  otherRequestsErrors,
  parseEnterpriseNumber,
  parseEstablishmentUnitNumber,
  parseIsoDate,
  parseNiss,
  parsePeriods,
  parseSchoolNumber,
  periodLimitErrors,
  workerAgeFindings,
  workloadErrors,
} from '../../../domain';
import {
  DOMAIN_ERROR_CODES,
  ERROR_CATALOGUE,
  ERROR_CODES,
  FIELD_RULE_CODES,
  LANGUAGES,
  TERMS,
  WARNING_CATALOGUE,
  WARNING_CODES,
  completeErrorText,
  errorText,
  placeholdersOf,
  warningText,
  type ErrorCode,
} from '../../../domain/error-catalogue';
import { refuse } from '../../../activities/errors';

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

describe('every code has a status and a text in each language', () => {
  it('lists each code once, and the catalogue holds exactly the listed codes', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    expect(sorted(Object.keys(ERROR_CATALOGUE))).toEqual(sorted(ERROR_CODES));
  });

  it.each(ERROR_CODES.map((code) => [code]))('%s', (code) => {
    const { status, text } = ERROR_CATALOGUE[code];
    expect(status >= 400 && status <= 599).toBe(true);
    expect(sorted(Object.keys(text))).toEqual(sorted(LANGUAGES));
    for (const language of LANGUAGES) expect(text[language].trim()).not.toBe('');
    // Dutch and German fill the same values as the French reference, no more, no fewer.
    const reference = sorted(placeholdersOf(text.fr));
    for (const language of LANGUAGES) expect({ language, placeholders: sorted(placeholdersOf(text[language])) }).toEqual({ language, placeholders: reference });
  });

  it('names the domain’s codes in French as the domain catalogue does', () => {
    for (const code of LEAVE_CODES) expect(TERMS[code]?.fr).toBe(LEAVES[code].label);
    for (const code of LEAVE_FORM_CODES) expect(TERMS[code]?.fr).toBe(LEAVE_FORMS[code].label);
    for (const code of COMMUNITY_CODES) expect(TERMS[code]?.fr).toBe(COMMUNITIES[code].label);
    for (const code of REQUEST_STATUS_CODES) expect(TERMS[code]?.fr).toBe(REQUEST_STATUSES[code].label);
    // the choices a request's screens offer, which the API names in the caller's language
    for (const code of WORKER_STATUS_CODES) expect(TERMS[code]?.fr).toBe(WORKER_STATUSES[code].label);
    for (const code of EDUCATION_LEVEL_CODES) expect(TERMS[code]?.fr).toBe(EDUCATION_LEVELS[code].label);
    for (const [term, texts] of Object.entries(TERMS)) for (const language of LANGUAGES) expect({ term, language, text: texts[language].trim() }).not.toEqual({ term, language, text: '' });
  });
});

/** Each rule of the domain broken once: what the rule's function refuses. */
function refusals(): DomainError[] {
  const caught = (run: () => unknown): DomainError[] => {
    try {
      run();
    } catch (error) {
      if (error instanceof DomainError) return [error];
      throw error;
    }
    throw new Error('expected a DomainError');
  };
  // A NISS whose check digits are right, so that the date and counter rules are reached.
  const niss = (first9: string) => `${first9}${nissCheckDigits(first9, false)}`;
  const characteristics = { level: 'PRIMARY', before: 24, during: 12, start: '2027-01-01', end: '2027-06-30', multipleEmployers: true } as const;
  return [
    ...caught(() => parseNiss('85.07.30-O33.28')),
    ...caught(() => parseNiss('850730')),
    ...caught(() => parseNiss('85073003329')),
    ...caught(() => parseNiss(niss('851300001'))),
    ...caught(() => parseNiss(niss('850730000'))),
    ...caught(() => parseEnterpriseNumber('0123.456.78x')),
    ...caught(() => parseEnterpriseNumber('12345')),
    ...caught(() => parseEnterpriseNumber('2123456789')),
    ...caught(() => parseEnterpriseNumber('0123.456.789')),
    ...caught(() => parseEstablishmentUnitNumber('2.1x')),
    ...caught(() => parseEstablishmentUnitNumber('212345')),
    ...caught(() => parseEstablishmentUnitNumber('1123456789')),
    ...caught(() => parseEstablishmentUnitNumber('2123456789')),
    ...caught(() => parseSchoolNumber('école')),
    ...caught(() => parseSchoolNumber('12')),
    ...caught(() => parseSchoolNumber('9123456789')),
    ...caught(() => parsePeriods('abc')),
    ...caught(() => parsePeriods('19h30')),
    ...caught(() => parsePeriods(12.5)),
    ...caught(() => parsePeriods(-2)),
    ...workloadErrors({ fullLoad: 24, before: 12, during: 12 }),
    ...workloadErrors({ fullLoad: 20, before: 22, during: 10 }),
    ...workloadErrors({ fullLoad: 0, before: 12, during: 6 }),
    ...caught(() => parseIsoDate('01/09/2025')),
    ...caught(() => parseIsoDate('2025-02-30')),
    ...datesErrors('2025-09-02', '2025-09-01'),
    ...periodLimitErrors('ORDINARY_INTERRUPTION', 'FULL', '2027-01-01', '2027-01-31'),
    ...periodLimitErrors('MEDICAL_ASSISTANCE', 'FULL', '2027-01-01', '2027-05-15'),
    ...periodLimitErrors('PARENTAL', 'HALF', '2027-01-01', '2027-03-31'),
    ...periodLimitErrors('ORDINARY_INTERRUPTION', 'FULL', '2027-01-01', '2032-03-31'),
    ...leaveChoiceErrors('ORDINARY_INTERRUPTION', 'FULL', 'NL'),
    ...leaveChoiceErrors('PALLIATIVE_CARE', 'ONE_TENTH', 'FR'),
    ...workerAgeFindings('END_OF_CAREER', '1990-01-01', '2027-01-01').errors,
    ...characteristicsErrors(characteristics),
    ...[emailAddressError('jean@'), emailAddressError(`${'a'.repeat(250)}@ecole.be`)].filter((e): e is DomainError => e !== null),
    ...freeTextErrors('a\u0000b\uD800'),
    ...caught(() => assertTransition('accepted', 'draft')),
    ...otherRequestsErrors({ leave: 'ORDINARY_INTERRUPTION', form: 'FULL', start: '2027-01-01', end: '2029-12-31' }, [
      { ticket: '2027-000001', leave: 'ORDINARY_INTERRUPTION', form: 'FULL', start: '2027-01-01', end: '2029-12-31' },
    ]),
    ...otherRequestsErrors({ leave: 'PARENTAL', form: 'FULL', start: '2028-01-01', end: '2028-03-31' }, [
      { ticket: '2027-000002', leave: 'PARENTAL', form: 'FULL', start: '2027-01-01', end: '2027-02-28' },
    ]),
  ];
}

describe('every rule of the domain renders whole in each language', () => {
  const errors = refusals();

  it('covers every domain code', () => {
    expect(sorted(errors.map((e) => e.code))).toEqual(sorted(DOMAIN_ERROR_CODES));
  });

  it.each(errors.map((error) => [error.code, error] as const))('%s', (_code, error) => {
    // The French message is the catalogue's text, and its details fill the text in every language.
    expect(error.message).toBe(errorText(error.code, error.details, 'fr'));
    for (const language of LANGUAGES) expect({ language, text: completeErrorText(error.code as ErrorCode, error.details, language) }).toEqual({ language, text: expect.any(String) });
  });

  it('writes codes of the domain by their name in the language', () => {
    const [notOpen] = leaveChoiceErrors('ORDINARY_INTERRUPTION', 'FULL', 'NL');
    expect(errorText('LEAVE_NOT_OPEN_IN_COMMUNITY', notOpen?.details, 'nl')).toBe(
      '"Gewone loopbaanonderbreking" staat niet open in het onderwijs van de Vlaamse Gemeenschap (open voor: Federatie Wallonië-Brussel, Duitstalige Gemeenschap).',
    );
    const [block] = periodLimitErrors('PARENTAL', 'HALF', '2027-01-01', '2027-03-15');
    expect(errorText('PERIOD_BLOCK', block?.details, 'de')).toBe(
      '„Elternurlaub“ (Verringerung der Leistungen auf Halbzeit) wird in Zeiträumen von 2 Monat(en) oder einem Vielfachen davon genommen; dieser dauert 2 Monate und 15 Tage.',
    );
  });
});

describe('every code the API and the activities answer is in the catalogue', () => {
  const root = join(__dirname, '../../..');
  const sources = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
      .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));

  it.each([
    ['api', /new HttpError\(\s*'([A-Z_]+)'/g],
    ['activities', /refuse\(\s*'([A-Z_]+)'/g],
    ['machines', /code: '([A-Z][A-Z_]+)', message:/g],
  ] as const)('%s', (dir, pattern) => {
    const codes = sources(dir).flatMap((text) => [...text.matchAll(pattern)].map((m) => m[1]!));
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.filter((code) => !Object.hasOwn(ERROR_CATALOGUE, code))).toEqual([]);
  });

  it('every field rule is named by a schema, and needs no details to be written whole', () => {
    const named = new Set(['domain', 'machines', 'api'].flatMap((dir) => sources(dir).flatMap((text) => [...text.matchAll(/fieldRule\('([A-Z_]+)'\)/g)].map((m) => m[1]!))));
    expect([...FIELD_RULE_CODES].filter((code) => !named.has(code))).toEqual([]);
    for (const code of named) for (const language of LANGUAGES) expect(completeErrorText(code as ErrorCode, {}, language)).toBeDefined();
  });
});

describe('every warning has a text in each language', () => {
  it('lists the domain’s warnings, each once, and no error code among them', () => {
    expect(new Set(WARNING_CODES).size).toBe(WARNING_CODES.length);
    expect(sorted(Object.keys(WARNING_CATALOGUE))).toEqual(sorted(WARNING_CODES));
    expect(sorted(DOMAIN_WARNING_CODES)).toEqual(sorted(WARNING_CODES));
    expect(WARNING_CODES.filter((code) => Object.hasOwn(ERROR_CATALOGUE, code))).toEqual([]);
  });

  it.each(WARNING_CODES.map((code) => [code]))('%s', (code) => {
    const { text } = WARNING_CATALOGUE[code];
    expect(sorted(Object.keys(text))).toEqual(sorted(LANGUAGES));
    for (const language of LANGUAGES) expect(text[language].trim()).not.toBe('');
    const reference = sorted(placeholdersOf(text.fr));
    for (const language of LANGUAGES) expect({ language, placeholders: sorted(placeholdersOf(text[language])) }).toEqual({ language, placeholders: reference });
  });

  // Every warning the domain gives, once: 1/10 parental leave (the employer's agreement) with a workload
  // that does not match the form, introduced late, for a worker known at 3 employers and not yet 55.
  const assessed = assessRequest(
    {
      community: 'FR',
      leave: 'PARENTAL',
      form: 'ONE_TENTH',
      characteristics: { level: 'PRIMARY', before: 24, during: 12, start: '2025-01-01', end: '2025-10-31', multipleEmployers: false },
      knownEmployerCount: 3,
    },
    { today: '2025-08-20' },
  );
  const warnings = [...assessed.warnings, ...workerAgeFindings('END_OF_CAREER', '1972-01-01', '2025-09-01').warnings];

  it('each warning is given by a rule of the domain, its French message the catalogue’s text', () => {
    expect(assessed.errors).toEqual([]);
    expect(sorted(warnings.map((w) => w.code))).toEqual(sorted(WARNING_CODES));
    for (const warning of warnings) expect(warning.message).toBe(warningText(warning.code, warning.details, 'fr'));
  });

  it.each(LANGUAGES.map((language) => [language]))('each warning’s details fill its whole text in %s', (language) => {
    const unfilled = warnings.map((w) => ({ code: w.code, text: warningText(w.code, w.details, language) })).filter(({ text }) => /\{\w+\}/.test(text));
    expect(unfilled).toEqual([]);
  });

  it('writes the domain’s codes by their name in the language', () => {
    const agreement = warnings.find((w) => w.code === 'EMPLOYER_AGREEMENT_REQUIRED');
    expect(warningText('EMPLOYER_AGREEMENT_REQUIRED', agreement?.details, 'nl')).toBe('„Ouderschapsverlof” in de vorm „Vermindering van de prestaties met 1/10” vereist het akkoord van de werkgever.');
    const unticked = warnings.find((w) => w.code === 'MULTIPLE_EMPLOYERS_UNTICKED');
    expect(warningText('MULTIPLE_EMPLOYERS_UNTICKED', unticked?.details, 'de')).toMatch(/^Der Arbeitnehmer ist als bei 3 Arbeitgebern beschäftigt bekannt/);
  });
});

describe('an activity’s refusal carries the catalogue’s French text', () => {
  it('without details', () => {
    const failure = refuse('UNKNOWN_SCHOOL');
    expect({ type: failure.type, message: failure.message, nonRetryable: failure.nonRetryable }).toEqual({
      type: 'UNKNOWN_SCHOOL',
      message: ERROR_CATALOGUE.UNKNOWN_SCHOOL.text.fr,
      nonRetryable: true,
    });
  });

  it('with details, which fill the text and travel with the failure', () => {
    const [overlap] = otherRequestsErrors(
      { leave: 'PARENTAL', form: 'HALF', start: '2025-09-01', end: '2025-10-31' },
      [{ ticket: '2025-000001', leave: 'PARENTAL', form: 'HALF', start: '2025-10-01', end: '2025-11-30' }],
    );
    expect(overlap?.code).toBe('REQUEST_PERIOD_OVERLAP');
    const failure = refuse(overlap!.code, overlap!.details);
    expect(failure.message).toBe(errorText('REQUEST_PERIOD_OVERLAP', overlap!.details, 'fr'));
    expect(failure.message).not.toMatch(/\{\w+\}/);
    expect(failure.details).toEqual([overlap!.details]);
  });
});
