/** The Express application: routes, validation, auth, error mapping, OpenAPI. Stateless. */
import type { Client } from '@temporalio/client';
import express, { type RequestHandler } from 'express';
import type { Config } from '../config';
import type { Logger } from '../config/logger';
import { journeys } from '../machines';
import type { Db } from '../store/db';
import { authenticate, tokenServiceFor, type TokenService } from './auth';
import { mount, openApiDocument, type Auth, type Route } from './contract';
import { errorHandler, notFound } from './errors';
import { JourneyService } from './journey-service';
import { withLivePermission } from './live-permissions';
import { MAX_BODY_DEPTH, limitBodyDepth } from './json-depth';
import { negotiate } from './language';
import { HttpMetrics } from './metrics';
import { RateLimiter } from './rate-limit';
import { noStore, originOf, securityHeaders } from './security';
import { webRouter } from './web';
import { requestLog } from './request-log';
import { backofficeRoutes } from './routes/backoffice';
import { codecCors, codecRoutes } from './routes/codec';
import { docsRouter } from './routes/docs';
import { identityRoutes } from './routes/identity';
import { journeyRoutes } from './routes/journeys';
import { operationsRouter } from './routes/operations';
import { readRoutes } from './routes/reads';
import { serviceRoutes } from './routes/service';

export interface AppDeps {
  config: Config;
  db: Db;
  temporal: Client;
  log: Logger;
  /** The Temporal web UI's base URL when this process knows it (the embedded dev server's); GET /api/service. */
  temporalWebUrl?: string;
  /** The built web application (web/dist by default). */
  webDist?: string;
  /**
   * True once the process is stopping: /readyz answers 503 so that a load balancer or an orchestrator
   * sends no new calls, and answers carry `Connection: close` so that kept-alive clients reconnect elsewhere.
   */
  draining?: () => boolean;
  /**
   * The state of the Temporal worker this process also runs (`npm start`), if any: /readyz answers 503
   * until it is RUNNING (the API opens while the worker is still starting).
   */
  workerState?: () => string;
}

export function apiRoutes(deps: AppDeps, tokens: TokenService): Route[] {
  const service = new JourneyService({ temporal: deps.temporal, db: deps.db, config: deps.config, journeys, tokens });
  return [
    ...identityRoutes(deps.config, deps.db, tokens),
    ...journeyRoutes(service, journeys),
    ...readRoutes(deps.db),
    ...backofficeRoutes(deps.db, service, journeys),
    ...serviceRoutes(deps.config, deps.temporalWebUrl),
    ...codecRoutes(deps.config, deps.temporal),
  ];
}

/** The OpenAPI document of these routes (served at /openapi.json, written by `npm run openapi`). */
export function apiDocument(routes: readonly Route[]) {
  return openApiDocument(routes, {
    title: 'Break@Work — journeys of an organising authority (PO)',
    version: '0.1.0',
    description:
      'Access management, Break@Work sign-in and career-interruption requests, each a journey driven screen by screen: start it, send the events its response allows, read what to render.',
    // Not open source (package.json: UNLICENSED); SPDX names such a licence with a LicenseRef.
    license: { name: 'Proprietary: all rights reserved', identifier: 'LicenseRef-Proprietary' },
  });
}

export function createApp(deps: AppDeps): express.Express {
  const tokens = tokenServiceFor(deps.config, deps.db);
  const routes = apiRoutes(deps, tokens);
  // Every call is counted (api/rate-limit.ts): signed in, after its token, against its subject.
  const limiter = new RateLimiter(deps.db, deps.config.rateLimits);
  const signedIn: RequestHandler = limiter.authenticated(authenticate(tokens));
  const open: RequestHandler = limiter.calls();
  const guards: Record<Auth, RequestHandler> = { none: open, person: signedIn, acting: withLivePermission(signedIn, deps.db), backoffice: signedIn };

  const metrics = new HttpMetrics();
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', deps.config.trustProxy);
  // Before anything that may answer: every response, errors included, speaks the caller's language.
  app.use((_req, res, next) => {
    if (deps.draining?.()) res.setHeader('Connection', 'close');
    next();
  });
  app.use(negotiate());
  app.use(requestLog(deps.log));
  app.use(metrics.middleware());
  app.use(securityHeaders({ connectOrigins: originOf(deps.config.oidc?.issuer), hstsMaxAgeSeconds: deps.config.hstsMaxAgeSeconds }));
  // Personal data (API answers, decoded payloads): no-store on every answer there, refusals included.
  app.use(['/api', '/codec'], noStore);
  // The Temporal web UI decodes through /codec: its CORS, and bodies up to 1 MB (many payloads at once).
  app.use(codecCors(deps.config.codecCorsOrigins));
  app.use('/codec', express.json({ limit: '1mb' }));
  // Bodies: JSON of at most 64 kB (also after gzip/deflate/br), nested at most MAX_BODY_DEPTH levels.
  app.use(express.json({ limit: '64kb' }));
  app.use(limitBodyDepth(MAX_BODY_DEPTH));
  // Probes and scrapes are not limited: an orchestrator must always reach them (they hold no personal data).
  app.use(operationsRouter(deps));
  app.use(metrics.router());
  const api = express.Router();
  mount(api, routes, guards);
  app.use(api);
  // Whatever else is asked (docs, the web application, unknown paths) counts against the client address.
  app.use(open);
  app.use(docsRouter(apiDocument(routes)));
  // The web application: its assets and, for any other page it routes itself, its HTML.
  app.use(webRouter(deps.webDist));
  app.use((_req, _res, next) => next(notFound('route')));
  app.use(errorHandler(deps.log));
  return app;
}
