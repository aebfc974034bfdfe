// The popup's read of what the background keeps ready: the view of the load it is asked about
// (view:<tabId> in storage.session), or the background's answer when no view is ready yet (a
// tab whose view is still being made), when the person ran a check, or for a past incident.
// No diagnosis and no certificate parsing happen here: they are in the background.

import { MINUTE_MS } from '../src/core/time-units';
import { isTabSnapshot, type TabSnapshot } from '../src/shared/tab-snapshot';
import { schemeOf } from '../src/shared/url';
import type { ViewRequest } from '../src/shared/view-message';
import type { HandedWords, PopupHandoff, ReadyForPopup } from '../src/shared/popup-handoff';
import { newestSnapshotForUrl, snapshotKey } from '../src/storage/tab-snapshots';
import { isSnapshotView, viewKey, type PopupState, type PopupTarget, type Probes, type SnapshotView } from '../src/views/snapshot-view';

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
    const snapshots = Object.entries(all).flatMap(([key, value]) =>
      key.startsWith('tab:') && isTabSnapshot(value) ? [value] : ([] as TabSnapshot[]),
    );
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
export const STALE_VIEW_MS = MINUTE_MS;

export interface HandedOver {
  readonly state: SnapshotView;
  /** The language setting; null: the background had not read the settings, the popup reads them itself. */
  readonly language: string | null;
  readonly words: HandedWords | null;
}

/**
 * The tab's ready view straight from the background's memory (src/shared/popup-handoff.ts), with
 * no round trip; null whenever that is not possible, and the popup reads storage instead.
 */
export function readyFromHandoff(tabId: number | null, handoff: PopupHandoff | null): HandedOver | null {
  if (tabId === null || !handoff) return null;
  let ready: Partial<ReadyForPopup>;
  try {
    const json = handoff.readyFor(tabId);
    if (json === null) return null;
    ready = JSON.parse(json) as Partial<ReadyForPopup>;
  } catch {
    return null;
  }
  if (!isSnapshotView(ready.view) || ready.view.snapshot.tabId !== tabId || typeof ready.badgeText !== 'string') return null;
  // Checked where it is used (ui-translator.ts), like a setting read from storage.
  const language = typeof ready.language === 'string' ? ready.language : null;
  return { state: { ...ready.view, badgeText: ready.badgeText }, language, words: handedWords(ready.words) };
}

/** Words from the background: from this extension's own files, still checked for their shape. */
function handedWords(value: unknown): HandedWords | null {
  if (typeof value !== 'object' || value === null) return null;
  const words = value as Partial<HandedWords>;
  const data = words.data as Partial<HandedWords['data']> | undefined;
  const isRecord = (v: unknown): boolean => typeof v === 'object' && v !== null;
  return typeof words.key === 'string' &&
    typeof words.language === 'string' &&
    isRecord(data?.codes) &&
    isRecord(data?.causes) &&
    isRecord(data?.products) &&
    isRecord(data?.codesForOwner)
    ? (words as HandedWords)
    : null;
}
