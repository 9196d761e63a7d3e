/**
 * Journey 1 — granting the PO-education permission in access management (guide, step 1): the employer
 * page's "Gestion des accès", CSAM sign-in, the organisation's link, "Mes groupes", the group's member
 * list, then the pencil on a member (edit the permissions, "sauvegarder") or "Ajouter un utilisateur".
 * The member list itself is a GET read; the machine knows the open group and holds the draft being edited.
 */
import { assertEvent, assign, setup } from 'xstate';
import { hostedActor, showActorError } from '../actors';
import { defineJourney } from '../journey';
import {
  organisationActions,
  organisationGuards,
  organisationStates,
  type LoadOrganisationsOfPersonInput,
  type LoadOrganisationsOfPersonOutput,
} from '../organisations';
import type {
  AddMemberInput,
  AddMemberOutput,
  LoadMemberInput,
  LoadMemberOutput,
  Member,
  SaveMemberPermissionsInput,
  SaveMemberPermissionsOutput,
} from './contracts';
import { initialContext, managesOpenGroup, openGroup, publicContextOf, type AccessManagementContext, type ScreenError } from './context';
import { accessManagementEvents, accessManagementInputSchema, type AccessManagementEvent, type AccessManagementInput } from './events';
import { accessManagementLabels } from './labels';

// ---------------------------------------------------------------------------------------------------
// Machine

