// Which language the popup, the options and the guide speak: the person's choice in the
// options, else the language of the messages Firefox picked for its own interface language
// (Firefox falls back to English, the default locale, when Cert Doctor has none for it).
//
// Each _locales file names its own language in its "language" message (and the locale of
// Mozilla's support site in "supportLocale"); test/unit/languages.test.ts holds every file to
// the table of languages. So the popup, which must not grow as languages are added, knows which
// language it speaks without carrying that table.

import type { Language } from '../guide/languages';
import type { LanguageSetting } from './settings';

/** The message that names a messages file's language. */
export const LANGUAGE_MESSAGE = 'language';
/** The message that names the support.mozilla.org locale for a messages file's language. */
export const SUPPORT_LOCALE_MESSAGE = 'supportLocale';

/**
 * The language of the messages Firefox picked for its interface. Cert Doctor ships only files it
 * lists, each naming a language of the table: what the file says is one of them.
 */
export function firefoxsLanguage(getMessage: (key: string) => string): Language {
  const named = getMessage(LANGUAGE_MESSAGE);
  return (named === '' ? 'en' : named) as Language;
}

export function chooseLanguage(setting: LanguageSetting, firefoxs: Language): Language {
  return setting === 'auto' ? firefoxs : setting;
}
