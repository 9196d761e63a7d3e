/**
 * Live permissions, through the HTTP API on the real app: an acting token stops working on the next
 * call once the access manager revokes the permission it acts with (through the access-management
 * journey, as they would), or once the member is set inactive — for the overview, one request, a new
 * request, an open request journey (nothing reaches it), and a sign-in that chose after the revocation.
 * Granted again, the same token works again. Also prints the cost of the store's check.
 */
import { permissionOfMode, type Permission } from '../../../domain';
import { holdsActivePermission, setMemberStatus } from '../../../store/access';
import { demoCast } from '../../../store/demo-data';
import { apiClient } from '../../support/http-client';
import { answer, bearer, identityToken, ok, read, send, signIn, start, type JourneyEvent } from '../../support/http-journeys';
import { startTestService, type TestService } from '../../support/service-harness';

const { people, organisations, teachers, schools } = demoCast;
const Y = organisations.poY.enterpriseNumber;
const marc = people.poEducationOnly;
const nadia = people.employerOnly;

let service: TestService;
let manager: string;
let accessJourney: string;

beforeAll(async () => {
  service = await startTestService();
  // The access manager's own journey, open on PO Y's member list: every change below goes through it.
  manager = await identityToken(service.http, people.accessManagerY.niss);
  let journey = ok(await start(service.http, manager, 'accessManagement'));
  for (const event of [
    { type: 'OPEN_ACCESS_MANAGEMENT' },
    { type: 'SIGN_IN' },
    { type: 'CHOOSE_ORGANISATION', enterprise: Y },
    { type: 'CHOOSE_GROUP', enterprise: Y },
  ] satisfies JourneyEvent[]) {
    journey = ok(await send(service.http, manager, journey.id, event));
  }
  expect(journey.screen).toBe('memberList');
  accessJourney = journey.id;
});

afterAll(async () => {
  await service?.stop();
});

/** The pencil on the member, the permissions ticked, saved: what the access manager does in /axess. */
async function setPermissions(niss: string, permissions: Permission[]): Promise<void> {
  for (const event of [{ type: 'EDIT_MEMBER', niss }, { type: 'SET_PERMISSIONS', permissions }, { type: 'SAVE' }] satisfies JourneyEvent[]) {
    ok(await send(service.http, manager, accessJourney, event));
  }
  const journey = ok(await read(service.http, manager, accessJourney));
  expect(journey).toMatchObject({ screen: 'memberList', context: { notice: { code: 'MEMBER_SAVED', niss } } });
}

/** The refusal, and nothing else: no journey, no token. */
function expectRevoked(res: { status: number; body: unknown }): void {
  expect(res.status).toBe(403);
  expect(res.body).toEqual({ error: { code: 'PERMISSION_REVOKED', message: expect.stringContaining('gestionnaire d’accès') } });
}

const overview = (token: string) => apiClient(service.http).GET('/api/requests', { headers: bearer(token) });
const oneRequest = (token: string, ref: string) => apiClient(service.http).GET('/api/requests/{ref}', { params: { path: { ref } }, headers: bearer(token) });
const historyLength = async (id: string) => (await service.env.client.workflow.getHandle(id).describe()).historyLength;
const status = (answer: { response: Response }) => answer.response.status;

test('a permission revoked mid-journey refuses the next event, the reads and new requests; granted again, the same token works', async () => {
  const { http } = service;
  const { token } = await signIn(http, marc.niss, Y);
  let journey = ok(await start(http, token, 'request'));
  for (const event of [
    { type: 'SELECT_WORKER', community: 'FR', school: schools.a.schoolNumber, niss: teachers.primaryA.niss, status: 'STATUTORY' },
    { type: 'START_REQUEST' },
  ] satisfies JourneyEvent[]) {
    journey = ok(await send(http, token, journey.id, event));
  }
  expect(journey.screen).toBe('leaveSelection');
  expect(status(await oneRequest(token, journey.id))).toBe(200);
  const before = await historyLength(journey.id);

  await setPermissions(marc.niss, []);

  const chooseLeave: JourneyEvent = { type: 'CHOOSE_LEAVE', leave: 'PARENTAL', form: 'HALF' };
  expectRevoked(await send(http, token, journey.id, chooseLeave));
  expectRevoked(await send(http, token, journey.id, chooseLeave, 'revoked-key'));
  expectRevoked(await read(http, token, journey.id));
  expectRevoked(await start(http, token, 'request'));
  expectRevoked(answer(await overview(token)));
  expectRevoked(answer(await oneRequest(token, journey.id)));
  // Nothing reached the journey: its history has not grown.
  expect(await historyLength(journey.id)).toBe(before);
  // Someone else's journey id still answers 404 first: the refusal tells nothing about it.
  const other = await signIn(http, people.poZUser.niss, organisations.poZ.enterpriseNumber);
  expect((await read(http, other.token, journey.id)).status).toBe(404);

  await setPermissions(marc.niss, ['PO_EDUCATION']);

  expect(ok(await read(http, token, journey.id)).screen).toBe('leaveSelection');
  expect(ok(await send(http, token, journey.id, chooseLeave)).screen).toBe('questions');
  expect(status(await overview(token))).toBe(200);
  expect(ok(await start(http, token, 'request')).screen).toBe('workerSelection');
});

