/**
 * The guide's own examples, through the HTTP API against the real dev server and store.
 */
import { demoCast } from '../../../store/demo-data';
import { apiClient } from '../../support/http-client';
import { bearer, identityToken, ok, read, send, signIn, start, type JourneyBody, type JourneyEvent } from '../../support/http-journeys';
import { recordHistory } from '../../support/histories';
import { startTestService, type TestService } from '../../support/service-harness';

const { people, organisations, schools, teachers } = demoCast;
const Y = organisations.poY.enterpriseNumber;
const Z = organisations.poZ.enterpriseNumber;
let service: TestService;

beforeAll(async () => {
  service = await startTestService();
});
afterAll(async () => {
  await service?.stop();
});

/** PO Y introduces a parental leave (half time) for a primary teacher of school A. */
async function introduceRequestForSchoolA(token: string): Promise<JourneyBody> {
  const { http } = service;
  let journey = ok(await start(http, token, 'request'));
  expect(journey.screen).toBe('workerSelection');
  const steps: Array<[JourneyEvent, string]> = [
    [{ type: 'SELECT_WORKER', community: 'FR', school: '0321.654.968', niss: teachers.primaryA.niss, status: 'STATUTORY' }, 'workerSelected'],
    [{ type: 'START_REQUEST' }, 'leaveSelection'],
    [{ type: 'CHOOSE_LEAVE', leave: 'PARENTAL', form: 'HALF' }, 'questions'],
    [{ type: 'ANSWER_QUESTIONS', level: 'PRIMARY', before: 24, during: 12, start: '2027-01-01', end: '2027-02-28', multipleEmployers: false }, 'confirmation'],
    [{ type: 'CONFIRM', allCorrect: true }, 'awaitingWorker'],
  ];
  for (const [event, screen] of steps) {
    journey = ok(await send(http, token, journey.id, event));
    expect(journey.screen).toBe(screen);
  }
  return journey;
}

test('PO Y introduces a request for a teacher of school A and sees it with its ticket; PO Z never does', async () => {
  const { http } = service;
  const poY = await signIn(http, people.poEducationOnly.niss, Y);
  const journey = await introduceRequestForSchoolA(poY.token);
  const ticket = journey.context.ticket as string;
  expect(ticket).toMatch(/^BAW-\d{4}-\d{6}$/);

  const overview = await apiClient(http).GET('/api/requests', { headers: bearer(poY.token) });
  expect(overview.response.status).toBe(200);
  const mine = overview.data?.items.find((r) => r.journeyId === journey.id);
  expect(mine).toMatchObject({ ticket, status: 'awaiting_worker', schoolNumber: schools.a.schoolNumber });

  const poZ = await signIn(http, people.poZUser.niss, Z);
  const theirs = await apiClient(http).GET('/api/requests', { headers: bearer(poZ.token) });
  expect(theirs.response.status).toBe(200);
  expect(theirs.data?.items.map((r) => r.journeyId)).not.toContain(journey.id);
  for (const path of [`/api/journeys/${journey.id}`, `/api/requests/${journey.id}`, `/api/requests/${ticket}`]) {
    const res = await http.get(path).set(bearer(poZ.token));
    expect([path, res.status]).toEqual([path, 404]);
  }
  const event = await send(http, poZ.token, journey.id, { type: 'WITHDRAW', reason: 'not mine' });
  expect(event.status).toBe(404);
});

test('a person with both permissions gets the intermediate screen and chooses to act as PO', async () => {
  const { http } = service;
  const token = await identityToken(http, people.bothPermissions.niss);
  let journey = ok(await start(http, token, 'signIn'));
  for (const event of [{ type: 'EMPLOYER' }, { type: 'INTRODUCE_REQUEST' }, { type: 'SIGN_IN' }, { type: 'CHOOSE_ORGANISATION', enterprise: Y }] satisfies JourneyEvent[]) {
    journey = ok(await send(http, token, journey.id, event));
  }
  expect(journey.screen).toBe('actingChoice');
  expect(journey.allowedEvents.map((e) => e.type)).toContain('CHOOSE_ACTING_MODE');
  journey = ok(await send(http, token, journey.id, { type: 'CHOOSE_ACTING_MODE', mode: 'PO' }));
  expect(journey.screen).toBe('actingConfirmation');
  journey = ok(await send(http, token, journey.id, { type: 'CONFIRM_ACTING_MODE' }));
  expect(journey).toMatchObject({ screen: 'signedIn', status: 'done', output: { enterprise: Y, mode: 'PO' } });
  expect(journey.actingToken?.token).toEqual(expect.any(String));
  // Only the event that ends the sign-in gives a token: reading the finished journey later does not.
  const later = ok(await read(http, token, journey.id));
  expect(later.actingToken).toBeUndefined();
  recordHistory(journey.id, 'sign-in-both-permissions');
});

test('a person with only the PO-education permission goes straight to the overview as PO', async () => {
  const { http } = service;
  const { journey, token } = await signIn(http, people.poEducationOnly.niss, Y);
  expect(journey).toMatchObject({ screen: 'signedIn', output: { mode: 'PO', enterprise: Y } });
  expect((await http.get('/api/requests').set(bearer(token))).status).toBe(200);
});

