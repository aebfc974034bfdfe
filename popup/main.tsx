// Entry point of the popup (also opened as a page: popup.html?tabId=N or ?url=U). It wires the
// browser to the pure view and re-renders when the background records something new.

import browser from 'webextension-polyfill';
import { render } from 'preact';
import { storedClockSamples, CLOCK_KEY } from '../src/capture/clock-samples';
import { estimateSkew } from '../src/core/clock/skew';
import { translatorFrom } from '../src/shared/i18n';
import { toolbarButton } from '../src/shared/toolbar-button';
import { ContinuityStore } from '../src/storage/continuity-store';
import { TabSnapshotReader } from '../src/storage/tab-snapshots';
import { DiagnosisView } from './DiagnosisView';
import { resolvePopupState, targetFromQuery, type Environment, type PopupState, type SnapshotSource } from './popup-state';

const t = translatorFrom((key, substitutions) => browser.i18n.getMessage(key, substitutions));
const locale = browser.i18n.getUILanguage();
const reader = new TabSnapshotReader(browser.storage.session);
// Read only: the popup never records a certificate.
const continuity = new ContinuityStore(browser.storage.local, { limit: 2000, flushDelayMs: 0 });

async function readEnvironment(): Promise<Environment> {
  const [platform, info, captivePortal] = await Promise.all([
    browser.runtime.getPlatformInfo(),
    browser.runtime.getBrowserInfo(),
    browser.captivePortal.getState().catch(() => 'unknown'),
  ]);
  return { os: platform.os, firefoxVersion: info.version, captivePortal };
}

const source: SnapshotSource = {
  read: (tabId) => reader.read(tabId),
  readAll: () => reader.readAll(),
  activeTabId: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? null,
  clock: async () => estimateSkew(storedClockSamples((await browser.storage.session.get(CLOCK_KEY))[CLOCK_KEY])),
  badgeText: (tabId) => toolbarButton(browser).getBadgeText({ tabId }),
  environment: readEnvironment,
  lastGood: async (url) => {
    const host = new URL(url).hostname;
    return (await continuity.recall(host)) ?? null;
  },
};
const target = targetFromQuery(location.search);
const root = document.getElementById('app');

function show(state: PopupState): void {
  if (!root) return;
  const onReload = (tabId: number): void => {
    browser.tabs.reload(tabId).catch(() => undefined);
  };
  const onOpen = (url: string): void => {
    browser.tabs.create({ url }).catch(() => undefined);
  };
  render(<DiagnosisView state={state} t={t} locale={locale} onReload={onReload} onOpen={onOpen} />, root);
}

// Reads can overlap when the background writes in quick succession; only the newest read may
// render, or an older, slower one would put a stale state back on screen.
let latestRead = 0;

async function refresh(): Promise<void> {
  const read = ++latestRead;
  let state: PopupState;
  try {
    state = await resolvePopupState(target, source);
  } catch (error) {
    state = { kind: 'broken', message: error instanceof Error ? error.message : String(error) };
  }
  if (read === latestRead) show(state);
}

document.documentElement.lang = locale;
show({ kind: 'loading' });
void refresh();
browser.storage.session.onChanged.addListener(() => void refresh());
