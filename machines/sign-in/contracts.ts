/**
 * The contracts of the Break@Work sign-in: its one actor (shared with access management) and its
 * output, what the API turns into an acting token.
 */
import type { ActingMode } from '../../domain';

export type { LoadOrganisationsOfPersonInput, LoadOrganisationsOfPersonOutput, OrganisationMembership } from '../organisations';

/** Who acts for which organisation in which mode. */
export interface SignInOutput {
  niss: string;
  enterprise: string;
  enterpriseName: string;
  mode: ActingMode;
}
