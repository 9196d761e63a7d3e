import { fromPromise, type AnyStateMachine, type StateValue } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import type { z } from 'zod';
import { actingModesOf } from '../../../domain';
import type { OrganisationMembership } from '../../../machines/access-management';
import { toView, type Journey } from '../../../machines/journey';
import { startLocal, stopLocalJourneys } from '../../support/journey-driver';
import { signInEvents, signInJourney, signInMachine, type SignInEvent } from '../../../machines/sign-in';
import type { ActorError } from '../../../machines/journey';

// Valid identifiers (check digits computed): the guide's own numbers fail them.
const PERSON = '85073003328';
const BOTH = '0353456320'; // PO that also employs its own staff
const PO_ONLY = '0566988259'; // PO without own staff
const EMPLOYER_ONLY = '0202020217';
const NEITHER = '0876543270';
const FOREIGN = '0404040434'; // valid, but not one of the person's organisations

const membership = (enterprise: string, name: string, permissions: OrganisationMembership['permissions']): OrganisationMembership => ({
  enterprise,
  name,
  role: 'USER',
  status: 'ACTIVE',
  permissions,
});

const ORGANISATIONS: OrganisationMembership[] = [
  membership(BOTH, 'PO Y', ['EMPLOYER', 'PO_EDUCATION']),
  membership(PO_ONLY, 'PO Z', ['PO_EDUCATION']),
  membership(EMPLOYER_ONLY, 'Entreprise E', ['EMPLOYER']),
  membership(NEITHER, 'Entreprise N', []),
];

const journey: Journey = signInJourney;

type SignInDriver = Awaited<ReturnType<typeof startLocal>>;

afterEach(stopLocalJourneys);

function start(load: () => Promise<OrganisationMembership[]> = () => Promise.resolve(ORGANISATIONS), delays: { sessionIdle?: number } = {}): Promise<SignInDriver> {
  const loadOrganisationsOfPerson = fromPromise<OrganisationMembership[], { niss: string }>(({ input }) => {
    expect(input).toEqual({ niss: PERSON });
    return load();
  });
  return startLocal(journey, { input: { niss: PERSON }, actors: { loadOrganisationsOfPerson }, delays });
}

const viewOf = (actor: SignInDriver) => toView(journey, actor.local.snapshot(), 'owner');

/** As the host does: the journey's schema, then `can`; the view once no actor runs. */
const send = (actor: SignInDriver, event: Record<string, unknown> & { type: keyof typeof signInEvents }) => actor.send(event);

async function toOrganisationChoice(actor: SignInDriver) {
  await send(actor, { type: 'EMPLOYER' });
  await send(actor, { type: 'INTRODUCE_REQUEST' });
  return send(actor, { type: 'SIGN_IN' });
}

describe('signIn: the guide’s order of screens', () => {
  it('goes from the landing page to the choice of organisation', async () => {
    const actor = await start();
    expect(viewOf(actor)).toMatchObject({ screen: 'landing', allowedEvents: ['EMPLOYER'] });
    expect((await send(actor, { type: 'EMPLOYER' })).screen).toBe('employerPage');
    expect((await send(actor, { type: 'INTRODUCE_REQUEST' })).screen).toBe('signIn');
    const choice = await send(actor, { type: 'SIGN_IN' });
    expect(choice).toMatchObject({ screen: 'organisationChoice', allowedEvents: ['CHOOSE_ORGANISATION'] });
    expect(choice.context).toEqual({
      organisations: ORGANISATIONS.map(({ enterprise, name, permissions }) => ({ enterprise, name, permissions })),
      organisation: null,
      mode: null,
      next: null,
      error: null,
    });
  });

  it('returns to the sign-in screen with the error when the organisations cannot be loaded', async () => {
    // The host hands a failed activity to the machine as an ActorError ({ code, message, details }).
    const failure = Object.assign(new Error('database down'), { code: 'STORE_UNAVAILABLE' }) satisfies ActorError;
    const actor = await start(() => Promise.reject(failure));
    const view = await toOrganisationChoice(actor);
    const error = { code: 'STORE_UNAVAILABLE', message: 'database down' };
    expect(view).toMatchObject({ screen: 'signIn', context: { error } });
    expect((await send(actor, { type: 'SIGN_IN' })).context.error).toEqual(error); // still failing
  });
});

