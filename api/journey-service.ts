/**
 * Start / signal / query of journeys, with ownership: a journey is its owner's alone, and anyone else
 * gets 404 — the same answer as for an id that does not exist.
 */
import {
  ApplicationFailure,
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  isGrpcServiceError,
  type Client,
} from '@temporalio/client';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Config } from '../config';
import type { Journey, JourneyView } from '../machines/journey';
import { fieldRule } from '../domain';
import type { Db } from '../store/db';
import { findIdempotentResponse, rememberIdempotentResponse } from '../store/idempotency';
import { getOrCreateSecret } from '../store/service-secrets';
import { EVENT_INVALID, NOT_OWNER, SERVICE_UNAVAILABLE, openView, searchAttributes, sendEvent, viewQuery, type JourneyEvent, type JourneyStart } from '../workflows/messages';
import type { Caller, PersonCaller, TokenService } from './auth';
import { HttpError, JourneyRefusal, issuesOf, notFound } from './errors';
import { MAX_BODY_DEPTH, nestsDeeperThan, tooDeep } from './json-depth';
import { requireLivePermission, type KnownPermission } from './live-permissions';

/** An event's type: a name such as SELECT_WORKER (which ones a journey takes, its allowedEvents say). */
export const eventTypeSchema = z
  .string(fieldRule('EVENT_TYPE_NOT_TEXT'))
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'An event type is a name of letters, digits and "_", e.g. "SELECT_WORKER".')
  .describe('The event type, one of allowedEvents');

export const journeyIdSchema = z
  .string()
  .regex(/^[a-zA-Z]+-[a-z0-9-]{8,80}$/, 'a journey id looks like "request-1b9d6bcd-…"')
  .describe('Journey id (the Temporal workflow id)');

/** An Idempotency-Key header, checked: it becomes part of a workflow id or an update id. */
function checkedKey(key: string | undefined): string | undefined {
  if (key !== undefined && !/^[\w.:-]{1,200}$/.test(key)) {
    throw new HttpError('IDEMPOTENCY_KEY_FORMAT');
  }
  return key;
}

/** What may be done now: each event type with the JSON Schema of its payload. */
export interface AllowedEvent {
  type: string;
  payload: Record<string, unknown>;
}

export interface JourneyResponse extends Omit<JourneyView, 'owner' | 'allowedEvents'> {
  id: string;
  allowedEvents: AllowedEvent[];
  /** When a Break@Work sign-in ends: the token of the chosen acting context. */
  actingToken?: { token: string; expiresAt: string };
}

/** An attention code as the machines set it (e.g. RECORD_BLOCKED): uppercase letters, digits, underscores. */
export const attentionCodePattern = /^[A-Z][A-Z0-9_]{0,63}$/;

/** A running journey that waits for an operator, as Temporal visibility lists it. */
export interface AttentionItem {
  id: string;
  machine: string;
  attention: string;
  startedAt: string;
}

export interface AttentionList {
  items: AttentionItem[];
  limit: number;
  /** More journeys match than `limit`: resolve these (they leave the list) or ask for a larger limit. */
  hasMore: boolean;
}

/** How each journey starts: who may start it, its input from the caller, its owner key. */
interface Starter {
  needsActingContext: boolean;
  input(caller: PersonCaller, config: Config, today: string): unknown;
}

const starters: Record<string, Starter> = {
  accessManagement: { needsActingContext: false, input: (c) => ({ niss: c.sub }) },
  signIn: { needsActingContext: false, input: (c) => ({ niss: c.sub }) },
  request: {
    needsActingContext: true,
    input: (c, config, today) => ({ acting: c.acting, introducedBy: c.sub, openedOn: today, fullLoads: config.fullLoads }),
  },
  // The worker is the signed-in person (the token's NISS), with or without an acting context.
  workerPart: { needsActingContext: false, input: (c) => ({ niss: c.sub }) },
};

/**
 * Whose a journey is, as the JourneyOwner search attribute and the journey's start carry it: the kind of
 * owner and a keyed hash (HMAC-SHA256) of the person's NISS and acting context — anyone who reads the
 * Temporal web UI sees no national number, and cannot try NISS numbers against it without the key.
 */
