// Entry point of the popup (also opened as a page: popup.html?tabId=N or ?url=U). It wires the
// browser to the pure view and re-renders when the background records something new.

import browser from 'webextension-polyfill';
import { render } from 'preact';
import type { Catalogue } from '../src/guide/catalogue';
import { loadCatalogue } from '../src/guide/guide-loader';
import { translatorFrom, type Translate } from '../src/shared/i18n';
import { chooseLanguage } from '../src/shared/language';
import { uiLanguage } from '../src/shared/ui-translator';
import { DiagnosisView } from './DiagnosisView';
import { browserSource, openExtensionTab, readSettings } from './browser-source';
import { resolvePopupState, targetFromQuery, type PopupState, type Probes } from './popup-state';
import { probe, twinUrl } from './probe';
import { readProxySettings } from '../src/diagnosis/proxy-settings';

const source = browserSource(browser);
const target = targetFromQuery(location.search);
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
  await refresh();
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
  await refresh();
}

// Reads can overlap when the background writes in quick succession; only the newest read may
// render, or an older, slower one would put a stale state back on screen.
let latestRead = 0;

async function refresh(): Promise<void> {
  const read = ++latestRead;
  let state: PopupState;
  try {
    state = await resolvePopupState(target, source, probes);
  } catch (error) {
    state = { kind: 'broken', message: error instanceof Error ? error.message : String(error) };
  }
  if (read === latestRead) show(state);
}

async function start(): Promise<void> {
  try {
    const chosen = await uiLanguage(browser, (await readSettings(browser)).language);
    language = chosen.language;
    t = chosen.t;
    catalogue = await loadCatalogue(language, (path) => browser.runtime.getURL(path));
  } catch {
    // The browser's own language and strings stay in place: never a blank popup.
  }
  document.documentElement.lang = language;
  await refresh();
}

document.documentElement.lang = language;
show({ kind: 'loading' });
void start();
browser.storage.session.onChanged.addListener(() => void refresh());
// The background writes what it learns of sites (HSTS, the last good certificate) in batches.
browser.storage.local.onChanged.addListener(() => void refresh());
