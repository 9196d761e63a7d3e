export type * from './contracts';
export type { AccessManagementContext, AccessManagementNotice, AccessManagementPublicContext, MemberDraft, ScreenError } from './context';
export * from './events';
export * from './labels';
export * from './machine';
