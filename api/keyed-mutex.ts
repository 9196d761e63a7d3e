/**
 * One operation at a time per key, in this process. The API reads a journey (query) and sends it events
 * (update) one after the other: a query that reaches the worker in the same workflow task as an update
 * makes the Temporal SDK fail that task and shut the worker down (seen with SDK 1.24 and CLI 1.5.1).
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const current = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => current);
    this.tails.set(key, tail);
    await previous;
    try {
      return await fn();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
