import { fromPromise, type AnyStateMachine, type StateValue } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import type { z } from 'zod';
import {
  accessManagementEvents,
  accessManagementJourney,
  accessManagementMachine,
  type AccessManagementEvent,
  type AddMemberInput,
  type LoadMemberInput,
  type Member,
  type OrganisationMembership,
  type SaveMemberPermissionsInput,
} from '../../../machines/access-management';
import { toView, type Journey } from '../../../machines/journey';
import { startLocal, stopLocalJourneys } from '../../support/journey-driver';
import type { ActorError } from '../../../machines/journey';

// Valid identifiers (check digits computed): the guide's own numbers fail them.
const PERSON = '85073003328';
const MEMBER = '17073003384';
const NEWCOMER = '72211500144';
const PO_Y = '0353456320'; // the person is an access manager here
const PO_Z = '0566988259'; // the person is a plain user here
const FOREIGN = '0404040434'; // valid, but not one of the person's organisations

const ORGANISATIONS: OrganisationMembership[] = [
  { enterprise: PO_Y, name: 'PO Y', role: 'ACCESS_MANAGER', status: 'ACTIVE', permissions: ['EMPLOYER'] },
  { enterprise: PO_Z, name: 'PO Z', role: 'USER', status: 'ACTIVE', permissions: ['PO_EDUCATION'] },
];

const journey: Journey = accessManagementJourney;

/** An in-memory stand-in for the store behind the four activities. */
function fakeStore(organisations: OrganisationMembership[] = ORGANISATIONS) {
  const members = new Map<string, Member>([
    [`${PO_Y}/${MEMBER}`, { niss: MEMBER, lastName: 'Dupont', firstName: 'Anne', role: 'USER', status: 'ACTIVE', permissions: ['EMPLOYER'] }],
  ]);
  const calls: { save: SaveMemberPermissionsInput[]; add: AddMemberInput[]; load: LoadMemberInput[] } = { save: [], add: [], load: [] };
  // The host hands a failed activity to the machine as an ActorError ({ code, message, details }).
  const failure = (code: string, message: string) => Object.assign(new Error(message), { code }) satisfies ActorError;
  let saveFails: Error | null = null;
  let loadOrganisationsFails: Error | null = null;
  const actors = {
    loadOrganisationsOfPerson: fromPromise<OrganisationMembership[], { niss: string }>(({ input }) => {
      if (loadOrganisationsFails) return Promise.reject(loadOrganisationsFails);
      return Promise.resolve(input.niss === PERSON ? organisations : []);
    }),
    loadMember: fromPromise<Member | null, LoadMemberInput>(({ input }) => {
      calls.load.push(input);
      return Promise.resolve(members.get(`${input.enterprise}/${input.niss}`) ?? null);
    }),
    saveMemberPermissions: fromPromise<{ permissions: Member['permissions'] }, SaveMemberPermissionsInput>(({ input }) => {
      calls.save.push(input);
      if (saveFails) return Promise.reject(saveFails);
      const member = members.get(`${input.enterprise}/${input.memberNiss}`);
      if (!member) return Promise.reject(failure('UNKNOWN_MEMBER', 'no such member'));
      member.permissions = input.permissions;
      return Promise.resolve({ permissions: input.permissions });
    }),
    addMember: fromPromise<{ niss: string }, AddMemberInput>(({ input }) => {
      calls.add.push(input);
      const key = `${input.enterprise}/${input.member.niss}`;
      if (members.has(key)) return Promise.reject(failure('DUPLICATE_MEMBER', `${input.member.niss} is already a member of the group`));
      members.set(key, { ...input.member, status: 'ACTIVE' });
      return Promise.resolve({ niss: input.member.niss });
    }),
  };
  return {
    members,
    calls,
    actors,
    failSave: (code: string, message: string) => (saveFails = failure(code, message)),
    failLoadingOrganisations: (code: string, message: string) => (loadOrganisationsFails = failure(code, message)),
  };
}

type AccessManagementActor = Awaited<ReturnType<typeof startLocal>>;

afterEach(stopLocalJourneys);

function start(store = fakeStore(), delays: { sessionIdle?: number } = {}): Promise<AccessManagementActor> {
  return startLocal(journey, { input: { niss: PERSON }, actors: store.actors, delays });
}

const viewOf = (actor: AccessManagementActor) => toView(journey, actor.local.snapshot(), 'owner');

type SentEvent = Record<string, unknown> & { type: keyof typeof accessManagementEvents };

