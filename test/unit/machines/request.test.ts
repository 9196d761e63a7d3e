/**
 * The request journey in memory: the machine with stubbed activities, driven as the host drives it
 * (each payload parsed by the journey's schema, refused unless `snapshot.can` accepts it, then sent; the
 * driver waits until no activity runs).
 */
import { SimulatedClock, fromPromise, waitFor, type Actor, type AnyStateNode } from 'xstate';
import { EVENT_INVALID, toView, type JourneyView } from '../../../machines/journey';
import { selectionRecordOf } from '../../../machines/request/context';
import { localTransport } from '../../support/journey-driver';
import {
  requestJourney,
  requestMachine,
  type AdmitRequestOutput,
  type CheckWorkerInput,
  type CheckWorkerOutput,
  type OtherRequestsInput,
  type OtherRequestsOutput,
  type IssueTicketOutput,
  type NotifyWorkerInput,
  type NotifyWorkerOutput,
  type RecordRequestOutput,
  type RequestEvent,
  type RequestEventPayload,
  type RequestInput,
  type RequestPublicContext,
  type RequestRecord,
  type SubmitRequestInput,
  type SubmitRequestOutput,
  type WorkerSelectionInput,
  type WorkerSelectionOutput,
  BOUNDED_RECORD_RETRIES,
  MAX_RECORD_FAILURES,
  ONE_STEP_SELECTION,
  ONE_STEP_SUBMISSION,
  RECORD_BLOCKED,
  RULES_ACROSS_REQUESTS,
} from '../../../machines/request';
import { domainCodeOf, issueMessage, type IsoDate } from '../../../domain';
import type { ActorError } from '../../../machines/journey';
import { poUser, poY, requestSampleEvents as sample, requestSampleInput, schoolA, teacher, teacherCheck } from '../../support/request-sample-events';

// ---------------------------------------------------------------------------------------------------
// Driver

interface Stubs {
  checkWorker?: (input: CheckWorkerInput) => CheckWorkerOutput | ActorError;
  /** Return an ActorError to fail the activity. */
  recordRequest?: (input: RequestRecord) => RecordRequestOutput | ActorError;
  issueTicket?: () => IssueTicketOutput | ActorError;
  /** The early check of the worker's other requests (questions answered). */
  checkOtherRequests?: (input: OtherRequestsInput) => OtherRequestsOutput | ActorError;
  /** The check again and the ticket at CONFIRM; by default, the ticket as issueTicket gives it. */
  admitRequest?: (input: OtherRequestsInput) => AdmitRequestOutput | ActorError;
  notifyWorker?: (input: NotifyWorkerInput) => NotifyWorkerOutput | ActorError;
  /**
   * CONFIRM in one step; by default as the activity does it, from the stubs above: admitted (admitRequest),
   * then both records (recordRequest) — all written or, when one fails, none.
   */
  submitRequest?: (input: SubmitRequestInput) => SubmitRequestOutput | ActorError;
}

interface DriverOptions {
  input?: { acting?: Partial<RequestInput['acting']>; openedOn?: string; fullLoads?: RequestInput['fullLoads'] };
  stubs?: Stubs;
  delays?: { draftExpiry?: number; recordRetry?: number };
  clock?: SimulatedClock;
  /**
   * false: the run predates the versioned changes (the `patched` guard answers false); a list: the
   * changes the run has (it predates the others).
   */
  patched?: boolean | readonly string[];
}

/** The versioned changes of a run started before CONFIRM became one step (and SELECT_WORKER). */
const BEFORE_ONE_STEP = [BOUNDED_RECORD_RETRIES, RULES_ACROSS_REQUESTS];
/** The versioned changes of a run started before SELECT_WORKER became one step. */
const BEFORE_ONE_STEP_SELECTION = [BOUNDED_RECORD_RETRIES, RULES_ACROSS_REQUESTS, ONE_STEP_SUBMISSION];

function isActorError(value: object): value is ActorError {
  return 'code' in value && 'message' in value && !('ok' in value);
}

/** Resolves later, or rejects with the ActorError the stub returned (as the host rejects a failed activity). */
async function settle<T extends object>(value: T | ActorError): Promise<T> {
  await Promise.resolve();
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- the host rejects with plain ActorError data too
  if (isActorError(value)) throw value;
  return value;
}

class RefusedBySchema extends Error {
  constructor(readonly issues: { path: string; message: string; code: unknown }[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  }
}

class NotAllowed extends Error {}

function parseEvent(payload: RequestEventPayload): RequestEvent {
  const schema = requestJourney.events[payload.type];
  if (!schema) throw new Error(`No schema for ${payload.type}`);
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw new RefusedBySchema(
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: issueMessage(i), code: i.code === 'custom' ? (i.params as { code?: unknown } | undefined)?.code : i.code })),
    );
  }
  return parsed.data as RequestEvent;
}

function refusal(payload: RequestEventPayload): RefusedBySchema {
  try {
    parseEvent(payload);
  } catch (error) {
    if (error instanceof RefusedBySchema) return error;
    throw error;
  }
  throw new Error(`${payload.type} was accepted by its schema`);
}

const running: { stop(): void }[] = [];
afterEach(() => running.splice(0).forEach((actor) => actor.stop()));

function startRequest(options: DriverOptions = {}) {
  const records: RequestRecord[] = [];
  const calls = {
    checkWorker: [] as CheckWorkerInput[],
    issueTicket: 0,
    checkOtherRequests: [] as OtherRequestsInput[],
    admitRequest: [] as OtherRequestsInput[],
    notifyWorker: [] as NotifyWorkerInput[],
    submitRequest: [] as SubmitRequestInput[],
    recordWorkerSelection: 0,
  };
  const defaultTicket = { ticket: 'BAW-2025-000001', issuedAt: '2025-08-20T10:00:00.000Z' };
  const stubs = options.stubs ?? {};
  const patches = options.patched ?? true;
  const machine = requestMachine.provide({
    actors: {
      checkWorker: fromPromise<CheckWorkerOutput, CheckWorkerInput>(({ input }) => {
        calls.checkWorker.push(input);
        return settle(stubs.checkWorker ? stubs.checkWorker(input) : teacherCheck);
      }),
      recordRequest: fromPromise<RecordRequestOutput, RequestRecord>(({ input }) => {
        const result = stubs.recordRequest ? stubs.recordRequest(input) : { version: input.version };
        if (!isActorError(result)) records.push(input);
        return settle(result);
      }),
      // Like the activity: the same ticket for the same journey, however often called.
      issueTicket: fromPromise<IssueTicketOutput, Record<string, never>>(() => {
        calls.issueTicket++;
        return settle(stubs.issueTicket ? stubs.issueTicket() : defaultTicket);
      }),
      checkOtherRequests: fromPromise<OtherRequestsOutput, OtherRequestsInput>(({ input }) => {
        calls.checkOtherRequests.push(input);
        return settle(stubs.checkOtherRequests ? stubs.checkOtherRequests(input) : { counted: 0, monthsUsed: 0, monthsLeft: 8 });
      }),
      admitRequest: fromPromise<AdmitRequestOutput, OtherRequestsInput>(({ input }) => {
        calls.admitRequest.push(input);
        return settle(stubs.admitRequest ? stubs.admitRequest(input) : stubs.issueTicket ? stubs.issueTicket() : defaultTicket);
      }),
      notifyWorker: fromPromise<NotifyWorkerOutput, NotifyWorkerInput>(({ input }) => {
        calls.notifyWorker.push(input);
        return settle(stubs.notifyWorker ? stubs.notifyWorker(input) : { notified: input.email !== null });
      }),
      // As the activity does it: the check (its calls counted as checkWorker's), then the draft's record.
      recordWorkerSelection: fromPromise<WorkerSelectionOutput, WorkerSelectionInput>(({ input }) => {
        calls.recordWorkerSelection++;
        calls.checkWorker.push(input.check);
        const checked = stubs.checkWorker ? stubs.checkWorker(input.check) : teacherCheck;
        if (isActorError(checked)) return settle<WorkerSelectionOutput>(checked);
        if (!checked.ok) return settle<WorkerSelectionOutput>({ code: checked.code, message: checked.message });
        const record = selectionRecordOf(input.context, checked);
        const result = stubs.recordRequest ? stubs.recordRequest(record) : { version: record.version };
        if (isActorError(result)) return settle<WorkerSelectionOutput>(result);
        records.push(record);
        return settle({ checked, version: record.version });
      }),
      submitRequest: fromPromise<SubmitRequestOutput, SubmitRequestInput>(({ input }) => {
        calls.submitRequest.push(input);
        if (stubs.submitRequest) return settle(stubs.submitRequest(input));
        const admitted = stubs.admitRequest ? stubs.admitRequest(input.admit) : stubs.issueTicket ? stubs.issueTicket() : defaultTicket;
        if (isActorError(admitted)) return settle<SubmitRequestOutput>(admitted);
        const written = [input.submitted, input.awaitingWorker].map((record) => ({ ...record, ticket: admitted.ticket }));
        for (const record of written) {
          const result = stubs.recordRequest ? stubs.recordRequest(record) : { version: record.version };
          if (isActorError(result)) return settle<SubmitRequestOutput>(result);
        }
        records.push(...written);
        return settle({ ...admitted, version: input.awaitingWorker.version, notified: true });
      }),
    },
    // A run recorded before a versioned change answers `patched` with false for it (the host decides).
    guards: patches === false ? { patched: () => false } : patches === true ? {} : { patched: (_: unknown, { id }: { id: string }) => patches.includes(id) },
    // Node timers overflow past 24.8 days (the default expiry is 30): tests always use shorter delays.
    delays: { draftExpiry: 60 * 60_000, recordRetry: 60_000, ...options.delays },
  });
  const { acting, ...rest } = options.input ?? {};
  const input = { ...requestSampleInput, ...rest, acting: { ...requestSampleInput.acting, ...acting } } as RequestInput;
  // The shared journey driver's in-memory transport: events refused as the host refuses them (checkEvent).
  const transport = localTransport({ ...requestJourney, machine }, { input, ...(options.clock ? { clock: options.clock } : {}) });
  running.push(transport);
  void transport.start();
  const actor = transport.actor as unknown as Actor<typeof machine>;

  const view = (): JourneyView => toView(requestJourney, transport.snapshot(), 'owner');
  const settled = () => transport.settled();

  return {
    actor,
    records,
    calls,
    view,
    context: () => view().context as RequestPublicContext,
    settled,
    /** As the host: schema, then `can`, then send and wait until settled. */
    async send(payload: RequestEventPayload): Promise<JourneyView> {
      const sent = await transport.send(payload);
      if (sent.ok) return sent.view;
      // The schema's refusal with its issues, as the tests of the schemas read them.
      if (sent.refusal.code === EVENT_INVALID) parseEvent(payload);
      throw new NotAllowed(sent.refusal.message);
    },
    /** Past the schema: only the machine's own guards judge the event. */
    sendRaw: (event: RequestEvent): Promise<JourneyView> => transport.sendUnchecked(event),
    allows: (payload: RequestEventPayload) => actor.getSnapshot().can(parseEvent(payload)),
  };
}