describe('signIn: routing by the permissions held in the chosen organisation', () => {
  it('both permissions: the intermediate screen, then confirmation (BACK returns to the choice)', async () => {
    const actor = await start();
    await toOrganisationChoice(actor);
    const choice = await send(actor, { type: 'CHOOSE_ORGANISATION', enterprise: '0353.456.320' });
    expect(choice).toMatchObject({
      screen: 'actingChoice',
      state: 'actingChoice',
      context: { organisation: { enterprise: BOTH, name: 'PO Y', permissions: ['EMPLOYER', 'PO_EDUCATION'] }, mode: null },
    });
    expect(await send(actor, { type: 'CHOOSE_ACTING_MODE', mode: 'PO' })).toMatchObject({ screen: 'actingConfirmation', context: { mode: 'PO' } });
    expect(await send(actor, { type: 'BACK' })).toMatchObject({ screen: 'actingChoice', context: { mode: null } });
    await send(actor, { type: 'CHOOSE_ACTING_MODE', mode: 'OWN_COMPANY' });
    const done = await send(actor, { type: 'CONFIRM_ACTING_MODE' });
    expect(done).toMatchObject({
      screen: 'signedIn',
      status: 'done',
      allowedEvents: [],
      output: { niss: PERSON, enterprise: BOTH, enterpriseName: 'PO Y', mode: 'OWN_COMPANY' },
    });
  });

  it('PO-education only: signed in as PO straight away', async () => {
    const actor = await start();
    await toOrganisationChoice(actor);
    expect(await send(actor, { type: 'CHOOSE_ORGANISATION', enterprise: PO_ONLY })).toMatchObject({
      screen: 'signedIn',
      status: 'done',
      output: { niss: PERSON, enterprise: PO_ONLY, enterpriseName: 'PO Z', mode: 'PO' },
    });
  });

  it('employer only: signed in for the own company', async () => {
    const actor = await start();
    await toOrganisationChoice(actor);
    expect(await send(actor, { type: 'CHOOSE_ORGANISATION', enterprise: EMPLOYER_ONLY })).toMatchObject({
      screen: 'signedIn',
      output: { enterprise: EMPLOYER_ONLY, enterpriseName: 'Entreprise E', mode: 'OWN_COMPANY' },
    });
  });

  it('neither: refused, with the way to access management; another organisation may be chosen', async () => {
    const actor = await start();
    await toOrganisationChoice(actor);
    const refused = await send(actor, { type: 'CHOOSE_ORGANISATION', enterprise: NEITHER });
    expect(refused).toMatchObject({ screen: 'refused', status: 'active', context: { next: 'accessManagement', organisation: { enterprise: NEITHER } } });
    expect(refused.labels).toContain('signIn.refused.accessManagementUrl');
    expect(refused.allowedEvents).toEqual(['CHOOSE_OTHER_ORGANISATION']);
    const again = await send(actor, { type: 'CHOOSE_OTHER_ORGANISATION' });
    expect(again).toMatchObject({ screen: 'organisationChoice', context: { next: null, organisation: null } });
    expect(await send(actor, { type: 'CHOOSE_ORGANISATION', enterprise: PO_ONLY })).toMatchObject({ output: { mode: 'PO' } });
  });

  it('no organisation at all: refused, with nothing else to choose', async () => {
    const actor = await start(() => Promise.resolve([]));
    const view = await toOrganisationChoice(actor);
    expect(view).toMatchObject({ screen: 'refused', context: { next: 'accessManagement', organisations: [] } });
    expect(actor.local.snapshot().can({ type: 'CHOOSE_OTHER_ORGANISATION' })).toBe(false);
  });

  it('refuses an enterprise that is not one of the person’s organisations, on the same screen with an error', async () => {
    const actor = await start();
    await toOrganisationChoice(actor);
    const refused = await send(actor, { type: 'CHOOSE_ORGANISATION', enterprise: FOREIGN });
    expect(refused).toMatchObject({
      screen: 'organisationChoice',
      context: { organisation: null, error: { code: 'UNKNOWN_ORGANISATION', message: expect.stringContaining(FOREIGN) as string, details: { enterprise: FOREIGN } } },
    });
    expect((await send(actor, { type: 'CHOOSE_ORGANISATION', enterprise: BOTH })).context.error).toBeNull();
  });

  it('actingModesOf maps each permission to its mode', () => {
    expect(actingModesOf(['EMPLOYER', 'PO_EDUCATION'])).toEqual(['PO', 'OWN_COMPANY']);
    expect(actingModesOf(['PO_EDUCATION'])).toEqual(['PO']);
    expect(actingModesOf(['EMPLOYER'])).toEqual(['OWN_COMPANY']);
    expect(actingModesOf([])).toEqual([]);
  });
});