/** As the host does: parse the event with the journey's schema. */
const parse = (event: SentEvent): AccessManagementEvent => accessManagementEvents[event.type].parse(event);

/** As the host does: the journey's schema, then `can`; the view once no actor runs. */
const send = (actor: AccessManagementActor, event: SentEvent) => actor.send(event);

async function toMemberList(actor: AccessManagementActor, group = PO_Y) {
  await send(actor, { type: 'OPEN_ACCESS_MANAGEMENT' });
  await send(actor, { type: 'SIGN_IN' });
  await send(actor, { type: 'CHOOSE_ORGANISATION', enterprise: PO_Y });
  return send(actor, { type: 'CHOOSE_GROUP', enterprise: group });
}

const NEW_MEMBER = {
  type: 'SUBMIT_NEW_MEMBER',
  niss: '72.21.15-001.44',
  lastName: '  Martin ',
  firstName: 'Luc',
  role: 'USER',
  permissions: ['PO_EDUCATION'],
} as const;

describe('accessManagement: the guide’s order of screens', () => {
  it('goes from the employer page to the member list of the chosen group', async () => {
    const actor = await start();
    expect(viewOf(actor)).toMatchObject({ screen: 'employerPage', state: 'employerPage', allowedEvents: ['OPEN_ACCESS_MANAGEMENT'] });
    expect((await send(actor, { type: 'OPEN_ACCESS_MANAGEMENT' })).screen).toBe('signIn');
    const choice = await send(actor, { type: 'SIGN_IN' });
    expect(choice).toMatchObject({ screen: 'organisationChoice', state: 'session.organisationChoice' });
    expect(choice.context.organisations).toEqual([
      { enterprise: PO_Y, name: 'PO Y', role: 'ACCESS_MANAGER', permissions: ['EMPLOYER'] },
      { enterprise: PO_Z, name: 'PO Z', role: 'USER', permissions: ['PO_EDUCATION'] },
    ]);
    const home = await send(actor, { type: 'CHOOSE_ORGANISATION', enterprise: '0353.456.320' });
    expect(home).toMatchObject({ screen: 'home', context: { organisation: PO_Y, group: null } });
    const list = await send(actor, { type: 'CHOOSE_GROUP', enterprise: PO_Y });
    expect(list).toMatchObject({
      screen: 'memberList',
      context: { group: { enterprise: PO_Y, name: 'PO Y', role: 'ACCESS_MANAGER', canManageMembers: true }, error: null },
    });
    expect(list.allowedEvents).toEqual(['ADD_USER', 'BACK_TO_GROUPS', 'EDIT_MEMBER', 'HELP', 'SIGN_OUT']);
    expect((await send(actor, { type: 'BACK_TO_GROUPS' })).context.group).toBeNull();
    expect(viewOf(actor).screen).toBe('home');
  });

  it('shows noOrganisation when the person is an active member of no group', async () => {
    const actor = await start(fakeStore([]));
    await send(actor, { type: 'OPEN_ACCESS_MANAGEMENT' });
    const view = await send(actor, { type: 'SIGN_IN' });
    expect(view).toMatchObject({ screen: 'noOrganisation', context: { organisations: [] } });
    expect(view.allowedEvents).toEqual(['HELP', 'SIGN_OUT']);
  });

  it('returns to sign-in with the error when the organisations cannot be loaded', async () => {
    const store = fakeStore();
    store.failLoadingOrganisations('STORE_UNAVAILABLE', 'database down');
    const actor = await start(store);
    await send(actor, { type: 'OPEN_ACCESS_MANAGEMENT' });
    const view = await send(actor, { type: 'SIGN_IN' });
    expect(view).toMatchObject({ screen: 'signIn', context: { error: { code: 'STORE_UNAVAILABLE', message: 'database down' } } });
  });
});

