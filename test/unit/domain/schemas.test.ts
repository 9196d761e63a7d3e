import { z } from 'zod';
import {
  communitySchema,
  characteristicsSchema,
  domainCodeOf,
  emailSchema,
  enterpriseNumberSchema,
  isoDateSchema,
  leaveChoiceSchema,
  leaveCodeSchema,
  leaveFormSchema,
  makeCharacteristicsSchema,
  memberStatusSchema,
  nissSchema,
  periodsSchema,
  permissionSchema,
  roleSchema,
  schoolNumberSchema,
  workerStatusSchema,
} from '../../../domain';

/** The single issue of a failed parse: its DomainError code, message and path. */
function issueOf(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error(`expected ${JSON.stringify(value)} to be refused`);
  return result.error.issues.map((issue) => ({ code: domainCodeOf(issue), message: issue.message, path: issue.path }));
}

describe('identifier schemas', () => {
  it('nissSchema normalises to the 11 digits', () => {
    expect(nissSchema.parse('85.07.30-033.28')).toBe('85073003328');
    const [issue] = issueOf(nissSchema, '85.07.30-033.29');
    expect(issue?.code).toBe('NISS_CHECK_DIGITS');
    expect(issue?.message).toMatch(/chiffres de contrôle 29 du NISS ne correspondent pas/);
    expect(issueOf(nissSchema, '85.07.30-033')[0]?.code).toBe('NISS_LENGTH');
    expect(issueOf(nissSchema, 85073003328)[0]?.code).toBe('TEXT_EXPECTED');
  });

  it("enterpriseNumberSchema refuses the guide's numbers by their check digits", () => {
    expect(enterpriseNumberSchema.parse('353456320')).toBe('0353456320');
    for (const number of ['0123.456.789', '0321.654.987', '0456.789.123', '0789.123.456']) {
      expect(issueOf(enterpriseNumberSchema, number)[0]?.code).toBe('ENTERPRISE_CHECK_DIGITS');
    }
  });

  it('schoolNumberSchema takes either kind', () => {
    expect(schoolNumberSchema.parse('2.147.812.897')).toBe('2147812897');
    expect(schoolNumberSchema.parse('0566.988.259')).toBe('0566988259');
    expect(issueOf(schoolNumberSchema, '9.147.812.897')[0]?.code).toBe('SCHOOL_NUMBER_FIRST_DIGIT');
  });

  it('isoDateSchema', () => {
    expect(isoDateSchema.parse('2025-09-01')).toBe('2025-09-01');
    expect(issueOf(isoDateSchema, '2025-02-29')[0]).toMatchObject({ code: 'DATE_INVALID', message: 'La date 2025-02-29 n’existe pas dans le calendrier.' });
    expect(issueOf(isoDateSchema, '1/9/2025')[0]?.code).toBe('DATE_FORMAT');
  });
});

describe('catalogue schemas name the allowed values', () => {
  it.each([
    [communitySchema, 'FR', /community must be one of: FR \(Fédération Wallonie-Bruxelles\), NL \(Communauté flamande\), DE/],
    [permissionSchema, 'PO_EDUCATION', /permission must be one of: EMPLOYER/],
    [roleSchema, 'USER', /role must be one of: MAIN_ACCESS_MANAGER/],
    [memberStatusSchema, 'ACTIVE', /member status must be one of: ACTIVE \(Actif\), INACTIVE \(Inactif\)/],
    [workerStatusSchema, 'STATUTORY', /status must be one of: STATUTORY \(Statutaire\), CONTRACTUAL \(Contractuel\), TEMPORARY \(Temporaire\)/],
    [leaveCodeSchema, 'CLOSE_CARER', /leave must be one of: ORDINARY_INTERRUPTION/],
    [leaveFormSchema, 'ONE_TENTH', /form of the leave must be one of: FULL/],
  ] as const)('%#', (schema, valid, message) => {
    expect(schema.parse(valid)).toBe(valid);
    expect(issueOf(schema, 'NOPE')[0]?.message).toMatch(message);
  });

  it('leaveChoiceSchema checks the community and the form', () => {
    expect(leaveChoiceSchema.parse({ community: null, leave: 'ORDINARY_INTERRUPTION', form: 'FULL' })).toBeTruthy();
    expect(issueOf(leaveChoiceSchema, { community: 'NL', leave: 'ORDINARY_INTERRUPTION', form: 'HALF' })).toEqual([
      expect.objectContaining({ code: 'LEAVE_NOT_OPEN_IN_COMMUNITY', path: ['leave'] }),
      expect.objectContaining({ code: 'LEAVE_FORM_NOT_ALLOWED', path: ['form'] }),
    ]);
  });
});

