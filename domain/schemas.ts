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
function parsedString<T>(parse: (input: string) => T, what: string) {
  return z.string({ error: `${what} must be given as text.` }).transform(parsedBy(parse));
}

/** The DomainError code an issue carries, if it came from a domain rule. */
export function domainCodeOf(issue: z.core.$ZodIssue): DomainErrorCode | undefined {
  if (issue.code !== 'custom') return undefined;
  const code: unknown = issue.params?.code;
  return typeof code === 'string' ? (code as DomainErrorCode) : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Identifiers and dates

export const nissSchema = parsedString(parseNiss, 'A NISS');
export const enterpriseNumberSchema = parsedString(parseEnterpriseNumber, 'An enterprise number');
export const establishmentUnitNumberSchema = parsedString(parseEstablishmentUnitNumber, 'An establishment-unit number');
/** Enterprise number or establishment-unit number. */
export const schoolNumberSchema = parsedString(parseSchoolNumber, "A school's number");
export const isoDateSchema = parsedString((value) => parseIsoDate(value), 'A date');

/**
 * Optional e-mail: absent or blank means none; otherwise it must look like name@domain.tld (EMAIL_FORMAT).
 * The rule is the domain's (`emailAddressError`), never `z.regexes.email`: this schema also runs in the
 * Temporal workflow bundle, where webpack resolved `z.regexes.email` to `z.email` — the schema factory
 * function, not the RegExp — so `.test` was no function there.
 */
export const emailSchema = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  z
    .string({ error: 'The e-mail address must be given as text.' })
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
export function freeTextSchema(what: string) {
  return z
    .string({ error: `${what} must be given as text.` })
    .superRefine((value, ctx) => reportDomainErrors(ctx, freeTextErrors(value)))
    .trim();
}

/** A whole number of periods, as a number or digits; "19:30", "19h" and 19.5 are refused. */
export const periodsSchema = z
  .union([z.number(), z.string()], { error: 'A workload is a whole number of periods.' })
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
  .number({ error: 'A full-time load is a number of periods.' })
  .int('A full-time load is a whole number of periods.')
  .positive('A full-time load is above 0 periods.');

/** A full load for every education level. */
export const fullLoadsSchema = z.record(educationLevelSchema, fullLoadSchema, {
  error: 'The full-time loads give the periods of a full load for every education level.',
});

/** Full loads of some levels, overriding the others' (e.g. the domain's defaults). */
export const fullLoadOverridesSchema = z.partialRecord(educationLevelSchema, fullLoadSchema);

/** The leave screen: the form must be one of the leave's, the leave open in the community (null: own company). */
export const leaveChoiceSchema = z
  .object({ community: communitySchema.nullable(), leave: leaveCodeSchema, form: leaveFormSchema })
  .superRefine(({ community, leave, form }, ctx) => reportDomainErrors(ctx, leaveChoiceErrors(leave, form, community)));

// ---------------------------------------------------------------------------------------------------
// The characteristics screen

const characteristicsFields = z.object({
  level: educationLevelSchema,
  before: periodsSchema,
  during: periodsSchema,
  start: isoDateSchema,
  end: isoDateSchema,
  multipleEmployers: z.boolean({ error: 'Say whether the worker is occupied by several employers (true or false).' }),
  interruptsAllEmployers: z.boolean({ error: 'Say whether the interruption is with all employers (true or false).' }).optional(),
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