type Driver = ReturnType<typeof startRequest>;

async function toConfirmation(d: Driver, answers: Partial<typeof sample.ANSWER_QUESTIONS> = {}, leave: Partial<typeof sample.CHOOSE_LEAVE> = {}) {
  await d.send(sample.SELECT_WORKER);
  await d.send(sample.START_REQUEST);
  await d.send({ ...sample.CHOOSE_LEAVE, ...leave });
  return d.send({ ...sample.ANSWER_QUESTIONS, ...answers });
}

async function toAwaitingWorker(d: Driver) {
  await toConfirmation(d);
  return d.send(sample.CONFIRM);
}

async function toInProcessing(d: Driver) {
  await toAwaitingWorker(d);
  return d.send(sample.WORKER_PART_COMPLETED);
}

const statuses = (d: Driver) => d.records.map((r) => r.status);

// ---------------------------------------------------------------------------------------------------
// Definition

function allStateNodes(node: AnyStateNode): AnyStateNode[] {
  return [node, ...Object.values(node.states).flatMap(allStateNodes)];
}

const stateNodes = allStateNodes(requestMachine.root).filter((n) => n !== requestMachine.root);

describe('reasons typed by a person', () => {
  it('refuse an empty or overlong reason by their catalogue rules (REASON_REQUIRED, REASON_TOO_LONG)', () => {
    for (const type of ['WITHDRAW', 'DECIDE', 'SEND_BACK'] as const) {
      const schema = requestJourney.events[type]!;
      const base = { DECIDE: { decision: 'refused' }, SEND_BACK: { to: 'employer' }, WITHDRAW: {} }[type];
      const rules = (reason: string) => {
        const parsed = schema.safeParse({ type, ...base, reason });
        return parsed.success ? [] : parsed.error.issues.map((i) => domainCodeOf(i));
      };
      expect(rules('   ')).toEqual(['REASON_REQUIRED']);
      expect(rules('x'.repeat(1001))).toEqual(['REASON_TOO_LONG']);
      expect(rules('Le dossier est complet.')).toEqual([]);
    }
  });
});

describe('request journey definition', () => {
  it('is the journey "request" with the back-office events of the lifecycle', () => {
    expect(requestJourney.id).toBe('request');
    expect(requestMachine.id).toBe('request');
    expect(requestJourney.backofficeEvents).toEqual(['WORKER_PART_COMPLETED', 'DECIDE', 'SEND_BACK', 'RETRY_RECORD']);
  });

  it('gives every state a screen, and every busy state (an invoked activity) the busy screen', () => {
    for (const node of stateNodes) {
      const meta = node.meta as { screen?: string } | undefined;
      expect({ state: node.key, screen: typeof meta?.screen }).toEqual({ state: node.key, screen: 'string' });
      if (node.invoke.length > 0) expect({ state: node.key, screen: meta?.screen }).toEqual({ state: node.key, screen: 'busy' });
    }
  });

  it('has every label key of every screen in the French labels, and no label without a screen', () => {
    const used = new Set<string>();
    for (const node of stateNodes) {
      const meta = node.meta as { screen: string; labels?: string[] };
      for (const key of meta.labels ?? []) {
        used.add(key);
        expect(key).toMatch(new RegExp(`^request\\.${meta.screen}\\.\\w+$`));
        expect({ key, text: requestJourney.labels.fr[key] }).toEqual({ key, text: expect.stringMatching(/\S/) as string });
      }
    }
    expect(Object.keys(requestJourney.labels.fr).sort()).toEqual([...used].sort());
  });

  it('uses the guide’s wording', () => {
    const texts = Object.values(requestJourney.labels.fr);
    for (const phrase of [
      'Introduire une nouvelle demande',
      'Sélectionner',
      'Suivant',
      'Confirmer',
      'occupation chez plusieurs employeurs',
      'veuillez renseigner ces informations en périodes et ne pas convertir la charge de travail en heures/minutes',
      'Veuillez ne pas utiliser la liste Dimona',
      'déclaration d’occupation',
    ]) {
      expect({ phrase, found: texts.some((t) => t.includes(phrase)) }).toEqual({ phrase, found: true });
    }
  });

  it('has an event schema with its type literal for every event the machine handles', () => {
    const handled = new Set(stateNodes.flatMap((n) => n.ownEvents as string[]).filter((e) => !e.startsWith('xstate.')));
    expect([...handled].sort()).toEqual(Object.keys(requestJourney.events).sort());
    for (const [type, schema] of Object.entries(requestJourney.events)) {
      expect(schema.safeParse({ ...(sample as Record<string, object>)[type], type: 'SOMETHING_ELSE' }).success).toBe(false);
    }
  });

  it('validates the start input: enterprise check digits, NISS, date, full loads', () => {
    expect(requestJourney.input.safeParse(requestSampleInput).success).toBe(true);
    const wrong = requestJourney.input.safeParse({
      ...requestSampleInput,
      acting: { ...requestSampleInput.acting, enterprise: '0123.456.789' },
      openedOn: '2025-02-30',
      fullLoads: { NURSERY: 26, PRIMARY: 24.5, LOWER_SECONDARY: 22, UPPER_SECONDARY: 20 },
    });
    expect(wrong.success).toBe(false);
    const messages = wrong.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
    expect(messages).toMatch(/acting\.enterprise: Les chiffres de contrôle 89 du numéro BCE ne correspondent pas/);
    expect(messages).toMatch(/openedOn: La date 2025-02-30 n’existe pas dans le calendrier/);
    expect(messages).toMatch(/fullLoads\.PRIMARY: A full-time load is a whole number of periods/);
  });
});

// ---------------------------------------------------------------------------------------------------
// Screens

