/**
 * Names of the domain's codes (request statuses, leaves, forms, worker statuses, communities, education
 * levels) in the user's language, as the service's catalogue writes them (domain/error-catalogue.ts
 * TERMS): lists and summaries show "En traitement", never in_processing. An unknown code shows as is.
 */
import { useCallback } from 'react';
import { useLanguage } from '../i18n';

type Texts = { fr: string; nl: string; de: string };

const TERMS: Readonly<Record<string, Texts>> = {
  ORDINARY_INTERRUPTION: { fr: 'Interruption de carrière ordinaire', nl: 'Gewone loopbaanonderbreking', de: 'Gewöhnliche Laufbahnunterbrechung' },
  END_OF_CAREER: { fr: 'Interruption partielle de fin de carrière', nl: 'Gedeeltelijke loopbaanonderbreking op het einde van de loopbaan', de: 'Teilweise Laufbahnunterbrechung am Ende der Laufbahn' },
  PARENTAL: { fr: 'Congé parental', nl: 'Ouderschapsverlof', de: 'Elternurlaub' },
  MEDICAL_ASSISTANCE: { fr: 'Assistance médicale', nl: 'Medische bijstand', de: 'Medizinischer Beistand' },
  PALLIATIVE_CARE: { fr: 'Soins palliatifs', nl: 'Palliatieve zorgen', de: 'Palliativpflege' },
  CLOSE_CARER: { fr: 'Congé pour aidant proche', nl: 'Mantelzorgverlof', de: 'Urlaub für pflegende Angehörige' },
  FULL: { fr: 'Interruption complète', nl: 'Volledige onderbreking', de: 'Vollständige Unterbrechung' },
  HALF: { fr: 'Réduction des prestations à mi-temps', nl: 'Vermindering van de prestaties tot halftijds', de: 'Verringerung der Leistungen auf Halbzeit' },
  ONE_FIFTH: { fr: 'Réduction des prestations d’1/5', nl: 'Vermindering van de prestaties met 1/5', de: 'Verringerung der Leistungen um 1/5' },
  ONE_TENTH: { fr: 'Réduction des prestations d’1/10', nl: 'Vermindering van de prestaties met 1/10', de: 'Verringerung der Leistungen um 1/10' },
  PARTIAL: { fr: 'Interruption partielle', nl: 'Gedeeltelijke onderbreking', de: 'Teilweise Unterbrechung' },
  FR: { fr: 'Fédération Wallonie-Bruxelles', nl: 'Federatie Wallonië-Brussel', de: 'Föderation Wallonie-Brüssel' },
  NL: { fr: 'Communauté flamande', nl: 'Vlaamse Gemeenschap', de: 'Flämische Gemeinschaft' },
  DE: { fr: 'Communauté germanophone', nl: 'Duitstalige Gemeenschap', de: 'Deutschsprachige Gemeinschaft' },
  STATUTORY: { fr: 'Statutaire', nl: 'Statutair', de: 'Statutarisch' },
  CONTRACTUAL: { fr: 'Contractuel', nl: 'Contractueel', de: 'Vertraglich' },
  TEMPORARY: { fr: 'Temporaire', nl: 'Tijdelijk', de: 'Zeitweilig' },
  NURSERY: { fr: 'Enseignement maternel', nl: 'Kleuteronderwijs', de: 'Kindergartenunterricht' },
  PRIMARY: { fr: 'Enseignement primaire', nl: 'Lager onderwijs', de: 'Primarschulunterricht' },
  LOWER_SECONDARY: { fr: 'Enseignement secondaire inférieur', nl: 'Lager secundair onderwijs', de: 'Unterstufe des Sekundarunterrichts' },
  UPPER_SECONDARY: { fr: 'Enseignement secondaire supérieur', nl: 'Hoger secundair onderwijs', de: 'Oberstufe des Sekundarunterrichts' },
  draft: { fr: 'Brouillon', nl: 'Ontwerp', de: 'Entwurf' },
  submitted: { fr: 'Introduite', nl: 'Ingediend', de: 'Eingereicht' },
  awaiting_worker: { fr: 'En attente du travailleur', nl: 'Wacht op de werknemer', de: 'Wartet auf den Arbeitnehmer' },
  in_processing: { fr: 'En traitement', nl: 'In behandeling', de: 'In Bearbeitung' },
  accepted: { fr: 'Acceptée', nl: 'Aanvaard', de: 'Angenommen' },
  refused: { fr: 'Refusée', nl: 'Geweigerd', de: 'Abgelehnt' },
  withdrawn: { fr: 'Retirée', nl: 'Ingetrokken', de: 'Zurückgezogen' },
  expired: { fr: 'Expirée', nl: 'Vervallen', de: 'Abgelaufen' },
};

export const REQUEST_STATUS_CODES = ['draft', 'submitted', 'awaiting_worker', 'in_processing', 'accepted', 'refused', 'withdrawn', 'expired'] as const;
export const LEAVE_CODES = ['ORDINARY_INTERRUPTION', 'END_OF_CAREER', 'PARENTAL', 'MEDICAL_ASSISTANCE', 'PALLIATIVE_CARE', 'CLOSE_CARER'] as const;

/** A code's name in the current language; `—` for none. */
export function useTerm(): (code: string | null | undefined) => string {
  const { language } = useLanguage();
  return useCallback((code: string | null | undefined) => (code ? (TERMS[code]?.[language] ?? code) : '—'), [language]);
}
