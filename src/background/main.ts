// The background page (persistent: manifest.json, and README's "How it is built" for why): it
// wires browser events to the capture code and keeps each tab's view ready for the popup.
// Listeners are registered synchronously at the top level, so that a background Firefox starts
// again (after an update of the extension, say) misses no event.

import { MINUTE_MS } from '../core/time-units';
import browser from 'webextension-polyfill';
import { badgeFor } from '../capture/badge';
import { CLOCK_KEY, clockHostOf, recordClockSample, storedClockSamples } from '../capture/clock-samples';
import { estimateSkew } from '../core/clock/skew';
import type { TabSnapshot } from '../shared/tab-snapshot';
import { IncidentHistory } from '../storage/incident-history';
import type { SaveReportMessage, SaveReportReply } from '../shared/save-report-message';
import { dispatcher } from '../shared/messages';
import { createNavigationListeners, HTTPS_ONLY_ERROR_PAGE, type UpdateTab } from '../capture/navigation-listeners';
import { recordCertificateChange, recordRequestError, recordSecurity } from '../capture/navigation-state';
import { compareWithMemory } from '../core/continuity/memory';
import { createRequestListeners, type RequestErrorDetails, type ResponseDetails } from '../capture/request-listeners';
import { contextOf, isGoodCertificate, memoryOf, sendsHsts } from '../capture/response-facts';
import { hostnameOf } from '../shared/url';
import { summariseSecurityInfo } from '../capture/security-info';
import { isConnectionFailure, recordSubresourceFailure } from '../capture/subresource-failures';
import { TabBadges } from '../capture/tab-badges';
import { translatorFrom } from '../shared/i18n';
import { chooseLanguage, firefoxsLanguage } from '../shared/language';
import { translateCount } from '../shared/plural';
import { SETTINGS_KEY, settingsFrom, type Settings } from '../shared/settings';
import { CONTINUITY_KEY, ContinuityStore } from '../storage/continuity-store';
import { shrinkSnapshotEntry, TabSnapshotStore } from '../storage/tab-snapshots';
import { fitSnapshot, SHRUNK_SNAPSHOT_BUDGET_BYTES } from '../storage/snapshot-budget';
import { toolbarButton } from '../shared/toolbar-button';
import { WriteBehindState } from '../storage/write-behind';
import type { CertificateMemory } from '../core/continuity/memory';
import { browserSource } from '../views/browser-source';
import { resolvePopupState, type SnapshotSource } from '../views/resolve-view';
import { ReadyViews } from './ready-views';
import { askCompanion } from './companion';
import { decodeErrorNumber } from '../core/error-codes/decode';
import { servedChainHelps } from '../shared/served-outcome';
import type { PopupState } from '../views/snapshot-view';
import { pageProbes } from '../shared/view-message';
import { CoalescedRuns } from './coalesced-runs';
import { HandoffWords } from './handoff-words';
import { loadGuideWords } from '../guide/guide-words';
import { HANDOFF_PROPERTY, type PopupHandoff, type ReadyForPopup } from '../shared/popup-handoff';

const reportError = (error: unknown): void => {
  console.error('Cert Doctor capture failed:', error);
};

// storage.session: in memory only, so nothing about a private window's tabs reaches the disk.
// A snapshot storage refuses (the quota is full) is stored shrunk; the other tabs' writes of the
// same batch go through whatever happens to it.
const session = new WriteBehindState(browser.storage.session, 25, (callback, delayMs) => setTimeout(callback, delayMs), {
  shrink: (key, value) => shrinkSnapshotEntry(key, value, (snapshot) => fitSnapshot(snapshot, SHRUNK_SNAPSHOT_BUDGET_BYTES)),
  onLost: (key, error) => {
    reportError(new Error(`storage.session refused ${key}: ${String(error)}`));
  },
});
const tabs = new TabSnapshotStore(session, fitSnapshot);
const continuity = new ContinuityStore(browser.storage.local, { flushDelayMs: 2000 });
const incidents = new IncidentHistory(browser.storage.local);
const firefoxT = translatorFrom((key, substitutions) => browser.i18n.getMessage(key, substitutions));
// browser.i18n speaks the language of Firefox's interface, or English when we have no file for it.
const firefoxs = firefoxsLanguage((key) => browser.i18n.getMessage(key));
const badges = new TabBadges(toolbarButton(browser), (key, substitutions, count) =>
  count === undefined ? firefoxT(key, substitutions) : translateCount(firefoxT, firefoxs, key, count, substitutions),
);

