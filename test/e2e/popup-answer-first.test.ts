// Answer first: Firefox never makes a popup taller than 600 px, so what a person sees without
// scrolling is the product. For every lab case, in English and in Russian, the popup page at
// 360 x 600 must show the first step of "What to do" ([data-testid="steps"]) whole within the
// first 600 px, with at most 60 words of visible text above it, and the main action in view
// below it. One Firefox visits every case
// once and reads each popup in English and Russian (Cert Doctor's own language setting, as a person
// sets it on the options page), then every other language on a representative set of the cases
// Firefox refuses (below; ANSWER_FIRST_EVERY_CASE=1 measures them on every failing case). Words are counted as Intl.Segmenter counts them in
// the page's language, so the budget means something in Japanese and Chinese (no spaces), and
// in English and Russian also as whitespace-separated words (the rule they always had). One screenshot
// per language of the expired case is saved to test-artifacts/screenshots/ (not committed).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { LANGUAGES, type Language } from '../../src/guide/languages';
import { chooseLanguage, openExtensionPage } from '../firefox/extension-pages';
import { pollPage, visit } from '../firefox/launch';
import { LAB_CASE_SPECS } from '../lab/cases';
import { loadedFirst, orderForVisits } from '../lab/visit-order';
import type { LabCase } from '../lab/types';
import { useFirefoxSession } from './support/session';

jest.setTimeout(600_000);

/**
 * The popup's window: Firefox caps a popup at 800 x 600 px (maxWidth 800, maxHeight 600 in
 * browser/modules/ExtensionPopups.sys.mjs of Firefox 153); 360 px is a narrow phone or panel.
 */
const VIEWPORT = { width: 360, height: 600 };
/** The design's budget for what a person reads before the first step (design-popup.md). */
const MAX_WORDS_ABOVE = 60;
/** Every lab case in these two; the other languages on the failing cases. */
const EVERY_CASE_LANGUAGES: readonly Language[] = ['en', 'ru'];
const OTHER_LANGUAGES = LANGUAGES.filter((language) => !EVERY_CASE_LANGUAGES.includes(language));
/** The case screenshotted in every language. */
const SCREENSHOT_CASE = 'expired';
/**
 * The failing cases every other language is measured on, to keep the suite fast. A run over every
 * failing case in every language (ANSWER_FIRST_EVERY_CASE=1, 30 November 2026) ranked them: these
 * came closest to a limit in some language (the most words above the first step, or the first step
 * lowest on screen), and the expired case is the one screenshotted. Between them they show each
 * bypass line a failing case shows (public site, no exception, HSTS, old TLS, own device, company
 * root, HTTP fallback) under both verdicts.
 */
const REPRESENTATIVE_FAILING_CASES: ReadonlySet<string> = new Set([
  'client-cert-required',
  'russian-root-missing',
  'russian-root-removed',
  'linux-company-root',
  'https-only-unavailable',
  'tls10-only',
  'local-device',
  'hsts-broken',
  'expired-intermediate',
  'missing-intermediate',
  'not-yet-valid',
  SCREENSHOT_CASE,
]);
const EVERY_FAILING_CASE = process.env['ANSWER_FIRST_EVERY_CASE'] === '1';
const SCREENSHOTS = join(__dirname, '..', '..', 'test-artifacts', 'screenshots');

interface Layout {
  readonly language: string;
  /** Bottom of the first step, in px from the top of the page. */
  readonly firstStepBottom: number;
  /** Where the main action is on screen (it stays in view at the bottom), or null when there is none. */
  readonly mainAction: { readonly top: number; readonly bottom: number } | null;
  /** Words of visible text before the steps list: Intl.Segmenter's word-like segments in the page's language. */
  readonly wordsAbove: number;
  /** The same text's whitespace-separated words. */
  readonly spaceSeparatedWordsAbove: number;
  readonly textAbove: string;
}

interface Measured {
  readonly id: string;
  readonly language: Language;
  readonly layout: Layout | string;
}

