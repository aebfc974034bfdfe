// Verification "as Firefox would": mozilla::pkix's path building and checks, in its order, over
// the certificates a server sent and the trust anchors the person's Firefox would have. Pure: no
// network, the time is an input. What it follows, from Firefox's source:
// - pkixbuild.cpp BuildForward: the end-entity's own problems (dates, signature algorithm, key
//   size...) are deferred until a path to a trust anchor is found; with no path, the path's error
//   wins (an expired certificate from an unknown issuer is SEC_ERROR_UNKNOWN_ISSUER).
// - pkixbuild.cpp PathBuildingStep::RecordResult: an issuer's expiry becomes
//   SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE (not yet valid likewise); when several candidate issuers
//   fail differently, the answer is SEC_ERROR_UNKNOWN_ISSUER.
// - pkixcheck.cpp CheckIssuerIndependentProperties: trust, then the signature algorithm, the key,
//   key usage, basic constraints, extended key usage and, last, the validity dates.
// - CertVerifier.cpp VerifySSLServerCert (security/certverifier): an unknown issuer (or bad
//   signature, or key usage) on a self-signed certificate is MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT;
//   an expired or not-yet-valid certificate is first checked against the host name, whose mismatch
//   is "a more serious error"; the host name is checked only after the path.
// - CertVerifier.h SkipInvalidSANsForNonBuiltInRootsPolicy: never falls back to the subject's
//   common name; only subjectAltName counts.
// - CertVerifier.cpp MIN_RSA_BITS and MIN_RSA_BITS_WEAK: RSA keys under 1024 bits are
//   MOZILLA_PKIX_ERROR_INADEQUATE_KEY_SIZE; a chain to a built-in root needs 2048
//   (src/diagnosis/key-size.ts, shared with the extension's diagnosis).

import { ADDED_ROOT_RSA_MIN_BITS, PUBLIC_RSA_MIN_BITS } from '../diagnosis/key-size';
import { isSelfSigned, signedBy, type CertificateView } from './certificate-view';
import { dnsConstraintsOf, keepsDnsConstraints } from './name-constraints';

export type AnchorSource = 'mozilla' | 'added';

export interface TrustAnchor {
  readonly view: CertificateView;
  readonly source: AnchorSource;
}

export interface VerificationInput {
  /** The certificates the server sent, the end-entity first. */
  readonly served: readonly CertificateView[];
  readonly anchors: readonly TrustAnchor[];
  readonly host: string;
  /** The time to verify at (ms since the epoch). */
  readonly at: number;
}

export interface Verification {
  /** The code Firefox would report, or null when it would accept the certificate. */
  readonly code: string | null;
  /** The path found, end-entity first, ending at the anchor (empty when none was found). */
  readonly path: readonly CertificateView[];
  readonly anchor: TrustAnchor | null;
  readonly hostMatches: boolean;
}

/** mozilla::pkix's MAX_SUBCA_COUNT (pkixbuild.cpp): at most 6 intermediates. */
const MAX_SUBCA_COUNT = 6;
/** pkixcheck.cpp CheckSubjectPublicKeyInfoContents: the only curves mozilla::pkix accepts. */
const ACCEPTED_CURVES = new Set(['P-256', 'P-384', 'P-521']);
/** Digests Firefox's trust domain accepts in certificate signatures (SHA-1 and older are refused). */
const ACCEPTED_HASHES = new Set(['SHA-256', 'SHA-384', 'SHA-512']);

type Role = 'end-entity' | 'ca';

type Built =
  | { readonly ok: true; readonly path: readonly CertificateView[]; readonly anchor: TrustAnchor }
  | { readonly ok: false; readonly code: string };

