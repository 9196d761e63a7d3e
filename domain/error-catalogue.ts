/**
 * Every error code the service can answer — rules of the domain, refusals of the API, refusals and
 * failures of the journeys — with its HTTP status and its text in French (the reference, the guide's
 * language), Dutch and German. A text is a template: `{name}` is filled from the error's `details`.
 * Codes never change (clients switch on them); texts may.
 */

export const LANGUAGES = ['fr', 'nl', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fr';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Text in each language; the French one is the reference the others translate. */
export type Texts = Readonly<Record<Language, string>>;

/** Rules of the domain (`DomainError`): refused input, 422 when a caller sends it. */
export const DOMAIN_ERROR_CODES = [
  // national number (NISS / INSZ / ENSS)
  'NISS_FORMAT',
  'NISS_LENGTH',
  'NISS_CHECK_DIGITS',
  'NISS_DATE',
  'NISS_COUNTER',
  // enterprise number (BCE / KBO / ZDU)
  'ENTERPRISE_FORMAT',
  'ENTERPRISE_LENGTH',
  'ENTERPRISE_FIRST_DIGIT',
  'ENTERPRISE_CHECK_DIGITS',
  // establishment-unit number
  'ESTABLISHMENT_UNIT_FORMAT',
  'ESTABLISHMENT_UNIT_LENGTH',
  'ESTABLISHMENT_UNIT_FIRST_DIGIT',
  'ESTABLISHMENT_UNIT_CHECK_DIGITS',
  // a school's number: enterprise or establishment unit
  'SCHOOL_NUMBER_FORMAT',
  'SCHOOL_NUMBER_LENGTH',
  'SCHOOL_NUMBER_FIRST_DIGIT',
  // workload, in periods
  'WORKLOAD_FORMAT',
  'WORKLOAD_IN_HOURS',
  'WORKLOAD_NOT_WHOLE',
  'WORKLOAD_NEGATIVE',
  'WORKLOAD_ORDER',
  'WORKLOAD_ABOVE_FULL_LOAD',
  'FULL_LOAD_INVALID',
  // dates and periods
  'DATE_FORMAT',
  'DATE_INVALID',
  'DATES_ORDER',
  'PERIOD_TOO_SHORT',
  'PERIOD_TOO_LONG',
  'PERIOD_BLOCK',
  'PERIOD_ABOVE_TOTAL_MAXIMUM',
  // leave choice and worker
  'LEAVE_NOT_OPEN_IN_COMMUNITY',
  'LEAVE_FORM_NOT_ALLOWED',
  'WORKER_TOO_YOUNG',
  'INTERRUPTED_EMPLOYERS_MISSING',
  'EMAIL_FORMAT',
  // the worker's other requests (every PO): overlaps and the maxima they use up
  'REQUEST_PERIOD_OVERLAP',
  'CAREER_MAXIMUM_EXCEEDED',
  'LEAVE_MAXIMUM_EXCEEDED',
  // free text typed by people (reasons, names, searches)
  'TEXT_CONTROL_CHARACTERS',
  'TEXT_INVALID_UNICODE',
  // lifecycle
  'TRANSITION_NOT_ALLOWED',
] as const;

/** Refusals and failures of the HTTP API itself (api/). */
export const API_ERROR_CODES = [
  'NOT_FOUND',
  'VALIDATION_FAILED',
  'EVENT_INVALID',
  'EVENT_NOT_ALLOWED',
  'EVENT_NOT_FOR_CALLER',
  'JOURNEY_ENDED',
  'UNKNOWN_MACHINE',
  'UNKNOWN_PERSON',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CODEC_NAMESPACE_UNKNOWN',
  'PAYLOAD_NOT_DECRYPTABLE',
  'ACTING_CONTEXT_REQUIRED',
  'PERMISSION_REVOKED',
  'IDEMPOTENCY_KEY_FORMAT',
  'IDEMPOTENCY_KEY_REUSED',
  'RATE_LIMITED',
  'MALFORMED_BODY',
  'MALFORMED_URL',
  'BAD_REQUEST',
  'REQUEST_ABORTED',
  'CONTENT_LENGTH_MISMATCH',
  'BODY_DECOMPRESSION_FAILED',
  'BODY_NESTING_TOO_DEEP',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_CONTENT_ENCODING',
  'UNSUPPORTED_CHARSET',
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
] as const;

/**
 * What a journey shows in `context.error` (a refused event, a failed check or activity) and what it
 * waits on an operator for (its attention code). The API answers them 422, an outage 503.
 */
export const JOURNEY_ERROR_CODES = [
  // organisations (both sign-ins)
  'UNKNOWN_ORGANISATION',
  // access management
  'UNKNOWN_GROUP',
  'UNKNOWN_MEMBER',
  'NOT_ACCESS_MANAGER',
  'DUPLICATE_MEMBER',
  // request: worker selection and the worker check
  'SELECTION_INCOMPLETE',
  'SELECTION_NOT_FOR_MODE',
  'NOT_OWN_STAFF',
  'UNKNOWN_SCHOOL',
  'SCHOOL_OF_ANOTHER_PO',
  'SCHOOL_IN_OTHER_COMMUNITY',
  'UNKNOWN_WORKER',
  'WORKER_NOT_REGISTERED_IN_COMMUNITY',
  'WORKER_NOT_OCCUPIED_IN_SCHOOL',
  // request: answers and confirmation
  'EDUCATION_LEVEL_MISSING',
  'DRAFT_INCOMPLETE',
  // the worker's part
  'WORKER_PART_NOT_AWAITED',
  // the record of a request, and actors in general
  'RECORD_BLOCKED',
  'ACTIVITY_FAILED',
  'CANCELLED',
] as const;

/**
 * Shape rules of single fields that zod checks itself (a value of the wrong type, a box that must be
 * ticked, a value outside a short list): the schema names its rule by code (`fieldRule(code)` in
 * `domain/schemas.ts`), so the refusal speaks the caller's language like any other rule. 422.
 */
export const FIELD_RULE_CODES = [
  'TEXT_EXPECTED',
  'EVENT_TYPE_NOT_TEXT',
  'REQUEST_REFERENCE_FORMAT',
  'FULL_LOAD_FORMAT',
  'FULL_LOADS_INCOMPLETE',
  'MULTIPLE_EMPLOYERS_ANSWER_REQUIRED',
  'ALL_EMPLOYERS_ANSWER_FORMAT',
  'ALL_CORRECT_REQUIRED',
  'DECISION_INVALID',
  'SEND_BACK_TARGET_INVALID',
  'PERMISSIONS_NOT_LIST',
  'PAGE_NUMBER',
  'PAGE_SIZE',
  'PAGE_CURSOR',
  'PAGE_CURSOR_FOREIGN',
  'PAGE_BY_CURSOR',
  'SEARCH_DATE_FORMAT',
  'TICKET_FORMAT',
  'REASON_REQUIRED',
  'REASON_TOO_LONG',
] as const;

export const ERROR_CODES = [...DOMAIN_ERROR_CODES, ...FIELD_RULE_CODES, ...API_ERROR_CODES, ...JOURNEY_ERROR_CODES] as const;

export type FieldRuleCode = (typeof FIELD_RULE_CODES)[number];

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorEntry {
  /** The HTTP status the API answers with this code. */
  readonly status: number;
  readonly text: Texts;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CATALOGUE, value);
}

