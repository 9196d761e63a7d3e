/**
 * The journey driver over HTTP: the same driver the machine tests use in memory, through the API with
 * the typed client. What counts as taken or refused is the driver's contract, whatever the transport.
 */
import { demoCast } from '../../../store/demo-data';
import { identityToken } from '../../support/http-journeys';
import { httpTransport } from '../../support/http-transport';
import { journeyDriver } from '../../support/journey-driver';
import { withServiceAndPoUser, type TestService } from '../../support/service-harness';

const { people, organisations, teachers } = demoCast;
let service: TestService;
let poToken: string;
withServiceAndPoUser((started, token) => ((service = started), (poToken = token)));

test('a Break@Work sign-in walked by the driver ends with an acting token', async () => {
  const token = await identityToken(service.http, people.poEducationOnly.niss);
  const driver = journeyDriver(httpTransport(service.http, token, 'signIn'));
  expect((await driver.start()).screen).toBe('landing');
  const signedIn = await driver.walk([{ type: 'EMPLOYER' }, { type: 'INTRODUCE_REQUEST' }, { type: 'SIGN_IN' }, { type: 'CHOOSE_ORGANISATION', enterprise: organisations.poY.enterpriseNumber }]);
  expect(signedIn).toMatchObject({ status: 'done', actingToken: { token: expect.any(String) } });
});

test('refusals: an event never taken is a refusal with its code; one refused on the screen is taken, with the journey', async () => {
  const transport = httpTransport(service.http, poToken, 'request');
  const driver = journeyDriver(transport);
  await driver.start();
  expect(await driver.refusal({ type: 'CONFIRM', allCorrect: true })).toMatchObject({ code: 'EVENT_NOT_ALLOWED', details: { allowedEvents: expect.arrayContaining(['SELECT_WORKER']) } });
  expect(await driver.refusal({ type: 'SELECT_WORKER', niss: 'nope' })).toMatchObject({ code: 'EVENT_INVALID' });
  // An unknown school is judged by the store, on the screen: the event was taken, the journey says why.
  const unknownSchool = await driver.trySend({ type: 'SELECT_WORKER', community: 'FR', school: '0111222376', niss: teachers.primaryA.niss, status: 'STATUTORY' });
  expect(unknownSchool).toMatchObject({ ok: true, view: { id: transport.id(), screen: 'workerSelection', context: { error: { code: 'UNKNOWN_SCHOOL' } } } });
  expect((await driver.view()).screen).toBe('workerSelection');
});
