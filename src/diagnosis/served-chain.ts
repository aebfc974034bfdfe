// The chain the site sends, as the companion received it, as evidence for a failed load: the
// certificate Firefox refused, which a failed load otherwise never shows. Parsed here, in the
// background (the popup carries no parser). The names a mismatched certificate covers, the
// exact dates of one out of date, the issuer a lone leaf names but nobody sent, a self-signed
// leaf, an issuer named like interception software: each replaces a guess from the code.

import type { ParsedCertificate } from '../core/certificate/parse-der';
import type { InterceptionProduct } from '../rules/interception-products';
import type { ServedOutcome } from '../shared/served-outcome';
import { weighBlockPage } from './block-page';
import type { CauseBoard } from './cause-board';
import { parseDerOnce, productForName } from './chain-facts';
import type { DiagnosisEnvironment } from './inputs';
import { rankValidity } from './loaded-page';
import { rankNameMismatchFromNames } from './name-mismatch';
import type { ProbeResult } from './types';

/** The served certificates parsed, leaf first; empty when there is no chain or the leaf does not parse. */
export function servedCertificates(outcome: ServedOutcome | undefined): readonly ParsedCertificate[] {
  if (outcome?.kind !== 'chain') return [];
  const parsed = outcome.chain.certificates.map(parseDerOnce);
  // Only the certificates up to the first one that does not parse: the rest would be guesses.
  const readable = parsed.findIndex((c) => c === null);
  return (readable === -1 ? parsed : parsed.slice(0, readable)) as ParsedCertificate[];
}

/** The names a certificate is valid for: subjectAltName, or the CN when it has none (a hint). */
export function namesOf(certificate: ParsedCertificate): string[] {
  const names = [...certificate.subjectAltNames.dns, ...certificate.subjectAltNames.ip];
  if (names.length > 0) return names;
  const cn = /(?:^|,)\s*CN=([^,]+)/.exec(certificate.subject)?.[1];
  return cn ? [cn] : [];
}

/**
 * The issuer the leaf names when no certificate the server sent is that issuer, and the leaf is
 * not self-issued: the intermediate the server should also send. Null otherwise.
 */
export function missingIssuer(served: readonly ParsedCertificate[]): string | null {
  const [leaf, ...rest] = served;
  if (!leaf || leaf.selfIssued) return null;
  return rest.some((c) => c.subject === leaf.issuer) ? null : leaf.issuer;
}

const TIME_CODES_OF_LEAF: ReadonlySet<string> = new Set(['SEC_ERROR_EXPIRED_CERTIFICATE', 'MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE']);
const TIME_CODES_OF_ISSUER: ReadonlySet<string> = new Set([
  'SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE',
  'MOZILLA_PKIX_ERROR_NOT_YET_VALID_ISSUER_CERTIFICATE',
]);
const TRUST_CODES: ReadonlySet<string> = new Set([
  'SEC_ERROR_UNKNOWN_ISSUER',
  'MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT',
  'MOZILLA_PKIX_ERROR_MITM_DETECTED',
  'SEC_ERROR_UNTRUSTED_ISSUER',
  'SEC_ERROR_CA_CERT_INVALID',
]);

/**
 * Weighs the served chain into the failed load's causes. Returns the interception product an
 * issuer of the chain names, if any.
 */
export function weighServedChain(
  board: CauseBoard,
  code: string | null,
  host: string,
  served: readonly ParsedCertificate[],
  environment: DiagnosisEnvironment,
  www: ProbeResult | undefined,
): InterceptionProduct | null {
  const [leaf] = served;
  if (!leaf || code === null) return null;
  if (code === 'SSL_ERROR_BAD_CERT_DOMAIN') {
    const names = namesOf(leaf);
    rankNameMismatchFromNames(board, host, names, www ?? 'unchecked');
    weighBlockPage(board, host, names);
    return null;
  }
  if (TIME_CODES_OF_LEAF.has(code)) {
    rankValidity(board, leaf, environment);
    return null;
  }
  if (TIME_CODES_OF_ISSUER.has(code)) {
    const now = environment.now;
    const outOfDate = served.slice(1).find((c) => c.notAfter < now || c.notBefore > now);
    if (outOfDate)
      board.set('issuer-expired', 300, 'high', { kind: 'validity', notBefore: outOfDate.notBefore, notAfter: outOfDate.notAfter });
    return null;
  }
  if (!TRUST_CODES.has(code)) return null;
  const product = served.map((c) => productForName(c.issuer) ?? productForName(c.subject)).find((p) => p !== null) ?? null;
  if (product) {
    board.set('interception', 320, 'high', { kind: 'issuer-product', issuer: leaf.issuer, product: product.name });
    return product;
  }
  if (served.length === 1 && leaf.selfIssued) {
    board.set('self-signed', 300, 'high', { kind: 'self-issued', subject: leaf.subject });
    return null;
  }
  const missing = missingIssuer(served);
  if (missing !== null) {
    board.set('missing-intermediate', 310, 'high', { kind: 'missing-issuer', issuer: missing });
  } else {
    // The chain is complete up to a root Firefox does not trust (or would not build).
    const root = served[served.length - 1] ?? leaf;
    board.set('unknown-ca', 300, 'high', { kind: 'root-not-built-in', root: root.subject });
  }
  return null;
}