// Official names: NISS = INSZ (nl) = ENSS (de); numéro BCE = KBO-nummer = ZDU-Nummer; pouvoir organisateur
// = inrichtende macht = Organisationsträger; a teaching period = lestijd = Unterrichtsstunde (Periode).
export const ERROR_CATALOGUE: Readonly<Record<ErrorCode, ErrorEntry>> = {
  // shape rules of single fields (FIELD_RULE_CODES)
  TEXT_EXPECTED: {
    status: 422,
    text: {
      fr: 'Cette valeur doit être donnée sous forme de texte.',
      nl: 'Deze waarde moet als tekst worden opgegeven.',
      de: 'Dieser Wert muss als Text angegeben werden.',
    },
  },
  EVENT_TYPE_NOT_TEXT: {
    status: 422,
    text: {
      fr: 'Le type de l’événement doit être donné sous forme de texte, par exemple « SELECT_WORKER ».',
      nl: 'Het type van de gebeurtenis moet als tekst worden opgegeven, bijvoorbeeld "SELECT_WORKER".',
      de: 'Der Typ des Ereignisses muss als Text angegeben werden, zum Beispiel „SELECT_WORKER“.',
    },
  },
  REQUEST_REFERENCE_FORMAT: {
    status: 422,
    text: {
      fr: 'Une demande se désigne par son identifiant de parcours (request-…) ou par son numéro de ticket (BAW-2026-000123).',
      nl: 'Een aanvraag wordt aangeduid met haar trajectidentificatie (request-…) of haar ticketnummer (BAW-2026-000123).',
      de: 'Ein Antrag wird durch seine Ablaufkennung (request-…) oder seine Ticketnummer (BAW-2026-000123) bezeichnet.',
    },
  },
  FULL_LOAD_FORMAT: {
    status: 422,
    text: {
      fr: 'Une charge complète est un nombre de périodes.',
      nl: 'Een volledige opdracht is een aantal lestijden.',
      de: 'Ein volles Pensum ist eine Anzahl von Perioden.',
    },
  },
  FULL_LOADS_INCOMPLETE: {
    status: 422,
    text: {
      fr: 'Les charges complètes donnent le nombre de périodes d’une charge complète pour chaque niveau d’enseignement.',
      nl: 'De volledige opdrachten geven het aantal lestijden van een volledige opdracht voor elk onderwijsniveau.',
      de: 'Die vollen Pensen geben für jede Unterrichtsstufe die Zahl der Perioden eines vollen Pensums an.',
    },
  },
  MULTIPLE_EMPLOYERS_ANSWER_REQUIRED: {
    status: 422,
    text: {
      fr: 'Indiquez si le travailleur est occupé chez plusieurs employeurs (« occupation chez plusieurs employeurs » : oui ou non).',
      nl: 'Geef aan of de werknemer bij meerdere werkgevers tewerkgesteld is ("tewerkstelling bij meerdere werkgevers": ja of nee).',
      de: 'Geben Sie an, ob der Arbeitnehmer bei mehreren Arbeitgebern beschäftigt ist („Beschäftigung bei mehreren Arbeitgebern“: ja oder nein).',
    },
  },
  ALL_EMPLOYERS_ANSWER_FORMAT: {
    status: 422,
    text: {
      fr: 'Indiquez si l’interruption concerne tous les employeurs (oui ou non).',
      nl: 'Geef aan of de onderbreking alle werkgevers betreft (ja of nee).',
      de: 'Geben Sie an, ob die Unterbrechung alle Arbeitgeber betrifft (ja oder nein).',
    },
  },
  ALL_CORRECT_REQUIRED: {
    status: 422,
    text: {
      fr: 'Cochez la dernière case (« Toutes les informations sont correctes ») pour confirmer la demande.',
      nl: 'Vink het laatste vakje aan ("Alle gegevens zijn correct") om de aanvraag te bevestigen.',
      de: 'Kreuzen Sie das letzte Kästchen an („Alle Angaben sind korrekt“), um den Antrag zu bestätigen.',
    },
  },
  DECISION_INVALID: {
    status: 422,
    text: {
      fr: 'La décision est « accepted » (acceptée) ou « refused » (refusée).',
      nl: 'De beslissing is "accepted" (aanvaard) of "refused" (geweigerd).',
      de: 'Die Entscheidung ist „accepted“ (angenommen) oder „refused“ (abgelehnt).',
    },
  },
  SEND_BACK_TARGET_INVALID: {
    status: 422,
    text: {
      fr: 'Une demande est renvoyée pour correction à l’employeur (« employer ») ou au travailleur (« worker »).',
      nl: 'Een aanvraag wordt ter verbetering teruggestuurd naar de werkgever ("employer") of de werknemer ("worker").',
      de: 'Ein Antrag wird zur Berichtigung an den Arbeitgeber („employer“) oder an den Arbeitnehmer („worker“) zurückgeschickt.',
    },
  },
  PERMISSIONS_NOT_LIST: {
    status: 422,
    text: {
      fr: 'Les autorisations se donnent sous forme de liste.',
      nl: 'De machtigingen worden als lijst opgegeven.',
      de: 'Die Berechtigungen werden als Liste angegeben.',
    },
  },
  PAGE_NUMBER: {
    status: 422,
    text: {
      fr: 'Le numéro de page est un nombre entier à partir de 1.',
      nl: 'Het paginanummer is een geheel getal vanaf 1.',
      de: 'Die Seitennummer ist eine ganze Zahl ab 1.',
    },
  },
  PAGE_SIZE: {
    status: 422,
    text: {
      fr: 'Une page compte de 1 à 100 éléments (un nombre entier).',
      nl: 'Een pagina telt 1 tot 100 elementen (een geheel getal).',
      de: 'Eine Seite umfasst 1 bis 100 Einträge (eine ganze Zahl).',
    },
  },
  PAGE_CURSOR: {
    status: 422,
    text: {
      fr: 'Le curseur de page n’est pas valide : reprenez tel quel le nextCursor ou le previousCursor d’une réponse de cette liste.',
      nl: 'De paginacursor is niet geldig: neem de nextCursor of previousCursor van een antwoord van deze lijst ongewijzigd over.',
      de: 'Der Seitencursor ist nicht gültig: Übernehmen Sie nextCursor oder previousCursor einer Antwort dieser Liste unverändert.',
    },
  },
  PAGE_CURSOR_FOREIGN: {
    status: 422,
    text: {
      fr: 'Ce curseur de page appartient à une autre liste (d’autres filtres ou un autre contexte) : recommencez à la première page, sans curseur.',
      nl: 'Deze paginacursor hoort bij een andere lijst (andere filters of een andere context): begin opnieuw bij de eerste pagina, zonder cursor.',
      de: 'Dieser Seitencursor gehört zu einer anderen Liste (andere Filter oder ein anderer Kontext): Beginnen Sie erneut mit der ersten Seite, ohne Cursor.',
    },
  },
  PAGE_BY_CURSOR: {
    status: 422,
    text: {
      fr: 'Cette liste ne se parcourt pas par numéro de page : suivez le curseur nextCursor de la réponse.',
      nl: 'Deze lijst wordt niet per paginanummer doorlopen: volg de cursor nextCursor van het antwoord.',
      de: 'Diese Liste wird nicht nach Seitennummer durchlaufen: Folgen Sie dem Cursor nextCursor der Antwort.',
    },
  },
  SEARCH_DATE_FORMAT: {
    status: 422,
    text: {
      fr: 'Une date de recherche s’écrit AAAA-MM-JJ (p. ex. 2026-01-31) ou comme un instant ISO 8601 avec son fuseau (p. ex. 2026-01-31T12:00:00+01:00).',
      nl: 'Een zoekdatum wordt geschreven als JJJJ-MM-DD (bv. 2026-01-31) of als ISO 8601-tijdstip met tijdzone (bv. 2026-01-31T12:00:00+01:00).',
      de: 'Ein Suchdatum wird JJJJ-MM-TT geschrieben (z. B. 2026-01-31) oder als ISO-8601-Zeitpunkt mit Zeitzone (z. B. 2026-01-31T12:00:00+01:00).',
    },
  },
  TICKET_FORMAT: {
    status: 422,
    text: {
      fr: 'Un numéro de ticket s’écrit comme BAW-2026-000123.',
      nl: 'Een ticketnummer wordt geschreven als BAW-2026-000123.',
      de: 'Eine Ticketnummer wird wie BAW-2026-000123 geschrieben.',
    },
  },
  REASON_REQUIRED: {
    status: 422,
    text: {
      fr: 'Indiquez la raison : chaque changement de statut garde la trace de son motif.',
      nl: 'Geef de reden op: bij elke statuswijziging wordt de reden bewaard.',
      de: 'Geben Sie den Grund an: Bei jeder Statusänderung wird der Grund festgehalten.',
    },
  },
  REASON_TOO_LONG: {
    status: 422,
    text: {
      fr: 'La raison compte au plus 1000 caractères.',
      nl: 'De reden telt ten hoogste 1000 tekens.',
      de: 'Der Grund umfasst höchstens 1000 Zeichen.',
    },
  },
  // ------------------------------------------------------------------------------------------------
  // National number
  NISS_FORMAT: {
    status: 422,
    text: {
      fr: 'Le NISS ne peut contenir que des chiffres et les séparateurs « . », « - » et espace.',
      nl: 'Het INSZ mag alleen cijfers en de scheidingstekens ".", "-" en spatie bevatten.',
      de: 'Die ENSS darf nur Ziffern und die Trennzeichen „.“, „-“ und Leerzeichen enthalten.',
    },
  },
  NISS_LENGTH: {
    status: 422,
    text: {
      fr: 'Un NISS compte {expected} chiffres ; {length} donné(s).',
      nl: 'Een INSZ telt {expected} cijfers; {length} opgegeven.',
      de: 'Eine ENSS hat {expected} Ziffern; {length} angegeben.',
    },
  },
  NISS_CHECK_DIGITS: {
    status: 422,
    text: {
      fr:
        'Les chiffres de contrôle {actual} du NISS ne correspondent pas à 97 − (les 9 premiers chiffres modulo 97) : ' +
        '{expectedBefore2000} attendu pour une naissance avant 2000, {expectedFrom2000} pour une naissance à partir de 2000.',
      nl:
        'De controlecijfers {actual} van het INSZ komen niet overeen met 97 − (de eerste 9 cijfers modulo 97): ' +
        '{expectedBefore2000} verwacht bij een geboorte vóór 2000, {expectedFrom2000} bij een geboorte vanaf 2000.',
      de:
        'Die Prüfziffern {actual} der ENSS entsprechen nicht 97 − (die ersten 9 Ziffern modulo 97): ' +
        '{expectedBefore2000} erwartet bei Geburt vor 2000, {expectedFrom2000} bei Geburt ab 2000.',
    },
  },
  NISS_DATE: {
    status: 422,
    text: {
      fr:
        'La date de naissance du NISS n’existe pas : le mois va de 00 à 12 (20 à 32 ou 40 à 52 pour un numéro BIS) ' +
        'et le jour existe dans ce mois, ou vaut 00 s’il est inconnu.',
      nl:
        'De geboortedatum in het INSZ bestaat niet: de maand loopt van 00 tot 12 (20 tot 32 of 40 tot 52 voor een bisnummer) ' +
        'en de dag bestaat in die maand, of is 00 als hij onbekend is.',
      de:
        'Das Geburtsdatum der ENSS existiert nicht: der Monat liegt zwischen 00 und 12 (20 bis 32 oder 40 bis 52 für eine BIS-Nummer) ' +
        'und der Tag existiert in diesem Monat oder ist 00, wenn er unbekannt ist.',
    },
  },
  NISS_COUNTER: {
    status: 422,
    text: {
      fr: 'Le numéro d’ordre {counter} du NISS doit être compris entre 001 et 998.',
      nl: 'Het volgnummer {counter} van het INSZ moet tussen 001 en 998 liggen.',
      de: 'Die laufende Nummer {counter} der ENSS muss zwischen 001 und 998 liegen.',
    },
  },

  // ------------------------------------------------------------------------------------------------
  // Enterprise, establishment-unit and school numbers
  ENTERPRISE_FORMAT: {
    status: 422,
    text: {
      fr: 'Le numéro BCE ne peut contenir que des chiffres et les séparateurs « . », « - » et espace.',
      nl: 'Het KBO-nummer mag alleen cijfers en de scheidingstekens ".", "-" en spatie bevatten.',
      de: 'Die ZDU-Nummer darf nur Ziffern und die Trennzeichen „.“, „-“ und Leerzeichen enthalten.',
    },
  },
  ENTERPRISE_LENGTH: {
    status: 422,
    text: {
      fr: 'Un numéro BCE compte 10 chiffres (ou 9 pour un ancien numéro) ; {length} donné(s).',
      nl: 'Een KBO-nummer telt 10 cijfers (of 9 voor een oud nummer); {length} opgegeven.',
      de: 'Eine ZDU-Nummer hat 10 Ziffern (oder 9 bei einer alten Nummer); {length} angegeben.',
    },
  },
  ENTERPRISE_FIRST_DIGIT: {
    status: 422,
    text: {
      fr: 'Un numéro BCE commence par 0 ou 1 ; celui-ci commence par {firstDigit}.',
      nl: 'Een KBO-nummer begint met 0 of 1; dit begint met {firstDigit}.',
      de: 'Eine ZDU-Nummer beginnt mit 0 oder 1; diese beginnt mit {firstDigit}.',
    },
  },
  ENTERPRISE_CHECK_DIGITS: {
    status: 422,
    text: {
      fr: 'Les chiffres de contrôle {actual} du numéro BCE ne correspondent pas à 97 − (les 8 premiers chiffres modulo 97) = {expected}.',
      nl: 'De controlecijfers {actual} van het KBO-nummer komen niet overeen met 97 − (de eerste 8 cijfers modulo 97) = {expected}.',
      de: 'Die Prüfziffern {actual} der ZDU-Nummer entsprechen nicht 97 − (die ersten 8 Ziffern modulo 97) = {expected}.',
    },
  },
  ESTABLISHMENT_UNIT_FORMAT: {
    status: 422,
    text: {
      fr: 'Le numéro d’unité d’établissement ne peut contenir que des chiffres et les séparateurs « . », « - » et espace.',
      nl: 'Het vestigingseenheidsnummer mag alleen cijfers en de scheidingstekens ".", "-" en spatie bevatten.',
      de: 'Die Nummer der Niederlassungseinheit darf nur Ziffern und die Trennzeichen „.“, „-“ und Leerzeichen enthalten.',
    },
  },
  ESTABLISHMENT_UNIT_LENGTH: {
    status: 422,
    text: {
      fr: 'Un numéro d’unité d’établissement compte 10 chiffres ; {length} donné(s).',
      nl: 'Een vestigingseenheidsnummer telt 10 cijfers; {length} opgegeven.',
      de: 'Eine Nummer der Niederlassungseinheit hat 10 Ziffern; {length} angegeben.',
    },
  },
  ESTABLISHMENT_UNIT_FIRST_DIGIT: {
    status: 422,
    text: {
      fr: 'Un numéro d’unité d’établissement commence par un chiffre de 2 à 8 ; celui-ci commence par {firstDigit}.',
      nl: 'Een vestigingseenheidsnummer begint met een cijfer van 2 tot 8; dit begint met {firstDigit}.',
      de: 'Eine Nummer der Niederlassungseinheit beginnt mit einer Ziffer von 2 bis 8; diese beginnt mit {firstDigit}.',
    },
  },
  ESTABLISHMENT_UNIT_CHECK_DIGITS: {
    status: 422,
    text: {
      fr: 'Les chiffres de contrôle {actual} du numéro d’unité d’établissement ne correspondent pas à 97 − (les 8 premiers chiffres modulo 97) = {expected}.',
      nl: 'De controlecijfers {actual} van het vestigingseenheidsnummer komen niet overeen met 97 − (de eerste 8 cijfers modulo 97) = {expected}.',
      de: 'Die Prüfziffern {actual} der Nummer der Niederlassungseinheit entsprechen nicht 97 − (die ersten 8 Ziffern modulo 97) = {expected}.',
    },
  },
  SCHOOL_NUMBER_FORMAT: {
    status: 422,
    text: {
      fr: 'Le numéro de l’école ne peut contenir que des chiffres et les séparateurs « . », « - » et espace.',
      nl: 'Het nummer van de school mag alleen cijfers en de scheidingstekens ".", "-" en spatie bevatten.',
      de: 'Die Nummer der Schule darf nur Ziffern und die Trennzeichen „.“, „-“ und Leerzeichen enthalten.',
    },
  },
  SCHOOL_NUMBER_LENGTH: {
    status: 422,
    text: {
      fr: 'Le numéro d’une école (numéro BCE ou d’unité d’établissement) compte 10 chiffres ; {length} donné(s).',
      nl: 'Het nummer van een school (KBO-nummer of vestigingseenheidsnummer) telt 10 cijfers; {length} opgegeven.',
      de: 'Die Nummer einer Schule (ZDU-Nummer oder Nummer der Niederlassungseinheit) hat 10 Ziffern; {length} angegeben.',
    },
  },
  SCHOOL_NUMBER_FIRST_DIGIT: {
    status: 422,
    text: {
      fr: 'Le numéro d’une école commence par 0 ou 1 (numéro BCE) ou par un chiffre de 2 à 8 (unité d’établissement) ; celui-ci commence par {firstDigit}.',
      nl: 'Het nummer van een school begint met 0 of 1 (KBO-nummer) of met een cijfer van 2 tot 8 (vestigingseenheid); dit begint met {firstDigit}.',
      de: 'Die Nummer einer Schule beginnt mit 0 oder 1 (ZDU-Nummer) oder mit einer Ziffer von 2 bis 8 (Niederlassungseinheit); diese beginnt mit {firstDigit}.',
    },
  },

  // ------------------------------------------------------------------------------------------------
  // Workload, in periods
  WORKLOAD_FORMAT: {
    status: 422,
    text: {
      fr: 'La charge de travail s’indique en un nombre entier de périodes.',
      nl: 'Het werkvolume wordt uitgedrukt in een geheel aantal lestijden.',
      de: 'Das Arbeitspensum wird als ganze Zahl von Unterrichtsstunden (Perioden) angegeben.',
    },
  },
  WORKLOAD_IN_HOURS: {
    status: 422,
    text: {
      fr: 'La charge de travail s’indique en périodes, sans la convertir en heures ou en minutes (« {value} » ressemble à des heures).',
      nl: 'Het werkvolume wordt in lestijden opgegeven, niet omgerekend naar uren of minuten ("{value}" lijkt op uren).',
      de: 'Das Arbeitspensum wird in Unterrichtsstunden (Perioden) angegeben, nicht in Stunden oder Minuten umgerechnet („{value}“ sieht nach Stunden aus).',
    },
  },
  WORKLOAD_NOT_WHOLE: {
    status: 422,
    text: {
      fr: 'La charge de travail se compte en périodes entières ; {value} n’est pas entier (ne convertissez pas les périodes en heures).',
      nl: 'Het werkvolume wordt in hele lestijden geteld; {value} is geen geheel getal (reken lestijden niet om naar uren).',
      de: 'Das Arbeitspensum wird in ganzen Unterrichtsstunden (Perioden) gezählt; {value} ist keine ganze Zahl (rechnen Sie Perioden nicht in Stunden um).',
    },
  },
  WORKLOAD_NEGATIVE: {
    status: 422,
    text: {
      fr: 'La charge de travail ne peut pas être négative ({value} périodes).',
      nl: 'Het werkvolume kan niet negatief zijn ({value} lestijden).',
      de: 'Das Arbeitspensum kann nicht negativ sein ({value} Perioden).',
    },
  },
  WORKLOAD_ORDER: {
    status: 422,
    text: {
      fr: 'La charge de travail pendant l’interruption ({during}) doit être inférieure à la charge avant l’interruption ({before}).',
      nl: 'Het werkvolume tijdens de onderbreking ({during}) moet lager zijn dan het werkvolume vóór de onderbreking ({before}).',
      de: 'Das Arbeitspensum während der Unterbrechung ({during}) muss niedriger sein als das Arbeitspensum vor der Unterbrechung ({before}).',
    },
  },
  WORKLOAD_ABOVE_FULL_LOAD: {
    status: 422,
    text: {
      fr: 'La charge de travail avant l’interruption ({before} périodes) dépasse la charge complète de {fullLoad} périodes.',
      nl: 'Het werkvolume vóór de onderbreking ({before} lestijden) is groter dan de volledige opdracht van {fullLoad} lestijden.',
      de: 'Das Arbeitspensum vor der Unterbrechung ({before} Perioden) übersteigt das volle Pensum von {fullLoad} Perioden.',
    },
  },
  FULL_LOAD_INVALID: {
    status: 422,
    text: {
      fr: 'La charge complète est un nombre entier de périodes supérieur à 0 (reçu : {value}).',
      nl: 'De volledige opdracht is een geheel aantal lestijden groter dan 0 (ontvangen: {value}).',
      de: 'Das volle Pensum ist eine ganze Zahl von Perioden größer als 0 (erhalten: {value}).',
    },
  },

  // ------------------------------------------------------------------------------------------------
  // Dates and periods
  DATE_FORMAT: {
    status: 422,
    text: {
      fr: 'Une date s’écrit AAAA-MM-JJ (p. ex. 2025-09-01) ; « {value} » ne l’est pas.',
      nl: 'Een datum wordt geschreven als JJJJ-MM-DD (bv. 2025-09-01); "{value}" is dat niet.',
      de: 'Ein Datum wird JJJJ-MM-TT geschrieben (z. B. 2025-09-01); „{value}“ ist es nicht.',
    },
  },
  DATE_INVALID: {
    status: 422,
    text: {
      fr: 'La date {value} n’existe pas dans le calendrier.',
      nl: 'De datum {value} bestaat niet in de kalender.',
      de: 'Das Datum {value} existiert im Kalender nicht.',
    },
  },
  DATES_ORDER: {
    status: 422,
    text: {
      fr: 'La date de fin ({end}) doit suivre la date de début ({start}).',
      nl: 'De einddatum ({end}) moet na de begindatum ({start}) liggen.',
      de: 'Das Enddatum ({end}) muss nach dem Anfangsdatum ({start}) liegen.',
    },
  },
  PERIOD_TOO_SHORT: {
    status: 422,
    text: {
      fr: 'Une période de « {leave} » ({form}) dure au moins {min} mois ; celle-ci dure {duration}.',
      nl: 'Een periode "{leave}" ({form}) duurt minstens {min} maand(en); deze duurt {duration}.',
      de: 'Ein Zeitraum „{leave}“ ({form}) dauert mindestens {min} Monat(e); dieser dauert {duration}.',
    },
  },
  PERIOD_TOO_LONG: {
    status: 422,
    text: {
      fr: 'Une période de « {leave} » ({form}) dure au plus {max} mois ; celle-ci dure {duration}.',
      nl: 'Een periode "{leave}" ({form}) duurt hoogstens {max} maand(en); deze duurt {duration}.',
      de: 'Ein Zeitraum „{leave}“ ({form}) dauert höchstens {max} Monat(e); dieser dauert {duration}.',
    },
  },
  PERIOD_BLOCK: {
    status: 422,
    text: {
      fr: '« {leave} » ({form}) se prend par périodes de {block} mois ou d’un multiple ; celle-ci dure {duration}.',
      nl: '"{leave}" ({form}) wordt genomen per {block} maand(en) of een veelvoud daarvan; deze periode duurt {duration}.',
      de: '„{leave}“ ({form}) wird in Zeiträumen von {block} Monat(en) oder einem Vielfachen davon genommen; dieser dauert {duration}.',
    },
  },
  PERIOD_ABOVE_TOTAL_MAXIMUM: {
    status: 422,
    text: {
      fr: '« {leave} » ({form}) est limité à {total} mois au total ({scope}) ; cette période seule dure {duration}.',
      nl: '"{leave}" ({form}) is beperkt tot {total} maanden in totaal ({scope}); deze periode alleen duurt {duration}.',
      de: '„{leave}“ ({form}) ist auf insgesamt {total} Monate begrenzt ({scope}); dieser Zeitraum allein dauert {duration}.',
    },
  },

  // ------------------------------------------------------------------------------------------------
  // Leave choice, worker, e-mail, free text, lifecycle
  LEAVE_NOT_OPEN_IN_COMMUNITY: {
    status: 422,
    text: {
      fr: '« {leave} » n’est pas ouvert dans l’enseignement de la {community} (ouvert pour : {open}).',
      nl: '"{leave}" staat niet open in het onderwijs van de {community} (open voor: {open}).',
      de: '„{leave}“ steht im Unterrichtswesen der {community} nicht offen (offen für: {open}).',
    },
  },
  LEAVE_FORM_NOT_ALLOWED: {
    status: 422,
    text: {
      fr: '« {leave} » ne peut pas être pris sous la forme « {form} » (formes possibles : {allowed}).',
      nl: '"{leave}" kan niet worden opgenomen in de vorm "{form}" (mogelijke vormen: {allowed}).',
      de: '„{leave}“ kann nicht in der Form „{form}“ genommen werden (mögliche Formen: {allowed}).',
    },
  },
  WORKER_TOO_YOUNG: {
    status: 422,
    text: {
      fr: 'Ce congé est accessible à partir de {minAge} ans ; le travailleur a {age} ans à la date de début.',
      nl: 'Dit verlof kan pas vanaf {minAge} jaar; de werknemer is {age} jaar op de begindatum.',
      de: 'Dieser Urlaub ist erst ab {minAge} Jahren möglich; der Arbeitnehmer ist am Anfangsdatum {age} Jahre alt.',
    },
  },
  INTERRUPTED_EMPLOYERS_MISSING: {
    status: 422,
    text: {
      fr:
        'En cas d’occupation chez plusieurs employeurs, indiquez si l’interruption concerne tous les employeurs ou seulement celui-ci ' +
        '(avec un seul employeur, le travailleur transmet une déclaration d’occupation).',
      nl:
        'Bij tewerkstelling bij meerdere werkgevers: geef aan of de onderbreking alle werkgevers betreft of alleen deze ' +
        '(bij één werkgever bezorgt de werknemer een tewerkstellingsverklaring).',
      de:
        'Bei Beschäftigung bei mehreren Arbeitgebern geben Sie an, ob die Unterbrechung alle Arbeitgeber betrifft oder nur diesen ' +
        '(bei nur einem Arbeitgeber übermittelt der Arbeitnehmer eine Beschäftigungsbescheinigung).',
    },
  },
  EMAIL_FORMAT: {
    status: 422,
    text: {
      fr: 'L’adresse e-mail doit avoir la forme nom@domaine.tld et compter au plus {maxLength} caractères.',
      nl: 'Het e-mailadres moet de vorm naam@domein.tld hebben en mag hoogstens {maxLength} tekens tellen.',
      de: 'Die E-Mail-Adresse muss die Form name@domain.tld haben und darf höchstens {maxLength} Zeichen lang sein.',
    },
  },
  REQUEST_PERIOD_OVERLAP: {
    status: 422,
    text: {
      fr: 'Le travailleur a déjà une demande de « {leave} » pour une période qui chevauche celle du {start} au {end}.',
      nl: 'De werknemer heeft al een aanvraag "{leave}" voor een periode die overlapt met die van {start} tot {end}.',
      de: 'Der Arbeitnehmer hat bereits einen Antrag „{leave}“ für einen Zeitraum, der sich mit dem vom {start} bis {end} überschneidet.',
    },
  },
  CAREER_MAXIMUM_EXCEEDED: {
    status: 422,
    text: {
      fr:
        '« {leave} » ({form}) est limité à {maximum} mois sur toute la carrière ; les autres demandes du travailleur en utilisent déjà {monthsUsed}, ' +
        'il en reste {monthsLeft} et cette période en compte {monthsRequested}.',
      nl:
        '"{leave}" ({form}) is beperkt tot {maximum} maanden over de hele loopbaan; de andere aanvragen van de werknemer gebruiken er al {monthsUsed}, ' +
        'er blijven er {monthsLeft} over en deze periode telt er {monthsRequested}.',
      de:
        '„{leave}“ ({form}) ist auf {maximum} Monate über die gesamte Laufbahn begrenzt; die anderen Anträge des Arbeitnehmers nutzen bereits {monthsUsed}, ' +
        'es bleiben {monthsLeft} und dieser Zeitraum umfasst {monthsRequested}.',
    },
  },
  LEAVE_MAXIMUM_EXCEEDED: {
    status: 422,
    text: {
      fr:
        '« {leave} » ({form}) est limité à {maximum} mois {scope} ; les autres demandes du travailleur en utilisent déjà {monthsUsed}, ' +
        'il en reste {monthsLeft} et cette période en compte {monthsRequested}.',
      nl:
        '"{leave}" ({form}) is beperkt tot {maximum} maanden {scope}; de andere aanvragen van de werknemer gebruiken er al {monthsUsed}, ' +
        'er blijven er {monthsLeft} over en deze periode telt er {monthsRequested}.',
      de:
        '„{leave}“ ({form}) ist auf {maximum} Monate {scope} begrenzt; die anderen Anträge des Arbeitnehmers nutzen bereits {monthsUsed}, ' +
        'es bleiben {monthsLeft} und dieser Zeitraum umfasst {monthsRequested}.',
    },
  },
  TEXT_CONTROL_CHARACTERS: {
    status: 422,
    text: {
      fr: 'Le texte ne peut pas contenir de caractères de contrôle ({character} en position {position}) ; seuls la tabulation, le saut de ligne et le retour chariot sont admis.',
      nl: 'De tekst mag geen stuurtekens bevatten ({character} op positie {position}); alleen tab, nieuwe regel en regelterugloop zijn toegestaan.',
      de: 'Der Text darf keine Steuerzeichen enthalten ({character} an Position {position}); nur Tabulator, Zeilenvorschub und Wagenrücklauf sind erlaubt.',
    },
  },
  TEXT_INVALID_UNICODE: {
    status: 422,
    text: {
      fr: 'Le texte doit être de l’Unicode bien formé (un demi-caractère UTF-16 isolé {character} en position {position}).',
      nl: 'De tekst moet geldige Unicode zijn (een losse UTF-16-surrogaat {character} op positie {position}).',
      de: 'Der Text muss gültiges Unicode sein (ein einzelnes UTF-16-Surrogat {character} an Position {position}).',
    },
  },
  TRANSITION_NOT_ALLOWED: {
    status: 422,
    text: {
      fr: 'Une demande ne peut pas passer du statut « {from} » au statut « {to} » (statuts possibles : {allowed}).',
      nl: 'Een aanvraag kan niet van de status "{from}" naar de status "{to}" gaan (mogelijke statussen: {allowed}).',
      de: 'Ein Antrag kann nicht vom Status „{from}“ in den Status „{to}“ wechseln (mögliche Status: {allowed}).',
    },
  },

  // ------------------------------------------------------------------------------------------------
  // The HTTP API
  NOT_FOUND: {
    status: 404,
    text: {
      fr: 'Introuvable : {resource}.',
      nl: 'Niet gevonden: {resource}.',
      de: 'Nicht gefunden: {resource}.',
    },
  },
  VALIDATION_FAILED: {
    status: 422,
    text: {
      fr: 'Données refusées : {summary}',
      nl: 'Gegevens geweigerd: {summary}',
      de: 'Daten abgelehnt: {summary}',
    },
  },
  EVENT_INVALID: {
    status: 422,
    text: {
      fr: 'L’événement {type} est refusé : {summary}',
      nl: 'De gebeurtenis {type} wordt geweigerd: {summary}',
      de: 'Das Ereignis {type} wird abgelehnt: {summary}',
    },
  },
  EVENT_NOT_ALLOWED: {
    status: 409,
    text: {
      fr: 'L’événement {type} n’est pas possible sur cet écran ; voir les événements permis (allowedEvents).',
      nl: 'De gebeurtenis {type} is op dit scherm niet mogelijk; zie de toegelaten gebeurtenissen (allowedEvents).',
      de: 'Das Ereignis {type} ist auf diesem Bildschirm nicht möglich; siehe die erlaubten Ereignisse (allowedEvents).',
    },
  },
  EVENT_NOT_FOR_CALLER: {
    status: 403,
    text: {
      fr: 'L’événement {type} n’est pas envoyé par vous : le back-office envoie {backofficeEvents}, le titulaire du parcours les autres.',
      nl: 'De gebeurtenis {type} wordt niet door u verstuurd: de backoffice verstuurt {backofficeEvents}, de eigenaar van het traject de andere.',
      de: 'Das Ereignis {type} wird nicht von Ihnen gesendet: das Backoffice sendet {backofficeEvents}, der Inhaber des Ablaufs die anderen.',
    },
  },
  JOURNEY_ENDED: {
    status: 409,
    text: {
      fr: 'Ce parcours est terminé : commencez-en un nouveau.',
      nl: 'Dit traject is beëindigd: begin een nieuw traject.',
      de: 'Dieser Ablauf ist beendet: beginnen Sie einen neuen.',
    },
  },
  UNKNOWN_MACHINE: {
    status: 404,
    text: {
      fr: 'Aucun parcours ne porte le nom « {machine} » ; voir GET /api/machines.',
      nl: 'Er bestaat geen traject met de naam "{machine}"; zie GET /api/machines.',
      de: 'Es gibt keinen Ablauf namens „{machine}“; siehe GET /api/machines.',
    },
  },
  UNKNOWN_PERSON: {
    status: 404,
    text: {
      fr: 'Aucune personne portant ce NISS n’est connue du fournisseur d’identité.',
      nl: 'Geen enkele persoon met dit INSZ is bekend bij de identiteitsprovider.',
      de: 'Keine Person mit dieser ENSS ist dem Identitätsanbieter bekannt.',
    },
  },
  UNAUTHENTICATED: {
    status: 401,
    text: {
      fr: 'Authentification requise : envoyez un jeton valide (Authorization: Bearer <jeton>) ; {reason}.',
      nl: 'Authenticatie vereist: stuur een geldig token (Authorization: Bearer <token>); {reason}.',
      de: 'Authentifizierung erforderlich: senden Sie ein gültiges Token (Authorization: Bearer <Token>); {reason}.',
    },
  },
  FORBIDDEN: {
    status: 403,
    text: {
      fr: 'Cet appel est réservé {audience}.',
      nl: 'Deze oproep is voorbehouden {audience}.',
      de: 'Dieser Aufruf ist {audience} vorbehalten.',
    },
  },
  CODEC_NAMESPACE_UNKNOWN: {
    status: 404,
    text: {
      fr: 'Ce service ne décode que les données de son propre espace de noms Temporal (en-tête X-Namespace).',
      nl: 'Deze dienst decodeert alleen de gegevens van zijn eigen Temporal-naamruimte (header X-Namespace).',
      de: 'Dieser Dienst entschlüsselt nur die Daten seines eigenen Temporal-Namensraums (Header X-Namespace).',
    },
  },
  PAYLOAD_NOT_DECRYPTABLE: {
    status: 422,
    text: {
      fr: 'Une donnée chiffrée ne peut être déchiffrée : sa clé n’est pas (ou plus) configurée (PAYLOAD_KEYS), ou la donnée a été altérée.',
      nl: 'Een versleuteld gegeven kan niet worden ontsleuteld: de sleutel ervan is niet (meer) geconfigureerd (PAYLOAD_KEYS), of het gegeven werd gewijzigd.',
      de: 'Ein verschlüsseltes Datum kann nicht entschlüsselt werden: sein Schlüssel ist nicht (mehr) konfiguriert (PAYLOAD_KEYS), oder das Datum wurde verändert.',
    },
  },
  ACTING_CONTEXT_REQUIRED: {
    status: 403,
    text: {
      fr: 'Connectez-vous d’abord à Break@Work (parcours signIn) et utilisez le jeton d’action qu’il vous donne.',
      nl: 'Meld u eerst aan bij Break@Work (traject signIn) en gebruik het handelingstoken dat u daar krijgt.',
      de: 'Melden Sie sich zuerst bei Break@Work an (Ablauf signIn) und verwenden Sie das Handlungstoken, das Sie dort erhalten.',
    },
  },
  PERMISSION_REVOKED: {
    status: 403,
    text: {
      fr:
        'Vous n’avez plus la permission d’agir ainsi pour cette organisation (permission retirée, ou vous n’êtes plus membre actif de son groupe) : ' +
        'reconnectez-vous à Break@Work, ou demandez la permission au gestionnaire d’accès de l’organisation.',
      nl:
        'U hebt niet langer de toelating om zo te handelen voor deze organisatie (toelating ingetrokken, of u bent geen actief lid meer van haar groep): ' +
        'meld u opnieuw aan bij Break@Work, of vraag de toelating aan de toegangsbeheerder van de organisatie.',
      de:
        'Sie haben nicht mehr die Berechtigung, so für diese Organisation zu handeln (Berechtigung entzogen, oder Sie sind kein aktives Mitglied ihrer Gruppe mehr): ' +
        'melden Sie sich erneut bei Break@Work an, oder bitten Sie den Zugangsverwalter der Organisation um die Berechtigung.',
    },
  },
  IDEMPOTENCY_KEY_FORMAT: {
    status: 422,
    text: {
      fr: 'Idempotency-Key : de 1 à 200 lettres, chiffres ou « . _ : - ».',
      nl: 'Idempotency-Key: 1 tot 200 letters, cijfers of ". _ : -".',
      de: 'Idempotency-Key: 1 bis 200 Buchstaben, Ziffern oder „. _ : -“.',
    },
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    text: {
      fr: 'Cette Idempotency-Key a déjà servi pour un autre événement de ce parcours : utilisez une nouvelle clé pour un nouvel événement.',
      nl: 'Deze Idempotency-Key werd al gebruikt voor een andere gebeurtenis van dit traject: gebruik een nieuwe sleutel voor een nieuwe gebeurtenis.',
      de: 'Dieser Idempotency-Key wurde bereits für ein anderes Ereignis dieses Ablaufs verwendet: verwenden Sie einen neuen Schlüssel für ein neues Ereignis.',
    },
  },
  RATE_LIMITED: {
    status: 429,
    text: {
      fr: 'Trop d’appels : au plus {perMinute} par minute ; réessayez dans {retryAfter} s.',
      nl: 'Te veel oproepen: hoogstens {perMinute} per minuut; probeer opnieuw over {retryAfter} s.',
      de: 'Zu viele Aufrufe: höchstens {perMinute} pro Minute; versuchen Sie es in {retryAfter} s erneut.',
    },
  },
  MALFORMED_BODY: {
    status: 400,
    text: {
      fr: 'Corps de la requête : ce n’est pas du JSON valide.',
      nl: 'Inhoud van het verzoek: geen geldige JSON.',
      de: 'Inhalt der Anfrage: kein gültiges JSON.',
    },
  },
  MALFORMED_URL: {
    status: 400,
    text: {
      fr: 'L’URL contient un encodage-pourcent (percent-encoding) mal formé.',
      nl: 'De URL bevat een ongeldige procentcodering (percent-encoding).',
      de: 'Die URL enthält eine fehlerhafte Prozentkodierung (percent-encoding).',
    },
  },
  BAD_REQUEST: {
    status: 400,
    text: {
      fr: 'La requête n’a pas pu être lue.',
      nl: 'Het verzoek kon niet worden gelezen.',
      de: 'Die Anfrage konnte nicht gelesen werden.',
    },
  },
  REQUEST_ABORTED: {
    status: 400,
    text: {
      fr: 'Corps de la requête : la requête a été interrompue avant la fin de son corps.',
      nl: 'Inhoud van het verzoek: het verzoek werd afgebroken voordat de inhoud volledig was.',
      de: 'Inhalt der Anfrage: die Anfrage wurde abgebrochen, bevor ihr Inhalt vollständig war.',
    },
  },
  CONTENT_LENGTH_MISMATCH: {
    status: 400,
    text: {
      fr: 'Corps de la requête : sa longueur ne correspond pas à l’en-tête Content-Length.',
      nl: 'Inhoud van het verzoek: de lengte komt niet overeen met de header Content-Length.',
      de: 'Inhalt der Anfrage: seine Länge entspricht nicht dem Header Content-Length.',
    },
  },
  BODY_DECOMPRESSION_FAILED: {
    status: 400,
    text: {
      fr: 'Corps de la requête : ce ne sont pas des données {encoding} valides (Content-Encoding) ; il n’a pas pu être décompressé.',
      nl: 'Inhoud van het verzoek: geen geldige {encoding}-gegevens (Content-Encoding); de inhoud kon niet worden gedecomprimeerd.',
      de: 'Inhalt der Anfrage: keine gültigen {encoding}-Daten (Content-Encoding); er konnte nicht dekomprimiert werden.',
    },
  },
  BODY_NESTING_TOO_DEEP: {
    status: 400,
    text: {
      fr: 'Corps de la requête : un JSON imbriqué sur plus de {maxDepth} niveaux est refusé.',
      nl: 'Inhoud van het verzoek: JSON die dieper dan {maxDepth} niveaus genest is, wordt geweigerd.',
      de: 'Inhalt der Anfrage: JSON, das tiefer als {maxDepth} Ebenen verschachtelt ist, wird abgelehnt.',
    },
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    text: {
      fr: 'Corps de la requête : plus grand que la limite de {limit} octets (après décompression).',
      nl: 'Inhoud van het verzoek: groter dan de limiet van {limit} bytes (na decompressie).',
      de: 'Inhalt der Anfrage: größer als die Grenze von {limit} Bytes (nach der Dekomprimierung).',
    },
  },
  UNSUPPORTED_CONTENT_ENCODING: {
    status: 415,
    text: {
      fr: 'Le Content-Encoding « {encoding} » n’est pas pris en charge : envoyez identity, gzip, deflate ou br.',
      nl: 'De Content-Encoding "{encoding}" wordt niet ondersteund: stuur identity, gzip, deflate of br.',
      de: 'Das Content-Encoding „{encoding}“ wird nicht unterstützt: senden Sie identity, gzip, deflate oder br.',
    },
  },
  UNSUPPORTED_CHARSET: {
    status: 415,
    text: {
      fr: 'Le jeu de caractères « {charset} » du Content-Type n’est pas pris en charge : envoyez du JSON en UTF-8.',
      nl: 'De tekenset "{charset}" van het Content-Type wordt niet ondersteund: stuur JSON in UTF-8.',
      de: 'Der Zeichensatz „{charset}“ des Content-Type wird nicht unterstützt: senden Sie JSON in UTF-8.',
    },
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    text: {
      fr: 'Un service nécessaire n’a pas répondu à temps ; rien n’a été modifié, réessayez dans un instant.',
      nl: 'Een benodigde dienst heeft niet op tijd geantwoord; er is niets gewijzigd, probeer het zo dadelijk opnieuw.',
      de: 'Ein benötigter Dienst hat nicht rechtzeitig geantwortet; nichts wurde geändert, versuchen Sie es gleich noch einmal.',
    },
  },
  INTERNAL: {
    status: 500,
    text: {
      fr: 'Erreur interne.',
      nl: 'Interne fout.',
      de: 'Interner Fehler.',
    },
  },

  // ------------------------------------------------------------------------------------------------
  // Journeys
  UNKNOWN_ORGANISATION: {
    status: 422,
    text: {
      fr: 'L’entreprise {enterprise} n’est pas une organisation dont vous êtes membre actif du groupe.',
      nl: 'De onderneming {enterprise} is geen organisatie van wier groep u een actief lid bent.',
      de: 'Das Unternehmen {enterprise} ist keine Organisation, deren Gruppe Sie als aktives Mitglied angehören.',
    },
  },
  UNKNOWN_GROUP: {
    status: 422,
    text: {
      fr: 'L’entreprise {enterprise} n’a pas de groupe dont vous êtes membre actif.',
      nl: 'De onderneming {enterprise} heeft geen groep waarvan u een actief lid bent.',
      de: 'Das Unternehmen {enterprise} hat keine Gruppe, der Sie als aktives Mitglied angehören.',
    },
  },
  UNKNOWN_MEMBER: {
    status: 422,
    text: {
      fr: 'Cette personne n’est pas membre du groupe de l’organisation.',
      nl: 'Deze persoon is geen lid van de groep van de organisatie.',
      de: 'Diese Person ist kein Mitglied der Gruppe der Organisation.',
    },
  },
  NOT_ACCESS_MANAGER: {
    status: 422,
    text: {
      fr: 'Seul un gestionnaire d’accès de l’organisation peut consulter la liste de ses membres et les modifier.',
      nl: 'Alleen een toegangsbeheerder van de organisatie kan de lijst van haar leden raadplegen en wijzigen.',
      de: 'Nur ein Zugangsverwalter der Organisation kann die Liste ihrer Mitglieder einsehen und ändern.',
    },
  },
  DUPLICATE_MEMBER: {
    status: 422,
    text: {
      fr: 'Cette personne est déjà membre du groupe de l’organisation.',
      nl: 'Deze persoon is al lid van de groep van de organisatie.',
      de: 'Diese Person ist bereits Mitglied der Gruppe der Organisation.',
    },
  },
  SELECTION_INCOMPLETE: {
    status: 422,
    text: {
      fr:
        'En tant que pouvoir organisateur, choisissez la communauté et indiquez le numéro de l’école où le membre du personnel est occupé ' +
        '(il doit être occupé dans une école du pouvoir organisateur dans cette communauté).',
      nl:
        'Als inrichtende macht kiest u de gemeenschap en vult u het nummer in van de school waar het personeelslid tewerkgesteld is ' +
        '(het moet tewerkgesteld zijn in een school van de inrichtende macht in die gemeenschap).',
      de:
        'Als Organisationsträger wählen Sie die Gemeinschaft und geben die Nummer der Schule an, in der das Personalmitglied beschäftigt ist ' +
        '(es muss in einer Schule des Organisationsträgers in dieser Gemeinschaft beschäftigt sein).',
    },
  },
  SELECTION_NOT_FOR_MODE: {
    status: 422,
    text: {
      fr:
        'En agissant au nom de la société connectée, il n’y a ni communauté ni école : le travailleur fait partie du personnel propre de l’entreprise ' +
        '(agissez en tant que pouvoir organisateur pour sélectionner un membre du personnel enseignant).',
      nl:
        'Wanneer u handelt namens de aangemelde onderneming, is er geen gemeenschap of school: de werknemer behoort tot het eigen personeel van de onderneming ' +
        '(handel als inrichtende macht om een personeelslid van het onderwijs te selecteren).',
      de:
        'Wenn Sie im Namen des angemeldeten Unternehmens handeln, gibt es weder Gemeinschaft noch Schule: der Arbeitnehmer gehört zum eigenen Personal des Unternehmens ' +
        '(handeln Sie als Organisationsträger, um ein Mitglied des Unterrichtspersonals auszuwählen).',
    },
  },
  NOT_OWN_STAFF: {
    status: 422,
    text: {
      fr: 'Ce NISS n’est pas celui d’un membre du personnel propre de l’entreprise.',
      nl: 'Dit INSZ is niet dat van een lid van het eigen personeel van de onderneming.',
      de: 'Diese ENSS gehört keinem Mitglied des eigenen Personals des Unternehmens.',
    },
  },
  UNKNOWN_SCHOOL: {
    status: 422,
    text: {
      fr: 'Aucune école n’est connue sous ce numéro.',
      nl: 'Er is geen school bekend onder dit nummer.',
      de: 'Unter dieser Nummer ist keine Schule bekannt.',
    },
  },
  SCHOOL_OF_ANOTHER_PO: {
    status: 422,
    text: {
      fr: 'Cette école n’appartient pas au pouvoir organisateur pour lequel vous agissez.',
      nl: 'Deze school behoort niet tot de inrichtende macht waarvoor u handelt.',
      de: 'Diese Schule gehört nicht zu dem Organisationsträger, für den Sie handeln.',
    },
  },
  SCHOOL_IN_OTHER_COMMUNITY: {
    status: 422,
    text: {
      fr: 'Cette école ne relève pas de la communauté choisie.',
      nl: 'Deze school valt niet onder de gekozen gemeenschap.',
      de: 'Diese Schule gehört nicht zur gewählten Gemeinschaft.',
    },
  },
  UNKNOWN_WORKER: {
    status: 422,
    text: {
      fr: 'Aucun membre du personnel des écoles de votre pouvoir organisateur n’est connu sous ce NISS.',
      nl: 'Er is geen personeelslid van de scholen van uw inrichtende macht bekend onder dit INSZ.',
      de: 'Unter dieser ENSS ist kein Personalmitglied der Schulen Ihres Organisationsträgers bekannt.',
    },
  },
  WORKER_NOT_REGISTERED_IN_COMMUNITY: {
    status: 422,
    text: {
      fr: 'Le membre du personnel n’est pas enregistré sous le numéro BCE de cette communauté.',
      nl: 'Het personeelslid is niet geregistreerd onder het KBO-nummer van deze gemeenschap.',
      de: 'Das Personalmitglied ist nicht unter der ZDU-Nummer dieser Gemeinschaft registriert.',
    },
  },
  WORKER_NOT_OCCUPIED_IN_SCHOOL: {
    status: 422,
    text: {
      fr: 'Le membre du personnel n’est pas occupé dans cette école.',
      nl: 'Het personeelslid is niet tewerkgesteld in deze school.',
      de: 'Das Personalmitglied ist nicht in dieser Schule beschäftigt.',
    },
  },
  EDUCATION_LEVEL_MISSING: {
    status: 422,
    text: {
      fr: 'Choisissez le niveau d’enseignement : sa charge complète (en périodes) est la mesure de la charge de travail.',
      nl: 'Kies het onderwijsniveau: de volledige opdracht ervan (in lestijden) is de maatstaf van het werkvolume.',
      de: 'Wählen Sie die Unterrichtsstufe: ihr volles Pensum (in Perioden) ist das Maß des Arbeitspensums.',
    },
  },
  DRAFT_INCOMPLETE: {
    status: 422,
    text: {
      fr: 'Une demande ne se confirme qu’une fois le membre du personnel sélectionné, le congé choisi et toutes les questions répondues.',
      nl: 'Een aanvraag kan pas worden bevestigd als het personeelslid geselecteerd, het verlof gekozen en elke vraag beantwoord is.',
      de: 'Ein Antrag kann erst bestätigt werden, wenn das Personalmitglied ausgewählt, der Urlaub gewählt und jede Frage beantwortet ist.',
    },
  },
  WORKER_PART_NOT_AWAITED: {
    status: 422,
    text: {
      fr: 'La demande {ticket} n’attend pas votre partie : elle ne vous concerne pas, ou votre partie n’est pas (ou plus) attendue.',
      nl: 'De aanvraag {ticket} wacht niet op uw deel: ze betreft u niet, of uw deel wordt niet (meer) verwacht.',
      de: 'Der Antrag {ticket} wartet nicht auf Ihren Teil: er betrifft Sie nicht, oder Ihr Teil wird nicht (mehr) erwartet.',
    },
  },
  RECORD_BLOCKED: {
    status: 503,
    text: {
      fr: 'Après plusieurs tentatives, la demande n’a pas pu être enregistrée ; un opérateur a été averti et la reprendra.',
      nl: 'Na meerdere pogingen kon de aanvraag niet worden geregistreerd; een operator is verwittigd en neemt ze opnieuw op.',
      de: 'Nach mehreren Versuchen konnte der Antrag nicht gespeichert werden; ein Operator wurde benachrichtigt und nimmt ihn wieder auf.',
    },
  },
  ACTIVITY_FAILED: {
    status: 422,
    text: {
      fr: 'Cette étape n’a pas abouti ; rien n’a été modifié, réessayez.',
      nl: 'Deze stap is niet gelukt; er is niets gewijzigd, probeer opnieuw.',
      de: 'Dieser Schritt ist nicht gelungen; nichts wurde geändert, versuchen Sie es erneut.',
    },
  },
  CANCELLED: {
    status: 422,
    text: {
      fr: 'Cette étape a été annulée ; rien n’a été modifié.',
      nl: 'Deze stap werd geannuleerd; er is niets gewijzigd.',
      de: 'Dieser Schritt wurde abgebrochen; nichts wurde geändert.',
    },
  },
};

