/**
 * The served machine definitions (`machines/definition.ts`): each journey's config loads with
 * `createMachine()`, draws the same machine (every state, event and target), and keeps every guard and
 * action by name — the guarded ABANDON, CONFIRM and BACK among them.
 */
import { and, assign, createMachine, fromCallback, not, or, raise, setup, stateIn, type AnyStateMachine } from 'xstate';
import { journeys } from '../../../machines';
import { COMPUTED, machineConfig, type ActionJson, type GuardJson, type MachineConfigJson, type StateNodeJson, type TransitionJson } from '../../../machines/definition';
import { INSPECTOR_DEPTH_LIMIT } from '../../../worker/inspector';
import { machineShape as shape } from '../../support/machine-shape';

/** What the service serves: the config through JSON, as a client receives it. */
const served = (machine: AnyStateMachine) => JSON.parse(JSON.stringify(machineConfig(machine))) as MachineConfigJson;

/** Every transition of a served config, with where it is. */
function servedTransitions(node: StateNodeJson, path: string[] = []): Array<{ path: string; event: string; transition: TransitionJson }> {
  const at = path.join('.');
  const list = (event: string, transitions: TransitionJson[] | undefined) => (transitions ?? []).map((transition) => ({ path: at, event, transition }));
  return [
    ...Object.entries(node.on ?? {}).flatMap(([event, transitions]) => list(event, transitions)),
    ...Object.entries(node.after ?? {}).flatMap(([delay, transitions]) => list(`after ${delay}`, transitions)),
    ...list('always', node.always),
    ...list('onDone', node.onDone),
    ...(node.invoke ?? []).flatMap((invoke) => [...list(`${invoke.src} done`, invoke.onDone), ...list(`${invoke.src} error`, invoke.onError)]),
    ...Object.entries(node.states ?? {}).flatMap(([key, child]) => servedTransitions(child, [...path, key])),
  ];
}

function servedActions(node: StateNodeJson): ActionJson[] {
  return [
    ...(node.entry ?? []),
    ...(node.exit ?? []),
    ...servedTransitions({ ...node, states: {} }).flatMap(({ transition }) => transition.actions ?? []),
    ...Object.values(node.states ?? {}).flatMap(servedActions),
  ];
}

const leaves = (guard: GuardJson): GuardJson[] => (guard.guards ? guard.guards.flatMap(leaves) : [guard]);

const guardsOf = (config: MachineConfigJson, path: string, event: string) =>
  servedTransitions(config)
    .filter((t) => t.path === path && t.event === event)
    .map((t) => t.transition.guard);

describe.each(Object.values(journeys).map((journey) => [journey.id, journey.machine] as const))('%s: the served definition', (_id, machine) => {
  const config = served(machine);

  it('loads with createMachine() as it is, without any implementation', () => {
    expect(() => createMachine(config as never)).not.toThrow();
  });

  it('is the same machine: every state, its type, initial state, screen, invocations, events and targets', () => {
    expect(shape(createMachine(config as never))).toEqual(shape(machine));
  });

  it('names every guard as the machine’s setup() implements it, compound guards with their parts', () => {
    const guards = servedTransitions(config).flatMap(({ transition }) => (transition.guard ? [transition.guard] : []));
    const implemented = Object.keys(machine.implementations.guards);
    for (const leaf of guards.flatMap(leaves)) expect({ guard: leaf.type, implemented: implemented.includes(leaf.type) }).toEqual({ guard: leaf.type, implemented: true });
    for (const guard of guards.filter((g) => g.guards)) {
      expect(['and', 'or', 'not']).toContain(guard.type);
      expect(guard.guards!.length).toBeGreaterThan(0);
    }
  });

  it('names every action as the machine’s setup() implements it (no inline action left)', () => {
    const implemented = Object.keys(machine.implementations.actions);
    const actions = servedActions(config);
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) expect({ action: action.type, implemented: implemented.includes(action.type) }).toEqual({ action: action.type, implemented: true });
  });

  it('names every invoked actor and delay as the machine implements them', () => {
    const transitions = servedTransitions(config);
    const actors = new Set(Object.keys(machine.implementations.actors));
    const delays = new Set(Object.keys(machine.implementations.delays));
    for (const { event } of transitions.filter((t) => t.event.endsWith(' done') || t.event.endsWith(' error'))) expect(actors).toContain(event.split(' ')[0]);
    for (const { event } of transitions.filter((t) => t.event.startsWith('after '))) expect(delays).toContain(event.slice('after '.length));
  });

  it('fits within the depth the live inspector serialises (deeper parts would arrive as "[Object]")', () => {
    const depth = (value: unknown): number => (typeof value === 'object' && value !== null ? 1 + Math.max(0, ...Object.values(value).map(depth)) : 0);
    expect(depth(config)).toBeLessThanOrEqual(INSPECTOR_DEPTH_LIMIT);
  });
});

