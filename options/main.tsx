// Entry point of the options page: settings in storage.local, and the remembered certificates.
// Turning "remember certificates" off also forgets what was remembered.

import browser from 'webextension-polyfill';
import { render } from 'preact';
import { uiLanguage } from '../src/shared/ui-translator';
import { SETTINGS_KEY, settingsFrom, type Settings } from '../src/shared/settings';
import { ContinuityStore } from '../src/storage/continuity-store';
import { OptionsView } from './OptionsView';

const continuity = new ContinuityStore(browser.storage.local, { limit: 2000, flushDelayMs: 0 });
const root = document.getElementById('app');

async function show(): Promise<void> {
  if (!root) return;
  const [stored, count] = await Promise.all([browser.storage.local.get(SETTINGS_KEY), continuity.count()]);
  const settings = settingsFrom(stored[SETTINGS_KEY]);
  const { language, t } = await uiLanguage(browser, settings.language);
  document.documentElement.lang = language;
  render(<OptionsView settings={settings} rememberedCount={count} t={t} onChange={save} onClearRemembered={clear} />, root);
}

function save(settings: Settings): void {
  const forget = settings.rememberCertificates ? Promise.resolve() : continuity.clear();
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
