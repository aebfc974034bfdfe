// The real _locales message files as a Translate function, so views are tested with the text
// people will read (and a missing key shows up as the key).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLanguage } from '../../../src/guide/languages';
import { localesFolderOf } from '../../../src/guide/locales-folder';
import { translatorFrom, type Translate } from '../../../src/shared/i18n';

type Messages = Record<string, { message: string } | undefined>;

/** A language of src/guide/languages.ts ("pt-BR") or a _locales folder ("pt_BR"). */
export function loadMessages(locale: string): Messages {
  const folder = isLanguage(locale) ? localesFolderOf(locale) : locale;
  const file = join(__dirname, '..', '..', '..', '_locales', folder, 'messages.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Messages;
}

export function translatorForLocale(locale: string): Translate {
  const messages = loadMessages(locale);
  return translatorFrom((key, substitutions) => {
    const template = messages[key]?.message ?? '';
    const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return template.replace(/\$(\d)/g, (_, n: string) => values[Number(n) - 1] ?? '');
  });
}
