// Which load a page explains, and in what state it is, computed from the facts: resolved from
// the page's query (tabId=N, url=U, incident=ID) or else from the active tab. The background
// runs it to keep each tab's view ready; the report page runs it for its own, fuller use.

import type { CertificateMemory } from '../core/continuity/memory';
import type { SkewEstimate } from '../core/clock/skew';
import type { Settings } from '../shared/settings';
import type { TabSnapshot } from '../shared/tab-snapshot';
import { schemeOf } from '../shared/url';
import { newestSnapshotForUrl } from '../storage/tab-snapshots';
import { buildSnapshotView } from './build-view';
import type { Environment, PopupState, PopupTarget, Probes, StoredIncident } from './snapshot-view';

export interface SnapshotSource {
  read(tabId: number): Promise<TabSnapshot | undefined>;
  readAll(): Promise<TabSnapshot[]>;
  /** The active tab: its id, and its URL when Firefox lets the extension see it (not for about: pages). */
  activeTab(): Promise<{ readonly id: number; readonly url: string | null } | null>;
  incident(id: string): Promise<StoredIncident | undefined>;
  clock(): Promise<SkewEstimate | null>;
  badgeText(tabId: number): Promise<string>;
  environment(): Promise<Environment | null>;
  lastGood(url: string): Promise<CertificateMemory | null>;
  /** Every remembered site (interception seen elsewhere); empty when remembering is off. */
  remembered(): Promise<readonly CertificateMemory[]>;
  settings(): Promise<Settings>;
  now(): number;
}

type Found =
  | { readonly snapshot: TabSnapshot; readonly incident?: StoredIncident }
  | { readonly notHttps: { readonly scheme: string | null; readonly url: string | null } }
  | { readonly missing: number | null };

async function findSnapshot(target: PopupTarget, source: SnapshotSource): Promise<Found> {
  if ('url' in target) {
    const snapshot = newestSnapshotForUrl(await source.readAll(), target.url);
    return snapshot ? { snapshot } : { missing: null };
  }
  if ('incident' in target) {
    const incident = await source.incident(target.incident);
    return incident ? { snapshot: incident.snapshot, incident } : { missing: null };
  }
  if ('tabId' in target) {
    const snapshot = await source.read(target.tabId);
    return snapshot ? { snapshot } : { missing: target.tabId };
  }
  const tab = await source.activeTab();
  if (!tab) return { missing: null };
  const scheme = schemeOf(tab.url);
  // Firefox hides the URL of about: and other internal pages from extensions: null.
  if (scheme !== 'https') return { notHttps: { scheme, url: tab.url } };
  const snapshot = await source.read(tab.id);
  return snapshot ? { snapshot } : { missing: tab.id };
}

export async function resolvePopupState(target: PopupTarget, source: SnapshotSource, probes: Probes = {}): Promise<PopupState> {
  const result = await findSnapshot(target, source);
  if ('missing' in result) return { kind: 'no-record', tabId: result.missing };
  if ('notHttps' in result) return { kind: 'not-https', ...result.notHttps };
  return viewOf(result.snapshot, source, probes, result.incident);
}

/** The view of one snapshot (a tab's current load, or a past incident). */
export async function viewOf(
  found: TabSnapshot,
  source: SnapshotSource,
  probes: Probes = {},
  incident?: StoredIncident,
): Promise<PopupState> {
  if (schemeOf(found.url) === 'http') return { kind: 'not-https', scheme: 'http', url: found.url };
  const [clock, badgeText, environment, lastGood, remembered, settings] = await Promise.all([
    incident ? Promise.resolve(incident.clock) : source.clock(),
    // The badge belongs to the tab as it is now, not to a past incident.
    incident ? Promise.resolve('') : source.badgeText(found.tabId).catch(() => ''),
    source.environment().catch(() => null),
    source.lastGood(found.url).catch(() => null),
    source.remembered().catch(() => []),
    source.settings(),
  ]);
  // A past incident is judged as of its own time.
  const now = incident?.at ?? source.now();
  return buildSnapshotView(found, {
    clock,
    badgeText,
    environment,
    lastGood,
    remembered,
    settings,
    now,
    probes,
    ...(incident ? { incidentAt: incident.at } : {}),
  });
}
