// One timed page load. The time is the page's own Navigation Timing record,
// loadEventEnd - startTime of performance.getEntriesByType('navigation')[0]: from the start
// of the navigation to the end of the load event, as the page saw it. It leaves out the
// WebDriver round trips, which are the same with and without the extension but noisy.
import type { Page } from 'puppeteer-core';
import { withTimeout } from '../firefox/launch';

export const LOAD_TIMEOUT_MS = 20_000;

/**
 * Navigates `page` (the instance's one tab, reused for every load) to `url` and returns the
 * load time in ms.
 */
export async function timedLoad(page: Page, url: string): Promise<number> {
  try {
    await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    const timing = await withTimeout(page.evaluate(readNavigationTiming), 10_000, `reading the timing of ${url}`);
    if (timing.name !== url) throw new Error(`the tab shows ${timing.name}`);
    return timing.duration;
  } catch (error) {
    throw new Error(`Loading ${url} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

interface NavigationTimingRead {
  readonly name: string;
  readonly duration: number;
}

/**
 * Runs in the page. puppeteer reports "load" when the load event fires; loadEventEnd is set
 * when its handlers have run, so wait (briefly) until it is.
 */
function readNavigationTiming(): Promise<NavigationTimingRead> {
  return new Promise((resolve, reject) => {
    const deadline = performance.now() + 5_000;
    const check = (): void => {
      const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      if (entry !== undefined && entry.loadEventEnd > 0) {
        resolve({ name: entry.name, duration: entry.loadEventEnd - entry.startTime });
      } else if (performance.now() > deadline) {
        reject(new Error('loadEventEnd stayed 0 for 5 s'));
      } else {
        setTimeout(check, 10);
      }
    };
    check();
  });
}
