// Every stored string is capped, every URL stored without query or fragment, and a tab's
// snapshot stays within its byte budget however many failures a page produces.

import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import fc from 'fast-check';
import { makeKeys } from '../lab/pki';
import { recordFrameFailure, MAX_FRAME_FAILURES } from '../../src/capture/frame-failures';
import { recordFailure, recordSecurity, startLoad, recordCompletion } from '../../src/capture/navigation-state';
import { MAX_KEPT_DER_BYTES, summariseSecurityInfo } from '../../src/capture/security-info';
import { recordSubresourceFailure, MAX_SUBRESOURCE_ENTRIES } from '../../src/capture/subresource-failures';
import { certificateFacts } from '../../src/views/certificate-facts';
import { chainFromElsewhere, siteChain } from '../../src/shared/chain-sender';
import type { TabSnapshot } from '../../src/shared/tab-snapshot';
import { capText, MAX_CERT_NAMES, MAX_DN_CHARS, MAX_HOST_CHARS, MAX_MESSAGE_CHARS } from '../../src/shared/text-bounds';
import { MAX_LISTED_URL_CHARS, MAX_STORED_URL_CHARS, storableUrl } from '../../src/shared/url';
import { storageBytes } from '../../src/storage/storage-size';
import { fitSnapshot, SNAPSHOT_BUDGET_BYTES } from '../../src/storage/snapshot-budget';
import { fakeCertificate, fakeSecurityInfo } from './fakes/security-info';
import { floodedPage } from './support/flooded-snapshot';
import { FakeStorageArea } from './fakes/storage-area';
import { CLOCK_KEY, recordClockSample, storedClockSamples } from '../../src/capture/clock-samples';
import { WriteBehindState } from '../../src/storage/write-behind';

const EXPIRED = 'Error code 2153390069';
const bytesOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));

describe('storableUrl: the only form a URL is stored in', () => {
  test.each([
    ['https://sso.test/cb?token=secret#frag', 'https://sso.test/cb'],
    ['https://user:pw@a.test:8443/p/q?x=1', 'https://a.test:8443/p/q'],
    ['http://a.test/#only-fragment', 'http://a.test/'],
    ['not a url', ''],
  ])('%s -> %s', (input, expected) => {
    expect(storableUrl(input)).toBe(expected);
  });

  test('a 1 MB path is cut to MAX_STORED_URL_CHARS (or the listed cap)', () => {
    const url = `https://a.test/${'p'.repeat(1024 * 1024)}?q=1`;
    expect(storableUrl(url)).toHaveLength(MAX_STORED_URL_CHARS);
    expect(storableUrl(url, MAX_LISTED_URL_CHARS)).toHaveLength(MAX_LISTED_URL_CHARS);
  });

  test('never keeps a query or fragment, whatever the URL', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const stored = storableUrl(url);
        expect(stored).not.toMatch(/[?#]/);
        expect(stored.length).toBeLessThanOrEqual(MAX_STORED_URL_CHARS);
      }),
    );
  });
});

test('capText cuts to the cap, never inside a surrogate pair, and gives "" for what is not text', () => {
  expect(capText('abcdef', 3)).toBe('abc');
  expect(capText('ab😀', 3)).toBe('ab');
  expect(capText(42, 3)).toBe('');
});

test("storageBytes is at least the UTF-8 length of the JSON, for any value (Firefox's clone size: the e2e tests)", () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, text) => {
      expect(storageBytes(value)).toBeGreaterThanOrEqual(bytesOf(value));
      expect(storageBytes({ text, list: [text, 1.5] })).toBeGreaterThanOrEqual(bytesOf({ text, list: [text, 1.5] }));
    }),
  );
  // A lone surrogate is written as \uXXXX; a control character as \u0001.
  expect(storageBytes('\uD800x'.repeat(100))).toBeGreaterThanOrEqual(bytesOf('\uD800x'.repeat(100)));
  expect(storageBytes('\u0001'.repeat(100))).toBeGreaterThanOrEqual(bytesOf('\u0001'.repeat(100)));
  // Mostly ASCII with one character beyond Latin-1: two bytes a character in the clone.
  expect(storageBytes(`${'a'.repeat(999)}я`)).toBeGreaterThanOrEqual(2000);
});

