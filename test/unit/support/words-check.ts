// Checks for rendered words: placeholders or markers left unfilled, "undefined"/"NaN"/"null",
// a count with the wrong noun form, and a sentence that points at something the report (or
// the popup) does not show. The expected forms are written from English and Russian grammar,
// not from Intl: the tests check Intl.PluralRules and the message files against them.

import type { FactName } from '../../../src/guide/text-values';

/** "one", "few" or "many" for a whole number, by the rule of Russian grammar. */
export function russianForm(n: number): 'one' | 'few' | 'many' {
  const last = n % 10;
  const lastTwo = n % 100;
  if (last === 1 && lastTwo !== 11) return 'one';
  if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) return 'few';
  return 'many';
}

/** Placeholders, conditional markers and empty values that reached the reader. */
export function leftovers(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/\{(?:if:!?[a-zA-Z]+|\/if|else|[a-zA-Z]+)\}/g)) found.push(m[0]);
  // `</dev/null` in a command is not an empty value.
  for (const m of text.matchAll(/\bundefined\b|\bNaN\b|(?<!\/dev\/)\bnull\b/g)) found.push(m[0]);
  return found;
}

// Noun forms after a number, and the forms of the number each may follow.
const ENGLISH_NOUNS: Readonly<Record<string, 'one' | 'other'>> = {
  site: 'one',
  sites: 'other',
  website: 'one',
  websites: 'other',
  part: 'one',
  parts: 'other',
  certificate: 'one',
  certificates: 'other',
  bit: 'one',
  bits: 'other',
};
type RussianForm = ReturnType<typeof russianForm>;
const RUSSIAN_NOUNS: Readonly<Record<string, readonly RussianForm[]>> = {
  сайт: ['one'],
  сайта: ['few'],
  сайтов: ['many'],
  сайтом: ['one'],
  сайте: ['one'],
  сайтами: ['few', 'many'],
  сайтах: ['few', 'many'],
  часть: ['one'],
  части: ['few'],
  частей: ['many'],
  сертификат: ['one'],
  сертификата: ['few'],
  сертификатов: ['many'],
  // "менее 1024 бит": the genitive plural has no ending, so бит follows any number.
  бит: ['one', 'few', 'many'],
  бита: ['few'],
};

/** "RFC 5280", "TLS 1.2", "port 8443", "Firefox 153": numbers that name something, not counts. */
const NAME_BEFORE = /(?:RFC|TLS|SSL|SHA|port|порт\S*|version|верси\S*|Firefox|ESR|Windows|macOS|Android|nginx|Apache|OpenSSL)\s$/iu;

const GENITIVE_BEFORE = /(?:^|[\s(«])(?:из|от|до|более|менее|около|свыше|больше|меньше|для|без|кроме)\s$/iu;

/** "1 other secure sites", "5 сайта": a number followed (within two words) by the wrong noun form. */
export function pluralMistakes(text: string, language: string): string[] {
  const mistakes: string[] = [];
  if (language === 'ru') {
    const nouns = Object.keys(RUSSIAN_NOUNS)
      .sort((a, b) => b.length - a.length)
      .join('|');
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\d.,:-])(\\d+) (?:[а-яё-]+ ){0,2}?(${nouns})(?![а-яё])`, 'giu'))) {
      // After "из", "более", "около"… every number takes the genitive ("более 2 сайтов"): not checked.
      if (GENITIVE_BEFORE.test(text.slice(0, m.index)) || NAME_BEFORE.test(text.slice(0, m.index))) continue;
      const form = russianForm(Number(m[1]));
      if (!(RUSSIAN_NOUNS[(m[2] ?? '').toLowerCase()] ?? []).includes(form)) mistakes.push(m[0]);
    }
  } else if (language === 'en') {
    // Other languages' nouns are not listed here: their counted messages are checked by form
    // (words-render.test.tsx), their sentences by a reader of that language.
    const nouns = Object.keys(ENGLISH_NOUNS).join('|');
    // "SHA-1 intermediate certificates", "TLS 1.2" are names, not counts.
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\d.,:-])(\\d+) (?:[a-z-]+ ){0,2}?(${nouns})\\b`, 'giu'))) {
      if (NAME_BEFORE.test(text.slice(0, m.index))) continue;
      const form = Number(m[1]) === 1 ? 'one' : 'other';
      if (ENGLISH_NOUNS[(m[2] ?? '').toLowerCase()] !== form) mistakes.push(m[0]);
    }
    for (const m of text.matchAll(/\d+ \w+\(s\)/g)) mistakes.push(m[0]);
  }
  return mistakes;
}

