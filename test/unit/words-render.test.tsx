/** @jest-environment jsdom */
// Words that keep their promises. Every code, cause (title, summary, explanation, steps for every
// system, owner fixes for every server), product and report section is rendered in every
// language with the snapshots recorded from the lab in Firefox, the way the popup and the report
// render them; the test fails on a placeholder left unfilled, on "undefined", "NaN" or "null", on a
// count in the wrong plural form, and on a sentence that points at something the report (or the
// popup) does not show.

import { cleanup, render } from '@testing-library/preact';
import { DiagnosisView } from '../../popup/DiagnosisView';
import { popupTextValues } from '../../popup/GuideView';
import type { SnapshotView } from '../../popup/popup-state';
import { errorNumberForName } from '../../src/core/error-codes/decode';
import type { Cause, Diagnosis } from '../../src/diagnosis/types';
import { CAUSE_IDS } from '../../src/rules/cause-ids';
import { Catalogue, type CauseText, type Language } from '../../src/guide/catalogue';
import { LANGUAGES } from '../../src/guide/languages';
import { localesFolderOf } from '../../src/guide/locales-folder';
import { CATALOGUES } from '../../src/guide/catalogue-data';
import { fillEach, fillTemplate, type Values } from '../../src/guide/fill';
import { FACT_NAMES, type FactName } from '../../src/guide/text-values';
import { reportHtml } from '../../src/report/html';
import { reportJson } from '../../src/report/json';
import { reportMarkdown } from '../../src/report/markdown';
import { buildReport, type Report, type ReportInput } from '../../src/report/report-model';
import { reportSections } from '../../src/report/sections';
import { reportText } from '../../src/report/text';
import { translateCount } from '../../src/shared/plural';
import { translatorForLocale } from './fakes/messages';
import { reportInputFor, RECORDED, type Recorded } from './support/report-input';
import {
  ALWAYS_IN_REPORT,
  brokenPromises,
  counts,
  hasNounPlurals,
  leftovers,
  pluralMistakes,
  PROMISES,
  REPORT_CONTENT,
  russianForm,
} from './support/words-check';
import { decodedFacts } from '../../src/views/build-view';

type Facts = Record<FactName, boolean>;

/** Everything wrong with one rendered text, with where it was seen. */
function problems(where: string, text: string, language: Language, facts: Facts): string[] {
  return [
    ...leftovers(text).map((p) => `${where}: left unfilled: ${p}`),
    ...pluralMistakes(text, language).map((p) => `${where}: wrong plural: ${p}`),
    ...brokenPromises(text, language, facts).map((p) => `${where}: promises ${p}`),
  ];
}

/** What a report contains, read from the report itself. */
function reportFacts(report: Report): Facts {
  return {
    certificates: report.certificates.length > 0,
    code: report.problem.code !== null,
    lastGood: report.lastGood !== null,
    failedParts: report.failedParts.length > 0,
    sslLabs: report.verify.checkers.some((c) => c.startsWith('https://www.ssllabs.com/')),
    clock: report.visitorChecks.some((c) => c.id === 'clock' && c.result !== 'unknown'),
  };
}

function renderedReport(report: Report, language: Language): string[] {
  const blocks = reportSections(report, translatorForLocale(language));
  return [
    reportText(blocks),
    reportMarkdown(blocks),
    reportHtml(blocks, report.language),
    jsonStrings(JSON.parse(reportJson(report)) as unknown).join('\n'),
  ];
}

/** The strings inside the JSON report (its braces are syntax, not placeholders). */
function jsonStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(jsonStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(jsonStrings);
  return [];
}

/** Every cause, the recorded ones first: the report's fix follows the first one. */
function withCauseFirst(diagnosis: Diagnosis, id: (typeof CAUSE_IDS)[number]): Diagnosis {
  const own = diagnosis.causes.find((c) => c.id === id);
  const cause: Cause = own ?? { id, confidence: 'low', evidence: [] };
  return { ...diagnosis, causes: [cause, ...diagnosis.causes.filter((c) => c.id !== id)] };
}

function withEveryCause(diagnosis: Diagnosis): Diagnosis {
  const missing = CAUSE_IDS.filter((id) => !diagnosis.causes.some((c) => c.id === id)).map((id): Cause => ({
    id,
    confidence: 'low',
    evidence: [],
  }));
  return { ...diagnosis, causes: [...diagnosis.causes, ...missing] };
}

