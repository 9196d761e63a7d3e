/**
 * `GET /api/machines/{id}`: a journey's machine as the JSON config `createMachine()` loads back and a
 * visualiser draws (`machines/definition.ts` makes it), and the schema the OpenAPI document gives it.
 */
import { z } from 'zod';
import { machineConfig, type MachineConfigJson } from '../machines/definition';
import type { Journey } from '../machines/journey';

const params = z.unknown().describe('Literal params; "(computed)" where the value is computed at run time from the context and the event');

const action = z
  .object({ type: z.string().describe('The action’s name in the machine’s setup(), or xstate.assign etc. for a built-in written inline'), params: params.optional() })
  .meta({ id: 'MachineAction', description: 'An action, by name' });

interface Guard {
  type: string;
  params?: unknown;
  guards?: Guard[];
}
const guard: z.ZodType<Guard> = z
  .object({
    type: z.string().describe('The guard’s name in the machine’s setup(), or and / or / not'),
    params: params.optional(),
    get guards() {
      return z.array(guard).optional().describe('The parts of and / or / not');
    },
  })
  .meta({ id: 'MachineGuard', description: 'A guard, by name; and / or / not keep their parts' });

const transition = z
  .object({
    target: z.union([z.string(), z.array(z.string())]).optional().describe('A sibling key or #id; none: the state stays'),
    guard: guard.optional(),
    actions: z.array(action).optional(),
    reenter: z.boolean().optional(),
    description: z.string().optional(),
    meta: z.unknown().optional(),
  })
  .meta({ id: 'MachineTransition', description: 'One transition' });
const transitions = z.array(transition).describe('Tried in order; the first whose guard passes is taken');

const invoke = z
  .object({
    src: z.string().describe('The actor’s name; the host provides it (here: a Temporal activity of that name)'),
    id: z.string().optional(),
    systemId: z.string().optional(),
    onDone: transitions.optional(),
    onError: transitions.optional(),
    onSnapshot: transitions.optional(),
  })
  .meta({ id: 'MachineInvoke', description: 'An actor invoked while the state is active' });

interface StateNode {
  [key: string]: unknown;
  states?: Record<string, StateNode>;
}
const stateNode: z.ZodType<StateNode> = z
  .object({
    id: z.string().optional(),
    type: z.enum(['atomic', 'compound', 'parallel', 'final', 'history']).optional(),
    history: z.enum(['shallow', 'deep']).optional(),
    target: z.string().optional().describe('A history state’s default target'),
    initial: z.union([z.string(), z.object({ target: z.string(), actions: z.array(action) })]).optional().describe('The key of the initial child state'),
    description: z.string().optional(),
    meta: z
      .object({ screen: z.string(), labels: z.array(z.string()).optional(), attention: z.string().optional() })
      .optional()
      .describe('The screen a UI renders, its label keys (GET /api/labels), the attention code of a state that waits for an operator'),
    tags: z.array(z.string()).optional(),
    version: z.string().optional(),
    context: z.unknown().optional(),
    output: z.unknown().optional(),
    entry: z.array(action).optional(),
    exit: z.array(action).optional(),
    invoke: z.array(invoke).optional(),
    on: z.record(z.string(), transitions).optional().describe('Event type → transitions'),
    always: transitions.optional(),
    after: z.record(z.string(), transitions).optional().describe('Delay name → transitions (the delays are the machine’s, e.g. sessionIdle)'),
    onDone: transitions.optional(),
    get states() {
      return z.record(z.string(), stateNode).optional().describe('Child states by key');
    },
  })
  .meta({ id: 'MachineStateNode', description: 'A state node of a machine config' });

export const machineDefinitionResponse = z
  .object({
    id: z.string().describe('Machine id'),
    title: z.string(),
    // createMachine(definition) loads it without implementations.
    definition: stateNode,
  })
  .meta({ id: 'MachineDefinition', description: 'A journey’s machine, as a config XState loads and a visualiser draws' });

export function machineDefinition(journey: Journey): { id: string; title: string; definition: MachineConfigJson } {
  return { id: journey.id, title: journey.title, definition: machineConfig(journey.machine) };
}