export function ownerKey(caller: PersonCaller, withActing: boolean, secret: Buffer): string {
  const [kind, plain] = plainOwnerKey(caller, withActing);
  return `${kind}:${createHmac('sha256', secret).update(plain).digest('hex')}`;
}

function plainOwnerKey(caller: PersonCaller, withActing: boolean): [string, string] {
  return withActing && caller.acting ? ['acting', `acting:${caller.sub}:${caller.acting.enterprise}:${caller.acting.mode}`] : ['person', `person:${caller.sub}`];
}

const actsInContext = (owner: string) => owner.startsWith('acting:');

/** The owner keys that are the caller's; journeys started before the hash still carry the plain one until they end. */
export function ownerKeys(caller: Caller, secret: Buffer): string[] {
  if (caller.kind !== 'person') return [];
  const contexts = caller.acting ? [false, true] : [false];
  return contexts.flatMap((withActing) => [ownerKey(caller, withActing, secret), plainOwnerKey(caller, withActing)[1]]);
}

/** Today in Belgium, as an ISO date (a request's "opened on" day). */
export function belgianToday(now = new Date()): string {
  return belgianDate.format(now);
}

// Made once: building a DateTimeFormat (locale and time-zone data) costs far more than formatting with it.
const belgianDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The start of a journey as every client of the service makes it (the API; the benchmarks' raw client):
 * the host workflow with its start, found again by its id (a retried start meets the same journey), and
 * the search attributes the API reads its machine and owner from.
 */
export function journeyStartOperation(taskQueue: string, workflowId: string, start: JourneyStart) {
  return new WithStartWorkflowOperation('journey', {
    taskQueue,
    workflowId,
    args: [start],
    workflowIdConflictPolicy: 'USE_EXISTING',
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
    typedSearchAttributes: [
      { key: searchAttributes.machine, value: start.machine },
      { key: searchAttributes.owner, value: start.owner },
    ],
  });
}

export class JourneyService {
  private readonly eventSchemas = new Map<string, AllowedEvent['payload']>();
  private ownerSecret?: Promise<Buffer>;
  private readonly ownerKeyCache = new Map<string, string[]>();

  constructor(
    private readonly deps: { temporal: Client; db: Db; config: Config; journeys: Readonly<Record<string, Journey>>; tokens: TokenService },
  ) {
    for (const journey of Object.values(deps.journeys)) {
      for (const [type, schema] of Object.entries(journey.events)) {
        const { $schema: _s, ...payload } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
        this.eventSchemas.set(`${journey.id}:${type}`, payload);
      }
    }
  }

  /** The owner hash's key: OWNER_HASH_SECRET, or one generated once and kept in the store. */
  private ownerHashKey(): Promise<Buffer> {
    const configured = this.deps.config.ownerHashSecret;
    this.ownerSecret ??= configured ? Promise.resolve(Buffer.from(configured, 'utf8')) : getOrCreateSecret(this.deps.db, 'journey-owner.hmac');
    // A failed read (store briefly away) is not kept: the next call tries again.
    this.ownerSecret.catch(() => (this.ownerSecret = undefined));
    return this.ownerSecret;
  }

  /** The caller's owner keys (`ownerKeys`), kept by caller and context (bounded): a page's every call asks them. */
  private async ownerKeysOf(caller: Caller): Promise<string[]> {
    if (caller.kind !== 'person') return [];
    const id = caller.acting ? `${caller.sub}|${caller.acting.enterprise}|${caller.acting.mode}` : caller.sub;
    const known = this.ownerKeyCache.get(id);
    if (known) return known;
    const keys = ownerKeys(caller, await this.ownerHashKey());
    if (this.ownerKeyCache.size >= 10_000) this.ownerKeyCache.clear();
    this.ownerKeyCache.set(id, keys);
    return keys;
  }

  journey(machine: string): Journey {
    const journey = Object.hasOwn(this.deps.journeys, machine) ? this.deps.journeys[machine] : undefined;
    if (!journey || !Object.hasOwn(starters, machine)) throw new HttpError('UNKNOWN_MACHINE', undefined, { values: { machine } });
    return journey;
  }

  /** `known`: the caller's own live permission as the store answered when the call arrived (api/live-permissions.ts). */
  async start(machine: string, caller: PersonCaller, rawKey?: string, known?: KnownPermission): Promise<JourneyResponse> {
    const idempotencyKey = checkedKey(rawKey);
    const journey = this.journey(machine);
    const starter = starters[machine]!;
    if (starter.needsActingContext && !caller.acting) {
      throw new HttpError('ACTING_CONTEXT_REQUIRED');
    }
    // A journey that acts for an enterprise starts only while the permission is still held.
    if (starter.needsActingContext && caller.acting) await requireLivePermission(this.deps.db, caller.sub, caller.acting, known);
    const owner = ownerKey(caller, starter.needsActingContext, await this.ownerHashKey());
    const input: unknown = journey.input.parse(starter.input(caller, this.deps.config, belgianToday()));
    const suffix = idempotencyKey ? createHash('sha256').update(`${owner}|${idempotencyKey}`).digest('hex').slice(0, 32) : randomUUID();
    const workflowId = `${machine}-${suffix}`;
    const start: JourneyStart = { machine, input, owner, delays: { ...this.deps.config.delays }, inspect: Boolean(this.deps.config.inspectUrl) };
    let view: JourneyView;
    try {
      // Start and first view in one call (update-with-start): no query meets the journey's first task.
      view = await this.deps.temporal.workflow.executeUpdateWithStart(openView, {
        startWorkflowOperation: journeyStartOperation(this.deps.config.temporal.taskQueue, workflowId, start),
      });
    } catch (err) {
      // A retried start whose journey already finished: return that journey.
      if (idempotencyKey && (err instanceof WorkflowExecutionAlreadyStartedError || isAlreadyStarted(err))) return this.get(workflowId, caller, known);
      throw err;
    }
    return this.respond(workflowId, view, caller);
  }

  /** The view, for its owner only. */
  async get(id: string, caller: Caller, known?: KnownPermission): Promise<JourneyResponse> {
    let view: JourneyView;
    try {
      view = await this.deps.temporal.workflow.getHandle(id).query(viewQuery);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw notFound();
      throw err;
    }
    if (caller.kind === 'person' && !(await this.ownerKeysOf(caller)).includes(view.owner)) throw notFound();
    await this.stillPermitted(view.owner, caller, known);
    return this.respond(id, view, caller);
  }

  /**
   * Running journeys that wait for an operator (search attribute JourneyAttention), from Temporal
   * visibility: eventually consistent, so a journey that has just been blocked (or resolved) may take a
   * moment to appear in (or leave) the list. `attention` must already be validated as an uppercase code:
   * it goes into the visibility query.
   */
  async needingAttention(filter: { attention?: string; limit: number }): Promise<AttentionList> {
    if (filter.attention !== undefined && !attentionCodePattern.test(filter.attention)) throw new Error(`Not an attention code: ${filter.attention}`);
    const attribute = searchAttributes.attention.name;
    const query = `ExecutionStatus = 'Running' AND ${filter.attention ? `${attribute} = '${filter.attention}'` : `${attribute} IS NOT NULL`}`;
    const items: AttentionItem[] = [];
    let hasMore = false;
    for await (const info of this.deps.temporal.workflow.list({ query, pageSize: filter.limit + 1 })) {
      if (items.length === filter.limit) {
        hasMore = true;
        break;
      }
      const attention = info.typedSearchAttributes.get(searchAttributes.attention);
      // Visibility may lag the search attribute itself: an entry without it is no longer waiting.
      if (!attention) continue;
      items.push({
        id: info.workflowId,
        machine: info.typedSearchAttributes.get(searchAttributes.machine) ?? info.type,
        attention,
        startedAt: info.startTime.toISOString(),
      });
    }
    return { items, limit: filter.limit, hasMore };
  }

  /**
   * The journey is the caller's (or the caller is the back office), and its owner may still act: asked of
   * the server's own record (search attributes), without asking the worker. Off the path of an ordinary
   * event (see `send`): a refusal, a kept answer or a journey that has ended ask it first.
   */
  private async describe(id: string, caller: Caller, known?: KnownPermission): Promise<void> {
    let description;
    try {
      description = await this.deps.temporal.workflow.getHandle(id).describe();
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) throw notFound();
      throw err;
    }
    const owner = description.typedSearchAttributes.get(searchAttributes.owner);
    const machine = description.typedSearchAttributes.get(searchAttributes.machine);
    if (!machine || (caller.kind === 'person' && !(owner && (await this.ownerKeysOf(caller)).includes(owner)))) throw notFound();
    if (owner) await this.stillPermitted(owner, caller, known);
  }

  /**
   * A journey owned by an acting context (a request) is read or driven only while its owner still holds
   * the permission of that context: checked after ownership, so that anyone else still gets the 404.
   */
  private async stillPermitted(owner: string, caller: Caller, known?: KnownPermission): Promise<void> {
    if (caller.kind === 'person' && caller.acting && actsInContext(owner)) await requireLivePermission(this.deps.db, caller.sub, caller.acting, known);
  }

  /**
   * Sends an event. With an Idempotency-Key, the first answer (success or refusal by a check) is kept
   * in the store: a retry with the same key and the same event gets it again, whatever happened since
   * (even continue-as-new); the same key with another event is refused.
   *
   * The ordinary event costs one round trip to Temporal, the update itself: the machine is the
   * journey id's prefix (ids are `${machine}-${suffix}`, see `start`), ownership travels with the update
   * (the caller's owner keys, checked by the journey's validator before anything is written to history)
   * and the live permission is checked from the caller's own acting context. Whatever else may happen —
   * a refusal before the update, a kept answer, a journey that has ended — first asks Temporal who owns
   * the journey (`describe`), so that anyone but its owner gets the same 404 as for no journey at all.
   */
  async send(id: string, sent: JourneyEvent, caller: Caller, rawKey?: string, known?: KnownPermission): Promise<JourneyResponse> {
    const machine = machineOfId(id);
    const journey = Object.hasOwn(this.deps.journeys, machine) ? this.deps.journeys[machine] : undefined;
    const starter = Object.hasOwn(starters, machine) ? starters[machine] : undefined;
    // No journey runs a machine the id does not name: anything else is an id of no journey.
    if (!journey || !starter) throw notFound();
    const idempotencyKey = checkedKey(rawKey);
    const owners = caller.kind === 'person' ? await this.ownerKeysOf(caller) : undefined;
    let event: JourneyEvent;
    let keptBefore: KeptAnswer | null = null;
    const scope = `event:${id}:${caller.sub}`;
    try {
      // A journey of an acting context (its owner key is one) is driven only while the caller still
      // holds the permission of their own acting context, checked before the event reaches the journey.
      if (starter.needsActingContext && caller.kind === 'person' && caller.acting) {
        await requireLivePermission(this.deps.db, caller.sub, caller.acting, known);
      }
      const reserved = journey.backofficeEvents?.includes(sent.type) ?? false;
      if (reserved !== (caller.kind === 'backoffice')) {
        throw new HttpError('EVENT_NOT_FOR_CALLER', undefined, { values: { type: sent.type, backofficeEvents: [...(journey.backofficeEvents ?? [])] } });
      }
      // What goes on to the journey is the parsed event: its fields only, normalised.
      event = parseEvent(journey, sent);
      if (idempotencyKey) {
        const fingerprint = createHash('sha256').update(canonicalJson(event)).digest('hex');
        const claim = await rememberIdempotentResponse(this.deps.db, scope, idempotencyKey, { fingerprint });
        if (claim.fingerprint !== fingerprint) {
          throw new HttpError('IDEMPOTENCY_KEY_REUSED');
        }
        keptBefore = await findIdempotentResponse<KeptAnswer>(this.deps.db, `${scope}:answer`, idempotencyKey);
      }
    } catch (err) {
      // A refusal of the event itself is for the journey's owner only: anyone else gets the 404 first.
      if (err instanceof HttpError) await this.describe(id, caller, known);
      throw err;
    }
    if (keptBefore) {
      await this.describe(id, caller, known);
      return answer(await this.mintedStillPermitted(keptBefore, caller));
    }
    // Scoped to the caller: two callers' keys never meet.
    const updateId = idempotencyKey ? createHash('sha256').update(`${scope}|${idempotencyKey}`).digest('hex') : undefined;
    let view: JourneyView;
    try {
      view = await this.deps.temporal.workflow
        .getHandle(id)
        .executeUpdate(sendEvent, { args: owners ? [event, { owners }] : [event], ...(updateId ? { updateId } : {}) });
    } catch (err) {
      // The validator's refusal of anyone but the owner: nothing was written, the journey is not theirs.
      if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.type === NOT_OWNER) throw notFound();
      if (!(err instanceof WorkflowNotFoundError)) throw err;
      // No such journey (404), or one that has ended: its owner gets what their event did, if it ended it.
      await this.describe(id, caller, known);
      view = await this.outcomeOfEndedJourney(id, updateId);
    }
    // An update answered by its id (a retry) is not validated again: the view says whose the journey is.
    if (owners && !owners.includes(view.owner)) throw notFound();
    let response: JourneyResponse;
    try {
      response = await this.respond(id, view, caller, true);
    } catch (err) {
      if (!(err instanceof HttpError && err.code === 'PERMISSION_REVOKED')) throw err;
      // The sign-in ended on a choice no longer permitted: no token, and a retry gets the same refusal.
      const refused: KeptAnswer = { error: { status: err.status, code: err.code, message: err.message }, response: await this.respond(id, view, caller) };
      if (idempotencyKey) await rememberIdempotentResponse(this.deps.db, `${scope}:answer`, idempotencyKey, refused);
      return answer(refused);
    }
    const error = view.context.error as { code?: unknown; message?: unknown; details?: unknown } | null | undefined;
    let kept: KeptAnswer = { response };
    if (error && typeof error.code === 'string') {
      // The journey stays on its screen either way; an outage is ours (503), a refusal is the caller's (422).
      const status = error.code === SERVICE_UNAVAILABLE ? 503 : 422;
      const details = isPlainObject(error.details) ? error.details : undefined;
      kept = { error: { status, code: error.code, message: typeof error.message === 'string' ? error.message : error.code, ...(details ? { details } : {}) }, response };
    }
    // An outage is not an answer to keep: the retry must try again.
    if (idempotencyKey && kept.error?.status !== 503) await rememberIdempotentResponse(this.deps.db, `${scope}:answer`, idempotencyKey, withoutToken(kept));
    return answer(kept);
  }

  /**
   * A journey that has ended answers a retried event with what that event did, when that event is
   * what ended it: the process that sent it may have died after Temporal applied it and before its
   * answer was kept (an API replica killed mid-call). Temporal keeps the outcome of every update of the
   * run, found by its id (derived from the Idempotency-Key). Without a key, or when this key's event
   * never reached the journey, the journey has simply ended.
   */
  private async outcomeOfEndedJourney(id: string, updateId: string | undefined): Promise<JourneyView> {
    if (!updateId) throw journeyEnded();
    try {
      return await this.deps.temporal.workflow.getHandle(id).getUpdateHandle<JourneyView>(updateId).result();
    } catch (err) {
      if (isGrpcServiceError(err) && Number(err.code) === GRPC_NOT_FOUND) throw journeyEnded();
      if (err instanceof WorkflowNotFoundError) throw journeyEnded();
      throw err;
    }
  }

  /**
   * The journey as the API shows it. An acting token is minted only by the event that ends a sign-in
   * (`endsSignIn`), never by a later read: a token must come from a sign-in that checked the permissions.
   */
  private async respond(id: string, view: JourneyView, caller: Caller, endsSignIn = false): Promise<JourneyResponse> {
    const { owner: _owner, allowedEvents, ...rest } = view;
    const response: JourneyResponse = {
      id,
      ...rest,
      allowedEvents: allowedEvents.map((type) => ({ type, payload: this.eventSchemas.get(`${view.machine}:${type}`) ?? {} })),
    };
    const signedIn = endsSignIn && view.machine === 'signIn' && view.status === 'done' ? signedInOutput.safeParse(view.output) : undefined;
    if (signedIn?.success && caller.kind === 'person' && caller.sub === signedIn.data.niss) {
      const { niss, ...acting } = signedIn.data;
      // The organisations were loaded when the sign-in began: the choice must still be permitted now.
      await requireLivePermission(this.deps.db, niss, acting);
      response.actingToken = await this.deps.tokens.sign({ kind: 'person', sub: niss, name: caller.name, acting });
    }
    return response;
  }

  /**
   * A kept answer that gave an acting token gives one again only while its choice is still permitted: a
   * new one, minted now (no token is kept in the store). Answers kept with their token before still hold it.
   */
  private async mintedStillPermitted(kept: KeptAnswer, caller: Caller): Promise<KeptAnswer> {
    const minted = kept.mintsToken || kept.response.actingToken ? signedInOutput.safeParse(kept.response.output) : undefined;
    if (!minted?.success) return kept;
    const { niss, ...acting } = minted.data;
    await requireLivePermission(this.deps.db, niss, acting);
    if (!kept.mintsToken || caller.kind !== 'person' || caller.sub !== niss) return kept;
    return { ...kept, response: { ...kept.response, actingToken: await this.deps.tokens.sign({ kind: 'person', sub: niss, name: caller.name, acting }) } };
  }
}

