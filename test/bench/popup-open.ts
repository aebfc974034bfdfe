// One timed open of an extension page (the popup, or the empty page it is compared with), the
// way the end-to-end tests open the popup: moz-extension://<uuid>/<page> in a new tab.
//
// Time to content: from the start of the navigation (the page's own clock, performance.now()
// 0) to the first paint that showed the content, read in the page afterwards from its
// largest-contentful-paint entries: the first entry whose element is the verdict
// ([data-testid="verdict"]), inside it or after it in the document. The popup renders its
// whole diagnosis in one commit, so that paint is the one that put the verdict on screen; the
// "Loading" text before it comes earlier in the document and does not count. The empty page
// carries the same markers around its one line, so the same rule times it. Only an element still
// in the document counts, and the popup's paint must not come before the popup's own mark
// "cert-doctor:answer" (set right after the answer was rendered): an element Preact reused
// from the "Loading" state would otherwise pass its earlier paint off as the answer's.
//
// The page's work: CPU time of the extension process (process-cpu.ts) from just before the
// navigation starts until a fixed window has passed (windowMs, the same for every page, long
// enough for the popup to finish: the open is rejected if its content came later). No
// WebDriver call touches the page inside the window; the timing is read after it.
import type { Browser } from 'puppeteer-core';
import { withTimeout } from '../firefox/launch';
import { readProcessCpu } from './process-cpu';

export interface ContentTiming {
  /** ms from navigation start to the paint that showed the verdict; undefined if none did. */
  readonly contentMs: number | undefined;
  /** The element that paint reported (tag and test id), for the record. */
  readonly contentElement: string;
  readonly firstContentfulPaintMs: number | undefined;
  /** The popup's own mark, set right after it rendered its answer (popup/main.tsx ANSWER_MARK). */
  readonly answerMarkMs: number | undefined;
  readonly domContentLoadedMs: number | undefined;
  readonly verdict: string;
  readonly status: string;
  readonly url: string;
}

export interface OpenRecord extends ContentTiming {
  /** CPU time of the extension process's main thread during the window, ms. */
  readonly mainThreadMs: number;
  /** All its threads, ms. */
  readonly allThreadsMs: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function timedOpen(browser: Browser, url: string, extensionPid: number, windowMs: number): Promise<OpenRecord> {
  const page = await withTimeout(browser.newPage(), 20_000, 'opening a tab');
  try {
    const before = readProcessCpu(extensionPid);
    // page.goto to a moz-extension: URL never resolves over BiDi (launch.ts readPopup): start it
    // and do not wait.
    void page.goto(url, { timeout: windowMs + 10_000 }).catch(() => undefined);
    await sleep(windowMs);
    const after = readProcessCpu(extensionPid);
    const timing = await withTimeout(page.evaluate(readContentTiming), 10_000, `reading the timing of ${url}`);
    if (timing.url !== url) throw new Error(`the tab shows ${timing.url}, not ${url}`);
    return { ...timing, mainThreadMs: (after.mainNs - before.mainNs) / 1e6, allThreadsMs: (after.allNs - before.allNs) / 1e6 };
  } finally {
    await withTimeout(page.close(), 10_000, 'closing the tab').catch(() => undefined);
  }
}

/** Runs in the page, after the window. */
function readContentTiming(): Promise<ContentTiming> {
  return new Promise((resolve) => {
    const paints: PerformanceEntry[] = [];
    const observer = new PerformanceObserver((list) => {
      paints.push(...list.getEntries());
    });
    observer.observe({ type: 'largest-contentful-paint', buffered: true });
    // Buffered entries arrive in a task of their own.
    setTimeout(() => {
      observer.disconnect();
      const verdict = document.querySelector('[data-testid="verdict"]');
      const shows = (element: Element | null): element is Element =>
        element !== null &&
        verdict !== null &&
        element.isConnected &&
        (element === verdict ||
          verdict.contains(element) ||
          (verdict.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0);
      const content = paints.find((entry) => shows((entry as PerformanceEntry & { element: Element | null }).element));
      const element = (content as (PerformanceEntry & { element: Element | null }) | undefined)?.element;
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      const root = document.querySelector('[data-testid="diagnosis"]');
      resolve({
        contentMs: content?.startTime,
        contentElement: element
          ? `${element.tagName.toLowerCase()}${element.closest('[data-testid]') ? ` in ${element.closest('[data-testid]')?.getAttribute('data-testid') ?? ''}` : ''}`
          : '',
        firstContentfulPaintMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
        answerMarkMs: performance.getEntriesByName('cert-doctor:answer')[0]?.startTime,
        domContentLoadedMs: navigation?.domContentLoadedEventEnd,
        verdict: root?.getAttribute('data-verdict') ?? '',
        status: root?.getAttribute('data-status') ?? '',
        url: location.href,
      });
    }, 100);
  });
}
