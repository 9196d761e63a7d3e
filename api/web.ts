/**
 * The web application, served by the API at `/` (same origin: no CORS, one thing to run). Built files
 * come from web/dist (scripts/build-web.ts builds them at install, start and test). Hashed assets are
 * cached for a year; the page itself never, so a new build is picked up at the next load. Any path
 * that is not the API's and asks for HTML gets the page: the application routes it in the browser.
 */
import express, { Router, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const defaultWebDist = join(__dirname, '..', 'web', 'dist');

/** Paths the service answers itself; the application's page is never their answer. */
const servicePaths = /^\/(api|docs|openapi\.json|metrics|healthz|readyz)(\/|$)/;

/** The page is checked at every load (a new build is picked up); its security headers are helmet's (api/security.ts). */
function pageHeaders(res: Response): void {
  res.setHeader('Cache-Control', 'no-cache');
}

export function webRouter(dist: string = defaultWebDist): Router {
  const router = Router();
  const page = join(dist, 'index.html');
  router.use(
    '/assets',
    express.static(join(dist, 'assets'), {
      index: false,
      fallthrough: false,
      setHeaders: (res) => {
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  router.get(/.*/, (req, res, next) => {
    if (servicePaths.test(req.path) || !req.accepts('html')) return next();
    if (!existsSync(page)) {
      res.status(503).type('text').send('The web application is not built yet: `npm install` or `npm start` builds it (scripts/build-web.ts).');
      return;
    }
    pageHeaders(res);
    res.sendFile(page);
  });
  return router;
}
