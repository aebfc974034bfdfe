// Entry point of the popup (also opened as a page: popup.html?tabId=N, ?url=U or ?incident=ID).
// It wires the popup's state (popup-store.ts) to Firefox and renders it with DiagnosisView; the
// store reads the view the background keeps ready and only the words that view shows.

import browser from 'webextension-polyfill';
import { render } from 'preact';
import { loadGuideWords } from '../src/guide/guide-words';
import { readProxySettings, type ProxyFinding } from '../src/diagnosis/proxy-settings';
import { handoffOf } from '../src/shared/popup-handoff';
import { toolbarButton } from '../src/shared/toolbar-button';
import { firefoxsUiLanguage, uiLanguage } from '../src/shared/ui-translator';
import { send } from '../src/shared/messages';
import { DiagnosisView } from './DiagnosisView';
import { openExtensionTab, readLanguageSetting } from './browser-source';
import { targetFromQuery, type PopupState } from './popup-state';
import { PopupStore, type PopupPageState } from './popup-store';
import { probe, twinUrl } from './probe';

/** "Loading" appears only when the answer is slow: normally the answer is the first paint. */
const LOADING_AFTER_MS = 150;
/** For the benchmark (BENCHMARKS.md): set once the answer is in the document. */
const ANSWER_MARK = 'cert-doctor:answer';

const target = targetFromQuery(location.search);
const store = new PopupStore(
  target,
  {
    source: {
      get: (keys) => browser.storage.session.get(keys),
      activeTab: async () => {
        const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
        return tab?.id === undefined ? null : { id: tab.id, url: tab.url ?? null };
      },
      request: (message) => send((m) => browser.runtime.sendMessage(m), message),
      badgeText: (tabId) => toolbarButton(browser).getBadgeText({ tabId }),
    },
    handoff: () => handoffOf(() => browser.extension.getBackgroundPage()),
    languageSetting: () => readLanguageSetting(browser),
    uiLanguage: (setting) => uiLanguage(browser, setting),
    loadWords: (language, needed) => loadGuideWords(language, needed, (path) => browser.runtime.getURL(path)),
    probe: (url) => probe(url),
    readProxy,
    askServedChain,
    now: () => Date.now(),
  },
  firefoxsUiLanguage(browser),
);

async function readProxy(): Promise<ProxyFinding | null> {
  // The request must be the first thing the click does: Firefox asks only during user input.
  const granted = await browser.permissions.request({ permissions: ['proxy'] }).catch(() => false);
  if (!granted) return null;
  try {
    return readProxySettings((await browser.proxy.settings.get({})).value);
  } catch {
    return { kind: 'unknown', where: '' };
  } finally {
    // Read once, then give the permission back: Cert Doctor keeps no more access than it uses.
    await browser.permissions.remove({ permissions: ['proxy'] }).catch(() => undefined);
  }
}

async function askServedChain(tabId: number): Promise<PopupState | null> {
  // The request must be the first thing the click does: Firefox asks only during user input.
  // Kept once granted: it lets Cert Doctor start only the companion, and only on a click.
  const granted = await browser.permissions.request({ permissions: ['nativeMessaging'] }).catch(() => false);
  if (!granted) return null;
  return send((m) => browser.runtime.sendMessage(m), { type: 'cert-doctor:served-chain', tabId });
}

const root = document.getElementById('app');

function show(page: PopupPageState): void {
  const html = document.documentElement;
  html.lang = page.language;
  // Where the view and its words came from, for the end-to-end tests (the paths look the same).
  if (page.viewFrom) html.dataset['viewFrom'] = page.viewFrom;
  if (page.wordsFrom) html.dataset['wordsFrom'] = page.wordsFrom;
  if (!root) return;
  const state = page.view;
  const tabId = state.kind === 'snapshot' ? state.snapshot.tabId : null;
  render(
    <DiagnosisView
      state={state}
      t={page.t}
      locale={page.language}
      catalogue={page.catalogue}
      probing={page.probing}
      onReload={(id) => {
        browser.tabs.reload(id).catch(() => undefined);
      }}
      onOpen={(url) => {
        browser.tabs.create({ url }).catch(() => undefined);
      }}
      {...(tabId !== null
        ? {
            onTestAgain: () => {
              store.testAgain();
              browser.tabs.reload(tabId, { bypassCache: true }).catch(() => undefined);
            },
          }
        : {})}
      onProbeWww={() => void store.probeWww()}
      {...(state.kind === 'snapshot'
        ? {
            onReport: () => {
              const query = 'incident' in target ? `incident=${encodeURIComponent(target.incident)}` : `tabId=${state.snapshot.tabId}`;
              openExtensionTab(browser, `popup/report.html?${query}`);
            },
          }
        : {})}
      onOpenOptions={() => {
        browser.runtime.openOptionsPage().catch(() => undefined);
      }}
      onCopy={(text) => {
        navigator.clipboard.writeText(text).catch(() => undefined);
      }}
      {...(tabId !== null && state.kind === 'snapshot' && state.incidentAt === undefined
        ? {
            onOpenAlternative: (host: string) => {
              const url = twinUrl(state.snapshot.url, host);
              if (url) browser.tabs.update(tabId, { url }).catch(() => undefined);
            },
          }
        : {})}
      onCheckProxy={() => void store.checkProxy()}
      proxyDenied={page.proxyDenied}
      onGetServedChain={() => void store.getServedChain()}
      servedRequest={page.servedRequest}
    />,
    root,
  );
  // The answer is in the document from here on: the paint that showed it cannot be earlier.
  if (state.kind !== 'loading' && performance.getEntriesByName(ANSWER_MARK).length === 0) performance.mark(ANSWER_MARK);
}

store.subscribe(show);
document.documentElement.lang = store.state.language;
setTimeout(() => {
  if (store.state.view.kind === 'loading') show(store.state);
}, LOADING_AFTER_MS);
void store.start();
// The background stores a new view (or a tab's snapshot changes, for ?url=U); clock samples and
// other tabs' writes need no re-read.
browser.storage.session.onChanged.addListener((changes) => {
  void store.storageChanged(Object.keys(changes));
});
