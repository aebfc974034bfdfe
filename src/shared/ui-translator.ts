// The translator for the popup and the options page: Firefox's i18n when the chosen language is
// Firefox's own, else the chosen language's _locales file read from the extension itself.

import type { Browser } from 'webextension-polyfill';
import { languageInfo, type Language } from '../guide/languages';
import { translatorFrom, type Translate } from './i18n';
import { chooseLanguage } from './language';
import { translatorFromMessages } from './locale-file-translator';
import type { LanguageSetting } from './settings';

export interface UiLanguage {
  readonly language: Language;
  readonly t: Translate;
}

export async function uiLanguage(browser: Browser, setting: LanguageSetting): Promise<UiLanguage> {
  const firefoxLanguage = browser.i18n.getUILanguage();
  const language = chooseLanguage(setting, firefoxLanguage);
  const own = translatorFrom((key, substitutions) => browser.i18n.getMessage(key, substitutions));
  if (language === chooseLanguage('auto', firefoxLanguage)) return { language, t: own };
  try {
    const response = await fetch(browser.runtime.getURL(`_locales/${languageInfo(language).localesFolder}/messages.json`));
    return { language, t: translatorFromMessages(await response.json()) };
  } catch {
    return { language: chooseLanguage('auto', firefoxLanguage), t: own };
  }
}
