// Which language the popup, the options and the guide speak: the person's choice in the
// options, else Firefox's own language when we have it, else English.

import type { Language } from '../guide/catalogue';
import type { LanguageSetting } from './settings';

export function chooseLanguage(setting: LanguageSetting, uiLanguage: string): Language {
  if (setting !== 'auto') return setting;
  return uiLanguage.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}
