// The last good certificate per host, in storage.local (it must outlive the browser session to
// say "until yesterday"). The rules live in core/continuity; this class adds the storage:
// - Private windows are never recorded. That is checked here, at the only door to storage,
//   not left to each caller: a private window must leave no trace on disk.
// - The off switch (`enabled` false) records nothing.
// - Bounded in hosts and bytes (host-table.ts names the bounds and the eviction order), both in
//   storage and in the sightings waiting to be written.
// - Each sighting costs O(1): it is folded into a table of pending memories (one Map lookup and
//   insert), never into a copy of the stored hosts; recall() looks the host up in the pending
//   table and in a table read from storage once, not once per call.
// - Writes are batched: memories gathered within `flushDelayMs` go out in one storage write. A
//   flush reads storage, sorts it once into a table, folds in the pending memories (O(1) each),
//   evicts (O(1) each) and writes: work bounded by the bounds, whatever the size of the burst.
//
// Each flush reads storage afresh rather than trusting the table kept for recall(), so a clear()
// from the options page (another instance over the same area) is never undone by a background
// that still held the old hosts in memory. The table kept for recall() is dropped whenever the
// area reports a change of the key (when it can report changes) and on clear/discardPending.
// A batch not yet flushed is lost if Firefox quits or the background restarts first; with a
// delay of seconds that costs at most the last few pages' memory.

import { DEFAULT_BOUNDS, HostTable, type TableBounds } from '../core/continuity/host-table';
import { normaliseHost, type CertificateFacts, type CertificateMemory } from '../core/continuity/memory';
import { mergeMemory, parseContinuityState, sightingMemory } from '../core/continuity/state';
import type { StorageAreaLike } from './tab-snapshots';

export const CONTINUITY_KEY = 'continuity';

export type SetTimer = (callback: () => void, delayMs: number) => unknown;

/** A storage area that may say when its items change (browser.storage.local does). */
export interface ObservableStorageArea extends StorageAreaLike {
  readonly onChanged?: { addListener(listener: (changes: Record<string, unknown>) => void): void };
}

export interface ContinuityStoreOptions {
  /** Most hosts remembered (default MAX_REMEMBERED_HOSTS); beyond it, evicted in host-table.ts's order. */
  readonly maxHosts?: number;
  /** Most bytes of stored JSON (default MAX_REMEMBERED_BYTES). */
  readonly maxBytes?: number;
  readonly flushDelayMs: number;
  readonly setTimer?: SetTimer;
  /** Where a failed background flush is reported (default: dropped; the next flush retries). */
  readonly onError?: (error: unknown) => void;
}

export interface RememberContext {
  /** The response came from a private window: never recorded. */
  readonly incognito: boolean;
  /** The person's setting. */
  readonly enabled: boolean;
  readonly now: number;
  /** A page the person opened (main_frame), rather than a frame inside one: outranks frame-only hosts. */
  readonly topLevel: boolean;
}