/**
 * Sentences that say the report (or the popup) shows a fact, by the fact. Where the fact does not
 * hold, none of them may be in the rendered words.
 */
export const PROMISES: readonly { readonly fact: FactName; readonly en: RegExp; readonly ru: RegExp }[] = [
  {
    fact: 'certificates',
    en: /report names the expired one|lists the names the certificate|names the certificate does cover|\(listed in the report\)|certificate in the report|issuer in the Cert Doctor report|report shows the certificate/i,
    ru: /просроченный указан в отчёте|перечислены (?:и )?имена|\(они перечислены в отчёте\)|сертификат из отчёта|издателя в отчёте|в отчёте виден сертификат/i,
  },
  {
    fact: 'code',
    en: /names the exact rule|error code in the report|error named in the report|report shows the alert/i,
    ru: /указано, какое именно правило|код ошибки в отчёте|указанную в отчёте|в отчёте видно, какое предупреждение/i,
  },
  { fact: 'failedParts', en: /report lists the failed parts/i, ru: /в отчёте перечислены незагруженные части/i },
  { fact: 'lastGood', en: /and the one before it/i, ru: /, и прежний/i },
  { fact: 'sslLabs', en: /SSL Labs/, ru: /SSL Labs/ },
  { fact: 'clock', en: /what it measured is listed/i, ru: /результат измерения приведён/i },
];

export function brokenPromises(text: string, language: string, facts: Readonly<Record<FactName, boolean>>): string[] {
  // The patterns are English and Russian sentences; other languages have none yet.
  if (language !== 'en' && language !== 'ru') return [];
  return PROMISES.filter((p) => !facts[p.fact] && (language === 'ru' ? p.ru : p.en).test(text)).map(
    (p) => `${p.fact}: ${String((language === 'ru' ? p.ru : p.en).exec(text)?.[0])}`,
  );
}

/**
 * Any sentence that says what the report contains. Each must be conditional on its fact ({if:…}),
 * or name something every report has (listed in ALWAYS_IN_REPORT).
 */
export const REPORT_CONTENT: Readonly<Record<'en' | 'ru', RegExp>> = {
  en: /[^.;:]*(?:\b(?:in|from) the (?:Cert Doctor )?report\b|\breport (?:names|lists|shows|says|gives|contains)\b)[^.;]*|\breport\b[^.]*?[;:]\s*it (?:also )?(?:names|lists|shows|says|gives)\b[^.;]*/gi,
  ru: /[^.;:]*(?:(?:в|из) отчёт(?:е|а)(?: Cert Doctor)?\b|отчёт\S* (?:указ|перечисл|показ|содерж)|в нём (?:указ|перечисл|сказано))[^.;]*/giu,
};

/** What every report contains, so a sentence may point at it unconditionally. */
export const ALWAYS_IN_REPORT: Readonly<Record<'en' | 'ru', readonly RegExp[]>> = {
  en: [
    /it says (?:exactly )?what to change/i, // the fix section
    /owner'?s? instructions in the report/i, // the fix section
    /time given in the report/i, // "Seen: <time>"
    /^\s*If the report says/i, // a condition, not a promise
  ],
  ru: [
    /в нём сказано, что (?:именно )?изменить/i,
    /инструкци\S* для владельца в отчёте|в отчёте инструкци/i,
    /время,? указанное в отчёте|в указанное в отчёте время|время из отчёта/i,
    /^\s*Если в отчёте (?:сказано|указано)/i,
  ],
};
