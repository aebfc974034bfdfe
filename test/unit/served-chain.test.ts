// The companion's chain in the extension: the background's request and its checks
// (src/background/companion.ts) with a fake sendNativeMessage, and the diagnosis, the view and
// the report made from chains the lab's PKI makes (test/lab/pki.ts), so the DER is real.

import * as x509 from '@peculiar/x509';
import Ajv from 'ajv';
import { askCompanion, COMPANION_TIMEOUT_MS } from '../../src/background/companion';
import { bytesToBase64 } from '../../src/core/encoding/base64';
import { diagnose } from '../../src/diagnosis/diagnose';
import type { Diagnosis, Evidence } from '../../src/diagnosis/types';
import schema from '../../src/report/report.schema.json';
import { buildReport } from '../../src/report/report-model';
import { reportSections } from '../../src/report/sections';
import { reportText } from '../../src/report/text';
import { servedChainReport } from '../../src/report/served-chain';
import { CAUSES } from '../../src/rules/causes';
import type { ServedChain, ServedChainRequest } from '../../src/shared/served-chain';
import { servedChainHelps, type ServedOutcome } from '../../src/shared/served-outcome';
import { pageProbes } from '../../src/shared/view-message';
import { httpsEndpointOf } from '../../src/shared/url';
import { servedView } from '../../src/views/served-facts';
import { CATALOGUES } from '../../src/guide/catalogue-data';
import { Catalogue } from '../../src/guide/catalogue';
import { evidenceText } from '../../popup/evidence-text';
import { makeCa, makeKeys, makeLeaf, type Authority } from '../lab/pki';
import { translatorForLocale } from './fakes/messages';
import { DAY, environment, failed, history, memory, NOW } from './support/snapshots';

const der = (cert: x509.X509Certificate): string => bytesToBase64(new Uint8Array(cert.rawData));

function chainReply(host: string, port: number, certificates: readonly x509.X509Certificate[]): ServedChain {
  return {
    kind: 'cert-doctor/served-chain',
    version: 1,
    host,
    port,
    at: NOW - 2000,
    certificates: certificates.map(der),
    protocol: 'TLSv1.3',
    cipher: 'TLS_AES_128_GCM_SHA256',
    ocspStapled: false,
    failure: null,
  };
}

const served = (chain: ServedChain): ServedOutcome => ({ kind: 'chain', chain });

describe('httpsEndpointOf: where the companion connects', () => {
  test.each([
    ['https://Example.COM/path?q=1', { host: 'example.com', port: 443 }],
    ['https://example.com:8443/', { host: 'example.com', port: 8443 }],
    ['https://[::1]:4443/', { host: '::1', port: 4443 }],
    ['http://example.com/', null],
    ['about:certerror', null],
    ['not a url', null],
  ])('%s', (url, expected) => {
    expect(httpsEndpointOf(url)).toEqual(expected);
  });
});

describe('servedChainHelps: only a certificate or TLS failure of an https load', () => {
  test.each([
    ['failed', 'certificate', 'https://a.example/', true],
    ['failed', 'tls', 'https://a.example/', true],
    ['failed', 'network', 'https://a.example/', false],
    ['failed', null, 'https://a.example/', false],
    ['loaded', 'certificate', 'https://a.example/', false],
    ['failed', 'certificate', 'http://a.example/', false],
  ])('%s %s %s: %s', (status, family, url, expected) => {
    expect(servedChainHelps(status, family, url)).toBe(expected);
  });
});