/** Runs in the popup page: where the first step ends and what is readable above the list. */
function measureLayout(): Layout | null {
  const root = document.querySelector('[data-testid="diagnosis"][data-ready="true"]');
  const list = document.querySelector('[data-testid="steps"]');
  const first = list?.querySelector('li');
  if (!root || !list || !first) return null;
  // Text a person can see: not inside a closed <details> (its <summary> shows), not hidden.
  const visible = (node: Node): boolean => {
    const element = node.parentElement;
    if (!element || element.getClientRects().length === 0) return false;
    // Inside a closed <details> only its <summary> shows, at every level of folding.
    for (
      let folded = element.closest('details:not([open])');
      folded;
      folded = folded.parentElement?.closest('details:not([open])') ?? null
    ) {
      if (!folded.querySelector(':scope > summary')?.contains(element)) return false;
    }
    return true;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // Stop at the list: only what comes before it in reading order counts.
    if (list.contains(node) || (list.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0) break;
    if (visible(node)) parts.push(node.textContent ?? '');
  }
  const main = document.querySelector('[data-testid="main-action"]');
  const textAbove = parts.join(' ').replace(/\s+/g, ' ').trim();
  const language = root.getAttribute('data-language') ?? '';
  // Japanese and Chinese put no spaces between words: the segmenter finds them (dictionary-based
  // in ICU), and leaves out punctuation and spaces in every language.
  const segmenter = new Intl.Segmenter(language === '' ? undefined : language, { granularity: 'word' });
  let words = 0;
  for (const segment of segmenter.segment(textAbove)) if (segment.isWordLike === true) words += 1;
  return {
    language,
    firstStepBottom: first.getBoundingClientRect().bottom + window.scrollY,
    mainAction: main
      ? { top: main.getBoundingClientRect().top + window.scrollY, bottom: main.getBoundingClientRect().bottom + window.scrollY }
      : null,
    wordsAbove: words,
    spaceSeparatedWordsAbove: textAbove === '' ? 0 : textAbove.split(' ').length,
    textAbove,
  };
}

async function measure(browser: Browser, labCase: LabCase, language: Language): Promise<Layout | string> {
  const page: Page = await openExtensionPage(browser, `popup/popup.html?url=${encodeURIComponent(labCase.url)}`);
  try {
    await page.setViewport(VIEWPORT);
    // The popup re-renders as the background's batched writes land: wait for this case's
    // diagnosis in the language under test, then measure what is on screen.
    const expected = labCase.expectedDiagnosis;
    return await pollPage(page, 15_000, async () => {
      const settled = await page.evaluate(
        (verdict, top) => {
          const root = document.querySelector('[data-testid="diagnosis"]');
          return root?.getAttribute('data-verdict') === verdict && root.getAttribute('data-causes')?.split(',')[0] === top;
        },
        expected.verdict,
        expected.top,
      );
      if (!settled) return undefined;
      const layout = await page.evaluate(measureLayout);
      return layout?.language === language ? layout : undefined;
    }).then(
      async (layout) => {
        if (labCase.id === SCREENSHOT_CASE) {
          mkdirSync(SCREENSHOTS, { recursive: true });
          await page.screenshot({ path: join(SCREENSHOTS, `popup-${language}-${SCREENSHOT_CASE}-360.png`) });
        }
        return layout;
      },
      async () =>
        `no settled popup with steps in ${language}: ${await page.evaluate(() => document.querySelector('[data-testid="diagnosis"]')?.textContent.slice(0, 300) ?? 'nothing')}`,
    );
  } finally {
    await page.close().catch(() => undefined);
  }
}

// Cases that need Firefox prefs of their own (HTTPS-Only mode) get a Firefox with those prefs;
// the rest share one. Visit order matters within each (Firefox caches intermediates; HSTS needs
// its set-up page first).
const ordered = loadedFirst(orderForVisits(LAB_CASE_SPECS));
const prefSets = [...new Set(ordered.map((spec) => JSON.stringify(spec.firefoxPrefs ?? {})))];
const groups = prefSets.map((prefs) => ({
  prefs: JSON.parse(prefs) as Record<string, string | number | boolean>,
  specs: ordered.filter((spec) => JSON.stringify(spec.firefoxPrefs ?? {}) === prefs),
}));

describe.each(groups.map((group) => [group.specs.map((spec) => spec.id).join(', '), group] as const))(
  'the popup answers first, at 360 x 600: %s',
  (_ids, group) => {
    const session = useFirefoxSession(group.prefs);

    test('the first step is whole within 600 px, under at most 60 words: English and Russian on every case, every other language on failing ones', async () => {
      const { lab, browser } = session();
      const measured: Measured[] = [];
      const tabs: Page[] = [];
      const failing = group.specs.filter(
        (spec) => spec.expectedCode !== '' && (EVERY_FAILING_CASE || REPRESENTATIVE_FAILING_CASES.has(spec.id)),
      );
      const plan = [
        ...EVERY_CASE_LANGUAGES.map((language) => ({ language, specs: group.specs })),
        ...OTHER_LANGUAGES.map((language) => ({ language, specs: failing })),
      ];
      try {
        for (const spec of group.specs) tabs.push(await visit(browser, lab.byId(spec.id).url));
        for (const { language, specs } of plan) {
          await chooseLanguage(browser, language);
          for (const spec of specs) measured.push({ id: spec.id, language, layout: await measure(browser, lab.byId(spec.id), language) });
        }
      } finally {
        await chooseLanguage(browser, 'auto').catch(() => undefined);
        for (const tab of tabs) await tab.close().catch(() => undefined);
      }
      if (process.env['DEBUG_UI'])
        for (const m of measured)
          console.log(
            m.id,
            m.language,
            typeof m.layout === 'string'
              ? m.layout
              : `${Math.round(m.layout.firstStepBottom)} px (main action ${JSON.stringify(m.layout.mainAction)}), ${m.layout.wordsAbove} words (${m.layout.spaceSeparatedWordsAbove} by spaces): ${m.layout.textAbove}`,
          );
      expect(measured.length).toBe(group.specs.length * EVERY_CASE_LANGUAGES.length + failing.length * OTHER_LANGUAGES.length);
      const results = measured.map((m) =>
        typeof m.layout === 'string'
          ? { case: m.id, language: m.language, problem: m.layout }
          : {
              case: m.id,
              language: m.language,
              firstStepWithin600: m.layout.firstStepBottom <= VIEWPORT.height,
              // English and Russian also keep the rule they always had (words between spaces); in
              // French a space before ":" would count as a word, so the segmenter alone judges the rest.
              wordsAboveAtMost60:
                m.layout.wordsAbove <= MAX_WORDS_ABOVE &&
                (!EVERY_CASE_LANGUAGES.includes(m.language) || m.layout.spaceSeparatedWordsAbove <= MAX_WORDS_ABOVE),
              // The main action is in the first 600 px too, without covering the first step.
              mainActionInView:
                m.layout.mainAction !== null &&
                m.layout.mainAction.bottom <= VIEWPORT.height &&
                m.layout.mainAction.top >= m.layout.firstStepBottom,
            },
      );
      expect(results).toEqual(
        measured.map((m) => ({
          case: m.id,
          language: m.language,
          firstStepWithin600: true,
          wordsAboveAtMost60: true,
          mainActionInView: true,
        })),
      );
    });
  },
);

test('the representative cases are failing lab cases', () => {
  const failing = LAB_CASE_SPECS.filter((spec) => spec.expectedCode !== '').map((spec) => spec.id);
  expect([...REPRESENTATIVE_FAILING_CASES].filter((id) => !failing.includes(id))).toEqual([]);
});
test('every lab case is in one of the groups above', () => {
  expect(groups.flatMap((group) => group.specs.map((spec) => spec.id)).sort()).toEqual(LAB_CASE_SPECS.map((spec) => spec.id).sort());
});
