/**
 * Every screen of every journey, walked through the HTTP API: paths generated from the machines with
 * xstate/graph (shortest paths to every state; for the request, every simple path up to the
 * confirmation) are replayed against the real dev server and store, asserting the screen after each
 * step with the journey driver over the HTTP transport. The actors' results in the graph are what the
 * real activities answer for the same people, so the generated path and the real journey must agree.
 * Requests that all stand in one store must not overlap: a request's worker and period are sent as the
 * next of a series the rules across requests admit (the screens do not depend on them).
 */
import type { AnyMachineSnapshot, EventObject } from 'xstate';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { createAccessActivities } from '../../../activities/access';
import { createRequestActivities } from '../../../activities/requests';
import { nissCheckDigits } from '../../../domain';
import { accessManagementJourney } from '../../../machines/access-management';
import type { Journey } from '../../../machines/journey';
import { requestJourney } from '../../../machines/request';
import { signInJourney } from '../../../machines/sign-in';
import { demoCast } from '../../../store/demo-data';
import { backofficeToken, identityToken, signIn, type MachineId } from '../../support/http-journeys';
import { httpTransport, type HttpTransportOptions } from '../../support/http-transport';
import { isInternalEvent, journeyDriver, replayPath, screenOfSnapshot, type MachinePath, type OutsideEvent } from '../../support/journey-driver';
import { requestSeries } from '../../support/request-sample-events';
import { startTestService, type TestService } from '../../support/service-harness';

const { people, organisations, teachers } = demoCast;
const Y = organisations.poY.enterpriseNumber;
let service: TestService;

beforeAll(async () => {
  service = await startTestService();
});
afterAll(async () => {
  await service?.stop();
});

type Path = MachinePath;
const isInternal = isInternalEvent;
const screenOf = screenOfSnapshot;
const byValue = (snapshot: AnyMachineSnapshot) => JSON.stringify(snapshot.value);

let newcomer = 100;
/** A NISS nobody has yet (born 1 Jan 1999), so that every added member is new. */
function freshNiss(): string {
  const first9 = `990101${String(newcomer++).padStart(3, '0')}`;
  return first9 + nissCheckDigits(first9, false);
}

/** How a test reaches the API: whose token, and the back-office events (by journey id) of the journey. */
interface Caller {
  token: string;
  options?: HttpTransportOptions;
}

/** A path that ends on a busy state stops where the real journey never rests: the paths that go on cover it. */
const endsAtRest = (journey: Journey) => (path: Path) => screenOf(journey, path.state) !== 'busy';

/**
 * Starts the journey over HTTP and replays the path with the journey driver: after each user event (as
 * the path holds it, or as `rewrite` turns it into what the real store admits), the screen is the one the
 * path reaches once the actors have answered. Returns the trail walked (`EVENT→screen`).
 */
async function replay(journey: Journey, path: Path, caller: Caller, startScreen: string, rewrite?: (event: EventObject) => OutsideEvent): Promise<string[]> {
  const driver = journeyDriver(httpTransport(service.http, caller.token, journey.id as MachineId, caller.options));
  expect((await driver.start()).screen).toBe(startScreen);
  const { walked, expected } = await replayPath(driver, journey, path, rewrite);
  expect(walked).toEqual(expected);
  return walked;
}

/** On a busy screen only the actors' results happen: the API answers an event once the journey is at rest. */
const atRestOnly = (journey: Journey) => (snapshot: AnyMachineSnapshot, event: EventObject) => isInternal(event) || screenOf(journey, snapshot) !== 'busy';

function shortestPaths(journey: Journey, input: unknown, events: readonly EventObject[], serializeState = byValue): Path[] {
  const paths = getShortestPaths(journey.machine, {
    input,
    events: events as EventObject[],
    serializeState,
    filterEvents: atRestOnly(journey),
  }) as Path[];
  return paths.filter(endsAtRest(journey));
}

describe('signIn: shortest paths to every screen, for each kind of person', () => {
  const userEvents = [
    { type: 'EMPLOYER' },
    { type: 'INTRODUCE_REQUEST' },
    { type: 'SIGN_IN' },
    { type: 'CHOOSE_ORGANISATION', enterprise: Y },
    { type: 'CHOOSE_ACTING_MODE', mode: 'PO' },
    { type: 'CHOOSE_ACTING_MODE', mode: 'OWN_COMPANY' },
    { type: 'CONFIRM_ACTING_MODE' },
    { type: 'BACK' },
    { type: 'CHOOSE_OTHER_ORGANISATION' },
  ];
  const cast = ['bothPermissions', 'poEducationOnly', 'employerOnly', 'noPermission', 'inactiveMember'] as const;

  test.each(cast)('%s', async (who) => {
    const niss = people[who].niss;
    const organisationsOfPerson = await createAccessActivities(service.db).loadOrganisationsOfPerson({ niss });
    const paths = shortestPaths(signInJourney, { niss }, [
      ...userEvents,
      { type: 'xstate.done.actor.loadOrganisationsOfPerson', output: organisationsOfPerson } as EventObject,
    ]);
    expect(paths.length).toBeGreaterThan(3);
    const token = await identityToken(service.http, niss);
    const screens = new Set<string>();
    for (const path of paths) for (const s of await replay(signInJourney, path, { token }, 'landing')) screens.add(s.split('→').pop()!);
    const expectedByPerson: Record<(typeof cast)[number], string[]> = {
      bothPermissions: ['actingChoice', 'actingConfirmation', 'signedIn'],
      poEducationOnly: ['signedIn'],
      employerOnly: ['signedIn'],
      noPermission: ['refused'],
      inactiveMember: ['refused'],
    };
    expect([...screens]).toEqual(expect.arrayContaining(['landing', 'employerPage', 'signIn', ...expectedByPerson[who]]));
  });
});

