// Pure transitions of a tab's snapshot, driven by webNavigation events for the top frame.
// Firefox's order on a failed load is: webNavigation.onErrorOccurred, then onCommitted for
// the error page (which still carries the https URL); onBeforeNavigate starts every load.

import type { TabSnapshot } from '../shared/tab-snapshot';
import { parseNavigationError } from '../core/error-codes/parse';

// A load the person (or a download) cancelled is not a failure worth explaining.
const NS_BINDING_ABORTED = 0x804b0002;

export function startLoad(tabId: number, url: string, now: number): TabSnapshot {
  return { schema: 1, tabId, url, startedAt: now, status: 'loading' };
}

export function recordFailure(
  previous: TabSnapshot | undefined,
  tabId: number,
  url: string,
  errorText: string,
  now: number,
): TabSnapshot | undefined {
  const errorNumber = parseNavigationError(errorText);
  if (errorNumber === NS_BINDING_ABORTED) return previous;
  const base = previous && previous.url === url ? previous : startLoad(tabId, url, now);
  return { ...base, status: 'failed', failure: { errorNumber, rawError: errorText.slice(0, 500), at: now } };
}

export function recordCompletion(previous: TabSnapshot | undefined, tabId: number, url: string, now: number): TabSnapshot {
  // A completed error page must not erase the failure that produced it.
  if (previous && previous.status === 'failed' && previous.url === url) return previous;
  const base = previous && previous.url === url ? previous : startLoad(tabId, url, now);
  return { ...base, status: 'loaded' };
}
