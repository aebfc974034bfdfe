// Keeps each tab's view ready for the popup: when a tab's facts change (its snapshot was
// written), or facts every tab depends on change (the clock estimate, the remembered
// certificates, the settings, the captive-portal state), the view is made again here, in the
// background, after the listener that recorded the facts has returned, and stored in
// storage.session under view:<tabId> (memory only: nothing about a private window reaches the
// disk). The popup then only reads and renders.

import type { SetTimer, StorageAreaLike } from '../storage/write-behind';
import { viewOf, type SnapshotSource } from '../views/resolve-view';
import { viewKey, type PopupState, type Probes, type SnapshotView } from '../views/snapshot-view';

interface HeldProbes {
  /** The load the checks were run on: a new load of the tab starts without them. */
  readonly startedAt: number;
  readonly probes: Probes;
}

export class ReadyViews {
  private readonly dirty = new Set<number>();
  private timer = false;
  private readonly queues = new Map<number, Promise<unknown>>();
  private readonly probes = new Map<number, HeldProbes>();
  private lastClock: string | null = null;
  /** The views as stored, for the popup's synchronous read (src/shared/popup-handoff.ts). */
  private readonly latest = new Map<number, SnapshotView>();

  constructor(
    private readonly session: StorageAreaLike,
    private readonly source: SnapshotSource,
    /** How long to wait for more facts before making the view (a load brings a burst). */
    private readonly delayMs: number,
    private readonly tabIds: () => Promise<readonly number[]>,
    private readonly setTimer: SetTimer = (callback, delayMs) => setTimeout(callback, delayMs),
    private readonly reportError: (error: unknown) => void = () => undefined,
    /** Called with each view stored (the background loads its words for the popup). */
    private readonly onStored: (view: SnapshotView) => void = () => undefined,
  ) {}

  /** The facts of one tab changed. */
  schedule(tabId: number): void {
    this.dirty.add(tabId);
    if (this.timer) return;
    this.timer = true;
    this.setTimer(() => {
      this.timer = false;
      const ids = [...this.dirty];
      this.dirty.clear();
      for (const id of ids) this.make(id).catch(this.reportError);
    }, this.delayMs);
  }

  /** Facts every tab's view depends on changed. */
  scheduleAll(): void {
    this.tabIds()
      .then((ids) => {
        for (const id of ids) this.schedule(id);
      })
      .catch(this.reportError);
  }

  /** New clock samples were stored: the views change only if the estimate did. */
  clockSampled(): void {
    this.source
      .clock()
      .then((clock) => {
        const key = JSON.stringify(clock);
        if (key === this.lastClock) return;
        this.lastClock = key;
        this.scheduleAll();
      })
      .catch(this.reportError);
  }

  /** Makes the tab's view now (with the person's checks, when given) and stores it. */
  make(tabId: number, probes?: Probes): Promise<PopupState> {
    const run = async (): Promise<PopupState> => {
      const snapshot = await this.source.read(tabId);
      if (!snapshot) {
        this.latest.delete(tabId);
        await this.session.remove(viewKey(tabId));
        return { kind: 'no-record', tabId };
      }
      if (probes)
        this.probes.set(tabId, { startedAt: snapshot.startedAt, probes: { ...this.heldProbes(tabId, snapshot.startedAt), ...probes } });
      const state = await viewOf(snapshot, this.source, this.heldProbes(tabId, snapshot.startedAt));
      if (state.kind === 'snapshot') {
        this.latest.set(tabId, state);
        this.onStored(state);
        await this.session.set({ [viewKey(tabId)]: state });
      } else {
        this.latest.delete(tabId);
        await this.session.remove(viewKey(tabId));
      }
      return state;
    };
    // One tab's views are made one after another, so an older one never overwrites a newer one.
    const next = (this.queues.get(tabId) ?? Promise.resolve()).then(run, run);
    const tail = next.catch(() => undefined);
    this.queues.set(tabId, tail);
    void tail.then(() => {
      if (this.queues.get(tabId) === tail) this.queues.delete(tabId);
    });
    return next;
  }

  /** The tab's view as last stored, if any. */
  ready(tabId: number): SnapshotView | undefined {
    return this.latest.get(tabId);
  }

  /** The tab was closed (its snapshot removed): its view goes too, after any still being made. */
  forget(tabId: number): Promise<void> {
    this.probes.delete(tabId);
    this.dirty.delete(tabId);
    return this.make(tabId).then(() => undefined);
  }

  private heldProbes(tabId: number, startedAt: number): Probes {
    const held = this.probes.get(tabId);
    return held && held.startedAt === startedAt ? held.probes : {};
  }
}