export function verifyAsFirefox(input: VerificationInput): Verification {
  const leaf = input.served[0];
  if (!leaf) return { code: 'SEC_ERROR_BAD_DER', path: [], anchor: null, hostMatches: false };
  const hostMatches = matchesHost(leaf, input.host);
  const budget = { calls: 200 };
  const built = buildForward(input, leaf, 'end-entity', 0, [], budget);
  if (built.ok) {
    const weakForBuiltIn =
      built.anchor.source === 'mozilla' &&
      built.path.some((view) => view.parsed.publicKey.algorithm === 'RSA' && (view.parsed.publicKey.bits ?? 0) < PUBLIC_RSA_MIN_BITS);
    const code = weakForBuiltIn ? 'MOZILLA_PKIX_ERROR_INADEQUATE_KEY_SIZE' : hostMatches ? null : 'SSL_ERROR_BAD_CERT_DOMAIN';
    return { code, path: built.path, anchor: built.anchor, hostMatches };
  }
  let code = built.code;
  const selfSignedCodes = ['SEC_ERROR_UNKNOWN_ISSUER', 'SEC_ERROR_BAD_SIGNATURE', 'SEC_ERROR_INADEQUATE_KEY_USAGE'];
  if (selfSignedCodes.includes(code) && isSelfSigned(leaf)) code = 'MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT';
  const timeCodes = ['SEC_ERROR_EXPIRED_CERTIFICATE', 'MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE'];
  if (timeCodes.includes(code) && !hostMatches) code = 'SSL_ERROR_BAD_CERT_DOMAIN';
  return { code, path: [], anchor: null, hostMatches };
}

function buildForward(
  input: VerificationInput,
  subject: CertificateView,
  role: Role,
  subCaCount: number,
  below: readonly CertificateView[],
  budget: { calls: number },
): Built {
  const anchor = anchorFor(input, subject);
  const problem = issuerIndependentProblem(subject, role, anchor !== null, input.at, subCaCount);
  let deferred: string | null = null;
  if (problem !== null) {
    if (role === 'end-entity' && anchor === null) deferred = problem;
    else return { ok: false, code: problem };
  }
  if (anchor !== null) return { ok: true, path: [...below, subject], anchor };
  if (role === 'ca') {
    if (subCaCount >= MAX_SUBCA_COUNT) return { ok: false, code: 'SEC_ERROR_UNKNOWN_ISSUER' };
    subCaCount += 1;
  }
  // PathBuildingStep's result: the one error every candidate had, or unknown issuer.
  const step: { recorded: string | null } = { recorded: null };
  let found: Built | null = null;
  const record = (code: string): void => {
    const mapped = ISSUER_CODES[code] ?? code;
    step.recorded = step.recorded === null || step.recorded === mapped ? mapped : 'SEC_ERROR_UNKNOWN_ISSUER';
  };
  const chain = [...below, subject];
  for (const candidate of candidatesFor(input, subject)) {
    // Loop prevention (RFC 4158 5.2, as pkixbuild.cpp): the same name and key further down.
    if (chain.some((seen) => seen.spki.equals(candidate.spki) && seen.parsed.subject === candidate.parsed.subject)) {
      record('SEC_ERROR_UNKNOWN_ISSUER');
      continue;
    }
    // Before going further up, as PathBuildingStep::Check does: the candidate's name constraints.
    const constraints = dnsConstraintsOf(candidate);
    if (constraints && !keepsDnsConstraints(constraints, chain)) {
      record('SEC_ERROR_CERT_NOT_IN_NAME_SPACE');
      continue;
    }
    if (budget.calls <= 0) {
      record('SEC_ERROR_UNKNOWN_ISSUER');
      break;
    }
    budget.calls -= 1;
    const above = buildForward(input, candidate, 'ca', subCaCount, chain, budget);
    if (!above.ok) {
      record(above.code);
      continue;
    }
    if (!signedBy(subject, candidate)) {
      record('SEC_ERROR_BAD_SIGNATURE');
      continue;
    }
    found = above;
    break;
  }
  if (found === null) return { ok: false, code: step.recorded ?? 'SEC_ERROR_UNKNOWN_ISSUER' };
  if (deferred !== null) return { ok: false, code: deferred };
  return found;
}

/** PathBuildingStep::RecordResult: an issuer's own trouble named as the issuer's. */
const ISSUER_CODES: Readonly<Record<string, string>> = {
  SEC_ERROR_EXPIRED_CERTIFICATE: 'SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE',
  MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE: 'MOZILLA_PKIX_ERROR_NOT_YET_VALID_ISSUER_CERTIFICATE',
  SEC_ERROR_UNTRUSTED_CERT: 'SEC_ERROR_UNTRUSTED_ISSUER',
};