describe('worker selection', () => {
  it('opens on the worker selection with the communities and statuses to choose from, nothing recorded', () => {
    const d = startRequest();
    const view = d.view();
    expect(view).toMatchObject({ machine: 'request', state: 'workerSelection', screen: 'workerSelection', status: 'active' });
    expect(view.allowedEvents).toEqual(['ABANDON', 'SELECT_WORKER']);
    expect(d.context()).toMatchObject({
      requestStatus: 'draft',
      ticket: null,
      worker: null,
      error: null,
      choices: {
        communities: [
          { code: 'FR', label: 'Fédération Wallonie-Bruxelles' },
          { code: 'NL', label: 'Communauté flamande' },
          { code: 'DE', label: 'Communauté germanophone' },
        ],
        workerStatuses: [
          { code: 'STATUTORY', label: 'Statutaire' },
          { code: 'CONTRACTUAL', label: 'Contractuel' },
          { code: 'TEMPORARY', label: 'Temporaire' },
        ],
      },
    });
    expect(d.records).toEqual([]);
  });

  it('as PO: checks the worker in the school, records the draft, then offers "Introduire une nouvelle demande"', async () => {
    const d = startRequest();
    const view = await d.send(sample.SELECT_WORKER);
    expect(d.calls.checkWorker).toEqual([
      { acting: { enterprise: '0123456749', mode: 'PO' }, community: 'FR', school: '0321654968', niss: teacher.niss, status: 'STATUTORY' },
    ]);
    expect(view).toMatchObject({ state: 'workerSelected', screen: 'workerSelected', allowedEvents: ['ABANDON', 'BACK', 'START_REQUEST'] });
    expect(d.context()).toMatchObject({
      community: 'FR',
      school: { number: schoolA.number, name: schoolA.name },
      worker: { niss: teacher.niss, lastName: teacher.lastName, firstName: teacher.firstName },
      workerStatus: 'STATUTORY',
      email: teacher.email,
      questionDefaults: { level: 'PRIMARY', before: 24, multipleEmployers: false },
      choices: {},
    });
    expect(d.records).toEqual([
      {
        version: 1,
        status: 'draft',
        acting: { enterprise: '0123456749', mode: 'PO' },
        introducedBy: poUser.niss,
        community: 'FR',
        school: '0321654968',
        worker: { niss: teacher.niss, lastName: teacher.lastName, firstName: teacher.firstName },
        workerStatus: 'STATUTORY',
        email: teacher.email,
        leave: null,
        form: null,
        start: null,
        end: null,
        ticket: null,
        reason: 'Worker selected by the employer.',
        by: 'employer',
      },
    ]);
    // One activity checked the worker and recorded the draft.
    expect(d.calls.recordWorkerSelection).toBe(1);
  });

  it('writes nothing when the one-step selection is refused, and the next selection records at a new version', async () => {
    let refused = true;
    const d = startRequest({
      stubs: { checkWorker: () => (refused ? { code: 'WORKER_NOT_OCCUPIED_IN_SCHOOL', message: 'Le membre du personnel n’est pas occupé dans cette école.' } : teacherCheck) },
    });
    const view = await d.send(sample.SELECT_WORKER);
    expect(view.state).toBe('workerSelection');
    expect(d.context()).toMatchObject({ worker: null, error: { code: 'WORKER_NOT_OCCUPIED_IN_SCHOOL' } });
    expect(d.records).toEqual([]);
    refused = false;
    expect((await d.send(sample.SELECT_WORKER)).state).toBe('workerSelected');
    expect(d.records.map((r) => [r.version, r.status])).toEqual([[2, 'draft']]);
    expect(d.calls.recordWorkerSelection).toBe(2);
  });

  it('keeps the selection screen with the error when the draft cannot be recorded, the worker not taken', async () => {
    const d = startRequest({ stubs: { recordRequest: () => ({ code: 'STORE_UNAVAILABLE', message: 'The store is unavailable.' }) } });
    const view = await d.send(sample.SELECT_WORKER);
    expect(view.state).toBe('workerSelection');
    expect(d.context()).toMatchObject({ worker: null, requestStatus: 'draft', error: { code: 'STORE_UNAVAILABLE' } });
    expect(d.actor.getSnapshot().context).toMatchObject({ selected: null, recorded: false, pending: null });
  });

  it(`selects in two steps in runs that predate ${ONE_STEP_SELECTION}: checked, then recorded`, async () => {
    const d = startRequest({ patched: BEFORE_ONE_STEP_SELECTION });
    const view = await d.send(sample.SELECT_WORKER);
    expect(view.state).toBe('workerSelected');
    expect(d.calls.recordWorkerSelection).toBe(0);
    expect(d.calls.checkWorker).toHaveLength(1);
    expect(d.records.map((r) => [r.version, r.status, r.reason])).toEqual([[1, 'draft', 'Worker selected by the employer.']]);
  });

  it('as PO: refuses a selection without community or school (SELECTION_INCOMPLETE), keeping what was typed', async () => {
    const d = startRequest();
    const { community: _community, ...withoutCommunity } = sample.SELECT_WORKER;
    const view = await d.send(withoutCommunity);
    expect(view.state).toBe('workerSelection');
    expect(d.context().error).toEqual({ code: 'SELECTION_INCOMPLETE', message: expect.stringMatching(/choisissez la communauté/) as string });
    expect(d.context().selection).toEqual({ community: null, school: '0321654968', niss: teacher.niss, status: 'STATUTORY', email: teacher.email });
    expect(d.calls.checkWorker).toEqual([]);
    await d.send(sample.SELECT_WORKER);
    expect(d.context().error).toBeNull();
  });

  it('in own-company mode: no community or school, the worker one of the enterprise’s own staff', async () => {
    const d = startRequest({
      input: { acting: { mode: 'OWN_COMPANY' } },
      stubs: { checkWorker: () => ({ ...teacherCheck, school: null, occupation: null }) },
    });
    expect(d.context().choices).toMatchObject({ communities: [] });
    await d.send(sample.SELECT_WORKER);
    expect(d.context().error).toMatchObject({ code: 'SELECTION_NOT_FOR_MODE' });
    const { community: _c, school: _s, ...ownStaff } = sample.SELECT_WORKER;
    await d.send(ownStaff);
    expect(d.calls.checkWorker).toEqual([{ acting: { enterprise: '0123456749', mode: 'OWN_COMPANY' }, community: null, school: null, niss: teacher.niss, status: 'STATUTORY' }]);
    expect(d.records[0]).toMatchObject({ community: null, school: null, acting: { mode: 'OWN_COMPANY' } });
    await d.send(sample.START_REQUEST);
    // No community: every leave is offered, the ordinary interruption too.
    const leaves = (d.context().choices as { leaves: { code: string }[] }).leaves.map((l) => l.code);
    expect(leaves).toContain('ORDINARY_INTERRUPTION');
    await d.send({ type: 'CHOOSE_LEAVE', leave: 'ORDINARY_INTERRUPTION', form: 'FULL' });
    expect(d.view().state).toBe('questions');
  });

  it('keeps the typed fields and shows the check’s refusal when the worker is not occupied in the school', async () => {
    const d = startRequest({
      stubs: { checkWorker: () => ({ ok: false, code: 'WORKER_NOT_OCCUPIED_IN_SCHOOL', message: 'The worker is not occupied in school 0321.654.968.' }) },
    });
    const view = await d.send(sample.SELECT_WORKER);
    expect(view.state).toBe('workerSelection');
    expect(d.context().error).toEqual({ code: 'WORKER_NOT_OCCUPIED_IN_SCHOOL', message: 'The worker is not occupied in school 0321.654.968.' });
    expect(d.context().selection).toEqual({ community: 'FR', school: '0321654968', niss: teacher.niss, status: 'STATUTORY', email: teacher.email });
    expect(d.context().worker).toBeNull();
    expect(d.records).toEqual([]);
  });

  it('shows a failed check activity as the error, keeping the typed fields', async () => {
    const d = startRequest({ stubs: { checkWorker: () => ({ code: 'REGISTRY_UNAVAILABLE', message: 'The registry does not answer.' }) } });
    await d.send(sample.SELECT_WORKER);
    expect(d.view().state).toBe('workerSelection');
    expect(d.context().error).toEqual({ code: 'REGISTRY_UNAVAILABLE', message: 'The registry does not answer.' });
    expect(d.context().selection?.niss).toBe(teacher.niss);
  });

  it('refuses by schema a wrong NISS, the guide’s school number (check digits) and a malformed e-mail', () => {
    const { issues } = refusal({ ...sample.SELECT_WORKER, niss: '85.07.30-033.29', school: '0321.654.987', email: 'marie@' });
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['school', 'ENTERPRISE_CHECK_DIGITS'],
      ['niss', 'NISS_CHECK_DIGITS'],
      ['email', 'EMAIL_FORMAT'],
    ]);
    expect(refusal({ ...sample.SELECT_WORKER, status: 'INTERIM' as 'STATUTORY' }).message).toMatch(/STATUTORY \(Statutaire\)/);
  });

  it('accepts an establishment-unit number as the school and no e-mail', () => {
    const event = parseEvent({ ...sample.SELECT_WORKER, school: '2.147.812.897', email: '  ' });
    expect(event).toMatchObject({ school: '2147812897', email: undefined });
  });
});

