// Entry point of the popup (also opened as a page: popup.html?tabId=N, ?url=U or ?incident=ID).
// It reads the view the background keeps ready (ready-state.ts), loads only the words that view
// shows (guide-words.ts) and renders; it re-renders when the background stores something new.

import browser from 'webextension-polyfill';
import { render } from 'preact';
import { Catalogue, type Language } from '../src/guide/catalogue';
import { loadGuideWords, wordsKey } from '../src/guide/guide-words';
import { translatorFrom, type Translate } from '../src/shared/i18n';
import { chooseLanguage } from '../src/shared/language';
import { uiLanguage } from '../src/shared/ui-translator';
import { DiagnosisView } from './DiagnosisView';
import { openExtensionTab, readSettings } from './browser-source';
import { targetFromQuery, type PopupState, type Probes, type SnapshotView } from './popup-state';
import { probe, twinUrl } from './probe';
import { readProxySettings } from '../src/diagnosis/proxy-settings';
import { toolbarButton } from '../src/shared/toolbar-button';
import { readPopupState, readyFromHandoff, STALE_VIEW_MS, type ReadySource } from './ready-state';
import { handoffOf, type HandedWords } from '../src/shared/popup-handoff';
import { schemeOf } from '../src/shared/url';
import type { ViewRequest } from '../src/shared/view-message';

const source: ReadySource = {
  get: (keys) => browser.storage.session.get(keys),
  activeTab: async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id === undefined ? null : { id: tab.id, url: tab.url ?? null };
  },
  request: (message) => browser.runtime.sendMessage<ViewRequest, PopupState>(message),
  badgeText: (tabId) => toolbarButton(browser).getBadgeText({ tabId }),
};
const target = targetFromQuery(location.search);
const LOADING_AFTER_MS = 150;
const ANSWER_MARK = 'cert-doctor:answer';
const root = document.getElementById('app');
let probes: Probes = {};
let probing = false;
let proxyDenied = false;
let current: PopupState = { kind: 'loading' };
let language = chooseLanguage('auto', browser.i18n.getUILanguage());
let catalogue: Catalogue | null = null;
let t: Translate = translatorFrom((key, substitutions) => browser.i18n.getMessage(key, substitutions));

function show(state: PopupState): void {
  current = state;
  if (!root) return;
  const tabId = state.kind === 'snapshot' ? state.snapshot.tabId : null;
  render(
    <DiagnosisView
      state={state}
      t={t}
      locale={language}
      catalogue={catalogue}
      probing={probing}
      onReload={(id) => {
        browser.tabs.reload(id).catch(() => undefined);
      }}
      onOpen={(url) => {
        browser.tabs.create({ url }).catch(() => undefined);
      }}
      {...(tabId !== null
        ? {
            onTestAgain: () => {
              probes = {};
              browser.tabs.reload(tabId, { bypassCache: true }).catch(() => undefined);
            },
          }
        : {})}
      onProbeWww={() => void probeWww()}
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
      onCheckProxy={() => void checkProxy()}
      proxyDenied={proxyDenied}
    />,
    root,
  );
}

async function probeWww(): Promise<void> {
  if (current.kind !== 'snapshot' || !current.diagnosis.alternativeHost || probing) return;
  const url = twinUrl(current.snapshot.url, current.diagnosis.alternativeHost);
  if (!url) return;
  probing = true;
  show(current);
  const result = await probe(url);
  probes = { ...probes, www: result };
  probing = false;
  await refresh(undefined, true);
}

async function checkProxy(): Promise<void> {
  // The request must be the first thing the click does: Firefox asks only during user input.
  const granted = await browser.permissions.request({ permissions: ['proxy'] }).catch(() => false);
  if (!granted) {
    proxyDenied = true;
    show(current);
    return;
  }
  try {
    probes = { ...probes, proxy: readProxySettings((await browser.proxy.settings.get({})).value) };
  } catch {
    probes = { ...probes, proxy: { kind: 'unknown', where: '' } };
  } finally {
    // Read once, then give the permission back: Cert Doctor keeps no more access than it uses.
    await browser.permissions.remove({ permissions: ['proxy'] }).catch(() => undefined);
  }
  await refresh(undefined, true);
}

// Reads can overlap when the background writes in quick succession; only the newest read may
// render, or an older, slower one would put a stale state back on screen.
let latestRead = 0;

