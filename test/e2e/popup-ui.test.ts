// The popup as people see it, in a real Firefox, light and dark, 360 and 800 px wide: the main
// states show the right banner, steps and details; axe-core finds no accessibility violation
// (there, on the options page and on the report page); screenshots are saved to
// test-artifacts/screenshots/ (not committed).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { axeViolations } from '../firefox/axe';
import { openExtensionPage } from '../firefox/extension-pages';
import { pollPage, readPopupUntil, visit } from '../firefox/launch';
import { loadMessages } from '../unit/fakes/messages';
import { useFirefoxSession, type FirefoxSession } from './support/session';

jest.setTimeout(120_000);

const SCREENSHOTS = join(__dirname, '..', '..', 'test-artifacts', 'screenshots');
const messages = loadMessages('en');
const message = (key: string): string => messages[key]?.message ?? `(no ${key})`;

interface State {
  readonly name: string;
  /** Lab case to visit first, if any. */
  readonly caseId?: string;
  /** Popup query for a state without a lab case. */
  readonly query?: string;
  readonly verdict?: string;
  /** Text the page must show. */
  readonly shows: readonly string[];
  readonly steps: boolean;
}

const STATES: readonly State[] = [
  {
    name: 'site-fault-expired',
    caseId: 'expired',
    verdict: 'site-fault',
    shows: [message('verdict_site_fault'), message('bypass_discouraged_public_site')],
    steps: true,
  },
  {
    name: 'fix-here-router',
    caseId: 'local-device',
    verdict: 'fix-here',
    shows: [message('verdict_fix_here'), message('bypass_acceptable_own_device')],
    steps: true,
  },
  {
    name: 'fix-here-reset',
    caseId: 'connection-reset',
    verdict: 'fix-here',
    shows: [message('bypass_never_not_overridable'), message('actionCheckProxy')],
    steps: true,
  },
  {
    name: 'caution-interception',
    caseId: 'interception',
    verdict: 'caution',
    shows: [message('verdict_caution'), 'Avast / AVG'],
    steps: true,
  },
  { name: 'no-record', query: 'tabId=999999', shows: [message('popupNoRecord')], steps: false },
  { name: 'not-https', query: '', shows: [message('popupNotHttpsInternal')], steps: false },
];

/** The popup page for a state, and the site's tab that must stay open while it is read. */
async function openState(session: FirefoxSession, state: State): Promise<Page[]> {
  const { lab, browser } = session;
  if (state.caseId) {
    const url = lab.byId(state.caseId).url;
    const site = await visit(browser, url);
    await readPopupUntil(browser, url, (s) => s.verdict === state.verdict);
    return [await openExtensionPage(browser, `popup/popup.html?url=${encodeURIComponent(url)}`), site];
  }
  return [await openExtensionPage(browser, `popup/popup.html${state.query ? `?${state.query}` : ''}`)];
}

async function checkStates(session: () => FirefoxSession, theme: 'light' | 'dark'): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const state of STATES) {
    const pages = await openState(session(), state);
    const [page] = pages;
    if (!page) throw new Error('no popup page');
    try {
      const text = await pollPage(page, 10_000, () =>
        page.evaluate(() => document.querySelector('[data-testid="diagnosis"][data-ready="true"]')?.textContent ?? undefined),
      );
      if (process.env['DEBUG_UI']) console.log(state.name, text);
      for (const expected of state.shows)
        expect({ state: state.name, shows: text.includes(expected) ? expected : `missing: ${expected}` }).toEqual({
          state: state.name,
          shows: expected,
        });
      const stepCount = await page.evaluate(() => document.querySelectorAll('[data-testid="steps"] li').length);
      expect({ state: state.name, steps: stepCount > 0 }).toEqual({ state: state.name, steps: state.steps });
      // The narrowest the popup is designed for: nothing may stick out.
      await page.setViewport({ width: 320, height: 900 });
      expect({ state: state.name, width: 320, overflows: (await page.evaluate(() => document.documentElement.scrollWidth)) > 320 }).toEqual(
        { state: state.name, width: 320, overflows: false },
      );
      for (const width of [360, 800]) {
        await page.setViewport({ width, height: 900 });
        // Nothing wider than the window: Firefox for Android and narrow popups have no room to scroll sideways.
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        expect({ state: state.name, width, overflows: scrollWidth > width }).toEqual({ state: state.name, width, overflows: false });
        expect({ state: state.name, width, violations: await axeViolations(page) }).toEqual({ state: state.name, width, violations: [] });
        await page.screenshot({ path: join(SCREENSHOTS, `${state.name}-${theme}-${width}.png`), fullPage: true });
      }
    } finally {
      for (const open of pages) await open.close().catch(() => undefined);
    }
  }
}