/**
 * Warnings of the domain: shown on the confirmation page, accepted by the user, never a refusal, so no
 * HTTP status. A text is a template filled from the warning's `details`, as an error's.
 */
export const WARNING_CODES = [
  'WORKLOAD_FRACTION_MISMATCH',
  'LATE_INTRODUCTION',
  'WORKER_AGE_SPECIAL_CASE',
  'EMPLOYER_AGREEMENT_REQUIRED',
  'MULTIPLE_EMPLOYERS_UNTICKED',
] as const;

export type WarningCode = (typeof WARNING_CODES)[number];

export function isWarningCode(value: unknown): value is WarningCode {
  return typeof value === 'string' && (WARNING_CODES as readonly string[]).includes(value);
}

export const WARNING_CATALOGUE: Readonly<Record<WarningCode, { readonly text: Texts }>> = {
  WORKLOAD_FRACTION_MISMATCH: {
    text: {
      fr: 'La charge abandonnée ({givenUp}/{fullLoad} périodes) s’écarte de plus d’une période de la forme choisie « {form} » ({expectedGivenUp} périodes).',
      nl: 'Het opgegeven werkvolume ({givenUp}/{fullLoad} lestijden) wijkt meer dan één lestijd af van de gekozen vorm „{form}” ({expectedGivenUp} lestijden).',
      de: 'Das abgegebene Arbeitspensum ({givenUp}/{fullLoad} Perioden) weicht um mehr als eine Periode von der gewählten Form „{form}“ ({expectedGivenUp} Perioden) ab.',
    },
  },
  LATE_INTRODUCTION: {
    text: {
      fr: 'La demande est introduite plus de 2 mois après sa date de début ({start}) : les allocations ne seraient dues qu’à partir de la date à laquelle l’ONEM la reçoit.',
      nl: 'De aanvraag wordt meer dan 2 maanden na de begindatum ({start}) ingediend: de uitkeringen zouden pas verschuldigd zijn vanaf de datum waarop de RVA ze ontvangt.',
      de: 'Der Antrag wird mehr als 2 Monate nach seinem Beginndatum ({start}) eingereicht: die Zulagen wären erst ab dem Datum geschuldet, an dem das LfA ihn erhält.',
    },
  },
  WORKER_AGE_SPECIAL_CASE: {
    text: {
      fr: '« {leave} » est ouvert à partir de {minAge} ans ({minAgeSpecialCases} ans dans certains cas seulement) ; le travailleur a {age} ans le {start}.',
      nl: '„{leave}” is mogelijk vanaf {minAge} jaar ({minAgeSpecialCases} jaar alleen in bepaalde gevallen); de werknemer is {age} jaar op {start}.',
      de: '„{leave}“ ist ab {minAge} Jahren möglich ({minAgeSpecialCases} Jahre nur in bestimmten Fällen); der Arbeitnehmer ist am {start} {age} Jahre alt.',
    },
  },
  EMPLOYER_AGREEMENT_REQUIRED: {
    text: {
      fr: '« {leave} » sous la forme « {form} » nécessite l’accord de l’employeur.',
      nl: '„{leave}” in de vorm „{form}” vereist het akkoord van de werkgever.',
      de: '„{leave}“ in der Form „{form}“ erfordert das Einverständnis des Arbeitgebers.',
    },
  },
  MULTIPLE_EMPLOYERS_UNTICKED: {
    text: {
      fr:
        'Le travailleur est connu comme occupé par {knownEmployerCount} employeurs, mais la case « occupation chez plusieurs employeurs » n’est pas cochée : ' +
        'cochez-la s’il travaille à temps partiel chez plusieurs employeurs (deux communautés comptent pour deux).',
      nl:
        'De werknemer is gekend als tewerkgesteld bij {knownEmployerCount} werkgevers, maar het vakje „tewerkstelling bij meerdere werkgevers” is niet aangevinkt: ' +
        'vink het aan als hij deeltijds bij meerdere werkgevers werkt (twee gemeenschappen tellen als twee).',
      de:
        'Der Arbeitnehmer ist als bei {knownEmployerCount} Arbeitgebern beschäftigt bekannt, aber das Feld „Beschäftigung bei mehreren Arbeitgebern“ ist nicht angekreuzt: ' +
        'kreuzen Sie es an, wenn er in Teilzeit bei mehreren Arbeitgebern arbeitet (zwei Gemeinschaften zählen als zwei).',
    },
  },
};

