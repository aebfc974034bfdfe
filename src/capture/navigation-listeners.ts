// webNavigation listeners for the top frame. They are not blocking: nothing here delays a
// page load. Each one only queues a small storage.session update.

import type { TabSnapshotStore } from '../storage/tab-snapshots';
import { recordCompletion, recordFailure, startLoad } from './navigation-state';

interface FrameDetails {
  readonly tabId: number;
  readonly frameId: number;
  readonly url: string;
}

interface FrameErrorDetails extends FrameDetails {
  // Firefox always sends it ("Error code N"); the polyfill's types, made from Chrome's
  // schema, leave it out.
  readonly error?: string;
}

// Arrow-function properties, not methods: they are passed to addListener detached.
export interface NavigationListeners {
  readonly onBeforeNavigate: (details: FrameDetails) => void;
  readonly onErrorOccurred: (details: FrameErrorDetails) => void;
  readonly onCompleted: (details: FrameDetails) => void;
}

export function createNavigationListeners(
  store: TabSnapshotStore,
  now: () => number,
  reportError: (error: unknown) => void,
): NavigationListeners {
  const isTopFrame = (d: FrameDetails): boolean => d.frameId === 0 && d.tabId >= 0;
  return {
    onBeforeNavigate: (d) => {
      if (!isTopFrame(d)) return;
      store.update(d.tabId, () => startLoad(d.tabId, d.url, now())).catch(reportError);
    },
    onErrorOccurred: (d) => {
      if (!isTopFrame(d)) return;
      store.update(d.tabId, (previous) => recordFailure(previous, d.tabId, d.url, d.error ?? '', now())).catch(reportError);
    },
    onCompleted: (d) => {
      if (!isTopFrame(d)) return;
      store.update(d.tabId, (previous) => recordCompletion(previous, d.tabId, d.url, now())).catch(reportError);
    },
  };
}
