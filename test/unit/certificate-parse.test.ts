// parseCertificateDer over real certificates made here with @peculiar/x509 and Node's
// WebCrypto (test/lab/pki.ts sets the crypto provider), and over broken and hostile input.

import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { makeKeys } from '../lab/pki';
import { MAX_DER_BYTES, derToPem, parseCertificateDer, type ParsedCertificate } from '../../src/core/certificate/parse-der';

const subtle = webcrypto.subtle as unknown as SubtleCrypto;
const usages: KeyUsage[] = ['sign', 'verify'];
const NOT_BEFORE = Date.UTC(2024, 0, 15, 8, 30, 0);
const NOT_AFTER = Date.UTC(2025, 1, 14, 23, 59, 59);

const rsa = (modulusLength: number, hash = 'SHA-256'): Promise<CryptoKeyPair> =>
  subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength, publicExponent: new Uint8Array([1, 0, 1]), hash }, true, usages);
const ec = (namedCurve: string): Promise<CryptoKeyPair> => subtle.generateKey({ name: 'ECDSA', namedCurve }, true, usages);

interface CertSpec {
  readonly keys: CryptoKeyPair;
  readonly subject?: string | x509.Name;
  readonly issuer?: string | x509.Name;
  /** Signs with these keys instead of `keys` (an issuing CA). */
  readonly signer?: CryptoKeyPair;
  readonly signingAlgorithm?: Algorithm | EcdsaParams | RsaPssParams;
  readonly extensions?: x509.Extension[];
  readonly serialNumber?: string;
}

async function makeDer(spec: CertSpec): Promise<Uint8Array> {
  const subject = spec.subject ?? 'CN=test.example';
  const cert = await x509.X509CertificateGenerator.create({
    subject,
    issuer: spec.issuer ?? subject,
    publicKey: spec.keys.publicKey,
    signingKey: (spec.signer ?? spec.keys).privateKey,
    notBefore: new Date(NOT_BEFORE),
    notAfter: new Date(NOT_AFTER),
    serialNumber: spec.serialNumber ?? '01',
    ...(spec.signingAlgorithm ? { signingAlgorithm: spec.signingAlgorithm } : {}),
    ...(spec.extensions ? { extensions: spec.extensions } : {}),
  });
  return new Uint8Array(cert.rawData);
}

function parsed(der: Uint8Array | readonly number[]): ParsedCertificate {
  const result = parseCertificateDer(der);
  if (!result.ok) throw new Error(`expected a certificate, got: ${result.error}`);
  return result.certificate;
}

/** Deterministic bytes (a linear congruential generator), so failures reproduce. */
function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

const RSA_OID = '1.2.840.113549.1.1.1';
const EC_OID = '1.2.840.10045.2.1';

