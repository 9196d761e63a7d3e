/**
 * Journey 1 — granting the PO-education permission in access management (guide, step 1): the employer
 * page's "Gestion des accès", CSAM sign-in, the organisation's link, "Mes groupes", the group's member
 * list, then the pencil on a member (edit the permissions, "sauvegarder") or "Ajouter un utilisateur".
 * The member list itself is a GET read; the machine knows the open group and holds the draft being edited.
 */
import { assertEvent, assign, setup } from 'xstate';
import { hostedActor, showActorError } from '../actors';
import { BUSY, defineJourney, screenMeta } from '../journey';
import {
  organisationActions,
  organisationGuards,
  organisationStates,
  type LoadOrganisationsOfPersonInput,
  type LoadOrganisationsOfPersonOutput,
} from '../organisations';
import type { Permission } from '../../domain';
import type {
  AddMemberInput,
  AddMemberOutput,
  LoadMemberInput,
  LoadMemberOutput,
  Member,
  NewMember,
  SaveMemberPermissionsInput,
  SaveMemberPermissionsOutput,
} from './contracts';
import {
  draftOf,
  editedMember,
  initialContext,
  knownMember,
  managesOpenGroup,
  newMemberOf,
  openGroup,
  publicContextOf,
  submittedMember,
  unknownGroupError,
  unknownMemberError,
  type AccessManagementContext,
  type ScreenError,
} from './context';
import { accessManagementEvents, accessManagementInputSchema, type AccessManagementEvent, type AccessManagementInput } from './events';
import { accessManagementLabels, accessManagementLabelsDe, accessManagementLabelsNl } from './labels';

// ---------------------------------------------------------------------------------------------------
// Machine

/** Screens after sign-in end the session when left idle; an accepted event re-enters its screen, restarting the delay. */
const endsWhenIdle = { sessionIdle: '#accessManagement.expired' } as const;
const toHelp = { target: '#accessManagement.help', actions: 'clearMessages' } as const;

const screen = (name: string) => screenMeta(accessManagementLabels, `accessManagement.${name}`);

