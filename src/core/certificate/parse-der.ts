// Parses one certificate's DER (getSecurityInfo's rawDER) into what a diagnosis needs and
// Firefox does not give: the names it is valid for, key type and size, signature hash,
// basic constraints, key usages and AIA. Pure: no `browser`, no clock, no crypto provider.
//
// @peculiar/x509 decodes the ASN.1; its convenience getters are bypassed where they would
// lose or hide something (see CertificateFields), and der.ts reads the few details it does
// not expose exactly. Certificates come from any server, so everything here is built for
// hostile input: it never throws and keeps names as inert, escaped text.

// @peculiar/x509 (through tsyringe) needs the Reflect metadata API before it loads.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { TAG_SEQUENCE, colonHex, readTlvHeader } from './der';
import { formatName, type NameAttribute, type NameRdns } from './distinguished-name';
import { readExtensions, type ExtensionSummary, type RawExtension } from './extensions';
import { toBytes } from '../encoding/bytes';
import { describePublicKey, type PublicKeySummary } from './public-key';
import { describeSignatureAlgorithm, type SignatureAlgorithmSummary } from './signature-algorithm';

export { derToPem } from './pem';

export interface ParsedCertificate {
  /** RFC 4514 string, control and bidi characters escaped (see distinguished-name.ts). */
  readonly subject: string;
  readonly issuer: string;
  /** Upper-case hex bytes joined by ':', as Firefox writes serialNumber. */
  readonly serialNumber: string;
  /** ms since the epoch. */
  readonly notBefore: number;
  readonly notAfter: number;
  readonly subjectAltNames: ExtensionSummary['subjectAltNames'];
  readonly publicKey: PublicKeySummary;
  readonly signatureAlgorithm: SignatureAlgorithmSummary;
  readonly aia: ExtensionSummary['aia'];
  readonly basicConstraints: ExtensionSummary['basicConstraints'];
  /** e.g. ['digitalSignature', 'keyEncipherment']; empty when the extension is absent. */
  readonly keyUsage: readonly string[];
  /** Names where known ('serverAuth', 'clientAuth', ...), else the dotted OID. */
  readonly extendedKeyUsage: readonly string[];
  /** OIDs of known extensions that were present but could not be decoded. */
  readonly unreadableExtensions: readonly string[];
  /** Subject and issuer are the same name (compared as the escaped strings above, exactly). */
  readonly selfIssued: boolean;
}

export type ParseResult = { readonly ok: true; readonly certificate: ParsedCertificate } | { readonly ok: false; readonly error: string };

/**
 * Far above any real certificate (the largest public ones, with thousands of SANs, stay
 * under 100 KB) and far below what would stall the background script.
 */
export const MAX_DER_BYTES = 1024 * 1024;

/** Library messages are passed on for the technical details, but kept short. */
const MAX_ERROR_LENGTH = 160;

export function parseCertificateDer(der: Uint8Array | readonly number[]): ParseResult {
  const bytes = toBytes(der);
  if (!bytes) return fail('input is not a list of bytes');
  const framing = checkFraming(bytes);
  if (framing) return fail(framing);
  try {
    return { ok: true, certificate: describe(new CertificateFields(bytes)) };
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    return fail(`not a valid X.509 certificate: ${message.slice(0, MAX_ERROR_LENGTH)}`);
  }
}

function fail(error: string): ParseResult {
  return { ok: false, error };
}

/** The input must be exactly one DER SEQUENCE; says what is wrong otherwise. */
function checkFraming(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return 'empty input';
  if (bytes.length > MAX_DER_BYTES) return `input too large (${bytes.length} bytes)`;
  if (bytes[0] !== TAG_SEQUENCE) return 'not a DER certificate (no SEQUENCE at the start)';
  const header = readTlvHeader(bytes, 0);
  if (!header.ok) {
    if (header.reason === 'malformed') return 'not a DER certificate (bad length)';
    return header.declaredEnd === undefined
      ? `truncated: ${bytes.length} bytes`
      : `truncated: ${bytes.length} of ${header.declaredEnd} bytes`;
  }
  const extra = bytes.length - header.tlv.end;
  return extra > 0 ? `${extra} bytes of trailing data after the certificate` : null;
}

/**
 * Exposes the decoded ASN.1 (protected in X509Certificate) instead of the public getters:
 * `extensions` throws on one malformed extension, `subject` escapes inconsistently, and
 * `serialNumber` drops the leading zero byte Firefox keeps.
 */
class CertificateFields extends x509.X509Certificate {
  get tbsFields() {
    return this.asn.tbsCertificate;
  }

  get outerSignatureAlgorithm() {
    return this.asn.signatureAlgorithm;
  }
}

function describe(cert: CertificateFields): ParsedCertificate {
  const tbs = cert.tbsFields;
  const subject = formatName(nameRdns(tbs.subject));
  const issuer = formatName(nameRdns(tbs.issuer));
  const notBefore = tbs.validity.notBefore.getTime().getTime();
  const notAfter = tbs.validity.notAfter.getTime().getTime();
  if (!Number.isFinite(notBefore) || !Number.isFinite(notAfter)) throw new Error('unreadable validity dates');
  const spki = tbs.subjectPublicKeyInfo;
  const signature = cert.outerSignatureAlgorithm;
  const extensions = readExtensions(Array.from(tbs.extensions ?? [], rawExtension));
  return {
    subject,
    issuer,
    serialNumber: colonHex(new Uint8Array(tbs.serialNumber)),
    notBefore,
    notAfter,
    subjectAltNames: extensions.subjectAltNames,
    publicKey: describePublicKey(spki.algorithm.algorithm, optionalBytes(spki.algorithm.parameters), new Uint8Array(spki.subjectPublicKey)),
    signatureAlgorithm: describeSignatureAlgorithm(signature.algorithm, optionalBytes(signature.parameters)),
    aia: extensions.aia,
    basicConstraints: extensions.basicConstraints,
    keyUsage: extensions.keyUsage,
    extendedKeyUsage: extensions.extendedKeyUsage,
    unreadableExtensions: extensions.unreadable,
    selfIssued: subject === issuer,
  };
}

type AsnName = CertificateFields['tbsFields']['subject'];
type AsnExtension = NonNullable<CertificateFields['tbsFields']['extensions']>[number];

function nameRdns(name: AsnName): NameRdns {
  // Array.from, not .map: the ASN.1 classes extend Array, and map would build one of them.
  return Array.from(name, (rdn) =>
    Array.from(rdn, (attribute): NameAttribute => {
      const { anyValue } = attribute.value;
      return anyValue
        ? { type: attribute.type, ber: new Uint8Array(anyValue) }
        : { type: attribute.type, text: attribute.value.toString() };
    }),
  );
}

function rawExtension(extension: AsnExtension): RawExtension {
  return {
    oid: extension.extnID,
    critical: extension.critical,
    value: new Uint8Array(extension.extnValue.buffer, extension.extnValue.byteOffset, extension.extnValue.byteLength),
  };
}

function optionalBytes(value: ArrayBuffer | null | undefined): Uint8Array | null {
  return value ? new Uint8Array(value) : null;
}
