// Answer first: Firefox never makes a popup taller than 600 px, so what a person sees without
// scrolling is the product. Measured in the popup page at 360 x 600: the first step of "What to
// do" ([data-testid="steps"]) must be whole within the first 600 px, with at most 60 words of
// visible text above it, and the main action in view below it. Words are counted as
// Intl.Segmenter counts them in the page's language, so the budget means something in Japanese
// and Chinese (no spaces); English and Russian also keep the rule they always had, words between
// spaces. Used by popup-answer-first.test.ts (English and Russian, every lab case) and by
// error-page-oracle.test.ts (every other language, every failing case, in the same read of the
// popup that checks its quotes).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';

/**
 * The popup's window: Firefox caps a popup at 800 x 600 px (maxWidth 800, maxHeight 600 in
 * browser/modules/ExtensionPopups.sys.mjs of Firefox 153); 360 px is a narrow phone or panel.
 */
export const POPUP_VIEWPORT = { width: 360, height: 600 } as const;
/** The design's budget for what a person reads before the first step (design-popup.md). */
export const MAX_WORDS_ABOVE = 60;
/** The languages that also keep the whitespace rule (in French a space before ":" would count as a word). */
const SPACE_RULE_LANGUAGES: ReadonlySet<string> = new Set(['en', 'ru']);
/** The case screenshotted in every language. */
export const SCREENSHOT_CASE = 'expired';
const SCREENSHOTS = join(__dirname, '..', '..', 'test-artifacts', 'screenshots');

export interface Layout {
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

/** Runs in the popup page: where the first step ends and what is readable above the list. */
export function measureLayout(): Layout | null {
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

export interface LayoutJudgement {
  readonly firstStepWithin600: boolean;
  readonly wordsAboveAtMost60: boolean;
  /** The main action is in the first 600 px too, without covering the first step. */
  readonly mainActionInView: boolean;
}

export const LAYOUT_HOLDS: LayoutJudgement = { firstStepWithin600: true, wordsAboveAtMost60: true, mainActionInView: true };

export function judgeLayout(layout: Layout): LayoutJudgement {
  return {
    firstStepWithin600: layout.firstStepBottom <= POPUP_VIEWPORT.height,
    wordsAboveAtMost60:
      layout.wordsAbove <= MAX_WORDS_ABOVE &&
      (!SPACE_RULE_LANGUAGES.has(layout.language) || layout.spaceSeparatedWordsAbove <= MAX_WORDS_ABOVE),
    mainActionInView:
      layout.mainAction !== null && layout.mainAction.bottom <= POPUP_VIEWPORT.height && layout.mainAction.top >= layout.firstStepBottom,
  };
}

/** One line for DEBUG_UI: where the first step ends and what is read above it. */
export function describeLayout(layout: Layout): string {
  return `${Math.round(layout.firstStepBottom)} px (main action ${JSON.stringify(layout.mainAction)}), ${layout.wordsAbove} words (${layout.spaceSeparatedWordsAbove} by spaces): ${layout.textAbove}`;
}

/**
 * Measures the popup page as it is (sized to POPUP_VIEWPORT before it loaded), and saves the
 * screenshot of SCREENSHOT_CASE to test-artifacts/screenshots/ (not committed).
 */
export async function measurePopupLayout(page: Page, caseId: string): Promise<Layout | null> {
  const layout = await page.evaluate(measureLayout);
  if (layout && caseId === SCREENSHOT_CASE) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, `popup-${layout.language}-${caseId}-360.png`) });
  }
  return layout;
}