describe('accessManagement: guards', () => {
  it('refuses an enterprise that is not one of the person’s organisations, on the same screen with an error', async () => {
    const actor = await start();
    await send(actor, { type: 'OPEN_ACCESS_MANAGEMENT' });
    await send(actor, { type: 'SIGN_IN' });
    const refused = await send(actor, { type: 'CHOOSE_ORGANISATION', enterprise: FOREIGN });
    expect(refused.screen).toBe('organisationChoice');
    expect(refused.context.error).toEqual({ code: 'UNKNOWN_ORGANISATION', message: expect.stringContaining(FOREIGN) as string, details: { enterprise: FOREIGN } });
    expect(refused.context.organisation).toBeNull();
    // The next accepted event clears the error.
    const home = await send(actor, { type: 'CHOOSE_ORGANISATION', enterprise: PO_Y });
    expect(home).toMatchObject({ screen: 'home', context: { error: null } });
    const noGroup = await send(actor, { type: 'CHOOSE_GROUP', enterprise: FOREIGN });
    expect(noGroup).toMatchObject({ screen: 'home', context: { error: { code: 'UNKNOWN_GROUP' }, group: null } });
  });

  it('lets a plain user see the list but not edit or add members', async () => {
    const actor = await start();
    const list = await toMemberList(actor, PO_Z);
    expect(list).toMatchObject({ screen: 'memberList', context: { group: { enterprise: PO_Z, role: 'USER', canManageMembers: false } } });
    const snapshot = actor.local.snapshot();
    expect(snapshot.can(parse({ type: 'EDIT_MEMBER', niss: MEMBER }))).toBe(false);
    expect(snapshot.can({ type: 'ADD_USER' })).toBe(false);
    expect(snapshot.can({ type: 'BACK_TO_GROUPS' })).toBe(true);
    expect(snapshot.can({ type: 'HELP' })).toBe(true);
  });

  it('lets an access manager edit and add members', async () => {
    const actor = await start();
    await toMemberList(actor);
    expect(actor.local.snapshot().can(parse({ type: 'EDIT_MEMBER', niss: MEMBER }))).toBe(true);
    expect(actor.local.snapshot().can({ type: 'ADD_USER' })).toBe(true);
  });
});

describe('accessManagement: editing a member’s permissions', () => {
  it('loads the member, replaces the selection, saves it and says so on the list', async () => {
    const store = fakeStore();
    const actor = await start(store);
    await toMemberList(actor);
    const edit = await send(actor, { type: 'EDIT_MEMBER', niss: '17.07.30-033.84' });
    expect(store.calls.load).toEqual([{ enterprise: PO_Y, niss: MEMBER }]);
    expect(edit).toMatchObject({
      screen: 'memberEdit',
      context: { editing: { member: { niss: MEMBER, lastName: 'Dupont' }, permissions: ['EMPLOYER'] } },
    });
    const chosen = await send(actor, { type: 'SET_PERMISSIONS', permissions: ['EMPLOYER', 'PO_EDUCATION'] });
    expect(chosen.context.editing).toMatchObject({ permissions: ['EMPLOYER', 'PO_EDUCATION'] });
    expect(store.members.get(`${PO_Y}/${MEMBER}`)?.permissions).toEqual(['EMPLOYER']); // nothing saved yet
    const saved = await send(actor, { type: 'SAVE' });
    expect(store.calls.save).toEqual([{ enterprise: PO_Y, actorNiss: PERSON, memberNiss: MEMBER, permissions: ['EMPLOYER', 'PO_EDUCATION'] }]);
    expect(saved).toMatchObject({ screen: 'memberList', context: { notice: { code: 'MEMBER_SAVED', niss: MEMBER }, editing: null, error: null } });
    expect(store.members.get(`${PO_Y}/${MEMBER}`)?.permissions).toEqual(['EMPLOYER', 'PO_EDUCATION']);
    // A notice lasts until the next accepted event.
    expect((await send(actor, { type: 'HELP' })).context.notice).toBeNull();
  });

  it('comes back to the list with UNKNOWN_MEMBER when no such member is in the group', async () => {
    const actor = await start();
    await toMemberList(actor);
    const view = await send(actor, { type: 'EDIT_MEMBER', niss: NEWCOMER });
    expect(view).toMatchObject({ screen: 'memberList', context: { editing: null, error: { code: 'UNKNOWN_MEMBER' } } });
  });

  it('stays on the edit screen, keeping the selection, when saving fails', async () => {
    const store = fakeStore();
    store.failSave('NOT_ACCESS_MANAGER', 'Only access managers change members.');
    const actor = await start(store);
    await toMemberList(actor);
    await send(actor, { type: 'EDIT_MEMBER', niss: MEMBER });
    await send(actor, { type: 'SET_PERMISSIONS', permissions: ['PO_EDUCATION'] });
    const view = await send(actor, { type: 'SAVE' });
    expect(view).toMatchObject({
      screen: 'memberEdit',
      context: { error: { code: 'NOT_ACCESS_MANAGER' }, editing: { permissions: ['PO_EDUCATION'] } },
    });
  });

  it('CANCEL drops the draft', async () => {
    const store = fakeStore();
    const actor = await start(store);
    await toMemberList(actor);
    await send(actor, { type: 'EDIT_MEMBER', niss: MEMBER });
    await send(actor, { type: 'SET_PERMISSIONS', permissions: [] });
    expect(await send(actor, { type: 'CANCEL' })).toMatchObject({ screen: 'memberList', context: { editing: null } });
    expect(store.calls.save).toEqual([]);
  });
});

