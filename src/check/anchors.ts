// The trust anchors Firefox would use: Mozilla's root store, which Node carries as
// tls.rootCertificates (Node's docs, https://nodejs.org/api/tls.html#tlsrootcertificates: "a
// snapshot of Mozilla CA store that is fixed at release time", so it can lag Firefox's by a
// release), plus the roots a person's profile adds, given to the check as PEM files with --ca.

import { X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import { viewCertificate } from './certificate-view';
import type { AnchorSource, TrustAnchor } from './verify-chain';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/** Every certificate of a PEM text; what is not a readable certificate is skipped and counted. */
export function anchorsFromPem(pem: string, source: AnchorSource): { readonly anchors: TrustAnchor[]; readonly unreadable: number } {
  const anchors: TrustAnchor[] = [];
  let unreadable = 0;
  for (const block of pem.match(PEM_BLOCK) ?? []) {
    let der: Buffer;
    try {
      der = new X509Certificate(block).raw;
    } catch {
      unreadable += 1;
      continue;
    }
    const view = viewCertificate(der);
    if (view) anchors.push({ view, source });
    else unreadable += 1;
  }
  return { anchors, unreadable };
}

let mozilla: readonly TrustAnchor[] | undefined;

export function mozillaAnchors(): readonly TrustAnchor[] {
  mozilla ??= anchorsFromPem(rootCertificates.join('\n'), 'mozilla').anchors;
  return mozilla;
}
