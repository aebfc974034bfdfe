// The memory of the last good certificate of a host, and how a new certificate differs from
// it. Lets a later failure say "until yesterday this site used a certificate from X".
// Facts are Firefox's own strings from getSecurityInfo (issuer and root subject as Firefox
// writes them, fingerprints as it formats them), so comparing them needs no parsing.

export interface CertificateMemory {
  /** Lower-case host name, no port, no trailing dot (see normaliseHost). */
  readonly host: string;
  /** Issuer DN of the leaf. */
  readonly issuer: string;
  /** Subject of the last certificate of the chain (the root Firefox built to). */
  readonly root: string;
  readonly rootBuiltIn: boolean;
  /** subjectPublicKeyInfoDigest.sha256 of the leaf. */
  readonly spkiSha256: string;
  /** fingerprint.sha256 of the leaf. */
  readonly leafSha256: string;
  /** ms since the epoch. */
  readonly notAfter: number;
  /** The site sent HSTS (Strict-Transport-Security) on that load: Firefox forbids any bypass. */
  readonly hsts?: boolean;
  /**
   * Seen only inside frames so far, never as a page the person opened: evicted first when the
   * store is full (host-table.ts). Absent for a visited site, and in entries stored before.
   */
  readonly frameOnly?: boolean;
  /** When this certificate was first and last seen for the host, ms. */
  readonly firstSeen: number;
  readonly lastSeen: number;
}

export type CertificateFacts = Omit<CertificateMemory, 'firstSeen' | 'lastSeen' | 'frameOnly'>;

/**
 * From most to least alarming, the first that applies:
 * - 'same':       the same leaf certificate (same fingerprint).
 * - 'new-root':   the chain ends at another root, or at a root with the same name that is
 *                 built in now and was not before, or the reverse. A same-named root that
 *                 is no longer built in is what TLS interception looks like.
 * - 'new-issuer': same root, another issuing CA for the leaf.
 * - 'new-key':    same issuer, a new certificate with a new key. Routine for ACME clients,
 *                 which make a new key at each renewal; it matters where keys are pinned.
 * - 'renewed':    same issuer, a new certificate for the same key.
 */
export type CertificateChange = 'same' | 'renewed' | 'new-key' | 'new-issuer' | 'new-root';

/** Longest text kept per field: DNs from a hostile certificate must not bloat storage. */
export const MAX_FIELD_LENGTH = 1024;

export function clipField(text: string): string {
  return text.length > MAX_FIELD_LENGTH ? text.slice(0, MAX_FIELD_LENGTH) : text;
}

export function compareWithMemory(previous: CertificateMemory, current: CertificateFacts): CertificateChange {
  // Stored text is clipped; clip the new text the same way so a long DN compares equal to itself.
  if (previous.leafSha256 === clipField(current.leafSha256)) return 'same';
  if (previous.root !== clipField(current.root) || previous.rootBuiltIn !== current.rootBuiltIn) return 'new-root';
  if (previous.issuer !== clipField(current.issuer)) return 'new-issuer';
  if (previous.spkiSha256 !== clipField(current.spkiSha256)) return 'new-key';
  return 'renewed';
}

/** Longest DNS name (RFC 1035 2.3.4). */
const MAX_HOST_LENGTH = 253;
/** What URL.hostname can hold: a name of letters, digits, - . _ (IDNs arrive as punycode)... */
const NAME = /^[a-z0-9._-]+$/;
/** ...or an IPv6 literal, which URL.hostname always writes in brackets. */
const IPV6_LITERAL = /^\[[0-9a-f:.]+\]$/;

/**
 * The key a host is remembered under: lower case, without port or trailing dot, so that
 * "Example.COM.", "example.com:443" and "example.com" are one site. Null for anything that
 * is not a host name (empty, too long, characters no host name has, a bare IPv6 address).
 */
export function normaliseHost(input: string): string | null {
  // Room for a port and stray spaces; anything longer is no host name, and is not worked on.
  if (input.length > 2 * MAX_HOST_LENGTH) return null;
  let host = input.trim().toLowerCase();
  if (host.startsWith('[')) {
    // IPv6 literal, maybe followed by a port: keep the bracketed address.
    host = host.slice(0, host.indexOf(']') + 1);
  } else {
    host = host.replace(/:\d+$/, '');
    if (host.endsWith('.')) host = host.slice(0, -1);
  }
  if (host.length === 0 || host.length > MAX_HOST_LENGTH) return null;
  return NAME.test(host) || IPV6_LITERAL.test(host) ? host : null;
}