/** `pending`: a read already started; `withProbes`: the person just ran a check. */
async function refresh(pending?: Promise<PopupState>, withProbes = false): Promise<void> {
  const read = ++latestRead;
  let state: PopupState;
  let shownWords = catalogue;
  try {
    // A past incident is made on request each time, with the checks; a tab's view holds them.
    state = await (pending ?? readPopupState(target, source, withProbes || 'incident' in target ? probes : undefined));
    if (state.kind === 'snapshot') shownWords = await wordsFor(state);
  } catch (error) {
    state = { kind: 'broken', message: error instanceof Error ? error.message : String(error) };
  }
  if (read !== latestRead) return;
  catalogue = shownWords;
  show(state);
  // For the benchmark (BENCHMARKS.md): the answer is in the document from here on, so the paint
  // that showed it cannot be earlier.
  if (performance.getEntriesByName(ANSWER_MARK).length === 0) performance.mark(ANSWER_MARK);
  // Shown at once; a view made long ago is made again (its storage change re-renders).
  if (state.kind === 'snapshot' && state.incidentAt === undefined && Date.now() - state.now > STALE_VIEW_MS && !remade) {
    remade = true;
    source.request({ type: 'cert-doctor:view', tabId: state.snapshot.tabId }).catch(() => undefined);
  }
}
let remade = false;

// The words of the shown view, loaded once per code, causes and product (a re-render after a
// storage change usually needs the same ones), or handed over by the background with the view.
let shownWordsKey = '';
let words: Promise<Catalogue | null> = Promise.resolve(null);
function wordsFor(view: SnapshotView, handed: HandedWords | null = null): Promise<Catalogue | null> {
  const needed = { code: view.code, diagnosis: view.diagnosis };
  const key = wordsKey(language, needed);
  if (key !== shownWordsKey) {
    shownWordsKey = key;
    const chosen: Language = language;
    const fromBackground = handed?.key === key;
    document.documentElement.dataset['wordsFrom'] = fromBackground ? 'background' : 'files';
    words = fromBackground
      ? Promise.resolve(new Catalogue(handed.language, handed.data))
      : // A missing file leaves the facts on screen without the guide, never a blank popup.
        loadGuideWords(chosen, needed, (path) => browser.runtime.getURL(path)).catch(() => null);
  }
  return words;
}

async function start(): Promise<void> {
  // The background's memory first: no round trip when it has the tab's view and the settings.
  const handedOver = readyFromHandoff(await targetTabId(), handoffOf(() => browser.extension.getBackgroundPage()));
  // Otherwise the view and the settings are read at the same time.
  const pending = handedOver
    ? Promise.resolve<PopupState>(handedOver.state)
    : readPopupState(target, { ...source, activeTab }, 'incident' in target ? probes : undefined);
  // Where the first view came from, for the end-to-end tests (the paths look the same on screen).
  document.documentElement.dataset['viewFrom'] = handedOver ? 'background' : 'storage';
  pending.catch(() => undefined);
  try {
    const chosen = await uiLanguage(browser, handedOver?.language ?? (await readSettings(browser)).language);
    language = chosen.language;
    t = chosen.t;
  } catch {
    // The browser's own language and strings stay in place: never a blank popup.
  }
  document.documentElement.lang = language;
  if (handedOver) void wordsFor(handedOver.state, handedOver.words);
  await refresh(pending);
}

// The toolbar popup opens without a query: its tab is the active one, asked for once.
let activeTabQuery: ReturnType<ReadySource['activeTab']> | null = null;
const activeTab: ReadySource['activeTab'] = () => (activeTabQuery ??= source.activeTab());

/** The tab whose view the popup shows, when that is a web page over https (else null). */
async function targetTabId(): Promise<number | null> {
  if ('tabId' in target) return target.tabId;
  if ('url' in target || 'incident' in target) return null;
  const tab = await activeTab().catch(() => null);
  return tab && schemeOf(tab.url) === 'https' ? tab.id : null;
}

document.documentElement.lang = language;
// "Loading" appears only when the answer is slow: normally the first thing painted is the answer
// itself, without a placeholder flashing before it.
setTimeout(() => {
  if (current.kind === 'loading') show(current);
}, LOADING_AFTER_MS);
void start();
// The background stores a new view (or a tab's snapshot changes, for ?url=U); clock samples and
// other tabs' writes need no re-read.
browser.storage.session.onChanged.addListener((changes) => {
  if (Object.keys(changes).some((key) => key.startsWith('view:') || ('url' in target && key.startsWith('tab:')))) void refresh();
});
