// Per-tab snapshots in storage.session: kept if the background page restarts (an update of the
// extension), gone when the browser closes, never written to disk. The storage area is injected so unit tests can use a fake.

import { isTabSnapshot, type TabSnapshot } from '../shared/tab-snapshot';
import { storableUrl } from '../shared/url';
import type { StorageAreaLike, WriteBehindState } from './write-behind';

export type { StorageAreaLike } from './write-behind';

const KEY_PREFIX = 'tab:';

export function snapshotKey(tabId: number): string {
  return `${KEY_PREFIX}${tabId}`;
}

/** The smaller snapshot to store when storage refused one (WriteFailureHandling.shrink). */
export function shrinkSnapshotEntry(key: string, value: unknown, fit: (snapshot: TabSnapshot) => TabSnapshot): unknown {
  return key.startsWith(KEY_PREFIX) && isTabSnapshot(value) ? fit(value) : undefined;
}

/** Reads snapshots straight from storage (the popup's side). */
export class TabSnapshotReader {
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
}

/** Keeps a snapshot within its byte budget (snapshot-budget.ts; injected so the popup's bundle,
 * which reads snapshots through this file, carries no certificate parser). */
export type FitSnapshot = (snapshot: TabSnapshot) => TabSnapshot;

/** Changes snapshots through the write-behind cache (the background's side). Every snapshot
 * written passes through `fit`. */
export class TabSnapshotStore {
  constructor(
    private readonly state: WriteBehindState,
    private readonly fit: FitSnapshot,
  ) {}

  async read(tabId: number): Promise<TabSnapshot | undefined> {
    const value = await this.state.read(snapshotKey(tabId));
    return isTabSnapshot(value) ? value : undefined;
  }

  update(tabId: number, change: (previous: TabSnapshot | undefined) => TabSnapshot | undefined): Promise<void> {
    return this.state.update(snapshotKey(tabId), (value) => {
      const previous = isTabSnapshot(value) ? value : undefined;
      const next = change(previous);
      return next === previous ? value : next && this.fit(next);
    });
  }

  remove(tabId: number): Promise<void> {
    return this.update(tabId, () => undefined);
  }
}

/** The snapshot of the newest load of `url` in any tab (for popup.html?url=U). */
export function newestSnapshotForUrl(snapshots: readonly TabSnapshot[], url: string): TabSnapshot | undefined {
  const wanted = normaliseUrl(url);
  return (
    snapshots
      // An http address Firefox upgraded to https by itself is the one the person knows.
      .filter((s) => normaliseUrl(s.url) === wanted || (s.requestedUrl !== undefined && normaliseUrl(s.requestedUrl) === wanted))
      .reduce<TabSnapshot | undefined>((newest, s) => (!newest || s.startedAt > newest.startedAt ? s : newest), undefined)
  );
}

/** Snapshots keep URLs in their stored form (no query or fragment, bounded): so is `?url=U`. */
function normaliseUrl(url: string): string {
  return storableUrl(url) || url;
}