describe('capture keeps no query or fragment anywhere', () => {
  test('a redirect with ?token= to a failing host: not in the URL, the chain URL, frames or examples', () => {
    let s: TabSnapshot | undefined = startLoad(1, 'https://sso.test/login?token=secret#frag', 10);
    const security = summariseSecurityInfo(fakeSecurityInfo(), 'https://sso.test/login?token=secret#frag', 11);
    if (!security) throw new Error('expected security info');
    s = recordSecurity(s, 1, security, { incognito: false, cookieStoreId: null }, 11);
    s = recordFailure(s, 1, 'https://app.test/?token=secret#frag', EXPIRED, 12);
    s = recordFrameFailure(s, 'https://frame.test/f?token=secret#frag', EXPIRED);
    s = recordSubresourceFailure(s, { url: 'https://img.test/a.png?token=secret#frag', type: 'image', error: 'failed' });
    expect(JSON.stringify(s)).not.toMatch(/secret|frag/);
    expect(s).toMatchObject({ url: 'https://app.test/', status: 'failed', security: { url: 'https://sso.test/login', host: 'sso.test' } });
  });

  test('the chain is attributed to the host that sent it', () => {
    const security = summariseSecurityInfo(fakeSecurityInfo(), 'https://sso.test:8443/cb?token=secret', 11);
    if (!security) throw new Error('expected security info');
    const redirected = recordFailure(
      recordSecurity(startLoad(1, 'https://sso.test:8443/cb', 10), 1, security, { incognito: false, cookieStoreId: null }, 11),
      1,
      'https://app.test/',
      EXPIRED,
      12,
    );
    if (!redirected) throw new Error('expected a failure');
    expect(chainFromElsewhere(redirected)).toBe('sso.test:8443');
    expect(siteChain(redirected)).toEqual([]);
    // The same chain on the page that sent it is the site's own.
    const own = recordCompletion(
      recordSecurity(startLoad(2, 'https://sso.test:8443/cb', 10), 2, security, { incognito: false, cookieStoreId: null }, 11),
      2,
      'https://sso.test:8443/cb',
      12,
    );
    expect(chainFromElsewhere(own)).toBeNull();
    expect(siteChain(own)).toHaveLength(3);
    // Snapshots stored before the host was recorded: the chain's URL names it.
    const older = { ...security };
    delete older.host;
    expect(chainFromElsewhere({ ...redirected, security: older })).toBe('sso.test:8443');
  });

  test('hosts, types and messages of failed parts are capped', () => {
    const host = `${'a'.repeat(400)}.test`;
    const s = recordSubresourceFailure(startLoad(1, 'https://page.test/', 1), {
      url: `https://${host}/x.png`,
      type: 't'.repeat(500),
      error: 'e'.repeat(5000),
    });
    const entry = s?.subresourceFailures?.[0];
    expect(entry?.host.length).toBe(MAX_HOST_CHARS);
    expect(entry?.error.length).toBe(MAX_MESSAGE_CHARS);
    expect(entry?.type.length).toBeLessThanOrEqual(64);
  });
});

