// Small helpers the extension's pages share: opening one of its own pages, reading the
// language setting (the popup's one setting, src/shared/language.ts).

import type { Browser } from 'webextension-polyfill';
import { SETTINGS_KEY } from '../src/shared/settings-key';

/** Opens one of Cert Doctor's own pages (path under the extension, with its query) in a new tab. */
export function openExtensionTab(browser: Browser, path: string): void {
  browser.tabs.create({ url: browser.runtime.getURL(path) }).catch(() => undefined);
}

/**
 * The language setting as stored, "auto" when there is none. Passed on unchecked: the popup
 * carries no list of languages, and ui-translator.ts accepts only a language whose messages
 * file names it.
 */
export async function readLanguageSetting(browser: Browser): Promise<string> {
  const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as { readonly language?: unknown } | undefined;
  return typeof stored?.language === 'string' ? stored.language : 'auto';
}
