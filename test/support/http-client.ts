/**
 * The typed client of the API, as a UI would use it: openapi-fetch over the types openapi-typescript
 * generates from the published document (`api/openapi/types.ts`, `npm run openapi`). A call that does
 * not match the document (a path, a parameter, a body, a response) does not compile.
 *
 * In tests the requests do not go over a socket: `inProcessFetch` hands each one to supertest, which
 * runs it through the Express app itself (the same entry points as a real server).
 */
import createClient, { type Client } from 'openapi-fetch';
import type TestAgent from 'supertest/lib/agent';
import type { components, paths } from '../../api/openapi/types';

export type Schemas = components['schemas'];
export type ApiClient = Client<paths>;

/** The base URL the client prefixes; only its path reaches the app. */
const BASE_URL = 'http://api.test';

/** A fetch that answers through the app behind a supertest agent. */
export function inProcessFetch(http: TestAgent): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    const method = request.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options';
    let call = http[method](url.pathname + url.search);
    request.headers.forEach((value, name) => {
      call = call.set(name, value);
    });
    const body = await request.text();
    const res = await (body ? call.send(body) : call);
    const headers = new Headers();
    for (const [name, value] of Object.entries(res.headers as Record<string, string | string[]>)) {
      for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
    }
    const empty = res.status === 204 || res.status === 304 || method === 'head';
    return new Response(empty ? null : res.text, { status: res.status, headers });
  };
}

const clients = new WeakMap<TestAgent, ApiClient>();

/** The typed client of the app behind this agent (one per agent). */
export function apiClient(http: TestAgent): ApiClient {
  let client = clients.get(http);
  if (!client) {
    client = createClient<paths>({ baseUrl: BASE_URL, fetch: inProcessFetch(http) });
    clients.set(http, client);
  }
  return client;
}
