/**
 * A person's organisations, loaded after the sign-in and then chosen from: the same in both sign-in
 * journeys (access management, guide step 1; Break@Work, step 2). Each machine uses these pieces in its
 * own states; what follows the choice is its own.
 */
import type { MemberStatus, Permission, Role } from '../domain';
import type { ScreenError } from './actors';

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

export function membershipIn(organisations: readonly OrganisationMembership[], enterprise: string | null): OrganisationMembership | undefined {
  return organisations.find((o) => o.enterprise === enterprise);
}

/** CHOOSE_ORGANISATION of an enterprise that is not one of the person's organisations. */
export function unknownOrganisationError(enterprise: string): ScreenError {
  return { code: 'UNKNOWN_ORGANISATION', message: `Enterprise ${enterprise} is not an organisation whose group you are an active member of.` };
}

/** The guards of both journeys' `setup()`. */
export const organisationGuards = {
  hasNoOrganisation: (_: unknown, params: { organisations: readonly OrganisationMembership[] }) => params.organisations.length === 0,
  isOneOfMyOrganisations: ({ context }: { context: { organisations: readonly OrganisationMembership[] } }, params: { enterprise: string }) =>
    membershipIn(context.organisations, params.enterprise) !== undefined,
};

/** The guard of the first onDone transition: the person is in no organisation's group. */
export const noOrganisationLoaded = {
  type: 'hasNoOrganisation',
  params: ({ event }: { event: { output: LoadOrganisationsOfPersonOutput } }) => ({ organisations: event.output }),
} as const;

/** CHOOSE_ORGANISATION's guard; the transition's target and actions are the machine's. */
export const choosesOneOfMyOrganisations = {
  type: 'isOneOfMyOrganisations',
  params: ({ event }: { event: { enterprise: string } }) => ({ enterprise: event.enterprise }),
} as const;

/** CHOOSE_ORGANISATION of another enterprise: the choice again, with the error. */
export const unknownOrganisationChoice = {
  target: 'organisationChoice',
  reenter: true,
  actions: { type: 'showError', params: ({ event }: { event: { enterprise: string } }) => unknownOrganisationError(event.enterprise) },
} as const;
