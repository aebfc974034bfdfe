// Small helpers the extension's pages share: opening one of its own pages, reading the settings.

import type { Browser } from 'webextension-polyfill';
import { SETTINGS_KEY, settingsFrom, type Settings } from '../src/shared/settings';

/** Opens one of Cert Doctor's own pages (path under the extension, with its query) in a new tab. */
export function openExtensionTab(browser: Browser, path: string): void {
  browser.tabs.create({ url: browser.runtime.getURL(path) }).catch(() => undefined);
}

export function readSettings(browser: Browser): Promise<Settings> {
  return browser.storage.local.get(SETTINGS_KEY).then((stored) => settingsFrom(stored[SETTINGS_KEY]));
}
