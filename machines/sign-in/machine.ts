/**
 * Journey 2 — signing in to Break@Work (guide, step 2): www.onem.be/breakatwork → "Employeur" →
 * "Introduisez une demande" → digital key → the organisation; then the permissions the person holds IN
 * THAT organisation decide: both → the intermediate screen (act as PO or as the company, then confirm),
 * PO-education only → signed in as PO, employer only → own company, neither → refused (way to journey 1).
 */
import { assign, setup } from 'xstate';
import { z } from 'zod';
import {
  ACTING_MODE_CODES,
  actingModeSchema,
  actingModesOf,
  enterpriseNumberSchema,
  nissSchema,
  type ActingMode,
} from '../../domain';
import { hostedActor, showActorError, type ScreenError } from '../actors';
import { defineJourney, signal, type EventOf } from '../journey';
import {
  choosesOneOfMyOrganisations,
  membershipIn,
  noOrganisationLoaded,
  organisationGuards,
  unknownOrganisationChoice,
  type LoadOrganisationsOfPersonInput,
  type LoadOrganisationsOfPersonOutput,
  type OrganisationMembership,
} from '../organisations';
import { signInLabels } from './labels';

// ---------------------------------------------------------------------------------------------------
// Events: validated by these schemas before the machine sees them.

export const signInEvents = {
  EMPLOYER: signal('EMPLOYER'),
  INTRODUCE_REQUEST: signal('INTRODUCE_REQUEST'),
  SIGN_IN: signal('SIGN_IN'),
  CHOOSE_ORGANISATION: z.object({ type: z.literal('CHOOSE_ORGANISATION'), enterprise: enterpriseNumberSchema }),
  CHOOSE_ACTING_MODE: z.object({ type: z.literal('CHOOSE_ACTING_MODE'), mode: actingModeSchema }),
  CONFIRM_ACTING_MODE: signal('CONFIRM_ACTING_MODE'),
  BACK: signal('BACK'),
  CHOOSE_OTHER_ORGANISATION: signal('CHOOSE_OTHER_ORGANISATION'),
};

export type SignInEvent = EventOf<typeof signInEvents>;

// ---------------------------------------------------------------------------------------------------
// Context and output

export interface SignInContext {
  /** The signed-in person (from the verified token). */
  niss: string;
  organisations: OrganisationMembership[];
  /** The organisation chosen after the digital key. */
  organisation: string | null;
  mode: ActingMode | null;
  /** On `refused`: the journey that grants the missing permission. */
  next: 'accessManagement' | null;
  error: ScreenError | null;
}

export interface SignInOutput {
  niss: string;
  enterprise: string;
  enterpriseName: string;
  mode: ActingMode;
}

function chosenOrganisation(context: SignInContext): OrganisationMembership | undefined {
  return membershipIn(context.organisations, context.organisation);
}

function modesInChosenOrganisation(context: SignInContext): ActingMode[] {
  return actingModesOf(chosenOrganisation(context)?.permissions ?? []);
}

/** The machine's output: who acts for which organisation in which mode; null when the session expired. */
function signedInAs(context: SignInContext): SignInOutput | null {
  const organisation = chosenOrganisation(context);
  if (!organisation || context.mode === null) return null;
  return { niss: context.niss, enterprise: organisation.enterprise, enterpriseName: organisation.name, mode: context.mode };
}

// ---------------------------------------------------------------------------------------------------
// Machine

const endsWhenIdle = { sessionIdle: '#signIn.expired' } as const;

