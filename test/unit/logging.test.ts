/**
 * The log stream: no national number, token, Authorization header, typed text or SQL in any line, by
 * redacted path or by masking; request ids taken from a well-formed `X-Request-Id` and echoed; the
 * Temporal SDK's messages as lines of the same stream.
 */
import express from 'express';
import request from 'supertest';
import { Writable } from 'node:stream';
import { createLogger, loggableUrl, maskLine, maskNiss, type Logger } from '../../config/logger';
import { errorHandler } from '../../api/errors';
import { requestIdOf, requestLog } from '../../api/request-log';
import { temporalLogger } from '../../worker/temporal-runtime';
import { capturedLog, type CapturedLog } from '../support/captured-log';

const niss = '82041207257';
const formatted = '82.04.12-072.57';
const ANY_NISS = /\d{2}[.\s-]?\d{2}[.\s-]?\d{2}[.\s-]?\d{3}[.\s-]?\d{2}/;

const capture = (): CapturedLog => capturedLog();

describe('masking', () => {
  test.each([niss, formatted, '82 04 12 072 57', '820412-07257'])('a NISS written as %s is masked', (written) => {
    expect(maskNiss(`worker ${written} refused`)).toBe('worker [niss] refused');
  });

  test.each([
    ['an enterprise number', '0123.456.749'],
    ['a ticket', 'BAW-2026-000123'],
    ['a timestamp', '2026-11-27T21:21:42.702Z'],
    ['a 13-digit epoch', '1795000000000'],
    ['twelve digits', '820412072570'],
  ])('%s is left alone', (_what, text) => {
    expect(maskNiss(text)).toBe(text);
  });

  test('a line keeps its JSON shape when a NISS is masked in a string, a key or a number', () => {
    const line = `${JSON.stringify({ msg: `for ${formatted}`, [niss]: 1, n: Number(niss), ok: 'BAW-2026-000123' })}\n`;
    expect(JSON.parse(maskLine(line))).toEqual({ msg: 'for [niss]', '[niss]': 1, n: '[niss]', ok: 'BAW-2026-000123' });
    expect(maskLine('{"msg":"nothing"}\n')).toBe('{"msg":"nothing"}\n');
  });

  test('a logged URL masks the NISS in its path and keeps only the query values that are codes', () => {
    expect(loggableUrl(`/api/requests/${formatted}`)).toBe('/api/requests/[niss]');
    expect(loggableUrl(`/api/organisations/0123456749/members?search=Dupont%20Marie&role=ACCESS_MANAGER&page=2`)).toBe(
      '/api/organisations/0123456749/members?search=[redacted]&role=ACCESS_MANAGER&page=2',
    );
    expect(loggableUrl(`/api/requests?worker=${niss}&status=${niss}`)).toBe('/api/requests?worker=[redacted]&status=[niss]');
  });
});

describe('the logger', () => {
  test('fields that carry a NISS, a token or typed text are redacted; a NISS elsewhere is masked', () => {
    const { log, lines, text } = capture();
    log.info(`worker ${formatted} selected`, {
      niss,
      event: { type: 'SELECT_WORKER', niss: formatted, reason: 'Mon père est malade', firstName: 'Sophie' },
      token: 'eyJhbGciOiJIUzI1NiJ9.payload.signature',
      headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.payload.signature' },
      note: `see ${niss}`,
      journeyId: 'request-3f2a',
    });
    log.child({ actorNiss: niss }).warn('child bindings too');
    const [first, second] = lines();
    expect(first).toMatchObject({
      level: 'info',
      msg: 'worker [niss] selected',
      niss: '[redacted]',
      event: { type: 'SELECT_WORKER', niss: '[redacted]', reason: '[redacted]', firstName: '[redacted]' },
      token: '[redacted]',
      headers: { authorization: '[redacted]' },
      note: '[redacted]',
      journeyId: 'request-3f2a',
    });
    expect(second).toMatchObject({ level: 'warn', actorNiss: '[redacted]' });
    expect(text()).not.toMatch(ANY_NISS);
    expect(text()).not.toContain('eyJ');
    expect(text()).not.toContain('malade');
  });

  test('an error is its type, message, code and stack: no query text or parameters a driver attached', () => {
    const { log, lines, text } = capture();
    const failure = Object.assign(new Error(`duplicate key for ${niss}`), {
      code: '23505',
      query: 'INSERT INTO members (niss) VALUES ($1)',
      parameters: [niss],
      detail: `Key (niss)=(${niss}) already exists.`,
    });
    log.error('could not add the member', { error: failure });
    const [line] = lines();
    expect(line!.error).toMatchObject({ type: 'Error', message: 'duplicate key for [niss]', code: '23505', stack: expect.any(String) });
    expect(Object.keys(line!.error as object).sort()).toEqual(['code', 'message', 'stack', 'type']);
    expect(text()).not.toContain('INSERT');
    expect(text()).not.toMatch(ANY_NISS);
  });

  test('below the level nothing is written, and silent writes nothing', () => {
    let written = '';
    const destination = new Writable({ write: (c: Buffer, _e, done) => ((written += c.toString()), done()) });
    createLogger('warn', { destination }).info('not this');
    createLogger('silent', { destination }).error('nor this');
    expect(written).toBe('');
  });
});