describe('key type, size and signature algorithm', () => {
  // Key generation is the slow part (RSA ~0.1-0.5 s each): made once, reused.
  type KeyName = 'rsa2048' | 'rsa1024' | 'rsa2047' | 'rsaSha1' | 'rsaPss' | 'p256' | 'p384' | 'p521' | 'ed25519';
  const keys = {} as Record<KeyName, CryptoKeyPair>;
  beforeAll(async () => {
    Object.assign(keys, {
      rsa2048: await makeKeys('rsa'),
      rsa1024: await rsa(1024),
      rsa2047: await rsa(2047),
      rsaSha1: await makeKeys('rsa-sha1'),
      rsaPss: await subtle.generateKey(
        { name: 'RSA-PSS', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-384' },
        true,
        usages,
      ),
      p256: await makeKeys('ec'),
      p384: await ec('P-384'),
      p521: await ec('P-521'),
      ed25519: await subtle.generateKey({ name: 'Ed25519' }, true, usages),
    });
  }, 30_000);

  test.each<[string, KeyName, CertSpec['signingAlgorithm'], ParsedCertificate['publicKey'], ParsedCertificate['signatureAlgorithm']]>([
    [
      'RSA 2048, SHA-256',
      'rsa2048',
      undefined,
      { algorithm: 'RSA', bits: 2048, curve: null, oid: RSA_OID },
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', oid: '1.2.840.113549.1.1.11' },
    ],
    [
      'RSA 1024',
      'rsa1024',
      undefined,
      { algorithm: 'RSA', bits: 1024, curve: null, oid: RSA_OID },
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', oid: '1.2.840.113549.1.1.11' },
    ],
    [
      'RSA 2047: the modulus bit length, not whole bytes',
      'rsa2047',
      undefined,
      { algorithm: 'RSA', bits: 2047, curve: null, oid: RSA_OID },
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', oid: '1.2.840.113549.1.1.11' },
    ],
    [
      'RSA, SHA-1 signature',
      'rsaSha1',
      undefined,
      { algorithm: 'RSA', bits: 2048, curve: null, oid: RSA_OID },
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-1', oid: '1.2.840.113549.1.1.5' },
    ],
    [
      'RSA-PSS signature with SHA-384 in its parameters',
      'rsaPss',
      { name: 'RSA-PSS', hash: 'SHA-384', saltLength: 48 },
      { algorithm: 'RSA', bits: 2048, curve: null, oid: RSA_OID },
      { name: 'RSA-PSS', hash: 'SHA-384', oid: '1.2.840.113549.1.1.10' },
    ],
    [
      'EC P-256',
      'p256',
      undefined,
      { algorithm: 'EC', bits: 256, curve: 'P-256', oid: EC_OID },
      { name: 'ECDSA', hash: 'SHA-256', oid: '1.2.840.10045.4.3.2' },
    ],
    [
      'EC P-384, SHA-384',
      'p384',
      { name: 'ECDSA', hash: 'SHA-384' },
      { algorithm: 'EC', bits: 384, curve: 'P-384', oid: EC_OID },
      { name: 'ECDSA', hash: 'SHA-384', oid: '1.2.840.10045.4.3.3' },
    ],
    [
      'EC P-521, SHA-512',
      'p521',
      { name: 'ECDSA', hash: 'SHA-512' },
      { algorithm: 'EC', bits: 521, curve: 'P-521', oid: EC_OID },
      { name: 'ECDSA', hash: 'SHA-512', oid: '1.2.840.10045.4.3.4' },
    ],
    [
      'Ed25519',
      'ed25519',
      undefined,
      { algorithm: 'Ed25519', bits: 256, curve: null, oid: '1.3.101.112' },
      { name: 'Ed25519', hash: null, oid: '1.3.101.112' },
    ],
  ])('%s', async (_title, keyName, signingAlgorithm, publicKey, signatureAlgorithm) => {
    const der = await makeDer({ keys: keys[keyName], ...(signingAlgorithm ? { signingAlgorithm } : {}) });
    const certificate = parsed(der);
    expect(certificate.publicKey).toEqual(publicKey);
    expect(certificate.signatureAlgorithm).toEqual(signatureAlgorithm);
  });
});

describe('names, dates, serial and extensions', () => {
  let leafKeys: CryptoKeyPair;
  let caKeys: CryptoKeyPair;
  beforeAll(async () => {
    [leafKeys, caKeys] = await Promise.all([makeKeys('ec'), makeKeys('ec')]);
  });

  test('subject and issuer in RFC 4514 order; dates to the millisecond; selfIssued false for a leaf', async () => {
    const der = await makeDer({
      keys: leafKeys,
      signer: caKeys,
      subject: 'C=DE, O=Example Leaf, CN=leaf.example',
      issuer: 'C=US, O=Example Trust, CN=Example Issuing CA 1',
    });
    const certificate = parsed(der);
    expect(certificate.subject).toBe('CN=leaf.example,O=Example Leaf,C=DE');
    expect(certificate.issuer).toBe('CN=Example Issuing CA 1,O=Example Trust,C=US');
    expect(certificate.notBefore).toBe(NOT_BEFORE);
    expect(certificate.notAfter).toBe(NOT_AFTER);
    expect(certificate.selfIssued).toBe(false);
  });

  test('selfIssued is true when subject and issuer are the same name', async () => {
    expect(parsed(await makeDer({ keys: leafKeys, subject: 'CN=Same, O=Org' })).selfIssued).toBe(true);
  });

  test.each<[string, string]>([
    ['01', '01'],
    ['7f0a', '7F:0A'],
    // DER needs a 0x00 byte before a high first byte; Firefox shows it, so do we.
    ['00c3a1', '00:C3:A1'],
    ['0123456789abcdef0123456789abcdef01234567', '01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67'],
  ])('serial %s is written as %s', async (serialNumber, expected) => {
    expect(parsed(await makeDer({ keys: leafKeys, serialNumber })).serialNumber).toBe(expected);
  });

  test('subjectAltName: every kind lands in its own list; directory names in none', async () => {
    const san = new x509.SubjectAlternativeNameExtension([
      { type: 'dns', value: 'a.example' },
      { type: 'ip', value: '192.0.2.7' },
      { type: 'email', value: 'admin@a.example' },
      { type: 'dns', value: '*.b.example' },
      { type: 'url', value: 'https://a.example/id' },
      { type: 'ip', value: '2001:db8::1' },
      { type: 'dn', value: 'CN=Not A Host' },
    ]);
    const certificate = parsed(await makeDer({ keys: leafKeys, extensions: [san] }));
    expect(certificate.subjectAltNames).toEqual({
      dns: ['a.example', '*.b.example'],
      ip: ['192.0.2.7', '2001:db8::1'],
      email: ['admin@a.example'],
      uri: ['https://a.example/id'],
    });
  });

  test('authorityInfoAccess: OCSP responders and CA issuer URLs', async () => {
    const aia = new x509.AuthorityInfoAccessExtension({
      ocsp: ['http://ocsp.example/', 'http://ocsp2.example/'],
      caIssuers: 'http://ca.example/issuer.cer',
    });
    expect(parsed(await makeDer({ keys: leafKeys, extensions: [aia] })).aia).toEqual({
      ocsp: ['http://ocsp.example/', 'http://ocsp2.example/'],
      caIssuers: ['http://ca.example/issuer.cer'],
    });
  });

  test.each<[string, x509.BasicConstraintsExtension, ParsedCertificate['basicConstraints']]>([
    ['CA with pathLength 2', new x509.BasicConstraintsExtension(true, 2, true), { ca: true, pathLength: 2 }],
    ['CA with pathLength 0 (0 is not "none")', new x509.BasicConstraintsExtension(true, 0, true), { ca: true, pathLength: 0 }],
    ['CA without a limit', new x509.BasicConstraintsExtension(true, undefined, true), { ca: true, pathLength: null }],
    ['end entity', new x509.BasicConstraintsExtension(false, undefined, true), { ca: false, pathLength: null }],
  ])('basicConstraints: %s', async (_title, extension, expected) => {
    const certificate = parsed(await makeDer({ keys: caKeys, subject: 'CN=Some CA', extensions: [extension] }));
    expect(certificate.basicConstraints).toEqual(expected);
  });

  test('keyUsage and extendedKeyUsage, with an unknown purpose kept as its OID', async () => {
    const keyUsage = new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true);
    const eku = new x509.ExtendedKeyUsageExtension([
      x509.ExtendedKeyUsage.serverAuth,
      x509.ExtendedKeyUsage.clientAuth,
      '1.3.6.1.4.1.99999.1',
    ]);
    const certificate = parsed(await makeDer({ keys: leafKeys, extensions: [keyUsage, eku] }));
    expect(certificate.keyUsage).toEqual(['digitalSignature', 'keyEncipherment']);
    expect(certificate.extendedKeyUsage).toEqual(['serverAuth', 'clientAuth', '1.3.6.1.4.1.99999.1']);
  });

  test('no extensions at all: empty lists and no basic constraints', async () => {
    const certificate = parsed(await makeDer({ keys: leafKeys }));
    expect(certificate).toMatchObject({
      subjectAltNames: { dns: [], ip: [], email: [], uri: [] },
      aia: { ocsp: [], caIssuers: [] },
      basicConstraints: null,
      keyUsage: [],
      extendedKeyUsage: [],
      unreadableExtensions: [],
    });
  });

  test('unknown extensions (one critical) are ignored and the known ones still read', async () => {
    const certificate = parsed(
      await makeDer({
        keys: leafKeys,
        extensions: [
          new x509.Extension('1.3.6.1.4.1.11129.2.4.2', false, new Uint8Array([0x04, 0x02, 0x00, 0x00])),
          new x509.Extension('1.2.3.4.5.6.7', true, new Uint8Array([0xde, 0xad])),
          new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'still.read.example' }]),
        ],
      }),
    );
    expect(certificate.subjectAltNames.dns).toEqual(['still.read.example']);
    expect(certificate.unreadableExtensions).toEqual([]);
  });

  test('a malformed subjectAltName is reported, not mistaken for "no names", and does not stop the rest', async () => {
    const certificate = parsed(
      await makeDer({
        keys: leafKeys,
        extensions: [
          new x509.Extension('2.5.29.17', false, new Uint8Array([0x30, 0x09, 0x82, 0x01])),
          new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        ],
      }),
    );
    expect(certificate.unreadableExtensions).toEqual(['2.5.29.17']);
    expect(certificate.extendedKeyUsage).toEqual(['serverAuth']);
  });

  test('a repeated extension: the first one counts', async () => {
    const first = new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'first.example' }]);
    const second = new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'second.example' }]);
    expect(parsed(await makeDer({ keys: leafKeys, extensions: [first, second] })).subjectAltNames.dns).toEqual(['first.example']);
  });
});