function anchorFor(input: VerificationInput, view: CertificateView): TrustAnchor | null {
  return (
    input.anchors.find(
      (anchor) =>
        anchor.view.der.equals(view.der) || (anchor.view.parsed.subject === view.parsed.subject && anchor.view.spki.equals(view.spki)),
    ) ?? null
  );
}

/** Certificates whose subject is this one's issuer: the anchors first, then what the server sent. */
function candidatesFor(input: VerificationInput, subject: CertificateView): CertificateView[] {
  const issuer = subject.parsed.issuer;
  const anchors = input.anchors.map((anchor) => anchor.view).filter((view) => view.parsed.subject === issuer);
  const sent = input.served.filter(
    (view) => view !== subject && view.parsed.subject === issuer && !anchors.some((a) => a.der.equals(view.der)),
  );
  return [...anchors, ...sent];
}

/** CheckIssuerIndependentProperties, in its order; null when the certificate passes. */
/** `subCaCount`: how many CA certificates sit between this one and the end-entity (pathLenConstraint). */
export function issuerIndependentProblem(view: CertificateView, role: Role, isAnchor: boolean, at: number, subCaCount = 0): string | null {
  const certificate = view.parsed;
  if (!isAnchor) {
    const hash = certificate.signatureAlgorithm.hash;
    if (hash === null || !ACCEPTED_HASHES.has(hash)) return 'SEC_ERROR_CERT_SIGNATURE_ALGORITHM_DISABLED';
  }
  const key = certificate.publicKey;
  if (key.algorithm === 'RSA') {
    if (key.bits !== null && key.bits < ADDED_ROOT_RSA_MIN_BITS) return 'MOZILLA_PKIX_ERROR_INADEQUATE_KEY_SIZE';
  } else if (key.algorithm === 'EC') {
    if (key.curve === null || !ACCEPTED_CURVES.has(key.curve)) return 'SEC_ERROR_UNSUPPORTED_ELLIPTIC_CURVE';
  } else {
    return 'SEC_ERROR_UNSUPPORTED_KEYALG';
  }
  const usages = certificate.keyUsage;
  if (usages.length > 0) {
    if (role === 'ca' && !usages.includes('keyCertSign')) return 'SEC_ERROR_INADEQUATE_KEY_USAGE';
    // CertVerifier tries digitalSignature, keyEncipherment, then keyAgreement for a TLS server.
    if (role === 'end-entity' && !['digitalSignature', 'keyEncipherment', 'keyAgreement'].some((usage) => usages.includes(usage))) {
      return 'SEC_ERROR_INADEQUATE_KEY_USAGE';
    }
  }
  const isCa = certificate.basicConstraints?.ca ?? false;
  if (role === 'end-entity' && isCa) return 'MOZILLA_PKIX_ERROR_CA_CERT_USED_AS_END_ENTITY';
  // A version 1 root without basic constraints is still a CA; anything else must say so.
  if (role === 'ca' && !isCa && !(isAnchor && certificate.basicConstraints === null)) return 'SEC_ERROR_CA_CERT_INVALID';
  const pathLength = certificate.basicConstraints?.pathLength ?? null;
  if (role === 'ca' && pathLength !== null && subCaCount > pathLength) return 'SEC_ERROR_PATH_LEN_CONSTRAINT_INVALID';
  const ekus = certificate.extendedKeyUsage;
  if (ekus.length > 0 && !ekus.includes('serverAuth')) return 'SEC_ERROR_INADEQUATE_CERT_TYPE';
  if (role === 'end-entity' && ekus.includes('OCSPSigning')) return 'SEC_ERROR_INADEQUATE_CERT_TYPE';
  if (at < certificate.notBefore) return 'MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE';
  if (at > certificate.notAfter) return 'SEC_ERROR_EXPIRED_CERTIFICATE';
  return null;
}

/**
 * The host name against subjectAltName only (never the common name). Wildcards cover exactly one
 * whole left-most label ("*.example.com"), as mozilla::pkix's pkixnames.cpp allows.
 */
export function matchesHost(view: CertificateView, host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  try {
    if (/^[\d.]+$/.test(bare) || bare.includes(':')) return view.x509.checkIP(bare) !== undefined;
    return (
      view.x509.checkHost(bare, { subject: 'never', wildcards: true, partialWildcards: false, multiLabelWildcards: false }) !== undefined
    );
  } catch {
    return false;
  }
}
