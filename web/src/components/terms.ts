/**
 * Names of the domain's codes (request statuses, leaves, forms, worker statuses, communities, education
 * levels) in the user's language, as the service's catalogue writes them: `GET /api/labels` carries
 * them as `term.<code>`. Lists and summaries show "En traitement", never in_processing; an unknown code
 * shows as it is.
 */
import { useCallback } from 'react';
import { useLanguage } from '../i18n';

export const REQUEST_STATUS_CODES = ['draft', 'submitted', 'awaiting_worker', 'in_processing', 'accepted', 'refused', 'withdrawn', 'expired'] as const;
export const LEAVE_CODES = ['ORDINARY_INTERRUPTION', 'END_OF_CAREER', 'PARENTAL', 'MEDICAL_ASSISTANCE', 'PALLIATIVE_CARE', 'CLOSE_CARER'] as const;

/** A code's name in the current language; `—` for none. */
export function useTerm(): (code: string | null | undefined) => string {
  const { labels } = useLanguage();
  return useCallback((code: string | null | undefined) => (code ? (labels[`term.${code}`] ?? code) : '—'), [labels]);
}