describe('guarded transitions keep their guards', () => {
  it('request: ABANDON, CONFIRM, BACK and the bounded record retries', () => {
    const config = served(journeys.request!.machine);
    const abandon = [{ type: 'not', guards: [{ type: 'isRecorded' }] }, { type: 'canBecome', params: { status: 'withdrawn' } }];
    for (const screen of ['workerSelection', 'workerSelected', 'leaveSelection', 'questions', 'confirmation']) expect(guardsOf(config, screen, 'ABANDON')).toEqual(abandon);
    // CONFIRM: every transition guarded but the last (the refusal that shows why), confirming again with a
    // ticket being the `and` of both checks.
    const confirm = guardsOf(config, 'confirmation', 'CONFIRM');
    expect(confirm.at(-1)).toBeUndefined();
    for (const guard of confirm.slice(0, -1)) expect(guard).toEqual(expect.objectContaining({ type: expect.any(String) }));
    expect(confirm).toContainEqual({ type: 'and', guards: [{ type: 'isReadyToSubmit' }, { type: 'hasTicket' }] });
    expect(guardsOf(config, 'workerSelected', 'BACK')).toEqual([{ type: 'not', guards: [{ type: 'hasTicket' }] }]);
    expect(guardsOf(config, 'withdrawalRetry', 'after recordRetry')).toEqual([
      { type: 'and', guards: [{ type: 'patched', params: { id: 'request-bounded-record-retries' } }, { type: 'recordFailuresExhausted' }] },
      undefined,
    ]);
    // Params computed from the event are marked, not dropped.
    expect(guardsOf(config, 'workerSelection', 'SELECT_WORKER')).toEqual([
      { type: 'and', guards: [{ type: 'patched', params: { id: 'request-one-step-selection' } }, { type: 'selectedFitsMode' }] },
      { type: 'selectionFitsMode', params: COMPUTED },
      undefined,
    ]);
  });

  it('signIn: the acting mode decided by guard params', () => {
    const config = served(journeys.signIn!.machine);
    expect(guardsOf(config, 'permissionCheck', 'always')).toEqual([
      { type: 'opensBothModes' },
      { type: 'opensOnlyMode', params: { mode: 'PO' } },
      { type: 'opensOnlyMode', params: { mode: 'OWN_COMPANY' } },
      undefined,
    ]);
  });
});

describe('machineConfig on what the journeys do not use (yet)', () => {
  const isEven = ({ context }: { context: { n: number } }) => context.n % 2 === 0;
  const machine = setup({
    types: { context: {} as { n: number }, events: {} as { type: 'GO' } | { type: 'BUMP' } },
    guards: { isBig: ({ context }) => context.n > 10 },
    actions: { log: () => undefined },
    actors: { ticker: fromCallback(() => undefined) },
  }).createMachine({
    id: 'sample',
    context: { n: 0 },
    type: 'parallel',
    states: {
      left: {
        initial: 'a',
        states: {
          a: {
            on: {
              GO: [
                { guard: or(['isBig', isEven]), target: 'b', actions: [raise({ type: 'BUMP' }), ({ context }) => void context.n] },
                { guard: and([stateIn('#sample.right.on'), not('isBig')]), target: '#sample.left.hist' },
              ],
            },
          },
          b: { entry: [assign({ n: 1 }), { type: 'log', params: { level: 'info' } }], type: 'final' },
          hist: { type: 'history', history: 'deep', target: 'a' },
        },
      },
      right: { initial: 'on', states: { on: { invoke: { src: 'ticker' } } } },
    },
  });
  const config = served(machine);
  const go = config.states!.left!.states!.a!.on!.GO!;

  it('keeps or, not and stateIn with their parts, and names an inline guard by its function', () => {
    expect(go.map((t) => t.guard)).toEqual([
      { type: 'or', guards: [{ type: 'isBig' }, { type: 'inline:isEven' }] },
      { type: 'and', guards: [{ type: 'stateIn', params: { stateValue: '#sample.right.on' } }, { type: 'not', guards: [{ type: 'isBig' }] }] },
    ]);
  });

  it('knows and / not by XState’s own marks, not by function names (a minifier renames those)', () => {
    const minified = Object.defineProperty(and(['isBig', not('isBig')]), 'name', { value: 'a' });
    const config = served(setup({ guards: { isBig: () => true } }).createMachine({ initial: 'x', states: { x: { on: { GO: { guard: minified, target: 'y' } } }, y: {} } }));
    expect(config.states!.x!.on!.GO![0]!.guard).toEqual({ type: 'and', guards: [{ type: 'isBig' }, { type: 'not', guards: [{ type: 'isBig' }] }] });
  });

  it('names built-in and inline actions, and keeps literal params', () => {
    expect(go[0]!.actions).toEqual([{ type: 'xstate.raise' }, { type: 'inline' }]);
    expect(config.states!.left!.states!.b!.entry).toEqual([{ type: 'xstate.assign', params: { n: 1 } }, { type: 'log', params: { level: 'info' } }]);
  });

  it('keeps parallel, final and history states, literal context, and an invoked actor by name', () => {
    expect(config).toMatchObject({ id: 'sample', type: 'parallel', context: { n: 0 } });
    expect(config.states!.left!.states!.hist).toEqual({ type: 'history', history: 'deep', target: 'a' });
    expect(config.states!.right!.states!.on!.invoke).toEqual([{ src: 'ticker' }]);
    expect(shape(createMachine(config as never))).toEqual(shape(machine));
  });
});
