// The pieces under parse-der.ts, fed hand-built DER so that expectations come from the
// standards (X.690, RFC 5280, RFC 4514), not from @peculiar/x509's own encoder.

import { decodeOid, readTlvHeader, unsignedBitLength } from '../../src/core/certificate/der';
import { escapeNameValue, formatName, utf8Bytes, type NameRdns } from '../../src/core/certificate/distinguished-name';
import { readExtensions } from '../../src/core/certificate/extensions';
import { derToPem } from '../../src/core/certificate/pem';
import { bytesToBase64 } from '../../src/core/encoding/base64';
import { describePublicKey } from '../../src/core/certificate/public-key';
import { describeSignatureAlgorithm } from '../../src/core/certificate/signature-algorithm';

/** DER TLV with a definite length (short or long form). */
function tlv(tag: number, content: readonly number[]): number[] {
  const n = content.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return [tag, ...length, ...content];
}
const seq = (...items: number[][]): number[] => tlv(0x30, items.flat());
const int = (bytes: readonly number[]): number[] => tlv(0x02, bytes);
/** OID content bytes for arcs whose first two pack into one byte and the rest are < 16384. */
function oidBytes(oid: string): number[] {
  const [a = 0, b = 0, ...rest] = oid.split('.').map(Number);
  const out = [a * 40 + b];
  for (const arc of rest) out.push(...(arc >= 128 ? [0x80 | (arc >> 7), arc & 0x7f] : [arc]));
  return out;
}
const oid = (dotted: string): number[] => tlv(0x06, oidBytes(dotted));
const bytes = (list: readonly number[]): Uint8Array<ArrayBuffer> => new Uint8Array(list);
/** A positive big-endian integer of exactly `bits` bits: top bit set, the rest 0x5a filler. */
function integerOfBits(bits: number): number[] {
  const length = Math.ceil(bits / 8);
  const top = 1 << ((bits - 1) % 8);
  const value = [top, ...Array<number>(length - 1).fill(0x5a)];
  // DER: a leading 0x00 when the top bit of the first byte is set, so it stays positive.
  return top & 0x80 ? [0, ...value] : value;
}

describe('decodeOid', () => {
  test.each<[string, number[], string | null]>([
    ['sha256WithRSAEncryption', [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b], '1.2.840.113549.1.1.11'],
    ['subjectAltName', [0x55, 0x1d, 0x11], '2.5.29.17'],
    ['Ed25519', [0x2b, 0x65, 0x70], '1.3.101.112'],
    ['first arc 2 with a large second arc (2.999.3)', [0x88, 0x37, 0x03], '2.999.3'],
    ['first arc 0', [0x09, 0x92, 0x26], '0.9.2342'],
    ['empty', [], null],
    ['padded arc (leading 0x80)', [0x2a, 0x80, 0x01], null],
    ['unterminated arc', [0x2a, 0x86], null],
  ])('%s', (_title, content, expected) => {
    expect(decodeOid(bytes(content))).toBe(expected);
  });

  test('the test helper and the decoder agree on OIDs with multi-byte arcs', () => {
    for (const dotted of ['1.2.840.10045.4.3.2', '1.3.6.1.5.5.7.3.1', '1.3.6.1.4.1.311.60.2.1.3']) {
      expect(decodeOid(bytes(oidBytes(dotted)))).toBe(dotted);
    }
  });
});

describe('unsignedBitLength', () => {
  test.each<[string, number[], number]>([
    ['one', [0x01], 1],
    ['0x80 with its DER sign byte', [0x00, 0x80], 8],
    ['0x7fff', [0x7f, 0xff], 15],
    ['empty', [], 0],
    ['zero', [0x00, 0x00], 0],
    ['2047-bit modulus', integerOfBits(2047), 2047],
    ['2048-bit modulus', integerOfBits(2048), 2048],
    ['1024-bit modulus', integerOfBits(1024), 1024],
  ])('%s', (_title, content, expected) => {
    expect(unsignedBitLength(bytes(content))).toBe(expected);
  });
});

describe('readTlvHeader', () => {
  test.each<[string, number[], ReturnType<typeof readTlvHeader>]>([
    ['short form', [0x30, 0x02, 0x05, 0x00], { ok: true, tlv: { tag: 0x30, start: 2, end: 4 } }],
    ['long form, one length byte', [0x04, 0x81, 0x01, 0xff], { ok: true, tlv: { tag: 0x04, start: 3, end: 4 } }],
    ['content longer than the input', [0x30, 0x82, 0x01, 0x00, 0x01], { ok: false, reason: 'truncated', declaredEnd: 260 }],
    ['length bytes missing', [0x30, 0x82, 0x01], { ok: false, reason: 'truncated' }],
    ['only a tag', [0x30], { ok: false, reason: 'truncated' }],
    ['indefinite length (BER, not DER)', [0x30, 0x80, 0x00, 0x00], { ok: false, reason: 'malformed' }],
    ['high tag number', [0x1f, 0x81, 0x00], { ok: false, reason: 'malformed' }],
    ['five length bytes', [0x30, 0x85, 0, 0, 0, 0, 1, 0], { ok: false, reason: 'malformed' }],
  ])('%s', (_title, input, expected) => {
    expect(readTlvHeader(bytes(input), 0)).toEqual(expected);
  });
});

