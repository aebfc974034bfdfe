// Frames inside a page that failed (an embedded widget, a payment form...): webNavigation
// reports them with their own frameId, and the page around them loads.

import { NS_BINDING_ABORTED, parseNavigationError } from '../core/error-codes/parse';
import type { TabSnapshot } from '../shared/tab-snapshot';
import { MAX_LISTED_URL_CHARS, storableUrl } from '../shared/url';

/** Failed frames listed; the rest are counted (frameFailureCount). */
export const MAX_FRAME_FAILURES = 10;

export function recordFrameFailure(previous: TabSnapshot | undefined, frameUrl: string, errorText: string): TabSnapshot | undefined {
  if (!previous) return previous;
  const errorNumber = parseNavigationError(errorText);
  if (errorNumber === NS_BINDING_ABORTED) return previous;
  const list = previous.frameFailures ?? [];
  const count = (previous.frameFailureCount ?? list.length) + 1;
  if (list.length >= MAX_FRAME_FAILURES) return { ...previous, frameFailureCount: count };
  return {
    ...previous,
    frameFailures: [...list, { url: storableUrl(frameUrl, MAX_LISTED_URL_CHARS), errorNumber }],
    frameFailureCount: count,
  };
}