// Counts the starts of this background page in the session: a diagnostic, and the tests'
// proof that the persistent page is not unloaded when idle (test/e2e/lifecycle.test.ts).
const BACKGROUND_STARTS_KEY = 'backgroundStarts';
session.update(BACKGROUND_STARTS_KEY, (n) => (typeof n === 'number' ? n : 0) + 1).catch(reportError);

let settings: Promise<Settings> | null = null;
/** The settings last read, for the popup's synchronous read (null until read). */
let settingsRead: Settings | null = null;
const currentSettings = (): Promise<Settings> =>
  (settings ??= browser.storage.local.get(SETTINGS_KEY).then((stored) => (settingsRead = settingsFrom(stored[SETTINGS_KEY]))));

// What the popup shows is made here when the facts change, off the request path, and kept
// ready in storage.session (view:<tabId>); the popup only reads it (ready-views.ts).
const storedFacts = browserSource(browser);
let remembered: Promise<readonly CertificateMemory[]> | null = null;
// The OS and Firefox's version never change while the background runs, and the captive-portal
// state is asked again only when Firefox says it changed: no round trips to the parent process
// for them on each view.
let environment: ReturnType<SnapshotSource['environment']> | null = null;
const viewSource: SnapshotSource = {
  ...storedFacts,
  // The write-behind cache: the snapshot as just written, without a storage round trip.
  read: (tabId) => tabs.read(tabId),
  settings: () => currentSettings(),
  remembered: () => (remembered ??= storedFacts.remembered().catch(() => [])),
  environment: () =>
    (environment ??= storedFacts.environment().catch((error: unknown) => {
      environment = null;
      throw error;
    })),
};
// The words the popup will show with each view: the language it will speak is the setting's,
// or Firefox's own.
const handoffWords = new HandoffWords(
  async (language, needed) => (await loadGuideWords(language, needed, (path) => browser.runtime.getURL(path))).data,
  () => (settingsRead ? chooseLanguage(settingsRead.language, firefoxs) : null),
);
// Views are made when the background's thread is idle (at most a second later), after a short
// pause that gathers a load's burst of facts: never in the way of a listener on the request path.
const whenIdle = (callback: () => void, delayMs: number): unknown =>
  setTimeout(() => requestIdleCallback(callback, { timeout: 1000 }), delayMs);
const readyViews = new ReadyViews(
  browser.storage.session,
  viewSource,
  30,
  async () => (await storedFacts.readAll()).map((snapshot) => snapshot.tabId),
  whenIdle,
  reportError,
  (view) => {
    handoffWords.prepare(view);
    refreshBadge(view.snapshot.tabId);
  },
);

// The popup calls this synchronously through extension.getBackgroundPage (popup-handoff.ts).
const handoff: PopupHandoff = {
  readyFor: (tabId) => {
    const view = readyViews.ready(tabId);
    if (!view) return null;
    const ready: ReadyForPopup = {
      view,
      badgeText: badges.textOf(tabId),
      language: settingsRead?.language ?? null,
      words: handoffWords.wordsFor(view),
    };
    return JSON.stringify(ready);
  },
};
Object.assign(globalThis, { [HANDOFF_PROPERTY]: handoff });

browser.storage.local.onChanged.addListener((changes) => {
  if (SETTINGS_KEY in changes) {
    settings = null;
    settingsRead = null;
    // "Remember certificates" turned off: the background, the one writer of the memory, forgets
    // it in its own write queue, after any write already under way (a clear made from another
    // page could land before that write and be undone by it).
    if (isRememberingTurnedOff(changes[SETTINGS_KEY])) continuity.clear().catch(reportError);
  }
  // Cleared by the options page (or the setting turned off): drop what is waiting to be written.
  if (CONTINUITY_KEY in changes && changes[CONTINUITY_KEY].newValue === undefined) continuity.discardPending();
  if (CONTINUITY_KEY in changes) remembered = null;
  if (SETTINGS_KEY in changes || CONTINUITY_KEY in changes) readyViews.scheduleAll();
});
function isRememberingTurnedOff(change: { oldValue?: unknown; newValue?: unknown } | undefined): boolean {
  const was = settingsFrom(change?.oldValue).rememberCertificates;
  return was && !settingsFrom(change?.newValue).rememberCertificates;
}

browser.captivePortal.onStateChanged.addListener(() => {
  environment = null;
  readyViews.scheduleAll();
});

