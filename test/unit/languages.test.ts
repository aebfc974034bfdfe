// The table of languages (src/guide/languages.ts): every registered language has its words in
// place, and its messages file names it, so that the popup (which carries no table) knows which
// language Firefox picked for it.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isLanguage, LANGUAGE_TABLE, LANGUAGES, type LanguageInfo } from '../../src/guide/languages';
import { localesFolderOf } from '../../src/guide/locales-folder';
import { chooseLanguage, firefoxsLanguage, LANGUAGE_MESSAGE, SUPPORT_LOCALE_MESSAGE } from '../../src/shared/language';
import { isLanguageSetting } from '../../src/shared/settings';
import { loadMessages } from './fakes/messages';

const root = join(__dirname, '..', '..');

test.each(LANGUAGES)('%s has its three places of words and two distinct quotation marks', (language) => {
  const info: LanguageInfo = LANGUAGE_TABLE[language];
  expect({
    messages: existsSync(join(root, '_locales', localesFolderOf(language), 'messages.json')),
    guide: existsSync(join(root, 'src/guide/text', language, 'codes.json')),
    labels: existsSync(join(root, 'src/guide/label-sources', `${language}.json`)),
    quotes: info.quotes[0] !== info.quotes[1] && info.quotes.every((q) => q.length === 1),
  }).toEqual({ messages: true, guide: true, labels: true, quotes: true });
});

test.each(LANGUAGES)("%s's messages name it, and a support.mozilla.org locale of the same language", (language) => {
  const messages = loadMessages(language);
  const supportLocale = messages[SUPPORT_LOCALE_MESSAGE]?.message ?? '';
  expect({
    named: messages[LANGUAGE_MESSAGE]?.message,
    supportLocale: /^[a-z]{2,3}(-[A-Z]{2})?$/.test(supportLocale),
    sameLanguage: supportLocale.split('-')[0],
  }).toEqual({ named: language, supportLocale: true, sameLanguage: language.split('-')[0] });
});

test('a language with a region has its messages in a folder with an underscore', () => {
  expect(['en', 'pt-BR', 'es-ES', 'zh-CN'].map(localesFolderOf)).toEqual(['en', 'pt_BR', 'es_ES', 'zh_CN']);
});

test('the language Firefox picked is the one its messages name; the person’s choice wins over it', () => {
  const messagesOf = (language: string) => (key: string) => (key === LANGUAGE_MESSAGE ? language : 'other text');
  expect([firefoxsLanguage(messagesOf('ru')), firefoxsLanguage(messagesOf('pt-BR'))]).toEqual(['ru', 'pt-BR']);
  // No message at all (getMessage gives ""): English, the default locale.
  expect(firefoxsLanguage(() => '')).toBe('en');
  expect([chooseLanguage('en', 'ru'), chooseLanguage('ru', 'en'), chooseLanguage('auto', 'ru')]).toEqual(['en', 'ru', 'ru']);
});

test('a setting or a language is only one the table has (a stored value from elsewhere is refused)', () => {
  expect(['auto', 'en', 'ru', 'fy', 'toString', '__proto__', 1, null].map(isLanguageSetting)).toEqual([
    true,
    true,
    true,
    false,
    false,
    false,
    false,
    false,
  ]);
  expect(['en', 'ru', 'constructor', 'EN'].map(isLanguage)).toEqual([true, true, false, false]);
});
