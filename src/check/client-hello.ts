// A ClientHello written by hand (RFC 8446 4.1.2, RFC 5246 7.4.1.2), for the two probes Node's TLS
// cannot make: Firefox's post-quantum key share (X25519MLKEM768), and a TLS 1.2 hello whose
// answer carries the server's Certificate message in clear, in the order the server sends it.
// Only the hello is ever written; the probes read the answer and close.

import { generateKeyPairSync, randomBytes } from 'node:crypto';
import {
  FIREFOX_GROUPS,
  FIREFOX_SIGNATURE_ALGORITHMS,
  FIREFOX_TLS12_SUITES,
  FIREFOX_TLS13_SUITES,
  FIREFOX_VERSIONS,
  X25519,
  X25519_MLKEM768,
  X25519_MLKEM768_SHARE_BYTES,
} from './firefox-hello';

export interface HelloOptions {
  /** Sent as server_name (SNI); null for an IP address (RFC 6066 3: SNI carries names only). */
  readonly serverName: string | null;
  /**
   * 'post-quantum': TLS 1.3 and 1.2 as Firefox offers them, with key shares for X25519MLKEM768
   * and x25519. 'tls12': TLS 1.2 only, so the server's certificates travel unencrypted.
   */
  readonly shape: 'post-quantum' | 'tls12';
}

const EXT_SERVER_NAME = 0x0000;
const EXT_STATUS_REQUEST = 0x0005;
const EXT_SUPPORTED_GROUPS = 0x000a;
const EXT_EC_POINT_FORMATS = 0x000b;
const EXT_SIGNATURE_ALGORITHMS = 0x000d;
const EXT_SUPPORTED_VERSIONS = 0x002b;
const EXT_PSK_KEY_EXCHANGE_MODES = 0x002d;
const EXT_KEY_SHARE = 0x0033;
const EXT_RENEGOTIATION_INFO = 0xff01;

export function buildClientHello(options: HelloOptions): Buffer {
  const postQuantum = options.shape === 'post-quantum';
  const suites = [...(postQuantum ? FIREFOX_TLS13_SUITES : []), ...FIREFOX_TLS12_SUITES].map(([code]) => code);
  const groups = postQuantum ? [...FIREFOX_GROUPS] : FIREFOX_GROUPS.filter((group) => group !== X25519_MLKEM768);
  const extensions: Buffer[] = [];
  if (options.serverName !== null) {
    const name = Buffer.from(options.serverName, 'ascii');
    extensions.push(extension(EXT_SERVER_NAME, vector16(Buffer.concat([Buffer.from([0]), vector16(name)]))));
  }
  extensions.push(
    extension(EXT_RENEGOTIATION_INFO, Buffer.from([0])),
    extension(EXT_SUPPORTED_GROUPS, vector16(u16s(groups))),
    extension(EXT_EC_POINT_FORMATS, Buffer.from([1, 0])),
    // status_request (OCSP, RFC 6066 8): responder_id_list and request_extensions both empty.
    extension(EXT_STATUS_REQUEST, Buffer.from([1, 0, 0, 0, 0])),
    extension(EXT_SIGNATURE_ALGORITHMS, vector16(u16s([...FIREFOX_SIGNATURE_ALGORITHMS]))),
  );
  if (postQuantum) {
    extensions.push(
      extension(
        EXT_KEY_SHARE,
        vector16(Buffer.concat([keyShare(X25519_MLKEM768, randomBytes(X25519_MLKEM768_SHARE_BYTES)), keyShare(X25519, x25519Public())])),
      ),
      extension(EXT_SUPPORTED_VERSIONS, vector8(u16s([...FIREFOX_VERSIONS]))),
      extension(EXT_PSK_KEY_EXCHANGE_MODES, Buffer.from([1, 1])),
    );
  }
  const body = Buffer.concat([
    Buffer.from([0x03, 0x03]), // legacy_version TLS 1.2
    randomBytes(32),
    vector8(postQuantum ? randomBytes(32) : Buffer.alloc(0)), // legacy_session_id (TLS 1.3 middlebox compatibility)
    vector16(u16s(suites)),
    Buffer.from([1, 0]), // compression: null only
    vector16(Buffer.concat(extensions)),
  ]);
  const handshake = Buffer.concat([Buffer.from([0x01]), u24(body.length), body]);
  // The record's legacy version is TLS 1.0 (0x0301), as browsers send it (RFC 8446 5.1).
  return Buffer.concat([Buffer.from([0x16, 0x03, 0x01]), u16(handshake.length), handshake]);
}

function x25519Public(): Buffer {
  const { publicKey } = generateKeyPairSync('x25519');
  // The raw key is the last 32 bytes of its SubjectPublicKeyInfo.
  return publicKey.export({ type: 'spki', format: 'der' }).subarray(-32);
}

function keyShare(group: number, key: Buffer): Buffer {
  return Buffer.concat([u16(group), vector16(key)]);
}

function extension(type: number, data: Buffer): Buffer {
  return Buffer.concat([u16(type), vector16(data)]);
}

function vector8(data: Buffer): Buffer {
  return Buffer.concat([Buffer.from([data.length]), data]);
}

function vector16(data: Buffer): Buffer {
  return Buffer.concat([u16(data.length), data]);
}

function u16(value: number): Buffer {
  const bytes = Buffer.alloc(2);
  bytes.writeUInt16BE(value);
  return bytes;
}

function u16s(values: readonly number[]): Buffer {
  return Buffer.concat(values.map(u16));
}

function u24(value: number): Buffer {
  const bytes = Buffer.alloc(3);
  bytes.writeUIntBE(value, 0, 3);
  return bytes;
}
