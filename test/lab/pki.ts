// Certificate making for the lab: a throwaway PKI built fresh on every run, so no private
// key ever lands in the repository. Uses Node's WebCrypto with @peculiar/x509.
// @peculiar/x509 (through tsyringe) needs the Reflect metadata API before it loads.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

// Node's webcrypto implements the DOM Crypto interface, but @types/node declares its own
// copy of the types; one cast here keeps the rest of the file on the DOM types x509 uses.
const crypto = webcrypto as unknown as Crypto;
x509.cryptoProvider.set(crypto);

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Key types the lab needs. ECDSA P-256 is fast to make and is the default. RSA is for the
 * cases whose TLS set-up needs an RSA certificate (DHE-RSA suites, TLS 1.0). "rsa-sha1" is an
 * RSA key whose WebCrypto algorithm is bound to SHA-1: WebCrypto ties the hash to the key,
 * so that is the only way to make @peculiar/x509 sign a certificate with sha1WithRSA.
 */
export type KeyKind = 'ec' | 'rsa' | 'rsa-sha1';

/** Which slice of time a certificate covers, relative to "now". */
export type Validity = 'current' | 'expired' | 'not-yet-valid';

function validityWindow(validity: Validity, now: number): { notBefore: Date; notAfter: Date } {
  switch (validity) {
    // One day of back-dating absorbs clock skew between the lab and the browser.
    case 'current':
      return { notBefore: new Date(now - DAY_MS), notAfter: new Date(now + 90 * DAY_MS) };
    // Ended ~30 days ago: clearly expired, yet recent, like a certificate someone forgot to renew.
    case 'expired':
      return { notBefore: new Date(now - 120 * DAY_MS), notAfter: new Date(now - 30 * DAY_MS) };
    // Starts in ~30 days: what a visitor sees when their clock is behind, or a cert was
    // installed early.
    case 'not-yet-valid':
      return { notBefore: new Date(now + 30 * DAY_MS), notAfter: new Date(now + 120 * DAY_MS) };
  }
}

export async function makeKeys(kind: KeyKind): Promise<CryptoKeyPair> {
  // Keys are extractable because Node's tls needs the private key as PKCS#8 PEM.
  const algorithm: RsaHashedKeyGenParams | EcKeyGenParams =
    kind === 'ec'
      ? { name: 'ECDSA', namedCurve: 'P-256' }
      : {
          name: 'RSASSA-PKCS1-v1_5',
          modulusLength: 2048,
          publicExponent: new Uint8Array([1, 0, 1]),
          hash: kind === 'rsa-sha1' ? 'SHA-1' : 'SHA-256',
        };
  return crypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
}

async function privateKeyPem(key: CryptoKey): Promise<string> {
  const der = await crypto.subtle.exportKey('pkcs8', key);
  return x509.PemConverter.encode(der, 'PRIVATE KEY');
}

/** A critical keyUsage extension with the given bits. */
function keyUsages(...flags: x509.KeyUsageFlags[]): x509.KeyUsagesExtension {
  let bits = 0;
  for (const flag of flags) bits |= flag;
  // KeyUsageFlags is a bit-flag enum: a combination of members is a valid value but no member.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- see above
  return new x509.KeyUsagesExtension(bits, true);
}

/** A certificate authority: its certificate and the key that signs what it issues. */
export interface Authority {
  readonly cert: x509.X509Certificate;
  readonly certPem: string;
  readonly privateKey: CryptoKey;
}

export interface CaOptions {
  /** Distinguished name, e.g. 'CN=Cert Doctor Lab Root, O=Cert Doctor'. */
  readonly name: string;
  readonly keys: CryptoKeyPair;
  /** Omitted for a self-signed root. */
  readonly issuer?: Authority;
  readonly validity?: 'current' | 'expired';
  readonly now: number;
}

