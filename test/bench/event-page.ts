// Whether the extension's event page is running, read where a person would look:
// about:debugging#/runtime/this-firefox shows "Background script: Running / Stopped" for each
// extension with an event page, and updates it live. Opening about:debugging starts DevTools
// code in that Firefox, so the benchmark only does this after its measured loads.
import type { Browser, Page } from 'puppeteer-core';
import { extensionId } from '../firefox/extension';
import { pollPage, withTimeout } from '../firefox/launch';

export type BackgroundStatus = 'running' | 'stopped';

const DEBUGGING_URL = 'about:debugging#/runtime/this-firefox';

export interface DebuggingView {
  read(timeoutMs?: number): Promise<BackgroundStatus>;
  /** Polls until the status is `wanted`; the ms it took, or undefined if it never was within timeoutMs. */
  waitFor(wanted: BackgroundStatus, timeoutMs: number): Promise<number | undefined>;
  close(): Promise<void>;
}

export async function openDebuggingView(browser: Browser): Promise<DebuggingView> {
  const page = await withTimeout(browser.newPage(), 10_000, 'opening a tab for about:debugging');
  // Like moz-extension: pages, a goto to about:debugging does not resolve over BiDi: start it
  // and poll the document instead.
  void page.goto(DEBUGGING_URL, { timeout: 20_000 }).catch(() => undefined);
  const probe = async (): Promise<BackgroundStatus | undefined> => {
    const text = await page.evaluate(readStatusText, extensionId);
    if (text === 'Running') return 'running';
    if (text === 'Stopped') return 'stopped';
    return undefined;
  };
  const read = (timeoutMs = 15_000): Promise<BackgroundStatus> =>
    pollPage(page, timeoutMs, probe).catch(() => {
      throw new Error(`${DEBUGGING_URL} showed no background script status for ${extensionId} within ${timeoutMs} ms`);
    });
  return {
    read,
    async waitFor(wanted, timeoutMs) {
      const start = Date.now();
      const seen = await pollPage(page, timeoutMs, async () => ((await probe()) === wanted ? wanted : undefined)).catch(() => undefined);
      return seen === undefined ? undefined : Date.now() - start;
    },
    close: () => closePage(page),
  };
}

async function closePage(page: Page): Promise<void> {
  await withTimeout(page.close(), 10_000, 'closing about:debugging').catch(() => undefined);
}

/** Runs in about:debugging: the status text shown in the card of extension `id`, or ''. */
function readStatusText(id: string): string {
  for (const status of Array.from(document.querySelectorAll('.qa-extension-backgroundscript-status'))) {
    let card: Element | null = status;
    for (let depth = 0; card !== null && depth < 12; depth++, card = card.parentElement) {
      if (card.textContent.includes(id)) return status.textContent.trim();
    }
  }
  return '';
}