describe('accessManagement: shortest paths to every screen', () => {
  test.each(['accessManagerY', 'inactiveMember'] as const)('%s', async (who) => {
    const niss = people[who].niss;
    const member = people.noPermission.niss;
    const activities = createAccessActivities(service.db);
    const newMember = { type: 'SUBMIT_NEW_MEMBER', niss: '99010110002', lastName: 'Nouveau', firstName: 'Membre', role: 'USER', permissions: ['PO_EDUCATION'] };
    const paths = shortestPaths(accessManagementJourney, { niss }, [
      { type: 'OPEN_ACCESS_MANAGEMENT' },
      { type: 'SIGN_IN' },
      { type: 'CHOOSE_ORGANISATION', enterprise: Y },
      { type: 'CHOOSE_GROUP', enterprise: Y },
      { type: 'EDIT_MEMBER', niss: member },
      { type: 'ADD_USER' },
      { type: 'SET_PERMISSIONS', permissions: ['PO_EDUCATION'] },
      { type: 'SAVE' },
      { type: 'CANCEL' },
      newMember,
      { type: 'BACK_TO_GROUPS' },
      { type: 'HELP' },
      { type: 'BACK' },
      { type: 'SIGN_OUT' },
      { type: 'xstate.done.actor.loadOrganisationsOfPerson', output: await activities.loadOrganisationsOfPerson({ niss }) },
      { type: 'xstate.done.actor.loadMember', output: await activities.loadMember({ enterprise: Y, niss: member }) },
      { type: 'xstate.done.actor.saveMemberPermissions', output: { permissions: ['PO_EDUCATION'] } },
      { type: 'xstate.done.actor.addMember', output: { niss: newMember.niss } },
    ] as EventObject[]);
    const token = await identityToken(service.http, niss);
    // Every added member must be new, or the real store would (rightly) refuse a duplicate.
    const rewrite = (e: EventObject) => (e.type === 'SUBMIT_NEW_MEMBER' ? { ...e, niss: freshNiss() } : e);
    const screens = new Set<string>();
    for (const path of paths) for (const s of await replay(accessManagementJourney, path, { token }, 'employerPage', rewrite)) screens.add(s.split('→').pop()!);
    const expected = who === 'accessManagerY' ? ['organisationChoice', 'home', 'memberList', 'memberEdit', 'memberAdd', 'help', 'signedOut'] : ['noOrganisation', 'help'];
    expect([...screens]).toEqual(expect.arrayContaining(expected));
  });
});