test('the access manager grants the PO-education permission and the person can then sign in as PO', async () => {
  const { http } = service;
  const refused = await (async () => {
    const token = await identityToken(http, people.noPermission.niss);
    let j = ok(await start(http, token, 'signIn'));
    for (const event of [{ type: 'EMPLOYER' }, { type: 'INTRODUCE_REQUEST' }, { type: 'SIGN_IN' }, { type: 'CHOOSE_ORGANISATION', enterprise: Y }] satisfies JourneyEvent[]) {
      j = ok(await send(http, token, j.id, event));
    }
    return j;
  })();
  expect(refused.screen).toBe('refused');
  expect(refused.context).toMatchObject({ next: 'accessManagement' });

  const manager = await identityToken(http, people.accessManagerY.niss);
  let journey = ok(await start(http, manager, 'accessManagement'));
  for (const [event, screen] of [
    [{ type: 'OPEN_ACCESS_MANAGEMENT' }, 'signIn'],
    [{ type: 'SIGN_IN' }, 'organisationChoice'],
    [{ type: 'CHOOSE_ORGANISATION', enterprise: Y }, 'home'],
    [{ type: 'CHOOSE_GROUP', enterprise: Y }, 'memberList'],
    [{ type: 'EDIT_MEMBER', niss: people.noPermission.niss }, 'memberEdit'],
    [{ type: 'SET_PERMISSIONS', permissions: ['PO_EDUCATION'] }, 'memberEdit'],
    [{ type: 'SAVE' }, 'memberList'],
  ] satisfies Array<[JourneyEvent, string]>) {
    journey = ok(await send(http, manager, journey.id, event));
    expect(journey.screen).toBe(screen);
  }
  const members = await apiClient(http).GET('/api/organisations/{enterprise}/members', {
    params: { path: { enterprise: Y }, query: { permission: 'PO_EDUCATION', search: people.noPermission.lastName } },
    headers: bearer(manager),
  });
  expect(members.response.status).toBe(200);
  expect(members.data?.items).toEqual([
    expect.objectContaining({ niss: people.noPermission.niss, permissions: ['PO_EDUCATION'] }),
  ]);

  recordHistory(journey.id, 'access-management-grant');
  const { journey: signedIn } = await signIn(http, people.noPermission.niss, Y);
  expect(signedIn).toMatchObject({ screen: 'signedIn', output: { mode: 'PO' } });
});

test('the guide’s own example enterprise numbers are refused with a check-digit error', async () => {
  const { http } = service;
  const { token } = await signIn(http, people.poEducationOnly.niss, Y);
  const journey = ok(await start(http, token, 'request'));
  for (const school of ['0321.654.987', '0456.789.123', '0789.123.456', '0123.456.789']) {
    const res = await send(http, token, journey.id, { type: 'SELECT_WORKER', community: 'FR', school, niss: teachers.primaryA.niss, status: 'STATUTORY' });
    expect(res.status).toBe(422);
    const error = (res.body as { error: { code: string; message: string; details: { issues: Array<{ path: string; rule?: string }> } } }).error;
    expect(error.message).toMatch(/chiffres de contrôle \d\d du numéro BCE ne correspondent pas/);
    expect(error.details.issues).toEqual([expect.objectContaining({ path: 'school', rule: 'ENTERPRISE_CHECK_DIGITS' })]);
  }
  expect(ok(await read(http, token, journey.id)).screen).toBe('workerSelection');
});

test('acting for its own company, PO Y introduces a request for its own staff; the PO overview does not mix them', async () => {
  const { http } = service;
  const own = await signIn(http, people.employerOnly.niss, Y);
  expect(own.journey.output).toMatchObject({ mode: 'OWN_COMPANY', enterprise: Y });
  let journey = ok(await start(http, own.token, 'request'));
  const steps: Array<[JourneyEvent, string]> = [
    [{ type: 'SELECT_WORKER', niss: demoCast.ownStaff.secretaryY.niss, status: 'CONTRACTUAL' }, 'workerSelected'],
    [{ type: 'START_REQUEST' }, 'leaveSelection'],
    [{ type: 'CHOOSE_LEAVE', leave: 'PARENTAL', form: 'HALF' }, 'questions'],
    [{ type: 'ANSWER_QUESTIONS', level: 'PRIMARY', before: 24, during: 12, start: '2027-01-01', end: '2027-02-28', multipleEmployers: false }, 'confirmation'],
    [{ type: 'CONFIRM', allCorrect: true }, 'awaitingWorker'],
  ];
  for (const [event, screen] of steps) {
    journey = ok(await send(http, own.token, journey.id, event));
    expect(journey.screen).toBe(screen);
  }
  // A teacher is not the enterprise's own staff.
  const teacherAsOwnStaff = ok(await start(http, own.token, 'request'));
  const refused = await send(http, own.token, teacherAsOwnStaff.id, { type: 'SELECT_WORKER', niss: teachers.primaryA.niss, status: 'STATUTORY' });
  expect(refused.status).toBe(422);
  expect(refused.body).toMatchObject({ error: { code: 'NOT_OWN_STAFF' } });

  const ownOverview = (await http.get('/api/requests').set(bearer(own.token))).body as { items: Array<{ journeyId: string; actingMode: string }> };
  expect(ownOverview.items.map((r) => r.journeyId)).toContain(journey.id);
  expect(new Set(ownOverview.items.map((r) => r.actingMode))).toEqual(new Set(['OWN_COMPANY']));
  const asPo = await signIn(http, people.poEducationOnly.niss, Y);
  const poOverview = (await http.get('/api/requests').set(bearer(asPo.token))).body as { items: Array<{ journeyId: string }> };
  expect(poOverview.items.map((r) => r.journeyId)).not.toContain(journey.id);
});