describe('leave selection', () => {
  async function atLeaveSelection(community: 'FR' | 'NL' | 'DE' = 'FR') {
    const d = startRequest({ stubs: { checkWorker: () => ({ ...teacherCheck, school: { number: '0321654968', name: 'School A', community } }) } });
    await d.send({ ...sample.SELECT_WORKER, community });
    await d.send(sample.START_REQUEST);
    return d;
  }

  it('offers the leaves open in the community with their forms in French', async () => {
    const d = await atLeaveSelection('NL');
    expect(d.view()).toMatchObject({ state: 'leaveSelection', screen: 'leaveSelection' });
    const { leaves } = d.context().choices as { leaves: { code: string; label: string; forms: { code: string; label: string }[] }[] };
    expect(leaves.map((l) => l.code)).toEqual(['END_OF_CAREER', 'PARENTAL', 'MEDICAL_ASSISTANCE', 'PALLIATIVE_CARE', 'CLOSE_CARER']);
    expect(leaves.find((l) => l.code === 'PARENTAL')).toEqual({
      code: 'PARENTAL',
      label: 'Congé parental',
      forms: [
        { code: 'FULL', label: 'Interruption complète', requiresEmployerAgreement: false },
        { code: 'HALF', label: 'Réduction des prestations à mi-temps', requiresEmployerAgreement: false },
        { code: 'ONE_FIFTH', label: 'Réduction des prestations d’1/5', requiresEmployerAgreement: false },
        { code: 'ONE_TENTH', label: 'Réduction des prestations d’1/10', requiresEmployerAgreement: true },
      ],
    });
  });

  it('refuses the ordinary interruption in the Flemish Community (LEAVE_NOT_OPEN_IN_COMMUNITY), staying on the screen', async () => {
    const d = await atLeaveSelection('NL');
    const view = await d.send({ type: 'CHOOSE_LEAVE', leave: 'ORDINARY_INTERRUPTION', form: 'FULL' });
    expect(view.state).toBe('leaveSelection');
    expect(d.context().error).toEqual({
      code: 'LEAVE_NOT_OPEN_IN_COMMUNITY',
      message: expect.stringMatching(/« Interruption de carrière ordinaire » n’est pas ouvert dans l’enseignement de la Communauté flamande/) as string,
      details: { field: 'leave', leave: 'ORDINARY_INTERRUPTION', community: 'NL', open: ['FR', 'DE'] },
    });
    expect(d.context().leave).toBeNull();
    await d.send(sample.CHOOSE_LEAVE);
    expect(d.view().state).toBe('questions');
    expect(d.context().error).toBeNull();
  });

  it('refuses a form the leave does not have: by the schema, and by the machine’s guard', async () => {
    expect(refusal({ type: 'CHOOSE_LEAVE', leave: 'PARENTAL', form: 'PARTIAL' }).issues).toEqual([
      { path: 'form', code: 'LEAVE_FORM_NOT_ALLOWED', message: expect.stringMatching(/« Congé parental » ne peut pas être pris sous la forme « Interruption partielle »/) as string },
    ]);
    const d = await atLeaveSelection('FR');
    await d.sendRaw({ type: 'CHOOSE_LEAVE', leave: 'PARENTAL', form: 'PARTIAL' });
    expect(d.view().state).toBe('leaveSelection');
    expect(d.context().error?.code).toBe('LEAVE_FORM_NOT_ALLOWED');
  });

  it('goes back to the selected worker', async () => {
    const d = await atLeaveSelection();
    expect((await d.send(sample.BACK)).state).toBe('workerSelected');
  });
});

describe('questions', () => {
  async function atQuestions(options: DriverOptions = {}, leave: Partial<typeof sample.CHOOSE_LEAVE> = {}) {
    const d = startRequest(options);
    await d.send(sample.SELECT_WORKER);
    await d.send(sample.START_REQUEST);
    await d.send({ ...sample.CHOOSE_LEAVE, ...leave });
    return d;
  }

  it('offers the education levels with their full loads (configurable)', async () => {
    const d = await atQuestions({ input: { fullLoads: { NURSERY: 26, PRIMARY: 22, LOWER_SECONDARY: 22, UPPER_SECONDARY: 20 } } });
    expect(d.view().screen).toBe('questions');
    expect(d.context().choices).toEqual({
      educationLevels: [
        { code: 'NURSERY', label: 'Enseignement maternel', fullLoad: 26 },
        { code: 'PRIMARY', label: 'Enseignement primaire', fullLoad: 22 },
        { code: 'LOWER_SECONDARY', label: 'Enseignement secondaire inférieur', fullLoad: 22 },
        { code: 'UPPER_SECONDARY', label: 'Enseignement secondaire supérieur', fullLoad: 20 },
      ],
    });
  });

  it('refuses a workload in hours by the schema (WORKLOAD_IN_HOURS)', () => {
    const { issues } = refusal({ ...sample.ANSWER_QUESTIONS, before: '19h30', during: '12:00' });
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['before', 'WORKLOAD_IN_HOURS'],
      ['during', 'WORKLOAD_IN_HOURS'],
    ]);
    expect(issues[0]?.message).toMatch(/s’indique en périodes, sans la convertir en heures ou en minutes/);
    expect(refusal({ ...sample.ANSWER_QUESTIONS, before: 19.5 }).issues[0]).toMatchObject({ path: 'before', code: 'WORKLOAD_NOT_WHOLE' });
  });

  it('refuses a workload during the interruption not below the one before (WORKLOAD_ORDER): schema and machine', async () => {
    expect(refusal({ ...sample.ANSWER_QUESTIONS, before: 12, during: 12 }).issues).toEqual([
      { path: 'during', code: 'WORKLOAD_ORDER', message: 'La charge de travail pendant l’interruption (12) doit être inférieure à la charge avant l’interruption (12).' },
    ]);
    const d = await atQuestions();
    await d.sendRaw({ ...(parseEvent(sample.ANSWER_QUESTIONS) as Extract<RequestEvent, { type: 'ANSWER_QUESTIONS' }>), before: 10, during: 14 });
    expect(d.view().state).toBe('questions');
    expect(d.context().error?.code).toBe('WORKLOAD_ORDER');
  });

  it('refuses an end date before the start date (DATES_ORDER): schema and machine', async () => {
    expect(refusal({ ...sample.ANSWER_QUESTIONS, start: '2025-10-31', end: '2025-09-01' }).issues).toEqual([
      { path: 'end', code: 'DATES_ORDER', message: 'La date de fin (2025-09-01) doit suivre la date de début (2025-10-31).' },
    ]);
    const d = await atQuestions();
    await d.sendRaw({ ...(parseEvent(sample.ANSWER_QUESTIONS) as Extract<RequestEvent, { type: 'ANSWER_QUESTIONS' }>), start: '2025-10-31' as IsoDate, end: '2025-09-01' as IsoDate });
    expect(d.context().error?.code).toBe('DATES_ORDER');
  });

  it('refuses by schema several employers without saying whether all are interrupted', () => {
    expect(refusal({ ...sample.ANSWER_QUESTIONS, multipleEmployers: true }).issues[0]).toMatchObject({
      path: 'interruptsAllEmployers',
      code: 'INTERRUPTED_EMPLOYERS_MISSING',
    });
  });

  it('checks the workload against the configured full load of the level (WORKLOAD_ABOVE_FULL_LOAD)', async () => {
    const d = await atQuestions({ input: { fullLoads: { NURSERY: 26, PRIMARY: 22, LOWER_SECONDARY: 22, UPPER_SECONDARY: 20 } } });
    await d.send(sample.ANSWER_QUESTIONS);
    expect(d.view().state).toBe('questions');
    expect(d.context().error).toEqual({
      code: 'WORKLOAD_ABOVE_FULL_LOAD',
      message: 'La charge de travail avant l’interruption (24 périodes) dépasse la charge complète de 22 périodes.',
      details: { field: 'before', before: 24, fullLoad: 22 },
    });
    // The answers as typed stay on the screen.
    expect(d.context().answers).toMatchObject({ before: 24, during: 12 });
    await d.send({ ...sample.ANSWER_QUESTIONS, before: 22, during: 11 });
    expect(d.view().state).toBe('confirmation');
    expect(d.context().derived).toMatchObject({ fullLoad: 22, givenUp: 11, fraction: 0.5 });
  });

  it('checks the period against the chosen leave and form (parental leave at half time: 2-month blocks)', async () => {
    const d = await atQuestions();
    await d.send({ ...sample.ANSWER_QUESTIONS, end: '2025-11-30' });
    expect(d.context().error).toEqual({
      code: 'PERIOD_BLOCK',
      message: '« Congé parental » (Réduction des prestations à mi-temps) se prend par périodes de 2 mois ou d’un multiple ; celle-ci dure 3 mois.',
      details: { field: 'end', leave: 'PARENTAL', form: 'HALF', months: 3, extraDays: 0, block: 2 },
    });
  });

  it('checks the age for the end-of-career interruption (WORKER_TOO_YOUNG)', async () => {
    const d = await atQuestions({}, { leave: 'END_OF_CAREER', form: 'PARTIAL' });
    await d.send(sample.ANSWER_QUESTIONS);
    expect(d.context().error?.code).toBe('WORKER_TOO_YOUNG');
  });

  it('defaults the level to the worker’s occupation, and needs one when the occupation is unknown', async () => {
    const { level: _level, ...withoutLevel } = sample.ANSWER_QUESTIONS;
    const d = await atQuestions();
    await d.send(withoutLevel);
    expect(d.view().state).toBe('confirmation');
    expect(d.context().answers?.level).toBe('PRIMARY');

    const unknown = await atQuestions({ stubs: { checkWorker: () => ({ ...teacherCheck, occupation: null }) } });
    expect(unknown.context().questionDefaults).toEqual({ level: null, before: null, multipleEmployers: false });
    await unknown.send(withoutLevel);
    expect(unknown.view().state).toBe('questions');
    expect(unknown.context().error?.code).toBe('EDUCATION_LEVEL_MISSING');
  });

  it('goes back to the leave keeping the answers', async () => {
    const d = await atQuestions();
    await d.send({ ...sample.ANSWER_QUESTIONS, end: '2025-11-30' });
    const view = await d.send(sample.BACK);
    expect(view.state).toBe('leaveSelection');
    expect(d.context()).toMatchObject({ leave: 'PARENTAL', form: 'HALF', answers: { before: 24, during: 12, end: '2025-11-30' }, error: null });
  });
});