/** Makes a root (no issuer) or an intermediate CA. */
export async function makeCa(options: CaOptions): Promise<Authority> {
  const { issuer, keys, now } = options;
  // CAs live longer than leaves, as real ones do; an "expired" CA ended 30 days ago.
  const window =
    options.validity === 'expired'
      ? { notBefore: new Date(now - 400 * DAY_MS), notAfter: new Date(now - 30 * DAY_MS) }
      : { notBefore: new Date(now - DAY_MS), notAfter: new Date(now + 3650 * DAY_MS) };
  const extensions: x509.Extension[] = [
    // Roots: no path length limit. Intermediates: may only issue leaves (pathLen 0).
    issuer ? new x509.BasicConstraintsExtension(true, 0, true) : new x509.BasicConstraintsExtension(true, undefined, true),
    keyUsages(x509.KeyUsageFlags.keyCertSign, x509.KeyUsageFlags.cRLSign, x509.KeyUsageFlags.digitalSignature),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
  ];
  if (issuer) {
    extensions.push(await x509.AuthorityKeyIdentifierExtension.create(issuer.cert.publicKey));
  }
  const cert = await x509.X509CertificateGenerator.create({
    subject: options.name,
    issuer: issuer ? issuer.cert.subject : options.name,
    publicKey: keys.publicKey,
    signingKey: issuer ? issuer.privateKey : keys.privateKey,
    ...window,
    extensions,
  });
  return { cert, certPem: cert.toString('pem'), privateKey: keys.privateKey };
}

export interface LeafOptions {
  /** dNSName entries of the subjectAltName; the first is also the CN unless commonName is set. */
  readonly dnsNames: readonly string[];
  readonly commonName?: string;
  readonly keys: CryptoKeyPair;
  /** Issuing CA, or 'self' for a self-signed leaf (still CA:false, like a device's own cert). */
  readonly issuer: Authority | 'self';
  readonly validity: Validity;
  readonly now: number;
}

/** What a TLS server needs: its private key and the PEM chain it sends (leaf first). */
export interface ServerCredential {
  readonly keyPem: string;
  readonly certChainPem: string;
  /** The leaf alone, for tests and diagnostics. */
  readonly leaf: x509.X509Certificate;
}

export async function makeLeaf(options: LeafOptions): Promise<x509.X509Certificate> {
  const { keys, issuer } = options;
  const commonName = options.commonName ?? options.dnsNames[0] ?? 'Cert Doctor Lab leaf';
  const subject = `CN=${commonName}, O=Cert Doctor Lab`;
  const isRsa = keys.publicKey.algorithm.name === 'RSASSA-PKCS1-v1_5';
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    // RSA leaves also get keyEncipherment: TLS 1.0 / 1.2 RSA key exchange uses the key that way.
    isRsa
      ? keyUsages(x509.KeyUsageFlags.digitalSignature, x509.KeyUsageFlags.keyEncipherment)
      : keyUsages(x509.KeyUsageFlags.digitalSignature),
    new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
    new x509.SubjectAlternativeNameExtension(options.dnsNames.map((value) => ({ type: 'dns' as const, value }))),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
  ];
  if (issuer !== 'self') {
    extensions.push(await x509.AuthorityKeyIdentifierExtension.create(issuer.cert.publicKey));
  }
  return x509.X509CertificateGenerator.create({
    subject,
    issuer: issuer === 'self' ? subject : issuer.cert.subject,
    publicKey: keys.publicKey,
    signingKey: issuer === 'self' ? keys.privateKey : issuer.privateKey,
    ...validityWindow(options.validity, options.now),
    extensions,
  });
}

/** Bundles a leaf with its key and the certificates the server should send after it. */
export async function toServerCredential(
  leaf: x509.X509Certificate,
  keys: CryptoKeyPair,
  extraChain: readonly Authority[],
): Promise<ServerCredential> {
  return {
    keyPem: await privateKeyPem(keys.privateKey),
    certChainPem: [leaf.toString('pem'), ...extraChain.map((ca) => ca.certPem)].join('\n'),
    leaf,
  };
}
