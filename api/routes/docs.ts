/**
 * `/openapi.json` (generated from the routes' zod schemas) and `/docs` (Swagger UI, served locally).
 * The page runs no inline script: Swagger UI is started by /docs/init.js, so /docs lives under the
 * service's one Content-Security-Policy (api/security.ts) like the web application.
 */
import express, { Router } from 'express';
import { dirname } from 'node:path';

const page = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Break@Work PO journeys — API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="api"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body></html>`;

// validatorUrl null: no badge image fetched from swagger.io (the policy allows none, and it would leak the page).
const init = `SwaggerUIBundle({ url: '/openapi.json', dom_id: '#api', persistAuthorization: true, validatorUrl: null });\n`;

export function docsRouter(document: unknown): Router {
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.use('/docs/assets', express.static(dirname(require.resolve('swagger-ui-dist/package.json')), { index: false }));
  router.get('/docs/init.js', (_req, res) => {
    res.type('text/javascript').send(init);
  });
  router.get('/docs', (_req, res) => {
    res.type('html').send(page);
  });
  return router;
}