describe('signIn: sessionIdle', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('expires every screen left idle, with no output', async () => {
    const onLanding = await start(undefined, { sessionIdle: 1_000 });
    await jest.advanceTimersByTimeAsync(999);
    expect(viewOf(onLanding).screen).toBe('landing');
    await jest.advanceTimersByTimeAsync(1);
    expect(viewOf(onLanding)).toMatchObject({ screen: 'expired', status: 'done' });
    expect(onLanding.local.snapshot().output).toBeNull();

    const onRefused = await start(undefined, { sessionIdle: 1_000 });
    await toOrganisationChoice(onRefused);
    await send(onRefused, { type: 'CHOOSE_ORGANISATION', enterprise: NEITHER });
    await jest.advanceTimersByTimeAsync(1_000);
    expect(viewOf(onRefused).screen).toBe('expired');
  });

  it('restarts the delay on each screen', async () => {
    const actor = await start(undefined, { sessionIdle: 1_000 });
    await jest.advanceTimersByTimeAsync(600);
    await toOrganisationChoice(actor);
    await send(actor, { type: 'CHOOSE_ORGANISATION', enterprise: BOTH });
    await jest.advanceTimersByTimeAsync(600);
    await send(actor, { type: 'CHOOSE_ACTING_MODE', mode: 'PO' });
    await jest.advanceTimersByTimeAsync(600);
    expect(viewOf(actor).screen).toBe('actingConfirmation');
    await jest.advanceTimersByTimeAsync(400);
    expect(viewOf(actor).screen).toBe('expired');
  });
});