describe('confirmation', () => {
  it('shows every answer, the derived values and no warning for a clean request', async () => {
    const d = startRequest();
    const view = await toConfirmation(d);
    expect(view).toMatchObject({ state: 'confirmation', screen: 'confirmation', allowedEvents: ['ABANDON', 'BACK', 'CONFIRM'] });
    expect(d.context()).toMatchObject({
      leave: 'PARENTAL',
      form: 'HALF',
      answers: { level: 'PRIMARY', before: 24, during: 12, start: '2025-09-01', end: '2025-10-31', multipleEmployers: false, interruptsAllEmployers: null },
      derived: { fullLoad: 24, givenUp: 12, fraction: 0.5, formFraction: 0.5, occupationDeclarationRequired: false },
      warnings: [],
      error: null,
    });
  });

  it('warns of a fraction more than one period away from the form and of a late introduction', async () => {
    const d = startRequest({ input: { openedOn: '2025-11-15' } });
    await toConfirmation(d, { during: 20 });
    expect(d.context().warnings.map((w) => w.code)).toEqual(['WORKLOAD_FRACTION_MISMATCH', 'LATE_INTRODUCTION']);
    expect(d.context().warnings[1]?.message).toMatch(/plus de 2 mois après sa date de début \(2025-09-01\)/);
  });

  it('says when the worker must send an occupation declaration (several employers, one interrupted)', async () => {
    const d = startRequest();
    await toConfirmation(d, { multipleEmployers: true, interruptsAllEmployers: false });
    expect(d.context().derived?.occupationDeclarationRequired).toBe(true);
  });

  it('warns of the age special case for the end-of-career interruption', async () => {
    const d = startRequest({ stubs: { checkWorker: () => ({ ...teacherCheck, worker: { ...teacher, birthDate: '1973-01-15' } }) } });
    await toConfirmation(d, { before: 24, during: 12 }, { leave: 'END_OF_CAREER', form: 'PARTIAL' });
    expect(d.view().state).toBe('confirmation');
    expect(d.context().warnings.map((w) => w.code)).toEqual(['WORKER_AGE_SPECIAL_CASE']);
  });

  it('refuses by schema a confirmation without the "all information is correct" box', () => {
    const { issues } = refusal({ type: 'CONFIRM', allCorrect: false as true });
    expect(issues).toEqual([{ path: 'allCorrect', code: 'invalid_value', message: 'Cochez la dernière case (« Toutes les informations sont correctes ») pour confirmer la demande.' }]);
    expect(refusal({ type: 'CONFIRM' } as typeof sample.CONFIRM).issues[0]?.path).toBe('allCorrect');
  });

  it('confirms in one step: admitted with its ticket, submitted, the worker notified, awaiting the worker — recorded in that order', async () => {
    const d = startRequest();
    await toConfirmation(d);
    const view = await d.send(sample.CONFIRM);
    expect(view).toMatchObject({ state: 'awaitingWorker', screen: 'awaitingWorker', allowedEvents: ['WITHDRAW', 'WORKER_PART_COMPLETED'] });
    expect(d.context()).toMatchObject({
      requestStatus: 'awaiting_worker',
      statusReason: 'The worker was notified to complete their part.',
      ticket: 'BAW-2025-000001',
      issuedAt: '2025-08-20T10:00:00.000Z',
      workerNotified: true,
      error: null,
    });
    // One activity: the admission against the worker's other requests, both records and the notice.
    const period = { acting: { enterprise: '0123456749', mode: 'PO' }, niss: teacher.niss, leave: 'PARENTAL', form: 'HALF', start: '2025-09-01', end: '2025-10-31' };
    expect(d.calls.checkOtherRequests).toEqual([period]);
    expect(d.calls.submitRequest).toHaveLength(1);
    const [submission] = d.calls.submitRequest;
    expect(submission).toMatchObject({
      admit: period,
      submitted: { version: 2, status: 'submitted', by: 'employer', reason: 'Confirmed by the employer: all information is correct.' },
      awaitingWorker: { version: 3, status: 'awaiting_worker', by: 'system', reason: 'The worker was notified to complete their part.' },
      notice: { worker: { niss: teacher.niss, lastName: teacher.lastName, firstName: teacher.firstName }, email: teacher.email },
    });
    // The ticket is the activity's to write: the records the machine hands over carry none.
    expect(submission?.submitted).not.toHaveProperty('ticket');
    expect(d.calls.admitRequest).toEqual([]);
    expect(d.calls.notifyWorker).toEqual([]);
    expect(d.calls.issueTicket).toBe(0);
    expect(d.records.map(({ version, status, ticket, by }) => ({ version, status, ticket, by }))).toEqual([
      { version: 1, status: 'draft', ticket: null, by: 'employer' },
      { version: 2, status: 'submitted', ticket: 'BAW-2025-000001', by: 'employer' },
      { version: 3, status: 'awaiting_worker', ticket: 'BAW-2025-000001', by: 'system' },
    ]);
    expect(d.records[1]).toMatchObject({ leave: 'PARENTAL', form: 'HALF', start: '2025-09-01', end: '2025-10-31' });
  });

  it('writes nothing when the one-step submission fails, and confirming again submits at new versions', async () => {
    let down = true;
    const d = startRequest({
      stubs: { recordRequest: (record) => (record.status === 'awaiting_worker' && down ? { code: 'STORE_UNAVAILABLE', message: 'The store is unavailable.' } : { version: record.version }) },
    });
    await toConfirmation(d);
    const view = await d.send(sample.CONFIRM);
    expect(view.state).toBe('confirmation');
    // All or nothing: no ticket kept, no status changed, only the draft recorded.
    expect(d.context()).toMatchObject({ requestStatus: 'draft', ticket: null, workerNotified: null, error: { code: 'STORE_UNAVAILABLE' } });
    expect(statuses(d)).toEqual(['draft']);
    down = false;
    expect((await d.send(sample.CONFIRM)).state).toBe('awaitingWorker');
    // The failed attempt's versions are never used again: a late write of it cannot collide.
    expect(d.records.map((r) => [r.version, r.status])).toEqual([
      [1, 'draft'],
      [4, 'submitted'],
      [5, 'awaiting_worker'],
    ]);
  });

  it(`confirms in four steps in runs that predate ${ONE_STEP_SUBMISSION}: admitted, recorded, notified, recorded`, async () => {
    const d = startRequest({ patched: BEFORE_ONE_STEP });
    await toConfirmation(d);
    const view = await d.send(sample.CONFIRM);
    expect(view).toMatchObject({ state: 'awaitingWorker', screen: 'awaitingWorker' });
    expect(d.context()).toMatchObject({ requestStatus: 'awaiting_worker', ticket: 'BAW-2025-000001', issuedAt: '2025-08-20T10:00:00.000Z', workerNotified: true });
    const period = { acting: { enterprise: '0123456749', mode: 'PO' }, niss: teacher.niss, leave: 'PARENTAL', form: 'HALF', start: '2025-09-01', end: '2025-10-31' };
    expect(d.calls.submitRequest).toEqual([]);
    expect(d.calls.admitRequest).toEqual([period]);
    expect(d.calls.notifyWorker).toEqual([
      { ticket: 'BAW-2025-000001', worker: { niss: teacher.niss, lastName: teacher.lastName, firstName: teacher.firstName }, email: teacher.email },
    ]);
    expect(d.records.map(({ version, status, ticket, by }) => ({ version, status, ticket, by }))).toEqual([
      { version: 1, status: 'draft', ticket: null, by: 'employer' },
      { version: 2, status: 'submitted', ticket: 'BAW-2025-000001', by: 'employer' },
      { version: 3, status: 'awaiting_worker', ticket: 'BAW-2025-000001', by: 'system' },
    ]);
  });

  it('goes on when the worker cannot be notified, saying so (four steps)', async () => {
    const d = startRequest({ patched: BEFORE_ONE_STEP, stubs: { notifyWorker: () => ({ code: 'MAIL_DOWN', message: 'The mail relay refused the message.' }) } });
    await toAwaitingWorker(d);
    expect(d.context()).toMatchObject({ requestStatus: 'awaiting_worker', workerNotified: false });
    expect(d.records.at(-1)?.reason).toMatch(/could not be notified \(The mail relay refused the message\.\)/);
  });

  it('keeps the ticket when recording the submission fails, and confirming again does not issue another (four steps)', async () => {
    let failSubmission = true;
    const d = startRequest({
      patched: BEFORE_ONE_STEP,
      stubs: {
        recordRequest: (record) =>
          record.status === 'submitted' && failSubmission ? { code: 'STORE_UNAVAILABLE', message: 'The store is unavailable.' } : { version: record.version },
      },
    });
    await toConfirmation(d);
    await d.send(sample.CONFIRM);
    expect(d.view().state).toBe('confirmation');
    expect(d.context()).toMatchObject({ requestStatus: 'draft', ticket: 'BAW-2025-000001', error: { code: 'STORE_UNAVAILABLE' } });
    failSubmission = false;
    await d.send(sample.CONFIRM);
    expect(d.view().state).toBe('awaitingWorker');
    // Admitted again (the rules are checked at every confirmation): the ticket and its time are kept.
    expect(d.calls.admitRequest).toHaveLength(2);
    expect(d.context()).toMatchObject({ ticket: 'BAW-2025-000001', issuedAt: '2025-08-20T10:00:00.000Z' });
    expect(d.records.map((r) => [r.version, r.status])).toEqual([
      [1, 'draft'],
      [3, 'submitted'],
      [4, 'awaiting_worker'],
    ]);
  });

  it('goes back to the questions keeping the answers', async () => {
    const d = startRequest();
    await toConfirmation(d);
    await d.send(sample.BACK);
    expect(d.view().state).toBe('questions');
    expect(d.context().answers).toMatchObject({ before: 24, during: 12, start: '2025-09-01', end: '2025-10-31' });
  });
});

