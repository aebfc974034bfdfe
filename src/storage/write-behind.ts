// Key-value state over a browser.storage area, with an in-memory cache and coalesced writes.
// Capture events arrive in bursts (a page load brings a handful within milliseconds); reading
// storage before every change and writing after it would put a dozen storage round trips on
// each load. Here a change reads storage only the first time a key is seen since the event
// page woke, and all changes made within `delayMs` go out in one write.

export interface StorageAreaLike {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export type SetTimer = (callback: () => void, delayMs: number) => unknown;

/** What to do when storage refuses a value (storage.session's 10 MB quota, a value too large). */
export interface WriteFailureHandling {
  /** A smaller value to store in place of `value`, or undefined when there is none. */
  readonly shrink?: (key: string, value: unknown) => unknown;
  /** Told of a key storage refused even shrunk: removed from storage, still in the cache. */
  readonly onLost?: (key: string, error: unknown) => void;
}

export class WriteBehindState {
  // The cache is only a cache: storage.session is the record, and a restarted background page
  // (an update of the extension) reads it again.
  private readonly cache = new Map<string, unknown>();
  private readonly pending = new Map<string, unknown>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private nextFlush: Promise<void> | null = null;
  private lastWrite: Promise<void> = Promise.resolve();

  constructor(
    private readonly area: StorageAreaLike,
    private readonly delayMs: number,
    // Wrapped: called as a method, the browser's setTimeout throws ("called on an object that
    // does not implement interface Window").
    private readonly setTimer: SetTimer = (callback, delayMs) => setTimeout(callback, delayMs),
    private readonly failures: WriteFailureHandling = {},
  ) {}

  async read(key: string): Promise<unknown> {
    if (this.cache.has(key)) return this.cache.get(key);
    const stored = (await this.area.get(key))[key];
    // A change made while the read was in flight wins over what storage returned.
    if (!this.cache.has(key)) this.cache.set(key, stored);
    return this.cache.get(key);
  }

  /**
   * Applies `change` to the current value of `key` (undefined when absent; return undefined to
   * remove it). Changes of one key run in order. Resolves once the result is in storage.
   */
  update(key: string, change: (previous: unknown) => unknown): Promise<void> {
    // The key's queue waits only for each change to be applied in memory, not for its write,
    // so a burst of changes to one key still goes out in a single write.
    // The flush promise is wrapped in an object: an async function returning a bare promise
    // would wait for it, and the queue would wait for the write after all.
    const apply = async (): Promise<{ readonly written: Promise<void> } | null> => {
      const previous = await this.read(key);
      const next = change(previous);
      if (next === previous) return null;
      this.cache.set(key, next);
      this.pending.set(key, next);
      return { written: this.scheduleFlush() };
    };
    const applied = (this.queues.get(key) ?? Promise.resolve()).then(apply);
    // The tail never rejects, so one failed change does not block the key's later changes.
    const tail = applied.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return applied.then((result) => result?.written);
  }

  /** Forgets the cached value (e.g. after a clear done elsewhere). */
  forget(key: string): void {
    this.cache.delete(key);
  }

  private scheduleFlush(): Promise<void> {
    this.nextFlush ??= new Promise<void>((resolve, reject) => {
      this.setTimer(() => {
        this.nextFlush = null;
        this.flushNow().then(resolve, reject);
      }, this.delayMs);
    });
    return this.nextFlush;
  }

  private async flushNow(): Promise<void> {
    const writes: Record<string, unknown> = {};
    const removals: string[] = [];
    for (const [key, value] of this.pending) {
      if (value === undefined) removals.push(key);
      else writes[key] = value;
    }
    this.pending.clear();
    // After the previous flush, whose key-by-key retries may still run: an older value must
    // never land after a newer one.
    const write = this.lastWrite.then(async () => {
      const work: Promise<void>[] = [];
      if (Object.keys(writes).length > 0) work.push(this.writeBatch(writes));
      if (removals.length > 0) work.push(this.area.remove(removals));
      await Promise.all(work);
    });
    this.lastWrite = write.catch(() => undefined);
    await write;
  }

  /**
   * One write for the whole batch; when storage refuses it, each key on its own, so one value
   * that does not fit (a huge page, a full quota) never costs the others their write. The one
   * refused is shrunk and tried again, and removed if even that fails: an older value left
   * in storage would describe a load that is over.
   */
  private async writeBatch(writes: Record<string, unknown>): Promise<void> {
    try {
      await this.area.set(writes);
      return;
    } catch {
      // Found out key by key below.
    }
    for (const [key, value] of Object.entries(writes)) {
      try {
        await this.area.set({ [key]: value });
      } catch (error: unknown) {
        await this.writeShrunk(key, value, error);
      }
    }
  }

  private async writeShrunk(key: string, value: unknown, refusal: unknown): Promise<void> {
    const smaller = this.failures.shrink?.(key, value);
    if (smaller !== undefined && smaller !== value) {
      try {
        await this.area.set({ [key]: smaller });
        return;
      } catch {
        // Lost after all: below.
      }
    }
    await this.area.remove(key).catch(() => undefined);
    this.failures.onLost?.(key, refusal);
  }
}
