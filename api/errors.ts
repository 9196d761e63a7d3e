/**
 * The one error shape of the API: `{ error: { code, message, details } }`, and the mapping of every
 * failure to it. Anything the caller did is a 4xx naming the rule; only our own faults are 500s. The
 * code is stable; the message is the error catalogue's text of that code in the caller's language.
 */
import { ServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { ErrorRequestHandler, Request } from 'express';
import { ZodError, z } from 'zod';
import type { Logger } from '../config/logger';
import { domainCodeOf, issueMessage } from '../domain';
import { completeErrorText, errorStatus, errorText, isErrorCode, type ErrorCode, type Language, type Texts } from '../domain/error-catalogue';
import { EVENT_INVALID, EVENT_NOT_ALLOWED } from '../workflows/messages';
import { languageOf, speak } from './language';
import { isView, localiseView } from './view-language';

export { localiseView } from './view-language';

type Values = Readonly<Record<string, unknown>>;

/** One refused value of a body, query or path: where, what, and the domain rule when one refused it. */
export interface Issue {
  path: string;
  message: string;
  code?: string;
  rule?: string;
}

export class HttpError extends Error {
  readonly status: number;

  /**
   * `details` go to the caller as they are; `values` only fill the text (a phrase in each language, a
   * count). The status is the catalogue's unless given (a refusal that is sometimes ours, sometimes not).
   */
  constructor(
    readonly code: ErrorCode,
    readonly details?: Record<string, unknown>,
    private readonly options: { status?: number; values?: Values; issueValues?: readonly (Values | undefined)[]; rawIssues?: readonly z.core.$ZodIssue[] } = {},
  ) {
    super(errorText(code, { ...options.values, ...details }));
    this.status = options.status ?? errorStatus(code);
  }

  /** The message in a language; each issue of `details.issues` in that language too. */
  render(language: Language): { code: string; message: string; details?: Record<string, unknown> } {
    const issues = Array.isArray(this.details?.issues) ? localisedIssues(this.details.issues as Issue[], this.options.issueValues ?? [], this.options.rawIssues ?? [], language) : undefined;
    const details = this.details && localisedDetails({ ...this.details, ...(issues ? { issues } : {}) }, language);
    const summary = issues ? summaryOf(issues) : undefined;
    const message = errorText(this.code, { ...this.options.values, ...(summary === undefined ? {} : { summary }), ...this.details }, language);
    return { code: this.code, message, ...(details === undefined ? {} : { details }) };
  }
}

/**
 * A refusal by a journey whose code may be one no catalogue entry names (an activity's own): its text is
 * the catalogue's when the code is known and its details fill the text, else the journey's message.
 */
export class JourneyRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly values: Values | undefined,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
  }

  render(language: Language) {
    const message = (isErrorCode(this.code) && completeErrorText(this.code, this.values, language)) || this.message;
    return { code: this.code, message, details: localisedDetails(this.details, language) };
  }
}

const words = (fr: string, nl: string, de: string): Texts => ({ fr, nl, de });

/** Why a bearer token was refused (UNAUTHENTICATED's `{reason}`). */
export const TOKEN_REFUSALS = {
  missing: words('aucun jeton n’a été envoyé', 'er werd geen token verstuurd', 'es wurde kein Token gesendet'),
  expired: words('le jeton a expiré', 'het token is verlopen', 'das Token ist abgelaufen'),
  invalid: words('le jeton n’est pas valide', 'het token is niet geldig', 'das Token ist nicht gültig'),
} as const;

/** EVENT_INVALID's `{summary}` for a type the journey does not know. */
const UNKNOWN_EVENT = words('ce parcours ne connaît pas cet événement', 'dit traject kent deze gebeurtenis niet', 'dieser Ablauf kennt dieses Ereignis nicht');

export const notFound = (resource: 'journey' | 'request' | 'organisation' | 'route' = 'journey') => new HttpError('NOT_FOUND', undefined, { values: { resource } });

/** Each issue of a zod error: its path, message, zod code and domain rule; the rule's details fill its text. */
export function issuesOf(error: ZodError | z.core.$ZodIssue[], prefix?: string): { issues: Issue[]; issueValues: (Values | undefined)[] } {
  const all = error instanceof ZodError ? error.issues : error;
  const issues = all.map((i) => {
    const path = [...(prefix ? [prefix] : []), ...i.path.map(String)].join('.');
    const rule = domainCodeOf(i);
    return { path, message: issueMessage(i), code: i.code, ...(rule ? { rule } : {}) };
  });
  const issueValues = all.map((i) => (i.code === 'custom' && i.params ? (i.params as Values) : domainCodeOf(i) ? {} : undefined));
  return { issues, issueValues };
}

export function fromZod(error: ZodError, where: 'body' | 'query' | 'params' = 'body'): HttpError {
  const { issues, issueValues } = issuesOf(error, where);
  return new HttpError('VALIDATION_FAILED', { issues }, { issueValues, rawIssues: error.issues });
}

/** zod's own messages (wrong type, unknown option, missing field…) in each language, from zod's locales. */
const ZOD_LOCALES: Readonly<Record<Language, (issue: z.core.$ZodRawIssue) => unknown>> = {
  fr: z.locales.fr().localeError,
  nl: z.locales.nl().localeError,
  de: z.locales.de().localeError,
};

/**
 * zod's message of a shape issue in a language. A type issue names the type received, so it needs the
 * input (parsed with `reportInput`); without it the schema's message is kept rather than a wrong one.
 */
