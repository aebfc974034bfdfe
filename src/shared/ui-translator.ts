// The translator for the popup, the options and the report pages: Firefox's own i18n when the
// chosen language is the one Firefox picked, else the chosen language's _locales file read from
// the extension itself. It needs no list of languages (language.ts): a file that names the
// language asked for is that language's, anything else falls back to Firefox's pick.

import type { Browser } from 'webextension-polyfill';
import type { Language } from '../guide/languages';
import { localesFolderOf } from '../guide/locales-folder';
import { translatorFrom, type Translate } from './i18n';
import { firefoxsLanguage, LANGUAGE_MESSAGE } from './language';
import { translatorFromMessages } from './locale-file-translator';

export interface UiLanguage {
  readonly language: Language;
  readonly t: Translate;
}

/** A language name as Cert Doctor writes them ("de", "pt-BR"): nothing else becomes a path. */
const LANGUAGE_NAME = /^[a-z]{2,3}(-[A-Z]{2})?$/;

/** Firefox's pick: browser.i18n, in the language of the messages Firefox chose. */
export function firefoxsUiLanguage(browser: Browser): UiLanguage {
  const getMessage = (key: string, substitutions?: string | string[]): string => browser.i18n.getMessage(key, substitutions);
  return { language: firefoxsLanguage(getMessage), t: translatorFrom(getMessage) };
}

/** `setting`: "auto" or a language; a stored value is checked here, by the file it names. */
export async function uiLanguage(browser: Browser, setting: string): Promise<UiLanguage> {
  const own = firefoxsUiLanguage(browser);
  if (setting === 'auto' || setting === own.language || !LANGUAGE_NAME.test(setting)) return own;
  try {
    const response = await fetch(browser.runtime.getURL(`_locales/${localesFolderOf(setting)}/messages.json`));
    const t = translatorFromMessages(await response.json());
    return t(LANGUAGE_MESSAGE) === setting ? { language: setting as Language, t } : own;
  } catch {
    return own;
  }
}