describe('emailSchema (optional)', () => {
  it('absent or blank is none; otherwise validated', () => {
    expect(emailSchema.parse(undefined)).toBeUndefined();
    expect(emailSchema.parse('  ')).toBeUndefined();
    expect(emailSchema.parse(' jean.dupont@ecole.be ')).toBe('jean.dupont@ecole.be');
    expect(issueOf(emailSchema, 'jean.dupont@')).toEqual([
      expect.objectContaining({ code: 'EMAIL_FORMAT', message: 'L’adresse e-mail doit avoir la forme nom@domaine.tld et compter au plus 254 caractères.' }),
    ]);
  });
});

describe('periodsSchema', () => {
  it('whole periods only', () => {
    expect(periodsSchema.parse(20)).toBe(20);
    expect(periodsSchema.parse('20')).toBe(20);
    expect(issueOf(periodsSchema, '19:30')[0]?.code).toBe('WORKLOAD_IN_HOURS');
    expect(issueOf(periodsSchema, '19h')[0]?.message).toMatch(/en périodes, sans la convertir en heures ou en minutes \(« 19h » ressemble à des heures\)/);
    expect(issueOf(periodsSchema, 19.5)[0]?.code).toBe('WORKLOAD_NOT_WHOLE');
    expect(issueOf(periodsSchema, true)[0]?.code).toBe('WORKLOAD_FORMAT');
  });
});

describe('characteristicsSchema', () => {
  const valid = {
    level: 'LOWER_SECONDARY',
    before: 22,
    during: 11,
    start: '2025-09-01',
    end: '2025-10-31',
    multipleEmployers: true,
    interruptsAllEmployers: false,
  };

  it('derives what is given up and the occupation-declaration obligation', () => {
    expect(characteristicsSchema.parse(valid)).toEqual({
      ...valid,
      fullLoad: 22,
      givenUp: 11,
      occupationDeclarationRequired: true,
    });
  });

  it('field rules, each on its path', () => {
    expect(issueOf(characteristicsSchema, { ...valid, before: '22h', start: '2025-9-1' })).toEqual([
      expect.objectContaining({ code: 'WORKLOAD_IN_HOURS', path: ['before'] }),
      expect.objectContaining({ code: 'DATE_FORMAT', path: ['start'] }),
    ]);
  });

  it('cross-field rules name the rule', () => {
    const issues = issueOf(characteristicsSchema, { ...valid, before: 24, during: 24, end: '2025-08-01', interruptsAllEmployers: undefined });
    expect(issues.map(({ code, path }) => ({ code, path }))).toEqual([
      { code: 'WORKLOAD_ABOVE_FULL_LOAD', path: ['before'] },
      { code: 'WORKLOAD_ORDER', path: ['during'] },
      { code: 'DATES_ORDER', path: ['end'] },
      { code: 'INTERRUPTED_EMPLOYERS_MISSING', path: ['interruptsAllEmployers'] },
    ]);
    expect(issues[0]?.message).toBe('La charge de travail avant l’interruption (24 périodes) dépasse la charge complète de 22 périodes.');
    expect(issues[1]?.message).toBe('La charge de travail pendant l’interruption (24) doit être inférieure à la charge avant l’interruption (24).');
  });

  it('takes configured full loads and, when known, the leave limits', () => {
    const schema = makeCharacteristicsSchema({
      fullLoads: { NURSERY: 26, PRIMARY: 24, LOWER_SECONDARY: 24, UPPER_SECONDARY: 20 },
      leave: { code: 'PARENTAL', form: 'ONE_FIFTH' },
    });
    const issues = issueOf(schema, { ...valid, before: 24, during: 19 });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'PERIOD_BLOCK', path: ['end'] });
    expect(issues[0]?.message).toMatch(/par périodes de 5 mois ou d’un multiple ; celle-ci dure 2 mois\.$/);
    expect(schema.parse({ ...valid, before: 24, during: 19, end: '2026-01-31' }).fullLoad).toBe(24);
  });
});
