/**
 * Routes are data: method, path, auth, the zod schemas of params/query/body/responses, and a handler.
 * `mount` validates every input with those schemas; `openApiDocument` turns the very same schemas
 * into OpenAPI 3.1 — there is no second copy of a schema by hand.
 */
import type { NextFunction, Request, Response, Router } from 'express';
import { z } from 'zod';
import { ERROR_CODES } from '../domain/error-catalogue';
import { fromZod, localiseView } from './errors';
import { languageOf } from './language';

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
  /** Stable name of the operation: what generated clients call it. */
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  auth: Auth;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /**
   * The body as it is finally read, when `body` checks only its envelope and the rest is checked later
   * (an event: its type here, its payload by the journey's own schema of that type). Documented instead
   * of `body`; never used to validate.
   */
  documentedBody?: z.ZodType;
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
        // The input stays on each issue (never sent back) so zod's message can be written in the caller's language.
        const parsed = schema.safeParse(value ?? {}, { reportInput: true });
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
          // A journey's screen error is rendered in the caller's language.
          const body = localiseView(result.body, languageOf(req));
          res.status(result.status ?? 200);
          if (req.method === 'POST') sendJson(res, body);
          else res.json(body);
        })
        .catch(next);
    });
  }
}

/**
 * The JSON answer to a POST, as `res.json` writes it but without an ETag: no one revalidates the answer
 * to a POST (a conditional request concerns GET and HEAD), and hashing every answer costs each call.
 */
function sendJson(res: Response, body: unknown): void {
  const text = JSON.stringify(body);
  if (text === undefined) {
    res.json(body);
    return;
  }
  if (!res.getHeader('Content-Type')) res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

const errorBody = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES).meta({ id: 'ErrorCode', description: 'Stable code of the rule that was broken, e.g. NISS_CHECK_DIGITS, EVENT_NOT_ALLOWED' }),
      message: z.string().describe('What went wrong, naming the rule'),
      details: z.unknown().optional().describe('Facts about the refusal: `issues` (each broken rule), `allowedEvents`, `journey`'),
    }),
  })
  .meta({ id: 'Error', description: 'The one error shape of the API' });

export const standardErrors = {
  400: {
    description:
      'The request could not be read: a JSON body (any call that sends one) that does not parse (MALFORMED_BODY), nested too deeply (BODY_NESTING_TOO_DEEP) or compressed data that does not decompress (BODY_DECOMPRESSION_FAILED); a malformed percent-encoding in the URL (MALFORMED_URL)',
    schema: errorBody,
  },
  401: { description: 'No valid bearer token (UNAUTHENTICATED)', schema: errorBody },
  403: { description: 'The caller may not make this call', schema: errorBody },
  404: { description: 'Not found (also for another tenant’s object)', schema: errorBody },
  409: { description: 'Not allowed in the current state; `details.allowedEvents` lists what is', schema: errorBody },
  413: { description: 'The body is larger than 64 kB, also once decompressed (PAYLOAD_TOO_LARGE)', schema: errorBody },
  415: { description: 'A Content-Encoding other than gzip, deflate or br (UNSUPPORTED_CONTENT_ENCODING), or a charset that is no Unicode UTF (UNSUPPORTED_CHARSET)', schema: errorBody },
  422: { description: 'Invalid input; `details.issues` names each broken rule', schema: errorBody },
  429: {
    description:
      'Too many calls (RATE_LIMITED): the caller’s budget per minute of changes or of reads (per token subject, else per client address), or of failed authentications (per client address) is spent; Retry-After says when to try again. Every counted answer carries the budget in `RateLimit-Policy` (e.g. `"reads";q=1200;w=60`) and what is left in `RateLimit` (e.g. `"reads";r=1187;t=42`), after the IETF draft draft-ietf-httpapi-ratelimit-headers',
    schema: errorBody,
  },
  503: {
    description: 'A store or service did not answer in time (SERVICE_UNAVAILABLE): nothing changed, the journey stays where it was; try again shortly',
    schema: errorBody,
  },
} as const;

/** The fields of a refusal by the rate limits (api/rate-limit.ts). */
const rateLimitHeaders = {
  'Retry-After': { description: 'Seconds before a call would be allowed again', schema: { type: 'integer', minimum: 1 } },
  'RateLimit-Policy': { description: 'The budget that refused the call: its name, calls per window (q) and window in seconds (w)', schema: { type: 'string', examples: ['"reads";q=1200;w=60'] } },
  RateLimit: { description: 'What is left of it: remaining calls (r) and seconds until the window ends (t)', schema: { type: 'string', examples: ['"reads";r=0;t=42'] } },
};

type JsonSchema = Record<string, unknown>;

/** Where named schemas (`.meta({ id })`) end up, and how the document points at them. */
const componentRef = (id: string) => `#/components/schemas/${id}`;

/**
 * Turns zod schemas into the document's JSON Schemas. Schemas named with `.meta({ id })` go once into
 * `components.schemas` and are referenced everywhere else; a name given to two different schemas (or
 * to a schema that reads differently as input and as output) is refused, so no reference can lie.
 */
class SchemaCollector {
  readonly components: Record<string, JsonSchema> = {};

