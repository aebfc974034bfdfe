// What kind of key a certificate carries and how big it is, from its subjectPublicKeyInfo.
// Sizes are read from the key itself: RSA from the modulus (its real bit length, not the
// whole bytes @peculiar/x509 reports), DSA from the prime p, EC from the named curve.

import { TAG_INTEGER, TAG_SEQUENCE, oidAt, readChildren, readWhole, unsignedBitLength } from './der';
import { EDDSA_BITS, KEY_ALGORITHMS, NAMED_CURVES, type KeyAlgorithm } from './oids';

export interface PublicKeySummary {
  readonly algorithm: KeyAlgorithm;
  /** Key size in bits; null when it cannot be read (unknown algorithm, malformed key). */
  readonly bits: number | null;
  /** EC only: 'P-256', 'P-384', 'P-521', ...; the dotted OID for a curve not in the table. */
  readonly curve: string | null;
  /** The algorithm OID, so an 'unknown' key can still be named in a report. */
  readonly oid: string;
}

/**
 * @param oid subjectPublicKeyInfo.algorithm.algorithm
 * @param parameters the encoded AlgorithmIdentifier parameters (null when absent)
 * @param key the subjectPublicKey BIT STRING content (without the unused-bits byte)
 */
export function describePublicKey(oid: string, parameters: Uint8Array | null, key: Uint8Array): PublicKeySummary {
  const algorithm = KEY_ALGORITHMS.get(oid) ?? 'unknown';
  switch (algorithm) {
    case 'RSA':
      // RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } (RFC 8017 A.1.1)
      return { algorithm, bits: firstIntegerBits(key), curve: null, oid };
    case 'DSA':
      // Dss-Parms ::= SEQUENCE { p INTEGER, q INTEGER, g INTEGER } (RFC 3279 2.3.2); the
      // parameters may be inherited from the issuer, and then the size is not in this certificate.
      return { algorithm, bits: parameters ? firstIntegerBits(parameters) : null, curve: null, oid };
    case 'EC': {
      const curveOid = parameters ? namedCurveOid(parameters) : null;
      if (curveOid === null) return { algorithm, bits: null, curve: null, oid };
      const known = NAMED_CURVES.get(curveOid);
      return { algorithm, bits: known?.bits ?? null, curve: known?.name ?? curveOid, oid };
    }
    case 'Ed25519':
    case 'Ed448':
      return { algorithm, bits: EDDSA_BITS[algorithm], curve: null, oid };
    case 'unknown':
      return { algorithm, bits: null, curve: null, oid };
  }
}

/** Bit length of the first INTEGER in a DER SEQUENCE, or null. */
function firstIntegerBits(der: Uint8Array): number | null {
  const sequence = readWhole(der);
  if (sequence?.tag !== TAG_SEQUENCE) return null;
  const first = readChildren(der, sequence)?.[0];
  if (first?.tag !== TAG_INTEGER) return null;
  const bits = unsignedBitLength(der.subarray(first.start, first.end));
  return bits > 0 ? bits : null;
}

/** ECParameters ::= CHOICE { namedCurve OID, ... } (RFC 5480 2.1.1); explicit curves give null. */
function namedCurveOid(parameters: Uint8Array): string | null {
  const tlv = readWhole(parameters);
  return tlv ? oidAt(parameters, tlv) : null;
}
