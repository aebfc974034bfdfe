// Starts a real headless Firefox (firefox-esr) over WebDriver BiDi with puppeteer-core, and
// gives the tests small, time-limited helpers: visit a page in a fresh tab, read the popup.

import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { firefoxExecutable } from './executable';
import { extensionOrigin, fixedUuidPref } from './extension';
import { labPrefs } from './prefs';

export { firefoxExecutable } from './executable';

export interface LaunchOptions {
  readonly profileDir: string;
  readonly localHosts: readonly string[];
  readonly extraPrefs?: Record<string, string | number | boolean>;
  readonly env?: Record<string, string>;
}

export async function launchFirefox(options: LaunchOptions): Promise<Browser> {
  const executablePath = firefoxExecutable();
  try {
    return await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      protocol: 'webDriverBiDi',
      userDataDir: options.profileDir,
      // Needed to open moz-extension:// pages in a tab from the test, and for the privileged
      // scripts in Firefox's own window (chrome-window.ts).
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: { ...labPrefs(options.localHosts), ...fixedUuidPref(), ...options.extraPrefs },
      env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1', ...options.env },
      timeout: 60_000,
      protocolTimeout: 60_000,
    });
  } catch (error) {
    throw new Error(`Firefox (${executablePath}) did not start: ${String(error)}`);
  }
}

export async function installExtension(browser: Browser, path: string): Promise<string> {
  try {
    return await withTimeout(browser.installExtension(path), 30_000, `installing ${path}`);
  } catch (error) {
    throw new Error(`The extension at ${path} did not install: ${String(error)}`);
  }
}

/**
 * Opens `url` in a fresh tab and waits until the load ends, whether the page loads or Firefox
 * shows an error page. A fresh tab per visit: after an error page, the next navigation in the
 * same tab can hang.
 */
export async function visit(browser: Browser, url: string, timeoutMs = 20_000): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: timeoutMs }).catch(() => {
    // Error pages make goto reject (or never report "load"); the popup read that follows
    // waits for the extension's own record of the outcome, with its own time limit.
  });
  return page;
}

export interface DiagnosisAttributes {
  readonly status: string;
  readonly code: string;
  /** The extension's id of the tab the popup describes ("" when none). */
  readonly tabId: string;
  readonly text: string;
  readonly verdict: string;
  readonly bypass: string;
  /** Cause ids in rank order. */
  readonly causes: readonly string[];
  readonly product: string;
  readonly language: string;
  /** The data-* attributes of the captured-facts section (empty when there is none). */
  readonly facts: Readonly<Record<string, string>>;
}

/**
 * Opens the popup as a page (popup.html?url=U) and returns what it shows once the extension has
 * recorded the end of the load.
 */
export function readPopupFor(browser: Browser, pageUrl: string, timeoutMs = 15_000): Promise<DiagnosisAttributes> {
  return readPopup(browser, `url=${encodeURIComponent(pageUrl)}`, pageUrl, timeoutMs);
}

/**
 * Like readPopupFor, but keeps reading the open popup until `settled` accepts what it shows
 * (the popup re-renders as the background's batched writes land), then returns it. After
 * `timeoutMs` it returns the last finished diagnosis it saw, for the caller's assertion to show.
 */
export function readPopupUntil(
  browser: Browser,
  pageUrl: string,
  settled: (shown: DiagnosisAttributes) => boolean,
  timeoutMs = 15_000,
): Promise<DiagnosisAttributes> {
  return readPopup(browser, `url=${encodeURIComponent(pageUrl)}`, pageUrl, timeoutMs, settled);
}

/** The same through popup.html?tabId=N. */
export function readPopupForTab(browser: Browser, tabId: string, timeoutMs = 15_000): Promise<DiagnosisAttributes> {
  return readPopup(browser, `tabId=${encodeURIComponent(tabId)}`, `tab ${tabId}`, timeoutMs);
}

async function readPopup(
  browser: Browser,
  query: string,
  label: string,
  timeoutMs: number,
  settled?: (shown: DiagnosisAttributes) => boolean,
): Promise<DiagnosisAttributes> {
  const popupUrl = `${extensionOrigin}/popup/popup.html?${query}`;
  const page = await browser.newPage();
  try {
    // page.goto to a moz-extension: URL never resolves over BiDi, so the navigation is started
    // without waiting for it.
    void page.goto(popupUrl, { timeout: timeoutMs }).catch(() => undefined);
    let lastSeen = 'nothing yet';
    let lastFinished: DiagnosisAttributes | undefined;
    const shown = await pollPage(page, timeoutMs, async () => {
      const seen = await page.evaluate(readDiagnosisAttributes);
      lastSeen = seen ? `status=${seen.status} code=${seen.code} ready=${String(seen.ready)}` : 'no diagnosis element';
      // Only a finished load counts: "no-record" can be a read that came before the record.
      const finished = seen?.ready && (seen.status === 'failed' || seen.status === 'loaded') ? seen : undefined;
      if (finished) lastFinished = finished;
      return finished && (!settled || settled(finished)) ? finished : undefined;
    }).catch(() => {
      if (settled && lastFinished) return lastFinished;
      throw new Error(`The popup for ${label} showed no finished diagnosis within ${timeoutMs} ms (last seen: ${lastSeen}).`);
    });
    const { status, code, tabId, text, verdict, bypass, causes, product, language, facts } = shown;
    return { status, code, tabId, text, verdict, bypass, causes, product, language, facts };
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** Runs in the page: the contract attributes of the diagnosis root, or null. */
export function readDiagnosisAttributes(): (DiagnosisAttributes & { ready: boolean }) | null {
  const root = document.querySelector('[data-testid="diagnosis"]');
  if (!root) return null;
  return {
    status: root.getAttribute('data-status') ?? '',
    code: root.getAttribute('data-code') ?? '',
    tabId: root.getAttribute('data-tab-id') ?? '',
    facts: Object.fromEntries(Object.entries(root.querySelector<HTMLElement>('[data-testid="captured-facts"]')?.dataset ?? {})) as Record<
      string,
      string
    >,
    ready: root.getAttribute('data-ready') === 'true',
    text: root.textContent,
    verdict: root.getAttribute('data-verdict') ?? '',
    bypass: root.getAttribute('data-bypass') ?? '',
    causes: (root.getAttribute('data-causes') ?? '').split(',').filter((id) => id !== ''),
    product: root.getAttribute('data-product') ?? '',
    language: root.getAttribute('data-language') ?? '',
  };
}

/**
 * Calls `probe` every 100 ms until it returns a value. A plain loop of evaluate calls rather than
 * waitForFunction: over BiDi, a waitForFunction started before a navigation can stay bound to
 * the discarded document and never see the new one. Errors while the page is between documents
 * are retried.
 */
export async function pollPage<T>(page: Page, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (page.isClosed()) break;
    const value = await withTimeout(probe(), 2_000, 'reading the page').catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out after ${timeoutMs} ms`);
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`Timed out after ${ms} ms: ${what}`));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => {
    clearTimeout(timer);
  });
}
