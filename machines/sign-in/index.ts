export type * from './contracts';
export type { ScreenError, SignInContext, SignInPublicContext } from './context';
export * from './events';
export * from './labels';
export * from './machine';
