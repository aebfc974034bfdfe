// What a ClientHello offers (RFC 8446 4.1.2): cipher suites, supported_groups and
// supported_versions, read from the raw bytes a browser sent. Written apart from the check's own
// hello code (src/check/client-hello.ts) so that a test comparing the two is not circular.

export interface HelloOffer {
  readonly cipherSuites: readonly number[];
  readonly groups: readonly number[];
  readonly versions: readonly number[];
}

export function readHelloOffer(record: Buffer): HelloOffer {
  let offset = 5 + 4; // record header, handshake header
  offset += 2 + 32; // legacy_version, random
  offset += 1 + (record[offset] ?? 0); // session id
  const suitesLength = record.readUInt16BE(offset);
  offset += 2;
  const cipherSuites: number[] = [];
  for (let i = 0; i < suitesLength; i += 2) cipherSuites.push(record.readUInt16BE(offset + i));
  offset += suitesLength;
  offset += 1 + (record[offset] ?? 0); // compression methods
  const end = offset + 2 + record.readUInt16BE(offset);
  offset += 2;
  let groups: number[] = [];
  let versions: number[] = [];
  while (offset + 4 <= end) {
    const type = record.readUInt16BE(offset);
    const length = record.readUInt16BE(offset + 2);
    const data = record.subarray(offset + 4, offset + 4 + length);
    if (type === 0x000a) groups = u16List(data.subarray(2, 2 + data.readUInt16BE(0)));
    if (type === 0x002b) versions = u16List(data.subarray(1, 1 + (data[0] ?? 0)));
    offset += 4 + length;
  }
  return { cipherSuites, groups, versions };
}

function u16List(bytes: Buffer): number[] {
  const values: number[] = [];
  for (let i = 0; i + 1 < bytes.length; i += 2) values.push(bytes.readUInt16BE(i));
  return values;
}

/** GREASE values (RFC 8701): 0x?A?A, offered at random; not part of what a browser supports. */
export function isGrease(value: number): boolean {
  return (value & 0x0f0f) === 0x0a0a && value >> 8 === (value & 0xff);
}
