/**
 * Security headers on every answer (helmet), one policy for the whole service:
 * - a Content-Security-Policy that fits the web application and the Swagger UI at /docs alike: scripts,
 *   styles, fonts and images from the service itself only (no inline script anywhere; inline style
 *   *attributes* are allowed — React writes some, e.g. the statechart's positions, and so does Swagger
 *   UI), calls to the service itself and to the OpenID provider when one is configured (the browser
 *   exchanges its code for tokens there), and no framing by anyone;
 * - X-Frame-Options DENY (for browsers without frame-ancestors), X-Content-Type-Options nosniff,
 *   Referrer-Policy no-referrer, and helmet's other defaults (Cross-Origin-Opener/Resource-Policy
 *   same-origin, no DNS prefetch, …);
 * - Strict-Transport-Security only when configured (HSTS_MAX_AGE_SECONDS; on by default in production,
 *   which runs behind TLS): a browser that saw it refuses plain http to this host for that long.
 * And `Cache-Control: no-store` on every /api answer: they carry personal data (names, national numbers,
 * requests), which no browser or proxy cache should keep.
 */
import type { RequestHandler } from 'express';
import helmet from 'helmet';

export interface SecurityOptions {
  /** Origins the browser may call besides the service (the OpenID provider's). */
  connectOrigins?: readonly string[];
  /** Strict-Transport-Security's max-age; 0 sends none. */
  hstsMaxAgeSeconds: number;
}

export function contentSecurityPolicy(connectOrigins: readonly string[] = []): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src-elem': ["'self'"],
    'style-src-attr': ["'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...connectOrigins],
    'font-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
}

export function securityHeaders(options: SecurityOptions): RequestHandler {
  const policy = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(options.connectOrigins) },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: options.hstsMaxAgeSeconds > 0 ? { maxAge: options.hstsMaxAgeSeconds, includeSubDomains: false } : false,
  });
  // The policy is the same for every answer (no directive depends on the request): helmet writes it
  // once, here, and each answer gets the headers it wrote, instead of running its dozen middlewares.
  const set: Array<[string, string]> = [];
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: unknown) => void set.push([name, String(value)]),
    removeHeader: (name: string) => void removed.push(name),
  };
  let failure: Error | undefined;
  policy({} as Parameters<RequestHandler>[0], recorder as unknown as Parameters<RequestHandler>[1], (err?: unknown) => {
    if (err) failure = err instanceof Error ? err : new Error('the security headers could not be written');
  });
  if (failure) throw failure;
  return (_req, res, next) => {
    for (const [name, value] of set) res.setHeader(name, value);
    for (const name of removed) res.removeHeader(name);
    next();
  };
}

/** For the /api answers: personal data stays out of every cache. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

/** The origin of a URL (for connect-src), or nothing when there is no URL. */
export function originOf(url: string | undefined): string[] {
  return url ? [new URL(url).origin] : [];
}
