// Helpers that open Cert Doctor's own pages in a tab: the error page click-through and reads
// of what the extension stored (an extension page can call browser.* itself).

import type { Browser, Page } from 'puppeteer-core';
import type { Language } from '../../src/guide/languages';
import { extensionOrigin } from './extension';
import { pollPage, withTimeout } from './launch';

/** Opens an extension page (path under the extension) and waits until `ready` finds it ready. */
export async function openExtensionPage(browser: Browser, path: string, timeoutMs = 15_000): Promise<Page> {
  const page = await browser.newPage();
  // page.goto to a moz-extension: URL never resolves over BiDi: start it, then poll.
  void page.goto(`${extensionOrigin}/${path}`).catch(() => undefined);
  await pollPage(page, timeoutMs, async () =>
    (await page.evaluate(() => document.querySelector('[data-ready="true"]') !== null)) ? true : undefined,
  ).catch(() => {
    throw new Error(`The extension page ${path} did not become ready within ${timeoutMs} ms.`);
  });
  return page;
}

/**
 * The open tab whose document matches `selector`, or undefined. Pages an extension opened report
 * about:blank as their URL over BiDi, so they are found by content. Each tab gets its own short
 * timeout: one tab still loading (or between documents) must not hide the others.
 */
export async function findPageWith(browser: Browser, selector: string): Promise<Page | undefined> {
  for (const candidate of await browser.pages()) {
    const matches = await withTimeout(
      candidate.evaluate((s) => document.querySelector(s) !== null, selector),
      500,
      'reading a tab',
    ).catch(() => false);
    if (matches) return candidate;
  }
  return undefined;
}

/** Reads keys of the extension's storage.session from an extension page. */
export async function readSessionStorage(page: Page, key: string): Promise<unknown> {
  return page.evaluate(async (k) => {
    const api = (globalThis as unknown as { browser: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } } })
      .browser;
    return (await api.storage.session.get(k))[k];
  }, key);
}

/** Everything in the extension's storage.local, read from an extension page. */
export async function readLocalStorage(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { browser: { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } } })
      .browser;
    return api.storage.local.get(null);
  });
}

/**
 * On Firefox's certificate error page, clicks "Advanced" then "Proceed to <host> (Risky)", as a
 * person would. Firefox 153 builds the page from a <net-error-card> with a shadow root; the
 * buttons appear once the page has settled (security.dialog_enable_delay is 0 here).
 */
export async function acceptTheRisk(page: Page, timeoutMs = 10_000): Promise<void> {
  const clickInCard = (id: string): Promise<true | undefined> =>
    page.evaluate((buttonId) => {
      const button = document.querySelector('net-error-card')?.shadowRoot?.getElementById(buttonId);
      if (!(button instanceof HTMLElement) || button.hidden || (button as HTMLButtonElement).disabled) return undefined;
      button.click();
      return true;
    }, id);
  await pollPage(page, timeoutMs, () => clickInCard('advanced-button')).catch(() => {
    throw new Error(`No "Advanced" button on the error page of ${page.url()}`);
  });
  await pollPage(page, timeoutMs, () => clickInCard('exception-button')).catch(() => {
    throw new Error(`No "Proceed to <host> (Risky)" button on the error page of ${page.url()}`);
  });
}

/** Cert Doctor's own language setting, chosen on its options page as a person would. */
export async function chooseLanguage(browser: Browser, language: Language | 'auto'): Promise<void> {
  const options = await openExtensionPage(browser, 'options/options.html');
  try {
    await options.select('[data-testid="setting-language"]', language);
    await pollPage(options, 10_000, () =>
      options.evaluate((wanted) => document.documentElement.lang === (wanted === 'auto' ? 'en' : wanted) || undefined, language),
    );
  } finally {
    await options.close().catch(() => undefined);
  }
}