/** Tab moves through every control in reading order, each with a visible focus outline. */
async function checkKeyboard(session: () => FirefoxSession): Promise<void> {
  const { lab, browser } = session();
  const url = lab.byId('expired').url;
  const site = await visit(browser, url);
  const page = await openExtensionPage(browser, `popup/popup.html?url=${encodeURIComponent(url)}`);
  try {
    await readPopupUntil(browser, url, (s) => s.verdict === 'site-fault');
    // More presses than there are controls: the pass must reach the footer and wrap.
    const focusable = await page.evaluate(
      () => document.querySelectorAll('a[href], button:not([disabled]), summary, select, input, textarea').length,
    );
    const reached: { what: string; outline: string }[] = [];
    for (let i = 0; i < focusable; i++) {
      await page.keyboard.press('Tab');
      reached.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          // A folded section's title is named by its section, so the order of sections shows.
          const section = el?.tagName === 'SUMMARY' ? el.parentElement?.dataset['testid'] : undefined;
          const what = el ? (el.dataset['action'] ?? (section ? `summary:${section}` : el.tagName.toLowerCase())) : 'none';
          return { what, outline: el ? getComputedStyle(el).outlineStyle : 'none' };
        }),
      );
    }
    // One pass through the page: from the first stop to the footer's settings link.
    const cycle = reached.slice(0, reached.findIndex((r) => r.what === 'open-options') + 1);
    const order = cycle.map((r) => r.what);
    // Reading order, as the design has it: the rest of the steps, the main action (the report,
    // for a site's fault), the other actions, then the folded sections in their order; the
    // footer last.
    const expected = [
      'summary:more-steps',
      'report',
      'test-again',
      'summary:evidence',
      'summary:more-about',
      'summary:other-systems',
      'summary:technical-details',
      'open-options',
    ];
    expect(order.filter((what) => expected.includes(what))).toEqual(expected);
    expect(order.at(-1)).toBe('open-options');
    // A link folded away is reached once its section is opened: open "More about this problem".
    await page.evaluate(() => document.querySelector('[data-testid="more-about"]')?.setAttribute('open', ''));
    await page.keyboard.press('Tab');
    const afterOpening: string[] = [];
    for (let i = 0; i < focusable + 2; i++) {
      await page.keyboard.press('Tab');
      afterOpening.push(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.tagName.toLowerCase() ?? 'none'));
    }
    expect(afterOpening).toContain('a');
    expect(cycle.filter((r) => r.outline === 'none')).toEqual([]);
  } finally {
    await page.close().catch(() => undefined);
    await site.close().catch(() => undefined);
  }
}

/** axe really runs in an extension page: a planted image without alt text must be reported. */
async function axeSeesAPlantedViolation(browser: Browser): Promise<boolean> {
  const page = await openExtensionPage(browser, 'popup/popup.html?tabId=999999');
  try {
    await page.evaluate(() => {
      document.body.append(Object.assign(document.createElement('img'), { src: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' }));
    });
    return (await axeViolations(page)).some((v) => v.id === 'image-alt');
  } finally {
    await page.close();
  }
}

/** The options page and the report page: no axe violations, no sideways scrolling, screenshots. */
async function checkOtherPages(session: () => FirefoxSession, theme: 'light' | 'dark'): Promise<void> {
  const { lab, browser } = session();
  const url = lab.byId('expired').url;
  const site = await visit(browser, url);
  try {
    const { tabId } = await readPopupUntil(browser, url, (s) => s.verdict === 'site-fault');
    for (const [name, path, ready] of [
      ['options', 'options/options.html', '[data-testid="history"]'],
      ['report', `popup/report.html?tabId=${tabId}`, '[data-testid="report-preview"]'],
    ] as const) {
      const page = await openExtensionPage(browser, path);
      try {
        await pollPage(page, 10_000, () => page.evaluate((s) => document.querySelector(s) !== null || undefined, ready));
        for (const width of [360, 800]) {
          await page.setViewport({ width, height: 900 });
          const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
          expect({ page: name, width, overflows: scrollWidth > width, violations: await axeViolations(page) }).toEqual({
            page: name,
            width,
            overflows: false,
            violations: [],
          });
          await page.screenshot({ path: join(SCREENSHOTS, `${name}-${theme}-${width}.png`), fullPage: true });
        }
      } finally {
        await page.close().catch(() => undefined);
      }
    }
  } finally {
    await site.close().catch(() => undefined);
  }
}

async function colourScheme(browser: Browser): Promise<string> {
  const page = await openExtensionPage(browser, 'popup/popup.html?tabId=999999');
  try {
    return await page.evaluate(() => (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'));
  } finally {
    await page.close();
  }
}

describe('the popup in the light theme', () => {
  const session = useFirefoxSession({ 'layout.css.prefers-color-scheme.content-override': 1, 'ui.systemUsesDarkTheme': 0 });
  test('main states: banner, steps, no axe violations, screenshots at 360 and 800 px', async () => {
    expect(await colourScheme(session().browser)).toBe('light');
    expect(await axeSeesAPlantedViolation(session().browser)).toBe(true);
    await checkStates(session, 'light');
    await checkOtherPages(session, 'light');
    await checkKeyboard(session);
  });
});

describe('the popup in the dark theme', () => {
  const session = useFirefoxSession({ 'layout.css.prefers-color-scheme.content-override': 0, 'ui.systemUsesDarkTheme': 1 });
  test('main states: banner, steps, no axe violations, screenshots at 360 and 800 px', async () => {
    expect(await colourScheme(session().browser)).toBe('dark');
    await checkStates(session, 'dark');
    await checkOtherPages(session, 'dark');
  });
});
