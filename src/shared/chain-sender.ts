// Whose certificates a snapshot holds. Firefox gives an extension the chain of each response
// that arrives; after a redirect (an SSO login sending the browser on to the site) the last
// hop may fail with no chain of its own, and the chain kept is the redirecting host's.
// It must never be shown or reported as the failing site's.

import type { CapturedCertificate, CapturedSecurity, TabSnapshot } from './tab-snapshot';
import { hostAndPortOf } from './url';

/** host[:port] of the server that sent the chain (older snapshots: the host of its URL). */
export function chainSender(security: CapturedSecurity): string | null {
  return security.host || hostAndPortOf(security.url);
}

/** The host that sent the snapshot's chain when it is not the page's own host, else null. */
export function chainFromElsewhere(snapshot: TabSnapshot): string | null {
  const security = snapshot.security;
  if (!security || security.certificates.length === 0) return null;
  const sender = chainSender(security);
  return sender !== null && sender !== hostAndPortOf(snapshot.url) ? sender : null;
}

/** The chain the page's own host sent: empty when the one kept came from another host. */
export function siteChain(snapshot: TabSnapshot): readonly CapturedCertificate[] {
  return chainFromElsewhere(snapshot) === null ? (snapshot.security?.certificates ?? []) : [];
}