// Badge refreshes of one tab run one after another, each reading the newest snapshot, so a slow
// refresh can never put an older badge back over a newer one; a burst of requests (a page's
// failing images) is folded into one run after the current one (coalesced-runs.ts).
const badgeRefreshes = new CoalescedRuns<number>(reportError);
function refreshBadge(tabId: number): void {
  void badgeRefreshes.request(tabId, async () => {
    const snapshot = await tabs.read(tabId);
    // The verdict of this same load, once its view is made (the view remakes the badge then).
    const view = readyViews.ready(tabId);
    const sameLoad = view && snapshot && view.snapshot.startedAt === snapshot.startedAt && view.snapshot.status === snapshot.status;
    await badges.show(tabId, badgeFor(snapshot, sameLoad ? view.diagnosis : null));
  });
}

const updateTab: UpdateTab = (tabId, change) => {
  let next: TabSnapshot | undefined;
  tabs
    .update(tabId, (previous) => (next = change(previous)))
    .then(() => {
      refreshBadge(tabId);
      readyViews.schedule(tabId);
      if (next?.status === 'failed') noteIncident(tabId, next);
    })
    .catch(reportError);
};

// A failed top-level load goes into the history of incidents (options page), unless the tab is
// in a private window or the person turned the history off. Runs after the tab's update, off
// the request path; a load that gains facts later updates its one incident.
function noteIncident(tabId: number, snapshot: TabSnapshot): void {
  Promise.all([browser.tabs.get(tabId), currentSettings(), session.read(CLOCK_KEY)])
    .then(([tab, s, samples]) => {
      if (!s.keepHistory) return undefined;
      return incidents.record(snapshot, { incognito: tab.incognito, clock: estimateSkew(storedClockSamples(samples)), now: Date.now() });
    })
    .catch(reportError);
}

function onResponse(details: ResponseDetails, securityInfo: unknown): void {
  const now = Date.now();
  const host = hostnameOf(details.url);
  const security = summariseSecurityInfo(securityInfo, details.url, now);
  const context = contextOf(details);
  if (security && details.type === 'main_frame' && details.tabId >= 0) {
    updateTab(details.tabId, (previous) => recordSecurity(previous, details.tabId, security, context, now));
  }
  recordResponseClock(details);
  if (!security || !host || !isGoodCertificate(security)) return;
  const memory = memoryOf(host, security, sendsHsts(details.responseHeaders));
  if (!memory) return;
  currentSettings()
    .then((s) => {
      const remembering = s.rememberCertificates && !context.incognito;
      // Read the previous memory before this sighting joins it, then compare.
      const previous = remembering && details.type === 'main_frame' && details.tabId >= 0 ? continuity.recall(host) : null;
      continuity.remember(memory, {
        incognito: context.incognito,
        enabled: s.rememberCertificates,
        now,
        topLevel: details.type === 'main_frame',
      });
      return previous?.then((before) => {
        const change = before ? compareWithMemory(before, memory) : 'same';
        if (before && change !== 'same') {
          updateTab(details.tabId, (snapshot) => recordCertificateChange(snapshot, details.url, { change, previous: before }));
        }
      });
    })
    .catch(reportError);
}

function recordResponseClock(details: ResponseDetails): void {
  const host = clockHostOf(hostnameOf(details.url), contextOf(details).incognito);
  if (!host || !details.responseHeaders) return;
  recordClockSample(session, {
    host,
    localTime: details.timeStamp,
    fromCache: details.fromCache === true,
    headers: details.responseHeaders,
  })
    .then(() => {
      readyViews.clockSampled();
    })
    .catch(reportError);
}

function onRequestError(details: RequestErrorDetails): void {
  const now = Date.now();
  if (details.type === 'main_frame') {
    updateTab(details.tabId, (previous) =>
      recordRequestError(previous, details.tabId, details.url, details.error, contextOf(details), now),
    );
    return;
  }
  if (!isConnectionFailure(details.type, details.error)) return;
  currentSettings()
    .then((s) => {
      if (s.watchSubresources) updateTab(details.tabId, (previous) => recordSubresourceFailure(previous, details));
    })
    .catch(reportError);
}

