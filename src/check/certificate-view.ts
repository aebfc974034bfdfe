// One certificate as the verification reads it: the project's own DER parser for the facts
// (names, dates, key, signature algorithm, extensions) and Node's X509Certificate for what needs
// cryptography (signature checks) and name matching. Built once per certificate.

import { X509Certificate, createHash } from 'node:crypto';
import { parseCertificateDer, type ParsedCertificate } from '../core/certificate/parse-der';

export interface CertificateView {
  readonly der: Buffer;
  readonly parsed: ParsedCertificate;
  readonly x509: X509Certificate;
  /** SHA-256 of the DER, upper-case hex with colons, as Firefox shows fingerprints. */
  readonly sha256: string;
  /** The subjectPublicKeyInfo, DER, for loop detection and Firefox's spkiSha256. */
  readonly spki: Buffer;
}

/** null for bytes that are not a certificate both parsers can read. */
export function viewCertificate(der: Uint8Array): CertificateView | null {
  const bytes = Buffer.from(der);
  const parsed = parseCertificateDer(bytes);
  if (!parsed.ok) return null;
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(bytes);
  } catch {
    return null;
  }
  return {
    der: bytes,
    parsed: parsed.certificate,
    x509,
    sha256: colonHex(createHash('sha256').update(bytes).digest()),
    spki: x509.publicKey.export({ type: 'spki', format: 'der' }),
  };
}

export function colonHex(bytes: Buffer): string {
  return [...bytes].map((byte) => byte.toString(16).toUpperCase().padStart(2, '0')).join(':');
}

/** `issuer` signed `subject`: their names link and the signature checks out with issuer's key. */
export function signedBy(subject: CertificateView, issuer: CertificateView): boolean {
  try {
    return subject.x509.verify(issuer.x509.publicKey);
  } catch {
    return false;
  }
}

/** Subject and issuer are the same name and the certificate's own key verifies its signature. */
export function isSelfSigned(view: CertificateView): boolean {
  return view.parsed.selfIssued && signedBy(view, view);
}
