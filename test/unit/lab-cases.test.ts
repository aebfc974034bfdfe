// Each lab case, checked from Node without a browser: the fault Node's OpenSSL sees must be
// the fault Firefox is expected to report. Where a check could pass for the wrong reason
// (e.g. any error at all), a positive control shows the server works once that one fault is
// taken away.
import * as net from 'node:net';
import * as tls from 'node:tls';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { startLab, type Lab, type LabCase } from '../lab/lab';
import { CLIENT_HELLO_PREFIX, probeRaw, probeTls, type TlsProbeOptions, type TlsProbeResult } from '../lab/probe';
import { X25519, X25519_MLKEM768 } from '../lab/client-hello';
import { clientHelloWith } from './support/client-hello-bytes';

const DAY_MS = 24 * 60 * 60 * 1000;

let lab: Lab;
let labRoot: string;
let interceptionRoot: string;
let russianRoot: string;
let compromisedRoot: string;

/** The PEM of the trusted root with this nickname. */
function trusted(nickname: string): string {
  const root = lab.trustedRoots.find((candidate) => candidate.nickname === nickname);
  if (root === undefined) throw new Error(`lab does not trust "${nickname}"`);
  return root.pem;
}

beforeAll(async () => {
  lab = await startLab();
  labRoot = trusted('Cert Doctor Lab Root');
  interceptionRoot = trusted('avast! Web/Mail Shield Root');
  russianRoot = trusted('Russian Trusted Root CA');
  compromisedRoot = trusted('eDellRoot');
});

afterAll(async () => {
  await lab.stop();
});

interface ProbeExtras {
  readonly ca?: string[];
  readonly tls?: TlsProbeOptions['tls'];
  readonly getPath?: string;
  readonly host?: string;
}

function probe(id: string, extra: ProbeExtras = {}): Promise<TlsProbeResult> {
  const labCase = lab.byId(id);
  return probeTls({
    host: extra.host ?? labCase.host,
    port: labCase.port,
    ca: extra.ca ?? [labRoot],
    ...(extra.tls === undefined ? {} : { tls: extra.tls }),
    ...(extra.getPath === undefined ? {} : { getPath: extra.getPath }),
  });
}

function leafOf(result: TlsProbeResult): tls.PeerCertificate {
  const leaf = result.chain[0];
  if (leaf === undefined) throw new Error('no peer certificate');
  return leaf;
}

/** What Node's own host-name check says (undefined = the name matches). */
function hostnameError(host: string, cert: tls.PeerCertificate): (Error & { code?: string }) | undefined {
  return tls.checkServerIdentity(host, cert);
}

function pem(cert: tls.PeerCertificate): string {
  return new x509.X509Certificate(cert.raw).toString('pem');
}

