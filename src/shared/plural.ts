// Counts in words. browser.i18n has no plurals, so a message with a count is stored once per
// plural category of its language (`key_one`, `key_other` in English; `key_one`, `key_few`,
// `key_many`, `key_other` in Russian) and Intl.PluralRules picks the form: Russian says
// "1 сайт", "2 сайта", "5 сайтов", "21 сайт", "22 сайта", "111 сайтов".

import type { Translate } from './i18n';

/** The message key for `count` in `language`: `key_<category>`. */
export function pluralKey(key: string, count: number, language: string): string {
  return `${key}_${pluralRules(language).select(count)}`;
}

/**
 * The message for a count: `substitutions` as usual (the count among them, as text), the form
 * chosen by the count. A language file without that category falls back to `key_other`.
 */
export function translateCount(t: Translate, language: string, key: string, count: number, substitutions: readonly string[]): string {
  const specific = pluralKey(key, count, language);
  const text = t(specific, [...substitutions]);
  return text !== specific ? text : t(`${key}_other`, [...substitutions]);
}

const cache = new Map<string, Intl.PluralRules>();

function pluralRules(language: string): Intl.PluralRules {
  let rules = cache.get(language);
  if (!rules) {
    try {
      rules = new Intl.PluralRules(language);
    } catch {
      rules = new Intl.PluralRules('en');
    }
    cache.set(language, rules);
  }
  return rules;
}