export const signInMachine = setup({
  types: {
    input: {} as { niss: string },
    context: {} as SignInContext,
    events: {} as SignInEvent,
    output: {} as SignInOutput | null,
  },
  actors: {
    loadOrganisationsOfPerson: hostedActor<LoadOrganisationsOfPersonOutput, LoadOrganisationsOfPersonInput>(),
  },
  delays: { sessionIdle: 30 * 60_000 },
  guards: {
    ...organisationGuards,
    hasOrganisations: ({ context }) => context.organisations.length > 0,
    opensBothModes: ({ context }) => modesInChosenOrganisation(context).length === ACTING_MODE_CODES.length,
    opensOnlyMode: ({ context }, params: { mode: ActingMode }) => {
      const modes = modesInChosenOrganisation(context);
      return modes.length === 1 && modes[0] === params.mode;
    },
  },
  actions: {
    clearError: assign({ error: null }),
    showError: assign((_, error: ScreenError) => ({ error })),
    pointToAccessManagement: assign({ next: 'accessManagement' as const }),
  },
}).createMachine({
  id: 'signIn',
  context: ({ input }) => ({ niss: input.niss, organisations: [], organisation: null, mode: null, next: null, error: null }),
  initial: 'landing',
  states: {
    landing: {
      meta: { screen: 'landing', labels: ['signIn.landing.title', 'signIn.landing.address', 'signIn.landing.employer'] },
      after: endsWhenIdle,
      on: { EMPLOYER: { target: 'employerPage', actions: 'clearError' } },
    },
    employerPage: {
      meta: { screen: 'employerPage', labels: ['signIn.employerPage.title', 'signIn.employerPage.introduceRequest'] },
      after: endsWhenIdle,
      on: { INTRODUCE_REQUEST: { target: 'signIn', actions: 'clearError' } },
    },
    signIn: {
      meta: { screen: 'signIn', labels: ['signIn.signIn.title', 'signIn.signIn.digitalKey'] },
      after: endsWhenIdle,
      on: { SIGN_IN: { target: 'loadingOrganisations', actions: 'clearError' } },
    },
    loadingOrganisations: {
      meta: { screen: 'busy' },
      invoke: {
        id: 'loadOrganisationsOfPerson',
        src: 'loadOrganisationsOfPerson',
        input: ({ context }) => ({ niss: context.niss }),
        onDone: [
          // A person in no organisation's group has nothing to choose: the refusal shows the way to journey 1.
          { guard: noOrganisationLoaded, target: 'refused', actions: [assign({ organisations: [] }), 'pointToAccessManagement'] },
          { target: 'organisationChoice', actions: assign({ organisations: ({ event }) => event.output }) },
        ],
        onError: { target: 'signIn', actions: showActorError },
      },
    },
    organisationChoice: {
      meta: { screen: 'organisationChoice', labels: ['signIn.organisationChoice.title', 'signIn.organisationChoice.instruction'] },
      after: endsWhenIdle,
      on: {
        CHOOSE_ORGANISATION: [
          { guard: choosesOneOfMyOrganisations, target: 'permissionCheck', actions: ['clearError', assign({ organisation: ({ event }) => event.enterprise })] },
          unknownOrganisationChoice,
        ],
      },
    },
    permissionCheck: {
      meta: { screen: 'busy' },
      always: [
        { guard: 'opensBothModes', target: 'actingChoice' },
        { guard: { type: 'opensOnlyMode', params: { mode: 'PO' } }, target: 'signedIn', actions: assign({ mode: 'PO' as const }) },
        { guard: { type: 'opensOnlyMode', params: { mode: 'OWN_COMPANY' } }, target: 'signedIn', actions: assign({ mode: 'OWN_COMPANY' as const }) },
        { target: 'refused', actions: 'pointToAccessManagement' },
      ],
    },
    actingChoice: {
      meta: {
        screen: 'actingChoice',
        labels: ['signIn.actingChoice.title', 'signIn.actingChoice.explanation', 'signIn.actingChoice.asPo', 'signIn.actingChoice.ownCompany'],
      },
      after: endsWhenIdle,
      on: { CHOOSE_ACTING_MODE: { target: 'actingConfirmation', actions: ['clearError', assign({ mode: ({ event }) => event.mode })] } },
    },
    actingConfirmation: {
      meta: {
        screen: 'actingConfirmation',
        labels: ['signIn.actingConfirmation.title', 'signIn.actingConfirmation.confirm', 'signIn.actingConfirmation.back'],
      },
      after: endsWhenIdle,
      on: {
        CONFIRM_ACTING_MODE: { target: 'signedIn', actions: 'clearError' },
        BACK: { target: 'actingChoice', actions: ['clearError', assign({ mode: null })] },
      },
    },
    refused: {
      meta: {
        screen: 'refused',
        labels: [
          'signIn.refused.title',
          'signIn.refused.explanation',
          'signIn.refused.accessManagement',
          'signIn.refused.accessManagementUrl',
          'signIn.refused.chooseOtherOrganisation',
        ],
      },
      after: endsWhenIdle,
      on: {
        CHOOSE_OTHER_ORGANISATION: {
          guard: 'hasOrganisations',
          target: 'organisationChoice',
          actions: ['clearError', assign({ organisation: null, mode: null, next: null })],
        },
      },
    },
    signedIn: {
      type: 'final',
      meta: { screen: 'signedIn', labels: ['signIn.signedIn.title'] },
    },
    expired: {
      type: 'final',
      meta: { screen: 'expired', labels: ['signIn.expired.title'] },
    },
  },
  output: ({ context }) => signedInAs(context),
});

// ---------------------------------------------------------------------------------------------------
// Journey

export const signInJourney = defineJourney({
  id: 'signIn',
  title: 'Se connecter à Break@Work',
  machine: signInMachine,
  input: z.object({ niss: nissSchema }),
  events: signInEvents,
  publicContext: (context) => {
    const chosen = chosenOrganisation(context);
    return {
      organisations: context.organisations.map(({ enterprise, name, permissions }) => ({ enterprise, name, permissions })),
      organisation: chosen ? { enterprise: chosen.enterprise, name: chosen.name, permissions: chosen.permissions } : null,
      mode: context.mode,
      next: context.next,
      error: context.error,
    };
  },
  labels: signInLabels,
});