/**
 * Names of the domain's codes that a template or a view may hold (leave, form, community, worker status,
 * education level, request status, the scope of a maximum), in each language, so a message reads
 * "Congé parental" rather than PARENTAL.
 * The French names are those of the domain catalogue (a unit test keeps them equal).
 */
export const TERMS: Readonly<Record<string, Texts>> = {
  // leaves
  ORDINARY_INTERRUPTION: { fr: 'Interruption de carrière ordinaire', nl: 'Gewone loopbaanonderbreking', de: 'Gewöhnliche Laufbahnunterbrechung' },
  END_OF_CAREER: {
    fr: 'Interruption partielle de fin de carrière',
    nl: 'Gedeeltelijke loopbaanonderbreking op het einde van de loopbaan',
    de: 'Teilweise Laufbahnunterbrechung am Ende der Laufbahn',
  },
  PARENTAL: { fr: 'Congé parental', nl: 'Ouderschapsverlof', de: 'Elternurlaub' },
  MEDICAL_ASSISTANCE: { fr: 'Assistance médicale', nl: 'Medische bijstand', de: 'Medizinischer Beistand' },
  PALLIATIVE_CARE: { fr: 'Soins palliatifs', nl: 'Palliatieve zorgen', de: 'Palliativpflege' },
  CLOSE_CARER: { fr: 'Congé pour aidant proche', nl: 'Mantelzorgverlof', de: 'Urlaub für pflegende Angehörige' },
  // forms
  FULL: { fr: 'Interruption complète', nl: 'Volledige onderbreking', de: 'Vollständige Unterbrechung' },
  HALF: { fr: 'Réduction des prestations à mi-temps', nl: 'Vermindering van de prestaties tot halftijds', de: 'Verringerung der Leistungen auf Halbzeit' },
  ONE_FIFTH: { fr: 'Réduction des prestations d’1/5', nl: 'Vermindering van de prestaties met 1/5', de: 'Verringerung der Leistungen um 1/5' },
  ONE_TENTH: { fr: 'Réduction des prestations d’1/10', nl: 'Vermindering van de prestaties met 1/10', de: 'Verringerung der Leistungen um 1/10' },
  PARTIAL: { fr: 'Interruption partielle', nl: 'Gedeeltelijke onderbreking', de: 'Teilweise Unterbrechung' },
  // communities
  FR: { fr: 'Fédération Wallonie-Bruxelles', nl: 'Federatie Wallonië-Brussel', de: 'Föderation Wallonie-Brüssel' },
  NL: { fr: 'Communauté flamande', nl: 'Vlaamse Gemeenschap', de: 'Flämische Gemeinschaft' },
  DE: { fr: 'Communauté germanophone', nl: 'Duitstalige Gemeenschap', de: 'Deutschsprachige Gemeinschaft' },
  // worker statuses
  STATUTORY: { fr: 'Statutaire', nl: 'Statutair', de: 'Statutarisch' },
  CONTRACTUAL: { fr: 'Contractuel', nl: 'Contractueel', de: 'Vertraglich' },
  TEMPORARY: { fr: 'Temporaire', nl: 'Tijdelijk', de: 'Zeitweilig' },
  // education levels
  NURSERY: { fr: 'Enseignement maternel', nl: 'Kleuteronderwijs', de: 'Kindergartenunterricht' },
  PRIMARY: { fr: 'Enseignement primaire', nl: 'Lager onderwijs', de: 'Primarschulunterricht' },
  LOWER_SECONDARY: { fr: 'Enseignement secondaire inférieur', nl: 'Lager secundair onderwijs', de: 'Unterstufe des Sekundarunterrichts' },
  UPPER_SECONDARY: { fr: 'Enseignement secondaire supérieur', nl: 'Hoger secundair onderwijs', de: 'Oberstufe des Sekundarunterrichts' },
  // request statuses
  draft: { fr: 'Brouillon', nl: 'Ontwerp', de: 'Entwurf' },
  submitted: { fr: 'Introduite', nl: 'Ingediend', de: 'Eingereicht' },
  awaiting_worker: { fr: 'En attente du travailleur', nl: 'Wacht op de werknemer', de: 'Wartet auf den Arbeitnehmer' },
  in_processing: { fr: 'En traitement', nl: 'In behandeling', de: 'In Bearbeitung' },
  accepted: { fr: 'Acceptée', nl: 'Aanvaard', de: 'Angenommen' },
  refused: { fr: 'Refusée', nl: 'Geweigerd', de: 'Abgelehnt' },
  withdrawn: { fr: 'Retirée', nl: 'Ingetrokken', de: 'Zurückgezogen' },
  expired: { fr: 'Expirée', nl: 'Vervallen', de: 'Abgelaufen' },
  // what a total maximum counts
  career: { fr: 'sur toute la carrière', nl: 'over de hele loopbaan', de: 'über die gesamte Laufbahn' },
  child: { fr: 'par enfant', nl: 'per kind', de: 'pro Kind' },
  personCaredFor: { fr: 'par personne aidée', nl: 'per verzorgde persoon', de: 'pro betreute Person' },
  // what was not found, who may call
  journey: { fr: 'ce parcours', nl: 'dit traject', de: 'dieser Ablauf' },
  request: { fr: 'cette demande', nl: 'deze aanvraag', de: 'dieser Antrag' },
  organisation: { fr: 'cette organisation', nl: 'deze organisatie', de: 'diese Organisation' },
  route: { fr: 'cette adresse de l’API', nl: 'dit adres van de API', de: 'diese Adresse der API' },
  person: { fr: 'aux personnes connectées', nl: 'aan aangemelde personen', de: 'angemeldeten Personen' },
  backoffice: { fr: 'au back-office', nl: 'aan de backoffice', de: 'dem Backoffice' },
  none: { fr: 'aucun', nl: 'geen', de: 'keine' },
};

