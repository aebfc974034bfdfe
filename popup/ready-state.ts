// The popup's read of what the background keeps ready: the view of the load it is asked about
// (view:<tabId> in storage.session), or the background's answer when no view is ready yet (a
// tab whose view is still being made), when the person ran a check, or for a past incident.
// No diagnosis and no certificate parsing happen here: they are in the background.

import { isTabSnapshot, type TabSnapshot } from '../src/shared/tab-snapshot';
import { schemeOf } from '../src/shared/url';
import type { ViewRequest } from '../src/shared/view-message';
import { newestSnapshotForUrl, snapshotKey } from '../src/storage/tab-snapshots';
import { isSnapshotView, viewKey, type PopupState, type PopupTarget, type Probes } from '../src/views/snapshot-view';

export interface ReadySource {
  /** storage.session.get */
  get(keys: string[] | null): Promise<Record<string, unknown>>;
  activeTab(): Promise<{ readonly id: number; readonly url: string | null } | null>;
  /** runtime.sendMessage to the background. */
  request(message: ViewRequest): Promise<PopupState>;
  badgeText(tabId: number): Promise<string>;
}

/**
 * `probes`: checks the person has just run; the background keeps them with the tab's load and
 * makes its view again (a later read finds them in the ready view).
 */
export async function readPopupState(target: PopupTarget, source: ReadySource, probes?: Probes): Promise<PopupState> {
  if ('incident' in target) return source.request({ type: 'cert-doctor:view', incident: target.incident, ...(probes ? { probes } : {}) });
  if ('url' in target) {
    const all = await source.get(null);
    const snapshots = Object.entries(all).flatMap(([key, value]) => (key.startsWith('tab:') && isTabSnapshot(value) ? [value] : ([] as TabSnapshot[])));
    const found = newestSnapshotForUrl(snapshots, target.url);
    return found ? tabState(found.tabId, source, probes) : { kind: 'no-record', tabId: null };
  }
  if ('tabId' in target) return tabState(target.tabId, source, probes);
  const tab = await source.activeTab();
  if (!tab) return { kind: 'no-record', tabId: null };
  const scheme = schemeOf(tab.url);
  // Firefox hides the URL of about: and other internal pages from extensions: null.
  if (scheme !== 'https') return { kind: 'not-https', scheme, url: tab.url };
  return tabState(tab.id, source, probes);
}

async function tabState(tabId: number, source: ReadySource, probes: Probes | undefined): Promise<PopupState> {
  const [stored, badgeText] = await Promise.all([
    probes ? Promise.resolve({} as Record<string, unknown>) : source.get([viewKey(tabId), snapshotKey(tabId)]),
    // The badge as it is now (the view may have been made before the badge was set).
    source.badgeText(tabId).catch(() => ''),
  ]);
  const ready = stored[viewKey(tabId)];
  if (isSnapshotView(ready)) return { ...ready, badgeText };
  if (!probes && stored[snapshotKey(tabId)] === undefined) return { kind: 'no-record', tabId };
  const made = await source.request({ type: 'cert-doctor:view', tabId, ...(probes ? { probes } : {}) });
  return made.kind === 'snapshot' ? { ...made, badgeText } : made;
}

/** A view made this long ago is shown at once, and made again (relative dates, expiry). */
export const STALE_VIEW_MS = 60_000;
