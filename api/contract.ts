/**
 * Routes are data: method, path, auth, the zod schemas of params/query/body/responses, and a handler.
 * `mount` validates every input with those schemas; `openApiDocument` turns the very same schemas
 * into OpenAPI 3.1 — there is no second copy of a schema by hand.
 */
import type { NextFunction, Request, Response, Router } from 'express';
import { z } from 'zod';
import { fromZod } from './errors';

export type Auth = 'none' | 'person' | 'acting' | 'backoffice';

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  req: Request;
  res: Response;
}

export interface RouteResult {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface Route<P = unknown, Q = unknown, B = unknown> {
  method: 'get' | 'post';
  /** Express path, e.g. `/api/journeys/:id`. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  auth: Auth;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Reads the Idempotency-Key header. */
  idempotent?: boolean;
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  handler(input: RouteInput<P, Q, B>): Promise<RouteResult>;
}

export function defineRoute<P = Record<string, never>, Q = Record<string, never>, B = undefined>(route: Route<P, Q, B>): Route {
  return route;
}

export function mount(router: Router, routes: readonly Route[], guards: Record<Auth, (req: Request, res: Response, next: NextFunction) => void>): void {
  for (const route of routes) {
    router[route.method](route.path, guards[route.auth], (req, res, next) => {
      const parse = <T>(schema: z.ZodType<T> | undefined, value: unknown, where: 'params' | 'query' | 'body'): T => {
        if (!schema) return value as T;
        const parsed = schema.safeParse(value ?? {});
        if (!parsed.success) throw fromZod(parsed.error, where);
        return parsed.data;
      };
      Promise.resolve()
        .then(() =>
          route.handler({
            params: parse(route.params, req.params, 'params'),
            query: parse(route.query, req.query, 'query'),
            body: parse(route.body, req.body, 'body'),
            req,
            res,
          }),
        )
        .then((result) => {
          for (const [k, v] of Object.entries(result.headers ?? {})) res.setHeader(k, v);
          res.status(result.status ?? 200).json(result.body);
        })
        .catch(next);
    });
  }
}

const errorBody = z
  .object({
    error: z.object({
      code: z.string().describe('Stable code of the rule that was broken, e.g. NISS_CHECK_DIGITS, EVENT_NOT_ALLOWED'),
      message: z.string().describe('What went wrong, naming the rule'),
      details: z.unknown().optional(),
    }),
  })
  .describe('The one error shape of the API');

export const standardErrors = {
  400: {
    description:
      'The body could not be read: not JSON (MALFORMED_BODY), nested too deeply (BODY_NESTING_TOO_DEEP), compressed data that does not decompress (BODY_DECOMPRESSION_FAILED)',
    schema: errorBody,
  },
  401: { description: 'No valid bearer token', schema: errorBody },
  403: { description: 'The caller may not make this call', schema: errorBody },
  404: { description: 'Not found (also for another tenant’s object)', schema: errorBody },
  409: { description: 'Not allowed in the current state; `details.allowedEvents` lists what is', schema: errorBody },
  413: { description: 'The body is larger than 64 kB, also once decompressed (PAYLOAD_TOO_LARGE)', schema: errorBody },
  415: { description: 'A Content-Encoding other than gzip, deflate or br (UNSUPPORTED_CONTENT_ENCODING), or a charset that is no Unicode UTF (UNSUPPORTED_CHARSET)', schema: errorBody },
  422: { description: 'Invalid input; `details.issues` names each broken rule', schema: errorBody },
  429: { description: 'Too many calls from this caller; see Retry-After', schema: errorBody },
} as const;

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return rest;
};

function parametersOf(schema: z.ZodType | undefined, location: 'path' | 'query') {
  if (!schema) return [];
  const s = jsonSchema(schema, 'input') as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, p]) => ({
    name,
    in: location,
    required: location === 'path' || (s.required ?? []).includes(name),
    ...(typeof p.description === 'string' ? { description: p.description } : {}),
    schema: p,
  }));
}

export function openApiDocument(routes: readonly Route[], info: { title: string; version: string; description: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    const operation: Record<string, unknown> = {
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: [r.tag],
      security: r.auth === 'none' ? [] : [{ bearer: [] }],
      parameters: [
        ...parametersOf(r.params, 'path'),
        ...parametersOf(r.query, 'query'),
        ...(r.idempotent
          ? [{ name: 'Idempotency-Key', in: 'header', required: false, description: 'A retry with the same key returns the same journey or result', schema: { type: 'string', maxLength: 200 } }]
          : []),
      ],
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(r.body, 'input') } } } } : {}),
      responses: Object.fromEntries(
        Object.entries({
          ...(r.auth === 'none' ? {} : { 401: standardErrors[401] }),
          ...(r.method === 'get' ? {} : { 429: standardErrors[429] }),
          ...(r.body ? { 400: standardErrors[400], 413: standardErrors[413], 415: standardErrors[415] } : {}),
          ...r.responses,
        }).map(([status, resp]) => [
          status,
          { description: resp.description, ...(resp.schema ? { content: { 'application/json': { schema: jsonSchema(resp.schema, 'output') } } } : {}) },
        ]),
      ),
    };
    (paths[path] ??= {})[r.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths,
  };
}