function zodMessage(raw: z.core.$ZodIssue | undefined, language: Language): string | undefined {
  if (!raw || raw.code === 'custom') return undefined;
  if (raw.code === 'invalid_type' && !('input' in raw)) return undefined;
  const written = ZOD_LOCALES[language](raw as z.core.$ZodRawIssue);
  if (typeof written === 'string') return written;
  const message = (written as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}

/** An issue refused by a domain rule speaks the catalogue's text; a shape issue zod's locale's. */
function localisedIssues(issues: readonly Issue[], values: readonly (Values | undefined)[], raws: readonly z.core.$ZodIssue[], language: Language): Issue[] {
  return issues.map((issue, i) => {
    const rule = issue.rule;
    const known = values[i];
    if (rule && isErrorCode(rule) && known) return { ...issue, message: errorText(rule, known, language) };
    const message = rule ? undefined : zodMessage(raws[i], language);
    return message === undefined ? issue : { ...issue, message };
  });
}

function summaryOf(issues: readonly Issue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
}

/** A journey shown inside an error (`details.journey`) speaks the language too. */
function localisedDetails(details: Record<string, unknown>, language: Language): Record<string, unknown> {
  return isView(details.journey) ? { ...details, journey: localiseView(details.journey, language) } : details;
}

function fromUpdateFailure(error: WorkflowUpdateFailedError, req: Request): HttpError {
  const cause = error.cause;
  const sent: unknown = (req.body as { type?: unknown } | undefined)?.type;
  const type = typeof sent === 'string' ? sent : '';
  if (cause instanceof ApplicationFailure) {
    const details = (cause.details?.[0] ?? undefined) as Record<string, unknown> | undefined;
    if (cause.type === EVENT_NOT_ALLOWED) return new HttpError(EVENT_NOT_ALLOWED, details, { values: { type } });
    if (cause.type === EVENT_INVALID) {
      // The journey's own refusal: its issues carry their messages already (the same rules, in French).
      const issues = Array.isArray(details?.issues) ? (details.issues as Issue[]) : undefined;
      return new HttpError(EVENT_INVALID, details, { values: { type, summary: issues ? summaryOf(issues) : UNKNOWN_EVENT } });
    }
  }
  return new HttpError('INTERNAL');
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    let http: HttpError | JourneyRefusal;
    if (err instanceof HttpError || err instanceof JourneyRefusal) http = err;
    else if (err instanceof ZodError) http = fromZod(err);
    else if (err instanceof WorkflowUpdateFailedError) http = fromUpdateFailure(err, req);
    else if (err instanceof WorkflowNotFoundError) http = notFound();
    // Temporal or the worker did not answer in time: ours, and worth a retry.
    else if (err instanceof ServiceError || err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) http = new HttpError('SERVICE_UNAVAILABLE');
    else if (isClientHttpError(err)) http = fromClientHttpError(err, req);
    else http = new HttpError('INTERNAL');
    if (http.status >= 500) {
      const fields = { method: req.method, path: req.path, error: err instanceof Error ? err.stack : String(err) };
      // The request's own logger, so the line carries its request id (pino-http's req.log).
      if (req.log) req.log.error(fields, 'request failed');
      else log.error('request failed', fields);
    }
    const language = languageOf(req);
    if (!res.headersSent) speak(res, language);
    res.status(http.status).json({ error: http.render(language) });
  };
}

/** An error carrying a 4xx status: body-parser's (with a `type`), a zlib one it wrapped, the router's. */
interface ClientHttpError {
  status: number;
  message: string;
  type?: unknown;
  expose?: unknown;
  limit?: unknown;
  charset?: unknown;
  encoding?: unknown;
}

function isClientHttpError(err: unknown): err is ClientHttpError {
  if (typeof err !== 'object' || err === null || !('status' in err)) return false;
  return typeof err.status === 'number' && err.status >= 400 && err.status < 500;
}

/** body-parser's failures by type: what the caller sent that could not be read, each with a stable code. */
const bodyFailures: Record<string, (err: ClientHttpError, req: Request) => HttpError> = {
  'entity.parse.failed': () => new HttpError('MALFORMED_BODY'),
  'entity.too.large': (err) => new HttpError('PAYLOAD_TOO_LARGE', undefined, { values: { limit: typeof err.limit === 'number' ? err.limit : 65_536 } }),
  'encoding.unsupported': (_err, req) => new HttpError('UNSUPPORTED_CONTENT_ENCODING', undefined, { values: { encoding: contentEncoding(req) } }),
  'charset.unsupported': (err) => new HttpError('UNSUPPORTED_CHARSET', undefined, { values: { charset: typeof err.charset === 'string' ? err.charset : '?' } }),
  'request.aborted': () => new HttpError('REQUEST_ABORTED'),
  'request.size.invalid': () => new HttpError('CONTENT_LENGTH_MISMATCH'),
};

function fromClientHttpError(err: ClientHttpError, req: Request): HttpError {
  const known = typeof err.type === 'string' && Object.hasOwn(bodyFailures, err.type) ? bodyFailures[err.type] : undefined;
  if (known) return known(err, req);
  // A compressed body that does not decompress: body-parser passes zlib's error on with status 400.
  if (err.status === 400 && err.type === undefined && contentEncoding(req) !== 'identity') {
    return new HttpError('BODY_DECOMPRESSION_FAILED', undefined, { values: { encoding: contentEncoding(req) } });
  }
  if (err instanceof URIError) return new HttpError('MALFORMED_URL');
  return new HttpError('BAD_REQUEST', undefined, { status: err.status });
}

function contentEncoding(req: Request): string {
  const header = req.headers['content-encoding'];
  return typeof header === 'string' && header.trim() !== '' ? header.trim().toLowerCase() : 'identity';
}