/** Screens after sign-in end the session when left idle; an accepted event re-enters its screen, restarting the delay. */
const endsWhenIdle = { sessionIdle: '#accessManagement.expired' } as const;
const toHelp = { target: '#accessManagement.help', actions: 'clearMessages' } as const;

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
  },
}).createMachine({
  id: 'accessManagement',
  context: ({ input }) => initialContext(input),
  initial: 'employerPage',
  states: {
    employerPage: {
      meta: { screen: 'employerPage', labels: ['accessManagement.employerPage.title', 'accessManagement.employerPage.openAccessManagement'] },
      on: { OPEN_ACCESS_MANAGEMENT: { target: 'signIn', actions: 'clearMessages' } },
    },
    signIn: {
      meta: { screen: 'signIn', labels: ['accessManagement.signIn.title', 'accessManagement.signIn.signIn'] },
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
          meta: { screen: 'noOrganisation', labels: ['accessManagement.noOrganisation.title', 'accessManagement.noOrganisation.explanation'] },
          after: endsWhenIdle,
          on: { HELP: toHelp },
        },
        home: {
          meta: { screen: 'home', labels: ['accessManagement.home.title', 'accessManagement.home.myGroups', 'accessManagement.home.instruction'] },
          after: endsWhenIdle,
          on: {
            CHOOSE_GROUP: [
              {
                guard: { type: 'isOneOfMyOrganisations', params: ({ event }) => ({ enterprise: event.enterprise }) },
                target: 'memberList',
                actions: ['clearMessages', assign({ group: ({ event }) => event.enterprise })],
              },
              {
                target: 'home',
                reenter: true,
                actions: {
                  type: 'showError',
                  params: ({ event }) => ({
                    code: 'UNKNOWN_GROUP',
                    message: `Enterprise ${event.enterprise} has no group you are an active member of.`,
                  }),
                },
              },
            ],
            HELP: toHelp,
          },
        },
        memberList: {
          meta: {
            screen: 'memberList',
            labels: [
              'accessManagement.memberList.title',
              'accessManagement.memberList.search',
              'accessManagement.memberList.filterRole',
              'accessManagement.memberList.filterStatus',
              'accessManagement.memberList.filterPermission',
              'accessManagement.memberList.lastName',
              'accessManagement.memberList.firstName',
              'accessManagement.memberList.role',
              'accessManagement.memberList.status',
              'accessManagement.memberList.permissions',
              'accessManagement.memberList.edit',
              'accessManagement.memberList.addUser',
              'accessManagement.memberList.backToGroups',
              'accessManagement.memberList.memberSaved',
              'accessManagement.memberList.memberAdded',
            ],
          },
          after: endsWhenIdle,
          on: {
            // A plain user sees the list but may not change it: the host refuses these events (409).
            EDIT_MEMBER: { guard: 'managesOpenGroup', target: 'loadingMember', actions: 'clearMessages' },
            ADD_USER: { guard: 'managesOpenGroup', target: 'memberAdd', actions: ['clearMessages', assign({ newMember: null })] },
            BACK_TO_GROUPS: { target: 'home', actions: ['clearMessages', assign({ group: null })] },
            HELP: toHelp,
          },
        },
        loadingMember: {
          meta: { screen: 'busy' },
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
                actions: {
                  type: 'showError',
                  params: ({ context }) => ({ code: 'UNKNOWN_MEMBER', message: `No member with this NISS in the group of enterprise ${context.group}.` }),
                },
              },
              {
                target: 'memberEdit',
                actions: assign({ editing: ({ event }) => event.output && { member: event.output, permissions: event.output.permissions } }),
              },
            ],
            onError: { target: 'memberList', actions: showActorError },
          },
        },
        memberEdit: {
          meta: {
            screen: 'memberEdit',
            labels: [
              'accessManagement.memberEdit.title',
              'accessManagement.memberEdit.lastName',
              'accessManagement.memberEdit.firstName',
              'accessManagement.memberEdit.role',
              'accessManagement.memberEdit.status',
              'accessManagement.memberEdit.permissions',
              'accessManagement.memberEdit.save',
              'accessManagement.memberEdit.cancel',
            ],
          },
          after: endsWhenIdle,
          on: {
            SET_PERMISSIONS: {
              target: 'memberEdit',
              reenter: true,
              actions: ['clearMessages', assign({ editing: ({ context, event }) => context.editing && { ...context.editing, permissions: event.permissions } })],
            },
            SAVE: { target: 'savingMember', actions: 'clearMessages' },
            CANCEL: { target: 'memberList', actions: ['clearMessages', assign({ editing: null })] },
            HELP: toHelp,
          },
        },
        savingMember: {
          meta: { screen: 'busy' },
          invoke: {
            id: 'saveMemberPermissions',
            src: 'saveMemberPermissions',
            input: ({ context }) => {
              if (context.editing === null) throw new Error('No member is being edited');
              return {
                enterprise: openGroup(context),
                actorNiss: context.niss,
                memberNiss: context.editing.member.niss,
                permissions: context.editing.permissions,
              };
            },
            onDone: {
              target: 'memberList',
              actions: assign({
                notice: ({ context }) => (context.editing && { code: 'MEMBER_SAVED' as const, niss: context.editing.member.niss }),
                editing: null,
              }),
            },
            onError: { target: 'memberEdit', actions: showActorError },
          },
        },
        memberAdd: {
          meta: {
            screen: 'memberAdd',
            labels: [
              'accessManagement.memberAdd.title',
              'accessManagement.memberAdd.niss',
              'accessManagement.memberAdd.lastName',
              'accessManagement.memberAdd.firstName',
              'accessManagement.memberAdd.role',
              'accessManagement.memberAdd.permissions',
              'accessManagement.memberAdd.submit',
              'accessManagement.memberAdd.cancel',
            ],
          },
          after: endsWhenIdle,
          on: {
            SUBMIT_NEW_MEMBER: {
              target: 'addingMember',
              actions: [
                'clearMessages',
                assign({
                  newMember: ({ event }) => ({
                    niss: event.niss,
                    lastName: event.lastName,
                    firstName: event.firstName,
                    role: event.role,
                    permissions: event.permissions,
                  }),
                }),
              ],
            },
            CANCEL: { target: 'memberList', actions: ['clearMessages', assign({ newMember: null })] },
            HELP: toHelp,
          },
        },
        addingMember: {
          meta: { screen: 'busy' },
          invoke: {
            id: 'addMember',
            src: 'addMember',
            input: ({ context }) => {
              if (context.newMember === null) throw new Error('No member is being added');
              return { enterprise: openGroup(context), actorNiss: context.niss, member: context.newMember };
            },
            onDone: {
              target: 'memberList',
              actions: assign({ notice: ({ event }) => ({ code: 'MEMBER_ADDED' as const, niss: event.output.niss }), newMember: null }),
            },
            // DUPLICATE_MEMBER or NOT_ACCESS_MANAGER: back to the form as typed.
            onError: { target: 'memberAdd', actions: showActorError },
          },
        },
        previous: { type: 'history' },
      },
    },
    help: {
      meta: {
        screen: 'help',
        labels: [
          'accessManagement.help.title',
          'accessManagement.help.explanation',
          'accessManagement.help.contactForm',
          'accessManagement.help.contactCentre',
          'accessManagement.help.contactPage',
          'accessManagement.help.contactPageUrl',
          'accessManagement.help.back',
        ],
      },
      after: endsWhenIdle,
      on: {
        BACK: { target: 'session.previous', actions: 'clearMessages' },
        SIGN_OUT: 'signedOut',
      },
    },
    signedOut: {
      type: 'final',
      meta: { screen: 'signedOut', labels: ['accessManagement.signedOut.title'] },
    },
    expired: {
      type: 'final',
      meta: { screen: 'expired', labels: ['accessManagement.expired.title'] },
    },
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
  labels: accessManagementLabels,
});
