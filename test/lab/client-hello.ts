// Reads the key-exchange groups out of a TLS ClientHello, the way a middlebox that looks inside
// handshakes does. Layout from RFC 8446 (section 4.1.2 ClientHello, 4.2.7 supported_groups,
// 4.2.8 key_share). Only what the lab needs: the first handshake record, never decrypted data.

/** IANA TLS Supported Groups registry: X25519MLKEM768, the post-quantum hybrid browsers offer
 * (draft-ietf-tls-ecdhe-mlkem; https://www.iana.org/assignments/tls-parameters). */
export const X25519_MLKEM768 = 0x11ec;
/** IANA TLS Supported Groups registry: x25519 (RFC 8446). */
export const X25519 = 0x001d;

const RECORD_HEADER = 5;
const HANDSHAKE_RECORD = 0x16;
const CLIENT_HELLO = 0x01;
const EXTENSION_SUPPORTED_GROUPS = 0x000a;
const EXTENSION_KEY_SHARE = 0x0033;

export interface ClientHelloGroups {
  /** The whole first TLS record, header included: what a box that buffers one record sees. */
  readonly recordLength: number;
  /** supported_groups, in the client's order of preference. */
  readonly supportedGroups: readonly number[];
  /** The groups the client sent a key share for (key_share extension). */
  readonly keyShareGroups: readonly number[];
}

/**
 * How many bytes the first TLS record needs in all, or undefined until its header is in.
 * A ClientHello with a post-quantum share (about 1.8 kB) can arrive over several reads.
 */
export function firstRecordLength(bytes: Buffer): number | undefined {
  if (bytes.length < RECORD_HEADER) return undefined;
  return RECORD_HEADER + bytes.readUInt16BE(3);
}

/** The groups of a ClientHello in the first record of `bytes`, or null if it is not one. */
export function readClientHelloGroups(bytes: Buffer): ClientHelloGroups | null {
  const recordLength = firstRecordLength(bytes);
  if (recordLength === undefined || bytes.length < recordLength || bytes[0] !== HANDSHAKE_RECORD) return null;
  const reader = new Reader(bytes.subarray(RECORD_HEADER, recordLength));
  try {
    if (reader.u8() !== CLIENT_HELLO) return null;
    const body = reader.sub(reader.u24());
    body.skip(2 + 32); // legacy_version, random
    body.skip(body.u8()); // legacy_session_id
    body.skip(body.u16()); // cipher_suites
    body.skip(body.u8()); // legacy_compression_methods
    const extensions = body.sub(body.u16());
    let supportedGroups: number[] = [];
    let keyShareGroups: number[] = [];
    while (!extensions.done()) {
      const type = extensions.u16();
      const data = extensions.sub(extensions.u16());
      if (type === EXTENSION_SUPPORTED_GROUPS) supportedGroups = readGroupList(data.sub(data.u16()));
      if (type === EXTENSION_KEY_SHARE) keyShareGroups = readKeyShares(data.sub(data.u16()));
    }
    return { recordLength, supportedGroups, keyShareGroups };
  } catch {
    // A record cut short or lying about its lengths is not a ClientHello we can read.
    return null;
  }
}

function readGroupList(list: Reader): number[] {
  const groups: number[] = [];
  while (!list.done()) groups.push(list.u16());
  return groups;
}

function readKeyShares(shares: Reader): number[] {
  const groups: number[] = [];
  while (!shares.done()) {
    groups.push(shares.u16());
    shares.skip(shares.u16()); // key_exchange
  }
  return groups;
}

/** A bounds-checked cursor over big-endian TLS fields; throws on any overrun. */
class Reader {
  private offset = 0;
  constructor(private readonly bytes: Buffer) {}

  done(): boolean {
    return this.offset >= this.bytes.length;
  }

  u8(): number {
    return this.take(1).readUInt8(0);
  }

  u16(): number {
    return this.take(2).readUInt16BE(0);
  }

  u24(): number {
    return this.take(3).readUIntBE(0, 3);
  }

  skip(length: number): void {
    this.take(length);
  }

  sub(length: number): Reader {
    return new Reader(this.take(length));
  }

  private take(length: number): Buffer {
    if (this.offset + length > this.bytes.length) throw new RangeError('TLS field runs past its container');
    const slice = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }
}
