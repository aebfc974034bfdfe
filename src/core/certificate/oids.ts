// Object identifiers the parser names. Data only. Each OID is from the RFC or registry named
// beside it; anything not listed is shown as its dotted OID, never guessed.

export type HashName = 'MD2' | 'MD5' | 'SHA-1' | 'SHA-224' | 'SHA-256' | 'SHA-384' | 'SHA-512';

/** Hash function OIDs (RFC 3279 2.2, RFC 5758 2, NIST CSOR), e.g. inside RSA-PSS parameters. */
export const HASH_OIDS: ReadonlyMap<string, HashName> = new Map([
  ['1.2.840.113549.2.2', 'MD2'],
  ['1.2.840.113549.2.5', 'MD5'],
  ['1.3.14.3.2.26', 'SHA-1'],
  ['2.16.840.1.101.3.4.2.4', 'SHA-224'],
  ['2.16.840.1.101.3.4.2.1', 'SHA-256'],
  ['2.16.840.1.101.3.4.2.2', 'SHA-384'],
  ['2.16.840.1.101.3.4.2.3', 'SHA-512'],
]);

/** RSASSA-PSS (RFC 4055 3.1): the hash is in the parameters, SHA-1 when they omit it. */
export const RSA_PSS_OID = '1.2.840.113549.1.1.10';

/**
 * Signature algorithms by OID, named as WebCrypto names them (the names @peculiar/x509 uses).
 * RFC 3279 2.2 (RSA, DSA, ECDSA with SHA-1 and MD5/MD2), RFC 4055 5 (RSA with SHA-2),
 * RFC 5758 3 (ECDSA and DSA with SHA-2), RFC 8410 3 (EdDSA).
 */