describe('hostile certificates', () => {
  let keys: CryptoKeyPair;
  beforeAll(async () => {
    keys = await makeKeys('ec');
  });

  // UTF8String values given as objects, so x509's name builder takes them verbatim.
  const name = (...rdns: [string, string][]): x509.Name =>
    new x509.Name(rdns.map(([type, value]) => ({ [type]: [{ utf8String: value }] })));

  test('markup, control characters, bidi overrides and a 5000-character name stay whole and inert', async () => {
    const long = 'a'.repeat(5000);
    const subject = name(['O', 'Evil, Inc.'], ['CN', `<script>alert(1)</script>\nHost: x\u0000${long}\u202eexe.txt`]);
    const certificate = parsed(await makeDer({ keys, subject, issuer: name(['CN', 'Plain Issuer']) }));
    expect(certificate.subject).toBe(`CN=\\<script\\>alert(1)\\</script\\>\\0AHost: x\\00${long}\\E2\\80\\AEexe.txt,O=Evil\\, Inc.`);
    for (const raw of ['\n', '\u0000', '\u202e']) expect(certificate.subject).not.toContain(raw);
    expect(certificate.issuer).toBe('CN=Plain Issuer');
  });

  test('subjectAltName values are kept as given (data, never interpreted)', async () => {
    const odd = [`${'x'.repeat(5000)}.example`, 'line\nbreak.example', '<img src=x onerror=alert(1)>'];
    const san = new x509.SubjectAlternativeNameExtension(odd.map((value) => ({ type: 'dns' as const, value })));
    expect(parsed(await makeDer({ keys, extensions: [san] })).subjectAltNames.dns).toEqual(odd);
  });

  test('a thousand SANs are all read', async () => {
    const hosts = Array.from({ length: 1000 }, (_, i) => `host${i}.example`);
    const san = new x509.SubjectAlternativeNameExtension(hosts.map((value) => ({ type: 'dns' as const, value })));
    expect(parsed(await makeDer({ keys, extensions: [san] })).subjectAltNames.dns).toEqual(hosts);
  });

  test('changing any single byte never makes the parser throw', async () => {
    const der = await makeDer({
      keys,
      extensions: [
        new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'a.example' }]),
        new x509.BasicConstraintsExtension(false, undefined, true),
      ],
    });
    let failures = 0;
    for (let i = 0; i < der.length; i++) {
      for (const replacement of [0x00, 0xff, (der[i] ?? 0) ^ 0x01]) {
        const copy = der.slice();
        copy[i] = replacement;
        const result = parseCertificateDer(copy);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) failures++;
      }
    }
    // Most header bytes are load-bearing: a good share of the mutations must be rejected.
    expect(failures).toBeGreaterThan(der.length / 4);
  });
});

