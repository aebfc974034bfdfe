// The extension's storage and Firefox as a SnapshotSource (src/views/resolve-view.ts), over the
// real browser APIs: read by the background to keep views ready, and by the report page.

import type { Browser } from 'webextension-polyfill';
import { CLOCK_KEY, storedClockSamples } from '../capture/clock-samples';
import { estimateSkew } from '../core/clock/skew';
import { SETTINGS_KEY, settingsFrom } from '../shared/settings';
import { toolbarButton } from '../shared/toolbar-button';
import { ContinuityStore } from '../storage/continuity-store';
import { IncidentHistory } from '../storage/incident-history';
import { TabSnapshotReader } from '../storage/tab-snapshots';
import type { SnapshotSource } from './resolve-view';
import type { Environment } from './snapshot-view';

export function browserSource(browser: Browser): SnapshotSource {
  const reader = new TabSnapshotReader(browser.storage.session);
  const continuity = new ContinuityStore(browser.storage.local, { flushDelayMs: 0 });
  const incidents = new IncidentHistory(browser.storage.local);
  const environment = async (): Promise<Environment> => {
    const [platform, info, captivePortal] = await Promise.all([
      browser.runtime.getPlatformInfo(),
      browser.runtime.getBrowserInfo(),
      browser.captivePortal.getState().catch(() => 'unknown'),
    ]);
    return { os: platform.os, firefoxVersion: info.version, captivePortal };
  };
  return {
    read: (tabId) => reader.read(tabId),
    readAll: () => reader.readAll(),
    activeTab: async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return tab?.id === undefined ? null : { id: tab.id, url: tab.url ?? null };
    },
    incident: (id) => incidents.get(id),
    clock: async () => estimateSkew(storedClockSamples((await browser.storage.session.get(CLOCK_KEY))[CLOCK_KEY])),
    badgeText: (tabId) => toolbarButton(browser).getBadgeText({ tabId }),
    environment,
    lastGood: async (url) => (await continuity.recall(new URL(url).hostname)) ?? null,
    remembered: () => continuity.all(),
    settings: () => browser.storage.local.get(SETTINGS_KEY).then((stored) => settingsFrom(stored[SETTINGS_KEY])),
    now: () => Date.now(),
  };
}
