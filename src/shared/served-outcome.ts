// What came of asking the companion for the chain a site sends: the chain, or why there is none.
// Kept by the background with the tab's other checks for that load (ready-views.ts), and read
// by the diagnosis (the certificates as evidence) and the view (what the popup says).

import type { ServedChain } from './served-chain';
import { httpsEndpointOf } from './url';

export type ServedOutcome =
  /** The companion answered for the tab's own host and port (its reply passed the schema). */
  | { readonly kind: 'chain'; readonly chain: ServedChain }
  /** Firefox found no companion: "No such native application" (NativeMessaging.sys.mjs). */
  | { readonly kind: 'not-installed' }
  /** No answer within the time allowed. */
  | { readonly kind: 'timeout' }
  /** An answer that is not the schema's, or for another host or port. */
  | { readonly kind: 'bad-reply' }
  /** The companion said it failed, or Firefox could not run it. */
  | { readonly kind: 'failed'; readonly detail: string };

export type ServedOutcomeKind = ServedOutcome['kind'];

/**
 * A load the served chain can explain: a failed top-level https load whose code is a certificate
 * or TLS error (`family` as src/core/error-codes decodes it). A page that loaded has its chain from
 * getSecurityInfo; a refused connection or a DNS failure has no certificate to get.
 */
export function servedChainHelps(status: string, family: string | null, url: string): boolean {
  return status === 'failed' && (family === 'certificate' || family === 'tls') && httpsEndpointOf(url) !== null;
}
