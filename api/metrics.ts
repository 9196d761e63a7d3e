/**
 * `/metrics` in the Prometheus text format: HTTP requests by method, route and status, with a latency
 * histogram. Temporal's own metrics (workflows, activities, task queues) come from the Temporal server.
 */
import type { RequestHandler, Router } from 'express';
import { Router as createRouter } from 'express';

const buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Series {
  count: number;
  sum: number;
  buckets: number[];
}

export class HttpMetrics {
  private readonly series = new Map<string, Series>();

  middleware(): RequestHandler {
    return (req, res, next) => {
      const started = process.hrtime.bigint();
      res.on('finish', () => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        // The route pattern, not the URL: ids must not make a series each.
        const route = (req.route as { path?: string } | undefined)?.path ?? 'unmatched';
        this.observe(`method="${req.method}",route="${route}",status="${res.statusCode}"`, seconds);
      });
      next();
    };
  }

  private observe(labels: string, seconds: number): void {
    let s = this.series.get(labels);
    if (!s) this.series.set(labels, (s = { count: 0, sum: 0, buckets: buckets.map(() => 0) }));
    s.count++;
    s.sum += seconds;
    buckets.forEach((le, i) => {
      if (seconds <= le) s.buckets[i]!++;
    });
  }

  render(): string {
    const lines = ['# HELP http_request_duration_seconds HTTP requests by method, route and status.', '# TYPE http_request_duration_seconds histogram'];
    for (const [labels, s] of this.series) {
      buckets.forEach((le, i) => lines.push(`http_request_duration_seconds_bucket{${labels},le="${le}"} ${s.buckets[i]}`));
      lines.push(`http_request_duration_seconds_bucket{${labels},le="+Inf"} ${s.count}`);
      lines.push(`http_request_duration_seconds_sum{${labels}} ${s.sum}`);
      lines.push(`http_request_duration_seconds_count{${labels}} ${s.count}`);
    }
    return `${lines.join('\n')}\n`;
  }

  router(): Router {
    const router = createRouter();
    router.get('/metrics', (_req, res) => {
      res.type('text/plain; version=0.0.4').send(this.render());
    });
    return router;
  }
}