/** gRPC's NOT_FOUND status code: no update of that id in the run. */
const GRPC_NOT_FOUND = 5;

const journeyEnded = () => new HttpError('JOURNEY_ENDED', { allowedEvents: [] });

/** The machine a journey id names: ids are `${machine}-${suffix}` (JourneyService.start). */
function machineOfId(id: string): string {
  return id.slice(0, Math.max(0, id.indexOf('-')));
}

/** Update-with-start on a finished journey fails with the start's "already started" as its cause. */
function isAlreadyStarted(err: unknown): boolean {
  return err instanceof Error && err.cause instanceof WorkflowExecutionAlreadyStartedError;
}

/** The answer to an event, kept for retries with the same Idempotency-Key. */
interface KeptAnswer {
  response: JourneyResponse;
  /** The answer gave an acting token: kept without it, a retry gets a new one (still permitted). */
  mintsToken?: true;
  /** `details`: the refusal's own (e.g. the months left of a maximum), answered beside the journey. */
  error?: { status: number; code: string; message: string; details?: Record<string, unknown> };
}

/** What is kept of an answer: never a token (the idempotency_keys table holds no credential). */
function withoutToken(kept: KeptAnswer): KeptAnswer {
  if (!kept.response.actingToken) return kept;
  const { actingToken: _token, ...response } = kept.response;
  return { ...kept, response, mintsToken: true };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function answer(kept: KeptAnswer): JourneyResponse {
  if (kept.error) {
    const { status, code, message, details } = kept.error;
    throw new JourneyRefusal(status, code, message, details, { ...details, journey: kept.response });
  }
  return kept.response;
}

/**
 * The event as the journey's schema parses it — unknown fields stripped, values normalised — which is
 * what goes to the workflow (whose validator parses it again, to the same result). A payload that breaks
 * a rule is refused here the way the journey would refuse it: 422 EVENT_INVALID, each issue naming its
 * rule. A type the journey does not know goes on alone: the journey refuses it with its allowed events.
 */
export function parseEvent(journey: Journey, event: JourneyEvent): JourneyEvent {
  const schema = Object.hasOwn(journey.events, event.type) ? journey.events[event.type] : undefined;
  if (!schema) return { type: event.type };
  // The input stays on each issue (never sent back) so zod's message can be written in the caller's language.
  const parsed = schema.safeParse(event, { reportInput: true });
  if (parsed.success) return parsed.data;
  const { issues, issueValues } = issuesOf(parsed.error);
  throw new HttpError(
    EVENT_INVALID,
    { issues: issues.map(({ path, message, rule }) => ({ path, message, rule })) },
    { issueValues, rawIssues: parsed.error.issues, values: { type: event.type } },
  );
}

/**
 * JSON with sorted keys: the same event always gives the same text. JSON.stringify recurses, so the
 * depth is checked first, without recursion: no value can take it past MAX_BODY_DEPTH levels.
 */
function canonicalJson(value: unknown): string {
  if (nestsDeeperThan(value, MAX_BODY_DEPTH)) throw tooDeep();
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

const signedInOutput = z.object({
  niss: z.string(),
  enterprise: z.string(),
  enterpriseName: z.string(),
  mode: z.enum(['PO', 'OWN_COMPANY']),
});
