// Names the algorithm a certificate was signed with, from its OID. The table is in oids.ts;
// only RSA-PSS needs more, because its hash is inside the parameters.

import { TAG_SEQUENCE, oidAt, readChildren, readWhole } from './der';
import { HASH_OIDS, RSA_PSS_OID, SIGNATURE_ALGORITHMS } from './oids';

export interface SignatureAlgorithmSummary {
  /** WebCrypto-style name ('RSASSA-PKCS1-v1_5', 'RSA-PSS', 'ECDSA', ...), or the OID if unknown. */
  readonly name: string;
  readonly hash: string | null;
  readonly oid: string;
}

export function describeSignatureAlgorithm(oid: string, parameters: Uint8Array | null): SignatureAlgorithmSummary {
  if (oid === RSA_PSS_OID) return { name: 'RSA-PSS', hash: pssHash(parameters), oid };
  const known = SIGNATURE_ALGORITHMS.get(oid);
  return known ? { name: known.name, hash: known.hash, oid } : { name: oid, hash: null, oid };
}

/**
 * RSASSA-PSS-params ::= SEQUENCE { hashAlgorithm [0] HashAlgorithm DEFAULT sha1, ... }
 * (RFC 4055 3.1). Absent parameters or an absent [0] mean SHA-1; anything unreadable is null.
 */
function pssHash(parameters: Uint8Array | null): string | null {
  if (parameters === null) return 'SHA-1';
  const sequence = readWhole(parameters);
  if (sequence?.tag !== TAG_SEQUENCE) return null;
  const fields = readChildren(parameters, sequence);
  if (!fields) return null;
  const explicit = fields.find((field) => field.tag === 0xa0);
  if (!explicit) return 'SHA-1';
  const identifier = readChildren(parameters, explicit)?.[0];
  if (identifier?.tag !== TAG_SEQUENCE) return null;
  const hashOid = oidAt(parameters, readChildren(parameters, identifier)?.[0]);
  return hashOid === null ? null : (HASH_OIDS.get(hashOid) ?? hashOid);
}