describe('accessManagement: adding a user', () => {
  it('adds the user and says so on the list', async () => {
    const store = fakeStore();
    const actor = await start(store);
    await toMemberList(actor);
    expect((await send(actor, { type: 'ADD_USER' })).screen).toBe('memberAdd');
    const added = await send(actor, NEW_MEMBER);
    expect(store.calls.add).toEqual([
      {
        enterprise: PO_Y,
        actorNiss: PERSON,
        member: { niss: NEWCOMER, lastName: 'Martin', firstName: 'Luc', role: 'USER', permissions: ['PO_EDUCATION'] },
      },
    ]);
    expect(added).toMatchObject({ screen: 'memberList', context: { notice: { code: 'MEMBER_ADDED', niss: NEWCOMER }, newMember: null } });
  });

  it('keeps the typed form with the error when the member already exists', async () => {
    const actor = await start();
    await toMemberList(actor);
    await send(actor, { type: 'ADD_USER' });
    const view = await send(actor, { ...NEW_MEMBER, niss: MEMBER });
    expect(view).toMatchObject({
      screen: 'memberAdd',
      context: {
        error: { code: 'DUPLICATE_MEMBER', message: expect.stringContaining(MEMBER) as string },
        newMember: { niss: MEMBER, lastName: 'Martin', firstName: 'Luc', role: 'USER', permissions: ['PO_EDUCATION'] },
      },
    });
    expect(await send(actor, { type: 'CANCEL' })).toMatchObject({ screen: 'memberList', context: { newMember: null, error: null } });
  });
});

describe('accessManagement: help, sign-out and idle', () => {
  it('HELP from any screen after sign-in, BACK returns to that screen with its draft', async () => {
    const actor = await start();
    await send(actor, { type: 'OPEN_ACCESS_MANAGEMENT' });
    await send(actor, { type: 'SIGN_IN' });
    const help = await send(actor, { type: 'HELP' });
    expect(help).toMatchObject({ screen: 'help', state: 'help' });
    expect(help.allowedEvents).toEqual(['BACK', 'SIGN_OUT']);
    expect((await send(actor, { type: 'BACK' })).screen).toBe('organisationChoice');

    await send(actor, { type: 'CHOOSE_ORGANISATION', enterprise: PO_Y });
    await send(actor, { type: 'CHOOSE_GROUP', enterprise: PO_Y });
    await send(actor, { type: 'EDIT_MEMBER', niss: MEMBER });
    await send(actor, { type: 'SET_PERMISSIONS', permissions: ['PO_EDUCATION'] });
    expect((await send(actor, { type: 'HELP' })).screen).toBe('help');
    expect(await send(actor, { type: 'BACK' })).toMatchObject({ screen: 'memberEdit', context: { editing: { permissions: ['PO_EDUCATION'] } } });
  });

  it('remembers the screen behind help across a persisted snapshot (as continue-as-new carries it)', async () => {
    const store = fakeStore();
    const actor = await start(store);
    await toMemberList(actor);
    await send(actor, { type: 'EDIT_MEMBER', niss: MEMBER });
    await send(actor, { type: 'HELP' });
    const resumed = await startLocal(journey, { input: { niss: PERSON }, actors: store.actors, snapshot: actor.local.persisted() });
    expect(await send(resumed, { type: 'BACK' })).toMatchObject({ screen: 'memberEdit', context: { editing: { member: { niss: MEMBER } } } });
  });

  it('is not offered before sign-in', async () => {
    const actor = await start();
    expect(actor.local.snapshot().can({ type: 'HELP' })).toBe(false);
    expect(actor.local.snapshot().can({ type: 'SIGN_OUT' })).toBe(false);
  });

  it('SIGN_OUT ends the journey, from a screen or from help', async () => {
    const fromList = await start();
    await toMemberList(fromList);
    expect(await send(fromList, { type: 'SIGN_OUT' })).toMatchObject({ screen: 'signedOut', status: 'done' });

    const fromHelp = await start();
    await toMemberList(fromHelp);
    await send(fromHelp, { type: 'HELP' });
    expect(await send(fromHelp, { type: 'SIGN_OUT' })).toMatchObject({ screen: 'signedOut', status: 'done' });
  });

  describe('sessionIdle', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('expires a screen after sign-in left idle; each accepted event restarts the delay', async () => {
      const actor = await start(fakeStore(), { sessionIdle: 1_000 });
      await jest.advanceTimersByTimeAsync(5_000); // not before sign-in
      expect(viewOf(actor).screen).toBe('employerPage');
      await toMemberList(actor);
      await send(actor, { type: 'EDIT_MEMBER', niss: MEMBER });
      await jest.advanceTimersByTimeAsync(600);
      await send(actor, { type: 'SET_PERMISSIONS', permissions: ['PO_EDUCATION'] });
      await jest.advanceTimersByTimeAsync(600);
      expect(viewOf(actor).screen).toBe('memberEdit');
      await jest.advanceTimersByTimeAsync(400);
      expect(viewOf(actor)).toMatchObject({ screen: 'expired', status: 'done' });
    });

    it('expires the help screen too', async () => {
      const actor = await start(fakeStore(), { sessionIdle: 1_000 });
      await toMemberList(actor);
      await send(actor, { type: 'HELP' });
      await jest.advanceTimersByTimeAsync(1_000);
      expect(viewOf(actor)).toMatchObject({ screen: 'expired', status: 'done' });
    });
  });
});