describe('askCompanion', () => {
  const never = (): Promise<unknown> => new Promise(() => undefined);
  const noTimer = (): void => undefined;

  test("asks the companion by its manifest name for the page's own host and port, and keeps an answer about them", async () => {
    const asked: [string, ServedChainRequest][] = [];
    const reply = { ...chainReply('shop.example', 8443, []), certificates: [] };
    const outcome = await askCompanion(
      'https://Shop.Example:8443/cart?id=1',
      (application, message) => {
        asked.push([application, message]);
        return Promise.resolve(reply);
      },
      COMPANION_TIMEOUT_MS,
      noTimer,
    );
    expect(asked).toEqual([
      ['cert_doctor_companion', { kind: 'cert-doctor/get-served-chain', version: 1, host: 'shop.example', port: 8443 }],
    ]);
    expect(outcome).toEqual({ kind: 'chain', chain: reply });
  });

  test.each([
    ['another host', { host: 'evil.example' }],
    ['another port', { port: 443 }],
    ['a certificate that is not base64', { certificates: ['<script>'] }],
    ['another kind', { kind: 'cert-doctor/other' }],
  ])('an answer about %s is refused', async (_why, change) => {
    const outcome = await askCompanion(
      'https://shop.example:8443/',
      () => Promise.resolve({ ...chainReply('shop.example', 8443, []), ...change }),
      COMPANION_TIMEOUT_MS,
      noTimer,
    );
    expect(outcome).toEqual({ kind: 'bad-reply' });
  });

  test("Firefox's words for a missing manifest mean the companion is not installed", async () => {
    const outcome = await askCompanion(
      'https://a.example/',
      () => Promise.reject(new Error(`No such native application cert_doctor_companion`)),
      COMPANION_TIMEOUT_MS,
      noTimer,
    );
    expect(outcome).toEqual({ kind: 'not-installed' });
  });

  test("any other failure, or the companion's own error, is told as it is", async () => {
    const crashed = await askCompanion('https://a.example/', () => Promise.reject(new Error('An unexpected error occurred')), 1, noTimer);
    expect(crashed).toEqual({ kind: 'failed', detail: 'An unexpected error occurred' });
    const refused = await askCompanion(
      'https://a.example/',
      () => Promise.resolve({ kind: 'cert-doctor/error', version: 1, error: 'failed', detail: 'ECONNREFUSED' }),
      1,
      noTimer,
    );
    expect(refused).toEqual({ kind: 'failed', detail: 'ECONNREFUSED' });
  });

  test('no answer in time is a timeout, after exactly the time given', async () => {
    const delays: number[] = [];
    const outcome = await askCompanion('https://a.example/', never, COMPANION_TIMEOUT_MS, (callback, ms) => {
      delays.push(ms);
      callback();
    });
    expect(outcome).toEqual({ kind: 'timeout' });
    expect(delays).toEqual([15_000]);
  });

  test('a page that is not https is never asked about', async () => {
    let asked = false;
    const outcome = await askCompanion(
      'http://a.example/',
      () => {
        asked = true;
        return Promise.resolve(null);
      },
      1,
      noTimer,
    );
    expect(asked).toBe(false);
    expect(outcome).toEqual({ kind: 'bad-reply' });
  });
});

describe('pageProbes: a page cannot hand the background a served chain', () => {
  test('www and proxy pass; served is dropped', () => {
    const forged = { www: 'works', proxy: { kind: 'none', where: '' }, served: { kind: 'not-installed' } } as const;
    expect(pageProbes(forged)).toEqual({ www: 'works', proxy: { kind: 'none', where: '' } });
    expect(pageProbes(undefined)).toBeUndefined();
  });
});