/** Placeholders whose values are codes of the domain, shown by their name in the language. */
const TERM_PLACEHOLDERS = new Set(['leave', 'form', 'community', 'open', 'allowed', 'from', 'to', 'scope', 'resource', 'audience', 'backofficeEvents']);

/** The `{name}` placeholders of a template, in order of appearance. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

/** A value given in each language (a phrase the caller fills in, e.g. why a token was refused). */
export function isTexts(value: unknown): value is Texts {
  return typeof value === 'object' && value !== null && LANGUAGES.every((l) => typeof (value as Record<string, unknown>)[l] === 'string');
}

function shown(name: string, value: unknown, language: Language): string {
  if (isTexts(value)) return value[language];
  if (Array.isArray(value)) return value.length === 0 && TERM_PLACEHOLDERS.has(name) ? TERMS.none![language] : value.map((v) => shown(name, v, language)).join(', ');
  if (TERM_PLACEHOLDERS.has(name) && typeof value === 'string' && Object.hasOwn(TERMS, value)) return TERMS[value]![language];
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '';
}

const UNITS: Readonly<Record<Language, { month: [string, string]; day: [string, string]; and: string }>> = {
  fr: { month: ['mois', 'mois'], day: ['jour', 'jours'], and: 'et' },
  nl: { month: ['maand', 'maanden'], day: ['dag', 'dagen'], and: 'en' },
  de: { month: ['Monat', 'Monate'], day: ['Tag', 'Tage'], and: 'und' },
};

