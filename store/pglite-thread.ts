/**
 * Embedded PGlite, run in its own worker thread. Two reasons: its WebAssembly PostgreSQL never
 * blocks the API's event loop, and Node loads it natively — PGlite's CommonJS build loads `fs`,
 * `node:module` & co. with dynamic `import()`, which jest's module sandbox refuses unless Node runs
 * with --experimental-vm-modules. The worker is a short CommonJS script kept here as a string.
 */
import { Worker } from 'node:worker_threads';

export interface PgliteResult {
  rows: Record<string, unknown>[];
  fields: { name: string; dataTypeID: number }[];
}

/** Database error fields kept across the thread boundary (the same names as pg's DatabaseError). */
export interface DatabaseErrorFields {
  code?: string;
  detail?: string;
  constraint?: string;
  table?: string;
  column?: string;
  schema?: string;
}

type Reply = { id: number; rows?: PgliteResult['rows']; fields?: PgliteResult['fields']; error?: SerialisedError };
type SerialisedError = { message: string } & Record<string, unknown>;

const workerSource = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { createRequire } = require('node:module');
const { PGlite } = createRequire(workerData.requireFrom)('@electric-sql/pglite');

const errorFields = ['code', 'detail', 'hint', 'constraint', 'table', 'column', 'schema', 'severity', 'position', 'where'];
function serialise(error) {
  const out = { message: error instanceof Error ? error.message : String(error) };
  for (const field of errorFields) if (error && error[field] !== undefined) out[field] = error[field];
  return out;
}

// Types listed in textOids come back as text: the main thread parses them like the pg driver does.
const asText = (value) => value;
const db = new PGlite({
  dataDir: workerData.dataDir,
  parsers: Object.fromEntries(workerData.textOids.map((oid) => [oid, asText])),
});
db.waitReady.then(
  () => parentPort.postMessage({ id: 0 }),
  (error) => parentPort.postMessage({ id: 0, error: serialise(error) }),
);
parentPort.on('message', async ({ id, op, sql, params }) => {
  try {
    if (op === 'query') {
      const result = await db.query(sql, params);
      parentPort.postMessage({ id, rows: result.rows, fields: result.fields });
    } else if (op === 'exec') {
      await db.exec(sql);
      parentPort.postMessage({ id });
    } else if (op === 'close') {
      await db.close();
      parentPort.postMessage({ id });
    }
  } catch (error) {
    parentPort.postMessage({ id, error: serialise(error) });
  }
});
`;

function rebuildError(error: SerialisedError): Error {
  const { message, ...fields } = error;
  return Object.assign(new Error(message), fields);
}

export class PgliteThread {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>();
  private failure: Error | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: Reply) => {
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.error) waiter.reject(rebuildError(reply.error));
      else waiter.resolve(reply);
    });
    const fail = (error: Error) => {
      this.failure = error;
      for (const waiter of this.pending.values()) waiter.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`The PGlite thread exited (code ${code}).`)));
  }

  /** Starts the thread and waits until PGlite is ready; in memory when `dataDir` is undefined. */
  static async start(options: { dataDir?: string; textOids: number[] }): Promise<PgliteThread> {
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: { requireFrom: __filename, dataDir: options.dataDir, textOids: options.textOids },
    });
    const thread = new PgliteThread(worker);
    try {
      await thread.call(0, {});
    } catch (error) {
      await worker.terminate();
      throw error;
    }
    return thread;
  }

  async query(sql: string, params: readonly unknown[]): Promise<PgliteResult> {
    const reply = await this.call(this.nextId++, { op: 'query', sql, params });
    return { rows: reply.rows ?? [], fields: reply.fields ?? [] };
  }

  async exec(sql: string): Promise<void> {
    await this.call(this.nextId++, { op: 'exec', sql });
  }

  async close(): Promise<void> {
    try {
      await this.call(this.nextId++, { op: 'close' });
    } finally {
      await this.worker.terminate();
    }
  }

  /** Sends a message (none for id 0: the ready signal) and waits for the reply with the same id. */
  private call(id: number, message: { op?: string; sql?: string; params?: readonly unknown[] }): Promise<Reply> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<Reply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // Keep the process alive only while a reply is awaited: a forgotten close() never hangs it.
      this.worker.ref();
      if (id !== 0) this.worker.postMessage({ id, ...message });
    });
  }
}
