// A real view of a failed load, made the way the background makes it (ReadyViews over a
// snapshot store), for the tests of what the popup does with it.

import { recordFailure, startLoad } from '../../../src/capture/navigation-state';
import { ReadyViews } from '../../../src/background/ready-views';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import type { StorageAreaLike } from '../../../src/storage/write-behind';
import { fitSnapshot } from '../../../src/storage/snapshot-budget';
import { TabSnapshotStore } from '../../../src/storage/tab-snapshots';
import { WriteBehindState } from '../../../src/storage/write-behind';
import type { SnapshotSource } from '../../../src/views/resolve-view';
import type { SnapshotView } from '../../../src/views/snapshot-view';
import { FakeStorageArea } from '../fakes/storage-area';
import { NOW } from './snapshots';

export const EXPIRED_URL = 'https://expired.lab.test/';

export interface MadeView {
  readonly views: ReadyViews;
  readonly tabs: TabSnapshotStore;
  /** The views ReadyViews reported as stored, in order. */
  readonly stored: SnapshotView[];
}

/**
 * Tab `tabId` failed with SEC_ERROR_EXPIRED_CERTIFICATE ("Error code 2153390069") on
 * EXPIRED_URL; its view is made and stored in `session` (a fresh fake by default).
 */
export async function expiredTabView(tabId: number, session: StorageAreaLike = new FakeStorageArea(), now = NOW): Promise<MadeView> {
  const tabs = new TabSnapshotStore(
    new WriteBehindState(new FakeStorageArea(), 0, (callback) => {
      callback();
    }),
    fitSnapshot,
  );
  const snapshot = recordFailure(startLoad(tabId, EXPIRED_URL, now - 1000), tabId, EXPIRED_URL, 'Error code 2153390069', now - 500);
  if (!snapshot) throw new Error('expected a failure');
  await tabs.update(tabId, () => snapshot);
  const source: SnapshotSource = {
    read: (id) => tabs.read(id),
    readAll: () => Promise.resolve([]),
    activeTab: () => Promise.resolve(null),
    incident: () => Promise.resolve(undefined),
    clock: () => Promise.resolve(null),
    badgeText: () => Promise.resolve(''),
    environment: () => Promise.resolve({ os: 'linux', firefoxVersion: '153.8.0', captivePortal: 'not_captive' }),
    lastGood: () => Promise.resolve(null),
    remembered: () => Promise.resolve([]),
    settings: () => Promise.resolve(DEFAULT_SETTINGS),
    now: () => now,
  };
  const stored: SnapshotView[] = [];
  const views = new ReadyViews(
    session,
    source,
    30,
    () => Promise.resolve([tabId]),
    () => undefined,
    undefined,
    (view) => stored.push(view),
  );
  await views.make(tabId);
  return { views, tabs, stored };
}
