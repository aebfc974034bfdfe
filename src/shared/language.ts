// Which language the popup, the options and the guide speak: the person's choice in the
// options, else Firefox's own language when we have it, else English.

import { languageForLocale, type Language } from '../guide/languages';
import type { LanguageSetting } from './settings';

export function chooseLanguage(setting: LanguageSetting, uiLanguage: string): Language {
  if (setting !== 'auto') return setting;
  return languageForLocale(uiLanguage);
}
