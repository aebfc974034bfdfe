// From what the check measured to what Firefox 153 would do: the code it would report (or none),
// how sure that is, and the findings that explain it. Pure: the certificates are judged at the
// measured time, against the anchors given.

import { errorNumberForName } from '../core/error-codes/decode';
import { isSelfSigned, viewCertificate, type CertificateView } from './certificate-view';
import type { Measurements } from './measurements';
import { matchesHost, verifyAsFirefox, type TrustAnchor, type Verification } from './verify-chain';

export type CheckStatus = 'loads' | 'refused' | 'unchecked';

/**
 * exact: this Firefox would report this code. depends-on-profile: a root that is not Mozilla's;
 * only a profile that trusts it loads the site. depends-on-intermediates: an intermediate is
 * missing; Firefox fills the gap only if it already knows that intermediate (its preloaded list of
 * publicly disclosed ones: security.remote_settings.intermediates.enabled is true in Firefox
 * 153's greprefs.js, downloaded by modules/psm/RemoteSecuritySettings.sys.mjs; or one it met
 * before on another site, which the lab's missing-intermediate case shows).
 */
export type Certainty = 'exact' | 'depends-on-profile' | 'depends-on-intermediates';

export type Finding =
  | { readonly kind: 'not-reached'; readonly reason: string; readonly detail: string }
  | { readonly kind: 'not-tls' }
  | { readonly kind: 'alert'; readonly alert: string }
  | { readonly kind: 'no-common-cipher' }
  | { readonly kind: 'old-tls-only'; readonly accepted: readonly string[] }
  | { readonly kind: 'client-certificate-required' }
  | { readonly kind: 'post-quantum-reset'; readonly ending: string }
  | { readonly kind: 'root-not-mozilla'; readonly root: string }
  | { readonly kind: 'root-added'; readonly root: string }
  | { readonly kind: 'missing-intermediate'; readonly issuer: string }
  | { readonly kind: 'names'; readonly names: readonly string[]; readonly covered: boolean }
  | { readonly kind: 'expiry'; readonly notAfter: number; readonly expired: boolean }
  | { readonly kind: 'not-yet-valid'; readonly notBefore: number }
  | { readonly kind: 'weak-signature'; readonly subject: string; readonly algorithm: string }
  | { readonly kind: 'versions'; readonly accepted: readonly string[] }
  | { readonly kind: 'staple'; readonly stapled: boolean }
  | {
      readonly kind: 'order';
      readonly order: 'wire' | 'linked';
      readonly count: number;
      readonly sendsRoot: boolean;
      readonly unused: number;
    };

export interface Prediction {
  readonly status: CheckStatus;
  /** The code name Firefox would report (src/core/error-codes), null when the page would load. */
  readonly code: string | null;
  /** Its number as Firefox reports it in "Error code N" (for the extension's own diagnosis). */
  readonly number: number | null;
  readonly certainty: Certainty;
  /** The certificates the server sent, DER base64: in its own order when seen, else as Node links them. */
  readonly certificates: readonly string[];
  readonly order: 'wire' | 'linked';
  /** The path Firefox would build, end-entity first, ending at the anchor (empty when none). */
  readonly path: readonly CertificateView[];
  readonly anchor: TrustAnchor | null;
  readonly findings: readonly Finding[];
}

/** Alerts whose code Firefox 153 was seen to report in the lab (test/lab/cases.ts). */
const ALERT_CODES: Readonly<Record<string, string>> = {
  protocol_version: 'SSL_ERROR_PROTOCOL_VERSION_ALERT',
  certificate_required: 'SSL_ERROR_RX_CERTIFICATE_REQUIRED_ALERT',
  handshake_failure: 'SSL_ERROR_HANDSHAKE_FAILURE_ALERT',
};

