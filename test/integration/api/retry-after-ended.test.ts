/**
 * A retried event whose first attempt ended the journey gets that attempt's answer, even when the
 * process that sent it died before keeping the answer (an API replica killed mid-call: Temporal applied
 * the event, the store never heard of it). Simulated here by removing the kept answer, which is exactly
 * the store's state after such a crash. A key whose event never reached the journey still gets 409.
 */
import { demoCast } from '../../../store/demo-data';
import { bearer, identityToken, ok, send, start, type JourneyBody, type JourneyEvent } from '../../support/http-journeys';
import { startTestService, type TestService } from '../../support/service-harness';

const { people, organisations } = demoCast;
let service: TestService;

beforeAll(async () => {
  service = await startTestService();
});

afterAll(async () => {
  await service?.stop();
});

test('the event that ended a journey, retried after its answer was lost, gets the same outcome and a usable token', async () => {
  const { http } = service;
  const identity = await identityToken(http, people.bothPermissions.niss);
  let journey = ok(await start(http, identity, 'signIn', 'ended-start'));
  const walk: JourneyEvent[] = [
    { type: 'EMPLOYER' },
    { type: 'INTRODUCE_REQUEST' },
    { type: 'SIGN_IN' },
    { type: 'CHOOSE_ORGANISATION', enterprise: organisations.poY.enterpriseNumber },
    { type: 'CHOOSE_ACTING_MODE', mode: 'PO' },
  ];
  for (const [i, event] of walk.entries()) journey = ok(await send(http, identity, journey.id, event, `ended-${i}`));
  const first = ok(await send(http, identity, journey.id, { type: 'CONFIRM_ACTING_MODE' }, 'ended-confirm'));
  expect(first.status).toBe('done');
  const described = await service.env.client.workflow.getHandle(journey.id).describe();
  expect(described.status.name).toBe('COMPLETED');

  // The crash: Temporal has the outcome, the store has no kept answer for this key.
  const removed = await service.db.query(`DELETE FROM idempotency_keys WHERE scope LIKE $1 AND key = $2 RETURNING scope`, [`event:${journey.id}:%:answer`, 'ended-confirm']);
  expect(removed.length).toBe(1);

  const retried = await send(http, identity, journey.id, { type: 'CONFIRM_ACTING_MODE' }, 'ended-confirm');
  expect(retried.status).toBe(200);
  const body = retried.body as JourneyBody;
  expect(body).toMatchObject({ id: journey.id, status: 'done', screen: first.screen, output: first.output });
  const token = body.actingToken?.token as string;
  expect(token).toMatch(/^eyJ/);
  expect((await http.get('/api/requests').set(bearer(token))).status).toBe(200);

  // Another key, or none: that event never reached the journey, which has ended.
  for (const key of ['ended-never-sent', undefined]) {
    const late = await send(http, identity, journey.id, { type: 'CONFIRM_ACTING_MODE' }, key);
    expect([late.status, (late.body as { error: { code: string } }).error.code]).toEqual([409, 'JOURNEY_ENDED']);
  }
});
