// Entry point of the report page (report.html?tabId=N, ?url=U or ?incident=ID, opened from the
// popup or the options' history). It wires the page's state (report-store.ts) to Firefox and
// renders it: the report built from the same diagnosis the popup shows, what to include, how to
// share it. It sends nothing by itself.

import browser from 'webextension-polyfill';
import { render } from 'preact';
import { LANGUAGES } from '../src/guide/languages';
import { loadCatalogue } from '../src/guide/guide-loader';
import { mailtoUrl } from '../src/report/contact';
import { send } from '../src/shared/messages';
import { uiLanguage } from '../src/shared/ui-translator';
import { browserSource } from '../src/views/browser-source';
import { resolvePopupState } from '../src/views/resolve-view';
import { readSettings } from './read-settings';
import { targetFromQuery } from './popup-state';
import { ReportStore, type ReportPageState } from './report-store';
import { ReportView } from './ReportView';

const source = browserSource(browser);
const store = new ReportStore(targetFromQuery(location.search), {
  settings: () => readSettings(browser),
  uiLanguage: (setting) => uiLanguage(browser, setting),
  // A tab's view from the background, which holds the checks the person ran from the popup (the
  // companion's chain among them); a past incident or an address is resolved here.
  resolve: (target) =>
    'tabId' in target
      ? send((m) => browser.runtime.sendMessage(m), { type: 'cert-doctor:view', tabId: target.tabId })
      : resolvePopupState(target, source),
  loadCatalogue: (language) => loadCatalogue(language, (path) => browser.runtime.getURL(path)),
  remembered: () => source.remembered(),
  requestDownloads: () => browser.permissions.request({ permissions: ['downloads'] }),
  send: (message) => send((m) => browser.runtime.sendMessage(m), message),
  fetchText: async (url) => {
    // Over a valid https connection only, without cookies, and not followed elsewhere.
    const response = await fetch(url, { credentials: 'omit', cache: 'no-store', redirect: 'error' });
    return response.ok ? response.text() : null;
  },
  copy: (text) => navigator.clipboard.writeText(text),
  now: () => Date.now(),
});

const root = document.getElementById('app');

function show(page: ReportPageState): void {
  document.documentElement.lang = page.pageLanguage;
  if (!root) return;
  const { report, reportT } = page;
  const to = store.emailTarget();
  const subject = report ? reportT(report.audience === 'site-owner' ? 'reportTitleOwner' : 'reportTitleIt', report.site.host) : '';
  render(
    <ReportView
      report={report}
      unavailable={page.unavailable}
      format={page.format}
      content={store.content()}
      options={page.options}
      language={page.reportLanguage}
      contact={page.contact}
      emailHref={report ? mailtoUrl(to, subject, store.content('text')) : '#'}
      emailTo={to}
      status={page.status}
      t={page.pageT}
      onFormat={(format) => {
        store.setFormat(format);
      }}
      onLanguage={(language) => void store.setLanguage(LANGUAGES.find((known) => known === language) ?? 'en')}
      onOptions={(options) => void store.setOptions(options)}
      onCopy={() => void store.copy()}
      onSave={() => void store.save()}
      onFindContact={() => void store.findContact()}
    />,
    root,
  );
}

store.subscribe(show);
show(store.state);
void store.start();
