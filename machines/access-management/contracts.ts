/**
 * The contracts of the access-management journey's actors: the activities of the same names take
 * exactly these inputs and return these outputs.
 */
import type { MemberStatus, Permission, Role } from '../../domain';

export type { LoadOrganisationsOfPersonInput, LoadOrganisationsOfPersonOutput, OrganisationMembership } from '../organisations';

export interface Member {
  niss: string;
  lastName: string;
  firstName: string;
  role: Role;
  status: MemberStatus;
  permissions: Permission[];
}
export interface LoadMemberInput {
  enterprise: string;
  niss: string;
}
export type LoadMemberOutput = Member | null;

/** Fails with code NOT_ACCESS_MANAGER or UNKNOWN_MEMBER. */
export interface SaveMemberPermissionsInput {
  enterprise: string;
  actorNiss: string;
  memberNiss: string;
  permissions: Permission[];
}
export interface SaveMemberPermissionsOutput {
  permissions: Permission[];
}

export interface NewMember {
  niss: string;
  lastName: string;
  firstName: string;
  role: Role;
  permissions: Permission[];
}
/** Fails with code DUPLICATE_MEMBER or NOT_ACCESS_MANAGER. */
export interface AddMemberInput {
  enterprise: string;
  actorNiss: string;
  member: NewMember;
}
export interface AddMemberOutput {
  niss: string;
}
