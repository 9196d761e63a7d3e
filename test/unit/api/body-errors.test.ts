/** Bodies that cannot be read are the caller's: a 4xx with a stable code, never a 500; depth is bounded without recursion. */
import type { NextFunction, Request, Response } from 'express';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { MAX_BODY_DEPTH, limitBodyDepth, nestsDeeperThan } from '../../../api/json-depth';
import { handleError } from '../support/error-handler';


/** What body-parser hands on: zlib's own error, given status 400 and no type. */
function zlibError(decompress: () => unknown): Error {
  try {
    decompress();
  } catch (err) {
    return Object.assign(err as Error, { status: 400, statusCode: 400, expose: true });
  }
  throw new Error('expected the data not to decompress');
}

const bodyParserError = (status: number, type: string, message: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(message), { status, statusCode: status, expose: true, type, ...extra });

test.each([
  ['gzip', zlibError(() => gunzipSync(Buffer.from('not gzip')))],
  ['br', zlibError(() => brotliDecompressSync(Buffer.from('\u00ff\u00fe not brotli', 'latin1')))],
])('a %s body that does not decompress is 400 BODY_DECOMPRESSION_FAILED', (encoding, err) => {
  expect(handleError(err, { 'content-encoding': encoding })).toEqual({
    status: 400,
    headers: { 'content-language': 'fr', vary: 'Accept-Language' },
    body: { error: { code: 'BODY_DECOMPRESSION_FAILED', message: expect.stringContaining(`ce ne sont pas des données ${encoding} valides`) } },
  });
});

test.each([
  ['malformed JSON', bodyParserError(400, 'entity.parse.failed', 'Unexpected end of JSON input'), {}, 400, 'MALFORMED_BODY'],
  ['too large', bodyParserError(413, 'entity.too.large', 'request entity too large', { limit: 65536 }), {}, 413, 'PAYLOAD_TOO_LARGE'],
  ['an unsupported encoding', bodyParserError(415, 'encoding.unsupported', 'unsupported content encoding "compress"'), { 'content-encoding': 'compress' }, 415, 'UNSUPPORTED_CONTENT_ENCODING'],
  ['an unsupported charset', bodyParserError(415, 'charset.unsupported', 'unsupported charset "LATIN1"', { charset: 'latin1' }), {}, 415, 'UNSUPPORTED_CHARSET'],
  ['an aborted request', bodyParserError(400, 'request.aborted', 'request aborted'), {}, 400, 'REQUEST_ABORTED'],
  ['a wrong Content-Length', bodyParserError(400, 'request.size.invalid', 'request size did not match content length'), {}, 400, 'CONTENT_LENGTH_MISMATCH'],
  ['a malformed percent-encoding in the path', Object.assign(new URIError("Failed to decode param '%E0%A4%A'"), { status: 400 }), {}, 400, 'MALFORMED_URL'],
  ['another client error', Object.assign(new Error('odd'), { status: 400, expose: true }), {}, 400, 'BAD_REQUEST'],
  ['a body-parser fault of ours', bodyParserError(500, 'stream.encoding.set', 'stream encoding should not be set'), {}, 500, 'INTERNAL'],
])('%s', (_name, err, headers, status, code) => {
  const res = handleError(err, headers);
  expect(res.status).toBe(status);
  expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
});

describe('nesting depth', () => {
  const nested = (levels: number, array = false): unknown => {
    let value: unknown = 1;
    for (let i = 0; i < levels; i++) value = array ? [value] : { a: value };
    return value;
  };

  it('counts containers: a scalar is 0, a flat object or array 1', () => {
    expect(nestsDeeperThan('x', 0)).toBe(false);
    expect(nestsDeeperThan({ a: 1, b: [] }, 1)).toBe(true);
    expect(nestsDeeperThan({ a: 1, b: 'x' }, 1)).toBe(false);
    expect(nestsDeeperThan(nested(32), 32)).toBe(false);
    expect(nestsDeeperThan(nested(33), 32)).toBe(true);
    expect(nestsDeeperThan({ wide: Array.from({ length: 10_000 }, () => ({ x: [1] })) }, 4)).toBe(false);
  });

  it('measures any depth without recursion, and stops on a cycle', () => {
    expect(nestsDeeperThan(nested(1_000_000, true), MAX_BODY_DEPTH)).toBe(true);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(nestsDeeperThan(cycle, MAX_BODY_DEPTH)).toBe(true);
  });

  it('the middleware refuses a deep body with 400 BODY_NESTING_TOO_DEEP and lets others through', () => {
    const run = (body: unknown) => {
      let passed: unknown = 'not called';
      limitBodyDepth()({ body } as Request, {} as Response, ((err?: unknown) => (passed = err)) as NextFunction);
      return passed;
    };
    expect(run(undefined)).toBeUndefined();
    expect(run(nested(MAX_BODY_DEPTH))).toBeUndefined();
    expect(handleError(run(nested(5000)))).toMatchObject({
      status: 400,
      body: { error: { code: 'BODY_NESTING_TOO_DEEP', message: expect.stringMatching(/imbriqué sur plus de 32 niveaux/), details: { maxDepth: 32 } } },
    });
  });
});
