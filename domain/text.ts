// Text typed by people: free text (reasons, names, searches) and e-mail addresses. Free text is stored
// and shown as it is, so it must be text a database and a screen accept: no NUL or other control
// characters, and well-formed Unicode (no lone UTF-16 surrogates, which no UTF-8 store can hold).
import { DomainError } from './errors';

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const DELETE = 0x7f;

/** U+0000–U+001F (C0) other than tab, line feed and carriage return, and U+007F (DEL). */
function isRefusedControl(code: number): boolean {
  return (code < 0x20 && code !== TAB && code !== LINE_FEED && code !== CARRIAGE_RETURN) || code === DELETE;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

const codePoint = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * The rules free text breaks, at most one error per rule (the first offending character): control
 * characters (TEXT_CONTROL_CHARACTERS) and lone UTF-16 surrogates (TEXT_INVALID_UNICODE). One pass,
 * no regular expression: linear in the text whatever it holds.
 */
export function freeTextErrors(text: string): DomainError[] {
  const errors: DomainError[] = [];
  let control = false;
  let unicode = false;
  for (let i = 0; i < text.length && !(control && unicode); i++) {
    const code = text.charCodeAt(i);
    if (!control && isRefusedControl(code)) {
      control = true;
      errors.push(new DomainError('TEXT_CONTROL_CHARACTERS', { character: codePoint(code), position: i }));
    } else if (!unicode && (isHighSurrogate(code) || isLowSurrogate(code))) {
      if (isHighSurrogate(code) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
        i++; // a well-formed pair: one character outside the Basic Multilingual Plane
        continue;
      }
      unicode = true;
      errors.push(new DomainError('TEXT_INVALID_UNICODE', { character: codePoint(code), position: i }));
    }
  }
  return errors;
}

/** Longest e-mail address (RFC 5321: a path of at most 256 octets, less the angle brackets). */
export const MAX_EMAIL_LENGTH = 254;

// name@domain.tld: dot-separated words of letters, digits and _ ' + - before the @; dot-separated labels
// (letter or digit first) and a top-level domain of 2 letters or more after it. Each repetition is anchored
// by a dot, so matching stays linear. The domain's own rule: it does not depend on a library's export.
const EMAIL = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/** The error of an e-mail address that is not of the form name@domain.tld (EMAIL_FORMAT), or null. */
export function emailAddressError(address: string): DomainError | null {
  if (address.length > MAX_EMAIL_LENGTH) {
    return new DomainError('EMAIL_FORMAT', { length: address.length, maxLength: MAX_EMAIL_LENGTH });
  }
  return EMAIL.test(address) ? null : new DomainError('EMAIL_FORMAT', { maxLength: MAX_EMAIL_LENGTH });
}
