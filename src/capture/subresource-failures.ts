// Subresources (images, scripts, styles, XHR...) that failed: the page "loads but looks
// broken". webRequest.onErrorOccurred gives only a message: a translated sentence for NSS
// errors, an NS_ERROR_* name for the rest. The number comes only for frames, so the popup
// offers to open a failing URL in a tab, where Firefox reports the exact code.

import { MAX_LISTED_URL_CHARS, storableHost, storableUrl } from '../shared/url';
import type { SubresourceFailure, TabSnapshot } from '../shared/tab-snapshot';
import { capText, MAX_MESSAGE_CHARS, MAX_TOKEN_CHARS } from '../shared/text-bounds';

/** Hosts and types listed; failures beyond them are only counted (subresourceFailureCount). */
export const MAX_SUBRESOURCE_ENTRIES = 20;

// Failures that are not about the connection: cancelled loads, and what Firefox itself blocks
// on purpose (tracking protection, policies).
const NOT_CONNECTION_FAILURES = new Set([
  'NS_BINDING_ABORTED',
  'NS_ERROR_ABORT',
  'NS_BINDING_REDIRECTED',
  'NS_BINDING_RETARGETED',
  'NS_ERROR_TRACKING_URI',
  'NS_ERROR_FINGERPRINTING_URI',
  'NS_ERROR_CRYPTOMINING_URI',
  'NS_ERROR_SOCIALTRACKING_URI',
  'NS_ERROR_EMAILTRACKING_URI',
  'NS_ERROR_CONTENT_BLOCKED',
  'NS_ERROR_BLOCKED_BY_POLICY',
  'NS_ERROR_DOM_BAD_URI',
  'NS_ERROR_DOM_CORP_FAILED',
  'NS_ERROR_DOM_COEP_FAILED',
]);

// Request types that are not part of what the person sees, and frames, which webNavigation
// reports with their exact code (counted apart as frame failures).
const IGNORED_TYPES = new Set(['main_frame', 'sub_frame', 'speculative', 'ping', 'beacon', 'csp_report']);

export function isConnectionFailure(type: string, error: string): boolean {
  return !IGNORED_TYPES.has(type) && !NOT_CONNECTION_FAILURES.has(error);
}

export function recordSubresourceFailure(
  previous: TabSnapshot | undefined,
  failure: { readonly url: string; readonly type: string; readonly error: string },
): TabSnapshot | undefined {
  const host = storableHost(failure.url);
  if (!previous || host === null) return previous;
  const list = previous.subresourceFailures ?? [];
  const count = (previous.subresourceFailureCount ?? 0) + 1;
  const type = capText(failure.type, MAX_TOKEN_CHARS);
  const at = list.findIndex((entry) => entry.host === host && entry.type === type);
  let next: readonly SubresourceFailure[] = list;
  if (at >= 0) {
    next = list.map((entry, index) => (index === at ? { ...entry, count: entry.count + 1 } : entry));
  } else if (list.length < MAX_SUBRESOURCE_ENTRIES) {
    next = [
      ...list,
      {
        host,
        type,
        error: capText(failure.error, MAX_MESSAGE_CHARS),
        exampleUrl: storableUrl(failure.url, MAX_LISTED_URL_CHARS),
        count: 1,
      },
    ];
  }
  return { ...previous, subresourceFailures: next, subresourceFailureCount: count };
}
