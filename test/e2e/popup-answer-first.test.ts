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

// Answer first (test/firefox/popup-layout.ts says what is measured and why): for every lab case,
// in English and in Russian, the popup page at 360 x 600 shows the first step of "What to do"
// whole within the first 600 px, under at most 60 words, with the main action in view below it.
// One Firefox visits every case once and reads each popup in English and Russian (Cert Doctor's
// own language setting, as a person sets it on the options page). Every other language is
// measured on every failing case by error-page-oracle.test.ts, in the same read of the popup that
// checks its quotes, in a Firefox switched to that language; the failing cases it cannot read
// there are measured here in every language: those that need a Firefox of their own (HTTPS-Only
// mode) and the one that fails only on Firefox's first visit (the missing intermediate, which
// Firefox caches once another site has sent it; this test's tabs keep that first failure). One screenshot per language of the expired case is saved to
// test-artifacts/screenshots/ (not committed).

import type { Browser, Page } from 'puppeteer-core';
import { LANGUAGES, type Language } from '../../src/guide/languages';
import { chooseLanguage, openExtensionPage } from '../firefox/extension-pages';
import { pollPage, visit } from '../firefox/launch';
import { describeLayout, judgeLayout, LAYOUT_HOLDS, measurePopupLayout, POPUP_VIEWPORT, type Layout } from '../firefox/popup-layout';
import { LAB_CASE_SPECS } from '../lab/cases';
import { loadedFirst, orderForVisits } from '../lab/visit-order';
import type { LabCase, LabCaseSpec } from '../lab/types';
import { useFirefoxSession } from './support/session';

jest.setTimeout(600_000);

/** Every lab case in these two. */
const EVERY_CASE_LANGUAGES: readonly Language[] = ['en', 'ru'];
const OTHER_LANGUAGES = LANGUAGES.filter((language) => !EVERY_CASE_LANGUAGES.includes(language));
/** The failing cases error-page-oracle.test.ts does not read in a switched language: measured here in every language. */
const notReadByTheOracle = (spec: LabCaseSpec): boolean =>
  spec.expectedCode !== '' && (spec.firefoxPrefs !== undefined || spec.runFirst === true);

interface Measured {
  readonly id: string;
  readonly language: Language;
  readonly layout: Layout | string;
}

async function measure(browser: Browser, labCase: LabCase, language: Language): Promise<Layout | string> {
  const page: Page = await openExtensionPage(browser, `popup/popup.html?url=${encodeURIComponent(labCase.url)}`);
  try {
    await page.setViewport(POPUP_VIEWPORT);
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
      const layout = await measurePopupLayout(page, labCase.id);
      return layout?.language === language ? layout : undefined;
    }).catch(
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

    test('the first step is whole within 600 px, under at most 60 words: English and Russian on every case, every language on the failing cases the error-page oracle cannot read', async () => {
      const { lab, browser } = session();
      const measured: Measured[] = [];
      const tabs: Page[] = [];
      const failing = group.specs.filter(notReadByTheOracle);
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
        for (const m of measured) console.log(m.id, m.language, typeof m.layout === 'string' ? m.layout : describeLayout(m.layout));
      expect(measured.length).toBe(group.specs.length * EVERY_CASE_LANGUAGES.length + failing.length * OTHER_LANGUAGES.length);
      const results = measured.map((m) =>
        typeof m.layout === 'string'
          ? { case: m.id, language: m.language, problem: m.layout }
          : { case: m.id, language: m.language, ...judgeLayout(m.layout) },
      );
      expect(results).toEqual(measured.map((m) => ({ case: m.id, language: m.language, ...LAYOUT_HOLDS })));
    });
  },
);

test('the every-language measurement here has cases in both groups: the first-visit failure and HTTPS-Only mode', () => {
  expect(groups.map((group) => group.specs.filter(notReadByTheOracle).length > 0)).toEqual([true, true]);
});
test('every lab case is in one of the groups above', () => {
  expect(groups.flatMap((group) => group.specs.map((spec) => spec.id)).sort()).toEqual(LAB_CASE_SPECS.map((spec) => spec.id).sort());
});
