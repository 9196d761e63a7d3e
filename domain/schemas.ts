// zod schemas built on the rules: each failure is an issue whose message names the rule and whose
// `params.code` carries the DomainError code (catalogue enums name the allowed values instead).
import { z } from 'zod';
import {
  ACTING_MODES,
  ACTING_MODE_CODES,
  COMMUNITIES,
  COMMUNITY_CODES,
  DEFAULT_FULL_LOADS,
  EDUCATION_LEVELS,
  EDUCATION_LEVEL_CODES,
  LEAVES,
  LEAVE_CODES,
  LEAVE_FORMS,
  LEAVE_FORM_CODES,
  MEMBER_STATUSES,
  MEMBER_STATUS_CODES,
  PERMISSIONS,
  PERMISSION_CODES,
  REQUEST_STATUSES,
  REQUEST_STATUS_CODES,
  ROLES,
  ROLE_CODES,
  WORKER_STATUSES,
  WORKER_STATUS_CODES,
  type FullLoads,
  type LeaveCode,
  type LeaveForm,
} from './catalogue';
import { parseIsoDate } from './dates';
import { DOMAIN_ERROR_CODES, FIELD_RULE_CODES, errorText, type FieldRuleCode } from './error-catalogue';
import { DomainError, type DomainErrorCode } from './errors';
import { parseEnterpriseNumber, parseEstablishmentUnitNumber, parseNiss, parseSchoolNumber } from './identifiers';
import { characteristicsErrors, deriveCharacteristics, leaveChoiceErrors, periodLimitErrors } from './request-rules';
import { emailAddressError, freeTextErrors } from './text';
import { parsePeriods } from './workload';

type IssueSink = Pick<z.core.$RefinementCtx, 'addIssue'>;

function addDomainIssue(ctx: IssueSink, error: DomainError, path?: PropertyKey[]): void {
  ctx.addIssue({ code: 'custom', message: error.message, params: { ...error.details, code: error.code }, path });
}

/** Each refused rule as an issue on its field (a full load is no field of a form), carrying the DomainError code. */
export function reportDomainErrors(ctx: IssueSink, errors: readonly DomainError[]): void {
  for (const error of errors) {
    const field = error.details?.field;
    addDomainIssue(ctx, error, typeof field === 'string' && field !== 'fullLoad' ? [field] : undefined);
  }
}

/** A transform by a domain function: the DomainError it throws becomes the issue. */
function parsedBy<I, T>(parse: (input: I) => T) {
  return (value: I, ctx: IssueSink): T => {
    try {
      return parse(value);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      addDomainIssue(ctx, error);
      return z.NEVER;
    }
  };
}

/** A string parsed by a domain function that throws DomainError. */
function parsedString<T>(parse: (input: string) => T) {
  return z.string(fieldRule('TEXT_EXPECTED')).transform(parsedBy(parse));
}

/**
 * A field's shape rule named by its catalogue code: zod writes the code as the issue's message, and
 * `domainCodeOf` reads it back, so the API answers with the rule's text in the caller's language.
 */
export function fieldRule(code: FieldRuleCode | DomainErrorCode): { error: string } {
  return { error: code };
}

const RULE_CODES: ReadonlySet<string> = new Set([...FIELD_RULE_CODES, ...DOMAIN_ERROR_CODES]);

function isRuleCode(value: unknown): value is FieldRuleCode | DomainErrorCode {
  return typeof value === 'string' && RULE_CODES.has(value);
}

/** An issue's message: a field's shape rule speaks its French text (the reference), any other its own. */
export function issueMessage(issue: z.core.$ZodIssue): string {
  const rule = issue.code === 'custom' ? undefined : domainCodeOf(issue);
  return rule ? errorText(rule) : issue.message;
}

/** The code of the rule an issue carries: a domain rule's (`params.code`) or a field's shape rule. */
export function domainCodeOf(issue: z.core.$ZodIssue): DomainErrorCode | FieldRuleCode | undefined {
  if (issue.code !== 'custom') return isRuleCode(issue.message) ? issue.message : undefined;
  const code: unknown = issue.params?.code;
  return typeof code === 'string' ? (code as DomainErrorCode) : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Identifiers and dates

export const nissSchema = parsedString(parseNiss);
export const enterpriseNumberSchema = parsedString(parseEnterpriseNumber);
export const establishmentUnitNumberSchema = parsedString(parseEstablishmentUnitNumber);
/** Enterprise number or establishment-unit number. */
export const schoolNumberSchema = parsedString(parseSchoolNumber);
export const isoDateSchema = parsedString((value) => parseIsoDate(value));

/**
 * Optional e-mail: absent or blank means none; otherwise it must look like name@domain.tld (EMAIL_FORMAT).
 * The rule is the domain's (`emailAddressError`), never `z.regexes.email`: this schema also runs in the
 * Temporal workflow bundle, where webpack resolved `z.regexes.email` to `z.email` — the schema factory
 * function, not the RegExp — so `.test` was no function there.
 */
export const emailSchema = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z
    .string(fieldRule('TEXT_EXPECTED'))
    .trim()
    .superRefine((value, ctx) => {
      const error = emailAddressError(value);
      if (error) addDomainIssue(ctx, error);
    })
    .meta({ format: 'email' })
    .optional(),
);

