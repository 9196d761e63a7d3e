/**
 * Makes a Temporal namespace ready for the service before the worker or the API use it: the namespace
 * exists (registered with a retention when missing) and every custom search attribute the journeys set
 * (`searchAttributes` in `workflows/messages.ts`) exists with its type. Without them the first journey
 * start fails (`Update-with-Start could not be executed`).
 *
 * Idempotent, and safe when several replicas start at once: what is already there is left alone, an
 * "already exists" answer from a concurrent start counts as done, and the outcome is always checked
 * by listing the namespace's search attributes (bounded wait: they can take a moment to be listed).
 * What cannot be fixed (no permission, a same-named attribute of another type, no server) stops
 * start-up with a {@link TemporalSetupError} that says what is missing and the command that adds it.
 *
 * Used for an external Temporal (`TEMPORAL_ADDRESS`) and the embedded dev server alike.
 */
import { isGrpcServiceError, type Connection } from '@temporalio/client';
import { TypedSearchAttributes, type SearchAttributeType } from '@temporalio/common';
import { msToTs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import type { Logger } from '../config/logger';

type IndexedValueType = temporal.api.enums.v1.IndexedValueType;
/** A search attribute as `defineSearchAttributeKey` gives it. */
export interface SearchAttributeKey {
  name: string;
  type: SearchAttributeType;
}
const { IndexedValueType } = temporal.api.enums.v1;

/** The SDK's search attribute types as the operator service spells them. */
const indexedValueTypes: Record<SearchAttributeType, IndexedValueType> = {
  TEXT: IndexedValueType.INDEXED_VALUE_TYPE_TEXT,
  KEYWORD: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  INT: IndexedValueType.INDEXED_VALUE_TYPE_INT,
  DOUBLE: IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE,
  BOOL: IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  DATETIME: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  KEYWORD_LIST: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
};

/** gRPC status codes (numbers of the gRPC specification). */
const grpc = {
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  ABORTED: 10,
  UNAVAILABLE: 14,
  DEADLINE_EXCEEDED: 4,
} as const;
/** Answers worth another try within the time bound; anything else is final. */
const transientCodes = new Set<number>([grpc.UNAVAILABLE, grpc.DEADLINE_EXCEEDED, grpc.ABORTED, grpc.RESOURCE_EXHAUSTED]);

/** The type as `temporal operator search-attribute create --type` takes it (Keyword, Int, ...). */
function cliType(type: SearchAttributeType): string {
  return TypedSearchAttributes.toMetadataType(type);
}

function typeName(indexed: IndexedValueType): string {
  const type = (Object.keys(indexedValueTypes) as SearchAttributeType[]).find((t) => indexedValueTypes[t] === indexed);
  return type ? cliType(type) : `IndexedValueType ${indexed}`;
}

function describeError(err: unknown): string {
  if (isGrpcServiceError(err)) return `${grpcCodeName(err.code)}: ${err.details || err.message}`;
  return err instanceof Error ? err.message : String(err);
}

function grpcCodeName(code: number): string {
  const names: Record<number, string> = {
    1: 'CANCELLED', 2: 'UNKNOWN', 3: 'INVALID_ARGUMENT', 4: 'DEADLINE_EXCEEDED', 5: 'NOT_FOUND', 6: 'ALREADY_EXISTS',
    7: 'PERMISSION_DENIED', 8: 'RESOURCE_EXHAUSTED', 9: 'FAILED_PRECONDITION', 10: 'ABORTED', 11: 'OUT_OF_RANGE',
    12: 'UNIMPLEMENTED', 13: 'INTERNAL', 14: 'UNAVAILABLE', 15: 'DATA_LOSS', 16: 'UNAUTHENTICATED',
  };
  return names[code] ?? `gRPC code ${code}`;
}

function codeOf(err: unknown): number | undefined {
  return isGrpcServiceError(err) ? err.code : undefined;
}

/** Start-up refused: the namespace is not ready and the service could not make it so. */
export class TemporalSetupError extends Error {
  constructor(
    public readonly problems: string[],
    public readonly fixes: string[],
  ) {
    super(
      `Temporal is not ready for this service:\n  - ${problems.join('\n  - ')}` +
        (fixes.length ? `\nAs a Temporal operator, run:\n  ${fixes.join('\n  ')}\nthen start the service again.` : ''),
    );
    this.name = 'TemporalSetupError';
  }
}

export interface NamespaceRequirements {
  /** host:port of the frontend, for the messages and the commands they suggest. */
  address: string;
  namespace: string;
  /** Retention of closed workflows' histories, used only when the namespace has to be registered. */
  retentionDays: number;
  searchAttributes: ReadonlyArray<SearchAttributeKey>;
  log: Logger;
  /** How long to wait for the namespace and the attributes to show (and for transient errors); 30 s. */
  timeoutMs?: number;
}

export interface NamespaceOutcome {
  namespaceRegistered: boolean;
  searchAttributesAdded: string[];
}

export async function ensureTemporalNamespace(connection: Connection, req: NamespaceRequirements): Promise<NamespaceOutcome> {
  const deadline = Date.now() + (req.timeoutMs ?? 30_000);
  const namespaceRegistered = await ensureNamespace(connection, req, deadline);
  const searchAttributesAdded = await ensureSearchAttributes(connection, req, deadline);
  return { namespaceRegistered, searchAttributesAdded };
}

/** Waits a little longer each time (100 ms up to 1 s); false once the deadline has passed. */
function backoff(deadline: number) {
  let delay = 100;
  return async (): Promise<boolean> => {
    const wait = Math.min(delay, deadline - Date.now());
    if (wait <= 0) return false;
    await new Promise((r) => setTimeout(r, wait));
    delay = Math.min(delay * 2, 1_000);
    return true;
  };
}

function namespaceCreateCommand(req: NamespaceRequirements): string {
  return `temporal operator namespace create --address ${req.address} --namespace ${req.namespace} --retention ${req.retentionDays * 24}h`;
}

function attributeCreateCommand(req: NamespaceRequirements, key: SearchAttributeKey): string {
  return `temporal operator search-attribute create --address ${req.address} --namespace ${req.namespace} --name ${key.name} --type ${cliType(key.type)}`;
}

async function ensureNamespace(connection: Connection, req: NamespaceRequirements, deadline: number): Promise<boolean> {
  const { namespace } = req;
  let registered = false;
  let triedToRegister = false;
  const pause = backoff(deadline);
  for (;;) {
    let lastError: unknown;
    try {
      const described = await connection.workflowService.describeNamespace({ namespace });
      if (described.namespaceInfo?.state === temporal.api.enums.v1.NamespaceState.NAMESPACE_STATE_DELETED) {
        throw new TemporalSetupError([`namespace "${namespace}" at ${req.address} is being deleted`], [`wait until it is gone, then: ${namespaceCreateCommand(req)}`]);
      }
      return registered;
    } catch (err) {
      if (err instanceof TemporalSetupError) throw err;
      lastError = err;
      if (codeOf(err) === grpc.NOT_FOUND && !triedToRegister) {
        triedToRegister = true;
        registered = await registerNamespace(connection, req);
        continue; // describe again: a namespace just registered can take a moment to be served
      }
      if (codeOf(err) !== grpc.NOT_FOUND && !transientCodes.has(codeOf(err) ?? -1)) {
        throw new TemporalSetupError(
          [`could not look up namespace "${namespace}" at ${req.address} (TEMPORAL_ADDRESS / TEMPORAL_NAMESPACE): ${describeError(err)}`],
          codeOf(err) === undefined ? [] : [`temporal operator namespace describe --address ${req.address} --namespace ${namespace}`],
        );
      }
    }
    if (!(await pause())) {
      throw new TemporalSetupError(
        [`namespace "${namespace}" at ${req.address} ${triedToRegister ? 'was registered but is still not served' : 'did not answer'} after ${Math.round((req.timeoutMs ?? 30_000) / 1000)} s: ${describeError(lastError)}`],
        [],
      );
    }
  }
}

/** Registers the namespace; true when this call did it, false when someone else just had (a concurrent start). */
async function registerNamespace(connection: Connection, req: NamespaceRequirements): Promise<boolean> {
  try {
    await connection.workflowService.registerNamespace({
      namespace: req.namespace,
      description: 'Break@Work journeys (registered by the service at start-up)',
      workflowExecutionRetentionPeriod: msToTs(req.retentionDays * 24 * 60 * 60 * 1000),
    });
    req.log.info('Temporal namespace registered', { namespace: req.namespace, retentionDays: req.retentionDays });
    return true;
  } catch (err) {
    if (codeOf(err) === grpc.ALREADY_EXISTS) return false;
    throw new TemporalSetupError(
      [`namespace "${req.namespace}" does not exist at ${req.address} and could not be registered: ${describeError(err)}`],
      [namespaceCreateCommand(req), ...req.searchAttributes.map((key) => attributeCreateCommand(req, key))],
    );
  }
}

interface Survey {
  missing: Array<SearchAttributeKey>;
  /** Same name, another type: cannot be changed in place. */
  conflicting: Array<{ key: SearchAttributeKey; actual: IndexedValueType }>;
}

async function survey(connection: Connection, req: NamespaceRequirements): Promise<Survey> {
  const listed = await connection.operatorService.listSearchAttributes({ namespace: req.namespace });
  const existing = { ...listed.systemAttributes, ...listed.customAttributes };
  const result: Survey = { missing: [], conflicting: [] };
  for (const key of req.searchAttributes) {
    const actual = existing[key.name];
    if (actual === undefined || actual === null) result.missing.push(key);
    else if (actual !== indexedValueTypes[key.type]) result.conflicting.push({ key, actual });
  }
  return result;
}

function conflictError(req: NamespaceRequirements, found: Survey, missingBecause?: string): TemporalSetupError {
  const problems = [
    ...found.conflicting.map(
      ({ key, actual }) =>
        `search attribute ${key.name} exists in namespace "${req.namespace}" with type ${typeName(actual)}; this service needs type ${cliType(key.type)} (a type cannot be changed in place)`,
    ),
    ...found.missing.map((key) => `search attribute ${key.name} (type ${cliType(key.type)}) is missing in namespace "${req.namespace}"${missingBecause ? ` and could not be added: ${missingBecause}` : ''}`),
  ];
  const fixes = [
    ...found.conflicting.flatMap(({ key }) => [
      `temporal operator search-attribute remove --address ${req.address} --namespace ${req.namespace} --name ${key.name}   # only if nothing else uses it; otherwise set TEMPORAL_NAMESPACE to another namespace`,
      attributeCreateCommand(req, key),
    ]),
    ...found.missing.map((key) => attributeCreateCommand(req, key)),
  ];
  return new TemporalSetupError(problems, fixes);
}

/**
 * NOT_FOUND counts as "not yet" here: the namespace exists (checked before), but the operator service
 * answers from the server's namespace registry, which learns of a namespace just registered only at
 * its next refresh (up to 10 s with the server's defaults).
 */
const transientForAttributes = (err: unknown) => transientCodes.has(codeOf(err) ?? -1) || codeOf(err) === grpc.NOT_FOUND;

async function ensureSearchAttributes(connection: Connection, req: NamespaceRequirements, deadline: number): Promise<string[]> {
  const added = new Set<string>();
  const pause = backoff(deadline);
  let lastProblem = '';
  for (;;) {
    let found: Survey | undefined;
    try {
      found = await survey(connection, req);
    } catch (err) {
      if (!transientForAttributes(err)) {
        throw new TemporalSetupError(
          [`could not list the search attributes of namespace "${req.namespace}" at ${req.address}: ${describeError(err)}`],
          [`temporal operator search-attribute list --address ${req.address} --namespace ${req.namespace}`, ...req.searchAttributes.map((key) => attributeCreateCommand(req, key))],
        );
      }
      lastProblem = describeError(err);
    }
    if (found) {
      if (found.conflicting.length) throw conflictError(req, found);
      if (!found.missing.length) {
        if (added.size) req.log.info('Temporal search attributes added', { namespace: req.namespace, names: [...added] });
        else req.log.debug('Temporal search attributes present', { namespace: req.namespace });
        return [...added];
      }
      // Added (by us or by a replica starting alongside) but not listed yet: wait for the listing.
      const toAdd = found.missing.filter((key) => !added.has(key.name));
      lastProblem = `not listed yet: ${found.missing.map((k) => k.name).join(', ')}`;
      if (toAdd.length) {
        try {
          await connection.operatorService.addSearchAttributes({
            namespace: req.namespace,
            searchAttributes: Object.fromEntries(toAdd.map((key) => [key.name, indexedValueTypes[key.type]])),
          });
          for (const key of toAdd) added.add(key.name);
          continue; // list again at once: often they already show
        } catch (err) {
          const code = codeOf(err);
          // ALREADY_EXISTS: a concurrent start added them first; the next listing shows with which type.
          if (code !== grpc.ALREADY_EXISTS && !transientForAttributes(err)) {
            // Maybe a concurrent start added them in between (then all is well); otherwise it is final.
            const again = await survey(connection, req).catch(() => found);
            if (again.conflicting.length || again.missing.length) throw conflictError(req, again, describeError(err));
            continue;
          }
          lastProblem = describeError(err);
        }
      }
    }
    if (!(await pause())) {
      const names = req.searchAttributes.map((k) => k.name).join(', ');
      throw new TemporalSetupError(
        [`the search attributes ${names} of namespace "${req.namespace}" at ${req.address} were not all listed within ${Math.round((req.timeoutMs ?? 30_000) / 1000)} s (${lastProblem})`],
        [`temporal operator search-attribute list --address ${req.address} --namespace ${req.namespace}`, ...req.searchAttributes.map((key) => attributeCreateCommand(req, key))],
      );
    }
  }
}
