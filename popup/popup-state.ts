// Which load the popup explains, and in what state it is. Resolved from the page's query
// (popup.html?tabId=N or ?url=U, for tests and deep links) or else from the active tab.

import type { TabSnapshot } from '../src/shared/tab-snapshot';
import { newestSnapshotForUrl } from '../src/storage/tab-snapshots';

export type PopupState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'no-record'; readonly tabId: number | null }
  | { readonly kind: 'snapshot'; readonly snapshot: TabSnapshot }
  | { readonly kind: 'broken'; readonly message: string };

export type PopupTarget = { readonly tabId: number } | { readonly url: string } | { readonly activeTab: true };

export function targetFromQuery(search: string): PopupTarget {
  const params = new URLSearchParams(search);
  const tabId = params.get('tabId');
  if (tabId !== null && /^\d+$/.test(tabId)) return { tabId: Number(tabId) };
  const url = params.get('url');
  if (url) return { url };
  return { activeTab: true };
}

export interface SnapshotSource {
  read(tabId: number): Promise<TabSnapshot | undefined>;
  readAll(): Promise<TabSnapshot[]>;
  activeTabId(): Promise<number | null>;
}

export async function resolvePopupState(target: PopupTarget, source: SnapshotSource): Promise<PopupState> {
  if ('url' in target) {
    const snapshot = newestSnapshotForUrl(await source.readAll(), target.url);
    return snapshot ? { kind: 'snapshot', snapshot } : { kind: 'no-record', tabId: null };
  }
  const tabId = 'tabId' in target ? target.tabId : await source.activeTabId();
  if (tabId === null) return { kind: 'no-record', tabId: null };
  const snapshot = await source.read(tabId);
  return snapshot ? { kind: 'snapshot', snapshot } : { kind: 'no-record', tabId };
}
