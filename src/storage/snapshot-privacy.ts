// A snapshot with every URL in its stored form (storableUrl: no query string, no fragment, no
// user name or password, bounded). Capture already stores URLs this way; this is the second
// lock on the door to the disk (the incident history), and it cleans what older versions
// stored before every URL was stripped.

import type { TabSnapshot } from '../shared/tab-snapshot';
import { MAX_LISTED_URL_CHARS, storableUrl } from '../shared/url';

export function withStorableUrls(snapshot: TabSnapshot): TabSnapshot {
  const { security, frameFailures, subresourceFailures, requestedUrl } = snapshot;
  return {
    ...snapshot,
    url: storableUrl(snapshot.url),
    ...(requestedUrl === undefined ? {} : { requestedUrl: storableUrl(requestedUrl) }),
    ...(security === undefined ? {} : { security: { ...security, url: storableUrl(security.url) } }),
    ...(frameFailures === undefined
      ? {}
      : { frameFailures: frameFailures.map((f) => ({ ...f, url: storableUrl(f.url, MAX_LISTED_URL_CHARS) })) }),
    ...(subresourceFailures === undefined
      ? {}
      : { subresourceFailures: subresourceFailures.map((f) => ({ ...f, exampleUrl: storableUrl(f.exampleUrl, MAX_LISTED_URL_CHARS) })) }),
  };
}