/**
 * Free text typed by a person (a reason, a name, a search): trimmed, and refused when it holds control
 * characters other than tab, line feed and carriage return (TEXT_CONTROL_CHARACTERS) or lone UTF-16
 * surrogates (TEXT_INVALID_UNICODE) — text the store could not hold or a screen could not show. The
 * characters are checked before trimming, so none hides at either end. Add `.min()`/`.max()` as the field needs.
 */
export function freeTextSchema() {
  return z
    .string(fieldRule('TEXT_EXPECTED'))
    .superRefine((value, ctx) => reportDomainErrors(ctx, freeTextErrors(value)))
    .trim();
}

/** A whole number of periods, as a number or digits; "19:30", "19h" and 19.5 are refused. */
export const periodsSchema = z
  .union([z.number(), z.string()], fieldRule('WORKLOAD_FORMAT'))
  .transform(parsedBy((value: number | string) => parsePeriods(value)));

// ---------------------------------------------------------------------------------------------------
// Catalogues

function catalogueEnum<C extends string>(codes: readonly [C, ...C[]], catalogue: Record<C, { label: string }>, what: string) {
  const allowed = codes.map((code) => `${code} (${catalogue[code].label})`).join(', ');
  return z.enum(codes, { error: `${what} must be one of: ${allowed}.` });
}

export const communitySchema = catalogueEnum(COMMUNITY_CODES, COMMUNITIES, 'The community');
export const permissionSchema = catalogueEnum(PERMISSION_CODES, PERMISSIONS, 'The permission');
export const roleSchema = catalogueEnum(ROLE_CODES, ROLES, 'The role');
export const memberStatusSchema = catalogueEnum(MEMBER_STATUS_CODES, MEMBER_STATUSES, 'The member status');
export const workerStatusSchema = catalogueEnum(WORKER_STATUS_CODES, WORKER_STATUSES, "The worker's status");
export const actingModeSchema = catalogueEnum(ACTING_MODE_CODES, ACTING_MODES, 'The acting mode');
export const requestStatusSchema = catalogueEnum(REQUEST_STATUS_CODES, REQUEST_STATUSES, 'The request status');
export const educationLevelSchema = catalogueEnum(EDUCATION_LEVEL_CODES, EDUCATION_LEVELS, 'The education level');
export const leaveCodeSchema = catalogueEnum(LEAVE_CODES, LEAVES, 'The leave');
export const leaveFormSchema = catalogueEnum(LEAVE_FORM_CODES, LEAVE_FORMS, 'The form of the leave');

// ---------------------------------------------------------------------------------------------------
// Full-time loads (they change: configuration and each request's input give them)

/** The periods of one full-time load. */
export const fullLoadSchema = z
  .number(fieldRule('FULL_LOAD_FORMAT'))
  .int('A full-time load is a whole number of periods.')
  .positive('A full-time load is above 0 periods.');

/** A full load for every education level. */
export const fullLoadsSchema = z.record(educationLevelSchema, fullLoadSchema, {
  ...fieldRule('FULL_LOADS_INCOMPLETE'),
});

/** Full loads of some levels, overriding the others' (e.g. the domain's defaults). */
export const fullLoadOverridesSchema = z.partialRecord(educationLevelSchema, fullLoadSchema);

/** The leave screen: the form must be one of the leave's, the leave open in the community (null: own company). */
export const leaveChoiceSchema = z
  .object({ community: communitySchema.nullable(), leave: leaveCodeSchema, form: leaveFormSchema })
  .superRefine(({ community, leave, form }, ctx) => reportDomainErrors(ctx, leaveChoiceErrors(leave, form, community)));

// ---------------------------------------------------------------------------------------------------
// The characteristics screen

/** The fields of the characteristics screen, before any rule across them. */
export const characteristicsFields = z.object({
  level: educationLevelSchema,
  before: periodsSchema,
  during: periodsSchema,
  start: isoDateSchema,
  end: isoDateSchema,
  multipleEmployers: z.boolean(fieldRule('MULTIPLE_EMPLOYERS_ANSWER_REQUIRED')),
  interruptsAllEmployers: z.boolean(fieldRule('ALL_EMPLOYERS_ANSWER_FORMAT')).optional(),
});

export interface CharacteristicsSchemaOptions {
  /** Full-time loads from configuration; the French Community defaults otherwise. */
  readonly fullLoads?: FullLoads;
  /** When the leave is known, the period's length is checked against its limits too. */
  readonly leave?: { readonly code: LeaveCode; readonly form: LeaveForm };
}

/**
 * Fields, then cross-field rules (`0 ≤ during < before ≤ full load`, end after start, the several-employers
 * answer, the leave's period limits), then the derived answers: givenUp, fullLoad, occupationDeclarationRequired.
 * Warnings (fraction mismatch, late introduction) are not refusals: see assessRequest.
 */
export function makeCharacteristicsSchema(options: CharacteristicsSchemaOptions = {}) {
  const fullLoads = options.fullLoads ?? DEFAULT_FULL_LOADS;
  return characteristicsFields
    .superRefine((value, ctx) => {
      const errors = characteristicsErrors(value, fullLoads);
      if (errors.length === 0 && options.leave) {
        errors.push(...periodLimitErrors(options.leave.code, options.leave.form, value.start, value.end));
      }
      reportDomainErrors(ctx, errors);
    })
    .transform((value) => deriveCharacteristics(value, fullLoads));
}

export const characteristicsSchema = makeCharacteristicsSchema();

export type CharacteristicsAnswers = z.input<typeof characteristicsSchema>;
