// A private window, driven from privileged scripts in Firefox's own windows (chrome-window.ts).
// WebDriver BiDi has no private window: browsingContext.create opens tabs and windows in a user
// context (a container), which is not private browsing. So the test does what the person does
// with "New private window": the browser window's OpenBrowserWindow({ private: true })
// (browser.js), then opens pages in it with gBrowser.addTrustedTab (tabbrowser.js).

import type { Browser } from 'puppeteer-core';
import { evaluateInBrowserWindow } from './chrome-window';

/** Opens a private window and waits until it has finished starting. */
export async function openPrivateWindow(browser: Browser, timeoutMs = 30_000): Promise<void> {
  const opened = await evaluateInBrowserWindow(
    browser,
    async (limitMs: number) => {
      const chrome = window as unknown as { OpenBrowserWindow(options: { private: boolean }): PrivateChromeWindow };
      const win = chrome.OpenBrowserWindow({ private: true });
      const deadline = Date.now() + limitMs;
      while (Date.now() < deadline && win.gBrowserInit?.delayedStartupFinished !== true) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return win.gBrowserInit?.delayedStartupFinished === true;
    },
    timeoutMs,
    timeoutMs + 5_000,
  );
  if (!opened) throw new Error(`The private window did not finish starting within ${timeoutMs} ms.`);
}

export interface PrivateVisit {
  /** The tab's address, and the address of the document it shows (about:certerror… for an error page). */
  readonly url: string;
  readonly documentUrl: string;
}

/**
 * Opens `url` in a new, selected tab of the private window and waits until its load ends,
 * whether the page loads or Firefox shows an error page.
 */
export async function visitInPrivateWindow(browser: Browser, url: string, timeoutMs = 20_000): Promise<PrivateVisit> {
  const visit = await evaluateInBrowserWindow(
    browser,
    async ({ address, limitMs }: { address: string; limitMs: number }) => {
      const tabs = (window as unknown as PrivateChromeWindow).gBrowser;
      const tab = tabs.addTrustedTab(address);
      tabs.selectedTab = tab;
      const page = tab.linkedBrowser;
      const deadline = Date.now() + limitMs;
      while (Date.now() < deadline) {
        if (page.currentURI.spec !== 'about:blank' && page.webProgress?.isLoadingDocument === false) {
          return { url: page.currentURI.spec, documentUrl: page.documentURI?.spec ?? '' };
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return null;
    },
    { address: url, limitMs: timeoutMs },
    timeoutMs + 5_000,
    'private',
  );
  if (!visit) throw new Error(`${url} did not finish loading in the private window within ${timeoutMs} ms.`);
  return visit;
}

/** Closes the private window (and with it, its tabs). */
export async function closePrivateWindow(browser: Browser): Promise<void> {
  await evaluateInBrowserWindow(
    browser,
    () => {
      // After this call has answered: the window is the script's own target.
      setTimeout(() => {
        window.close();
      }, 0);
    },
    null,
    10_000,
    'private',
  );
}

/** The few globals of a browser window these scripts use. */
interface PrivateChromeWindow {
  readonly gBrowserInit?: { readonly delayedStartupFinished?: boolean };
  readonly gBrowser: {
    addTrustedTab(url: string): ChromeTab;
    selectedTab: ChromeTab;
  };
}

interface ChromeTab {
  readonly linkedBrowser: {
    readonly currentURI: { readonly spec: string };
    readonly documentURI: { readonly spec: string } | null;
    readonly webProgress: { readonly isLoadingDocument: boolean } | null;
  };
}