  convert(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const converted = z.toJSONSchema(schema, {
      io,
      unrepresentable: 'any',
      target: 'draft-2020-12',
      // A discriminated union says which property tells its members apart; the mapping comes once the
      // members are components (`addMappings`).
      override: ({ zodSchema, jsonSchema }) => {
        const def = (zodSchema as { _zod: { def: { type: string; discriminator?: unknown } } })._zod.def;
        if (def.type === 'union' && typeof def.discriminator === 'string') jsonSchema.discriminator = { propertyName: def.discriminator };
      },
    }) as JsonSchema;
    const { $schema: _schema, $defs, ...rest } = converted;
    for (const [id, definition] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
      const pointed = repoint(definition);
      const known = this.components[id];
      if (known && JSON.stringify(known) !== JSON.stringify(pointed)) {
        throw new Error(`OpenAPI: the schema name "${id}" is given to two different schemas (or one that differs between input and output)`);
      }
      this.components[id] = pointed;
    }
    return repoint(rest);
  }

  /** Completes every discriminator with the mapping value → component, read from the members' constants. */
  addMappings(node: unknown): void {
    if (Array.isArray(node)) return node.forEach((n) => this.addMappings(n));
    if (typeof node !== 'object' || node === null) return;
    const schema = node as JsonSchema;
    const discriminator = schema.discriminator as { propertyName: string; mapping?: Record<string, string> } | undefined;
    if (discriminator && Array.isArray(schema.oneOf) && !discriminator.mapping) {
      const mapping: Record<string, string> = {};
      for (const member of schema.oneOf as JsonSchema[]) {
        const ref = typeof member.$ref === 'string' ? member.$ref : undefined;
        const value = ref ? this.constantOf(this.components[ref.slice(componentRef('').length)], discriminator.propertyName) : undefined;
        if (!ref || value === undefined) throw new Error(`OpenAPI: a member of a union discriminated by ${discriminator.propertyName} is not a named schema with a constant ${discriminator.propertyName}`);
        mapping[value] = ref;
      }
      discriminator.mapping = mapping;
    }
    for (const value of Object.values(schema)) this.addMappings(value);
  }

  /** The constant a schema gives `property`: its own, or the one all the members of its union share. */
  private constantOf(schema: JsonSchema | undefined, property: string): string | undefined {
    if (!schema) return undefined;
    if (typeof schema.$ref === 'string') return this.constantOf(this.components[schema.$ref.slice(componentRef('').length)], property);
    const own = (schema.properties as Record<string, { const?: unknown }> | undefined)?.[property]?.const;
    if (typeof own === 'string') return own;
    const members = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
    const values = new Set(members?.map((m) => this.constantOf(m, property)));
    const [only] = values;
    return values.size === 1 ? only : undefined;
  }
}

/** zod writes references to `#/$defs/…`; in the document they live under components. */
function repoint<T>(value: T): T {
  return JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', `"${componentRef('')}`)) as T;
}

function parametersOf(collector: SchemaCollector, schema: z.ZodType | undefined, location: 'path' | 'query') {
  if (!schema) return [];
  const s = collector.convert(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, p]) => ({
    name,
    in: location,
    required: location === 'path' || (s.required ?? []).includes(name),
    ...(typeof p.description === 'string' ? { description: p.description } : {}),
    schema: p,
  }));
}

export interface DocumentInfo {
  title: string;
  version: string;
  description: string;
  license: { name: string; identifier?: string; url?: string };
}

export function openApiDocument(routes: readonly Route[], info: DocumentInfo) {
  const collector = new SchemaCollector();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    const body = r.documentedBody ?? r.body;
    const operation: Record<string, unknown> = {
      operationId: r.operationId,
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: [r.tag],
      security: r.auth === 'none' ? [] : [{ bearer: [] }],
      parameters: [
        ...parametersOf(collector, r.params, 'path'),
        ...parametersOf(collector, r.query, 'query'),
        ...(r.idempotent
          ? [{ name: 'Idempotency-Key', in: 'header', required: false, description: 'A retry with the same key returns the same journey or result', schema: { type: 'string', maxLength: 200 } }]
          : []),
      ],
      ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: collector.convert(body, 'input') } } } } : {}),
      responses: Object.fromEntries(
        Object.entries({
          // What any route of its kind can answer: a request that cannot be read (JSON bodies are parsed
          // before routing, whatever the method), no token, the rate limits (every call is counted), a
          // body too large or in an unsupported encoding.
          400: standardErrors[400],
          ...(r.auth === 'none' ? {} : { 401: standardErrors[401] }),
          429: standardErrors[429],
          ...(r.body ? { 413: standardErrors[413], 415: standardErrors[415] } : {}),
          ...r.responses,
        }).map(([status, resp]) => [
          status,
          {
            description: resp.description,
            ...(status === '429' ? { headers: rateLimitHeaders } : {}),
            ...(resp.schema ? { content: { 'application/json': { schema: collector.convert(resp.schema, 'output') } } } : {}),
          },
        ]),
      ),
    };
    (paths[path] ??= {})[r.method] = operation;
  }
  collector.addMappings(paths);
  collector.addMappings(collector.components);
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/', description: 'This API, where it is served' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: Object.fromEntries(Object.entries(collector.components).sort(([a], [b]) => a.localeCompare(b))),
    },
    paths,
  };
}