function popupView(input: ReportInput): SnapshotView {
  return {
    kind: 'snapshot',
    snapshot: input.snapshot,
    clock: input.clock,
    badgeText: '',
    // No system: the popup then shows the default steps and every system's own list.
    environment: { os: '', firefoxVersion: '153.8.0', captivePortal: 'not_captive' },
    lastGood: input.lastGood,
    diagnosis: input.diagnosis,
    ...decodedFacts(input.snapshot),
    now: input.now,
  };
}

/** The popup's text as a reader meets it: blocks (a folded section's title, a list item) apart. */
function readableText(root: Element): string {
  const blocks = root.querySelectorAll('p, li, summary, h1, h2, h3, h4, dt, dd');
  for (const block of blocks) block.append('\n');
  return root.textContent;
}

function popupFacts(values: Values): Facts {
  return Object.fromEntries(FACT_NAMES.map((name) => [name, values[name] === true])) as Facts;
}

function causeStrings(text: CauseText): { required: [string, string][]; steps: [string, readonly string[]][] } {
  return {
    required: [
      ['title', text.title],
      ['summary', text.summary],
      ['explanation', text.explanation],
    ],
    steps: [
      ...Object.entries(text.steps).map(([os, s]): [string, readonly string[]] => [`steps.${os}`, s]),
      ...Object.entries(text.owner).map(([server, s]): [string, readonly string[]] => [`owner.${server}`, s]),
    ],
  };
}

/** Every string of a language's guide, by entry and position (the same keys in every language). */
function guideEntries(language: Language): Map<string, string> {
  const data = CATALOGUES[language];
  const entries = new Map<string, string>();
  const add = (key: string, list: readonly string[]): void => {
    list.forEach((s, i) => entries.set(`${key}[${i}]`, s));
  };
  for (const [code, c] of Object.entries(data.codes)) add(`codes.${code}`, [c.title, c.explanation]);
  for (const [code, s] of Object.entries(data.codesForOwner)) add(`codesForOwner.${code}`, [s]);
  for (const [id, c] of Object.entries(data.causes)) {
    add(`causes.${id}`, [c.title, c.summary, c.explanation]);
    for (const [os, steps] of Object.entries(c.steps)) add(`causes.${id}.steps.${os}`, steps);
    for (const [server, steps] of Object.entries(c.owner)) add(`causes.${id}.owner.${server}`, steps);
  }
  for (const [product, p] of Object.entries(data.products)) add(`products.${product}`, p.steps);
  return entries;
}

/** Every value known: what a sentence says then depends only on the facts. */
const ALL_VALUES: Values = {
  host: 'shop.example',
  port: '8443',
  alternative: 'www.shop.example',
  product: 'Avast',
  issuer: 'R11',
  since: '2026-11-25',
};

function reportSentences(text: string, language: Language): string[] {
  return [...text.matchAll(REPORT_CONTENT[language])].map((m) => m[0].trim());
}

function alwaysInReport(sentence: string, language: Language): boolean {
  return ALWAYS_IN_REPORT[language].some((ok) => ok.test(sentence));
}

const CASES: [Language, string, Recorded][] = LANGUAGES.flatMap((language) =>
  RECORDED.map((r): [Language, string, Recorded] => [language, r.caseId, r]),
);

