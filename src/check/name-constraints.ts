// Name constraints (RFC 5280 4.2.1.10) on DNS names, as mozilla::pkix enforces them while it
// builds a path (pkixbuild.cpp PathBuildingStep::Check calls CheckNameConstraints on each
// candidate issuer; pkixnames.cpp matches): every DNS name of every certificate below a
// constrained CA must fall inside a permitted subtree, when there are any, and inside no excluded
// one. An end-entity with no DNS or IP name in subjectAltName is judged by its subject's common
// name (pkixnames.cpp: FallBackToSearchWithinSubject::Yes for a TLS server's end-entity).
// Constraints on other name types (IP addresses, directory names) are not read: a certificate
// that only they would reject is accepted here, and the check says what it does not verify.

import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { readChildren, readWhole } from '../core/certificate/der';
import type { CertificateView } from './certificate-view';

const NAME_CONSTRAINTS_OID = '2.5.29.30';
const PERMITTED = 0xa0;
const EXCLUDED = 0xa1;
const DNS_NAME = 0x82;

export interface DnsConstraints {
  readonly permitted: readonly string[];
  readonly excluded: readonly string[];
}

/** The DNS name constraints of a CA certificate; null without the extension or when unreadable. */
export function dnsConstraintsOf(view: CertificateView): DnsConstraints | null {
  let value: Uint8Array;
  try {
    const extension = new x509.X509Certificate(new Uint8Array(view.der)).getExtension(NAME_CONSTRAINTS_OID);
    if (!extension) return null;
    value = new Uint8Array(extension.value);
  } catch {
    return null;
  }
  const outer = readWhole(value);
  const parts = outer ? readChildren(value, outer) : null;
  if (!parts) return null;
  const read = (tag: number): string[] =>
    parts
      .filter((part) => part.tag === tag)
      .flatMap((part) => readChildren(value, part) ?? [])
      .flatMap((subtree) => (readChildren(value, subtree) ?? []).slice(0, 1))
      .filter((base) => base.tag === DNS_NAME)
      .map((base) => Buffer.from(value.subarray(base.start, base.end)).toString('latin1').toLowerCase());
  const constraints = { permitted: read(PERMITTED), excluded: read(EXCLUDED) };
  return constraints.permitted.length + constraints.excluded.length > 0 ? constraints : null;
}

/**
 * pkixnames.cpp MatchPresentedDNSIDWithReferenceDNSID for a name constraint: "example.com"
 * covers itself and its subdomains, ".example.com" only subdomains; a presented wildcard
 * "*.a.example.com" counts as a name under "a.example.com".
 */
export function dnsNameWithin(name: string, constraint: string): boolean {
  const presented = name.toLowerCase().replace(/\.$/, '');
  const base = constraint.toLowerCase().replace(/\.$/, '');
  if (base === '') return true;
  if (base.startsWith('.')) return presented.endsWith(base);
  return presented === base || presented.endsWith(`.${base}`);
}

/** The DNS names a name constraint is checked against, for one certificate. */
function dnsNamesOf(view: CertificateView, endEntity: boolean): string[] {
  const sans = view.parsed.subjectAltNames;
  if (sans.dns.length > 0 || sans.ip.length > 0 || !endEntity) return [...sans.dns];
  const commonName = /(?:^|,)CN=([^,]+)/.exec(view.parsed.subject)?.[1];
  return commonName && /^[a-z0-9*.-]+$/i.test(commonName) ? [commonName] : [];
}

/** Whether the certificates below a constrained CA (end-entity first) keep to its DNS constraints. */
export function keepsDnsConstraints(constraints: DnsConstraints, below: readonly CertificateView[]): boolean {
  return below.every((view, index) =>
    dnsNamesOf(view, index === 0).every(
      (name) =>
        (constraints.permitted.length === 0 || constraints.permitted.some((c) => dnsNameWithin(name, c))) &&
        !constraints.excluded.some((c) => dnsNameWithin(name, c)),
    ),
  );
}