export const SIGNATURE_ALGORITHMS: ReadonlyMap<string, { readonly name: string; readonly hash: HashName | null }> = new Map([
  ['1.2.840.113549.1.1.2', { name: 'RSASSA-PKCS1-v1_5', hash: 'MD2' }],
  ['1.2.840.113549.1.1.4', { name: 'RSASSA-PKCS1-v1_5', hash: 'MD5' }],
  ['1.2.840.113549.1.1.5', { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-1' }],
  // The older OIW sha1WithRSASignature, still met in very old roots.
  ['1.3.14.3.2.29', { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-1' }],
  ['1.2.840.113549.1.1.14', { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-224' }],
  ['1.2.840.113549.1.1.11', { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }],
  ['1.2.840.113549.1.1.12', { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-384' }],
  ['1.2.840.113549.1.1.13', { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-512' }],
  ['1.2.840.10045.4.1', { name: 'ECDSA', hash: 'SHA-1' }],
  ['1.2.840.10045.4.3.1', { name: 'ECDSA', hash: 'SHA-224' }],
  ['1.2.840.10045.4.3.2', { name: 'ECDSA', hash: 'SHA-256' }],
  ['1.2.840.10045.4.3.3', { name: 'ECDSA', hash: 'SHA-384' }],
  ['1.2.840.10045.4.3.4', { name: 'ECDSA', hash: 'SHA-512' }],
  ['1.2.840.10040.4.3', { name: 'DSA', hash: 'SHA-1' }],
  ['2.16.840.1.101.3.4.3.1', { name: 'DSA', hash: 'SHA-224' }],
  ['2.16.840.1.101.3.4.3.2', { name: 'DSA', hash: 'SHA-256' }],
  ['1.3.101.112', { name: 'Ed25519', hash: null }],
  ['1.3.101.113', { name: 'Ed448', hash: null }],
]);

export type KeyAlgorithm = 'RSA' | 'EC' | 'Ed25519' | 'Ed448' | 'DSA' | 'unknown';

/** subjectPublicKeyInfo algorithm OIDs (RFC 3279 2.3, RFC 4055 1.2, RFC 8410 3). */
export const KEY_ALGORITHMS: ReadonlyMap<string, KeyAlgorithm> = new Map([
  ['1.2.840.113549.1.1.1', 'RSA'],
  // An RSA key restricted to PSS: same modulus, same size question.
  [RSA_PSS_OID, 'RSA'],
  ['1.2.840.10045.2.1', 'EC'],
  ['1.2.840.10040.4.1', 'DSA'],
  ['1.3.101.112', 'Ed25519'],
  ['1.3.101.113', 'Ed448'],
]);

/** Named curves (RFC 5480 2.1.1.1) with their size in bits. */
export const NAMED_CURVES: ReadonlyMap<string, { readonly name: string; readonly bits: number }> = new Map([
  ['1.2.840.10045.3.1.7', { name: 'P-256', bits: 256 }],
  ['1.3.132.0.34', { name: 'P-384', bits: 384 }],
  ['1.3.132.0.35', { name: 'P-521', bits: 521 }],
  // Not accepted by Firefox for TLS, but met in the wild; named so a report can say which.
  ['1.2.840.10045.3.1.1', { name: 'P-192', bits: 192 }],
  ['1.3.132.0.33', { name: 'P-224', bits: 224 }],
  ['1.3.132.0.10', { name: 'secp256k1', bits: 256 }],
]);

/** EdDSA key sizes by curve (RFC 8032: edwards25519 and edwards448). */
export const EDDSA_BITS: Readonly<Record<'Ed25519' | 'Ed448', number>> = { Ed25519: 256, Ed448: 448 };

/** extKeyUsage purposes (RFC 5280 4.2.1.12). */
export const EXTENDED_KEY_USAGES: ReadonlyMap<string, string> = new Map([
  ['2.5.29.37.0', 'anyExtendedKeyUsage'],
  ['1.3.6.1.5.5.7.3.1', 'serverAuth'],
  ['1.3.6.1.5.5.7.3.2', 'clientAuth'],
  ['1.3.6.1.5.5.7.3.3', 'codeSigning'],
  ['1.3.6.1.5.5.7.3.4', 'emailProtection'],
  ['1.3.6.1.5.5.7.3.8', 'timeStamping'],
  ['1.3.6.1.5.5.7.3.9', 'OCSPSigning'],
]);

/** keyUsage bits in order: bit 0 first (RFC 5280 4.2.1.3). */
export const KEY_USAGE_BITS: readonly string[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];

/** Short names of name attributes: RFC 4514 3 keywords, then the usual extra ones. */
export const NAME_ATTRIBUTES: ReadonlyMap<string, string> = new Map([
  ['2.5.4.3', 'CN'],
  ['2.5.4.6', 'C'],
  ['2.5.4.7', 'L'],
  ['2.5.4.8', 'ST'],
  ['2.5.4.9', 'STREET'],
  ['2.5.4.10', 'O'],
  ['2.5.4.11', 'OU'],
  ['0.9.2342.19200300.100.1.25', 'DC'],
  ['0.9.2342.19200300.100.1.1', 'UID'],
  ['1.2.840.113549.1.9.1', 'E'],
  ['2.5.4.4', 'SN'],
  ['2.5.4.5', 'serialNumber'],
  ['2.5.4.12', 'title'],
  ['2.5.4.15', 'businessCategory'],
  ['2.5.4.17', 'postalCode'],
  ['2.5.4.42', 'GN'],
  ['2.5.4.97', 'organizationIdentifier'],
  // EV jurisdiction fields (CA/Browser Forum EV Guidelines 9.2.4).
  ['1.3.6.1.4.1.311.60.2.1.1', 'jurisdictionL'],
  ['1.3.6.1.4.1.311.60.2.1.2', 'jurisdictionST'],
  ['1.3.6.1.4.1.311.60.2.1.3', 'jurisdictionC'],
]);

/** Extensions the parser reads (RFC 5280 4.2). */
export const EXTENSION_OIDS = {
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extendedKeyUsage: '2.5.29.37',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
} as const;
