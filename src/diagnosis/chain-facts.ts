// The facts a diagnosis needs from a captured chain (getSecurityInfo, leaf first): the leaf's
// names and validity (parsed from its DER), whether the chain ends at a root built into
// Firefox, and the interception product its issuer names, if any.

import { parseCertificateDer, type ParsedCertificate } from '../core/certificate/parse-der';
import { base64ToBytes } from '../core/encoding/base64';
import { INTERCEPTION_PRODUCTS, type InterceptionProduct } from '../rules/interception-products';
import type { CapturedCertificate, CapturedSecurity } from '../shared/tab-snapshot';
import type { CompromisedRoot } from '../rules/known-roots';
import { dnAttribute } from './dn-attribute';
import { compromisedRootIn, russianStateIssuer } from './root-recognition';

export interface ChainFacts {
  readonly leaf: CapturedCertificate;
  /** Null when the DER was missing or could not be read. */
  readonly parsedLeaf: ParsedCertificate | null;
  readonly root: CapturedCertificate;
  readonly rootBuiltIn: boolean;
  readonly length: number;
  readonly product: InterceptionProduct | null;
  /** DNS names of the leaf (subjectAltName; the CN only when there is no SAN, as a hint). */
  readonly names: readonly string[];
  /** Smallest RSA key in the chain below the root, or null. */
  readonly weakestRsaBits: number | null;
  /** A SHA-1 or MD5 signature on a certificate below the root. */
  readonly weakSignature: string | null;
  /** The issuer DN in the chain that is the Russian state CA, or null. */
  readonly russianStateIssuer: string | null;
  /** A root with a published private key in the chain, with the DN that named it. */
  readonly compromisedRoot: { readonly root: CompromisedRoot; readonly dn: string } | null;
}

export function chainFacts(security: CapturedSecurity | undefined): ChainFacts | null {
  const certificates = security?.certificates ?? [];
  const leaf = certificates[0];
  const root = certificates[certificates.length - 1];
  if (!leaf || !root) return null;
  const parsed = certificates.map(parseCaptured);
  const parsedLeaf = parsed[0] ?? null;
  const belowRoot = certificates.length > 1 ? parsed.slice(0, -1) : parsed;
  const rsaBits = belowRoot.flatMap((c) => (c?.publicKey.algorithm === 'RSA' && c.publicKey.bits !== null ? [c.publicKey.bits] : []));
  const weak = belowRoot.find((c) => c && /^(SHA-1|MD5|MD2)$/i.test(c.signatureAlgorithm.hash ?? ''));
  return {
    leaf,
    parsedLeaf,
    root,
    rootBuiltIn: root.isBuiltInRoot,
    length: certificates.length,
    product: matchProduct(certificates),
    names: leafNames(leaf, parsedLeaf),
    weakestRsaBits: rsaBits.length > 0 ? Math.min(...rsaBits) : null,
    weakSignature: weak?.signatureAlgorithm.hash ?? null,
    russianStateIssuer: russianStateIssuer(certificates),
    compromisedRoot: compromisedRootIn(certificates),
  };
}

/**
 * Certificates already parsed, by their DER: the diagnosis (here) and the view's certificate
 * facts (src/views/certificate-facts.ts) read the same certificates, and the same few (the site's,
 * its intermediates) come back load after load, so each is parsed once. Keyed by the DER itself,
 * not a fingerprint field: equal bytes, equal facts. Bounded: the oldest entry goes first.
 */
const PARSED_KEPT = 64;
const parsedByDer = new Map<string, ParsedCertificate | null>();

/** A captured certificate's DER parsed, or null when it has none or it does not parse. */
export function parseCaptured(certificate: CapturedCertificate): ParsedCertificate | null {
  return parseDerOnce(certificate.derBase64);
}

/** A DER (base64) parsed once, or null when it is empty or does not parse. */
export function parseDerOnce(der: string): ParsedCertificate | null {
  if (!der) return null;
  const known = parsedByDer.get(der);
  if (known !== undefined) return known;
  const parsed = parseDer(der);
  parsedByDer.set(der, parsed);
  if (parsedByDer.size > PARSED_KEPT) parsedByDer.delete(parsedByDer.keys().next().value as string);
  return parsed;
}

function parseDer(derBase64: string): ParsedCertificate | null {
  try {
    const result = parseCertificateDer(base64ToBytes(derBase64));
    return result.ok ? result.certificate : null;
  } catch {
    return null;
  }
}

function leafNames(leaf: CapturedCertificate, parsed: ParsedCertificate | null): string[] {
  const dns = parsed?.subjectAltNames.dns ?? [];
  const ips = parsed?.subjectAltNames.ip ?? [];
  if (dns.length > 0 || ips.length > 0) return [...dns, ...ips];
  // A certificate too large to keep whole keeps its first names apart.
  if (!parsed && leaf.names && leaf.names.length > 0) return [...leaf.names];
  const cn = dnAttribute(leaf.subject, 'CN');
  return cn ? [cn] : [];
}

/** The product named by any issuer in the chain (interceptors sign with their own CA). */
export function matchProduct(certificates: readonly { readonly issuer: string; readonly subject: string }[]): InterceptionProduct | null {
  for (const certificate of certificates) {
    const product = productForName(certificate.issuer);
    if (product) return product;
  }
  return null;
}

export function productForName(dn: string): InterceptionProduct | null {
  const cn = dnAttribute(dn, 'CN');
  const o = dnAttribute(dn, 'O');
  return (
    INTERCEPTION_PRODUCTS.find(
      (p) => (p.cn !== undefined && cn !== null && p.cn.test(cn)) || (p.o !== undefined && o !== null && p.o.test(o)),
    ) ?? null
  );
}