describe('words keep their promises, on every recorded lab case, in every language', () => {
  afterEach(cleanup);

  test.each(CASES)('%s popup: %s', (language, _caseId, r) => {
    const input = reportInputFor(r, {}, language);
    const view = popupView(input);
    const t = translatorForLocale(language);
    const catalogue = new Catalogue(language, CATALOGUES[language]);
    const values = popupTextValues(view, language);
    const facts = popupFacts(values);
    const found: string[] = [];
    // The popup as it is, and with every cause folded in below the first.
    for (const diagnosis of [view.diagnosis, withEveryCause(view.diagnosis)]) {
      const { container, unmount } = render(<DiagnosisView state={{ ...view, diagnosis }} t={t} catalogue={catalogue} locale={language} />);
      found.push(...problems('popup', readableText(container), language, facts));
      unmount();
    }
    // Every string of the guide with this page's values, as RichText fills it.
    const data = CATALOGUES[language];
    for (const [code, text] of Object.entries(data.codes)) {
      for (const [where, template] of [
        ['title', text.title],
        ['explanation', text.explanation],
      ] as const) {
        const filled = fillTemplate(template, values);
        if (!filled) found.push(`code ${code} ${where}: cannot be said`);
        else found.push(...problems(`code ${code} ${where}`, filled, language, facts));
      }
    }
    for (const id of CAUSE_IDS) {
      const { required, steps } = causeStrings(data.causes[id] as CauseText);
      for (const [where, template] of required) {
        const filled = fillTemplate(template, values);
        if (!filled) found.push(`${id} ${where}: cannot be said`);
        else found.push(...problems(`${id} ${where}`, filled, language, facts));
      }
      for (const [where, list] of steps)
        for (const step of fillEach(list, values)) found.push(...problems(`${id} ${where}`, step, language, facts));
    }
    for (const [product, text] of Object.entries(data.products))
      for (const step of fillEach(text.steps, values)) found.push(...problems(`product ${product}`, step, language, facts));
    expect(found).toEqual([]);
  });

  test.each(CASES)('%s report: %s', (language, _caseId, r) => {
    const found: string[] = [];
    for (const [index, options] of [{}, { includeChain: false, includePath: true, note: 'Seen twice today.' }].entries()) {
      const input = reportInputFor(r, options, language);
      const report = buildReport(input);
      for (const text of renderedReport(report, language)) found.push(...problems('report', text, language, reportFacts(report)));
      // With each cause first, the report carries its title, summary and every server's fix
      // (without the chain too: the words about the certificates must then say less).
      if (index === 1 && r.snapshot.status !== 'loaded') continue;
      for (const id of CAUSE_IDS) {
        const forced = buildReport({ ...input, diagnosis: withCauseFirst(input.diagnosis, id) });
        if (forced.causes[0]?.title === '' || forced.causes[0]?.summary === '') found.push(`${id}: title or summary cannot be said`);
        const [text = ''] = renderedReport(forced, language);
        found.push(...problems(`report with ${id} first`, text, language, reportFacts(forced)));
      }
    }
    expect(found).toEqual([]);
  });
});

describe("every code's words in the report, with every failed lab case", () => {
  // The code's words depend on the site's address and the report's facts, not on the code
  // Firefox gave: a public name, a device on the home network and an HSTS site cover them.
  const failedCases = RECORDED.filter((r) => ['expired', 'local-device', 'hsts-broken'].includes(r.caseId));

  test.each(LANGUAGES)('%s', (language) => {
    const found: string[] = [];
    for (const code of Object.keys(CATALOGUES[language].codes)) {
      const number = errorNumberForName(code);
      if (number === null) continue; // generic:* entries: reached through unlisted codes below
      for (const r of failedCases) {
        const snapshot = {
          ...r.snapshot,
          failure: { errorNumber: number, rawError: `Error code ${number}`, at: r.snapshot.failure?.at ?? r.recordedAt },
        };
        const report = buildReport(reportInputFor({ ...r, snapshot }, {}, language));
        if (report.problem.title === '' || report.problem.meaning === '') found.push(`${code} on ${r.caseId}: no title or meaning`);
        const [text = ''] = renderedReport(report, language);
        found.push(...problems(`${code} on ${r.caseId}`, text, language, reportFacts(report)));
      }
    }
    // Unlisted numbers of each family get the family's generic words.
    for (const number of [0x805a1ff0, 0x805a2ff0, 0x804b0ff0, 12345]) {
      const r = failedCases[0] as Recorded;
      const report = buildReport(
        reportInputFor(
          { ...r, snapshot: { ...r.snapshot, failure: { errorNumber: number, rawError: 'x', at: r.recordedAt } } },
          {},
          language,
        ),
      );
      const [text = ''] = renderedReport(report, language);
      found.push(...problems(`number ${number}`, text, language, reportFacts(report)));
    }
    expect(found).toEqual([]);
  });
});

describe('the words the data must always be able to say', () => {
  test.each(LANGUAGES)("%s: every title, summary and explanation needs only the site's address", (language) => {
    const minimal: Values = { host: 'shop.example', port: '443' };
    const data = CATALOGUES[language];
    const unsayable = [
      ...Object.entries(data.codes).flatMap(([code, c]) =>
        [c.title, c.explanation].filter((s) => !fillTemplate(s, minimal)).map(() => code),
      ),
      ...Object.entries(data.codesForOwner)
        .filter(([, s]) => !fillTemplate(s, minimal))
        .map(([code]) => `owner ${code}`),
      ...CAUSE_IDS.flatMap((id) =>
        causeStrings(data.causes[id] as CauseText)
          .required.filter(([, s]) => !fillTemplate(s, minimal))
          .map(([where]) => `${id} ${where}`),
      ),
      // Every cause keeps at least one step for the visitor.
      ...CAUSE_IDS.filter((id) => fillEach(data.causes[id]?.steps.default ?? [], minimal).length === 0).map((id) => `${id} steps`),
    ];
    expect(unsayable).toEqual([]);
  });

  test.each(LANGUAGES)('%s: a sentence about what the report contains depends on that fact, unless every report has it', (language) => {
    const unconditional = [...guideEntries(language).values()].flatMap((s) =>
      reportSentences(fillTemplate(s, ALL_VALUES) ?? '', language).filter((sentence) => !alwaysInReport(sentence, language)),
    );
    expect(unconditional).toEqual([]);
  });
});