// ---------------------------------------------------------------------------------------------------
// Going back and changing one's mind

describe('going back and choosing again', () => {
  it('keeps every answer all the way back to the worker selection and forward again', async () => {
    const d = startRequest();
    await toConfirmation(d);
    for (const expected of ['questions', 'leaveSelection', 'workerSelected', 'workerSelection']) {
      expect((await d.send(sample.BACK)).state).toBe(expected);
    }
    expect(d.context()).toMatchObject({
      selection: { community: 'FR', school: '0321654968', niss: teacher.niss },
      leave: 'PARENTAL',
      form: 'HALF',
      answers: { before: 24, during: 12 },
    });
    await d.send(sample.SELECT_WORKER);
    await d.send(sample.START_REQUEST);
    await d.send(sample.CHOOSE_LEAVE);
    expect(d.context().answers).toMatchObject({ before: 24, during: 12, start: '2025-09-01' });
    expect(d.records.map((r) => r.version)).toEqual([1, 2]);
  });

  it('clears the answers when another worker is selected, keeping a leave still open in the new community', async () => {
    const other = { ...teacherCheck, worker: { niss: '68041204581', lastName: 'Martin', firstName: 'Luc', birthDate: '1968-04-12' } };
    let check: CheckWorkerOutput = teacherCheck;
    const d = startRequest({ stubs: { checkWorker: () => check } });
    await toConfirmation(d);
    for (let i = 0; i < 4; i++) await d.send(sample.BACK);
    check = other;
    await d.send({ ...sample.SELECT_WORKER, niss: '68.04.12-045.81' });
    expect(d.context()).toMatchObject({ worker: { niss: '68041204581' }, leave: 'PARENTAL', form: 'HALF', answers: null });
    expect(d.records.at(-1)).toMatchObject({ version: 2, status: 'draft', worker: { niss: '68041204581' }, leave: 'PARENTAL', start: null });
  });

  it('drops a leave that is not open in the newly selected worker’s community', async () => {
    let check: CheckWorkerOutput = { ...teacherCheck };
    const d = startRequest({ stubs: { checkWorker: () => check } });
    await toConfirmation(d, { end: '2025-11-30' }, { leave: 'ORDINARY_INTERRUPTION', form: 'FULL' });
    expect(d.view().state).toBe('confirmation');
    for (let i = 0; i < 4; i++) await d.send(sample.BACK);
    check = { ...teacherCheck, school: { number: '0456789133', name: 'Flemish school', community: 'NL' } };
    await d.send({ ...sample.SELECT_WORKER, community: 'NL', school: '0456.789.133' });
    expect(d.context()).toMatchObject({ community: 'NL', leave: null, form: null, answers: null });
  });

  it('clears only the dates when a newly chosen leave does not allow them', async () => {
    const d = startRequest();
    await toConfirmation(d);
    await d.send(sample.BACK);
    await d.send(sample.BACK);
    // An ordinary interruption lasts at least 3 months: the 2 months of parental leave no longer fit.
    await d.send({ type: 'CHOOSE_LEAVE', leave: 'ORDINARY_INTERRUPTION', form: 'FULL' });
    expect(d.context()).toMatchObject({
      leave: 'ORDINARY_INTERRUPTION',
      form: 'FULL',
      answers: { level: 'PRIMARY', before: 24, during: 12, start: null, end: null },
      derived: null,
    });
    // Dates are needed again before the confirmation.
    expect(d.view().state).toBe('questions');
    await d.send({ ...sample.ANSWER_QUESTIONS, end: '2025-11-30' });
    expect(d.view().state).toBe('confirmation');
  });

  it('keeps the dates when the new leave allows them', async () => {
    const d = startRequest();
    await toConfirmation(d);
    await d.send(sample.BACK);
    await d.send(sample.BACK);
    await d.send({ type: 'CHOOSE_LEAVE', leave: 'MEDICAL_ASSISTANCE', form: 'HALF' });
    expect(d.context().answers).toMatchObject({ start: '2025-09-01', end: '2025-10-31' });
  });
});

// ---------------------------------------------------------------------------------------------------
// Abandon and expiry

describe('abandoning a draft', () => {
  it('before a worker is selected: ends withdrawn with nothing to record', async () => {
    const d = startRequest();
    const view = await d.send({ type: 'ABANDON' });
    expect(view).toMatchObject({ state: 'withdrawn', screen: 'withdrawn', status: 'done', output: { status: 'withdrawn', ticket: null } });
    expect(d.records).toEqual([]);
  });

  it.each(['workerSelected', 'leaveSelection', 'questions', 'confirmation'])('from %s: records the withdrawal by the employer', async (screen) => {
    const d = startRequest();
    const steps: RequestEventPayload[] = [sample.SELECT_WORKER, sample.START_REQUEST, sample.CHOOSE_LEAVE, sample.ANSWER_QUESTIONS];
    while (d.view().state !== screen) await d.send(steps.shift()!);
    const view = await d.send(sample.ABANDON);
    expect(view).toMatchObject({ state: 'withdrawn', status: 'done', output: { status: 'withdrawn', ticket: null, reason: 'The worker changed their mind.' } });
    expect(d.records.at(-1)).toMatchObject({ status: 'withdrawn', by: 'employer', reason: 'The worker changed their mind.' });
  });

  it('after the first record failed: ends withdrawn without recording a request the overview never had', async () => {
    let failures = 1;
    const d = startRequest({ stubs: { recordRequest: (r) => (failures-- > 0 ? { code: 'SERVICE_UNAVAILABLE', message: 'down' } : { version: r.version }) } });
    const failed = await d.send(sample.SELECT_WORKER);
    expect(failed).toMatchObject({ state: 'workerSelection', context: { error: { code: 'SERVICE_UNAVAILABLE' } } });
    const view = await d.send(sample.ABANDON);
    expect(view).toMatchObject({ state: 'withdrawn', output: { status: 'withdrawn' } });
    expect(d.records).toEqual([]);
  });

  it('is not possible once the request awaits the worker (WITHDRAW is)', async () => {
    const d = startRequest();
    await toAwaitingWorker(d);
    expect(d.allows(sample.ABANDON)).toBe(false);
    const view = await d.send(sample.WITHDRAW);
    expect(view).toMatchObject({ state: 'withdrawn', output: { status: 'withdrawn', ticket: 'BAW-2025-000001', reason: 'The worker no longer wants the leave.' } });
    expect(d.records.at(-1)).toMatchObject({ version: 4, status: 'withdrawn', by: 'employer', ticket: 'BAW-2025-000001' });
  });

  it('keeps trying to record a withdrawal after a failure (recordRetry)', async () => {
    let failures = 1;
    const d = startRequest({
      delays: { recordRetry: 20 },
      stubs: { recordRequest: (r) => (r.status === 'withdrawn' && failures-- > 0 ? { code: 'STORE_UNAVAILABLE', message: 'down' } : { version: r.version }) },
    });
    await d.send(sample.SELECT_WORKER);
    d.actor.send(parseEvent(sample.ABANDON));
    await waitFor(d.actor, (s) => s.matches('withdrawalRetry'), { timeout: 1_000 });
    expect(d.view()).toMatchObject({ screen: 'busy', context: { error: { code: 'STORE_UNAVAILABLE' } } });
    await waitFor(d.actor, (s) => s.status === 'done', { timeout: 1_000 });
    expect(statuses(d)).toEqual(['draft', 'withdrawn']);
    expect(d.records.map((r) => r.version)).toEqual([1, 3]);
  });
});