export function predict(measurements: Measurements, anchors: readonly TrustAnchor[]): Prediction {
  const served = measurements.firefoxLike;
  const order: 'wire' | 'linked' = measurements.wireOrder ? 'wire' : 'linked';
  const certificates = measurements.wireOrder ?? (served.certificates.length > 0 ? served.certificates : measurements.fallbackCertificates);
  const views = certificates.map((b64) => viewCertificate(Buffer.from(b64, 'base64')));
  const readable = views.every((view) => view !== null) ? views : null;
  const findings: Finding[] = [];
  const accepted = measurements.versions.filter((v) => v.accepted).map((v) => v.version);
  if (measurements.versions.length > 0) findings.push({ kind: 'versions', accepted });

  const result = (status: CheckStatus, code: string | null, certainty: Certainty = 'exact', verification?: Verification): Prediction => {
    if (readable) findings.push(...chainFindings(readable, measurements, anchors, verification ?? null, order));
    if (served.failure === null) findings.push({ kind: 'staple', stapled: served.ocspStapled });
    return {
      status,
      code,
      number: code === null ? null : errorNumberForName(code),
      certainty,
      certificates,
      order,
      path: verification?.path ?? [],
      anchor: verification?.anchor ?? null,
      findings,
    };
  };

  const failure = served.failure;
  if (failure !== null) {
    switch (failure.kind) {
      case 'other':
        // The server chose a version older than TLS 1.2 in its ServerHello instead of an alert:
        // Firefox 153 reports SSL_ERROR_UNSUPPORTED_VERSION (test/e2e/check-oracle.test.ts).
        if (failure.detail.startsWith('ERR_SSL_UNSUPPORTED_PROTOCOL')) {
          if (accepted.length > 0) findings.push({ kind: 'old-tls-only', accepted });
          return result('refused', 'SSL_ERROR_UNSUPPORTED_VERSION');
        }
        findings.push({ kind: 'not-reached', reason: failure.kind, detail: failure.detail });
        return result('unchecked', null);
      case 'dns':
      case 'timeout':
        findings.push({ kind: 'not-reached', reason: failure.kind, detail: failure.detail });
        return result('unchecked', null);
      case 'refused':
        findings.push({ kind: 'not-reached', reason: failure.kind, detail: failure.detail });
        return result('refused', 'NS_ERROR_CONNECTION_REFUSED');
      case 'reset':
      case 'closed':
        // Both reach Firefox's page as NS_ERROR_NET_RESET (measured in the lab, test/lab/cases.ts).
        findings.push({ kind: 'not-reached', reason: failure.kind, detail: failure.detail });
        return result('refused', 'NS_ERROR_NET_RESET');
      case 'not-tls':
        findings.push({ kind: 'not-tls' });
        return result('refused', 'SSL_ERROR_RX_RECORD_TOO_LONG');
      case 'alert':
        return result('refused', alertCode(failure.detail, accepted, findings));
    }
  }
  if (measurements.postQuantum === 'reset' || measurements.postQuantum === 'closed') {
    // Firefox 153 offers X25519MLKEM768 and retries with it (README, Limits): the site fails.
    findings.push({ kind: 'post-quantum-reset', ending: measurements.postQuantum });
    return result('refused', 'NS_ERROR_NET_RESET');
  }
  if (readable === null || readable.length === 0) return result('refused', 'SEC_ERROR_BAD_DER');
  const verification = verifyAsFirefox({ served: readable, anchors, host: measurements.host, at: measurements.at });
  return result(
    verification.code === null ? 'loads' : 'refused',
    verification.code,
    certaintyOf(verification, readable, anchors),
    verification,
  );
}

function alertCode(alert: string, accepted: readonly string[], findings: Finding[]): string {
  findings.push({ kind: 'alert', alert });
  if (alert === 'handshake_failure' && accepted.some((v) => v === 'TLSv1.2' || v === 'TLSv1.3')) {
    // The server speaks TLS 1.2 with Node's own suites (which include DHE) but none of Firefox's:
    // Firefox 153 reports this as no cipher overlap (measured, lab case no-common-cipher).
    findings.push({ kind: 'no-common-cipher' });
    return 'SSL_ERROR_NO_CYPHER_OVERLAP';
  }
  if (alert === 'protocol_version' && accepted.length > 0) findings.push({ kind: 'old-tls-only', accepted });
  if (alert === 'certificate_required') findings.push({ kind: 'client-certificate-required' });
  const known = ALERT_CODES[alert];
  if (known) return known;
  const named = `SSL_ERROR_${alert.toUpperCase()}_ALERT`;
  return errorNumberForName(named) === null ? 'SSL_ERROR_HANDSHAKE_FAILURE_ALERT' : named;
}

