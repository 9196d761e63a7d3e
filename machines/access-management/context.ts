/**
 * The access-management journey's context and the pure functions over it: the open group, the draft
 * being edited, the form being submitted, and what a UI may see. No I/O: the machine calls these.
 */
import { isAccessManager, type Permission } from '../../domain';
import { errorText } from '../../domain/error-catalogue';
import type { ScreenError } from '../actors';
import { membershipIn, type OrganisationMembership } from '../organisations';
import type { Member, NewMember } from './contracts';
import type { AccessManagementInput } from './events';

export type { ScreenError } from '../actors';

export interface MemberDraft {
  member: Member;
  /** The permissions being chosen (saved only on SAVE). */
  permissions: Permission[];
}

export interface AccessManagementNotice {
  code: 'MEMBER_SAVED' | 'MEMBER_ADDED';
  niss: string;
}

export interface AccessManagementContext {
  /** The signed-in person (from the verified token). */
  niss: string;
  organisations: OrganisationMembership[];
  /** The organisation whose link the person followed. */
  organisation: string | null;
  /** The organisation whose group is open. */
  group: string | null;
  editing: MemberDraft | null;
  /** The "Ajouter un utilisateur" form as last submitted (kept when it is refused). */
  newMember: NewMember | null;
  notice: AccessManagementNotice | null;
  error: ScreenError | null;
}

export function initialContext(input: AccessManagementInput): AccessManagementContext {
  return { niss: input.niss, organisations: [], organisation: null, group: null, editing: null, newMember: null, notice: null, error: null };
}

/** The open group: every state after CHOOSE_GROUP has one. */
export function openGroup(context: AccessManagementContext): string {
  if (context.group === null) throw new Error('No group is open');
  return context.group;
}

/** Whether the person may change the open group's members (a plain user only sees them). */
export function managesOpenGroup(context: AccessManagementContext): boolean {
  const membership = membershipIn(context.organisations, context.group);
  return membership !== undefined && isAccessManager(membership.role);
}

/** The member being edited, with the permissions as loaded. */
export function draftOf(member: Member): MemberDraft {
  return { member, permissions: member.permissions };
}

/** The loaded member to edit (an unknown NISS is refused before: `isUnknownMember`). */
export function knownMember(output: Member | null): Member {
  if (output === null) throw new Error('Only a known member is edited');
  return output;
}

/** The member being edited: every state from EDIT_MEMBER's answer to SAVE or CANCEL has one. */
export function editedMember(context: AccessManagementContext): MemberDraft {
  if (context.editing === null) throw new Error('No member is being edited');
  return context.editing;
}

/** The "Ajouter un utilisateur" form as submitted. */
export function newMemberOf(event: NewMember): NewMember {
  const { niss, lastName, firstName, role, permissions } = event;
  return { niss, lastName, firstName, role, permissions };
}

/** The member being added: every state from SUBMIT_NEW_MEMBER to its answer has one. */
export function submittedMember(context: AccessManagementContext): NewMember {
  if (context.newMember === null) throw new Error('No member is being added');
  return context.newMember;
}

export function unknownGroupError(enterprise: string): ScreenError {
  return { code: 'UNKNOWN_GROUP', message: errorText('UNKNOWN_GROUP', { enterprise }), details: { enterprise } };
}

export function unknownMemberError(context: AccessManagementContext): ScreenError {
  return { code: 'UNKNOWN_MEMBER', message: errorText('UNKNOWN_MEMBER'), details: { enterprise: context.group } };
}

/** What a UI may see: the person's organisations, the open group and whether they may change it, the forms. */
export function publicContextOf({ organisations, organisation, group, editing, newMember, notice, error }: AccessManagementContext) {
  const groupMembership = membershipIn(organisations, group);
  return {
    organisations: organisations.map(({ enterprise, name, role, permissions }) => ({ enterprise, name, role, permissions })),
    organisation,
    group: groupMembership
      ? {
          enterprise: groupMembership.enterprise,
          name: groupMembership.name,
          role: groupMembership.role,
          canManageMembers: isAccessManager(groupMembership.role),
        }
      : null,
    editing,
    newMember,
    notice,
    error,
  };
}
export type AccessManagementPublicContext = ReturnType<typeof publicContextOf>;
