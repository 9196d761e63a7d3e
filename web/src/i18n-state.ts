/** The language the user chose (FR / NL / DE), remembered in the browser; French by default. */
export const LANGUAGES = ['fr', 'nl', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];
const KEY = 'baw.language';

function initial(): Language {
  const stored = localStorage.getItem(KEY);
  if (stored && (LANGUAGES as readonly string[]).includes(stored)) return stored as Language;
  const browser = navigator.language.slice(0, 2);
  return (LANGUAGES as readonly string[]).includes(browser) ? (browser as Language) : 'fr';
}

let language: Language = initial();
export function currentLanguage(): Language {
  return language;
}
export function rememberLanguage(next: Language): void {
  language = next;
  localStorage.setItem(KEY, next);
  document.documentElement.lang = next;
}
document.documentElement.lang = language;
