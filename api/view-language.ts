/**
 * A journey's view in the caller's language, written at response time so that what the journey keeps
 * (its context, its history, the commands it issues) stays as it is: the screen error and the warnings
 * from the error catalogue, the names of the choices offered from its terms, and the reasons the service
 * itself gives for a status change. Codes never change; only texts are rewritten.
 */
import { completeErrorText, fillTemplate, isErrorCode, isWarningCode, TERMS, warningText, type Language, type Texts } from '../domain/error-catalogue';

type Values = Readonly<Record<string, unknown>>;

interface ViewLike {
  context: Record<string, unknown>;
}

export function isView(value: unknown): value is ViewLike {
  return typeof value === 'object' && value !== null && typeof (value as ViewLike).context === 'object' && (value as ViewLike).context !== null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Text that still holds a `{name}` placeholder lacked a value: the message it came with is better. */
const complete = (text: string): string | undefined => (/\{\w+\}/.test(text) ? undefined : text);

/**
 * The reasons a journey writes itself when a request's status changes (`statusReason`), by a stable
 * code. The journey records them in English, as it always has (its histories replay unchanged); a
 * reason typed by a person (a withdrawal, an operator's decision) is not one of these and stays as typed.
 */
export const STATUS_REASONS: Readonly<Record<string, { written: string | RegExp; text: Texts }>> = {
  WORKER_SELECTED: {
    written: 'Worker selected by the employer.',
    text: { fr: 'Travailleur sélectionné par l’employeur.', nl: 'Werknemer geselecteerd door de werkgever.', de: 'Arbeitnehmer vom Arbeitgeber ausgewählt.' },
  },
  CONFIRMED: {
    written: 'Confirmed by the employer: all information is correct.',
    text: {
      fr: 'Confirmée par l’employeur : toutes les informations sont correctes.',
      nl: 'Bevestigd door de werkgever: alle gegevens zijn juist.',
      de: 'Vom Arbeitgeber bestätigt: alle Angaben sind richtig.',
    },
  },
  CONFIRMED_AGAIN: {
    written: 'Confirmed again by the employer after correction.',
    text: {
      fr: 'Confirmée à nouveau par l’employeur après correction.',
      nl: 'Opnieuw bevestigd door de werkgever na correctie.',
      de: 'Nach der Korrektur vom Arbeitgeber erneut bestätigt.',
    },
  },
  WORKER_NOTIFIED: {
    written: 'The worker was notified to complete their part.',
    text: {
      fr: 'Le travailleur a été averti qu’il doit compléter sa partie.',
      nl: 'De werknemer werd verwittigd dat hij zijn deel moet invullen.',
      de: 'Der Arbeitnehmer wurde benachrichtigt, dass er seinen Teil ausfüllen muss.',
    },
  },
  WORKER_NOT_NOTIFIED_NO_EMAIL: {
    written: 'The worker could not be notified (no e-mail address); they complete their part in Break@Work.',
    text: {
      fr: 'Le travailleur n’a pas pu être averti (pas d’adresse e-mail) ; il complète sa partie dans Break@Work.',
      nl: 'De werknemer kon niet verwittigd worden (geen e-mailadres); hij vult zijn deel in Break@Work in.',
      de: 'Der Arbeitnehmer konnte nicht benachrichtigt werden (keine E-Mail-Adresse); er füllt seinen Teil in Break@Work aus.',
    },
  },
  // The cause is the notification service's own message, shown as it came.
  WORKER_NOT_NOTIFIED: {
    written: /^The worker could not be notified \((?<cause>.*)\); they complete their part in Break@Work\.$/s,
    text: {
      fr: 'Le travailleur n’a pas pu être averti ({cause}) ; il complète sa partie dans Break@Work.',
      nl: 'De werknemer kon niet verwittigd worden ({cause}); hij vult zijn deel in Break@Work in.',
      de: 'Der Arbeitnehmer konnte nicht benachrichtigt werden ({cause}); er füllt seinen Teil in Break@Work aus.',
    },
  },
  WORKER_COMPLETED: {
    written: 'The worker completed their part.',
    text: { fr: 'Le travailleur a complété sa partie.', nl: 'De werknemer heeft zijn deel ingevuld.', de: 'Der Arbeitnehmer hat seinen Teil ausgefüllt.' },
  },
  DRAFT_EXPIRED: {
    written: 'The draft was left untouched for the configured time (draftExpiry).',
    text: {
      fr: 'Le brouillon est resté sans modification pendant le délai configuré.',
      nl: 'Het ontwerp bleef gedurende de ingestelde termijn ongewijzigd.',
      de: 'Der Entwurf blieb während der eingestellten Frist unverändert.',
    },
  },
  ABANDONED: {
    written: 'Abandoned by the employer before confirmation.',
    text: {
      fr: 'Abandonnée par l’employeur avant la confirmation.',
      nl: 'Stopgezet door de werkgever vóór de bevestiging.',
      de: 'Vom Arbeitgeber vor der Bestätigung aufgegeben.',
    },
  },
};

/** The code of a reason the service wrote, and the values its text needs; none for a person's reason. */
export function statusReasonOf(reason: string): { code: string; values: Values } | undefined {
  for (const [code, { written }] of Object.entries(STATUS_REASONS)) {
    if (typeof written === 'string') {
      if (written === reason) return { code, values: {} };
    } else {
      const match = written.exec(reason);
      if (match) return { code, values: { ...match.groups } };
    }
  }
  return undefined;
}

/** `statusReason` in the language, beside its stable `statusReasonCode` (null for a person's reason). */
function localiseStatusReason(context: Record<string, unknown>, language: Language): Record<string, unknown> {
  if (!('statusReason' in context)) return context;
  const reason = context.statusReason;
  const known = typeof reason === 'string' ? statusReasonOf(reason) : undefined;
  if (!known) return { ...context, statusReasonCode: null };
  const text = fillTemplate(STATUS_REASONS[known.code]!.text[language], known.values, language);
  return { ...context, statusReason: text, statusReasonCode: known.code };
}

/** `context.error` (`{ code, message, details? }`) in the language, when its details fill the text. */
function localiseError(context: Record<string, unknown>, language: Language): Record<string, unknown> {
  const error = context.error as { code?: unknown; details?: unknown } | null | undefined;
  if (!error || !isErrorCode(error.code)) return context;
  const message = completeErrorText(error.code, isRecord(error.details) ? error.details : undefined, language);
  return message === undefined ? context : { ...context, error: { ...error, message } };
}

/** Each of `context.warnings` (`{ code, message, details? }`) in the language, from the catalogue. */
function localiseWarnings(context: Record<string, unknown>, language: Language): Record<string, unknown> {
  if (!Array.isArray(context.warnings)) return context;
  const warnings = context.warnings.map((warning: unknown) => {
    if (!isRecord(warning) || !isWarningCode(warning.code)) return warning;
    const message = complete(warningText(warning.code, isRecord(warning.details) ? warning.details : undefined, language));
    return message === undefined ? warning : { ...warning, message };
  });
  return { ...context, warnings };
}

/** Every `{ code, label }` offered as a choice, named in the language (forms inside leaves too). */
function localiseChoice(value: unknown, language: Language): unknown {
  if (Array.isArray(value)) return value.map((item) => localiseChoice(item, language));
  if (!isRecord(value)) return value;
  const named = typeof value.code === 'string' && typeof value.label === 'string' && Object.hasOwn(TERMS, value.code) ? { label: TERMS[value.code]![language] } : {};
  const nested = Object.fromEntries(Object.entries(value).filter(([, v]) => Array.isArray(v)).map(([k, v]) => [k, localiseChoice(v, language)]));
  return { ...value, ...nested, ...named };
}

function localiseChoices(context: Record<string, unknown>, language: Language): Record<string, unknown> {
  return isRecord(context.choices) ? { ...context, choices: localiseChoice(context.choices, language) } : context;
}

/** A journey's view in the language; anything that is not a view passes as it is. */
export function localiseView<T>(view: T, language: Language): T {
  if (!isView(view)) return view;
  let context = view.context;
  for (const step of [localiseError, localiseWarnings, localiseChoices, localiseStatusReason]) context = step(context, language);
  return { ...view, context };
}
