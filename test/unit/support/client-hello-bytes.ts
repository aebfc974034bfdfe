// A TLS 1.3-shaped ClientHello built byte by byte (RFC 8446 4.1.2), with the key shares a test
// asks for, so tests can offer groups Node's own OpenSSL cannot (X25519MLKEM768).

/** Key share sizes: X25519MLKEM768 is 1184 (ML-KEM-768) + 32 (X25519) bytes; x25519 is 32. */
const SHARE_BYTES: Readonly<Record<number, number>> = { 0x11ec: 1216, 0x001d: 32, 0x0017: 65 };

function u16(value: number): Buffer {
  const out = Buffer.alloc(2);
  out.writeUInt16BE(value);
  return out;
}

function withLength16(body: Buffer): Buffer {
  return Buffer.concat([u16(body.length), body]);
}

function extension(type: number, body: Buffer): Buffer {
  return Buffer.concat([u16(type), withLength16(body)]);
}

export function clientHelloWith(keyShareGroups: readonly number[], supportedGroups: readonly number[] = keyShareGroups): Buffer {
  const groups = extension(0x000a, withLength16(Buffer.concat(supportedGroups.map(u16))));
  const shares = extension(
    0x0033,
    withLength16(
      Buffer.concat(keyShareGroups.map((group) => Buffer.concat([u16(group), withLength16(Buffer.alloc(SHARE_BYTES[group] ?? 32, 7))]))),
    ),
  );
  const versions = extension(0x002b, Buffer.from([0x02, 0x03, 0x04]));
  const body = Buffer.concat([
    Buffer.from([0x03, 0x03]), // legacy_version
    Buffer.alloc(32, 1), // random
    Buffer.concat([Buffer.from([32]), Buffer.alloc(32, 2)]), // legacy_session_id
    withLength16(Buffer.from([0x13, 0x01])), // TLS_AES_128_GCM_SHA256
    Buffer.from([0x01, 0x00]), // compression: null
    withLength16(Buffer.concat([groups, shares, versions])),
  ]);
  const handshake = Buffer.concat([Buffer.from([0x01, (body.length >> 16) & 0xff, (body.length >> 8) & 0xff, body.length & 0xff]), body]);
  return Buffer.concat([Buffer.from([0x16, 0x03, 0x01]), withLength16(handshake)]);
}
