// Reads the extensions a diagnosis needs (names, CA flag, key usages, where to fetch the
// issuer and OCSP) and decodes each one on its own. @peculiar/x509's X509Certificate.extensions
// decodes all of them at once and throws if any one is malformed; here a malformed extension
// is reported by OID in `unreadable` and the others are still read. Unknown extensions,
// critical or not, are skipped: the certificate is data to describe, not to validate.

// @peculiar/x509 (through tsyringe) needs the Reflect metadata API before it loads.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { EXTENSION_OIDS, EXTENDED_KEY_USAGES, KEY_USAGE_BITS } from './oids';

export interface RawExtension {
  readonly oid: string;
  readonly critical: boolean;
  /** The extnValue OCTET STRING content. */
  readonly value: Uint8Array<ArrayBuffer>;
}

export interface ExtensionSummary {
  readonly subjectAltNames: {
    readonly dns: readonly string[];
    readonly ip: readonly string[];
    readonly email: readonly string[];
    readonly uri: readonly string[];
  };
  readonly aia: { readonly ocsp: readonly string[]; readonly caIssuers: readonly string[] };
  readonly basicConstraints: { readonly ca: boolean; readonly pathLength: number | null } | null;
  readonly keyUsage: readonly string[];
  readonly extendedKeyUsage: readonly string[];
  /** OIDs of known extensions whose value could not be decoded (so "no SAN" is not claimed). */
  readonly unreadable: readonly string[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function readExtensions(extensions: readonly RawExtension[]): ExtensionSummary {
  const summary: Mutable<ExtensionSummary> = {
    subjectAltNames: { dns: [], ip: [], email: [], uri: [] },
    aia: { ocsp: [], caIssuers: [] },
    basicConstraints: null,
    keyUsage: [],
    extendedKeyUsage: [],
    unreadable: [],
  };
  const seen = new Set<string>();
  for (const extension of extensions) {
    const read = READERS.get(extension.oid);
    // RFC 5280 4.2 allows each extension once; the first occurrence counts, as x509's
    // getExtension would have it.
    if (!read || seen.has(extension.oid)) continue;
    seen.add(extension.oid);
    try {
      const der = new x509.Extension(extension.oid, extension.critical, extension.value).rawData;
      Object.assign(summary, read(der));
    } catch {
      summary.unreadable = [...summary.unreadable, extension.oid];
    }
  }
  return summary;
}

type Reader = (der: ArrayBuffer) => Partial<ExtensionSummary>;

const READERS: ReadonlyMap<string, Reader> = new Map<string, Reader>([
  [EXTENSION_OIDS.subjectAltName, readSubjectAltNames],
  [EXTENSION_OIDS.authorityInfoAccess, readAuthorityInfoAccess],
  [EXTENSION_OIDS.basicConstraints, readBasicConstraints],
  [EXTENSION_OIDS.keyUsage, readKeyUsage],
  [EXTENSION_OIDS.extendedKeyUsage, readExtendedKeyUsage],
]);

function readSubjectAltNames(der: ArrayBuffer): Partial<ExtensionSummary> {
  // x509 drops names it cannot represent (X.400, EDI party, unknown otherName); a diagnosis
  // about host names loses nothing by that.
  const names = new x509.SubjectAlternativeNameExtension(der).names.items;
  const of = (type: x509.GeneralNameType): string[] => names.filter((n) => n.type === type).map((n) => n.value);
  return { subjectAltNames: { dns: of('dns'), ip: of('ip'), email: of('email'), uri: of('url') } };
}

function readAuthorityInfoAccess(der: ArrayBuffer): Partial<ExtensionSummary> {
  const aia = new x509.AuthorityInfoAccessExtension(der);
  // Only URIs can be fetched; a directoryName access location tells a diagnosis nothing.
  const urls = (names: readonly x509.GeneralName[]): string[] => names.filter((n) => n.type === 'url').map((n) => n.value);
  return { aia: { ocsp: urls(aia.ocsp), caIssuers: urls(aia.caIssuers) } };
}

function readBasicConstraints(der: ArrayBuffer): Partial<ExtensionSummary> {
  const constraints = new x509.BasicConstraintsExtension(der);
  return { basicConstraints: { ca: constraints.ca, pathLength: constraints.pathLength ?? null } };
}

function readKeyUsage(der: ArrayBuffer): Partial<ExtensionSummary> {
  const flags: number = new x509.KeyUsagesExtension(der).usages;
  return { keyUsage: KEY_USAGE_BITS.filter((_, bit) => (flags & (1 << bit)) !== 0) };
}

function readExtendedKeyUsage(der: ArrayBuffer): Partial<ExtensionSummary> {
  const usages = new x509.ExtendedKeyUsageExtension(der).usages.map(String);
  return { extendedKeyUsage: usages.map((oid) => EXTENDED_KEY_USAGES.get(oid) ?? oid) };
}
