// Per-tab snapshots in storage.session: kept across event-page unloads, gone when the browser
// closes, never written to disk. The storage area is injected so unit tests can use a fake.

import { isTabSnapshot, type TabSnapshot } from '../shared/tab-snapshot';

export interface StorageAreaLike {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

const KEY_PREFIX = 'tab:';

export function snapshotKey(tabId: number): string {
  return `${KEY_PREFIX}${tabId}`;
}

export class TabSnapshotStore {
  // Updates of one tab run one after another; events of a load arrive within milliseconds and
  // each update reads the previous state. This queue is transient, not state: losing it on
  // unload loses nothing.
  private readonly queues = new Map<number, Promise<unknown>>();

  constructor(private readonly area: StorageAreaLike) {}

  async read(tabId: number): Promise<TabSnapshot | undefined> {
    const key = snapshotKey(tabId);
    const value = (await this.area.get(key))[key];
    return isTabSnapshot(value) ? value : undefined;
  }

  async readAll(): Promise<TabSnapshot[]> {
    const all = await this.area.get(null);
    return Object.entries(all)
      .filter(([key]) => key.startsWith(KEY_PREFIX))
      .map(([, value]) => value)
      .filter(isTabSnapshot);
  }

  update(tabId: number, change: (previous: TabSnapshot | undefined) => TabSnapshot | undefined): Promise<void> {
    const run = async (): Promise<void> => {
      const previous = await this.read(tabId);
      const next = change(previous);
      if (next === previous) return;
      if (next === undefined) await this.area.remove(snapshotKey(tabId));
      else await this.area.set({ [snapshotKey(tabId)]: next });
    };
    // The tail never rejects, so one failed write does not block the tab's later updates.
    const result = (this.queues.get(tabId) ?? Promise.resolve()).then(run);
    const tail = result.catch(() => undefined);
    this.queues.set(tabId, tail);
    void tail.then(() => {
      if (this.queues.get(tabId) === tail) this.queues.delete(tabId);
    });
    return result;
  }

  remove(tabId: number): Promise<void> {
    return this.update(tabId, () => undefined);
  }
}

/** The snapshot of the newest load of `url` in any tab (for popup.html?url=U). */
export function newestSnapshotForUrl(snapshots: readonly TabSnapshot[], url: string): TabSnapshot | undefined {
  const wanted = normaliseUrl(url);
  return snapshots
    .filter((s) => normaliseUrl(s.url) === wanted)
    .reduce<TabSnapshot | undefined>((newest, s) => (!newest || s.startedAt > newest.startedAt ? s : newest), undefined);
}

function normaliseUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}
