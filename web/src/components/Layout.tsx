/**
 * Every page's frame: the application's name, the FR / NL / DE switch at the top right, who is signed
 * in, the enterprise number once acting for one, an optional left menu, and the main content (a
 * "skip to content" link first, for keyboard users).
 */
import type { ReactNode } from 'react';
import { LANGUAGES, useLanguage, useStrings } from '../i18n';
import { Link } from '../router';
import { useSession } from '../session';
import { common } from '../strings';

export function Layout({ app, menu, children, account }: { app: string; menu?: ReactNode; children: ReactNode; account?: 'person' | 'backoffice' }) {
  const t = useStrings(common);
  const session = useSession();
  const who = account === 'backoffice' ? session.backoffice : account === 'person' ? session.identity : undefined;
  return (
    <>
      <a className="skip" href="#main">
        {t('skip')}
      </a>
      <header className="top">
        <div className="top-inner">
          <Link to="/" className="brand">
            {app}
          </Link>
          <LanguageSwitch />
          {who && (
            <div className="account">
              <span>{t('signedInAs', { name: who.name })}</span>
              <button type="button" className="link-button" onClick={() => session.signOut(account === 'backoffice' ? 'backoffice' : 'identity')}>
                {t('signOut')}
              </button>
            </div>
          )}
        </div>
        {account === 'person' && session.acting && (
          <p className="acting" data-testid="acting">
            {t('actingFor', { name: session.acting.enterpriseName, enterprise: formatEnterprise(session.acting.enterprise) })} ·{' '}
            {t(session.acting.mode === 'PO' ? 'modePO' : 'modeOwn')}
          </p>
        )}
      </header>
      <div className={menu ? 'page with-menu' : 'page'}>
        {menu && (
          <nav className="side" aria-label={t('menu')}>
            {menu}
          </nav>
        )}
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </>
  );
}

export function LanguageSwitch() {
  const { language, setLanguage } = useLanguage();
  const t = useStrings(common);
  return (
    <div className="languages" role="group" aria-label={t('language')}>
      {LANGUAGES.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={l === language} onClick={() => setLanguage(l)}>
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}

/** 0123456749 → 0123.456.749 */
export function formatEnterprise(digits: string): string {
  return /^\d{10}$/.test(digits) ? `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}` : digits;
}

/** 82041207257 → 82.04.12-072.57 */
export function formatNiss(value: string): string {
  const digits = value.replace(/\D/g, '').slice(0, 11);
  const parts = [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4, 6), digits.slice(6, 9), digits.slice(9, 11)];
  let out = parts[0] ?? '';
  if (digits.length > 2) out += '.' + parts[1];
  if (digits.length > 4) out += '.' + parts[2];
  if (digits.length > 6) out += '-' + parts[3];
  if (digits.length > 9) out += '.' + parts[4];
  return out;
}
