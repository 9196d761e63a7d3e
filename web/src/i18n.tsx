/**
 * Languages in the application. Two sources of text:
 * - the service's: machine labels (`GET /api/labels`), error messages and choice names, all answered in
 *   the language the calls carry (`Accept-Language`);
 * - the application's own words (menus, buttons that are not events), in `defineStrings` tables, each
 *   with exactly the French keys in Dutch and German (the types refuse a missing one).
 * Dates and numbers are formatted per locale (fr-BE, nl-BE, de-BE).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, call } from './api';
import { currentLanguage, rememberLanguage, type Language } from './i18n-state';

export { LANGUAGES, type Language } from './i18n-state';

export type Strings<K extends string> = { fr: Record<K, string>; nl: Record<K, string>; de: Record<K, string> };

/** A table of the application's words: French is the reference, Dutch and German have the same keys. */
export function defineStrings<K extends string>(fr: Record<K, string>, nl: Record<NoInfer<K>, string>, de: Record<NoInfer<K>, string>): Strings<K> {
  return { fr, nl, de };
}

interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => void;
  labels: Readonly<Record<string, string>>;
  locale: string;
}

const LanguageContext = createContext<LanguageState | undefined>(undefined);

export const LOCALES: Record<Language, string> = { fr: 'fr-BE', nl: 'nl-BE', de: 'de-BE' };

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(currentLanguage());
  const [labels, setLabels] = useState<Readonly<Record<string, string>>>({});
  useEffect(() => {
    let live = true;
    call(api.GET('/api/labels', { params: { query: { lang: language } } })).then(
      (all) => live && setLabels(all as Record<string, string>),
      () => live && setLabels({}),
    );
    return () => {
      live = false;
    };
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    rememberLanguage(next);
    setLanguageState(next);
  }, []);
  const value = useMemo(() => ({ language, setLanguage, labels, locale: LOCALES[language] }), [language, setLanguage, labels]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error('useLanguage outside LanguageProvider');
  return state;
}

/** The words of a table in the current language; `{name}` placeholders filled from `values`. */
export function useStrings<K extends string>(table: Strings<K>): (key: K, values?: Readonly<Record<string, string | number>>) => string {
  const { language } = useLanguage();
  return useCallback(
    (key: K, values?: Readonly<Record<string, string | number>>) => fill(table[language][key] ?? table.fr[key], values),
    [table, language],
  );
}

/** A machine label by key; the key itself while the labels load (never a blank). */
export function useLabel(): (key: string, values?: Readonly<Record<string, string | number>>) => string {
  const { labels } = useLanguage();
  return useCallback((key: string, values?: Readonly<Record<string, string | number>>) => fill(labels[key] ?? key, values), [labels]);
}

export function fill(text: string, values?: Readonly<Record<string, string | number>>): string {
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Dates (YYYY-MM-DD or ISO instants) and numbers in the user's locale. */
export function useFormat() {
  const { locale } = useLanguage();
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/Brussels' });
    const instant = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Brussels' });
    const number = new Intl.NumberFormat(locale);
    return {
      date(value: string | null | undefined): string {
        if (!value) return '—';
        const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
        return Number.isNaN(d.getTime()) ? value : day.format(d);
      },
      instant(value: string | null | undefined): string {
        if (!value) return '—';
        const d = new Date(value);
        return Number.isNaN(d.getTime()) ? value : instant.format(d);
      },
      number(value: number | null | undefined): string {
        return value === null || value === undefined ? '—' : number.format(value);
      },
    };
  }, [locale]);
}