describe('describePublicKey', () => {
  const rsaKey = (bits: number): Uint8Array => bytes(seq(int(integerOfBits(bits)), int([0x01, 0x00, 0x01])));
  const dsaParameters = (pBits: number): Uint8Array => bytes(seq(int(integerOfBits(pBits)), int(integerOfBits(160)), int([0x02])));

  test.each<[string, string, Uint8Array | null, Uint8Array, ReturnType<typeof describePublicKey>]>([
    [
      'RSA 2048',
      '1.2.840.113549.1.1.1',
      bytes([0x05, 0x00]),
      rsaKey(2048),
      { algorithm: 'RSA', bits: 2048, curve: null, oid: '1.2.840.113549.1.1.1' },
    ],
    // x509's modulusLength would say 2048 (whole bytes); the real size is 2047.
    [
      'RSA 2047 (not rounded up)',
      '1.2.840.113549.1.1.1',
      null,
      rsaKey(2047),
      { algorithm: 'RSA', bits: 2047, curve: null, oid: '1.2.840.113549.1.1.1' },
    ],
    [
      'RSA-PSS key',
      '1.2.840.113549.1.1.10',
      null,
      rsaKey(3072),
      { algorithm: 'RSA', bits: 3072, curve: null, oid: '1.2.840.113549.1.1.10' },
    ],
    [
      'RSA, key not a SEQUENCE',
      '1.2.840.113549.1.1.1',
      null,
      bytes([0x04, 0x01, 0x00]),
      { algorithm: 'RSA', bits: null, curve: null, oid: '1.2.840.113549.1.1.1' },
    ],
    [
      'RSA, truncated key',
      '1.2.840.113549.1.1.1',
      null,
      rsaKey(2048).subarray(0, 40),
      { algorithm: 'RSA', bits: null, curve: null, oid: '1.2.840.113549.1.1.1' },
    ],
    [
      'EC P-256',
      '1.2.840.10045.2.1',
      bytes(oid('1.2.840.10045.3.1.7')),
      bytes([0x04]),
      { algorithm: 'EC', bits: 256, curve: 'P-256', oid: '1.2.840.10045.2.1' },
    ],
    [
      'EC P-384',
      '1.2.840.10045.2.1',
      bytes(oid('1.3.132.0.34')),
      bytes([0x04]),
      { algorithm: 'EC', bits: 384, curve: 'P-384', oid: '1.2.840.10045.2.1' },
    ],
    [
      'EC P-521',
      '1.2.840.10045.2.1',
      bytes(oid('1.3.132.0.35')),
      bytes([0x04]),
      { algorithm: 'EC', bits: 521, curve: 'P-521', oid: '1.2.840.10045.2.1' },
    ],
    [
      'EC, curve not in the table',
      '1.2.840.10045.2.1',
      bytes(oid('1.3.36.3.3.2.8.1.1.7')),
      bytes([0x04]),
      { algorithm: 'EC', bits: null, curve: '1.3.36.3.3.2.8.1.1.7', oid: '1.2.840.10045.2.1' },
    ],
    [
      'EC, explicit curve parameters',
      '1.2.840.10045.2.1',
      bytes(seq(int([0x01]))),
      bytes([0x04]),
      { algorithm: 'EC', bits: null, curve: null, oid: '1.2.840.10045.2.1' },
    ],
    ['EC, no parameters', '1.2.840.10045.2.1', null, bytes([0x04]), { algorithm: 'EC', bits: null, curve: null, oid: '1.2.840.10045.2.1' }],
    [
      'DSA with p of 1024 bits',
      '1.2.840.10040.4.1',
      dsaParameters(1024),
      bytes(int([0x05])),
      { algorithm: 'DSA', bits: 1024, curve: null, oid: '1.2.840.10040.4.1' },
    ],
    [
      'DSA with inherited parameters',
      '1.2.840.10040.4.1',
      null,
      bytes(int([0x05])),
      { algorithm: 'DSA', bits: null, curve: null, oid: '1.2.840.10040.4.1' },
    ],
    ['Ed25519', '1.3.101.112', null, new Uint8Array(32), { algorithm: 'Ed25519', bits: 256, curve: null, oid: '1.3.101.112' }],
    ['Ed448', '1.3.101.113', null, new Uint8Array(57), { algorithm: 'Ed448', bits: 448, curve: null, oid: '1.3.101.113' }],
    [
      'unknown (ML-DSA-65)',
      '2.16.840.1.101.3.4.3.18',
      null,
      new Uint8Array(8),
      { algorithm: 'unknown', bits: null, curve: null, oid: '2.16.840.1.101.3.4.3.18' },
    ],
  ])('%s', (_title, algorithmOid, parameters, key, expected) => {
    expect(describePublicKey(algorithmOid, parameters, key)).toEqual(expected);
  });
});

