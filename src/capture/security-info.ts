// Turns what webRequest.getSecurityInfo returned into the snapshot's plain, bounded record.
// The input comes from the browser, but its certificate fields come from a stranger's server:
// every field is checked for its type and cut to a named length (text-bounds.ts); nothing is
// interpreted here, except the names of a certificate too large to keep whole.

import { parseCertificateDer } from '../core/certificate/parse-der';
import { bytesToBase64 } from '../core/encoding/base64';
import type { CapturedCertificate, CapturedSecurity, OverrideCategory } from '../shared/tab-snapshot';
import { capText, MAX_CERT_NAME_CHARS, MAX_CERT_NAMES, MAX_DN_CHARS, MAX_HEX_CHARS, MAX_TOKEN_CHARS } from '../shared/text-bounds';
import { storableHost, storableUrl } from '../shared/url';

/** Certificates kept of a chain, leaf first; the rest are left out. */
export const MAX_CHAIN = 8;

/**
 * The largest DER kept whole (about 21 KB as base64): ordinary certificates are 1 to 2 KB; one
 * with a thousand names is about 22 KB. A larger one keeps its names apart (the first
 * MAX_CERT_NAMES and their count) and its other fields, so the popup still shows it.
 */
export const MAX_KEPT_DER_BYTES = 16_384;

type Loose = Record<string, unknown>;

function asObject(value: unknown): Loose | null {
  return typeof value === 'object' && value !== null ? (value as Loose) : null;
}

function text(value: unknown, max = MAX_DN_CHARS): string {
  return capText(value, max);
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? capText(value, MAX_TOKEN_CHARS) : null;
}

function flag(value: unknown): boolean {
  return value === true;
}

function number(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function overrideCategory(value: unknown): OverrideCategory | null {
  return value === 'trust_error' || value === 'domain_mismatch' || value === 'expired_or_not_yet_valid' ? value : null;
}

function certificate(value: unknown): CapturedCertificate | null {
  const c = asObject(value);
  if (!c) return null;
  const validity = asObject(c['validity']);
  const fingerprint = asObject(c['fingerprint']);
  const spki = asObject(c['subjectPublicKeyInfoDigest']);
  const der = Array.isArray(c['rawDER']) ? (c['rawDER'] as unknown[]) : null;
  const keepsDer = der !== null && der.length <= MAX_KEPT_DER_BYTES;
  return {
    subject: text(c['subject']),
    issuer: text(c['issuer']),
    notBefore: number(validity?.['start']),
    notAfter: number(validity?.['end']),
    sha256: text(fingerprint?.['sha256'], MAX_HEX_CHARS),
    sha1: text(fingerprint?.['sha1'], MAX_HEX_CHARS),
    serialNumber: text(c['serialNumber'], MAX_HEX_CHARS),
    isBuiltInRoot: flag(c['isBuiltInRoot']),
    spkiSha256: text(spki?.['sha256'], MAX_HEX_CHARS),
    derBase64: keepsDer ? bytesToBase64(der as number[]) : '',
    ...(der !== null && !keepsDer ? namesOf(der) : {}),
  };
}

/** The names of a certificate whose DER is not kept: the first MAX_CERT_NAMES, and how many in all. */
export function namesOf(der: readonly unknown[] | Uint8Array): Pick<CapturedCertificate, 'names' | 'nameCount'> {
  const parsed = parseCertificateDer(der as readonly number[]);
  if (!parsed.ok) return {};
  const all = [...parsed.certificate.subjectAltNames.dns, ...parsed.certificate.subjectAltNames.ip];
  return { names: all.slice(0, MAX_CERT_NAMES).map((name) => capText(name, MAX_CERT_NAME_CHARS)), nameCount: all.length };
}

export function summariseSecurityInfo(info: unknown, url: string, now: number): CapturedSecurity | null {
  const i = asObject(info);
  if (!i) return null;
  const chain = Array.isArray(i['certificates']) ? (i['certificates'] as unknown[]) : [];
  return {
    url: storableUrl(url),
    host: storableHost(url) ?? '',
    at: now,
    state: text(i['state'], MAX_TOKEN_CHARS),
    protocolVersion: textOrNull(i['protocolVersion']),
    cipherSuite: textOrNull(i['cipherSuite']),
    keaGroupName: textOrNull(i['keaGroupName']),
    signatureSchemeName: textOrNull(i['signatureSchemeName']),
    certificateTransparencyStatus: textOrNull(i['certificateTransparencyStatus']),
    hsts: flag(i['hsts']),
    usedEch: flag(i['usedEch']),
    usedOcsp: flag(i['usedOcsp']),
    usedPrivateDns: flag(i['usedPrivateDns']),
    overridableErrorCategory: overrideCategory(i['overridableErrorCategory']),
    isUntrusted: flag(i['isUntrusted']),
    isDomainMismatch: flag(i['isDomainMismatch']),
    isNotValidAtThisTime: flag(i['isNotValidAtThisTime']),
    certificates: chain
      .slice(0, MAX_CHAIN)
      .map(certificate)
      .filter((c): c is CapturedCertificate => c !== null),
  };
}

/**
 * After the person accepted the risk, getSecurityInfo with {certificateChain: true} returns
 * `certificates: []` (measured in Firefox 153); called without that option it returns the
 * server's certificate. The caller asks again in that case.
 */
export function needsServerCertificateRetry(info: unknown): boolean {
  const i = asObject(info);
  return (
    i !== null &&
    overrideCategory(i['overridableErrorCategory']) !== null &&
    Array.isArray(i['certificates']) &&
    i['certificates'].length === 0
  );
}