describe('the diagnosis of a failed load with the chain the site sends', () => {
  let root: Authority;
  let intermediate: Authority;
  let keys: CryptoKeyPair;
  beforeAll(async () => {
    root = await makeCa({ name: 'CN=Served Test Root, O=Served Test', keys: await makeKeys('ec'), now: NOW });
    intermediate = await makeCa({ name: 'CN=Served Test Intermediate, O=Served Test', keys: await makeKeys('ec'), issuer: root, now: NOW });
    keys = await makeKeys('ec');
  });

  const leafFor = (dnsNames: string[], validity: 'current' | 'expired' = 'current', issuer: Authority | 'self' = intermediate) =>
    makeLeaf({ dnsNames, keys, issuer, validity, now: NOW });

  function diagnosed(url: string, code: string, outcome: ServedOutcome | undefined, overrides = {}): Diagnosis {
    return diagnose(failed(url, code), environment(), history({ probes: outcome ? { served: outcome } : {}, ...overrides }));
  }

  const evidenceOf = (d: Diagnosis, kind: Evidence['kind']): Evidence[] =>
    d.causes.flatMap((c) => c.evidence.filter((e) => e.kind === kind));

  test('a leaf sent without its issuer: the missing intermediate ranks first and is named', async () => {
    const url = 'https://shop.example/';
    const leaf = await leafFor(['shop.example']);
    const without = diagnosed(url, 'SEC_ERROR_UNKNOWN_ISSUER', undefined);
    // From the code alone, a CA Firefox does not trust comes first (code-causes.json).
    expect(without.causes[0]?.id).toBe('unknown-ca');
    const withChain = diagnosed(url, 'SEC_ERROR_UNKNOWN_ISSUER', served(chainReply('shop.example', 443, [leaf])));
    expect(withChain.causes[0]).toMatchObject({ id: 'missing-intermediate', confidence: 'high' });
    // The DN as RFC 4514 writes it (last RDN first), as the parser gives every name.
    expect(withChain.causes[0]?.evidence).toContainEqual({ kind: 'missing-issuer', issuer: 'O=Served Test,CN=Served Test Intermediate' });
    expect(withChain.verdict).toBe(CAUSES['missing-intermediate'].verdict);
    expect(withChain.bypass).toEqual(without.bypass);
  });

  test('the whole chain sent, still unknown: the root is the question, not a missing link', async () => {
    const leaf = await leafFor(['shop.example']);
    const d = diagnosed(
      'https://shop.example/',
      'SEC_ERROR_UNKNOWN_ISSUER',
      served(chainReply('shop.example', 443, [leaf, intermediate.cert, root.cert])),
    );
    expect(d.causes[0]?.id).toBe('unknown-ca');
    expect(evidenceOf(d, 'missing-issuer')).toEqual([]);
    expect(evidenceOf(d, 'root-not-built-in')).toContainEqual({ kind: 'root-not-built-in', root: 'O=Served Test,CN=Served Test Root' });
  });

  test('a self-signed leaf ranks self-signed, with its subject', async () => {
    const leaf = await leafFor(['nas.example'], 'current', 'self');
    const d = diagnosed('https://nas.example/', 'SEC_ERROR_UNKNOWN_ISSUER', served(chainReply('nas.example', 443, [leaf])));
    expect(d.causes[0]).toMatchObject({ id: 'self-signed', confidence: 'high' });
    expect(evidenceOf(d, 'self-issued')).toEqual([{ kind: 'self-issued', subject: 'O=Cert Doctor Lab,CN=nas.example' }]);
  });

  test('an issuer named like interception software names the product', async () => {
    const av = await makeCa({
      name: 'CN=Kaspersky Anti-Virus Personal Root Certificate, O=AO Kaspersky Lab',
      keys: await makeKeys('ec'),
      now: NOW,
    });
    const leaf = await leafFor(['bank.example'], 'current', av);
    const d = diagnosed('https://bank.example/', 'SEC_ERROR_UNKNOWN_ISSUER', served(chainReply('bank.example', 443, [leaf, av.cert])));
    expect(d.causes[0]?.id).toBe('interception');
    expect(d.product?.name).toBe('Kaspersky');
    expect(d.verdict).toBe(CAUSES.interception.verdict);
  });

  test('a name mismatch: the names the certificate covers', async () => {
    const leaf = await leafFor(['other-site.example', 'mail.other-site.example']);
    const d = diagnosed(
      'https://wrong.example/',
      'SSL_ERROR_BAD_CERT_DOMAIN',
      served(chainReply('wrong.example', 443, [leaf, intermediate.cert])),
    );
    expect(d.causes[0]).toMatchObject({ id: 'name-mismatch', confidence: 'high' });
    expect(evidenceOf(d, 'names')).toContainEqual({ kind: 'names', names: ['other-site.example', 'mail.other-site.example'] });
  });

  test('a certificate for the www twin: the twin is named, but not said to work until the person checks', async () => {
    const leaf = await leafFor(['www.shop.example']);
    const d = diagnosed(
      'https://shop.example/',
      'SSL_ERROR_BAD_CERT_DOMAIN',
      served(chainReply('shop.example', 443, [leaf, intermediate.cert])),
    );
    expect(d.causes[0]?.id).toBe('name-mismatch-www');
    const twin = evidenceOf(d, 'www-alternative');
    expect(twin).toContainEqual({ kind: 'www-alternative', alternative: 'www.shop.example', result: 'unchecked' });
    expect(twin).not.toContainEqual(expect.objectContaining({ result: 'works' }));
  });

  test('expired: the exact dates, as evidence of the first cause', async () => {
    const leaf = await leafFor(['old.example'], 'expired');
    const d = diagnosed(
      'https://old.example/',
      'SEC_ERROR_EXPIRED_CERTIFICATE',
      served(chainReply('old.example', 443, [leaf, intermediate.cert])),
    );
    expect(d.causes[0]?.id).toBe('cert-expired');
    // test/lab/pki.ts, validity 'expired': from 120 to 30 days before now.
    expect(d.causes[0]?.evidence).toContainEqual({ kind: 'validity', notBefore: NOW - 120 * DAY, notAfter: NOW - 30 * DAY });
  });

  test("expired, but only by this computer's clock: the clock stays the cause", async () => {
    const leaf = await leafFor(['old.example'], 'expired');
    // The clock is 40 days ahead: at the true time the certificate is still valid.
    const d = diagnose(
      failed('https://old.example/', 'SEC_ERROR_EXPIRED_CERTIFICATE'),
      environment({ clock: { skewMs: 40 * DAY, hosts: 5, spreadMs: 1000, outliers: 0, confidence: 'high' } }),
      history({ probes: { served: served(chainReply('old.example', 443, [leaf, intermediate.cert])) } }),
    );
    expect(d.causes[0]?.id).toBe('clock-ahead');
  });

  test("Firefox's bypass rule is kept: HSTS still allows no exception", async () => {
    const leaf = await leafFor(['shop.example']);
    const d = diagnosed('https://shop.example/', 'SEC_ERROR_UNKNOWN_ISSUER', served(chainReply('shop.example', 443, [leaf])), {
      lastGood: memory('shop.example', { hsts: true, lastSeen: NOW - DAY }),
    });
    expect(d.bypass).toEqual({ rule: 'never', reason: 'hsts' });
  });

  test('no chain (the companion missing, a timeout, an unreadable certificate): the diagnosis is as without it', () => {
    const url = 'https://shop.example/';
    const plain = diagnosed(url, 'SEC_ERROR_UNKNOWN_ISSUER', undefined);
    for (const outcome of [
      { kind: 'not-installed' },
      { kind: 'timeout' },
      { kind: 'bad-reply' },
      { kind: 'failed', detail: 'x' },
    ] as const) {
      expect(diagnosed(url, 'SEC_ERROR_UNKNOWN_ISSUER', outcome)).toEqual(plain);
    }
    const garbage = { ...chainReply('shop.example', 443, []), certificates: ['AAAA'] };
    expect(diagnosed(url, 'SEC_ERROR_UNKNOWN_ISSUER', served(garbage))).toEqual(plain);
  });

  test('the view: each certificate with its names and dates, the PEM, the missing issuer', async () => {
    const leaf = await leafFor(['shop.example', 'www.shop.example']);
    const view = servedView(served(chainReply('shop.example', 443, [leaf])));
    expect(view).toMatchObject({
      kind: 'chain',
      host: 'shop.example',
      port: 443,
      sent: 1,
      missingIssuer: 'O=Served Test,CN=Served Test Intermediate',
      certificates: [{ names: ['shop.example', 'www.shop.example'], notBefore: NOW - DAY, notAfter: NOW + 90 * DAY, selfIssued: false }],
    });
    expect(view?.kind === 'chain' ? view.pem : '').toBe(leaf.toString('pem').replace(/\r\n/g, '\n').trimEnd() + '\n');
    expect(servedView({ kind: 'timeout' })).toEqual({ kind: 'timeout' });
    expect(servedView(undefined)).toBeNull();
  });

  test('the report: a line per certificate, the missing issuer and the PEM, in a JSON the schema accepts', async () => {
    const leaf = await leafFor(['shop.example']);
    const outcome = served(chainReply('shop.example', 443, [leaf]));
    const snapshot = failed('https://shop.example/', 'SEC_ERROR_UNKNOWN_ISSUER');
    const diagnosis = diagnose(snapshot, environment(), history({ probes: { served: outcome } }));
    const view = servedView(outcome) ?? undefined;
    const t = translatorForLocale('en');
    const input = {
      snapshot,
      diagnosis,
      clock: null,
      environment: { os: 'linux', firefoxVersion: '153.8.0esr' },
      lastGood: null,
      remembered: [],
      catalogue: new Catalogue('en', CATALOGUES.en),
      evidenceText: (e: Evidence) => evidenceText(e, t, 'en'),
      now: NOW,
      options: { includePath: false, includeQuery: false, includeChain: true, note: '' },
      ...(view ? { served: view } : {}),
    };
    const report = buildReport(input);
    expect(report.servedChain).toMatchObject({
      host: 'shop.example',
      port: 443,
      at: new Date(NOW - 2000).toISOString(),
      missingIssuer: 'O=Served Test,CN=Served Test Intermediate',
      certificates: [{ names: ['shop.example'], notAfter: new Date(NOW + 90 * DAY).toISOString() }],
    });
    const text = reportText(reportSections(report, t));
    expect(text).toContain('The chain the server sends (received at 2026-');
    expect(text).toContain('Missing from the chain: the certificate of O=Served Test,CN=Served Test Intermediate');
    expect(text).toContain('-----BEGIN CERTIFICATE-----');
    const validate = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(schema);
    expect(validate(JSON.parse(JSON.stringify(report)))).toBe(true);
    // Without the chain option, nothing of it; without a chain, no section at all.
    expect(servedChainReport(view, false)).toBeNull();
    expect(buildReport({ ...input, served: { kind: 'not-installed' } }).servedChain).toBeUndefined();
  });
});
