// Every language Cert Doctor speaks, in one table. Adding a language is one folder of words and
// one line here: its guide in src/guide/text/<id>/, its messages in _locales/<folder>/
// (locales-folder.ts: pt-BR's are in pt_BR), the labels of other programs it quotes in
// src/guide/label-sources/<id>.json (README, "Adding a language"). Everything else (the options'
// list, the build, the tests that keep every language in step with English and check its
// Firefox labels against that language's Firefox) reads this table. The popup does not: it
// learns its language from the messages Firefox picked (src/shared/language.ts), so that
// adding a language does not grow it.

export interface LanguageInfo {
  /** The language's own name, as the options page lists it. */
  readonly name: string;
  /** The Firefox locale whose strings are the judge of the labels this guide quotes. */
  readonly firefoxLocale: string;
  /** The quotation marks around a quoted interface label. */
  readonly quotes: readonly [open: string, close: string];
}

export const LANGUAGE_TABLE = {
  en: { name: 'English', firefoxLocale: 'en-US', quotes: ['“', '”'] },
  de: { name: 'Deutsch', firefoxLocale: 'de', quotes: ['„', '“'] },
  'es-ES': { name: 'Español (España)', firefoxLocale: 'es-ES', quotes: ['«', '»'] },
  fr: { name: 'Français', firefoxLocale: 'fr', quotes: ['«', '»'] },
  it: { name: 'Italiano', firefoxLocale: 'it', quotes: ['«', '»'] },
  ja: { name: '日本語', firefoxLocale: 'ja', quotes: ['「', '」'] },
  pl: { name: 'Polski', firefoxLocale: 'pl', quotes: ['„', '”'] },
  'pt-BR': { name: 'Português (Brasil)', firefoxLocale: 'pt-BR', quotes: ['“', '”'] },
  ru: { name: 'Русский', firefoxLocale: 'ru', quotes: ['«', '»'] },
  uk: { name: 'Українська', firefoxLocale: 'uk', quotes: ['«', '»'] },
  'zh-CN': { name: '简体中文', firefoxLocale: 'zh-CN', quotes: ['“', '”'] },
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
