// Which load the popup explains, and in what state it is. Resolved from the page's query
// (popup.html?tabId=N or ?url=U, for tests and deep links) or else from the active tab.

import type { SkewEstimate } from '../src/core/clock/skew';
import type { CertificateMemory } from '../src/core/continuity/memory';
import { diagnose } from '../src/diagnosis/diagnose';
import type { ProxyFinding } from '../src/diagnosis/proxy-settings';
import type { Diagnosis, ProbeResult } from '../src/diagnosis/types';
import type { Settings } from '../src/shared/settings';
import type { TabSnapshot } from '../src/shared/tab-snapshot';
import { newestSnapshotForUrl } from '../src/storage/tab-snapshots';

/** Facts about this browser and device, read when the popup opens. */
export interface Environment {
  readonly os: string;
  readonly firefoxVersion: string;
  /** browser.captivePortal.getState(): unknown, not_captive, unlocked_portal, locked_portal. */
  readonly captivePortal: string;
}

export interface SnapshotView {
  readonly kind: 'snapshot';
  readonly snapshot: TabSnapshot;
  readonly clock: SkewEstimate | null;
  /** The toolbar badge Cert Doctor shows on that tab ("" for none). */
  readonly badgeText: string;
  readonly environment: Environment | null;
  /** The last good certificate Cert Doctor remembers for this site, if any. */
  readonly lastGood: CertificateMemory | null;
  readonly diagnosis: Diagnosis;
  /** The time the view was made (or the incident's time): relative dates count from it. */
  readonly now: number;
  /** Set when this is a past incident from the history, not a tab's current load. */
  readonly incidentAt?: number;
}

/** Checks the person ran from the popup (each one sends a request, and only when clicked). */
export interface Probes {
  readonly www?: ProbeResult;
  readonly proxy?: ProxyFinding;
}

export type PopupState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'no-record'; readonly tabId: number | null }
  /** Not a website over https: an http page, a Firefox page (about:), a file, an extension page. */
  | { readonly kind: 'not-https'; readonly scheme: string | null; readonly url: string | null }
  | SnapshotView
  | { readonly kind: 'broken'; readonly message: string };

export type PopupTarget =
  | { readonly tabId: number }
  | { readonly url: string }
  | { readonly incident: string }
  | { readonly activeTab: true };

export function targetFromQuery(search: string): PopupTarget {
  const params = new URLSearchParams(search);
  const tabId = params.get('tabId');
  if (tabId !== null && /^\d+$/.test(tabId)) return { tabId: Number(tabId) };
  const url = params.get('url');
  if (url) return { url };
  const incident = params.get('incident');
  if (incident) return { incident };
  return { activeTab: true };
}

/** A past incident as the history keeps it. */
export interface StoredIncident {
  readonly at: number;
  readonly snapshot: TabSnapshot;
  readonly clock: SkewEstimate | null;
}

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

function schemeOf(url: string | null): string | null {
  if (url === null) return null;
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  return match?.[1]?.toLowerCase() ?? null;
}

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
  const found = result.snapshot;
  if (schemeOf(found.url) === 'http') return { kind: 'not-https', scheme: 'http', url: found.url };
  const incident = result.incident;
  const [clock, badgeText, environment, lastGood, remembered, settings] = await Promise.all([
    incident ? Promise.resolve(incident.clock) : source.clock(),
    // The badge belongs to the tab as it is now, not to a past incident.
    incident ? Promise.resolve('') : source.badgeText(found.tabId).catch(() => ''),
    source.environment().catch(() => null),
    source.lastGood(found.url).catch(() => null),
    source.remembered().catch(() => []),
    source.settings(),
  ]);
  const now = incident?.at ?? source.now();
  const diagnosis = diagnose(
    found,
    {
      os: environment?.os ?? null,
      firefoxVersion: environment?.firefoxVersion ?? null,
      captivePortal: environment?.captivePortal ?? null,
      clock,
      // A past incident is judged as of its own time.
      now,
      warnBeforeExpiry: settings.warnBeforeExpiry,
    },
    { lastGood, remembered, probes },
  );
  return { kind: 'snapshot', snapshot: found, clock, badgeText, environment, lastGood, diagnosis, now, ...(incident ? { incidentAt: incident.at } : {}) };
}