describe('input that is not a certificate', () => {
  let der: Uint8Array;
  beforeAll(async () => {
    der = await makeDer({ keys: await makeKeys('ec') });
  });

  // Inputs and messages are functions: the table is built before beforeAll has made `der`.
  test.each<[string, () => Uint8Array | readonly number[], RegExp | (() => RegExp)]>([
    ['empty', () => new Uint8Array(0), /^empty input$/],
    ['empty array', () => [], /^empty input$/],
    ['not bytes: 256', () => [0x30, 256], /not a list of bytes/],
    ['not bytes: -1', () => [0x30, -1], /not a list of bytes/],
    ['not bytes: 1.5', () => [0x30, 1.5], /not a list of bytes/],
    ['not bytes: NaN', () => [0x30, Number.NaN], /not a list of bytes/],
    ['text, not DER', () => [...Buffer.from('-----BEGIN CERTIFICATE-----')], /no SEQUENCE at the start/],
    ['random bytes', () => pseudoRandomBytes(600, 7).map((b, i) => (i === 0 ? 0x42 : b)), /no SEQUENCE/],
    [
      'random bytes after a SEQUENCE header',
      () => new Uint8Array([0x30, 0x82, 0x02, 0x00, ...pseudoRandomBytes(512, 11)]),
      /not a valid X\.509 certificate/,
    ],
    ['indefinite length', () => [0x30, 0x80, 0x00, 0x00], /bad length/],
    ['a SEQUENCE that is not a certificate', () => [0x30, 0x03, 0x02, 0x01, 0x05], /not a valid X\.509 certificate/],
    ['first byte only', () => der.slice(0, 1), /^truncated: 1 bytes$/],
    ['cut after 10 bytes', () => der.slice(0, 10), () => new RegExp(`^truncated: 10 of ${der.length} bytes$`)],
    ['cut in the middle', () => der.slice(0, Math.floor(der.length / 2)), /^truncated: \d+ of \d+ bytes$/],
    ['last byte missing', () => der.slice(0, der.length - 1), () => new RegExp(`^truncated: ${der.length - 1} of ${der.length} bytes$`)],
    ['trailing bytes', () => new Uint8Array([...der, 0x00, 0x00, 0x00]), /^3 bytes of trailing data/],
    ['two certificates back to back', () => new Uint8Array([...der, ...der]), /trailing data/],
    ['over the size limit', () => new Uint8Array(MAX_DER_BYTES + 1).fill(0x30), /too large/],
  ])('%s', (_title, input, error) => {
    const result = parseCertificateDer(input());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(typeof error === 'function' ? error() : error);
      expect(result.error.length).toBeLessThan(200);
    }
  });

  test('a number array (rawDER as Firefox gives it) parses like the bytes', () => {
    expect(parseCertificateDer([...der])).toEqual(parseCertificateDer(der));
    expect(parseCertificateDer([...der]).ok).toBe(true);
  });

  test('a Uint8Array view into a larger buffer is read from its own offset', () => {
    const padded = new Uint8Array(der.length + 20);
    padded.set(der, 10);
    expect(parseCertificateDer(padded.subarray(10, 10 + der.length))).toEqual(parseCertificateDer(der));
  });

  test('derToPem of a real certificate is read back by x509 to the same bytes', () => {
    const pem = derToPem(der);
    expect(
      pem
        .split('\n')
        .slice(1, -3)
        .every((line) => line.length === 64),
    ).toBe(true);
    expect(new Uint8Array(new x509.X509Certificate(pem).rawData)).toEqual(der);
  });
});
