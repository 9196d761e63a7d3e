/**
 * A small machine of the host's own tests: every feature the host bridges (guards, payload schemas,
 * an invoked actor, a cancellable invoked actor, a named delay, a final state) and nothing of the domain.
 */
import { assign, fromPromise, setup } from 'xstate';
import { z } from 'zod';
import { defineJourney } from '../../machines/journey';
import type { ActorError } from '../../machines/journey';

export type ProbeEvent =
  | { type: 'INCREMENT'; by: number }
  | { type: 'DOUBLE' }
  | { type: 'WAIT' }
  | { type: 'STOP_WAITING' }
  | { type: 'FINISH' };

const notHosted = () => Promise.reject(new Error('provided by the machine host'));

export const probeMachine = setup({
  types: {
    input: {} as { label: string },
    context: {} as { label: string; count: number; lastError: ActorError | null },
    events: {} as ProbeEvent,
    output: {} as { count: number },
  },
  actors: {
    double: fromPromise<number, { value: number }>(notHosted),
    waitUntilCancelled: fromPromise<string, { label: string }>(notHosted),
  },
  delays: { idle: 60_000 },
  guards: {
    staysWithinLimit: ({ context, event }) => event.type === 'INCREMENT' && context.count + event.by <= 10,
  },
}).createMachine({
  id: 'probe',
  context: ({ input }) => ({ label: input.label, count: 0, lastError: null }),
  initial: 'counting',
  states: {
    counting: {
      meta: { screen: 'counter', labels: ['probe.counter.title'] },
      after: { idle: 'idle' },
      on: {
        INCREMENT: { guard: 'staysWithinLimit', actions: assign({ count: ({ context, event }) => context.count + event.by }) },
        DOUBLE: 'doubling',
        WAIT: 'waiting',
        FINISH: 'finished',
      },
    },
    doubling: {
      meta: { screen: 'busy' },
      invoke: {
        src: 'double',
        input: ({ context }) => ({ value: context.count }),
        onDone: { target: 'counting', actions: assign({ count: ({ event }) => event.output }) },
        onError: { target: 'counting', actions: assign({ lastError: ({ event }) => event.error as ActorError }) },
      },
    },
    waiting: {
      meta: { screen: 'waiting' },
      invoke: { src: 'waitUntilCancelled', input: ({ context }) => ({ label: context.label }) },
      on: { STOP_WAITING: 'counting' },
    },
    idle: {
      meta: { screen: 'idle' },
      on: { INCREMENT: { target: 'counting', actions: assign({ count: ({ context, event }) => context.count + event.by }) } },
    },
    finished: { type: 'final' },
  },
  output: ({ context }) => ({ count: context.count }),
});

export const probeJourney = defineJourney({
  id: 'probe',
  title: 'Host probe',
  machine: probeMachine,
  input: z.object({ label: z.string().min(1) }),
  events: {
    INCREMENT: z.object({ type: z.literal('INCREMENT'), by: z.number().int().positive('by must be a positive whole number') }),
    DOUBLE: z.object({ type: z.literal('DOUBLE') }),
    WAIT: z.object({ type: z.literal('WAIT') }),
    STOP_WAITING: z.object({ type: z.literal('STOP_WAITING') }),
    FINISH: z.object({ type: z.literal('FINISH') }),
  },
  publicContext: ({ label, count, lastError }) => ({ label, count, lastError }),
  labels: { fr: { 'probe.counter.title': 'Compteur' }, nl: { 'probe.counter.title': 'Teller' }, de: { 'probe.counter.title': 'Zähler' } },
});