describe('accessManagement: event schemas', () => {
  const events = accessManagementEvents;
  const { input } = accessManagementJourney;
  const messagesOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues.map((i) => i.message) ?? [];

  it('are the journey’s', () => expect(accessManagementJourney.events).toBe(accessManagementEvents));

  it('refuses a bad NISS with the check-digit rule', () => {
    expect(messagesOf(events.EDIT_MEMBER, { type: 'EDIT_MEMBER', niss: '85.07.30-033.29' })).toEqual([
      expect.stringMatching(/chiffres de contrôle 29 du NISS ne correspondent pas à 97 − \(les 9 premiers chiffres modulo 97\)/),
    ]);
    expect(messagesOf(events.SUBMIT_NEW_MEMBER, { ...NEW_MEMBER, niss: '85073003329' })).toEqual([expect.stringMatching(/chiffres de contrôle 29 du NISS/)]);
    expect(messagesOf(input, { niss: '85073003329' })).toEqual([expect.stringMatching(/chiffres de contrôle 29 du NISS/)]);
  });

  it("refuses the guide's enterprise numbers by their check digits", () => {
    expect(messagesOf(events.CHOOSE_ORGANISATION, { type: 'CHOOSE_ORGANISATION', enterprise: '0123.456.789' })).toEqual([
      expect.stringMatching(/chiffres de contrôle \d\d du numéro BCE/),
    ]);
  });

  it('trims names, refuses empty or over-long ones', () => {
    expect(events.SUBMIT_NEW_MEMBER.parse(NEW_MEMBER)).toMatchObject({ lastName: 'Martin', niss: NEWCOMER });
    expect(messagesOf(events.SUBMIT_NEW_MEMBER, { ...NEW_MEMBER, lastName: '   ' })).toEqual(['The last name must not be empty.']);
    expect(messagesOf(events.SUBMIT_NEW_MEMBER, { ...NEW_MEMBER, firstName: 'x'.repeat(101) })).toEqual([
      'The first name must be at most 100 characters.',
    ]);
    expect(messagesOf(events.SUBMIT_NEW_MEMBER, { ...NEW_MEMBER, role: 'ADMIN' })).toEqual([expect.stringMatching(/^The role must be one of/)]);
  });

  it('takes permissions from the catalogue, each once', () => {
    expect(messagesOf(events.SET_PERMISSIONS, { type: 'SET_PERMISSIONS', permissions: ['PO_EDUCATION', 'PO_EDUCATION'] })).toEqual([
      'Each permission may be selected only once.',
    ]);
    expect(messagesOf(events.SET_PERMISSIONS, { type: 'SET_PERMISSIONS', permissions: ['ADMIN'] })).toEqual([
      expect.stringMatching(/^The permission must be one of: EMPLOYER/),
    ]);
    expect(messagesOf(events.SET_PERMISSIONS, { type: 'SET_PERMISSIONS', permissions: [] })).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Definition checks: meta and labels, reachability

interface NodeLike {
  type: string;
  path: string[];
  meta?: { screen?: string; labels?: string[] };
  states: Record<string, NodeLike>;
  after: Array<{ eventType: string }>;
}

function nodesOf(machine: AnyStateMachine): NodeLike[] {
  const all: NodeLike[] = [];
  const visit = (node: NodeLike) => {
    all.push(node);
    Object.values(node.states).forEach(visit);
  };
  visit(machine.root);
  return all;
}

const leaves = (machine: AnyStateMachine) => nodesOf(machine).filter((n) => n.type === 'atomic' || n.type === 'final');

function leafPaths(value: StateValue, prefix: string[] = []): string[] {
  if (typeof value === 'string') return [[...prefix, value].join('.')];
  return Object.entries(value).flatMap(([key, child]) => (child === undefined ? [] : leafPaths(child, [...prefix, key])));
}

describe('accessManagement: definition', () => {
  it('gives every leaf state a screen, and every screen label a French text', () => {
    for (const node of leaves(accessManagementMachine)) {
      expect({ state: node.path.join('.'), screen: typeof node.meta?.screen }).toEqual({ state: node.path.join('.'), screen: 'string' });
      for (const key of node.meta?.labels ?? []) {
        expect(key.startsWith(`accessManagement.${node.meta?.screen}.`)).toBe(true);
        expect(accessManagementJourney.labels.fr[key]).toEqual(expect.any(String));
      }
    }
    const used = new Set(leaves(accessManagementMachine).flatMap((n) => n.meta?.labels ?? []));
    expect(Object.keys(accessManagementJourney.labels.fr).filter((key) => !used.has(key))).toEqual([]);
  });

  it('reaches every state (getShortestPaths with sample events, actor results included)', () => {
    const member: Member = { niss: MEMBER, lastName: 'Dupont', firstName: 'Anne', role: 'USER', status: 'ACTIVE', permissions: [] };
    const failure: ActorError = { code: 'FAILED', message: 'failed' };
    const idle = nodesOf(accessManagementMachine).flatMap((n) => n.after.map((t) => ({ type: t.eventType })));
    const sample = [
      { type: 'OPEN_ACCESS_MANAGEMENT' },
      { type: 'SIGN_IN' },
      { type: 'CHOOSE_ORGANISATION', enterprise: PO_Y },
      { type: 'CHOOSE_GROUP', enterprise: PO_Y },
      { type: 'EDIT_MEMBER', niss: MEMBER },
      { type: 'ADD_USER' },
      { type: 'SET_PERMISSIONS', permissions: ['PO_EDUCATION'] },
      { type: 'SAVE' },
      { type: 'CANCEL' },
      NEW_MEMBER,
      { type: 'BACK_TO_GROUPS' },
      { type: 'HELP' },
      { type: 'BACK' },
      { type: 'SIGN_OUT' },
      { type: 'xstate.done.actor.loadOrganisationsOfPerson', output: ORGANISATIONS },
      { type: 'xstate.done.actor.loadOrganisationsOfPerson', output: [] },
      { type: 'xstate.error.actor.loadOrganisationsOfPerson', error: failure },
      { type: 'xstate.done.actor.loadMember', output: member },
      { type: 'xstate.done.actor.loadMember', output: null },
      { type: 'xstate.done.actor.saveMemberPermissions', output: { permissions: ['PO_EDUCATION'] } },
      { type: 'xstate.error.actor.saveMemberPermissions', error: failure },
      { type: 'xstate.done.actor.addMember', output: { niss: NEWCOMER } },
      { type: 'xstate.error.actor.addMember', error: { code: 'DUPLICATE_MEMBER', message: 'already a member' } },
      ...idle,
    ] as unknown as AccessManagementEvent[];
    const paths = getShortestPaths(accessManagementMachine, {
      input: { niss: PERSON },
      events: sample,
      // States differ by their value only: enough to prove reachability without exploring every context.
      serializeState: (snapshot) => JSON.stringify(snapshot.value),
    });
    const reached = new Set(paths.flatMap((path) => leafPaths(path.state.value)));
    const expected = leaves(accessManagementMachine).map((n) => n.path.join('.'));
    expect(expected.filter((state) => !reached.has(state))).toEqual([]);
    expect(expected).toEqual(
      expect.arrayContaining(['employerPage', 'signIn', 'session.noOrganisation', 'session.memberEdit', 'session.memberAdd', 'help', 'expired', 'signedOut']),
    );
  });
});
