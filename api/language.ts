/**
 * The caller's language, from `Accept-Language` (RFC 9110 §12.5.4): the first of fr, nl, de by
 * quality, a regional tag such as nl-BE counting for its language; French when none is acceptable.
 * Every response says which it speaks (`Content-Language`) and that it depends on the header (`Vary`).
 */
import type { RequestHandler, Request, Response } from 'express';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../domain/error-catalogue';

interface Range {
  tag: string;
  quality: number;
  order: number;
}

function rangesOf(header: string): Range[] {
  return header
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q\s*=\s*(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)\s*$/i.exec(p)).find(Boolean);
      // A quality that does not parse makes the range unusable rather than preferred.
      const quality = q ? Number(q[1]) : params.some((p) => /^\s*q\s*=/i.test(p)) ? 0 : 1;
      return { tag: tag.trim().toLowerCase(), quality, order };
    })
    .filter((range) => range.tag !== '' && range.quality > 0);
}

/** The language of the best acceptable range; `*` and no acceptable range give French. */
export function negotiateLanguage(header: string | undefined): Language {
  if (!header) return DEFAULT_LANGUAGE;
  const ranges = rangesOf(header).sort((a, b) => b.quality - a.quality || a.order - b.order);
  for (const { tag } of ranges) {
    if (tag === '*') return DEFAULT_LANGUAGE;
    const primary = tag.split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}

/** The language a response to this request speaks (negotiated once per request). */
export function languageOf(req: Request): Language {
  const res = req.res as (Response & { locals: { language?: Language } }) | undefined;
  const known = res?.locals.language;
  if (known) return known;
  const header = req.headers['accept-language'];
  const language = negotiateLanguage(Array.isArray(header) ? header.join(',') : header);
  if (res) res.locals.language = language;
  return language;
}

/** Says the language of a response and that it varies with Accept-Language. */
export function speak(res: Response, language: Language): void {
  res.setHeader('Content-Language', language);
  res.vary('Accept-Language');
}

/** Negotiates the language of every response before anything else answers. */
export function negotiate(): RequestHandler {
  return (req, res, next) => {
    speak(res, languageOf(req));
    next();
  };
}
