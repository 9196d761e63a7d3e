/**
 * `/metrics` in the Prometheus text format (prom-client): the process's default metrics (CPU, memory,
 * handles, GC, event-loop lag) and HTTP request durations by method, route template and status.
 * The worker's own metrics (workflow and activity tasks, pollers, cache) are the Temporal SDK's, served
 * on `TEMPORAL_METRICS_ADDRESS` (see `worker/temporal-runtime.ts`).
 */
import type { Request, RequestHandler, Router } from 'express';
import { Router as createRouter } from 'express';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** The route template (`/api/journeys/:id/events`), never the URL: ids must not make a series each. */
export function routeOf(req: Request): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? `${req.baseUrl}${path}` : 'unmatched';
}

export class HttpMetrics {
  /** A registry per application, so that several apps in one process (tests) count apart. */
  readonly registry = new Registry();
  private readonly duration: Histogram<'method' | 'route' | 'status'>;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    this.duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP requests by method, route template and status.',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
  }

  middleware(): RequestHandler {
    return (req, res, next) => {
      const end = this.duration.startTimer();
      // On finish the route is known (or known to be missing).
      res.on('finish', () => end({ method: req.method, route: routeOf(req), status: String(res.statusCode) }));
      next();
    };
  }

  router(): Router {
    const router = createRouter();
    router.get('/metrics', async (_req, res) => {
      res.type(this.registry.contentType).send(await this.registry.metrics());
    });
    return router;
  }
}
