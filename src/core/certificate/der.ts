// A minimal DER reader for the few places @peculiar/x509 does not answer precisely: the outer
// framing of the input (so truncated or padded input gets a clear message), the RSA modulus
// (x509 rounds the key size up to whole bytes) and algorithm parameters (curve OIDs, DSA p,
// the RSA-PSS hash). DER only: definite lengths, low tag numbers. Never throws; every read is
// bounds-checked and returns null on malformed input.

export interface Tlv {
  /** The identifier octet, e.g. 0x30 for SEQUENCE. */
  readonly tag: number;
  /** Offset of the first content byte. */
  readonly start: number;
  /** Offset just past the last content byte. */
  readonly end: number;
}

/** Longest length field accepted (4 bytes: up to 4 GiB, far beyond any certificate). */
const MAX_LENGTH_BYTES = 4;

export type TlvHeader =
  | { readonly ok: true; readonly tlv: Tlv }
  | { readonly ok: false; readonly reason: 'truncated' | 'malformed'; readonly declaredEnd?: number };

/**
 * Reads the tag and length at `offset`. 'truncated' when the declared content runs past the
 * end of `bytes` (declaredEnd says where it would end); 'malformed' for what DER forbids
 * (indefinite length, high tag numbers, over-long length fields).
 */
export function readTlvHeader(bytes: Uint8Array, offset: number): TlvHeader {
  const tag = bytes[offset];
  const first = bytes[offset + 1];
  if (tag === undefined || first === undefined) return { ok: false, reason: 'truncated' };
  // Tag number 31 means "high tag number follows"; no certificate field needs one here.
  if ((tag & 0x1f) === 0x1f) return { ok: false, reason: 'malformed' };
  let start = offset + 2;
  let length = first;
  if (first & 0x80) {
    const count = first & 0x7f;
    // 0x80 is BER's indefinite length, which DER forbids.
    if (count === 0 || count > MAX_LENGTH_BYTES) return { ok: false, reason: 'malformed' };
    length = 0;
    for (let i = 0; i < count; i++) {
      const byte = bytes[start + i];
      if (byte === undefined) return { ok: false, reason: 'truncated' };
      length = length * 256 + byte;
    }
    start += count;
  }
  const end = start + length;
  if (end > bytes.length) return { ok: false, reason: 'truncated', declaredEnd: end };
  return { ok: true, tlv: { tag, start, end } };
}

export function readTlv(bytes: Uint8Array, offset: number): Tlv | null {
  const header = readTlvHeader(bytes, offset);
  return header.ok ? header.tlv : null;
}

/** The TLVs directly inside a constructed value, or null if they do not tile it exactly. */
export function readChildren(bytes: Uint8Array, parent: Tlv): Tlv[] | null {
  const children: Tlv[] = [];
  let offset = parent.start;
  while (offset < parent.end) {
    const child = readTlv(bytes, offset);
    if (!child || child.end > parent.end) return null;
    children.push(child);
    offset = child.end;
  }
  return children;
}

/** The single TLV that makes up all of `bytes` (e.g. an encoded parameter), or null. */
export function readWhole(bytes: Uint8Array): Tlv | null {
  const tlv = readTlv(bytes, 0);
  return tlv && tlv.end === bytes.length ? tlv : null;
}

export const TAG_INTEGER = 0x02;
export const TAG_OID = 0x06;
export const TAG_SEQUENCE = 0x30;

/** Dotted form of an OBJECT IDENTIFIER's content bytes, or null if malformed. */
export function decodeOid(content: Uint8Array): string | null {
  if (content.length === 0) return null;
  const arcs: number[] = [];
  let value = 0;
  let inArc = false;
  for (const byte of content) {
    // A leading 0x80 pads an arc, which DER forbids.
    if (!inArc && byte === 0x80) return null;
    value = value * 128 + (byte & 0x7f);
    // Arcs beyond 2^53 cannot be represented exactly; no real OID has one.
    if (!Number.isSafeInteger(value)) return null;
    inArc = (byte & 0x80) !== 0;
    if (!inArc) {
      arcs.push(value);
      value = 0;
    }
  }
  if (inArc) return null;
  const [first = 0, ...rest] = arcs;
  // The first subidentifier packs two arcs: 40 * X + Y, with X in 0..2.
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...rest].join('.');
}

/** Reads an OID TLV at `tlv` (checking its tag). */
export function oidAt(bytes: Uint8Array, tlv: Tlv | undefined): string | null {
  if (!tlv || tlv.tag !== TAG_OID) return null;
  return decodeOid(bytes.subarray(tlv.start, tlv.end));
}

/**
 * Bit length of a non-negative big-endian INTEGER's content: leading zero bytes (DER adds one
 * when the top bit is set) and leading zero bits do not count. A 2047-bit modulus is 2047.
 */
export function unsignedBitLength(content: Uint8Array): number {
  let i = 0;
  while (i < content.length && content[i] === 0) i++;
  const top = content[i];
  if (top === undefined) return 0;
  return (content.length - i - 1) * 8 + (32 - Math.clz32(top));
}

/** Upper-case hex bytes joined by ':' (how Firefox writes serial numbers and fingerprints). */
export function colonHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
}