describe('the access log', () => {
  function app(log: Logger) {
    const a = express();
    a.use(requestLog(log));
    a.get('/api/requests/:ref', (req, res) => {
      req.log.info({ step: 'read' }, 'reading');
      res.status(404).json({ error: { code: 'NOT_FOUND' } });
    });
    a.get('/healthz', (_req, res) => res.json({ status: 'ok' }));
    return a;
  }

  test('one line per response, with the request id, the route template and a URL without NISS or typed text', async () => {
    const { log, lines, text } = capture();
    const res = await request(app(log))
      .get(`/api/requests/${formatted}?search=Lambert&status=OPEN`)
      .set('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.payload.signature')
      .set('X-Request-Id', 'trace-42.a:b');
    expect(res.headers['x-request-id']).toBe('trace-42.a:b');
    const [reading, access] = lines();
    expect(reading).toMatchObject({ msg: 'reading', reqId: 'trace-42.a:b', step: 'read' });
    expect(access).toMatchObject({
      level: 'warn',
      msg: 'request completed',
      req: { id: 'trace-42.a:b', method: 'GET', url: '/api/requests/[niss]?search=[redacted]&status=OPEN' },
      res: { statusCode: 404 },
      route: '/api/requests/:ref',
      responseTime: expect.any(Number),
    });
    expect(text()).not.toMatch(ANY_NISS);
    expect(text()).not.toContain('eyJ');
    expect(text()).not.toContain('Lambert');
    expect(text()).not.toMatch(/authorization/i);
  });

  test('a missing or malformed X-Request-Id gets a new UUID, answered in the response', async () => {
    const { log } = capture();
    const fresh = await request(app(log)).get('/api/requests/x');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const bad = await request(app(log)).get('/api/requests/x').set('X-Request-Id', 'two words; "quoted"');
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf('a'.repeat(129))).not.toBe('a'.repeat(129));
    expect(requestIdOf(['a', 'b'])).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("a fault's 500 line carries the request's id, like its access-log line", async () => {
    const { log, lines, text } = capture();
    const a = express();
    a.use(requestLog(log));
    a.get('/api/requests/:ref', () => {
      throw new Error(`store down while reading ${niss}`);
    });
    a.use(errorHandler(log));
    const res = await request(a).get('/api/requests/x').set('X-Request-Id', 'fault-1');
    expect(res.status).toBe(500);
    expect(res.headers['x-request-id']).toBe('fault-1');
    const [fault, access] = lines();
    expect(fault).toMatchObject({ level: 'error', msg: 'request failed', reqId: 'fault-1', method: 'GET', path: '/api/requests/x', error: expect.stringContaining('store down') });
    expect(access).toMatchObject({ msg: 'request failed', req: { id: 'fault-1' }, res: { statusCode: 500 } });
    expect(text()).not.toMatch(ANY_NISS);
  });

  test('probes are answered but not logged', async () => {
    const { log, text } = capture();
    expect((await request(app(log)).get('/healthz')).status).toBe(200);
    expect(text()).toBe('');
  });
});

test("the Temporal SDK's messages are lines of the same stream, its metadata as fields", () => {
  const { log, lines, text } = capture();
  const sdk = temporalLogger(log.pino.child({ component: 'temporal' }));
  sdk.info('Activity failed', { sdkComponent: 'activity', activityType: 'addMember', workflowId: 'accessManagement-1', error: new Error(`member ${niss} exists`) });
  sdk.log('WARN', 'Worker state changed', { sdkComponent: 'worker', state: 'STOPPING' });
  sdk.trace('not at debug');
  expect(lines()).toEqual([
    expect.objectContaining({ level: 'info', component: 'temporal', msg: 'Activity failed', sdkComponent: 'activity', activityType: 'addMember', error: expect.objectContaining({ message: 'member [niss] exists' }) }),
    expect.objectContaining({ level: 'warn', component: 'temporal', msg: 'Worker state changed', state: 'STOPPING' }),
  ]);
  expect(text()).not.toMatch(ANY_NISS);
});
