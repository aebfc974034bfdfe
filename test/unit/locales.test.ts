// Every locale has every English key, no message is empty, and every key the code asks for
// exists (a missing key would show as its name in the popup).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGUAGES } from '../../src/guide/languages';
import { localesFolderOf } from '../../src/guide/locales-folder';
import { loadMessages } from './fakes/messages';

const root = join(__dirname, '..', '..');
const locales = readdirSync(join(root, '_locales'));
const english = loadMessages('en');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The message a plural form belongs to ("reportCheckClockPassed_few" -> "reportCheckClockPassed"). */
function baseOf(key: string): string {
  return key.replace(/_(zero|one|two|few|many|other)$/, '');
}

describe('locales', () => {
  test('one folder per language Cert Doctor speaks (src/guide/languages.ts), and no other', () => {
    expect(locales.sort()).toEqual(LANGUAGES.map(localesFolderOf).sort());
  });

  test.each(locales)('%s has exactly the English keys, none empty; counted messages in its own plural forms', (locale) => {
    const messages = loadMessages(locale);
    // A counted message is one key per plural category of the language (src/shared/plural.ts):
    // English has one/other, Russian one/few/many/other, as Intl.PluralRules says.
    const categories = new Intl.PluralRules(locale.replace('_', '-')).resolvedOptions().pluralCategories;
    const counted = new Set(
      Object.keys(english)
        .filter((k) => k.endsWith('_other'))
        .map((k) => k.slice(0, -'_other'.length)),
    );
    const expected = Object.keys(english).filter((k) => !counted.has(baseOf(k)));
    for (const base of counted) expected.push(...categories.map((c) => `${base}_${c}`));
    expect(Object.keys(messages).sort()).toEqual(expected.sort());
    for (const [key, entry] of Object.entries(messages)) {
      expect([key, entry?.message.trim().length ?? 0]).not.toEqual([key, 0]);
    }
  });

  test('every counted message states its count in every form', () => {
    for (const locale of locales) {
      for (const [key, entry] of Object.entries(loadMessages(locale))) {
        if (!/_(zero|one|two|few|many|other)$/.test(key)) continue;
        expect({ locale, key, hasCount: /\$[1-9]/.test(entry?.message ?? '') }).toEqual({ locale, key, hasCount: true });
      }
    }
  });

  test('every key used in code and manifest exists in English', () => {
    const files = [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'popup')), ...sourceFiles(join(root, 'options'))];
    const used = new Set<string>();
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) used.add(match[1] ?? '');
      for (const match of readFileSync(file, 'utf8').matchAll(/return '(popup[A-Za-z0-9_]+)'/g)) used.add(match[1] ?? '');
      // Counted messages: translateCount(t, language, 'key', ...) needs at least key_other.
      for (const match of readFileSync(file, 'utf8').matchAll(/translateCount\([^,]+, [^,]+, '([A-Za-z0-9]+)'/g))
        used.add(`${match[1] ?? ''}_other`);
    }
    for (const match of readFileSync(join(root, 'manifest.json'), 'utf8').matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) used.add(match[1] ?? '');
    expect(used.size).toBeGreaterThan(10);
    const missing = [...used].filter((key) => !(key in english));
    expect(missing).toEqual([]);
  });
});
