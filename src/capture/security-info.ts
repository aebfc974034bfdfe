// Turns what webRequest.getSecurityInfo returned into the snapshot's plain, bounded record.
// The input comes from the browser, but its certificate fields come from a stranger's server:
// every field is checked for its type and cut to a sane length; nothing is interpreted here.

import { bytesToBase64 } from '../core/encoding/base64';
import type { CapturedCertificate, CapturedSecurity, OverrideCategory } from '../shared/tab-snapshot';

const MAX_NAME = 1000;
const MAX_CHAIN = 8;
const MAX_DER_BYTES = 16_384;

type Loose = Record<string, unknown>;

function asObject(value: unknown): Loose | null {
  return typeof value === 'object' && value !== null ? (value as Loose) : null;
}

function text(value: unknown, max = MAX_NAME): string {
  return typeof value === 'string' ? value.slice(0, max) : '';
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value.slice(0, 200) : null;
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
  const der = c['rawDER'];
  const derBase64 = Array.isArray(der) && der.length <= MAX_DER_BYTES ? bytesToBase64(der as number[]) : '';
  return {
    subject: text(c['subject']),
    issuer: text(c['issuer']),
    notBefore: number(validity?.['start']),
    notAfter: number(validity?.['end']),
    sha256: text(fingerprint?.['sha256'], 200),
    sha1: text(fingerprint?.['sha1'], 200),
    serialNumber: text(c['serialNumber'], 200),
    isBuiltInRoot: flag(c['isBuiltInRoot']),
    spkiSha256: text(spki?.['sha256'], 200),
    derBase64,
  };
}

export function summariseSecurityInfo(info: unknown, url: string, now: number): CapturedSecurity | null {
  const i = asObject(info);
  if (!i) return null;
  const chain = Array.isArray(i['certificates']) ? (i['certificates'] as unknown[]) : [];
  return {
    url: url.slice(0, 2000),
    at: now,
    state: text(i['state'], 40),
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
  return i !== null && overrideCategory(i['overridableErrorCategory']) !== null && Array.isArray(i['certificates']) && i['certificates'].length === 0;
}
