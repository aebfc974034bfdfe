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
}

/** Checks the person ran from the popup (each one sends a request, and only when clicked). */
export interface Probes {
  readonly www?: ProbeResult;
  readonly proxy?: ProxyFinding;
}

export type PopupState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'no-record'; readonly tabId: number | null }
  | SnapshotView
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
  clock(): Promise<SkewEstimate | null>;
  badgeText(tabId: number): Promise<string>;
  environment(): Promise<Environment | null>;
  lastGood(url: string): Promise<CertificateMemory | null>;
  /** Every remembered site (interception seen elsewhere); empty when remembering is off. */
  remembered(): Promise<readonly CertificateMemory[]>;
  settings(): Promise<Settings>;
  now(): number;
}

async function findSnapshot(target: PopupTarget, source: SnapshotSource): Promise<TabSnapshot | number | null> {
  if ('url' in target) return newestSnapshotForUrl(await source.readAll(), target.url) ?? null;
  const tabId = 'tabId' in target ? target.tabId : await source.activeTabId();
  if (tabId === null) return null;
  return (await source.read(tabId)) ?? tabId;
}

export async function resolvePopupState(target: PopupTarget, source: SnapshotSource, probes: Probes = {}): Promise<PopupState> {
  const found = await findSnapshot(target, source);
  if (found === null) return { kind: 'no-record', tabId: null };
  if (typeof found === 'number') return { kind: 'no-record', tabId: found };
  const [clock, badgeText, environment, lastGood, remembered, settings] = await Promise.all([
    source.clock(),
    source.badgeText(found.tabId).catch(() => ''),
    source.environment().catch(() => null),
    source.lastGood(found.url).catch(() => null),
    source.remembered().catch(() => []),
    source.settings(),
  ]);
  const diagnosis = diagnose(
    found,
    {
      os: environment?.os ?? null,
      firefoxVersion: environment?.firefoxVersion ?? null,
      captivePortal: environment?.captivePortal ?? null,
      clock,
      now: source.now(),
      expiryWarningDays: settings.expiryWarningDays,
    },
    { lastGood, remembered, probes },
  );
  return { kind: 'snapshot', snapshot: found, clock, badgeText, environment, lastGood, diagnosis };
}
