// Every language Cert Doctor speaks, in one table. Adding a language is one folder of words and
// one line here: its guide in src/guide/text/<id>/, its messages in _locales/<localesFolder>/,
// the labels of other programs it quotes in src/guide/label-sources/<id>.json (README, "Adding a
// language"). Everything else (the options' list, the choice by Firefox's language, the build,
// the tests that keep every language in step with English and check its Firefox labels against
// that language's Firefox) reads this table.

export interface LanguageInfo {
  /** The language's own name, as the options page lists it. */
  readonly name: string;
  /** The folder under _locales/ (WebExtensions write a region with an underscore: pt_BR). */
  readonly localesFolder: string;
  /** The Firefox locale whose strings are the judge of the labels this guide quotes. */
  readonly firefoxLocale: string;
  /** The locale of Mozilla's support site (support.mozilla.org/<locale>/kb/...). */
  readonly supportLocale: string;
  /** The quotation marks around a quoted interface label. */
  readonly quotes: readonly [open: string, close: string];
}

export const LANGUAGE_TABLE = {
  en: { name: 'English', localesFolder: 'en', firefoxLocale: 'en-US', supportLocale: 'en-US', quotes: ['“', '”'] },
  de: { name: 'Deutsch', localesFolder: 'de', firefoxLocale: 'de', supportLocale: 'de', quotes: ['„', '“'] },
  'es-ES': { name: 'Español (España)', localesFolder: 'es_ES', firefoxLocale: 'es-ES', supportLocale: 'es', quotes: ['«', '»'] },
  fr: { name: 'Français', localesFolder: 'fr', firefoxLocale: 'fr', supportLocale: 'fr', quotes: ['«', '»'] },
  it: { name: 'Italiano', localesFolder: 'it', firefoxLocale: 'it', supportLocale: 'it', quotes: ['«', '»'] },
  ja: { name: '日本語', localesFolder: 'ja', firefoxLocale: 'ja', supportLocale: 'ja', quotes: ['「', '」'] },
  pl: { name: 'Polski', localesFolder: 'pl', firefoxLocale: 'pl', supportLocale: 'pl', quotes: ['„', '”'] },
  'pt-BR': { name: 'Português (Brasil)', localesFolder: 'pt_BR', firefoxLocale: 'pt-BR', supportLocale: 'pt-BR', quotes: ['“', '”'] },
  ru: { name: 'Русский', localesFolder: 'ru', firefoxLocale: 'ru', supportLocale: 'ru', quotes: ['«', '»'] },
  uk: { name: 'Українська', localesFolder: 'uk', firefoxLocale: 'uk', supportLocale: 'uk', quotes: ['«', '»'] },
  'zh-CN': { name: '简体中文', localesFolder: 'zh_CN', firefoxLocale: 'zh-CN', supportLocale: 'zh-CN', quotes: ['“', '”'] },
} as const satisfies Readonly<Record<string, LanguageInfo>>;

export type Language = keyof typeof LANGUAGE_TABLE;

export const LANGUAGES: readonly Language[] = Object.keys(LANGUAGE_TABLE) as Language[];

export const DEFAULT_LANGUAGE: Language = 'en';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && Object.hasOwn(LANGUAGE_TABLE, value);
}

export function languageInfo(language: Language): LanguageInfo {
  return LANGUAGE_TABLE[language];
}

/**
 * The language for a Firefox UI locale ("de", "pt-BR", "en-GB"): the exact one, else the one of
 * its base language, else English.
 */
export function languageForLocale(locale: string): Language {
  const wanted = locale.replace('_', '-').toLowerCase();
  const exact = LANGUAGES.find((l) => l.toLowerCase() === wanted);
  if (exact) return exact;
  const base = wanted.split('-')[0] ?? '';
  return LANGUAGES.find((l) => l.toLowerCase().split('-')[0] === base) ?? DEFAULT_LANGUAGE;
}
