/**
 * Journey 4 — the worker's part (after the ticket; docs/domain.md "The worker's part"): the teacher signs
 * in with their own identity, sees the requests about them, chooses one that awaits their part, reviews
 * what the employer declared and confirms it; the request journey then moves to `in_processing` (its
 * WORKER_PART_COMPLETED, sent by the activity `completeWorkerPart`). The worker is the caller: a request
 * about anyone else is refused, by the machine from the list and by every activity from the store.
 */
import { assign, setup } from 'xstate';
import { hostedActor, showActorError, type ScreenError } from '../actors';
import { BUSY, defineJourney, screenMeta } from '../journey';
import type {
  CompleteWorkerPartInput,
  CompleteWorkerPartOutput,
  DeclaredRequest,
  LoadDeclaredRequestInput,
  LoadDeclaredRequestOutput,
  LoadRequestsOfWorkerInput,
  LoadRequestsOfWorkerOutput,
  RequestOfWorker,
  WorkerPartOutput,
} from './contracts';
import { awaitsMyPart, completeWorkerPartInputOf, initialContext, notAwaitedError, outputOf, publicContextOf, type WorkerPartContext } from './context';
import { workerPartEvents, workerPartInputSchema, type WorkerPartEvent, type WorkerPartInput } from './events';
import { workerPartLabels, workerPartLabelsDe, workerPartLabelsNl } from './labels';

export type * from './contracts';
export type { ScreenError, WorkerPartContext, WorkerPartPublicContext } from './context';
export type { WorkerPartEvent, WorkerPartInput } from './events';
export { ticketSchema, workerPartEvents, workerPartInputSchema } from './events';
export { workerPartLabels } from './labels';

const endsWhenIdle = { sessionIdle: '#workerPart.expired' } as const;
const screen = (name: string) => screenMeta(workerPartLabels, `workerPart.${name}`);

export const workerPartMachine = setup({
  types: {
    input: {} as WorkerPartInput,
    context: {} as WorkerPartContext,
    events: {} as WorkerPartEvent,
    output: {} as WorkerPartOutput | null,
  },
  actors: {
    loadRequestsOfWorker: hostedActor<LoadRequestsOfWorkerOutput, LoadRequestsOfWorkerInput>(),
    loadDeclaredRequest: hostedActor<LoadDeclaredRequestOutput, LoadDeclaredRequestInput>(),
    completeWorkerPart: hostedActor<CompleteWorkerPartOutput, CompleteWorkerPartInput>(),
  },
  /** A screen left without any event for this long expires (configuration: SESSION_IDLE_MINUTES). */
  delays: { sessionIdle: 30 * 60_000 },
  guards: {
    isAwaitingMyPart: ({ context }, params: { ticket: string }) => awaitsMyPart(context.requests, params.ticket),
  },
  actions: {
    clearError: assign({ error: null }),
    showError: assign((_, error: ScreenError) => ({ error })),
    keepRequests: assign((_, params: { requests: RequestOfWorker[] }) => ({ requests: params.requests })),
    chooseRequest: assign((_, params: { ticket: string }) => ({ ticket: params.ticket, declared: null })),
    keepDeclared: assign((_, params: { declared: DeclaredRequest }) => ({ declared: params.declared })),
    forgetRequest: assign({ ticket: null, declared: null }),
    countAttempt: assign({ attempts: ({ context }) => context.attempts + 1 }),
    keepCompletion: assign((_, params: { completion: CompleteWorkerPartOutput }) => ({ completion: params.completion })),
  },
}).createMachine({
  id: 'workerPart',
  context: ({ input }) => initialContext(input),
  initial: 'loadingRequests',
  output: ({ context }) => outputOf(context),
  states: {
    loadingRequests: {
      meta: BUSY,
      invoke: {
        id: 'loadRequestsOfWorker',
        src: 'loadRequestsOfWorker',
        input: ({ context }) => ({ niss: context.niss }),
        onDone: { target: 'requestChoice', actions: { type: 'keepRequests', params: ({ event }) => ({ requests: event.output }) } },
        // The choice screen with the error and without a list; RELOAD asks again.
        onError: { target: 'requestChoice', actions: showActorError },
      },
    },
    requestChoice: {
      meta: screen('requestChoice'),
      after: endsWhenIdle,
      on: {
        CHOOSE_REQUEST: [
          {
            guard: { type: 'isAwaitingMyPart', params: ({ event }) => ({ ticket: event.ticket }) },
            target: 'loadingRequest',
            actions: ['clearError', { type: 'chooseRequest', params: ({ event }) => ({ ticket: event.ticket }) }],
          },
          {
            // Not one of the worker's requests awaiting their part: the choice again, with the error.
            target: 'requestChoice',
            reenter: true,
            actions: { type: 'showError', params: ({ event }) => notAwaitedError(event.ticket) },
          },
        ],
        RELOAD: { target: 'loadingRequests', actions: 'clearError' },
      },
    },
    // The store says again whose request it is and whether it awaits the worker; the request journey
    // says what the employer answered (the store keeps no workload).
    loadingRequest: {
      meta: BUSY,
      invoke: {
        id: 'loadDeclaredRequest',
        src: 'loadDeclaredRequest',
        input: ({ context }) => {
          if (context.ticket === null) throw new Error('A request is chosen before it is loaded');
          return { niss: context.niss, ticket: context.ticket };
        },
        onDone: { target: 'review', actions: { type: 'keepDeclared', params: ({ event }) => ({ declared: event.output }) } },
        onError: { target: 'requestChoice', actions: ['forgetRequest', showActorError] },
      },
    },
    review: {
      meta: screen('review'),
      after: endsWhenIdle,
      on: {
        CONFIRM_WORKER_PART: { target: 'completingWorkerPart', actions: ['clearError', 'countAttempt'] },
        BACK: { target: 'loadingRequests', actions: ['clearError', 'forgetRequest'] },
      },
    },
    completingWorkerPart: {
      meta: BUSY,
      invoke: {
        id: 'completeWorkerPart',
        src: 'completeWorkerPart',
        input: ({ context }) => completeWorkerPartInputOf(context),
        onDone: { target: 'completed', actions: { type: 'keepCompletion', params: ({ event }) => ({ completion: event.output }) } },
        // Refused (no longer awaited) or not done: the review again, with the error; confirming again is a new attempt.
        onError: { target: 'review', actions: showActorError },
      },
    },
    completed: { type: 'final', meta: screen('completed') },
    expired: { type: 'final', meta: screen('expired') },
  },
});

export const workerPartJourney = defineJourney({
  id: 'workerPart',
  title: 'Compléter la partie du travailleur',
  machine: workerPartMachine,
  input: workerPartInputSchema,
  events: workerPartEvents,
  publicContext: publicContextOf,
  patches: [],
  labels: { fr: workerPartLabels, nl: workerPartLabelsNl, de: workerPartLabelsDe },
});