describe('signIn: schemas', () => {
  const messagesOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues.map((i) => i.message) ?? [];

  it('are the journey’s', () => expect(signInJourney.events).toBe(signInEvents));

  it('refuses a bad NISS as input with the check-digit rule', () => {
    expect(messagesOf(signInJourney.input, { niss: '85.07.30-033.29' })).toEqual([
      expect.stringMatching(/chiffres de contrôle 29 du NISS ne correspondent pas à 97 − \(les 9 premiers chiffres modulo 97\)/),
    ]);
  });

  it("refuses the guide's enterprise number and an unknown mode", () => {
    expect(messagesOf(signInEvents.CHOOSE_ORGANISATION, { type: 'CHOOSE_ORGANISATION', enterprise: '0123.456.789' })).toEqual([
      expect.stringMatching(/chiffres de contrôle \d\d du numéro BCE/),
    ]);
    expect(messagesOf(signInEvents.CHOOSE_ACTING_MODE, { type: 'CHOOSE_ACTING_MODE', mode: 'SCHOOL' })).toEqual([
      expect.stringMatching(/^The acting mode must be one of: PO/),
    ]);
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
  always?: Array<{ guard?: unknown }>;
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
/** A state with an unguarded eventless transition is passed through, never rested in. */
const isTransient = (node: NodeLike) => (node.always ?? []).some((t) => t.guard === undefined);

function leafPaths(value: StateValue, prefix: string[] = []): string[] {
  if (typeof value === 'string') return [[...prefix, value].join('.')];
  return Object.entries(value).flatMap(([key, child]) => (child === undefined ? [] : leafPaths(child, [...prefix, key])));
}

describe('signIn: definition', () => {
  it('gives every state a screen, and every screen label a French text', () => {
    for (const node of leaves(signInMachine)) {
      expect({ state: node.path.join('.'), screen: typeof node.meta?.screen }).toEqual({ state: node.path.join('.'), screen: 'string' });
      for (const key of node.meta?.labels ?? []) {
        expect(key.startsWith(`signIn.${node.meta?.screen}.`)).toBe(true);
        expect(signInJourney.labels.fr[key]).toEqual(expect.any(String));
      }
    }
    const used = new Set(leaves(signInMachine).flatMap((n) => n.meta?.labels ?? []));
    expect(Object.keys(signInJourney.labels.fr).filter((key) => !used.has(key))).toEqual([]);
    expect(signInJourney.labels.fr['signIn.actingChoice.asPo']).toBe('J’agis en tant que pouvoir organisateur');
  });

  it('reaches every state it can rest in (getShortestPaths with sample events, actor results included)', () => {
    const idle = nodesOf(signInMachine).flatMap((n) => n.after.map((t) => ({ type: t.eventType })));
    const sample = [
      { type: 'EMPLOYER' },
      { type: 'INTRODUCE_REQUEST' },
      { type: 'SIGN_IN' },
      ...[BOTH, PO_ONLY, EMPLOYER_ONLY, NEITHER, FOREIGN].map((enterprise) => ({ type: 'CHOOSE_ORGANISATION', enterprise })),
      { type: 'CHOOSE_ACTING_MODE', mode: 'PO' },
      { type: 'CONFIRM_ACTING_MODE' },
      { type: 'BACK' },
      { type: 'CHOOSE_OTHER_ORGANISATION' },
      { type: 'xstate.done.actor.loadOrganisationsOfPerson', output: ORGANISATIONS },
      { type: 'xstate.error.actor.loadOrganisationsOfPerson', error: { code: 'FAILED', message: 'failed' } },
      ...idle,
    ] as unknown as SignInEvent[];
    const paths = getShortestPaths(signInMachine, { input: { niss: PERSON }, events: sample });
    const reached = new Set(paths.flatMap((path) => leafPaths(path.state.value)));
    const expected = leaves(signInMachine)
      .filter((n) => !isTransient(n))
      .map((n) => n.path.join('.'));
    expect(leaves(signInMachine).filter(isTransient).map((n) => n.path.join('.'))).toEqual(['permissionCheck']);
    expect(expected.filter((state) => !reached.has(state))).toEqual([]);
    expect(expected).toEqual(expect.arrayContaining(['landing', 'actingChoice', 'actingConfirmation', 'refused', 'signedIn', 'expired']));

    // The shortest way to each final outcome, as the guide tells it.
    const to = (predicate: (output: unknown) => boolean) =>
      paths
        .filter((p) => p.state.status === 'done' && predicate(p.state.output))
        .map((p) => p.steps.map((s) => s.event.type))
        .sort((a, b) => a.length - b.length)[0];
    expect(to((o) => (o as { mode?: string } | null)?.mode === 'PO')).toEqual([
      'xstate.init',
      'EMPLOYER',
      'INTRODUCE_REQUEST',
      'SIGN_IN',
      'xstate.done.actor.loadOrganisationsOfPerson',
      'CHOOSE_ORGANISATION',
    ]);
  });
});