/** An unknown issuer is only as certain as what the person's Firefox knows besides Mozilla's roots. */
function certaintyOf(verification: Verification, served: readonly CertificateView[], anchors: readonly TrustAnchor[]): Certainty {
  if (verification.code !== 'SEC_ERROR_UNKNOWN_ISSUER') return 'exact';
  const gap = chainGap(served, anchors);
  return gap?.kind === 'missing-intermediate' ? 'depends-on-intermediates' : 'depends-on-profile';
}

type Gap =
  { readonly kind: 'root-not-mozilla'; readonly root: string } | { readonly kind: 'missing-intermediate'; readonly issuer: string };

/**
 * Where the chain the server sent stops short of an anchor: it ends in a root nobody listed (a
 * self-signed CA certificate, or the issuer of an intermediate), or the end-entity's own issuer is
 * missing (an intermediate the server should send).
 */
export function chainGap(served: readonly CertificateView[], anchors: readonly TrustAnchor[]): Gap | null {
  const leaf = served[0];
  if (!leaf) return null;
  let top = leaf;
  const seen = new Set<CertificateView>([leaf]);
  for (;;) {
    if (anchors.some((anchor) => anchor.view.parsed.subject === top.parsed.issuer)) return null;
    if (isSelfSigned(top)) return top === leaf ? null : { kind: 'root-not-mozilla', root: top.parsed.subject };
    const next = served.find((view) => !seen.has(view) && view.parsed.subject === top.parsed.issuer);
    if (!next) break;
    seen.add(next);
    top = next;
  }
  if (top === leaf) return { kind: 'missing-intermediate', issuer: leaf.parsed.issuer };
  return { kind: 'root-not-mozilla', root: top.parsed.issuer };
}

function chainFindings(
  served: readonly CertificateView[],
  measurements: Measurements,
  anchors: readonly TrustAnchor[],
  verification: Verification | null,
  order: 'wire' | 'linked',
): Finding[] {
  const findings: Finding[] = [];
  const leaf = served[0];
  if (!leaf) return findings;
  const gap = chainGap(served, anchors);
  if (gap) findings.push(gap);
  if (verification?.anchor?.source === 'added') findings.push({ kind: 'root-added', root: verification.anchor.view.parsed.subject });
  const names = [...leaf.parsed.subjectAltNames.dns, ...leaf.parsed.subjectAltNames.ip];
  findings.push({ kind: 'names', names, covered: matchesHost(leaf, measurements.host) });
  if (measurements.at < leaf.parsed.notBefore) findings.push({ kind: 'not-yet-valid', notBefore: leaf.parsed.notBefore });
  findings.push({ kind: 'expiry', notAfter: leaf.parsed.notAfter, expired: measurements.at > leaf.parsed.notAfter });
  for (const view of served) {
    const hash = view.parsed.signatureAlgorithm.hash;
    if (hash === 'SHA-1' || hash === 'MD5' || hash === 'MD2') {
      findings.push({ kind: 'weak-signature', subject: view.parsed.subject, algorithm: `${view.parsed.signatureAlgorithm.name} ${hash}` });
    }
  }
  const used = new Set((verification?.path ?? []).map((view) => view.sha256));
  findings.push({
    kind: 'order',
    order,
    count: served.length,
    sendsRoot: served.slice(1).some((view) => isSelfSigned(view)),
    unused: used.size === 0 ? 0 : served.filter((view) => !used.has(view.sha256)).length,
  });
  return findings;
}
