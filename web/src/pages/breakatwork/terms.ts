/**
 * Names of the domain's codes (statuses, leaves, forms, communities, worker statuses, levels) in the
 * user's language, in the words of the service's catalogue, for the overview and the summaries (the
 * journeys' own choice lists come named from the service in `context.choices`).
 */
import { useCallback } from 'react';
import { defineStrings, useStrings } from '../../i18n';

const names = defineStrings(
  {
    ORDINARY_INTERRUPTION: "Interruption de carrière ordinaire",
    END_OF_CAREER: "Interruption partielle de fin de carrière",
    PARENTAL: "Congé parental",
    MEDICAL_ASSISTANCE: "Assistance médicale",
    PALLIATIVE_CARE: "Soins palliatifs",
    CLOSE_CARER: "Congé pour aidant proche",
    FULL: "Interruption complète",
    HALF: "Réduction des prestations à mi-temps",
    ONE_FIFTH: "Réduction des prestations d’1/5",
    ONE_TENTH: "Réduction des prestations d’1/10",
    PARTIAL: "Interruption partielle",
    FR: "Fédération Wallonie-Bruxelles",
    NL: "Communauté flamande",
    DE: "Communauté germanophone",
    STATUTORY: "Statutaire",
    CONTRACTUAL: "Contractuel",
    TEMPORARY: "Temporaire",
    NURSERY: "Enseignement maternel",
    PRIMARY: "Enseignement primaire",
    LOWER_SECONDARY: "Enseignement secondaire inférieur",
    UPPER_SECONDARY: "Enseignement secondaire supérieur",
    draft: "Brouillon",
    submitted: "Introduite",
    awaiting_worker: "En attente du travailleur",
    in_processing: "En traitement",
    accepted: "Acceptée",
    refused: "Refusée",
    withdrawn: "Retirée",
    expired: "Expirée",
  },
  {
    ORDINARY_INTERRUPTION: "Gewone loopbaanonderbreking",
    END_OF_CAREER: "Gedeeltelijke loopbaanonderbreking op het einde van de loopbaan",
    PARENTAL: "Ouderschapsverlof",
    MEDICAL_ASSISTANCE: "Medische bijstand",
    PALLIATIVE_CARE: "Palliatieve zorgen",
    CLOSE_CARER: "Mantelzorgverlof",
    FULL: "Volledige onderbreking",
    HALF: "Vermindering van de prestaties tot halftijds",
    ONE_FIFTH: "Vermindering van de prestaties met 1/5",
    ONE_TENTH: "Vermindering van de prestaties met 1/10",
    PARTIAL: "Gedeeltelijke onderbreking",
    FR: "Federatie Wallonië-Brussel",
    NL: "Vlaamse Gemeenschap",
    DE: "Duitstalige Gemeenschap",
    STATUTORY: "Statutair",
    CONTRACTUAL: "Contractueel",
    TEMPORARY: "Tijdelijk",
    NURSERY: "Kleuteronderwijs",
    PRIMARY: "Lager onderwijs",
    LOWER_SECONDARY: "Lager secundair onderwijs",
    UPPER_SECONDARY: "Hoger secundair onderwijs",
    draft: "Ontwerp",
    submitted: "Ingediend",
    awaiting_worker: "Wacht op de werknemer",
    in_processing: "In behandeling",
    accepted: "Aanvaard",
    refused: "Geweigerd",
    withdrawn: "Ingetrokken",
    expired: "Vervallen",
  },
  {
    ORDINARY_INTERRUPTION: "Gewöhnliche Laufbahnunterbrechung",
    END_OF_CAREER: "Teilweise Laufbahnunterbrechung am Ende der Laufbahn",
    PARENTAL: "Elternurlaub",
    MEDICAL_ASSISTANCE: "Medizinischer Beistand",
    PALLIATIVE_CARE: "Palliativpflege",
    CLOSE_CARER: "Urlaub für pflegende Angehörige",
    FULL: "Vollständige Unterbrechung",
    HALF: "Verringerung der Leistungen auf Halbzeit",
    ONE_FIFTH: "Verringerung der Leistungen um 1/5",
    ONE_TENTH: "Verringerung der Leistungen um 1/10",
    PARTIAL: "Teilweise Unterbrechung",
    FR: "Föderation Wallonie-Brüssel",
    NL: "Flämische Gemeinschaft",
    DE: "Deutschsprachige Gemeinschaft",
    STATUTORY: "Statutarisch",
    CONTRACTUAL: "Vertraglich",
    TEMPORARY: "Zeitweilig",
    NURSERY: "Kindergartenunterricht",
    PRIMARY: "Primarschulunterricht",
    LOWER_SECONDARY: "Unterstufe des Sekundarunterrichts",
    UPPER_SECONDARY: "Oberstufe des Sekundarunterrichts",
    draft: "Entwurf",
    submitted: "Eingereicht",
    awaiting_worker: "Wartet auf den Arbeitnehmer",
    in_processing: "In Bearbeitung",
    accepted: "Angenommen",
    refused: "Abgelehnt",
    withdrawn: "Zurückgezogen",
    expired: "Abgelaufen",
  },
);

type Code = keyof (typeof names)['fr'];

export function useTerm(): (code: string | null | undefined) => string {
  const t = useStrings(names);
  return useCallback((code) => (!code ? '—' : Object.hasOwn(names.fr, code) ? t(code as Code) : code), [t]);
}

export const REQUEST_STATUS_CODES = ['draft', 'submitted', 'awaiting_worker', 'in_processing', 'accepted', 'refused', 'withdrawn', 'expired'] as const;
export const LEAVE_CODES = ['ORDINARY_INTERRUPTION', 'END_OF_CAREER', 'PARENTAL', 'MEDICAL_ASSISTANCE', 'PALLIATIVE_CARE', 'CLOSE_CARER'] as const;