// Only web pages: error pages of about:, moz-extension: and file: loads are not ours to explain.
const webPages = { url: [{ schemes: ['http', 'https'] }] };
const navigation = createNavigationListeners(updateTab, Date.now);
browser.webNavigation.onBeforeNavigate.addListener(navigation.onBeforeNavigate, webPages);
browser.webNavigation.onErrorOccurred.addListener(navigation.onErrorOccurred, webPages);
browser.webNavigation.onCompleted.addListener(navigation.onCompleted, webPages);
// HTTPS-Only mode's error page is the one about: page we need: the failure itself was recorded
// under the https address, and only this event tells Firefox showed "Secure Site Not Available".
browser.webNavigation.onDOMContentLoaded.addListener(navigation.onHttpsOnlyErrorPage, { url: [{ urlPrefix: HTTPS_ONLY_ERROR_PAGE }] });
// Firefox resets a tab's badge when its top-level document changes, and an error page commits
// after the failure was recorded: put the badge back on every commit.
browser.webNavigation.onCommitted.addListener((details) => {
  if (details.frameId !== 0 || details.tabId < 0) return;
  badges.resetToDefault(details.tabId);
  refreshBadge(details.tabId);
}, webPages);

const requests = createRequestListeners({
  getSecurityInfo: (requestId, options) => browser.webRequest.getSecurityInfo(requestId, options),
  defer: (work) => setTimeout(work, 0),
  onResponse,
  onRequestError,
});
// Blocking only where it must be: https documents (top level and frames), for getSecurityInfo.
browser.webRequest.onHeadersReceived.addListener(
  requests.onHeadersReceived,
  { urls: ['https://*/*'], types: ['main_frame', 'sub_frame'] },
  ['blocking', 'responseHeaders'],
);
// Plain-http documents still carry a Date header: a clock sample when every https site fails.
browser.webRequest.onHeadersReceived.addListener(
  (details) => {
    recordResponseClock(details);
  },
  { urls: ['http://*/*'], types: ['main_frame', 'sub_frame'] },
  ['responseHeaders'],
);
browser.webRequest.onErrorOccurred.addListener(requests.onErrorOccurred, { urls: ['http://*/*', 'https://*/*'] });

// The one answer to the pages' messages (src/shared/messages.ts: each type, its handler).
browser.runtime.onMessage.addListener(
  dispatcher({
    // The popup asks for a view when none is ready yet, after the person ran a check (the www
    // address, the proxy setting), and for a past incident from the history (options page).
    'cert-doctor:view': (request) =>
      'tabId' in request
        ? readyViews.make(request.tabId, pageProbes(request.probes))
        : resolvePopupState({ incident: request.incident }, viewSource, pageProbes(request.probes) ?? {}),
    // Saving a report. The download goes to the downloads folder without a dialog; the page
    // asked for the optional permission when the person clicked.
    'save-report': (request) => saveReport(request),
    // The chain the tab's site sends, from the companion (the popup asked for nativeMessaging
    // when the person pressed its button).
    'cert-doctor:served-chain': (request) => servedChainFor(request.tabId),
  }),
);

async function servedChainFor(tabId: number): Promise<PopupState> {
  const snapshot = await tabs.read(tabId);
  const family = snapshot?.failure?.errorNumber == null ? null : decodeErrorNumber(snapshot.failure.errorNumber).family;
  if (!snapshot || !servedChainHelps(snapshot.status, family, snapshot.url)) return readyViews.make(tabId);
  // The host and port are the tab's own (its recorded URL), never the message's.
  const outcome = await askCompanion(snapshot.url, (application, message) => browser.runtime.sendNativeMessage(application, message));
  const now = await tabs.read(tabId);
  // Kept only for the load it was asked about: a new load of the tab starts without it.
  return readyViews.make(tabId, now?.startedAt === snapshot.startedAt ? { served: outcome } : undefined);
}

function saveReport(request: SaveReportMessage): Promise<SaveReportReply> {
  const url = URL.createObjectURL(new Blob([request.content], { type: `${request.mime};charset=utf-8` }));
  return browser.downloads
    .download({ url, filename: request.filename, saveAs: false, conflictAction: 'uniquify' })
    .then((): SaveReportReply => ({ ok: true, filename: request.filename }))
    .catch((error: unknown): SaveReportReply => ({ ok: false, error: error instanceof Error ? error.message : String(error) }))
    .finally(() => {
      // Firefox reads the blob when the download starts; a minute is ample.
      setTimeout(() => {
        URL.revokeObjectURL(url);
      }, MINUTE_MS);
    });
}

browser.tabs.onRemoved.addListener((tabId) => {
  badges.forget(tabId);
  tabs
    .remove(tabId)
    .then(() => readyViews.forget(tabId))
    .catch(reportError);
});
