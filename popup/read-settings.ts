// All the settings, with their defaults, for the options and report pages (the popup reads only
// the language: browser-source.ts).

import type { Browser } from 'webextension-polyfill';
import { SETTINGS_KEY, settingsFrom, type Settings } from '../src/shared/settings';

export function readSettings(browser: Browser): Promise<Settings> {
  return browser.storage.local.get(SETTINGS_KEY).then((stored) => settingsFrom(stored[SETTINGS_KEY]));
}
