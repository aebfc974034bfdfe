// The popup's (and the report page's) view of the extension's storage and of Firefox: the
// SnapshotSource that resolvePopupState reads, over the real browser APIs. Read only: these
// pages never record anything.

import type { Browser } from 'webextension-polyfill';
import { CLOCK_KEY, storedClockSamples } from '../src/capture/clock-samples';
import { estimateSkew } from '../src/core/clock/skew';
import { SETTINGS_KEY, settingsFrom, type Settings } from '../src/shared/settings';
import { toolbarButton } from '../src/shared/toolbar-button';
import { ContinuityStore } from '../src/storage/continuity-store';
import { IncidentHistory } from '../src/storage/incident-history';
import { TabSnapshotReader } from '../src/storage/tab-snapshots';
import type { Environment, SnapshotSource } from './popup-state';

/** Opens one of Cert Doctor's own pages (path under the extension, with its query) in a new tab. */
export function openExtensionTab(browser: Browser, path: string): void {
  browser.tabs.create({ url: browser.runtime.getURL(path) }).catch(() => undefined);
}

export function readSettings(browser: Browser): Promise<Settings> {
  return browser.storage.local.get(SETTINGS_KEY).then((stored) => settingsFrom(stored[SETTINGS_KEY]));
}

export function browserSource(browser: Browser): SnapshotSource {
  const reader = new TabSnapshotReader(browser.storage.session);
  const continuity = new ContinuityStore(browser.storage.local, { limit: 2000, flushDelayMs: 0 });
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
    settings: () => readSettings(browser),
    now: () => Date.now(),
  };
}
