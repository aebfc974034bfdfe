// Entry point of the options page: settings in storage.local, the remembered certificates and
// the history of incidents. Turning "keep history" off forgets the history here; turning
// "remember certificates" off makes the background, their one writer, forget them.

import { MINUTE_MS } from '../src/core/time-units';
import browser from 'webextension-polyfill';
import { render } from 'preact';
import { uiLanguage } from '../src/shared/ui-translator';
import { SETTINGS_KEY, type Settings } from '../src/shared/settings';
import { ContinuityStore } from '../src/storage/continuity-store';
import { IncidentHistory, type Incident } from '../src/storage/incident-history';
import { openExtensionTab } from '../popup/browser-source';
import { readSettings } from '../popup/read-settings';
import { OptionsView } from './OptionsView';

const continuity = new ContinuityStore(browser.storage.local, { flushDelayMs: 0 });
const incidents = new IncidentHistory(browser.storage.local);
const root = document.getElementById('app');

// Each change to storage starts a new read; only the newest read renders, so a slow earlier
// read can never paint an older history over a newer one.
let latestShow = 0;

async function show(): Promise<void> {
  if (!root) return;
  const thisShow = ++latestShow;
  const [settings, count, history] = await Promise.all([readSettings(browser), continuity.count(), incidents.list()]);
  const { language, t } = await uiLanguage(browser, settings.language);
  if (thisShow !== latestShow) return;
  document.documentElement.lang = language;
  render(
    <OptionsView
      settings={settings}
      rememberedCount={count}
      t={t}
      onChange={save}
      onClearRemembered={clear}
      incidents={history}
      locale={language}
      onViewIncident={(id) => {
        openExtensionTab(browser, `popup/popup.html?incident=${encodeURIComponent(id)}`);
      }}
      onReportIncident={(id) => {
        openExtensionTab(browser, `popup/report.html?incident=${encodeURIComponent(id)}`);
      }}
      onExportHistory={() => {
        exportHistory(history);
      }}
      onClearHistory={() => {
        incidents.clear().then(show).catch(report('clear the history'));
      }}
    />,
    root,
  );
}

const report =
  (what: string) =>
  (error: unknown): void => {
    console.error(`Cert Doctor could not ${what}:`, error);
  };

/** Saves the history as a JSON file through the page itself (a tab: the download is not cancelled). */
function exportHistory(history: readonly Incident[]): void {
  const blob = new Blob([`${JSON.stringify({ format: 'cert-doctor-history', version: 1, incidents: history }, null, 2)}\n`], {
    type: 'application/json',
  });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = 'cert-doctor-history.json';
  link.click();
  setTimeout(() => {
    URL.revokeObjectURL(link.href);
  }, MINUTE_MS);
}

function save(settings: Settings): void {
  // Turning "remember certificates" off: the background forgets them when it sees the setting
  // (src/background/main.ts), in the queue of its own writes; the count updates on that change.
  const forget = settings.keepHistory ? Promise.resolve() : incidents.clear();
  forget
    .then(() => browser.storage.local.set({ [SETTINGS_KEY]: settings }))
    .then(show)
    .catch((error: unknown) => {
      console.error('Cert Doctor could not save the settings:', error);
    });
}

function clear(): void {
  continuity
    .clear()
    .then(show)
    .catch((error: unknown) => {
      console.error('Cert Doctor could not clear the remembered certificates:', error);
    });
}

void show();
browser.storage.local.onChanged.addListener(() => void show());