test('a sign-in that loaded the organisations before the revocation and chose after it gets no acting token', async () => {
  const { http } = service;
  const identity = await identityToken(http, marc.niss);
  let journey = ok(await start(http, identity, 'signIn'));
  for (const event of [{ type: 'EMPLOYER' }, { type: 'INTRODUCE_REQUEST' }, { type: 'SIGN_IN' }] satisfies JourneyEvent[]) {
    journey = ok(await send(http, identity, journey.id, event));
  }
  expect(journey).toMatchObject({ screen: 'organisationChoice', context: { organisations: [expect.objectContaining({ enterprise: Y, permissions: ['PO_EDUCATION'] })] } });

  await setPermissions(marc.niss, []);

  const chosen = await send(http, identity, journey.id, { type: 'CHOOSE_ORGANISATION', enterprise: Y }, 'choose-key');
  expect(chosen.status).toBe(403);
  expect(chosen.body).toMatchObject({ error: { code: 'PERMISSION_REVOKED' } });
  expect(JSON.stringify(chosen.body)).not.toContain('actingToken');
  // A retry with the same key gets the same refusal, not a token.
  const retried = await send(http, identity, journey.id, { type: 'CHOOSE_ORGANISATION', enterprise: Y }, 'choose-key');
  expect(retried.status).toBe(403);
  expect(JSON.stringify(retried.body)).not.toContain('actingToken');
  expect(ok(await read(http, identity, journey.id)).actingToken).toBeUndefined();

  await setPermissions(marc.niss, ['PO_EDUCATION']);
  expect((await signIn(http, marc.niss, Y)).journey.output).toMatchObject({ enterprise: Y, mode: 'PO' });
});

test('a member set inactive is refused in own-company mode too, and active again is let in', async () => {
  const { http, db } = service;
  const { token } = await signIn(http, nadia.niss, Y);
  expect(status(await overview(token))).toBe(200);
  // No journey sets a member inactive (access management changes permissions); the store's change is the one there is.
  await setMemberStatus(db, { enterpriseNumber: Y, niss: nadia.niss, status: 'INACTIVE', actor: people.accessManagerY.niss });
  expectRevoked(answer(await overview(token)));
  expectRevoked(await start(http, token, 'request'));
  await setMemberStatus(db, { enterpriseNumber: Y, niss: nadia.niss, status: 'ACTIVE', actor: people.accessManagerY.niss });
  expect(status(await overview(token))).toBe(200);
});

test('the cost of the check (printed, not asserted)', async () => {
  const { db } = service;
  const runs = 300;
  const timings: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await holdsActivePermission(db, marc.niss, Y, permissionOfMode('PO'));
    timings.push(Number(process.hrtime.bigint() - started) / 1000);
  }
  timings.sort((a, b) => a - b);
  const at = (q: number) => timings[Math.min(runs - 1, Math.floor(q * runs))]!.toFixed(0);
  const store = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
  const plan = await db.query<Record<string, string>>(
    `EXPLAIN SELECT true FROM group_members m
     JOIN member_permissions mp ON mp.enterprise_number = m.enterprise_number AND mp.niss = m.niss AND mp.permission = $3
     WHERE m.enterprise_number = $1 AND m.niss = $2 AND m.status = 'ACTIVE'`,
    [Y, marc.niss, 'PO_EDUCATION'],
  );
  process.stdout.write(
    `live permission check on ${store}: median ${at(0.5)} µs, p95 ${at(0.95)} µs over ${runs} calls\n` +
      plan.map((row) => `  ${Object.values(row)[0]}`).join('\n') + '\n',
  );
  expect(await holdsActivePermission(db, marc.niss, Y, 'PO_EDUCATION')).toBe(true);
  expect(await holdsActivePermission(db, marc.niss, Y, 'EMPLOYER')).toBe(false);
});