// The sentence patterns of support/words-check.ts are written per language from its own words.
// English's are the measure: wherever they find a sentence, that entry's sentence in every other
// language (the files are structurally equal) must be found too, so that no translation of a
// promise slips past its language's pattern.
describe("every language's sentence patterns find what English's find, entry by entry", () => {
  const every = (holds: boolean): Values => ({ ...ALL_VALUES, ...Object.fromEntries(FACT_NAMES.map((f) => [f, holds])) });
  const english = guideEntries('en');
  const saidInEnglish = (key: string, holds: boolean): string => fillTemplate(english.get(key) ?? '', every(holds)) ?? '';

  test.each(LANGUAGES)('%s: each promise, by its fact', (language) => {
    const entries = guideEntries(language);
    const missed = PROMISES.flatMap(({ fact, said }) =>
      [...english.keys()]
        .filter((key) => said.en.test(saidInEnglish(key, true)))
        .filter((key) => !said[language].test(fillTemplate(entries.get(key) ?? '', every(true)) ?? ''))
        .map((key) => `${fact}: ${key}`),
    );
    expect(missed).toEqual([]);
    // Some entry of each fact is found at all (a pattern that matches nothing passes the above only if English's does too).
    for (const { fact, said } of PROMISES)
      expect({ fact, found: [...entries.values()].some((s) => said[language].test(fillTemplate(s, every(true)) ?? '')) }).toEqual({
        fact,
        found: true,
      });
  });

  test.each(LANGUAGES)('%s: each sentence about what the report contains, and each that every report may say', (language) => {
    const entries = guideEntries(language);
    const said = (key: string, holds: boolean): string => fillTemplate(entries.get(key) ?? '', every(holds)) ?? '';
    const aboutReport = (key: string, lang: Language, text: string): string => `${key}: ${reportSentences(text, lang).length > 0}`;
    expect([...english.keys()].map((key) => aboutReport(key, language, said(key, true)))).toEqual(
      [...english.keys()].map((key) => aboutReport(key, 'en', saidInEnglish(key, true))),
    );
    // What ALWAYS_IN_REPORT lets stand unconditionally: the same entries as in English, no more.
    const standing = (key: string, lang: Language, text: string): string =>
      `${key}: ${reportSentences(text, lang).some((sentence) => alwaysInReport(sentence, lang))}`;
    expect([...english.keys()].map((key) => standing(key, language, said(key, false)))).toEqual(
      [...english.keys()].map((key) => standing(key, 'en', saidInEnglish(key, false))),
    );
  });
});

describe("the owner's steps use the site's real port", () => {
  test('commands and server blocks name the port the lab served on; SSL Labs only for public hosts on 443', () => {
    const r = RECORDED.find((x) => x.caseId === 'tls10-only') as Recorded;
    const url = new URL(r.snapshot.url);
    expect(url.port).not.toBe(''); // the lab's servers run on random ports
    const report = buildReport(reportInputFor(r));
    const fix = [...report.fix.steps, ...Object.values(report.fix.servers).flat()].join('\n');
    expect(fix).toContain(`openssl s_client -connect ${url.hostname}:${url.port} -servername ${url.hostname}`);
    expect(fix).not.toMatch(/:443\b/);
    expect(fix).not.toContain('SSL Labs');
    expect(report.verify.checkers).toEqual([]);
    // The same site on the default port: 443 in the commands, and SSL Labs may be named.
    const onDefaultPort = { ...r, snapshot: { ...r.snapshot, url: 'https://shop.example.com/' } };
    const publicReport = buildReport(reportInputFor(onDefaultPort));
    const publicFix = [...publicReport.fix.steps, ...Object.values(publicReport.fix.servers).flat()].join('\n');
    expect(publicFix).toContain('openssl s_client -connect shop.example.com:443 -servername shop.example.com');
    expect(publicFix).toContain('SSL Labs');
    expect(publicReport.verify.checkers).toEqual(['https://www.ssllabs.com/ssltest/analyze.html?d=shop.example.com']);
  });

  test('a server block for a site on another port listens on that port', () => {
    const r = RECORDED.find((x) => x.caseId === 'self-signed') as Recorded;
    const url = new URL(r.snapshot.url);
    const report = buildReport(reportInputFor(r));
    expect(report.causes[0]?.id).toBe('self-signed');
    expect(report.fix.servers.nginx?.join(' ')).toContain(`listen ${url.port} ssl;`);
    expect(report.fix.servers.apache?.join(' ')).toContain(`<VirtualHost *:${url.port}>`);
  });
});

