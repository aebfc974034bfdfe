// Every locale has every English key, no message is empty, and every key the code asks for
// exists (a missing key would show as its name in the popup).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

describe('locales', () => {
  test('English and Russian are both present', () => {
    expect(locales.sort()).toEqual(expect.arrayContaining(['en', 'ru']));
  });

  test.each(locales)('%s has exactly the English keys, none empty', (locale) => {
    const messages = loadMessages(locale);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    for (const [key, entry] of Object.entries(messages)) {
      expect([key, entry?.message.trim().length ?? 0]).not.toEqual([key, 0]);
    }
  });

  test('every key used in code and manifest exists in English', () => {
    const files = [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'popup')), ...sourceFiles(join(root, 'options'))];
    const used = new Set<string>();
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\('([A-Za-z0-9_]+)'/g)) used.add(match[1] ?? '');
      for (const match of readFileSync(file, 'utf8').matchAll(/return '(popup[A-Za-z0-9_]+)'/g)) used.add(match[1] ?? '');
    }
    for (const match of readFileSync(join(root, 'manifest.json'), 'utf8').matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) used.add(match[1] ?? '');
    expect(used.size).toBeGreaterThan(10);
    const missing = [...used].filter((key) => !(key in english));
    expect(missing).toEqual([]);
  });
});
