// Reads the labels the popup quotes for a tab: every “…” and «…» in its text, block by block
// (a step, a paragraph, a heading), so a check can look at the sentence around a quote.

import type { Browser } from 'puppeteer-core';
import { extensionOrigin } from './extension';
import { pollPage } from './launch';

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

/** Runs in the popup: the quoting blocks of the finished diagnosis, or null before it is ready. */
function readQuotedBlocks(excludedSelector: string): PopupQuotes | null {
  const root = document.querySelector('[data-testid="diagnosis"]');
  if (!root || root.getAttribute('data-ready') !== 'true') return null;
  const status = root.getAttribute('data-status');
  if (status !== 'failed' && status !== 'loaded') return null;
  const blocks: QuotedBlock[] = [];
  for (const element of Array.from(root.querySelectorAll('li, p, h1, h2, h3, h4, summary'))) {
    if (element.closest(excludedSelector)) continue;
    const text = element.textContent.replace(/\s+/g, ' ').trim();
    const quotes = [...text.matchAll(/“([^”]+)”|«([^»]+)»/g)].map((m) => (m[1] ?? m[2] ?? '').trim());
    if (quotes.length > 0) blocks.push({ text, quotes });
  }
  return { language: root.getAttribute('data-language') ?? '', blocks };
}

/**
 * Opens popup.html?url=U and returns the quotes of every block outside `excludedSelector`
 * (for example the steps for another system, whose Firefox is not the one under test).
 */
export async function readPopupQuotes(
  browser: Browser,
  pageUrl: string,
  excludedSelector: string,
  timeoutMs = 15_000,
): Promise<PopupQuotes> {
  const page = await browser.newPage();
  try {
    // page.goto to a moz-extension: URL never resolves over BiDi: start it, then poll.
    void page.goto(`${extensionOrigin}/popup/popup.html?url=${encodeURIComponent(pageUrl)}`).catch(() => undefined);
    return await pollPage(page, timeoutMs, async () => (await page.evaluate(readQuotedBlocks, excludedSelector)) ?? undefined).catch(() => {
      throw new Error(`The popup for ${pageUrl} showed no finished diagnosis within ${timeoutMs} ms.`);
    });
  } finally {
    await page.close().catch(() => undefined);
  }
}
