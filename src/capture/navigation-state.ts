// Pure transitions of a tab's snapshot, driven by the browser's events for the top frame.
// Firefox's order on a failed load is: webRequest.onErrorOccurred, webNavigation.onErrorOccurred,
// then onCommitted for the error page (which still carries the https URL). On a load that gets
// a response: onBeforeNavigate, webRequest.onHeadersReceived (security info), onCompleted.

// Every URL enters a snapshot through storableUrl (no query, no fragment, bounded): the
// comparisons below are between stored forms, so a load is recognised by its stored URL.

import type { CapturedSecurity, TabContext, TabSnapshot } from '../shared/tab-snapshot';
import { NS_BINDING_ABORTED, parseNavigationError } from '../core/error-codes/parse';
import { capText, MAX_MESSAGE_CHARS } from '../shared/text-bounds';
import { storableUrl } from '../shared/url';

export function startLoad(tabId: number, rawUrl: string, now: number): TabSnapshot {
  return { schema: 2, tabId, url: storableUrl(rawUrl), startedAt: now, status: 'loading' };
}

/**
 * The start of a top-level navigation (webNavigation.onBeforeNavigate, `navigationAt` its
 * timeStamp). Firefox can deliver it after webRequest's events of the same load: measured in
 * Firefox 153 in a new private window and in tabs opened back to back, the response's facts
 * were recorded first, up to about 100 ms before. A snapshot still loading the same address,
 * started no earlier than this navigation, is that load already: it is kept, with its facts
 * (the chain, the private-window mark, the request's error). Any other is a new load.
 */
export function beginNavigation(
  previous: TabSnapshot | undefined,
  tabId: number,
  rawUrl: string,
  navigationAt: number,
  now: number,
): TabSnapshot {
  const url = storableUrl(rawUrl);
  if (previous?.status === 'loading' && previous.url === url && previous.startedAt >= navigationAt) return previous;
  return startLoad(tabId, rawUrl, now);
}

/** The snapshot a later event of the same load builds on: the load in progress, or a new one
 * when its start was not seen (the background started during the load, or Firefox reported the
 * start late: beginNavigation). */
function currentLoad(previous: TabSnapshot | undefined, tabId: number, url: string, now: number): TabSnapshot {
  if (previous && (previous.status === 'loading' || previous.url === url)) return previous;
  return startLoad(tabId, url, now);
}

export function recordFailure(
  previous: TabSnapshot | undefined,
  tabId: number,
  rawUrl: string,
  errorText: string,
  now: number,
): TabSnapshot | undefined {
  const errorNumber = parseNavigationError(errorText);
  if (errorNumber === NS_BINDING_ABORTED) return previous;
  const url = storableUrl(rawUrl);
  const base = currentLoad(previous, tabId, url, now);
  const upgradedFrom = base.requestedUrl ?? (isHttpsUpgrade(base.url, url) ? base.url : undefined);
  return {
    ...base,
    url,
    ...(upgradedFrom === undefined ? {} : { requestedUrl: upgradedFrom }),
    status: 'failed',
    failure: { errorNumber, rawError: capText(errorText, MAX_MESSAGE_CHARS), at: now },
  };
}

/**
 * Measured in Firefox 153: with HTTPS-Only mode on, a visit to http://host/ starts as that URL
 * (onBeforeNavigate), webRequest reports an internal redirect to https://host/, and the failure
 * (onErrorOccurred) carries the https URL and the https load's own error code.
 */
function isHttpsUpgrade(started: string, failed: string): boolean {
  return (
    started.startsWith('http://') && failed.startsWith('https://') && started.slice('http://'.length) === failed.slice('https://'.length)
  );
}

/**
 * Firefox shows about:httpsonlyerror ("Secure Site Not Available") instead of its ordinary
 * error page when an upgrade it made by itself failed (measured in Firefox 153: the error page's
 * address reaches webNavigation.onDOMContentLoaded after the failure was recorded).
 */
export function recordHttpsOnlyErrorPage(previous: TabSnapshot | undefined): TabSnapshot | undefined {
  if (previous?.status !== 'failed') return previous;
  return { ...previous, errorPage: 'https-only' };
}

export function recordCompletion(previous: TabSnapshot | undefined, tabId: number, rawUrl: string, now: number): TabSnapshot {
  const url = storableUrl(rawUrl);
  // A completed error page must not erase the failure that produced it.
  if (previous && previous.status === 'failed' && previous.url === url) return previous;
  // A redirect ends at another URL than it started: the load in progress keeps its facts.
  const base = previous?.status === 'loading' ? previous : startLoad(tabId, url, now);
  return { ...base, url, status: 'loaded' };
}

/** webRequest's view of a failed top-level request: Firefox's message and the tab's context. */
export function recordRequestError(
  previous: TabSnapshot | undefined,
  tabId: number,
  rawUrl: string,
  message: string,
  context: TabContext,
  now: number,
): TabSnapshot {
  const base = currentLoad(previous, tabId, storableUrl(rawUrl), now);
  return { ...base, requestError: capText(message, MAX_MESSAGE_CHARS), context };
}

/** Notes how the load's certificate differs from the last good one; only for that load. */
export function recordCertificateChange(
  previous: TabSnapshot | undefined,
  rawUrl: string,
  certificateChange: NonNullable<TabSnapshot['certificateChange']>,
): TabSnapshot | undefined {
  if (!previous || previous.url !== storableUrl(rawUrl) || previous.status === 'failed') return previous;
  return { ...previous, certificateChange };
}

/**
 * The security info of a top-level response. After a redirect the last response's replaces the
 * earlier ones'; when the last hop fails, the chain stays the redirecting host's, named by
 * `security.host`, and the popup and report attribute it to that host.
 */
export function recordSecurity(
  previous: TabSnapshot | undefined,
  tabId: number,
  security: CapturedSecurity,
  context: TabContext,
  now: number,
): TabSnapshot {
  const base = currentLoad(previous, tabId, security.url, now);
  return { ...base, security, context };
}