describe('cases that load', () => {
  const loading = ['valid', 'www-name', 'hsts-setup', 'subresource-failure'];
  test.each(loading)('%s: chain and name verify against the lab root; page titled after the case', async (id) => {
    const result = await probe(id, { getPath: '/' });
    expect(result.authorizationError).toBeUndefined();
    expect(result.authorized).toBe(true);
    expect(result.response).toMatch(/^HTTP\/1\.1 200 /);
    expect(result.response).toContain(`<title>Cert Doctor Lab: ${id}</title>`);
    // Leaf, then the intermediate the server sent, then the trusted root.
    const subjects = result.chain.map((cert) => cert.subject.CN);
    expect(subjects).toEqual([lab.byId(id).host, 'Cert Doctor Lab Intermediate', 'Cert Doctor Lab Root']);
  });

  test('interception: verifies only against the avast-like root, which issued the leaf directly', async () => {
    const trusted = await probe('interception', { ca: [interceptionRoot], getPath: '/' });
    expect(trusted.authorized).toBe(true);
    expect(trusted.response).toContain('<title>Cert Doctor Lab: interception</title>');
    expect(leafOf(trusted).issuer.CN).toBe('avast! Web/Mail Shield Root');
    expect(leafOf(trusted).issuer.O).toBe('avast! Web/Mail Shield');
    // Control: the lab root alone does not vouch for it, so it is the avast root doing the work.
    const labOnly = await probe('interception');
    expect(labOnly.authorized).toBe(false);
  });

  test('hsts-setup sends Strict-Transport-Security for a year', async () => {
    const result = await probe('hsts-setup', { getPath: '/' });
    expect(result.response).toMatch(/\r\nstrict-transport-security: max-age=31536000\r\n/i);
    // The other valid sites do not, or they would pollute the browser's HSTS state.
    const plain = await probe('valid', { getPath: '/' });
    expect(plain.response).not.toMatch(/strict-transport-security/i);
  });

  test('subresource-failure embeds an image from the expired case, and one good image of its own', async () => {
    const result = await probe('subresource-failure', { getPath: '/' });
    const expired = lab.byId('expired');
    expect(result.response).toContain(`src="https://expired.lab.test:${expired.port}/pixel.png"`);
    expect(result.response).toContain('src="/pixel.png"');
    const image = await probe('subresource-failure', { getPath: '/pixel.png' });
    expect(image.response).toMatch(/^HTTP\/1\.1 200 /);
    expect(image.response).toMatch(/\r\ncontent-type: image\/png\r\n/i);
    // The failing image's server really is broken the expected way.
    const broken = await probe('expired');
    expect(broken.authorizationError).toBe('CERT_HAS_EXPIRED');
  });
});

describe('certificate validity', () => {
  test('expired: CERT_HAS_EXPIRED; the leaf ended about 30 days ago', async () => {
    const result = await probe('expired');
    expect(result.authorizationError).toBe('CERT_HAS_EXPIRED');
    const ended = Date.parse(leafOf(result).valid_to);
    expect(Date.now() - ended).toBeGreaterThan(25 * DAY_MS);
    expect(Date.now() - ended).toBeLessThan(35 * DAY_MS);
    // The chain is otherwise the normal one.
    const subjects = result.chain.map((cert) => cert.subject.CN);
    expect(subjects).toEqual(['expired.lab.test', 'Cert Doctor Lab Intermediate', 'Cert Doctor Lab Root']);
  });

  test('not-yet-valid: CERT_NOT_YET_VALID; the leaf starts in about 30 days', async () => {
    const result = await probe('not-yet-valid');
    expect(result.authorizationError).toBe('CERT_NOT_YET_VALID');
    const starts = Date.parse(leafOf(result).valid_from);
    expect(starts - Date.now()).toBeGreaterThan(25 * DAY_MS);
    expect(starts - Date.now()).toBeLessThan(35 * DAY_MS);
  });

  test('expired-intermediate: the leaf is current but its issuer expired', async () => {
    const result = await probe('expired-intermediate');
    expect(result.authorizationError).toBe('CERT_HAS_EXPIRED');
    const [leaf, issuer] = result.chain;
    expect(Date.parse(leaf?.valid_to ?? '')).toBeGreaterThan(Date.now());
    expect(Date.parse(leaf?.valid_from ?? '')).toBeLessThan(Date.now());
    expect(issuer?.subject.CN).toBe('Cert Doctor Lab Expired Intermediate');
    expect(Date.parse(issuer?.valid_to ?? '')).toBeLessThan(Date.now());
  });
});

