// Snapshots written by hand for the diagnosis tests: failed loads by code name, and loaded
// pages with real certificates (made with the lab's PKI, so the DER parses like Firefox's).

import * as x509 from '@peculiar/x509';
import { makeCa, makeKeys, makeLeaf, type Authority, type Validity } from '../../lab/pki';
import { errorNumberForName } from '../../../src/core/error-codes/decode';
import { bytesToBase64 } from '../../../src/core/encoding/base64';
import type { CertificateMemory } from '../../../src/core/continuity/memory';
import type { DiagnosisEnvironment, DiagnosisHistory } from '../../../src/diagnosis/inputs';
import type { CapturedCertificate, CapturedSecurity, OverrideCategory, TabSnapshot } from '../../../src/shared/tab-snapshot';

export const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
export const DAY = 24 * 60 * 60_000;

export function failed(url: string, code: string | null, number?: number): TabSnapshot {
  const errorNumber = code === null ? (number ?? null) : errorNumberForName(code);
  if (code !== null && errorNumber === null) throw new Error(`no such code: ${code}`);
  return {
    schema: 2,
    tabId: 1,
    url,
    startedAt: NOW - 1000,
    status: 'failed',
    failure: { errorNumber, rawError: errorNumber === null ? 'mystery' : `Error code ${errorNumber}`, at: NOW - 500 },
  };
}

export function loaded(url: string, security?: CapturedSecurity, extra: Partial<TabSnapshot> = {}): TabSnapshot {
  return { schema: 2, tabId: 1, url, startedAt: NOW - 1000, status: 'loaded', ...(security ? { security } : {}), ...extra };
}

export function environment(overrides: Partial<DiagnosisEnvironment> = {}): DiagnosisEnvironment {
  return {
    os: 'win',
    firefoxVersion: '153.7.0',
    captivePortal: 'not_captive',
    clock: null,
    now: NOW,
    warnBeforeExpiry: true,
    ...overrides,
  };
}

export function history(overrides: Partial<DiagnosisHistory> = {}): DiagnosisHistory {
  return { lastGood: null, remembered: [], probes: {}, ...overrides };
}

export function clock(skewMs: number, hosts = 4): DiagnosisEnvironment['clock'] {
  return { skewMs, hosts, spreadMs: 2000, outliers: 0, confidence: 'high' };
}

export function memory(host: string, overrides: Partial<CertificateMemory> = {}): CertificateMemory {
  return {
    host,
    issuer: 'CN=R11,O=Let’s Encrypt,C=US',
    root: 'CN=ISRG Root X1,O=Internet Security Research Group,C=US',
    rootBuiltIn: true,
    spkiSha256: 'spki',
    leafSha256: 'leaf',
    notAfter: NOW + 60 * DAY,
    firstSeen: NOW - 10 * DAY,
    lastSeen: NOW - DAY,
    ...overrides,
  };
}

export interface ChainOptions {
  readonly dnsNames: readonly string[];
  readonly rootName?: string;
  readonly rootBuiltIn?: boolean;
  readonly validity?: Validity;
  readonly selfSigned?: boolean;
  readonly leafKeys?: CryptoKeyPair;
  readonly now?: number;
}

let cachedRoot: Map<string, Authority> = new Map();

async function authority(name: string, now: number): Promise<Authority> {
  const key = `${name}@${now}`;
  const cached = cachedRoot.get(key);
  if (cached) return cached;
  const made = await makeCa({ name, keys: await makeKeys('ec'), now });
  cachedRoot.set(key, made);
  return made;
}

export function resetCertificateCache(): void {
  cachedRoot = new Map();
}

/** A chain as getSecurityInfo gives it: leaf first, root last (or the leaf alone if self-signed). */
export async function chain(options: ChainOptions): Promise<CapturedCertificate[]> {
  const now = options.now ?? NOW;
  const keys = options.leafKeys ?? (await makeKeys('ec'));
  if (options.selfSigned) {
    const leaf = await makeLeaf({ dnsNames: options.dnsNames, keys, issuer: 'self', validity: options.validity ?? 'current', now });
    return [captured(leaf, false)];
  }
  const root = await authority(options.rootName ?? 'CN=Example Root, O=Example Trust', now);
  const leaf = await makeLeaf({ dnsNames: options.dnsNames, keys, issuer: root, validity: options.validity ?? 'current', now });
  return [captured(leaf, false), captured(root.cert, options.rootBuiltIn ?? true)];
}

function captured(cert: x509.X509Certificate, isBuiltInRoot: boolean): CapturedCertificate {
  return {
    subject: cert.subject,
    issuer: cert.issuer,
    notBefore: cert.notBefore.getTime(),
    notAfter: cert.notAfter.getTime(),
    sha256: 'sha256',
    sha1: 'sha1',
    serialNumber: cert.serialNumber,
    isBuiltInRoot,
    spkiSha256: 'spki',
    derBase64: bytesToBase64(new Uint8Array(cert.rawData)),
  };
}

export function security(url: string, certificates: CapturedCertificate[], overrides: Partial<CapturedSecurity> = {}): CapturedSecurity {
  return {
    url,
    at: NOW,
    state: 'secure',
    protocolVersion: 'TLSv1.3',
    cipherSuite: 'TLS_AES_128_GCM_SHA256',
    keaGroupName: 'x25519',
    signatureSchemeName: 'ecdsa_secp256r1_sha256',
    certificateTransparencyStatus: 'valid',
    hsts: false,
    usedEch: false,
    usedOcsp: false,
    usedPrivateDns: false,
    overridableErrorCategory: null,
    isUntrusted: false,
    isDomainMismatch: false,
    isNotValidAtThisTime: false,
    certificates,
    ...overrides,
  };
}

export function exception(url: string, certificates: CapturedCertificate[], category: OverrideCategory): CapturedSecurity {
  return security(url, certificates, {
    state: 'broken',
    overridableErrorCategory: category,
    isUntrusted: category === 'trust_error',
    isDomainMismatch: category === 'domain_mismatch',
    isNotValidAtThisTime: category === 'expired_or_not_yet_valid',
  });
}
