// webNavigation listeners. They are not blocking: nothing here delays a page load. Each one
// only queues a small change of the tab's snapshot.

import type { TabSnapshot } from '../shared/tab-snapshot';
import { recordFrameFailure } from './frame-failures';
import { beginNavigation, recordCompletion, recordFailure, recordHttpsOnlyErrorPage } from './navigation-state';

interface FrameDetails {
  readonly tabId: number;
  readonly frameId: number;
  readonly url: string;
}

interface NavigationStartDetails extends FrameDetails {
  /** When the navigation started, in ms since the epoch. */
  readonly timeStamp: number;
}

interface FrameErrorDetails extends FrameDetails {
  // Firefox always sends it ("Error code N"); the polyfill's types, made from Chrome's
  // schema, leave it out.
  readonly error?: string;
}

/** The address of HTTPS-Only mode's "Secure Site Not Available" page, before its query. */
export const HTTPS_ONLY_ERROR_PAGE = 'about:httpsonlyerror';

export type UpdateTab = (tabId: number, change: (previous: TabSnapshot | undefined) => TabSnapshot | undefined) => void;

// Arrow-function properties, not methods: they are passed to addListener detached.
export interface NavigationListeners {
  readonly onBeforeNavigate: (details: NavigationStartDetails) => void;
  readonly onErrorOccurred: (details: FrameErrorDetails) => void;
  readonly onCompleted: (details: FrameDetails) => void;
  /** Registered for about:httpsonlyerror only (HTTPS-Only mode's error page). */
  readonly onHttpsOnlyErrorPage: (details: FrameDetails) => void;
}

export function createNavigationListeners(updateTab: UpdateTab, now: () => number): NavigationListeners {
  return {
    onBeforeNavigate: (d) => {
      if (d.frameId !== 0 || d.tabId < 0) return;
      updateTab(d.tabId, (previous) => beginNavigation(previous, d.tabId, d.url, d.timeStamp, now()));
    },
    onErrorOccurred: (d) => {
      if (d.tabId < 0) return;
      const error = d.error ?? '';
      if (d.frameId === 0) updateTab(d.tabId, (previous) => recordFailure(previous, d.tabId, d.url, error, now()));
      else updateTab(d.tabId, (previous) => recordFrameFailure(previous, d.url, error));
    },
    onCompleted: (d) => {
      if (d.frameId !== 0 || d.tabId < 0) return;
      updateTab(d.tabId, (previous) => recordCompletion(previous, d.tabId, d.url, now()));
    },
    onHttpsOnlyErrorPage: (d) => {
      if (d.frameId !== 0 || d.tabId < 0 || !d.url.startsWith(HTTPS_ONLY_ERROR_PAGE)) return;
      updateTab(d.tabId, recordHttpsOnlyErrorPage);
    },
  };
}