describe("the words name the site's own port", () => {
  test.each(LANGUAGES)('%s: no command, listener or virtual host is written for port 443 instead of {port}', (language) => {
    const data = CATALOGUES[language];
    const strings = [
      ...Object.values(data.codesForOwner),
      ...Object.values(data.causes).flatMap((c) => [c.explanation, ...Object.values(c.steps).flat(), ...Object.values(c.owner).flat()]),
    ];
    // Port 443 stays only where it is not the site's address: ACME validation (Caddy), defaults.
    const fixed = strings.filter((s) => /\{host\}:443\b|-p 443\b|listen 443\b|\*:443>|testssl\.sh \{host\}(?!:)/.test(s));
    expect(fixed).toEqual([]);
  });
});

describe('counts in their plural forms', () => {
  // Each counted message, the position of its count, and the noun that must follow the count.
  const COUNTED: readonly { key: string; countAt: number; en: [string, string]; ru: Record<'one' | 'few' | 'many', string> }[] = [
    { key: 'badgeTitleBrokenParts', countAt: 0, en: ['part', 'parts'], ru: { one: 'часть', few: 'части', many: 'частей' } },
    { key: 'factsBrokenParts', countAt: 0, en: ['part', 'parts'], ru: { one: 'часть', few: 'части', many: 'частей' } },
    { key: 'factsClockRight', countAt: 0, en: ['site agrees', 'sites agree'], ru: { one: 'сайт', few: 'сайта', many: 'сайтов' } },
    { key: 'factsClockAhead', countAt: 1, en: ['site agrees', 'sites agree'], ru: { one: 'сайт', few: 'сайта', many: 'сайтов' } },
    { key: 'factsClockBehind', countAt: 1, en: ['site agrees', 'sites agree'], ru: { one: 'сайт', few: 'сайта', many: 'сайтов' } },
    { key: 'optionsRememberedCount', countAt: 0, en: ['site', 'sites'], ru: { one: 'сайт', few: 'сайта', many: 'сайтов' } },
    { key: 'evidenceClockAhead', countAt: 1, en: ['site agrees', 'sites agree'], ru: { one: 'сайт', few: 'сайта', many: 'сайтов' } },
    { key: 'evidenceClockBehind', countAt: 1, en: ['site agrees', 'sites agree'], ru: { one: 'сайт', few: 'сайта', many: 'сайтов' } },
    { key: 'evidenceClockOk', countAt: 0, en: ['site agrees', 'sites agree'], ru: { one: 'сайт', few: 'сайта', many: 'сайтов' } },
    { key: 'evidenceProductSeen', countAt: 1, en: ['other site', 'other sites'], ru: { one: 'сайте', few: 'сайтах', many: 'сайтах' } },
    { key: 'evidenceManySites', countAt: 0, en: ['site', 'sites'], ru: { one: 'сайт', few: 'сайта', many: 'сайтов' } },
    {
      key: 'evidenceChainLength',
      countAt: 0,
      en: ['certificate', 'certificates'],
      ru: { one: 'сертификат', few: 'сертификата', many: 'сертификатов' },
    },
    { key: 'evidenceWeakKey', countAt: 0, en: ['bit', 'bits'], ru: { one: 'бит', few: 'бита', many: 'бит' } },
    {
      key: 'reportCheckClockPassed',
      countAt: 0,
      en: ['other website', 'other websites'],
      ru: { one: 'другим сайтом', few: 'другими сайтами', many: 'другими сайтами' },
    },
    {
      key: 'reportCheckClockFailed',
      countAt: 0,
      en: ['other website', 'other websites'],
      ru: { one: 'другим сайтом', few: 'другими сайтами', many: 'другими сайтами' },
    },
    {
      key: 'reportCheckOtherSitesPassed',
      countAt: 0,
      en: ['other secure site', 'other secure sites'],
      ru: { one: 'защищённый сайт', few: 'защищённых сайта', many: 'защищённых сайтов' },
    },
  ];
  const COUNTS = [0, 1, 2, 5, 11, 12, 14, 21, 22, 25, 111, 1024, 2048];

  test('Russian follows its grammar: 1 and 21 one form, 2-4 and 22 another, 0, 5-20, 25 and 111 a third', () => {
    // The test's own rule against Intl, which the extension uses.
    expect([0, 1, 2, 5, 21, 22, 25, 111].map(russianForm)).toEqual(['many', 'one', 'few', 'many', 'one', 'few', 'many', 'many']);
    for (const n of COUNTS) expect(new Intl.PluralRules('ru').select(n)).toBe(russianForm(n));
  });

  test.each(LANGUAGES.flatMap((language) => COUNTED.map((c) => [language, c.key] as const)))(
    '%s %s: every count is said, in the form Intl.PluralRules picks for it',
    (language, key) => {
      const t = translatorForLocale(localesFolderOf(language));
      const rules = new Intl.PluralRules(language);
      for (const n of COUNTS) {
        const text = translateCount(t, language, key, n, [String(n), String(n)]);
        const form = t(`${key}_${rules.select(n)}`, [String(n), String(n)]);
        expect({ n, said: new RegExp(`(?:^|[^\\d])${n}(?!\\d)`).test(text), form: text === form }).toEqual({ n, said: true, form: true });
      }
    },
  );

  // The nouns after each count, written by hand for English and Russian.
  test.each(COUNTED.map((c) => [c.key, c] as const))('en and ru %s: the noun after each count', (_key, counted) => {
    for (const language of ['en', 'ru'] as const) {
      const t = translatorForLocale(language);
      for (const n of COUNTS) {
        const substitutions = counted.countAt === 0 ? [String(n)] : ['X', String(n)];
        const text = translateCount(t, language, counted.key, n, substitutions);
        const noun = language === 'ru' ? counted.ru[russianForm(n)] : counted.en[n === 1 ? 0 : 1];
        // The count, at most two words (ещё, других, other secure, …), then the right noun.
        const pattern = new RegExp(`(?:^|[^\\d])${n} (?:\\S+ ){0,2}?${noun}(?![\\p{L}])`, 'u');
        expect({ language, n, text, ok: pattern.test(text) }).toEqual({ language, n, text, ok: true });
      }
    }
  });

  // Every language with noun plurals: the noun each counted message puts after its count is one
  // of words-check.ts's table (so the sentence check sees it), in a form that fits the count.
  test.each(LANGUAGES.flatMap((language) => COUNTED.map((c) => [language, c.key, c] as const)))(
    '%s %s: the counted noun is known and fits every count',
    (language, _key, counted) => {
      const t = translatorForLocale(localesFolderOf(language));
      for (const n of COUNTS) {
        const substitutions = counted.countAt === 0 ? [String(n)] : ['X', String(n)];
        const text = translateCount(t, language, counted.key, n, substitutions);
        const found = counts(text, language).filter((c) => new RegExp(`^${n} `).test(c.said));
        expect({ n, text, known: found.length > 0, mistakes: pluralMistakes(text, language) }).toEqual({
          n,
          text,
          known: hasNounPlurals(language),
          mistakes: [],
        });
      }
    },
  );

  test('the report and the popup pick the form by the count, not by the number 1', () => {
    const t = translatorForLocale('ru');
    expect(translateCount(t, 'ru', 'reportCheckOtherSitesPassed', 21, ['21'])).toContain('21 защищённый сайт');
    expect(translateCount(t, 'ru', 'reportCheckOtherSitesPassed', 22, ['22'])).toContain('22 защищённых сайта');
    expect(translateCount(translatorForLocale('en'), 'en', 'reportCheckOtherSitesPassed', 1, ['1'])).toBe(
      '1 other secure site worked in the same browser today.',
    );
    // A language file without a category falls back to "other" rather than showing a key.
    const englishOnly = translatorForLocale('en');
    expect(translateCount(englishOnly, 'ru', 'reportCheckOtherSitesPassed', 2, ['2'])).toBe(
      '2 other secure sites worked in the same browser today.',
    );
  });
});