describe('a record that keeps failing', () => {
  const failingWithdrawal = (r: RequestRecord) => (r.status === 'withdrawn' ? { code: 'STORE_UNAVAILABLE', message: 'down' } : { version: r.version });

  it(`waits for an operator after ${MAX_RECORD_FAILURES} failed rounds, and records again on RETRY_RECORD`, async () => {
    let down = true;
    const d = startRequest({ delays: { recordRetry: 5 }, stubs: { recordRequest: (r) => (down ? failingWithdrawal(r) : { version: r.version }) } });
    await d.send(sample.SELECT_WORKER);
    d.actor.send(parseEvent(sample.ABANDON));
    await waitFor(d.actor, (s) => s.matches('withdrawalBlocked'), { timeout: 2_000 });
    expect(d.view()).toMatchObject({ screen: 'recordBlocked', attention: RECORD_BLOCKED, allowedEvents: ['RETRY_RECORD'], context: { error: { code: 'STORE_UNAVAILABLE' } } });
    expect(d.actor.getSnapshot().context.recordFailures).toBe(MAX_RECORD_FAILURES);

    down = false;
    const view = await d.send({ type: 'RETRY_RECORD' });
    expect(view).toMatchObject({ state: 'withdrawn', output: { status: 'withdrawn' } });
    expect(view.attention).toBeUndefined();
  });

  it('retries without end in a run that predates the change (patch not applied)', async () => {
    let attempts = 0;
    const d = startRequest({
      patched: false,
      delays: { recordRetry: 1 },
      stubs: { recordRequest: (r) => (r.status === 'withdrawn' && ++attempts <= MAX_RECORD_FAILURES * 2 ? failingWithdrawal(r) : { version: r.version }) },
    });
    await d.send(sample.SELECT_WORKER);
    d.actor.send(parseEvent(sample.ABANDON));
    await waitFor(d.actor, (s) => s.status === 'done', { timeout: 2_000 });
    expect(attempts).toBe(MAX_RECORD_FAILURES * 2 + 1);
    expect(d.view()).toMatchObject({ state: 'withdrawn', output: { status: 'withdrawn' } });
  });
});

describe('draft expiry', () => {
  it('ends an untouched draft as expired, recorded by the system (shortened delay)', async () => {
    const d = startRequest({ delays: { draftExpiry: 30 } });
    await d.send(sample.SELECT_WORKER);
    await waitFor(d.actor, (s) => s.status === 'done', { timeout: 1_000 });
    expect(d.view()).toMatchObject({ state: 'expired', screen: 'expired', output: { status: 'expired', ticket: null } });
    expect(d.records.at(-1)).toMatchObject({ version: 2, status: 'expired', by: 'system', reason: expect.stringMatching(/untouched/) as string });
  });

  it('expires without a record when no worker was ever selected', async () => {
    const d = startRequest({ delays: { draftExpiry: 10 } });
    await waitFor(d.actor, (s) => s.status === 'done', { timeout: 1_000 });
    expect(d.view().output).toMatchObject({ status: 'expired' });
    expect(d.records).toEqual([]);
  });

  it('restarts the delay on every event, refused ones too', async () => {
    const clock = new SimulatedClock();
    const d = startRequest({ clock, delays: { draftExpiry: 1_000 } });
    await d.send(sample.SELECT_WORKER);
    clock.increment(800);
    await d.send(sample.START_REQUEST);
    clock.increment(800);
    await d.sendRaw({ type: 'CHOOSE_LEAVE', leave: 'PARENTAL', form: 'PARTIAL' });
    expect(d.context().error?.code).toBe('LEAVE_FORM_NOT_ALLOWED');
    clock.increment(800);
    expect(d.view().state).toBe('leaveSelection');
    clock.increment(200);
    await d.settled();
    expect(d.view().state).toBe('expired');
    expect(statuses(d)).toEqual(['draft', 'expired']);
  });

  it('does not expire a request once it has its ticket', async () => {
    const clock = new SimulatedClock();
    const d = startRequest({ clock, delays: { draftExpiry: 1_000 } });
    await toAwaitingWorker(d);
    clock.increment(10_000);
    expect(d.view().state).toBe('awaitingWorker');
  });
});

// ---------------------------------------------------------------------------------------------------
// After the ticket

