// Firefox is the judge of the labels the guide quotes. Every quoted label (English “…”,
// Russian «…») in the guide and in the extension's pages must be one of: a text of the
// installed Firefox's own localization files (en-US in omni.ja, Russian in the bundled
// language pack; read at test time, so the check follows the Firefox the tests run), a label
// of Cert Doctor itself (its messages.json), or a label of another program that the registry
// in src/guide/label-sources/<lang>.json names with a source. Menu paths quote every step.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from '../../src/guide/catalogue';
import { languageInfo } from '../../src/guide/languages';
import { guideTexts, LANGUAGES, quotedLabels, unquotedPathSteps } from '../firefox/guide-mentions';
import { FirefoxStrings, type FirefoxLocale } from '../firefox/strings';

interface LabelSource {
  readonly of: string;
  readonly source: string;
  readonly checked: string;
}

/** Labels of other programs a language's guide quotes, each with its source (label-sources/<lang>.json). */
function sourcesOf(language: Language): Readonly<Record<string, LabelSource>> {
  return JSON.parse(readFileSync(join(__dirname, '../../src/guide/label-sources', `${language}.json`), 'utf8')) as Record<
    string,
    LabelSource
  >;
}
const LOCALE = (language: Language): FirefoxLocale => languageInfo(language).firefoxLocale;
const QUOTES = (language: Language): readonly [string, string] => languageInfo(language).quotes;

/** The extension's own labels in one language: every message, placeholders open. */
function ownLabels(language: Language): RegExp[] {
  return guideTexts(language)
    .filter(({ where }) => where.startsWith(`${language} messages.`))
    .map(({ text }) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\$\d+/g, '.+')}$`));
}

// The oracle itself, on the two languages whose samples below were read by hand from Firefox
// 153's files: every other language's pack is read by the same code.
describe.each(['en', 'ru'] as const)("reading Firefox's %s strings (the oracle itself works)", (language) => {
  let firefox: FirefoxStrings;
  beforeAll(() => {
    firefox = FirefoxStrings.load(LOCALE(language));
  });

  test('Firefox can read the texts the guide relies on (the oracle itself works)', () => {
    // Known messages of Firefox 153, from certManager.ftl and appmenu.ftl: if these are not
    // found, the reading of the zip or of Fluent is broken, not the guide.
    const expected = language === 'en' ? ['Servers', 'Authorities', 'About Firefox'] : ['Серверы', 'Центры сертификации', 'О Firefox'];
    for (const label of expected) expect({ label, found: firefox.find(label) !== undefined }).toEqual({ label, found: true });
    expect(firefox.find(language === 'en' ? 'Nothing Firefox says, ever' : 'Ничего такого Firefox не пишет')).toBeUndefined();
  });

  test('a {host} placeholder stands for a Fluent variable; labels Firefox 153 dropped are not found', () => {
    // certError.ftl: fp-certerror-override-exception-button-2 = Proceed to { $hostname } (Risky)
    const proceed = language === 'en' ? 'Proceed to {host} (Risky)' : 'Перейти на {host} (рискованно)';
    expect(firefox.find(proceed)?.key).toBe('fp-certerror-override-exception-button-2');
    // Messages that are mostly variables (aboutProcesses.ftl `{ $name }`, enUS-searchFeatures.ftl
    // `{ $date } at { $time }`) must not match any sentence.
    expect(firefox.find(language === 'en' ? 'Any words at all' : 'Любые слова')).toBeUndefined();
    // The settings button was "View Certificates…" before the redesigned settings; in 153 it
    // is certs-view2 "Manage certificates" (preferences.ftl).
    expect(firefox.find(language === 'en' ? 'View Certificates…' : 'Просмотр сертификатов…')).toBeUndefined();
    expect(firefox.find(language === 'en' ? 'Manage certificates' : 'Управление сертификатами')).toBeDefined();
  });

  test("a name Firefox quotes inside its own labels counts as Firefox's, with the same quotes only", () => {
    // preferences.ftl (ru): httpsonly-radio-enabled = Включить режим «Только HTTPS» во всех окнах
    if (language === 'ru') expect(firefox.findQuotedName('Только HTTPS', ...QUOTES('ru'))).toBeDefined();
    expect(firefox.findQuotedName(language === 'en' ? 'Nothing Firefox quotes' : 'Ничего такого', ...QUOTES(language))).toBeUndefined();
    // Words that appear in Firefox's texts without quotes around them are no quoted name.
    expect(firefox.findQuotedName(language === 'en' ? 'Firefox' : 'Firefox', ...QUOTES(language))).toBeUndefined();
  });
});

describe.each(LANGUAGES)('labels the %s guide quotes', (language) => {
  let firefox: FirefoxStrings;
  beforeAll(() => {
    firefox = FirefoxStrings.load(LOCALE(language));
  });

  test("every quoted label is Firefox's, Cert Doctor's, or a sourced label of another program", () => {
    const own = ownLabels(language);
    const unknown = quotedLabels(language)
      .filter(({ label }) => firefox.find(label) === undefined && firefox.findQuotedName(label, ...QUOTES(language)) === undefined)
      .filter(({ label }) => !own.some((pattern) => pattern.test(label)) && sourcesOf(language)[label] === undefined)
      .map(({ where, label }) => `${where}: ${label}`);
    expect(unknown).toEqual([]);
  });

  test('every step of a menu path is a quoted label', () => {
    const unquoted = guideTexts(language).flatMap(({ where, text }) =>
      unquotedPathSteps(language, text).map((around) => `${where}: …${around}…`),
    );
    expect(unquoted).toEqual([]);
  });

  test('labels of other programs have a source and a date, and are still used', () => {
    const used = new Set(quotedLabels(language).map(({ label }) => label));
    for (const [label, source] of Object.entries(sourcesOf(language))) {
      expect({ label, used: used.has(label), firefox: firefox.find(label)?.key }).toEqual({ label, used: true, firefox: undefined });
      expect(source.of.trim()).not.toBe('');
      expect(source.source).toMatch(/^https:\/\//);
      expect(source.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
