// The last good certificate per host, in storage.local (it must outlive the browser session to
// say "until yesterday"). The rules live in core/continuity; this class adds the storage:
// - Private windows are never recorded. That is checked here, at the only door to storage,
//   not left to each caller: a private window must leave no trace on disk.
// - The off switch (`enabled` false) records nothing.
// - Writes are batched: memories gathered within `flushDelayMs` go out in one storage write.
//
// Nothing is cached between flushes: each flush reads storage, applies what was gathered and
// writes the result. So a clear() from the options page (another instance over the same area)
// is never undone by a background that still held the old hosts in memory.
// A batch not yet flushed is lost if the event page unloads first; with a delay of seconds
// against Firefox's 30 s idle timeout that costs at most one page's memory.

import {
  parseContinuityState,
  recallCertificate,
  rememberCertificate,
  rememberedHosts,
  type ContinuityState,
} from '../core/continuity/state';
import type { CertificateFacts, CertificateMemory } from '../core/continuity/memory';
import type { StorageAreaLike } from './tab-snapshots';

export const CONTINUITY_KEY = 'continuity';

export type SetTimer = (callback: () => void, delayMs: number) => unknown;

export interface ContinuityStoreOptions {
  /** Most hosts remembered; the least recently seen are dropped beyond it. */
  readonly limit: number;
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
}

interface Sighting {
  readonly facts: CertificateFacts;
  readonly now: number;
}

export class ContinuityStore {
  private pending: Sighting[] = [];
  private timerSet = false;
  // Counts clears, so a write that fails after a clear does not bring its hosts back.
  private clears = 0;
  // Flushes and clears run one after another, so a write never lands after a later clear.
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly area: StorageAreaLike,
    private readonly options: ContinuityStoreOptions,
  ) {
    if (!Number.isInteger(options.limit) || options.limit < 1) throw new RangeError('limit must be a positive integer');
    if (!(options.flushDelayMs >= 0)) throw new RangeError('flushDelayMs must be 0 or more');
  }

  remember(facts: CertificateFacts, context: RememberContext): void {
    if (context.incognito || !context.enabled) return;
    this.pending.push({ facts, now: context.now });
    // A burst longer than the store itself can only be noise; keep the newest.
    if (this.pending.length > this.options.limit) this.pending.splice(0, this.pending.length - this.options.limit);
    this.scheduleFlush();
  }

  /** What is remembered for `host` (port and case ignored), including memories not yet flushed. */
  recall(host: string): Promise<CertificateMemory | undefined> {
    // What is pending now, not after the read: a sighting added meanwhile must not answer.
    const pending = [...this.pending];
    return this.read().then((state) => recallCertificate(this.apply(state, pending), host));
  }

  /** Every remembered host, including memories not yet flushed. */
  async all(): Promise<CertificateMemory[]> {
    return Object.values(this.withPending(await this.read()).hosts);
  }

  async count(): Promise<number> {
    return rememberedHosts(this.withPending(await this.read()));
  }

  /** Writes what was gathered now, in one storage write (none if nothing changed). */
  flush(): Promise<void> {
    return this.enqueue(() => this.write());
  }

  /** Forgets every host, including memories not yet flushed. */
  clear(): Promise<void> {
    this.pending = [];
    this.clears += 1;
    return this.enqueue(() => this.area.remove(CONTINUITY_KEY));
  }

  /**
   * Drops memories not yet flushed, after a clear made elsewhere (the options page): without
   * this, the background's next flush would bring back hosts the person just cleared.
   */
  discardPending(): void {
    this.pending = [];
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
    if (this.pending.length === 0) return;
    const batch = this.pending;
    const clears = this.clears;
    this.pending = [];
    try {
      const stored = await this.read();
      const next = this.apply(stored, batch);
      if (next !== stored) await this.area.set({ [CONTINUITY_KEY]: next });
    } catch (error: unknown) {
      // Keep the batch for the next flush, ahead of anything gathered meanwhile.
      if (clears === this.clears) this.pending = [...batch, ...this.pending];
      throw error;
    }
  }

  private async read(): Promise<ContinuityState> {
    const items = await this.area.get(CONTINUITY_KEY);
    return parseContinuityState(items[CONTINUITY_KEY]);
  }

  private withPending(state: ContinuityState): ContinuityState {
    return this.apply(state, this.pending);
  }

  private apply(state: ContinuityState, sightings: readonly Sighting[]): ContinuityState {
    return sightings.reduce(
      (current, { facts, now }) => rememberCertificate(current, facts, now, this.options.limit),
      state,
    );
  }
}