describe('lifecycle after the ticket', () => {
  it('runs to accepted: worker part completed, decision recorded by the back-office with its reason', async () => {
    const d = startRequest();
    await toAwaitingWorker(d);
    const processing = await d.send(sample.WORKER_PART_COMPLETED);
    expect(processing).toMatchObject({ state: 'inProcessing', screen: 'inProcessing', allowedEvents: ['DECIDE', 'SEND_BACK'] });
    const view = await d.send(sample.DECIDE);
    expect(view).toMatchObject({
      state: 'accepted',
      screen: 'accepted',
      status: 'done',
      output: { status: 'accepted', ticket: 'BAW-2025-000001', reason: 'All conditions are met.' },
    });
    expect(d.records.map(({ version, status, by, reason }) => ({ version, status, by, reason }))).toEqual([
      { version: 1, status: 'draft', by: 'employer', reason: 'Worker selected by the employer.' },
      { version: 2, status: 'submitted', by: 'employer', reason: 'Confirmed by the employer: all information is correct.' },
      { version: 3, status: 'awaiting_worker', by: 'system', reason: 'The worker was notified to complete their part.' },
      { version: 4, status: 'in_processing', by: 'worker', reason: 'The worker completed their part.' },
      { version: 5, status: 'accepted', by: 'backoffice', reason: 'All conditions are met.' },
    ]);
  });

  it('runs to refused', async () => {
    const d = startRequest();
    await toInProcessing(d);
    const view = await d.send({ type: 'DECIDE', decision: 'refused', reason: 'The parental leave for this child is used up.' });
    expect(view).toMatchObject({ state: 'refused', output: { status: 'refused', ticket: 'BAW-2025-000001' } });
    expect(d.records.at(-1)).toMatchObject({ version: 5, status: 'refused', by: 'backoffice', reason: 'The parental leave for this child is used up.' });
  });

  it('sends back to the worker: awaiting the worker again', async () => {
    const d = startRequest();
    await toInProcessing(d);
    const view = await d.send({ type: 'SEND_BACK', to: 'worker', reason: 'The birth certificate of the child is missing.' });
    expect(view.state).toBe('awaitingWorker');
    expect(d.context()).toMatchObject({ requestStatus: 'awaiting_worker', statusReason: 'The birth certificate of the child is missing.' });
    expect(d.records.at(-1)).toMatchObject({ status: 'awaiting_worker', by: 'backoffice' });
    await d.send(sample.WORKER_PART_COMPLETED);
    expect(d.view().state).toBe('inProcessing');
  });

  it('sends back to the employer: the questions again, confirmed again without a new ticket', async () => {
    const d = startRequest();
    await toInProcessing(d);
    const view = await d.send(sample.SEND_BACK);
    expect(view).toMatchObject({ state: 'questions', screen: 'questions' });
    expect(d.context()).toMatchObject({
      requestStatus: 'draft',
      ticket: 'BAW-2025-000001',
      statusReason: 'The workload before the interruption is missing one period.',
      answers: { before: 24, during: 12 },
    });
    // The worker of a ticketed request stays: no way back to the worker selection.
    await d.send(sample.BACK);
    await d.send(sample.BACK);
    expect(d.view().state).toBe('workerSelected');
    expect(d.allows(sample.BACK)).toBe(false);
    await d.send(sample.START_REQUEST);
    await d.send(sample.CHOOSE_LEAVE);
    await d.send({ ...sample.ANSWER_QUESTIONS, before: 22, during: 11 });
    await d.send(sample.CONFIRM);
    expect(d.view().state).toBe('awaitingWorker');
    // Admitted again with the ticket it has, and submitted as confirmed again after the correction.
    expect(d.calls.submitRequest).toHaveLength(2);
    expect(d.calls.submitRequest[1]).toMatchObject({ submitted: { version: 6, reason: 'Confirmed again by the employer after correction.' }, awaitingWorker: { version: 7 } });
    expect(d.context().ticket).toBe('BAW-2025-000001');
    expect(d.records.map(({ version, status, by, ticket }) => [version, status, by, ticket])).toEqual([
      [1, 'draft', 'employer', null],
      [2, 'submitted', 'employer', 'BAW-2025-000001'],
      [3, 'awaiting_worker', 'system', 'BAW-2025-000001'],
      [4, 'in_processing', 'worker', 'BAW-2025-000001'],
      [5, 'draft', 'backoffice', 'BAW-2025-000001'],
      [6, 'submitted', 'employer', 'BAW-2025-000001'],
      [7, 'awaiting_worker', 'system', 'BAW-2025-000001'],
    ]);
  });

  it('lets a request sent back to the employer be abandoned or expire', async () => {
    const d = startRequest({ delays: { draftExpiry: 30 } });
    await toAwaitingWorker(d);
    await d.send(sample.WORKER_PART_COMPLETED);
    await d.send(sample.SEND_BACK);
    await waitFor(d.actor, (s) => s.status === 'done', { timeout: 1_000 });
    expect(d.view().output).toMatchObject({ status: 'expired', ticket: 'BAW-2025-000001' });
  });

  it('refuses events that do not belong to the screen (the host answers 409)', async () => {
    const d = startRequest();
    expect(d.allows(sample.DECIDE)).toBe(false);
    expect(d.allows(sample.WORKER_PART_COMPLETED)).toBe(false);
    await toAwaitingWorker(d);
    expect(d.allows(sample.DECIDE)).toBe(false);
    expect(d.allows(sample.SEND_BACK)).toBe(false);
    expect(d.allows(sample.CONFIRM)).toBe(false);
    await expect(d.send(sample.DECIDE)).rejects.toThrow(NotAllowed);
  });

  it('stays on the screen with the error when recording a back-office decision fails', async () => {
    let fail = true;
    const d = startRequest({
      stubs: { recordRequest: (r) => (r.status === 'accepted' && fail ? { code: 'STORE_UNAVAILABLE', message: 'The store is unavailable.' } : { version: r.version }) },
    });
    await toInProcessing(d);
    await d.send(sample.DECIDE);
    expect(d.view().state).toBe('inProcessing');
    expect(d.context()).toMatchObject({ requestStatus: 'in_processing', error: { code: 'STORE_UNAVAILABLE' } });
    fail = false;
    await d.send(sample.DECIDE);
    expect(d.view().output).toMatchObject({ status: 'accepted' });
  });

  it('retries recording "awaiting the worker" until it is written (four steps)', async () => {
    let failures = 2;
    const d = startRequest({
      patched: BEFORE_ONE_STEP,
      delays: { recordRetry: 10 },
      stubs: { recordRequest: (r) => (r.status === 'awaiting_worker' && failures-- > 0 ? { code: 'STORE_UNAVAILABLE', message: 'down' } : { version: r.version }) },
    });
    await toConfirmation(d);
    d.actor.send(parseEvent(sample.CONFIRM));
    await waitFor(d.actor, (s) => s.matches('awaitingWorker'), { timeout: 1_000 });
    expect(d.context().error).toBeNull();
    expect(d.records.map((r) => [r.version, r.status])).toEqual([
      [1, 'draft'],
      [2, 'submitted'],
      [5, 'awaiting_worker'],
    ]);
  });
});

describe('public context', () => {
  it('has the documented shape, with no internal bookkeeping', async () => {
    const d = startRequest();
    await toConfirmation(d);
    expect(Object.keys(d.context()).sort()).toEqual(
      [
        'acting',
        'introducedBy',
        'openedOn',
        'requestStatus',
        'statusReason',
        'ticket',
        'issuedAt',
        'selection',
        'community',
        'school',
        'worker',
        'workerStatus',
        'email',
        'workerNotified',
        'leave',
        'form',
        'questionDefaults',
        'answers',
        'derived',
        'warnings',
        'error',
        'choices',
      ].sort(),
    );
    expect(d.context().acting).toEqual({ enterprise: '0123456749', mode: 'PO', enterpriseName: poY.name });
    expect(JSON.parse(JSON.stringify(d.context()))).toEqual(d.context());
  });
});

describe('the worker’s other requests', () => {
  const overlap = {
    code: 'REQUEST_PERIOD_OVERLAP',
    message: 'The worker already has a request of Congé parental for a period that overlaps 2025-09-01 → 2025-10-31.',
    details: { rules: ['REQUEST_PERIOD_OVERLAP', 'LEAVE_MAXIMUM_EXCEEDED'], maximum: 8, monthsUsed: 8, monthsLeft: 0 },
  };

  it('refuses the answers on the questions screen when the period clashes, with the refusal’s details', async () => {
    const d = startRequest({ stubs: { checkOtherRequests: (input) => (input.start === '2025-09-01' ? overlap : { counted: 1, monthsUsed: 2, monthsLeft: 6 }) } });
    const view = await toConfirmation(d);
    expect(view.state).toBe('questions');
    expect(d.context().error).toEqual(overlap);
    expect(d.context().answers).toMatchObject({ start: '2025-09-01', end: '2025-10-31' });
    expect(d.calls.admitRequest).toEqual([]);
    // Other dates: checked again, and on to the confirmation.
    await d.send({ ...sample.ANSWER_QUESTIONS, start: '2025-11-01', end: '2025-12-31' });
    expect(d.view().state).toBe('confirmation');
    expect(d.context().error).toBeNull();
    expect(d.calls.checkOtherRequests.map((c) => c.start)).toEqual(['2025-09-01', '2025-11-01']);
  });

  it('a refusal at CONFIRM (another confirmation came first) stays on the confirmation page, without a ticket', async () => {
    const d = startRequest({ stubs: { admitRequest: () => overlap } });
    await toConfirmation(d);
    const view = await d.send(sample.CONFIRM);
    expect(view.state).toBe('confirmation');
    expect(d.context()).toMatchObject({ requestStatus: 'draft', ticket: null, error: overlap });
    expect(statuses(d)).toEqual(['draft']);
  });

  it('shows the 1/10 parental leave’s need of the employer’s agreement on the leave screen', async () => {
    const d = startRequest();
    await d.send(sample.SELECT_WORKER);
    const view = await d.send(sample.START_REQUEST);
    expect(view.labels).toContain('request.leaveSelection.employerAgreement');
    const parental = (d.context().choices as { leaves: { code: string; forms: { code: string; requiresEmployerAgreement: boolean }[] }[] }).leaves.find(
      (l) => l.code === 'PARENTAL',
    );
    expect(parental?.forms.filter((f) => f.requiresEmployerAgreement).map((f) => f.code)).toEqual(['ONE_TENTH']);
  });

  it('warns on the confirmation page when the worker is known to have several employers and the box is unticked', async () => {
    const d = startRequest({ stubs: { checkWorker: () => ({ ...teacherCheck, employerCount: 2 }) } });
    const view = await toConfirmation(d);
    expect(view.labels).toContain('request.confirmation.multipleEmployersWarning');
    expect(d.context().warnings.map((w) => w.code)).toContain('MULTIPLE_EMPLOYERS_UNTICKED');
    await d.send(sample.BACK);
    await d.send({ ...sample.ANSWER_QUESTIONS, multipleEmployers: true, interruptsAllEmployers: true });
    expect(d.context().warnings.map((w) => w.code)).not.toContain('MULTIPLE_EMPLOYERS_UNTICKED');
  });

  it(`runs that predate the change (${RULES_ACROSS_REQUESTS}) neither check nor admit: the ticket as before`, async () => {
    const d = startRequest({ patched: false, stubs: { checkOtherRequests: () => overlap, admitRequest: () => overlap } });
    await toConfirmation(d);
    expect(d.view().state).toBe('confirmation');
    await d.send(sample.CONFIRM);
    expect(d.view().state).toBe('awaitingWorker');
    expect(d.calls.checkOtherRequests).toEqual([]);
    expect(d.calls.admitRequest).toEqual([]);
    expect(d.calls.issueTicket).toBe(1);
  });
});