describe('host name', () => {
  test('wrong-host: chain is fine, name is not; the certificate names other-site.lab.test', async () => {
    const result = await probe('wrong-host');
    expect(result.authorizationError).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    const leaf = leafOf(result);
    expect(hostnameError('wrong-host.lab.test', leaf)?.code).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    expect(hostnameError('other-site.lab.test', leaf)).toBeUndefined();
  });

  test('bare-name and www-name share one server whose certificate covers only the www name', async () => {
    expect(lab.byId('bare-name').port).toBe(lab.byId('www-name').port);
    const bare = await probe('bare-name', { getPath: '/' });
    expect(bare.authorizationError).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    expect(hostnameError('shop.lab.test', leafOf(bare))?.code).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    expect(leafOf(bare).subjectaltname).toBe('DNS:www.shop.lab.test');
    // Requested by its own name, the shared server answers with the bare-name page.
    expect(bare.response).toContain('<title>Cert Doctor Lab: bare-name</title>');
    const www = await probe('www-name');
    expect(www.authorized).toBe(true);
  });

  test('wildcard-depth: *.wild.lab.test covers one label only', async () => {
    const result = await probe('wildcard-depth');
    expect(result.authorizationError).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    const leaf = leafOf(result);
    expect(hostnameError('a.b.wild.lab.test', leaf)?.code).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    expect(hostnameError('b.wild.lab.test', leaf)).toBeUndefined();
  });

  test('shared-hosting: eight unrelated names, none of them the visited host', async () => {
    const result = await probe('shared-hosting');
    expect(result.authorizationError).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    const leaf = leafOf(result);
    const names = (leaf.subjectaltname ?? '').split(', ');
    expect(names).toHaveLength(8);
    expect(names).toContain('DNS:hosting-default.example.test');
    expect(names).not.toContain('DNS:shared-host.lab.test');
    expect(hostnameError('shared-host.lab.test', leaf)?.code).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    expect(hostnameError('customer3.example.test', leaf)).toBeUndefined();
  });
});

describe('trust', () => {
  test('missing-intermediate: the server sends only the leaf, issued by the lab intermediate', async () => {
    const result = await probe('missing-intermediate');
    expect(result.authorizationError).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    expect(result.chain).toHaveLength(1);
    expect(leafOf(result).issuer.CN).toBe('Cert Doctor Lab Intermediate');
    // Control: supply the intermediate ourselves (as Firefox's cache would) and it verifies.
    const intermediate = (await probe('valid')).chain[1];
    if (intermediate === undefined) throw new Error('valid case sent no intermediate');
    const completed = await probe('missing-intermediate', { ca: [labRoot, pem(intermediate)] });
    expect(completed.authorized).toBe(true);
  });

  test.each(['untrusted-issuer', 'hsts-broken'])('%s: leaf plus an untrusted CA; verifies only if it is trusted', async (id) => {
    const result = await probe(id);
    // The server sends the untrusted self-signed CA, so OpenSSL reports it as a self-signed
    // certificate in the chain (NSS: SEC_ERROR_UNKNOWN_ISSUER).
    expect(result.authorizationError).toBe('SELF_SIGNED_CERT_IN_CHAIN');
    const [leaf, ca] = result.chain;
    expect(leaf?.subject.CN).toBe(lab.byId(id).host);
    expect(ca?.subject.CN).toBe('Cert Doctor Untrusted CA');
    if (ca === undefined) throw new Error('no CA sent');
    const trusted = await probe(id, { ca: [pem(ca)] });
    expect(trusted.authorized).toBe(true);
  });

  test('hsts-broken shares the host of hsts-setup on another port', () => {
    expect(lab.byId('hsts-broken').host).toBe(lab.byId('hsts-setup').host);
    expect(lab.byId('hsts-broken').port).not.toBe(lab.byId('hsts-setup').port);
  });

  test.each(['self-signed', 'local-device'])('%s: DEPTH_ZERO_SELF_SIGNED_CERT, a non-CA cert issued by itself', async (id) => {
    const result = await probe(id);
    expect(result.authorizationError).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    const leaf = leafOf(result);
    expect(leaf.issuer.CN).toBe(leaf.subject.CN);
    expect(leaf.subject.CN).toBe(lab.byId(id).host);
    const parsed = new x509.X509Certificate(leaf.raw);
    expect(parsed.getExtension(x509.BasicConstraintsExtension)?.ca).toBe(false);
    expect(await parsed.isSelfSigned()).toBe(true);
    // The name is right, so the only fault is trust.
    expect(hostnameError(lab.byId(id).host, leaf)).toBeUndefined();
  });

  test('sha1-signature: the leaf is signed with sha1WithRSAEncryption and Node refuses it', async () => {
    const result = await probe('sha1-signature');
    expect(result.authorized).toBe(false);
    expect(result.authorizationError).toBeDefined();
    const leaf = new x509.X509Certificate(leafOf(result).raw);
    expect(leaf.signatureAlgorithm).toMatchObject({ name: 'RSASSA-PKCS1-v1_5', hash: { name: 'SHA-1' } });
    expect(result.chain[1]?.subject.CN).toBe('Cert Doctor Lab SHA-1 Intermediate');
    // Control: with SHA-1 allowed again (seclevel 0) the same chain verifies.
    const lenient = await probe('sha1-signature', { tls: { ciphers: 'DEFAULT@SECLEVEL=0' } });
    expect(lenient.authorized).toBe(true);
  });
});

