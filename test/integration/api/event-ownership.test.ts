/**
 * An event reaches the journey with the sender's owner keys, and the journey's Update validator refuses
 * anyone but its owner before anything is written (the API asks Temporal nothing else first): the other
 * person gets the same 404 as for no journey, and the journey's history does not grow. The back office
 * and the service's own activities send without owner keys; an update recorded before the keys travelled
 * (one argument) is still taken.
 */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { demoCast } from '../../../store/demo-data';
import { NOT_OWNER, sendEvent } from '../../../workflows/messages';
import { identityToken, ok, send, start } from '../../support/http-journeys';
import { startTestService, type TestService } from '../../support/service-harness';

const { people } = demoCast;
let service: TestService;

beforeAll(async () => {
  service = await startTestService();
});

afterAll(async () => {
  await service?.stop();
});

const historyLength = async (id: string) => (await service.env.client.workflow.getHandle(id).fetchHistory()).events?.length ?? 0;

test('another person’s event: 404 NOT_FOUND, nothing written to the journey’s history', async () => {
  const { http } = service;
  const owner = await identityToken(http, people.poEducationOnly.niss);
  const other = await identityToken(http, people.poZUser.niss);
  const journey = ok(await start(http, owner, 'signIn'));
  const before = await historyLength(journey.id);

  const refused = await send(http, other, journey.id, { type: 'EMPLOYER' });
  expect([refused.status, (refused.body as { error?: { code?: string } }).error?.code]).toEqual([404, 'NOT_FOUND']);
  // Also with an Idempotency-Key (an update id): still refused, still nothing written.
  const keyed = await send(http, other, journey.id, { type: 'EMPLOYER' }, 'someone-else');
  expect(keyed.status).toBe(404);
  expect(await historyLength(journey.id)).toBe(before);

  // The owner's own event goes on, and the journey is still on its first screen until then.
  expect(ok(await send(http, owner, journey.id, { type: 'EMPLOYER' })).screen).toBe('employerPage');
});

test('the validator: owner keys without the owner refused with NOT_OWNER; with it, or without keys, taken', async () => {
  const { http } = service;
  const owner = await identityToken(http, people.poEducationOnly.niss);
  const journey = ok(await start(http, owner, 'signIn'));
  const handle = service.env.client.workflow.getHandle(journey.id);

  const refused = await handle.executeUpdate(sendEvent, { args: [{ type: 'EMPLOYER' }, { owners: ['person:someone-else'] }] }).catch((err: unknown) => err);
  expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
  expect((refused as WorkflowUpdateFailedError & { cause?: { type?: string } }).cause?.type).toBe(NOT_OWNER);

  // Without keys: the back office's and the activities' way, and every update recorded before.
  expect((await handle.executeUpdate(sendEvent, { args: [{ type: 'EMPLOYER' }] })).screen).toBe('employerPage');
  const { owner: ownerKey } = await handle.query<{ owner: string }>('view');
  expect((await handle.executeUpdate(sendEvent, { args: [{ type: 'INTRODUCE_REQUEST' }, { owners: ['person:someone-else', ownerKey] }] })).screen).toBe('signIn');
});
