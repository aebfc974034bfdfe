// What the guide and the extension's own words name of Firefox: quoted labels, menu paths,
// about: pages and pref names, per language. The tests check each against the Firefox they run.
//
// The convention the guide is written in (README, "Which Firefox the guide is verified
// against"): every label of a program's interface is in quotes, “…” in English and «…» in
// Russian; a menu path is labels joined by " > ", each one quoted (or a backticked policy
// name, or ≡ for Firefox's menu button, which has no text); pref names and about: pages are in
// backticks.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogueData, Language } from '../../src/guide/catalogue';
import { LANGUAGES } from '../../src/guide/languages';
import { CATALOGUES } from '../../src/guide/catalogue-data';
import { languageInfo } from '../../src/guide/languages';
import { localesFolderOf } from '../../src/guide/locales-folder';

export interface GuideText {
  /** Where the string is, for failure messages ("en causes.clock-behind.steps.windows.2"). */
  readonly where: string;
  readonly text: string;
}

/** The extension's messages in one language (_locales/<folder>/messages.json). */
function messagesOf(language: Language): Record<string, { message: string }> {
  const file = join(__dirname, '..', '..', '_locales', localesFolderOf(language), 'messages.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, { message: string }>;
}

export { LANGUAGES };

/** Every string of the guide and of the extension's pages, in one language. */
export function guideTexts(language: Language): GuideText[] {
  const data: CatalogueData = CATALOGUES[language];
  const out: GuideText[] = [];
  const add = (where: string, text: string): void => {
    out.push({ where: `${language} ${where}`, text });
  };
  for (const [code, text] of Object.entries(data.codes)) {
    add(`codes.${code}.title`, text.title);
    add(`codes.${code}.explanation`, text.explanation);
  }
  for (const [code, text] of Object.entries(data.codesForOwner)) add(`codesForOwner.${code}`, text);
  for (const [id, cause] of Object.entries(data.causes)) {
    add(`causes.${id}.title`, cause.title);
    add(`causes.${id}.summary`, cause.summary);
    add(`causes.${id}.explanation`, cause.explanation);
    for (const [os, steps] of Object.entries(cause.steps))
      steps.forEach((step, i) => {
        add(`causes.${id}.steps.${os}.${i}`, step);
      });
    for (const [server, steps] of Object.entries(cause.owner))
      steps.forEach((step, i) => {
        add(`causes.${id}.owner.${server}.${i}`, step);
      });
  }
  for (const [product, text] of Object.entries(data.products))
    text.steps.forEach((step, i) => {
      add(`products.${product}.${i}`, step);
    });
  for (const [key, { message }] of Object.entries(messagesOf(language))) add(`messages.${key}`, message);
  return out;
}

/** The text outside `code spans`, with each span replaced by one space (it is no label). */
export function prose(text: string): string {
  return text.replace(/`[^`]*`/g, ' ');
}

export interface QuotedLabel {
  readonly where: string;
  readonly label: string;
}

const OPENING = (language: Language): string => languageInfo(language).quotes[0];
const CLOSING = (language: Language): string => languageInfo(language).quotes[1];

/**
 * The outermost quoted spans of a text, quotes removed. Quotes nest: Russian labels carry their
 * own «» (Firefox's «Включить режим «Только HTTPS» во всех окнах»), so a label ends at the
 * closing quote that balances its opening one, not at the first closing quote.
 */
export function quotedSpans(language: Language, text: string): string[] {
  const spans: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === OPENING(language)) {
      if (depth > 0) current += char;
      depth += 1;
    } else if (char === CLOSING(language) && depth > 0) {
      depth -= 1;
      if (depth === 0) {
        // French sets a no-break space inside its guillemets (« Paramètres »), as Firefox does.
        spans.push(current.replace(/^\u00a0|\u00a0$/g, ''));
        current = '';
      } else {
        current += char;
      }
    } else if (depth > 0) {
      current += char;
    }
  }
  return spans;
}

/** Every quoted label, quotes removed. A quote of a message placeholder alone ($1) is skipped. */
export function quotedLabels(language: Language): QuotedLabel[] {
  return guideTexts(language).flatMap(({ where, text }) =>
    quotedSpans(language, prose(text))
      .filter((label) => !/^\$\d+$/.test(label))
      .map((label) => ({ where, label })),
  );
}

/** Stands for a code span while menu paths are read (no guide text contains it). */
const CODE = '\u0000';

/**
 * Each " > " of a menu path whose neighbours are not both quoted labels (or a code span, or
 * the ≡ menu button): the text around it, for the failure message.
 */
export function unquotedPathSteps(language: Language, text: string): string[] {
  // Code spans are kept as a marker: `Certificates` > `Install` is a policy path, not a label.
  const marked = text.replace(/`[^`]*`/g, CODE);
  const out: string[] = [];
  for (const match of marked.matchAll(/ > /g)) {
    const before = marked.slice(0, match.index);
    const after = marked.slice(match.index + 3);
    const leftOk = before.endsWith(CLOSING(language)) || before.endsWith(CODE) || /≡(?: menu)?$/.test(before) || /меню ≡$/.test(before);
    const rightOk = after.startsWith(OPENING(language)) || after.startsWith(CODE);
    if (!leftOk || !rightOk) out.push(marked.slice(Math.max(0, match.index - 30), match.index + 33).replaceAll(CODE, '`…`'));
  }
  return out;
}

/** The roots of Firefox's pref names; a backticked dotted name under one of them is a pref. */
const PREF_ROOTS = ['security', 'network', 'browser', 'privacy', 'dom', 'extensions', 'general', 'intl', 'services', 'toolkit'];

export interface PrefMention {
  readonly where: string;
  /** The pref, or a prefix ending in "." or cut short (`security.tls.version`) to search for. */
  readonly name: string;
}

/** Pref names in code spans: `security.tls.version.min`, or a prefix such as `security.ssl3.`. */
export function prefMentions(language: Language): PrefMention[] {
  const pattern = new RegExp(`\`((?:${PREF_ROOTS.join('|')})\\.[a-z0-9_.-]*)\``, 'g');
  return guideTexts(language).flatMap(({ where, text }) => [...text.matchAll(pattern)].map((match) => ({ where, name: match[1] ?? '' })));
}

/** The about: pages the guide and the extension's pages name. */
export function aboutPages(language: Language): string[] {
  const pages = guideTexts(language).flatMap(({ text }) =>
    [...text.matchAll(/about:([a-z-]+)/g)].map((match) => `about:${match[1] ?? ''}`),
  );
  return [...new Set(pages)].sort();
}