/** "3 mois", "1 maand en 15 dagen": a period's length from details `months` and `extraDays`. */
function duration(values: Readonly<Record<string, unknown>>, language: Language): string | undefined {
  const { months, extraDays } = values;
  if (typeof months !== 'number') return undefined;
  const unit = UNITS[language];
  const count = (n: number, [one, many]: [string, string]) => `${n} ${n === 1 ? one : many}`;
  const days = typeof extraDays === 'number' && extraDays > 0 ? ` ${unit.and} ${count(extraDays, unit.day)}` : '';
  return `${count(months, unit.month)}${days}`;
}

/** Placeholders written from several details, in the language's words. */
const DERIVED: Readonly<Record<string, (values: Readonly<Record<string, unknown>>, language: Language) => string | undefined>> = { duration };

/** Fills a template from `values`; a placeholder with no value is left as it is, visibly. */
export function fillTemplate(template: string, values: Readonly<Record<string, unknown>>, language: Language): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (Object.hasOwn(values, name) && values[name] !== undefined) return shown(name, values[name], language);
    return (Object.hasOwn(DERIVED, name) ? DERIVED[name]!(values, language) : undefined) ?? whole;
  });
}

/** The text of a code in a language, its placeholders filled from the error's details. */
export function errorText(code: ErrorCode, details?: Readonly<Record<string, unknown>>, language: Language = DEFAULT_LANGUAGE): string {
  return fillTemplate(ERROR_CATALOGUE[code].text[language], details ?? {}, language);
}

/**
 * The text, only when `values` fill every placeholder of the code's template (in every language); for
 * errors whose details come from elsewhere (a journey's screen error), which may lack some.
 */
export function completeErrorText(code: ErrorCode, values: Readonly<Record<string, unknown>> | undefined, language: Language): string | undefined {
  const text = errorText(code, values, language);
  return /\{\w+\}/.test(text) ? undefined : text;
}

export function errorStatus(code: ErrorCode): number {
  return ERROR_CATALOGUE[code].status;
}

/** A warning's text in a language, its placeholders filled from the warning's details. */
export function warningText(code: WarningCode, details?: Readonly<Record<string, unknown>>, language: Language = DEFAULT_LANGUAGE): string {
  return fillTemplate(WARNING_CATALOGUE[code].text[language], details ?? {}, language);
}
