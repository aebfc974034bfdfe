// The table of languages (src/guide/languages.ts): every registered language has its words in
// place, and Firefox's UI locale chooses among them.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isLanguage, LANGUAGE_TABLE, LANGUAGES, languageForLocale, type LanguageInfo } from '../../src/guide/languages';
import { chooseLanguage } from '../../src/shared/language';
import { isLanguageSetting } from '../../src/shared/settings';

const root = join(__dirname, '..', '..');

test.each(LANGUAGES)('%s has its three places of words and two distinct quotation marks', (language) => {
  const info: LanguageInfo = LANGUAGE_TABLE[language];
  expect({
    messages: existsSync(join(root, '_locales', info.localesFolder, 'messages.json')),
    guide: existsSync(join(root, 'src/guide/text', language, 'codes.json')),
    labels: existsSync(join(root, 'src/guide/label-sources', `${language}.json`)),
    quotes: info.quotes[0] !== info.quotes[1] && info.quotes.every((q) => q.length === 1),
  }).toEqual({ messages: true, guide: true, labels: true, quotes: true });
});

test("Firefox's locale chooses: exact, then the same base language, then English", () => {
  expect(['ru', 'ru-RU', 'RU', 'en-GB', 'en-US', 'fy-NL', '', 'xx_YY'].map(languageForLocale)).toEqual([
    'ru',
    'ru',
    'ru',
    'en',
    'en',
    'en',
    'en',
    'en',
  ]);
  // The person's choice wins over Firefox's language.
  expect([chooseLanguage('en', 'ru-RU'), chooseLanguage('ru', 'en-US'), chooseLanguage('auto', 'ru-RU')]).toEqual(['en', 'ru', 'ru']);
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