export class ContinuityStore {
  private pending = new HostTable();
  /** The batch a flush is writing, still answered by recall() until the write lands. */
  private writing: HostTable | null = null;
  private readonly bounds: TableBounds;
  /** What storage held at the last read or write, for recall(); null when it may be stale. */
  private stored: Promise<HostTable> | null = null;
  private timerSet = false;
  // Counts clears, so a write that fails after a clear does not bring its hosts back.
  private clears = 0;
  // Flushes and clears run one after another, so a write never lands after a later clear.
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly area: ObservableStorageArea,
    private readonly options: ContinuityStoreOptions,
  ) {
    this.bounds = {
      maxHosts: options.maxHosts ?? DEFAULT_BOUNDS.maxHosts,
      maxBytes: options.maxBytes ?? DEFAULT_BOUNDS.maxBytes,
    };
    if (!Number.isInteger(this.bounds.maxHosts) || this.bounds.maxHosts < 1) throw new RangeError('maxHosts must be a positive integer');
    if (!Number.isInteger(this.bounds.maxBytes) || this.bounds.maxBytes < 1) throw new RangeError('maxBytes must be a positive integer');
    if (!(options.flushDelayMs >= 0)) throw new RangeError('flushDelayMs must be 0 or more');
    area.onChanged?.addListener((changes) => {
      if (CONTINUITY_KEY in changes) this.stored = null;
    });
  }

  /** O(1): folds the sighting into the pending table; a timer writes the batch later. */
  remember(facts: CertificateFacts, context: RememberContext): void {
    if (context.incognito || !context.enabled) return;
    const incoming = sightingMemory(facts, context.now, context.topLevel);
    if (incoming === null) return;
    const next = mergeMemory(this.pending.get(incoming.host), incoming);
    if (next !== null) {
      this.pending.put(next);
      // A burst larger than the store itself can only keep what the store would keep.
      this.pending.evictBeyond(this.bounds);
    }
    this.scheduleFlush();
  }

  /** What is remembered for `host` (port and case ignored), including memories not yet flushed. */
  recall(host: string): Promise<CertificateMemory | undefined> {
    const key = normaliseHost(host);
    if (key === null) return Promise.resolve(undefined);
    // What is pending now, not after the read: a sighting added meanwhile must not answer.
    const pending = this.pending.get(key);
    const writing = this.writing?.get(key);
    return this.storedTable().then((table) => withPending(withPending(table.get(key), writing), pending));
  }

  /** Every remembered host, including memories not yet flushed. */
  async all(): Promise<CertificateMemory[]> {
    const pending = [...(this.writing?.memories() ?? []), ...this.pending.memories()];
    const table = await this.storedTable();
    const merged = new Map(table.memories().map((memory) => [memory.host, memory]));
    for (const memory of pending) {
      const combined = withPending(merged.get(memory.host), memory);
      if (combined) merged.set(memory.host, combined);
    }
    return [...merged.values()];
  }

  async count(): Promise<number> {
    return (await this.all()).length;
  }

  /** Writes what was gathered now, in one storage write (none if nothing changed). */
  flush(): Promise<void> {
    return this.enqueue(() => this.write());
  }

  /** Forgets every host, including memories not yet flushed. */
  clear(): Promise<void> {
    this.discardPending();
    return this.enqueue(() => this.area.remove(CONTINUITY_KEY));
  }

  /**
   * Drops memories not yet flushed, after a clear made elsewhere (the options page): without
   * this, the background's next flush would bring back hosts the person just cleared.
   */
  discardPending(): void {
    this.pending = new HostTable();
    this.writing = null;
    this.stored = null;
    this.clears += 1;
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const result = this.queue.then(task);
    // The queue never stays rejected: one failed write must not block the next.
    this.queue = result.catch(() => undefined);
    return result;
  }

  private scheduleFlush(): void {
    if (this.timerSet) return;
    this.timerSet = true;
    const setTimer = this.options.setTimer ?? setTimeout;
    setTimer(() => {
      this.timerSet = false;
      this.flush().catch((error: unknown) => this.options.onError?.(error));
    }, this.options.flushDelayMs);
  }

  private async write(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    const clears = this.clears;
    this.pending = new HostTable();
    this.writing = batch;
    try {
      const table = await this.read();
      // Cleared while this batch waited for its read: writing now would bring the cleared hosts back.
      if (clears !== this.clears) return;
      let changed = false;
      for (const memory of batch.memories()) {
        const next = mergeMemory(table.get(memory.host), memory);
        if (next !== null) {
          table.put(next);
          changed = true;
        }
      }
      // Also trims a state written under larger bounds (an older version).
      if (table.evictBeyond(this.bounds) > 0) changed = true;
      if (changed) await this.area.set({ [CONTINUITY_KEY]: table.toState() });
      if (clears === this.clears) this.stored = Promise.resolve(table);
    } catch (error: unknown) {
      // Keep the batch for the next flush, with anything gathered meanwhile folded over it.
      if (clears === this.clears) {
        for (const memory of this.pending.memories()) {
          const next = mergeMemory(batch.get(memory.host), memory);
          if (next !== null) batch.put(next);
        }
        batch.evictBeyond(this.bounds);
        this.pending = batch;
      }
      throw error;
    } finally {
      this.writing = null;
    }
  }

  /** The table for recall(): read from storage once, then kept until the key changes. */
  private storedTable(): Promise<HostTable> {
    if (this.stored === null) {
      const reading = this.read();
      this.stored = reading;
      // A failed read is not kept: the next recall reads again.
      reading.catch(() => {
        if (this.stored === reading) this.stored = null;
      });
    }
    return this.stored;
  }

  private async read(): Promise<HostTable> {
    const items = await this.area.get(CONTINUITY_KEY);
    return HostTable.fromState(parseContinuityState(items[CONTINUITY_KEY]));
  }
}

/** The stored memory with pending sightings folded over it. */
function withPending(stored: CertificateMemory | undefined, pending: CertificateMemory | undefined): CertificateMemory | undefined {
  if (pending === undefined) return stored;
  return mergeMemory(stored, pending) ?? stored;
}