export const accessManagementMachine = setup({
  types: {
    input: {} as AccessManagementInput,
    context: {} as AccessManagementContext,
    events: {} as AccessManagementEvent,
  },
  actors: {
    loadOrganisationsOfPerson: hostedActor<LoadOrganisationsOfPersonOutput, LoadOrganisationsOfPersonInput>(),
    loadMember: hostedActor<LoadMemberOutput, LoadMemberInput>(),
    saveMemberPermissions: hostedActor<SaveMemberPermissionsOutput, SaveMemberPermissionsInput>(),
    addMember: hostedActor<AddMemberOutput, AddMemberInput>(),
  },
  delays: { sessionIdle: 30 * 60_000 },
  guards: {
    ...organisationGuards,
    managesOpenGroup: ({ context }) => managesOpenGroup(context),
    isUnknownMember: (_, params: { member: Member | null }) => params.member === null,
  },
  actions: {
    ...organisationActions<AccessManagementContext, AccessManagementEvent>(),
    clearMessages: assign({ error: null, notice: null }),
    showError: assign((_, error: ScreenError) => ({ error, notice: null })),
    openGroup: assign((_, params: { enterprise: string }) => ({ group: params.enterprise })),
    closeGroup: assign({ group: null }),
    startEditing: assign((_, params: { member: Member }) => ({ editing: draftOf(params.member) })),
    choosePermissions: assign(({ context }, params: { permissions: Permission[] }) => ({ editing: context.editing && { ...context.editing, permissions: params.permissions } })),
    stopEditing: assign({ editing: null }),
    /** SAVE answered: the list again, saying whose permissions were saved. */
    noteMemberSaved: assign(({ context }) => ({ notice: context.editing && { code: 'MEMBER_SAVED' as const, niss: context.editing.member.niss }, editing: null })),
    keepNewMember: assign((_, params: { member: NewMember }) => ({ newMember: params.member })),
    forgetNewMember: assign({ newMember: null }),
    /** SUBMIT_NEW_MEMBER answered: the list again, saying who was added. */
    noteMemberAdded: assign((_, params: { niss: string }) => ({ notice: { code: 'MEMBER_ADDED' as const, niss: params.niss }, newMember: null })),
  },
}).createMachine({
  id: 'accessManagement',
  context: ({ input }) => initialContext(input),
  initial: 'employerPage',
  states: {
    employerPage: {
      meta: screen('employerPage'),
      on: { OPEN_ACCESS_MANAGEMENT: { target: 'signIn', actions: 'clearMessages' } },
    },
    signIn: {
      meta: screen('signIn'),
      on: { SIGN_IN: { target: 'session', actions: 'clearMessages' } },
    },
    session: {
      initial: 'loadingOrganisations',
      on: { SIGN_OUT: 'signedOut' },
      states: {
        ...organisationStates({
          labels: accessManagementLabels,
          screen: 'accessManagement.organisationChoice',
          noOrganisation: { target: 'noOrganisation' },
          loadFailed: '#accessManagement.signIn',
          chosen: 'home',
          clear: 'clearMessages',
          after: endsWhenIdle,
          on: { HELP: toHelp },
        }),
        noOrganisation: {
          meta: screen('noOrganisation'),
          after: endsWhenIdle,
          on: { HELP: toHelp },
        },
        home: {
          meta: screen('home'),
          after: endsWhenIdle,
          on: {
            CHOOSE_GROUP: [
              {
                guard: { type: 'isOneOfMyOrganisations', params: ({ event }) => ({ enterprise: event.enterprise }) },
                target: 'memberList',
                actions: ['clearMessages', { type: 'openGroup', params: ({ event }) => ({ enterprise: event.enterprise }) }],
              },
              { target: 'home', reenter: true, actions: { type: 'showError', params: ({ event }) => unknownGroupError(event.enterprise) } },
            ],
            HELP: toHelp,
          },
        },
        memberList: {
          meta: screen('memberList'),
          after: endsWhenIdle,
          on: {
            // A plain user sees the list but may not change it: the host refuses these events (409).
            EDIT_MEMBER: { guard: 'managesOpenGroup', target: 'loadingMember', actions: 'clearMessages' },
            ADD_USER: { guard: 'managesOpenGroup', target: 'memberAdd', actions: ['clearMessages', 'forgetNewMember'] },
            BACK_TO_GROUPS: { target: 'home', actions: ['clearMessages', 'closeGroup'] },
            HELP: toHelp,
          },
        },
        loadingMember: {
          meta: BUSY,
          invoke: {
            id: 'loadMember',
            src: 'loadMember',
            input: ({ context, event }) => {
              assertEvent(event, 'EDIT_MEMBER');
              return { enterprise: openGroup(context), niss: event.niss };
            },
            onDone: [
              {
                guard: { type: 'isUnknownMember', params: ({ event }) => ({ member: event.output }) },
                target: 'memberList',
                actions: { type: 'showError', params: ({ context }) => unknownMemberError(context) },
              },
              {
                target: 'memberEdit',
                actions: { type: 'startEditing', params: ({ event }) => ({ member: knownMember(event.output) }) },
              },
            ],
            onError: { target: 'memberList', actions: showActorError },
          },
        },
        memberEdit: {
          meta: screen('memberEdit'),
          after: endsWhenIdle,
          on: {
            SET_PERMISSIONS: {
              target: 'memberEdit',
              reenter: true,
              actions: ['clearMessages', { type: 'choosePermissions', params: ({ event }) => ({ permissions: event.permissions }) }],
            },
            SAVE: { target: 'savingMember', actions: 'clearMessages' },
            CANCEL: { target: 'memberList', actions: ['clearMessages', 'stopEditing'] },
            HELP: toHelp,
          },
        },
        savingMember: {
          meta: BUSY,
          invoke: {
            id: 'saveMemberPermissions',
            src: 'saveMemberPermissions',
            input: ({ context }) => {
              const { member, permissions } = editedMember(context);
              return { enterprise: openGroup(context), actorNiss: context.niss, memberNiss: member.niss, permissions };
            },
            onDone: { target: 'memberList', actions: 'noteMemberSaved' },
            onError: { target: 'memberEdit', actions: showActorError },
          },
        },
        memberAdd: {
          meta: screen('memberAdd'),
          after: endsWhenIdle,
          on: {
            SUBMIT_NEW_MEMBER: {
              target: 'addingMember',
              actions: ['clearMessages', { type: 'keepNewMember', params: ({ event }) => ({ member: newMemberOf(event) }) }],
            },
            CANCEL: { target: 'memberList', actions: ['clearMessages', 'forgetNewMember'] },
            HELP: toHelp,
          },
        },
        addingMember: {
          meta: BUSY,
          invoke: {
            id: 'addMember',
            src: 'addMember',
            input: ({ context }) => ({ enterprise: openGroup(context), actorNiss: context.niss, member: submittedMember(context) }),
            onDone: { target: 'memberList', actions: { type: 'noteMemberAdded', params: ({ event }) => ({ niss: event.output.niss }) } },
            // DUPLICATE_MEMBER or NOT_ACCESS_MANAGER: back to the form as typed.
            onError: { target: 'memberAdd', actions: showActorError },
          },
        },
        previous: { type: 'history' },
      },
    },
    help: {
      meta: screen('help'),
      after: endsWhenIdle,
      on: {
        BACK: { target: 'session.previous', actions: 'clearMessages' },
        SIGN_OUT: 'signedOut',
      },
    },
    signedOut: { type: 'final', meta: screen('signedOut') },
    expired: { type: 'final', meta: screen('expired') },
  },
});

// ---------------------------------------------------------------------------------------------------
// Journey

export const accessManagementJourney = defineJourney({
  id: 'accessManagement',
  title: 'Obtenir la permission pouvoir organisateur (gestion des accès)',
  machine: accessManagementMachine,
  input: accessManagementInputSchema,
  events: accessManagementEvents,
  publicContext: publicContextOf,
  labels: { fr: accessManagementLabels, nl: accessManagementLabelsNl, de: accessManagementLabelsDe },
});
