/** `/openapi.json` (generated from the routes' zod schemas) and `/docs` (Swagger UI, served locally). */
import express, { Router } from 'express';
import { dirname } from 'node:path';

const page = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Break@Work PO journeys — API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="api"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script>SwaggerUIBundle({ url: '/openapi.json', dom_id: '#api', persistAuthorization: true });</script>
</body></html>`;

export function docsRouter(document: unknown): Router {
  const router = Router();
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.use('/docs/assets', express.static(dirname(require.resolve('swagger-ui-dist/package.json')), { index: false }));
  router.get('/docs', (_req, res) => {
    res.type('html').send(page);
  });
  return router;
}
