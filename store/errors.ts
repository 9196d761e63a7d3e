/**
 * Typed store errors, thrown to the store's callers (activities); the API never sees them. The access
 * activities turn those a user can cause (a duplicate member, a member that is gone) into business
 * refusals — non-retryable failures carrying an error code — which the journey shows on its screen
 * (`context.error`, answered 422); any other stays an activity failure, retried, then shown as
 * SERVICE_UNAVAILABLE.
 */
export type StoreErrorCode = 'MEMBER_ALREADY_EXISTS' | 'MEMBER_NOT_FOUND' | 'GROUP_NOT_FOUND';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class DuplicateMemberError extends StoreError {
  constructor(enterpriseNumber: string, niss: string) {
    super('MEMBER_ALREADY_EXISTS', 'This person is already a member of the group.', { enterpriseNumber, niss });
  }
}

export class MemberNotFoundError extends StoreError {
  constructor(enterpriseNumber: string, niss: string) {
    super('MEMBER_NOT_FOUND', 'This person is not a member of the group.', { enterpriseNumber, niss });
  }
}

export class GroupNotFoundError extends StoreError {
  constructor(enterpriseNumber: string) {
    super('GROUP_NOT_FOUND', 'This organisation has no access group.', { enterpriseNumber });
  }
}