describe('request: every screen, and every simple path up to the confirmation', () => {
  const selectWorker = { type: 'SELECT_WORKER', community: 'FR', school: demoCast.schools.a.schoolNumber, niss: teachers.primaryA.niss, status: 'STATUTORY' };
  const userEvents: Array<EventObject & Record<string, unknown>> = [
    selectWorker,
    { type: 'START_REQUEST' },
    { type: 'CHOOSE_LEAVE', leave: 'PARENTAL', form: 'HALF' },
    { type: 'ANSWER_QUESTIONS', level: 'PRIMARY', before: 24, during: 12, start: '2027-01-01', end: '2027-02-28', multipleEmployers: false },
    { type: 'CONFIRM', allCorrect: true },
    { type: 'BACK' },
    { type: 'ABANDON', reason: 'The worker changed their mind.' },
    { type: 'WITHDRAW', reason: 'The worker no longer wants the leave.' },
    { type: 'WORKER_PART_COMPLETED' },
    { type: 'DECIDE', decision: 'accepted', reason: 'All conditions are met.' },
    { type: 'DECIDE', decision: 'refused', reason: 'The parental leave for this child is used up.' },
    { type: 'SEND_BACK', to: 'employer', reason: 'One period is missing.' },
    { type: 'SEND_BACK', to: 'worker', reason: 'The birth certificate is missing.' },
  ];
  const backofficeEvents = new Set(requestJourney.backofficeEvents);
  let poToken: string;
  let agentToken: string;
  let graphEvents: EventObject[];
  let input: unknown;

  beforeAll(async () => {
    const signedIn = await signIn(service.http, people.poEducationOnly.niss, Y);
    poToken = signedIn.token;
    agentToken = await backofficeToken(service.http);
    const checked = await createRequestActivities(service.db).checkWorker({
      acting: { enterprise: Y, mode: 'PO' },
      community: 'FR',
      school: demoCast.schools.a.schoolNumber,
      niss: teachers.primaryA.niss,
      status: 'STATUTORY',
    });
    expect(checked.ok).toBe(true);
    input = { acting: { enterprise: Y, mode: 'PO', enterpriseName: organisations.poY.name }, introducedBy: people.poEducationOnly.niss, openedOn: '2026-11-26' };
    graphEvents = [
      ...userEvents,
      { type: 'xstate.done.actor.checkWorker', output: checked } as EventObject,
      { type: 'xstate.done.actor.recordRequest', output: { version: 1 } } as EventObject,
      { type: 'xstate.done.actor.issueTicket', output: { ticket: 'BAW-2026-000001', issuedAt: '2026-11-26T10:00:00.000Z' } } as EventObject,
      { type: 'xstate.done.actor.notifyWorker', output: { notified: true } } as EventObject,
      // The rules across requests: the other requests leave room (the series below sees to it), and the
      // confirmation is admitted with its ticket.
      { type: 'xstate.done.actor.checkOtherRequests', output: { counted: 0, monthsUsed: 0, monthsLeft: 8 } } as EventObject,
      { type: 'xstate.done.actor.admitRequest', output: { ticket: 'BAW-2026-000001', issuedAt: '2026-11-26T10:00:00.000Z' } } as EventObject,
      // SELECT_WORKER in one step: the check and the draft's record.
      { type: 'xstate.done.actor.recordWorkerSelection', output: { checked, version: 1 } } as EventObject,
      // CONFIRM in one step: admitted, both records and the notice.
      { type: 'xstate.done.actor.submitRequest', output: { ticket: 'BAW-2026-000001', issuedAt: '2026-11-26T10:00:00.000Z', version: 3, notified: true } } as EventObject,
    ];
  });

  const caller = (): Caller => ({ token: poToken, options: { backoffice: { token: agentToken, events: [...backofficeEvents] } } });

  // Every confirmed request stays in the one store of this file: each path that answers the questions
  // takes another request of the series (another worker or a later period), or the rules across requests
  // would refuse it as overlapping the previous ones.
  const nextRequest = requestSeries();
  const asRequestOfSeries = (path: Path) => {
    if (!path.steps.some((step) => step.event.type === 'ANSWER_QUESTIONS')) return undefined;
    const request = nextRequest();
    return (event: EventObject): OutsideEvent => {
      if (event.type === 'SELECT_WORKER') return request.selectWorker;
      if (event.type === 'ANSWER_QUESTIONS') return request.answers;
      return event;
    };
  };

  test('shortest paths reach every screen over HTTP', async () => {
    const journey = requestJourney as unknown as Journey;
    // The status change under way is part of the state: a decision to accept and one to refuse differ.
    const paths = shortestPaths(journey, input, graphEvents, (s) => JSON.stringify([s.value, (s.context as { pending: unknown }).pending]));
    const screens = new Set<string>();
    for (const path of paths) for (const s of await replay(journey, path, caller(), 'workerSelection', asRequestOfSeries(path))) screens.add(s.split('→').pop()!);
    expect([...screens]).toEqual(
      expect.arrayContaining(['workerSelection', 'workerSelected', 'leaveSelection', 'questions', 'confirmation', 'awaitingWorker', 'inProcessing', 'accepted', 'refused', 'withdrawn']),
    );
  });

  test('every simple path up to the confirmation, over HTTP', async () => {
    const journey = requestJourney as unknown as Journey;
    // A state is its screen plus which answers it holds, so going back and forth makes distinct paths.
    // Two leaves and two sets of answers: going back and choosing otherwise makes the paths differ.
    const variants: EventObject[] = [
      { type: 'CHOOSE_LEAVE', leave: 'MEDICAL_ASSISTANCE', form: 'HALF' } as EventObject,
      { type: 'ANSWER_QUESTIONS', level: 'PRIMARY', before: 24, during: 18, start: '2027-01-01', end: '2027-02-28', multipleEmployers: false } as EventObject,
    ];
    const paths = (
      getSimplePaths(journey.machine, {
        input,
        events: [...graphEvents, ...variants],
        filterEvents: atRestOnly(journey),
        toState: (s) => s.matches('confirmation'),
      }) as Path[]
    ).filter(endsAtRest(journey));
    console.log(`request: ${paths.length} simple paths up to the confirmation, ${paths.reduce((n, p) => n + p.steps.length, 0)} steps`);
    expect(paths.length).toBeGreaterThan(1);
    // No path confirms: one period of the series, free for the teacher of the graph, serves them all.
    const { answers } = nextRequest();
    const inFreePeriod = (event: EventObject) => (event.type === 'ANSWER_QUESTIONS' ? { ...event, start: answers.start, end: answers.end } : event);
    for (const path of paths) {
      const trail = await replay(journey, path, caller(), 'workerSelection', inFreePeriod);
      expect(trail.at(-1)).toMatch(/→confirmation$/);
    }
  });
});