describe('protocol and transport', () => {
  test('http-on-https-port: answers a ClientHello with a plain HTTP/1.1 400', async () => {
    const raw = await probeRaw(lab.byId('http-on-https-port').port, CLIENT_HELLO_PREFIX);
    expect(raw.received.toString('latin1')).toMatch(/^HTTP\/1\.1 400 /);
    expect(raw.ending).toBe('end');
    // A TLS client sees it as a bad record (NSS: SSL_ERROR_RX_RECORD_TOO_LONG).
    const result = await probe('http-on-https-port');
    expect(result.handshake).toBe(false);
    expect(result.error?.code).toBe('ERR_SSL_WRONG_VERSION_NUMBER');
  });

  test('tls10-only: refuses a TLS 1.2+ client with a protocol_version alert, serves TLS 1.0', async () => {
    const modern = await probe('tls10-only');
    expect(modern.handshake).toBe(false);
    expect(modern.error?.code).toBe('ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION');
    const old = await probe('tls10-only', {
      tls: { minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' },
      getPath: '/',
    });
    expect(old.protocol).toBe('TLSv1');
    expect(old.authorized).toBe(true);
    expect(old.response).toContain('<title>Cert Doctor Lab: tls10-only</title>');
    expect(new x509.X509Certificate(leafOf(old).raw).publicKey.algorithm.name).toBe('RSASSA-PKCS1-v1_5');
  });

  test('no-common-cipher: refuses a client without DHE suites, accepts one with them', async () => {
    const ecdheOnly = await probe('no-common-cipher', {
      tls: {
        ciphers: [
          'ECDHE-ECDSA-AES128-GCM-SHA256',
          'ECDHE-RSA-AES128-GCM-SHA256',
          'ECDHE-RSA-AES256-GCM-SHA384',
          'ECDHE-RSA-CHACHA20-POLY1305',
        ].join(':'),
      },
    });
    expect(ecdheOnly.handshake).toBe(false);
    expect(ecdheOnly.error?.code).toBe('ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE');
    const dhe = await probe('no-common-cipher', { tls: { ciphers: 'DHE-RSA-AES128-GCM-SHA256' } });
    expect(dhe.authorized).toBe(true);
    expect(dhe.protocol).toBe('TLSv1.2');
    expect(dhe.cipher).toBe('DHE-RSA-AES128-GCM-SHA256');
  });

  test('connection-reset: a TCP reset as soon as the ClientHello arrives', async () => {
    const raw = await probeRaw(lab.byId('connection-reset').port, CLIENT_HELLO_PREFIX);
    expect(raw.ending).toBe('reset');
    expect(raw.received).toHaveLength(0);
    const result = await probe('connection-reset');
    expect(result.handshake).toBe(false);
    expect(result.error?.code).toBe('ECONNRESET');
  });

  test('connection-closed: a clean close (FIN) with no answer to the ClientHello', async () => {
    const raw = await probeRaw(lab.byId('connection-closed').port, CLIENT_HELLO_PREFIX);
    expect(raw.ending).toBe('end');
    expect(raw.received).toHaveLength(0);
    const result = await probe('connection-closed');
    expect(result.handshake).toBe(false);
  });

  test('client-cert-required: rejects a client without a certificate', async () => {
    const result = await probe('client-cert-required', { getPath: '/' });
    // TLS 1.3: the client finishes its side of the handshake, then gets the alert.
    expect(result.error?.code).toBe('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED');
    expect(result.response).toBe('');
    // The certificate itself is fine: the refusal is about the missing client certificate.
    expect(result.authorized).toBe(true);
  });
});

describe('roots people meet', () => {
  const allTrusted = (): string[] => lab.trustedRoots.map((root) => root.pem);

  test('russian-root-trusted: leaf and the state-named Sub CA, verifying only against the state-named root', async () => {
    const result = await probe('russian-root-trusted', { ca: [russianRoot] });
    expect(result.authorized).toBe(true);
    const [leaf, sub] = result.chain;
    expect(leaf?.issuer.CN).toBe('Russian Trusted Sub CA');
    expect(sub?.subject.O).toBe('The Ministry of Digital Development and Communications');
    expect(sub?.issuer.CN).toBe('Russian Trusted Root CA');
    expect((await probe('russian-root-trusted', { ca: [labRoot] })).authorized).toBe(false);
  });

  test('russian-root-missing: a .ru name whose chain no trusted root vouches for', async () => {
    expect(lab.byId('russian-root-missing').host.endsWith('.ru')).toBe(true);
    const result = await probe('russian-root-missing', { ca: allTrusted() });
    expect(result.authorizationError).toBe('SELF_SIGNED_CERT_IN_CHAIN');
    expect(leafOf(result).subject.CN).toBe('bank.cert-doctor-lab.ru');
  });

  test('russian-root-removed shares the host of russian-root-trusted on another port, under a root no one trusts', async () => {
    expect(lab.byId('russian-root-removed').host).toBe(lab.byId('russian-root-trusted').host);
    expect(lab.byId('russian-root-removed').port).not.toBe(lab.byId('russian-root-trusted').port);
    const result = await probe('russian-root-removed', { ca: allTrusted() });
    expect(result.authorizationError).toBe('SELF_SIGNED_CERT_IN_CHAIN');
    expect(result.chain[1]?.subject.CN).toBe('Cert Doctor Untrusted CA');
  });

  test('compromised-root: issued directly by the eDellRoot-named root, and only it verifies the page', async () => {
    const result = await probe('compromised-root', { ca: [compromisedRoot] });
    expect(result.authorized).toBe(true);
    expect(leafOf(result).issuer.CN).toBe('eDellRoot');
    expect((await probe('compromised-root', { ca: [labRoot] })).authorized).toBe(false);
  });

  test('linux-company-root: an internal name under a company root the profile lacks; the root it sends would verify it', async () => {
    const result = await probe('linux-company-root', { ca: allTrusted() });
    expect(result.authorizationError).toBe('SELF_SIGNED_CERT_IN_CHAIN');
    const [leaf, root] = result.chain;
    expect(leaf?.subject.CN).toBe('wiki.corp.lab.test');
    expect(root?.subject.CN).toBe('Cert Doctor Lab Company Root');
    if (root === undefined) throw new Error('no company root sent');
    // Control: a system store holding the company root (as /etc/ssl/certs would) accepts it.
    expect((await probe('linux-company-root', { ca: [pem(root)] })).authorized).toBe(true);
  });
});

describe('networks that break or redirect secure connections', () => {
  test('https-only-unavailable: serves its page over plain http, and the https attempt on that port fails', async () => {
    const labCase = lab.byId('https-only-unavailable');
    expect(labCase.url).toBe(`http://http-only.lab.test:${labCase.port}/`);
    const raw = await probeRaw(labCase.port, Buffer.from(`GET / HTTP/1.1\r\nHost: ${labCase.host}\r\nConnection: close\r\n\r\n`));
    expect(raw.received.toString('latin1')).toMatch(/^HTTP\/1\.1 200 /);
    expect(raw.received.toString('latin1')).toContain('<title>Cert Doctor Lab: https-only-unavailable</title>');
    const result = await probe('https-only-unavailable');
    expect(result.handshake).toBe(false);
    expect(result.error?.code).toBe('ERR_SSL_WRONG_VERSION_NUMBER');
  });

  test('post-quantum-reset: resets a hello with an X25519MLKEM768 share, serves a classic one', async () => {
    const port = lab.byId('post-quantum-reset').port;
    const before = lab.requests.length;
    const postQuantum = await probeRaw(port, clientHelloWith([X25519_MLKEM768, X25519]));
    expect(postQuantum.ending).toBe('reset');
    expect(postQuantum.received).toHaveLength(0);
    // Control: the same server behind the same box, with Node's hello (no post-quantum share).
    const classic = await probe('post-quantum-reset', { getPath: '/' });
    expect(classic.authorized).toBe(true);
    expect(classic.response).toContain('<title>Cert Doctor Lab: post-quantum-reset</title>');
    const seen = lab.requests.slice(before).filter((request) => request.caseId === 'post-quantum-reset' && request.method === 'RAW');
    expect(seen.map((request) => request.keyShareGroups)).toEqual([[X25519_MLKEM768, X25519], [X25519]]);
  });

  test('post-quantum-reset: waits for a hello that arrives in pieces before it judges it', async () => {
    const hello = clientHelloWith([X25519_MLKEM768, X25519]);
    const ending = await new Promise<string>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port: lab.byId('post-quantum-reset').port }, () => {
        socket.write(hello.subarray(0, 1000));
        setTimeout(() => socket.write(hello.subarray(1000)), 100);
      });
      socket.on('error', (error: Error & { code?: string }) => {
        resolve(error.code ?? 'error');
      });
      socket.on('end', () => {
        resolve('end');
      });
    });
    expect(ending).toBe('ECONNRESET');
  });

  test("block-page: a valid certificate, but for the block page's name, not the site's", async () => {
    const result = await probe('block-page');
    expect(result.handshake).toBe(true);
    expect(result.authorizationError).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    expect(leafOf(result).subjectaltname).toBe('DNS:blocked.isp.lab.test');
    expect(hostnameError('blocked.isp.lab.test', leafOf(result))).toBeUndefined();
  });
});

describe('every case is covered by a check above', () => {
  const checked = new Set([
    'valid',
    'www-name',
    'hsts-setup',
    'subresource-failure',
    'interception',
    'expired',
    'not-yet-valid',
    'expired-intermediate',
    'wrong-host',
    'bare-name',
    'wildcard-depth',
    'shared-hosting',
    'missing-intermediate',
    'untrusted-issuer',
    'hsts-broken',
    'self-signed',
    'local-device',
    'sha1-signature',
    'http-on-https-port',
    'tls10-only',
    'no-common-cipher',
    'connection-reset',
    'connection-closed',
    'client-cert-required',
    // Issue 10: roots people meet
    'russian-root-trusted',
    'russian-root-removed',
    'russian-root-missing',
    'compromised-root',
    'linux-company-root',
    'https-only-unavailable',
    'post-quantum-reset',
    'block-page',
  ]);
  test('no case is left unchecked', () => {
    const unchecked = lab.cases.map((labCase: LabCase) => labCase.id).filter((id) => !checked.has(id));
    expect(unchecked).toEqual([]);
  });
});
