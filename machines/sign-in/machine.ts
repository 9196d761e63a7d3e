/**
 * Journey 2 — signing in to Break@Work (guide, step 2): www.onem.be/breakatwork → "Employeur" →
 * "Introduisez une demande" → digital key → the organisation; then the permissions the person holds IN
 * THAT organisation decide: both → the intermediate screen (act as PO or as the company, then confirm),
 * PO-education only → signed in as PO, employer only → own company, neither → refused (way to journey 1).
 */
import { assign, setup } from 'xstate';
import { ACTING_MODE_CODES, type ActingMode } from '../../domain';
import { hostedActor, type ScreenError } from '../actors';
import { defineJourney } from '../journey';
import {
  organisationActions,
  organisationGuards,
  organisationStates,
  type LoadOrganisationsOfPersonInput,
  type LoadOrganisationsOfPersonOutput,
} from '../organisations';
import type { SignInOutput } from './contracts';
import { initialContext, modesInChosenOrganisation, publicContextOf, signedInAs, type SignInContext } from './context';
import { signInEvents, signInInputSchema, type SignInEvent, type SignInInput } from './events';
import { signInLabels } from './labels';

// ---------------------------------------------------------------------------------------------------
// Machine

const endsWhenIdle = { sessionIdle: '#signIn.expired' } as const;

export const signInMachine = setup({
  types: {
    input: {} as SignInInput,
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
    ...organisationActions<SignInContext, SignInEvent>(),
    clearError: assign({ error: null }),
    showError: assign((_, error: ScreenError) => ({ error })),
    pointToAccessManagement: assign({ next: 'accessManagement' as const }),
  },
}).createMachine({
  id: 'signIn',
  context: ({ input }) => initialContext(input),
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
    ...organisationStates({
      labels: signInLabels,
      screen: 'signIn.organisationChoice',
      // A person in no organisation's group has nothing to choose: the refusal shows the way to journey 1.
      noOrganisation: { target: 'refused', actions: ['pointToAccessManagement'] },
      loadFailed: 'signIn',
      chosen: 'permissionCheck',
      clear: 'clearError',
      after: endsWhenIdle,
      on: {},
    }),
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
  input: signInInputSchema,
  events: signInEvents,
  publicContext: publicContextOf,
  labels: signInLabels,
});
