/**
 * A person's organisations, loaded after the sign-in and then chosen from: the same two states in both
 * sign-in journeys (access management, guide step 1; Break@Work, step 2). Each machine spreads
 * `organisationStates(...)` into its states and says where each outcome leads; what follows the
 * choice is its own.
 */
import { assign, type EventObject } from 'xstate';
import type { MemberStatus, Permission, Role } from '../domain';
import { errorText } from '../domain/error-catalogue';
import { showActorError, type ScreenError } from './actors';
import { BUSY, screenMeta, type LabelMap } from './journey';

/** One of the person's ACTIVE memberships of an access group (one group per organisation). */
export interface OrganisationMembership {
  enterprise: string;
  name: string;
  role: Role;
  status: MemberStatus;
  permissions: Permission[];
}
export interface LoadOrganisationsOfPersonInput {
  niss: string;
}
export type LoadOrganisationsOfPersonOutput = OrganisationMembership[];

/** What both journeys' contexts hold of the organisations. */
export interface OrganisationsContext {
  niss: string;
  organisations: OrganisationMembership[];
  /** The organisation chosen. */
  organisation: string | null;
}

export function membershipIn(organisations: readonly OrganisationMembership[], enterprise: string | null): OrganisationMembership | undefined {
  return organisations.find((o) => o.enterprise === enterprise);
}

/** CHOOSE_ORGANISATION of an enterprise that is not one of the person's organisations. */
export function unknownOrganisationError(enterprise: string): ScreenError {
  return { code: 'UNKNOWN_ORGANISATION', message: errorText('UNKNOWN_ORGANISATION', { enterprise }), details: { enterprise } };
}

/** The guards of both journeys' `setup()`. */
export const organisationGuards = {
  hasNoOrganisation: (_: unknown, params: { organisations: readonly OrganisationMembership[] }) => params.organisations.length === 0,
  isOneOfMyOrganisations: ({ context }: { context: { organisations: readonly OrganisationMembership[] } }, params: { enterprise: string }) =>
    membershipIn(context.organisations, params.enterprise) !== undefined,
};

/**
 * The actions of both journeys' `setup()`, typed by the machine's context and events (an action's
 * type carries them, so one object cannot serve two machines).
 */
export function organisationActions<TContext extends OrganisationsContext, TEvent extends EventObject>() {
  return {
    keepOrganisations: assign<TContext, TEvent, { organisations: OrganisationMembership[] }, TEvent, never>(
      (_, params) => ({ organisations: params.organisations }) as Partial<TContext>,
    ),
    chooseOrganisation: assign<TContext, TEvent, { enterprise: string }, TEvent, never>((_, params) => ({ organisation: params.enterprise }) as Partial<TContext>),
  };
}

const keepLoadedOrganisations = {
  type: 'keepOrganisations',
  params: ({ event }: { event: { output: LoadOrganisationsOfPersonOutput } }) => ({ organisations: event.output }),
} as const;

const chooseTheOrganisation = {
  type: 'chooseOrganisation',
  params: ({ event }: { event: { enterprise: string } }) => ({ enterprise: event.enterprise }),
} as const;

/**
 * `loadingOrganisations` (the person's groups, from the store) and `organisationChoice` (one of them,
 * by enterprise number). The machine names where each outcome leads, the action that clears the
 * screen's messages, the idle timeout and any other event the choice screen takes.
 */
export function organisationStates<
  const TClear extends string,
  const TAfter extends Record<string, string>,
  const TOn extends Record<string, unknown>,
  const TNone extends readonly unknown[] = readonly [],
>(options: {
  /** The machine's labels and the prefix of the choice screen's keys, e.g. 'signIn.organisationChoice'. */
  labels: LabelMap;
  screen: string;
  /** The person is in no organisation's group: this state, after these actions. */
  noOrganisation: { target: string; actions?: TNone };
  /** The organisations could not be loaded: this state, showing the error. */
  loadFailed: string;
  /** One of the person's organisations chosen: this state. */
  chosen: string;
  /** The action that clears the screen's messages on an accepted event. */
  clear: TClear;
  after: TAfter;
  on: TOn;
}) {
  return {
    loadingOrganisations: {
      meta: BUSY,
      invoke: {
        id: 'loadOrganisationsOfPerson',
        src: 'loadOrganisationsOfPerson',
        input: ({ context }: { context: OrganisationsContext }) => ({ niss: context.niss }),
        onDone: [
          {
            guard: {
              type: 'hasNoOrganisation',
              params: ({ event }: { event: { output: LoadOrganisationsOfPersonOutput } }) => ({ organisations: event.output }),
            },
            target: options.noOrganisation.target,
            actions: [keepLoadedOrganisations, ...(options.noOrganisation.actions ?? ([] as unknown as TNone))],
          },
          { target: 'organisationChoice', actions: keepLoadedOrganisations },
        ],
        onError: { target: options.loadFailed, actions: showActorError },
      },
    },
    organisationChoice: {
      meta: screenMeta(options.labels, options.screen),
      after: options.after,
      on: {
        CHOOSE_ORGANISATION: [
          {
            guard: { type: 'isOneOfMyOrganisations', params: ({ event }: { event: { enterprise: string } }) => ({ enterprise: event.enterprise }) },
            target: options.chosen,
            actions: [options.clear, chooseTheOrganisation],
          },
          {
            // Another enterprise: the choice again, with the error.
            target: 'organisationChoice',
            reenter: true,
            actions: { type: 'showError', params: ({ event }: { event: { enterprise: string } }) => unknownOrganisationError(event.enterprise) },
          },
        ],
        ...options.on,
      },
    },
  } as const;
}
