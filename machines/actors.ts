/** The named actors of `setup({ actors })` and their failures as a screen shows them, for every journey. */
import { fromPromise } from 'xstate';
import type { ActorError } from './journey';

/**
 * Shown on the screen after a refused event or a failed activity; cleared by the next accepted event.
 * `details` are the refusal's own (e.g. the months left of a maximum), when it has any.
 */
export type ScreenError = Pick<ActorError, 'code' | 'message'> & { details?: unknown };

/** A stub the machine host replaces by the activity of the same name. */
export function hostedActor<TOutput, TInput>() {
  return fromPromise<TOutput, TInput>(() => Promise.reject(new Error('provided by the machine host')));
}

/** An invoked actor's failure as the screen shows it (the host delivers ActorError; anything else is unexpected). */
export function actorErrorOf(error: unknown): ScreenError {
  if (typeof error === 'object' && error !== null) {
    const { code, message, details } = error as Partial<ActorError>;
    if (typeof code === 'string' && typeof message === 'string') return details === undefined ? { code, message } : { code, message, details };
  }
  return { code: 'ACTIVITY_FAILED', message: error instanceof Error ? error.message : String(error) };
}

/** Every journey's `showError` action, given the failure of the actor its state invoked. */
export const showActorError = { type: 'showError', params: ({ event }: { event: { error: unknown } }) => actorErrorOf(event.error) } as const;
