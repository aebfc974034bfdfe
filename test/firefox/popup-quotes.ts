// Reads the labels the popup quotes for a tab: every “…” and «…» in its text (and „…“, 「…」 or
// whatever quotes the popup's language writes labels in, src/guide/languages.ts), block by block
// (a step, a paragraph, a heading), so a check can look at the sentence around a quote.

import type { Browser, Page } from 'puppeteer-core';
import { languageInfo, type Language } from '../../src/guide/languages';
import { extensionOrigin } from './extension';
import { pollPage, readDiagnosisAttributes, type DiagnosisAttributes } from './launch';

export interface QuotedBlock {
  /** The block's whole text (a step, a paragraph, a heading). */
  readonly text: string;
  /** What it quotes, without the quote marks. */
  readonly quotes: readonly string[];
}

export interface PopupQuotes {
  readonly language: string;
  readonly blocks: readonly QuotedBlock[];
}

/** A pair of quotation marks: opening, closing. */
type QuotePair = readonly [string, string];

/**
 * The quotes a popup in `language` is read with: the language's own, and “…” and «…» unless one
 * of their marks is one of the language's (German closes with “, Polish with ”: reading those
 * as English quotes would join two labels into one).
 */
export function quotePairsFor(language: Language): QuotePair[] {
  const own = languageInfo(language).quotes;
  const common: QuotePair[] = [
    ['“', '”'],
    ['«', '»'],
  ];
  const clashes = (pair: QuotePair): boolean => pair.some((mark) => own.includes(mark)) && !(pair[0] === own[0] && pair[1] === own[1]);
  return [[own[0], own[1]], ...common.filter((pair) => !clashes(pair) && !(pair[0] === own[0] && pair[1] === own[1]))];
}

/** Runs in the popup: the quoting blocks of the finished diagnosis, or null before it is ready. */
function readQuotedBlocks(excludedSelector: string, pairs: readonly QuotePair[]): PopupQuotes | null {
  const root = document.querySelector('[data-testid="diagnosis"]');
  if (!root || root.getAttribute('data-ready') !== 'true') return null;
  const status = root.getAttribute('data-status');
  if (status !== 'failed' && status !== 'loaded') return null;
  const blocks: QuotedBlock[] = [];
  for (const element of Array.from(root.querySelectorAll('li, p, h1, h2, h3, h4, summary'))) {
    if (element.closest(excludedSelector)) continue;
    const text = element.textContent.replace(/\s+/g, ' ').trim();
    const quotes = pairs.flatMap(([open, close]) =>
      [...text.matchAll(new RegExp(`${open}([^${close}]+)${close}`, 'gu'))].map((m) => (m[1] ?? '').trim()),
    );
    if (quotes.length > 0) blocks.push({ text, quotes });
  }
  return { language: root.getAttribute('data-language') ?? '', blocks };
}

/**
 * Opens popup.html?url=U once, keeps reading it until `settled` accepts the finished diagnosis it
 * shows (as readPopupUntil does; after `timeoutMs`, the last finished one), then reads its quotes
 * in that same page: one popup instead of two per case. `alsoRead` reads more of that same page
 * (sized to `viewport` before it loads), such as its layout.
 */
export async function readSettledPopupQuotes<Extra = undefined>(
  browser: Browser,
  pageUrl: string,
  settled: (shown: DiagnosisAttributes) => boolean,
  excludedSelector: string,
  language: Language,
  options: {
    readonly viewport?: { readonly width: number; readonly height: number };
    readonly alsoRead?: (page: Page) => Promise<Extra>;
    readonly timeoutMs?: number;
  } = {},
): Promise<{ readonly shown: DiagnosisAttributes; readonly quotes: PopupQuotes; readonly extra: Extra | undefined }> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const pairs = quotePairsFor(language);
  const page = await browser.newPage();
  try {
    if (options.viewport) await page.setViewport(options.viewport);
    // page.goto to a moz-extension: URL never resolves over BiDi: start it, then poll.
    void page.goto(`${extensionOrigin}/popup/popup.html?url=${encodeURIComponent(pageUrl)}`).catch(() => undefined);
    let lastFinished: DiagnosisAttributes | undefined;
    const shown = await pollPage(page, timeoutMs, async () => {
      const seen = await page.evaluate(readDiagnosisAttributes);
      const finished = seen?.ready && (seen.status === 'failed' || seen.status === 'loaded') ? seen : undefined;
      if (finished) lastFinished = finished;
      return finished && settled(finished) ? finished : undefined;
    }).catch(() => {
      if (lastFinished) return lastFinished;
      throw new Error(`The popup for ${pageUrl} showed no finished diagnosis within ${timeoutMs} ms.`);
    });
    const quotes = await page.evaluate(readQuotedBlocks, excludedSelector, pairs);
    if (!quotes) throw new Error(`The popup for ${pageUrl} stopped showing a finished diagnosis.`);
    const extra = options.alsoRead ? await options.alsoRead(page) : undefined;
    return { shown, quotes, extra };
  } finally {
    await page.close().catch(() => undefined);
  }
}
