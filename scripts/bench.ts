/**
 * Benchmark of a running service (`npm start` first): N people-journeys at a given concurrency, each
 * from the Break@Work sign-in to a ticket, through the HTTP API. Prints latencies per call and
 * journeys per second; asserts nothing.
 *   npm run bench -- --journeys 40 --concurrency 8 [--url http://127.0.0.1:3000]
 * Every journey is the same demo person's: beyond a few dozen, start the service with the rate limits
 * raised (RATE_LIMIT_PER_MINUTE=1000000 RATE_LIMIT_READS_PER_MINUTE=1000000 npm start).
 */
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { url: { type: 'string', default: 'http://127.0.0.1:3000' }, journeys: { type: 'string', default: '20' }, concurrency: { type: 'string', default: '4' } },
});
const base = values.url;
const total = Number(values.journeys);
const concurrency = Number(values.concurrency);
const PO_Y = '0123456749';
const PO_USER = '79011603980';
const TEACHER = { community: 'FR', school: '0321654968', niss: '82041207257', status: 'STATUTORY' };

const timings = new Map<string, number[]>();

async function call<T>(label: string, path: string, body?: unknown, token?: string): Promise<T> {
  const started = performance.now();
  const res = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as T;
  (timings.get(label) ?? timings.set(label, []).get(label)!).push(performance.now() - started);
  if (res.status === 429) throw new Error(`${label}: 429, the service's rate limit (${res.headers.get('ratelimit-policy')}): start it with RATE_LIMIT_PER_MINUTE and RATE_LIMIT_READS_PER_MINUTE raised`);
  if (!res.ok) throw new Error(`${label}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

interface Journey {
  id: string;
  screen: string;
  context: Record<string, unknown>;
  actingToken?: { token: string };
}

async function oneJourney(): Promise<void> {
  const { token } = await call<{ token: string }>('token', '/api/dev/identity/tokens', { niss: PO_USER });
  const signIn = await call<Journey>('start signIn', '/api/journeys', { machine: 'signIn' }, token);
  for (const event of [{ type: 'EMPLOYER' }, { type: 'INTRODUCE_REQUEST' }, { type: 'SIGN_IN' }]) await call('event', `/api/journeys/${signIn.id}/events`, event, token);
  const signedIn = await call<Journey>('event', `/api/journeys/${signIn.id}/events`, { type: 'CHOOSE_ORGANISATION', enterprise: PO_Y }, token);
  const acting = signedIn.actingToken!.token;
  const request = await call<Journey>('start request', '/api/journeys', { machine: 'request' }, acting);
  await call('event (worker check)', `/api/journeys/${request.id}/events`, { type: 'SELECT_WORKER', ...TEACHER }, acting);
  for (const event of [
    { type: 'START_REQUEST' },
    { type: 'CHOOSE_LEAVE', leave: 'PARENTAL', form: 'HALF' },
    { type: 'ANSWER_QUESTIONS', level: 'PRIMARY', before: 24, during: 12, start: '2027-01-01', end: '2027-02-28', multipleEmployers: false },
  ]) {
    await call('event', `/api/journeys/${request.id}/events`, event, acting);
  }
  const confirmed = await call<Journey>('event (confirm → ticket)', `/api/journeys/${request.id}/events`, { type: 'CONFIRM', allCorrect: true }, acting);
  if (typeof confirmed.context.ticket !== 'string') throw new Error('no ticket');
  await call('overview', '/api/requests?pageSize=20', undefined, acting);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main(): Promise<void> {
  let next = 0;
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        await oneJourney().catch((err: unknown) => {
          failed++;
          console.error(String(err));
        });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(`${total - failed}/${total} journeys (sign-in to ticket) in ${seconds.toFixed(1)} s at concurrency ${concurrency}: ${((total - failed) / seconds).toFixed(2)} journeys/s`);
  console.log('call                        count   p50 ms   p95 ms   max ms');
  for (const [label, values] of timings) {
    const sorted = [...values].sort((a, b) => a - b);
    console.log(`${label.padEnd(26)} ${String(sorted.length).padStart(6)} ${percentile(sorted, 50).toFixed(1).padStart(8)} ${percentile(sorted, 95).toFixed(1).padStart(8)} ${sorted.at(-1)!.toFixed(1).padStart(8)}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
