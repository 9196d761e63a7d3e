/** Driving journeys through the HTTP API, as a UI would: tokens, starts, events, the sign-in walk. */
import type TestAgent from 'supertest/lib/agent';
import type { Response } from 'supertest';

export interface JourneyBody {
  id: string;
  machine: string;
  state: string;
  screen: string;
  labels: string[];
  context: Record<string, unknown>;
  allowedEvents: Array<{ type: string; payload: Record<string, unknown> }>;
  status: string;
  output?: unknown;
  actingToken?: { token: string; expiresAt: string };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export async function identityToken(http: TestAgent, niss: string): Promise<string> {
  const res = await http.post('/api/dev/identity/tokens').send({ niss });
  if (res.status !== 201) throw new Error(`token for ${niss}: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { token: string }).token;
}

export async function backofficeToken(http: TestAgent): Promise<string> {
  const res = await http.post('/api/dev/identity/tokens').send({ backofficeAgent: 'Agent ONEM' });
  return (res.body as { token: string }).token;
}

export function start(http: TestAgent, token: string, machine: string, idempotencyKey?: string) {
  const req = http.post(`/api/journeys/${machine}`).set(bearer(token));
  return idempotencyKey ? req.set('Idempotency-Key', idempotencyKey) : req;
}

export function send(http: TestAgent, token: string, id: string, event: Record<string, unknown>, idempotencyKey?: string) {
  const req = http.post(`/api/journeys/${id}/events`).set(bearer(token)).send(event);
  return idempotencyKey ? req.set('Idempotency-Key', idempotencyKey) : req;
}

/** Asserts a 2xx and returns the journey. */
export function ok(res: Response): JourneyBody {
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
  for (const event of [{ type: 'EMPLOYER' }, { type: 'INTRODUCE_REQUEST' }, { type: 'SIGN_IN' }, { type: 'CHOOSE_ORGANISATION', enterprise }]) {
    journey = ok(await send(http, token, journey.id, event));
  }
  if (journey.screen === 'actingChoice' && mode) {
    journey = ok(await send(http, token, journey.id, { type: 'CHOOSE_ACTING_MODE', mode }));
    journey = ok(await send(http, token, journey.id, { type: 'CONFIRM_ACTING_MODE' }));
  }
  if (!journey.actingToken) throw new Error(`sign-in of ${niss} ended on ${journey.screen} without an acting token`);
  return { token: journey.actingToken.token, journey };
}
