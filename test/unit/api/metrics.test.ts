/** `/metrics`: prom-client's text format, the process's default metrics, and requests counted by route template. */
import express from 'express';
import request from 'supertest';
import { HttpMetrics } from '../../../api/metrics';

function app() {
  const metrics = new HttpMetrics();
  const a = express();
  a.use(metrics.middleware());
  a.use(metrics.router());
  a.get('/api/journeys/:id', (_req, res) => res.json({ ok: true }));
  return a;
}

test('the metrics endpoint serves the default metrics and each request by method, route template and status', async () => {
  const http = request(app());
  await http.get('/api/journeys/request-8f1c2a');
  await http.get('/api/journeys/request-77aa01');
  await http.get('/nowhere');
  const res = await http.get('/metrics');
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
  for (const name of ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'nodejs_gc_duration_seconds', 'nodejs_heap_size_used_bytes']) {
    expect(res.text).toContain(`# TYPE ${name} `);
  }
  expect(res.text).toContain('# TYPE http_request_duration_seconds histogram');
  expect(res.text).toMatch(/^http_request_duration_seconds_count\{method="GET",route="\/api\/journeys\/:id",status="200"\} 2$/m);
  expect(res.text).toMatch(/^http_request_duration_seconds_bucket\{le="\+Inf",method="GET",route="\/api\/journeys\/:id",status="200"\} 2$/m);
  expect(res.text).toMatch(/^http_request_duration_seconds_count\{method="GET",route="unmatched",status="404"\} 1$/m);
  // Ids never make series of their own.
  expect(res.text).not.toContain('request-8f1c2a');
});

test('each application counts its own requests', async () => {
  await request(app()).get('/api/journeys/a');
  const text = (await request(app()).get('/metrics')).text;
  expect(text).not.toMatch(/route="\/api\/journeys\/:id"/);
});
