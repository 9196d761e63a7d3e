/** Stubs for the named actors of `setup({ actors })`: the machine host replaces each by the activity of the same name. */
import { fromPromise } from 'xstate';

export function hostedActor<TOutput, TInput>() {
  return fromPromise<TOutput, TInput>(() => Promise.reject(new Error('provided by the machine host')));
}
