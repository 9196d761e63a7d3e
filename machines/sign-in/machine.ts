/**
 * Journey 2 — signing in to Break@Work (guide, step 2): www.onem.be/breakatwork → "Employeur" →
 * "Introduisez une demande" → digital key → the organisation; then the permissions the person holds IN
 * THAT organisation decide: both → the intermediate screen (act as PO or as the company, then confirm),
 * PO-education only → signed in as PO, employer only → own company, neither → refused (way to journey 1).
 */
import { assign, setup } from 'xstate';
import { ACTING_MODE_CODES, type ActingMode } from '../../domain';
import { hostedActor, type ScreenError } from '../actors';
import { BUSY, defineJourney, screenMeta } from '../journey';
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
import { signInLabels, signInLabelsDe, signInLabelsNl } from './labels';

// ---------------------------------------------------------------------------------------------------
// Machine

const endsWhenIdle = { sessionIdle: '#signIn.expired' } as const;
const screen = (name: string) => screenMeta(signInLabels, `signIn.${name}`);

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
    chooseMode: assign((_, params: { mode: ActingMode }) => ({ mode: params.mode })),
    forgetMode: assign({ mode: null }),
    /** CHOOSE_OTHER_ORGANISATION: the choice again, nothing of the refused one kept. */
    forgetOrganisation: assign({ organisation: null, mode: null, next: null }),
  },
}).createMachine({
  id: 'signIn',
  context: ({ input }) => initialContext(input),
  initial: 'landing',
  states: {
    landing: {
      meta: screen('landing'),
      after: endsWhenIdle,
      on: { EMPLOYER: { target: 'employerPage', actions: 'clearError' } },
    },
    employerPage: {
      meta: screen('employerPage'),
      after: endsWhenIdle,
      on: { INTRODUCE_REQUEST: { target: 'signIn', actions: 'clearError' } },
    },
    signIn: {
      meta: screen('signIn'),
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
      meta: BUSY,
      always: [
        { guard: 'opensBothModes', target: 'actingChoice' },
        { guard: { type: 'opensOnlyMode', params: { mode: 'PO' } }, target: 'signedIn', actions: { type: 'chooseMode', params: { mode: 'PO' } } },
        { guard: { type: 'opensOnlyMode', params: { mode: 'OWN_COMPANY' } }, target: 'signedIn', actions: { type: 'chooseMode', params: { mode: 'OWN_COMPANY' } } },
        { target: 'refused', actions: 'pointToAccessManagement' },
      ],
    },
    actingChoice: {
      meta: screen('actingChoice'),
      after: endsWhenIdle,
      on: { CHOOSE_ACTING_MODE: { target: 'actingConfirmation', actions: ['clearError', { type: 'chooseMode', params: ({ event }) => ({ mode: event.mode }) }] } },
    },
    actingConfirmation: {
      meta: screen('actingConfirmation'),
      after: endsWhenIdle,
      on: {
        CONFIRM_ACTING_MODE: { target: 'signedIn', actions: 'clearError' },
        BACK: { target: 'actingChoice', actions: ['clearError', 'forgetMode'] },
      },
    },
    refused: {
      meta: screen('refused'),
      after: endsWhenIdle,
      on: {
        CHOOSE_OTHER_ORGANISATION: {
          guard: 'hasOrganisations',
          target: 'organisationChoice',
          actions: ['clearError', 'forgetOrganisation'],
        },
      },
    },
    signedIn: { type: 'final', meta: screen('signedIn') },
    expired: { type: 'final', meta: screen('expired') },
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
  labels: { fr: signInLabels, nl: signInLabelsNl, de: signInLabelsDe },
});
