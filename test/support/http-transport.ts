/**
 * The HTTP transport of the journey driver (`journey-driver.ts`): the same journey driven through the
 * API with the typed client, as a UI drives it. A view is the API's journey body.
 *
 * Outcomes follow the driver's contract: an answer carrying the journey (200, or a 422/503 whose
 * `details.journey` shows it refused the event on its screen) is an event the journey took; any other
 * refusal (409 not allowed here, 422 payload, 403, 404…) is an event it never took.
 */
import type TestAgent from 'supertest/lib/agent';
import { apiClient } from './http-client';
import { answer, bearer, type BackofficeEvent, type ErrorBody, type JourneyBody, type JourneyEvent, type MachineId } from './http-journeys';
import type { JourneyTransport, OutsideEvent, Refusal, Sent } from './journey-driver';

export interface HttpTransportOptions {
  /** Back-office events of the journey, sent by journey id with this back-office token. */
  backoffice?: { token: string; events: readonly string[] };
  /** Sent with the start (a retry with the same key returns the same journey). */
  idempotencyKey?: string;
}

export interface HttpTransport extends JourneyTransport<JourneyBody> {
  /** The journey's id, once started. */
  readonly id: () => string;
}

export function httpTransport(http: TestAgent, token: string, machine: MachineId, options: HttpTransportOptions = {}): HttpTransport {
  const client = apiClient(http);
  let id: string | undefined;
  const started = () => {
    if (!id) throw new Error(`the ${machine} journey has not been started`);
    return id;
  };
  const view = async (): Promise<JourneyBody> => {
    const { data, error, response } = await client.GET('/api/journeys/{id}', { params: { path: { id: started() } }, headers: bearer(token) });
    if (!data) throw new Error(`reading ${started()}: ${response.status} ${JSON.stringify(error)}`);
    return data;
  };
  const outcome = async (res: { status: number; body: JourneyBody | ErrorBody }): Promise<Sent<JourneyBody>> => {
    if (res.status < 300) return { ok: true, view: res.body as JourneyBody };
    const { error } = res.body as ErrorBody;
    const journey = (error.details as { journey?: JourneyBody } | undefined)?.journey;
    if (journey) return { ok: true, view: journey };
    const refusal: Refusal = { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) };
    return { ok: false, refusal, view: await view() };
  };
  return {
    id: started,
    async start() {
      const headers = options.idempotencyKey ? { ...bearer(token), 'Idempotency-Key': options.idempotencyKey } : bearer(token);
      const { data, error, response } = await client.POST('/api/journeys', { body: { machine }, headers });
      if (!data) throw new Error(`starting ${machine}: ${response.status} ${JSON.stringify(error)}`);
      id = data.id;
      return data;
    },
    async send(event: OutsideEvent) {
      const backoffice = options.backoffice?.events.includes(event.type) ? options.backoffice : undefined;
      // An outside event may be anything a caller sends: the API, not the compiler, judges it here.
      const res = backoffice
        ? await client.POST('/api/backoffice/journeys/{id}/events', { params: { path: { id: started() } }, body: event as BackofficeEvent, headers: bearer(backoffice.token) })
        : await client.POST('/api/journeys/{id}/events', { params: { path: { id: started() } }, body: event as JourneyEvent, headers: bearer(token) });
      return outcome(answer(res));
    },
    view,
    // The journey lives in Temporal: nothing to stop on this side.
    stop: () => undefined,
  };
}
