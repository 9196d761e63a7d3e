/**
 * Driving journeys through the HTTP API, as a UI would: tokens, starts, events, the sign-in walk. Every
 * call goes through the typed client (`http-client.ts`), so a helper that no longer matches the
 * published document does not compile.
 */
import type TestAgent from 'supertest/lib/agent';
import { apiClient, type Schemas } from './http-client';

export type JourneyBody = Schemas['Journey'];
export type JourneyEvent = Schemas['JourneyEvent'];
export type BackofficeEvent = Schemas['BackofficeEvent'];
export type MachineId = Schemas['JourneyStart']['machine'];
export type ErrorBody = Schemas['Error'];

/**
 * An answer of the API, shaped as the tests read it: status, parsed body (the data or the error body),
 * headers by lower-case name.
 */
export interface ApiAnswer<T = unknown> {
  status: number;
  body: T | ErrorBody;
  headers: Record<string, string>;
}

/** Turns openapi-fetch's `{ data, error, response }` into an ApiAnswer. */
export function answer<T>(result: { data?: T; error?: unknown; response: Response }): ApiAnswer<T> {
  return {
    status: result.response.status,
    body: (result.data ?? result.error) as T | ErrorBody,
    headers: Object.fromEntries(result.response.headers.entries()),
  };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export async function identityToken(http: TestAgent, niss: string): Promise<string> {
  const { data, error, response } = await apiClient(http).POST('/api/dev/identity/tokens', { body: { niss } });
  if (!data) throw new Error(`token for ${niss}: ${response.status} ${JSON.stringify(error)}`);
  return data.token;
}

export async function backofficeToken(http: TestAgent): Promise<string> {
  const { data, error, response } = await apiClient(http).POST('/api/dev/identity/tokens', { body: { backofficeAgent: 'Agent ONEM' } });
  if (!data) throw new Error(`back-office token: ${response.status} ${JSON.stringify(error)}`);
  return data.token;
}

export async function start(http: TestAgent, token: string, machine: MachineId, idempotencyKey?: string): Promise<ApiAnswer<JourneyBody>> {
  return answer(
    await apiClient(http).POST('/api/journeys', {
      body: { machine },
      headers: idempotencyKey ? { ...bearer(token), 'Idempotency-Key': idempotencyKey } : bearer(token),
    }),
  );
}

export async function send(http: TestAgent, token: string, id: string, event: JourneyEvent, idempotencyKey?: string): Promise<ApiAnswer<JourneyBody>> {
  return answer(
    await apiClient(http).POST('/api/journeys/{id}/events', {
      params: { path: { id } },
      body: event,
      headers: idempotencyKey ? { ...bearer(token), 'Idempotency-Key': idempotencyKey } : bearer(token),
    }),
  );
}

export async function read(http: TestAgent, token: string, id: string): Promise<ApiAnswer<JourneyBody>> {
  return answer(await apiClient(http).GET('/api/journeys/{id}', { params: { path: { id } }, headers: bearer(token) }));
}

/** A back-office event to a request, by its ticket. */
export async function sendBackoffice(http: TestAgent, token: string, ticket: string, event: BackofficeEvent, idempotencyKey?: string): Promise<ApiAnswer<JourneyBody>> {
  return answer(
    await apiClient(http).POST('/api/backoffice/requests/{ticket}/events', {
      params: { path: { ticket } },
      body: event,
      headers: idempotencyKey ? { ...bearer(token), 'Idempotency-Key': idempotencyKey } : bearer(token),
    }),
  );
}

/**
 * An event sent as raw JSON, outside the typed client: for bodies the document does not allow, in tests
 * of how they are refused (an unknown type, a field of the wrong type, a back-office event by its owner).
 */
export function sendRaw(http: TestAgent, token: string, id: string, body: unknown, idempotencyKey?: string) {
  const req = http.post(`/api/journeys/${encodeURIComponent(id)}/events`).set(bearer(token)).send(body as object);
  return idempotencyKey ? req.set('Idempotency-Key', idempotencyKey) : req;
}

/** Asserts a 2xx and returns the journey. */
export function ok(res: { status: number; body: unknown }): JourneyBody {
  if (res.status >= 300) throw new Error(`expected success, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as JourneyBody;
}

/**
 * The Break@Work sign-in of the guide's step 2: landing → Employeur → Introduisez une demande →
 * digital key → the organisation → (intermediate screen → confirm) → signed in; returns the acting token.
 */
export async function signIn(http: TestAgent, niss: string, enterprise: string, mode?: 'PO' | 'OWN_COMPANY'): Promise<{ token: string; journey: JourneyBody }> {
  const token = await identityToken(http, niss);
  let journey = ok(await start(http, token, 'signIn'));
  const walk: JourneyEvent[] = [{ type: 'EMPLOYER' }, { type: 'INTRODUCE_REQUEST' }, { type: 'SIGN_IN' }, { type: 'CHOOSE_ORGANISATION', enterprise }];
  for (const event of walk) journey = ok(await send(http, token, journey.id, event));
  if (journey.screen === 'actingChoice' && mode) {
    journey = ok(await send(http, token, journey.id, { type: 'CHOOSE_ACTING_MODE', mode }));
    journey = ok(await send(http, token, journey.id, { type: 'CONFIRM_ACTING_MODE' }));
  }
  if (!journey.actingToken) throw new Error(`sign-in of ${niss} ended on ${journey.screen} without an acting token`);
  return { token: journey.actingToken.token, journey };
}
