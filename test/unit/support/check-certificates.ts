// Certificates made in the test, for the check's verification: @peculiar/x509 over Node's
// WebCrypto, with every field a case needs to bend (names, dates, CA flag, key, hash).

import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { viewCertificate, type CertificateView } from '../../../src/check/certificate-view';

const crypto = webcrypto as unknown as Crypto;
x509.cryptoProvider.set(crypto);

export const DAY = 24 * 60 * 60 * 1000;
export const NOW = Date.UTC(2026, 5, 1);

export interface Made {
  readonly name: string;
  readonly keys: CryptoKeyPair;
  readonly view: CertificateView;
}

export function ecKeys(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
}

export function rsaKeys(bits: number, hash: 'SHA-1' | 'SHA-256' = 'SHA-256'): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: bits, publicExponent: new Uint8Array([1, 0, 1]), hash },
    true,
    ['sign', 'verify'],
  );
}

export interface CertOptions {
  readonly name: string;
  /** Omitted: self-signed. */
  readonly issuer?: Made;
  readonly keys?: CryptoKeyPair;
  readonly ca?: boolean;
  /** basicConstraints pathLenConstraint, for a CA. */
  readonly pathLength?: number;
  readonly extraExtensions?: readonly x509.Extension[];
  readonly dnsNames?: readonly string[];
  readonly notBefore?: number;
  readonly notAfter?: number;
}

export async function makeCert(options: CertOptions): Promise<Made> {
  const keys = options.keys ?? (await ecKeys());
  const extensions: x509.Extension[] = [new x509.BasicConstraintsExtension(options.ca ?? false, options.pathLength, true)];
  // As the lab's CAs (test/lab/pki.ts): digitalSignature too, so a CA used as a leaf fails on its CA flag.
  if (options.ca) {
    extensions.push(
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature, true),
    );
  }
  if (options.dnsNames)
    extensions.push(new x509.SubjectAlternativeNameExtension(options.dnsNames.map((value) => ({ type: 'dns' as const, value }))));
  extensions.push(...(options.extraExtensions ?? []));
  const signer = options.issuer?.keys ?? keys;
  const cert = await x509.X509CertificateGenerator.create({
    subject: options.name,
    issuer: options.issuer?.name ?? options.name,
    publicKey: keys.publicKey,
    signingKey: signer.privateKey,
    notBefore: new Date(options.notBefore ?? NOW - 10 * DAY),
    notAfter: new Date(options.notAfter ?? NOW + 80 * DAY),
    extensions,
  });
  const view = viewCertificate(new Uint8Array(cert.rawData));
  if (!view) throw new Error(`test certificate ${options.name} did not parse`);
  return { name: options.name, keys, view };
}

/** A root, an intermediate under it and a leaf for `host` under that: the usual chain. */
export async function usualChain(host: string, leaf: Partial<CertOptions> = {}, intermediate: Partial<CertOptions> = {}) {
  const root = await makeCert({ name: 'CN=Test Root', ca: true });
  const inter = await makeCert({ name: 'CN=Test Intermediate', ca: true, issuer: root, ...intermediate });
  const end = await makeCert({ name: `CN=${host}`, dnsNames: [host], issuer: inter, ...leaf });
  return { root, inter, end };
}

/** DER of one short TLV (content under 128 bytes, all a test needs). */
function tlv(tag: number, content: Uint8Array): Uint8Array<ArrayBuffer> {
  if (content.length >= 128) throw new Error('test TLV too long');
  return new Uint8Array([tag, content.length, ...content]);
}

function concat(parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  return new Uint8Array(parts.flatMap((part) => [...part]));
}

/** A critical nameConstraints extension (RFC 5280 4.2.1.10) with dNSName subtrees. */
export function dnsNameConstraints(permitted: readonly string[], excluded: readonly string[] = []): x509.Extension {
  const subtrees = (tag: number, names: readonly string[]): Uint8Array[] =>
    names.length === 0 ? [] : [tlv(tag, concat(names.map((name) => tlv(0x30, tlv(0x82, new TextEncoder().encode(name))))))];
  const value = tlv(0x30, concat([...subtrees(0xa0, permitted), ...subtrees(0xa1, excluded)]));
  return new x509.Extension('2.5.29.30', true, value);
}