describe('describeSignatureAlgorithm', () => {
  const pssParameters = (...fields: number[][]): Uint8Array => bytes(seq(...fields));
  const hashField = (hashOid: string): number[] => tlv(0xa0, seq(oid(hashOid), [0x05, 0x00]));

  test.each<[string, string, Uint8Array | null, { name: string; hash: string | null }]>([
    ['sha256WithRSAEncryption', '1.2.840.113549.1.1.11', null, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }],
    ['sha1WithRSAEncryption', '1.2.840.113549.1.1.5', null, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-1' }],
    ['md5WithRSAEncryption', '1.2.840.113549.1.1.4', null, { name: 'RSASSA-PKCS1-v1_5', hash: 'MD5' }],
    ['OIW sha1WithRSASignature', '1.3.14.3.2.29', null, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-1' }],
    ['ecdsa-with-SHA1', '1.2.840.10045.4.1', null, { name: 'ECDSA', hash: 'SHA-1' }],
    ['ecdsa-with-SHA384', '1.2.840.10045.4.3.3', null, { name: 'ECDSA', hash: 'SHA-384' }],
    ['dsa-with-sha1', '1.2.840.10040.4.3', null, { name: 'DSA', hash: 'SHA-1' }],
    ['Ed25519', '1.3.101.112', null, { name: 'Ed25519', hash: null }],
    ['unknown: named by its OID', '1.2.3.4.5', null, { name: '1.2.3.4.5', hash: null }],
    ['RSA-PSS, no parameters: SHA-1 by default', '1.2.840.113549.1.1.10', null, { name: 'RSA-PSS', hash: 'SHA-1' }],
    [
      'RSA-PSS, hash SHA-256',
      '1.2.840.113549.1.1.10',
      pssParameters(hashField('2.16.840.1.101.3.4.2.1')),
      { name: 'RSA-PSS', hash: 'SHA-256' },
    ],
    [
      'RSA-PSS, only a salt length: SHA-1',
      '1.2.840.113549.1.1.10',
      pssParameters(tlv(0xa2, int([0x20]))),
      { name: 'RSA-PSS', hash: 'SHA-1' },
    ],
    ['RSA-PSS, unknown hash OID', '1.2.840.113549.1.1.10', pssParameters(hashField('1.2.3.4')), { name: 'RSA-PSS', hash: '1.2.3.4' }],
    ['RSA-PSS, garbage parameters', '1.2.840.113549.1.1.10', bytes([0x30, 0x05, 0x01]), { name: 'RSA-PSS', hash: null }],
  ])('%s', (_title, algorithmOid, parameters, expected) => {
    expect(describeSignatureAlgorithm(algorithmOid, parameters)).toEqual({ ...expected, oid: algorithmOid });
  });
});

describe('distinguished names', () => {
  test.each<[string, string, string]>([
    ['plain', 'example.com', 'example.com'],
    ['RFC 4514 specials', 'a,b+c"d\\e<f>g;h', 'a\\,b\\+c\\"d\\\\e\\<f\\>g\\;h'],
    ['markup stays text', '<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['leading # and trailing space', '# x ', '\\# x\\ '],
    ['leading space', ' x', '\\ x'],
    ['# and spaces inside are plain', 'a # b', 'a # b'],
    ['every newline, not only the first', 'a\nb\nc\r\td', 'a\\0Ab\\0Ac\\0D\\09d'],
    ['NUL and DEL', 'a\u0000b\u007f', 'a\\00b\\7F'],
    ['C1 control', 'a\u0085b', 'a\\C2\\85b'],
    ['right-to-left override', 'moc.\u202elive', 'moc.\\E2\\80\\AElive'],
    ['zero-width space and BOM', 'a\u200bb\ufeff', 'a\\E2\\80\\8Bb\\EF\\BB\\BF'],
    ['lone surrogate', 'a\ud800b', 'a\\D8\\00b'],
    ['letters of any script and emoji stay', 'Müller 日本 😀', 'Müller 日本 😀'],
  ])('%s', (_title, value, expected) => {
    expect(escapeNameValue(value)).toBe(expected);
  });

  test('RDNs print last first (RFC 4514 2.1), multi-valued RDNs with +, unknown types as OIDs', () => {
    const rdns: NameRdns = [
      [{ type: '2.5.4.6', text: 'US' }],
      [{ type: '2.5.4.10', text: 'Example, Inc.' }],
      [
        { type: '2.5.4.3', text: 'a.test' },
        { type: '1.2.3.4', text: 'x' },
      ],
      [{ type: '2.5.4.45', ber: bytes([0x03, 0x02, 0x00, 0xff]) }],
    ];
    expect(formatName(rdns)).toBe('2.5.4.45=#030200ff,CN=a.test+1.2.3.4=x,O=Example\\, Inc.,C=US');
  });

  test('utf8Bytes agrees with Node at every encoding length and boundary', () => {
    const codePoints = [0x00, 0x7f, 0x80, 0x7ff, 0x800, 0x202e, 0xd7ff, 0xe000, 0xfeff, 0xffff, 0x10000, 0x1f600, 0x10ffff];
    for (const code of codePoints) expect(utf8Bytes(code)).toEqual([...Buffer.from(String.fromCodePoint(code), 'utf8')]);
  });

  test('an empty name is an empty string', () => {
    expect(formatName([])).toBe('');
  });
});

describe('readExtensions with hand-built values', () => {
  const extension = (oidText: string, value: number[], critical = false) => ({ oid: oidText, critical, value: bytes(value) });

  test.each<[string, number[], string[]]>([
    // BIT STRING: bit 0 is the most significant bit of the first content byte (X.690 8.6).
    ['digitalSignature + keyEncipherment', [0x03, 0x02, 0x05, 0xa0], ['digitalSignature', 'keyEncipherment']],
    ['keyCertSign + cRLSign', [0x03, 0x02, 0x01, 0x06], ['keyCertSign', 'cRLSign']],
    ['digitalSignature + decipherOnly (bit 8, second byte)', [0x03, 0x03, 0x07, 0x80, 0x80], ['digitalSignature', 'decipherOnly']],
  ])('keyUsage: %s', (_title, value, expected) => {
    expect(readExtensions([extension('2.5.29.15', value)]).keyUsage).toEqual(expected);
  });

  test('extendedKeyUsage: known purposes by name, others as OIDs, order kept', () => {
    const value = seq(oid('1.3.6.1.5.5.7.3.2'), oid('1.3.6.1.4.1.311.10.3.3'), oid('1.3.6.1.5.5.7.3.1'));
    expect(readExtensions([extension('2.5.29.37', value)]).extendedKeyUsage).toEqual([
      'clientAuth',
      '1.3.6.1.4.1.311.10.3.3',
      'serverAuth',
    ]);
  });

  test('basicConstraints: an empty SEQUENCE is CA false with no path length', () => {
    expect(readExtensions([extension('2.5.29.19', seq())]).basicConstraints).toEqual({ ca: false, pathLength: null });
  });

  test('a malformed extension is named in unreadable; the others are still read', () => {
    const summary = readExtensions([
      extension('2.5.29.17', [0x30, 0x05, 0x82, 0x01]),
      extension('2.5.29.19', [0x02, 0x01]),
      extension('2.5.29.37', seq(oid('1.3.6.1.5.5.7.3.1'))),
    ]);
    expect(summary.unreadable).toEqual(['2.5.29.17', '2.5.29.19']);
    expect(summary.subjectAltNames.dns).toEqual([]);
    expect(summary.basicConstraints).toBeNull();
    expect(summary.extendedKeyUsage).toEqual(['serverAuth']);
  });

  test('unknown extensions, critical or not, are skipped without complaint', () => {
    const summary = readExtensions([extension('1.2.3.4.5', [0xff], true), extension('2.5.29.32', [0x00])]);
    expect(summary.unreadable).toEqual([]);
    expect(summary.keyUsage).toEqual([]);
  });
});

describe('base64 and PEM', () => {
  test.each([[[]], [[0x00]], [[0xff, 0xfe]], [[0x01, 0x02, 0x03]], [[0xfb, 0xff, 0xbf, 0x00]], [[...Array(200).keys()]]])(
    'base64 of %j matches Node',
    (input) => {
      expect(bytesToBase64(bytes(input))).toBe(Buffer.from(input).toString('base64'));
    },
  );

  test('derToPem wraps at 64 characters with BEGIN/END lines and a final newline', () => {
    const der = [...Array(100).keys()];
    const body = Buffer.from(der).toString('base64');
    expect(body).toHaveLength(136);
    expect(derToPem(der)).toBe(
      `-----BEGIN CERTIFICATE-----\n${body.slice(0, 64)}\n${body.slice(64, 128)}\n${body.slice(128)}\n-----END CERTIFICATE-----\n`,
    );
  });

  test.each([[[256]], [[-1]], [[1.5]], [[Number.NaN]]])('derToPem refuses %j (not bytes)', (input) => {
    expect(() => derToPem(input)).toThrow(RangeError);
  });
});