describe('the snapshot budget', () => {
  test('10,000 failing subresources on 10,000 hosts and 10,000 failing frames: under 64 KB, counts true', () => {
    const s = floodedPage();
    expect(bytesOf(s)).toBeLessThan(64 * 1024);
    expect(s.subresourceFailureCount).toBe(10_000);
    expect(s.frameFailureCount).toBe(10_000);
    expect(s.subresourceFailures?.length).toBeLessThanOrEqual(MAX_SUBRESOURCE_ENTRIES);
    expect(s.frameFailures?.length).toBeLessThanOrEqual(MAX_FRAME_FAILURES);
    // What is listed plus what is only counted is the total ("and 9,980 more").
    const listed = (s.subresourceFailures ?? []).reduce((sum, f) => sum + f.count, 0);
    expect(listed).toBe(s.subresourceFailures?.length);
    expect(s.url.length).toBe(MAX_STORED_URL_CHARS);
    expect(JSON.stringify(s)).not.toContain('?n=');
  });

  test('with a chain of large certificates too: the lists shrink first, the counts stay true, the leaf stays', () => {
    const big = Array.from({ length: MAX_KEPT_DER_BYTES }, (_, i) => i % 256);
    const hostileDn = `CN=${'\u0001'.repeat(MAX_DN_CHARS)}`;
    const chain = fakeSecurityInfo({
      certificates: Array.from({ length: 8 }, () => fakeCertificate({ subject: hostileDn, issuer: hostileDn, der: big })),
    });
    const s = floodedPage(chain);
    expect(bytesOf(s)).toBeLessThanOrEqual(SNAPSHOT_BUDGET_BYTES);
    expect(s.subresourceFailureCount).toBe(10_000);
    expect(s.frameFailureCount).toBe(10_000);
    expect(s.security?.certificates.length).toBe(8);
  });

  test('a snapshot within the budget is kept as it is (the same object)', () => {
    const s = startLoad(1, 'https://a.test/', 1);
    expect(fitSnapshot(s)).toBe(s);
  });

  test('property: whatever the captured facts, the fitted snapshot is within the budget', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.webUrl({ withQueryParameters: true }), fc.string({ maxLength: 2000 })), { maxLength: 60 }),
        fc.string({ maxLength: 3000 }),
        (failures, dn) => {
          const security = summariseSecurityInfo(
            fakeSecurityInfo({
              certificates: Array.from({ length: 8 }, () =>
                fakeCertificate({ subject: dn, issuer: dn, der: Array.from({ length: 9000 }, () => 7) }),
              ),
            }),
            'https://p.test/',
            1,
          );
          let s: TabSnapshot | undefined = security
            ? recordSecurity(startLoad(1, 'https://p.test/', 0), 1, security, { incognito: false, cookieStoreId: null }, 1)
            : startLoad(1, 'https://p.test/', 0);
          for (const [url, error] of failures) {
            s = recordSubresourceFailure(s, { url, type: 'image', error });
            s = recordFrameFailure(s, url, error);
          }
          if (!s) return;
          expect(bytesOf(fitSnapshot(s))).toBeLessThanOrEqual(SNAPSHOT_BUDGET_BYTES);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('a certificate too large to keep whole keeps its names, bounded', () => {
  let der: Uint8Array;
  const names = Array.from({ length: 1000 }, (_, i) => `name${i}.many-names.test`);

  beforeAll(async () => {
    const keys = await makeKeys('ec');
    const cert = await x509.X509CertificateGenerator.create({
      subject: 'CN=many-names.test',
      issuer: 'CN=many-names.test',
      publicKey: keys.publicKey,
      signingKey: keys.privateKey,
      notBefore: new Date(Date.UTC(2024, 0, 1)),
      notAfter: new Date(Date.UTC(2030, 0, 1)),
      serialNumber: '01',
      extensions: [new x509.SubjectAlternativeNameExtension(names.map((value) => ({ type: 'dns' as const, value })))],
    });
    der = new Uint8Array(cert.rawData);
  }, 30_000);

  test('1,000 names (over MAX_KEPT_DER_BYTES): the certificate stays, with its first names and their count', () => {
    expect(der.length).toBeGreaterThan(MAX_KEPT_DER_BYTES);
    const security = summariseSecurityInfo(
      fakeSecurityInfo({ certificates: [fakeCertificate({ subject: 'CN=many-names.test', der: Array.from(der) })] }),
      'https://many-names.test/',
      1,
    );
    const leaf = security?.certificates[0];
    expect(leaf).toMatchObject({ subject: 'CN=many-names.test', derBase64: '', nameCount: 1000 });
    expect(leaf?.names).toEqual(names.slice(0, MAX_CERT_NAMES));
    // The popup lists them and says how many more there are.
    expect(certificateFacts(security?.certificates ?? []).parsed[0]).toEqual({
      key: '',
      names: names.slice(0, MAX_CERT_NAMES),
      nameCount: 1000,
    });
  });
});

test('a clock sample keeps its host cut to MAX_HOST_CHARS', async () => {
  const area = new FakeStorageArea();
  const state = new WriteBehindState(area, 1);
  const now = Date.UTC(2026, 0, 1);
  await recordClockSample(state, {
    host: `${'h'.repeat(5000)}.test`,
    localTime: now,
    fromCache: false,
    headers: [{ name: 'Date', value: new Date(now).toUTCString() }],
  });
  const [sample] = storedClockSamples((await area.get(CLOCK_KEY))[CLOCK_KEY]);
  expect(sample?.host).toHaveLength(MAX_HOST_CHARS);
});
