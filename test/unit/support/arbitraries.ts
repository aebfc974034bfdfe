// fast-check arbitraries for the property tests: hostile text, hosts and URLs, error numbers,
// certificates and whole tab snapshots as the capture could store them (and worse).

import fc from 'fast-check';
import { KNOWN_ERRORS } from '../../../src/core/error-codes/decode';
import type { CertificateMemory } from '../../../src/core/continuity/memory';
import type { CapturedCertificate, CapturedSecurity, TabSnapshot } from '../../../src/shared/tab-snapshot';
import { RECORDED } from './report-input';
import { NOW } from './snapshots';

/** Pieces of attacks: markup, links GitHub would make, fences, invisible and bidi characters. */
export const FRAGMENTS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "' onmouseover='x",
  '&lt;b&gt;',
  '&#60;',
  'https://evil%2Ecom/login',
  'phish@evil.com',
  'https://3232235777/',
  'www.evil.com',
  'WWW.X.Y',
  '@octocat',
  'mailto:a@b.c',
  '[x](javascript:alert(1))',
  '![i](https://evil.com/i.png)',
  '<https://evil.com>',
  '`',
  '``',
  '```',
  '\n```\n',
  '\\',
  '*',
  '_',
  '#',
  '|',
  '~~',
  '- ',
  '1. ',
  '> ',
  '\u202e',
  '\u200b',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\u00ad',
  '\u061c',
  '\u2066',
  '\u0000',
  '\u0007',
  '\r\n',
  '\t',
  '\ud800',
  '😀',
  'Ж',
  '例',
  '$(curl evil)',
  '`id`',
  ';rm -rf ~',
  "'",
  '"',
];

export const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 8 })
    .map((parts) => parts.join('')),
);

/** Hosts a URL parser lets through (shell and markup characters included), and ordinary ones. */
export const host = fc.oneof(
  fc.domain(),
  fc.constantFrom(
    'shop.example.com',
    'xn--e1afmkfd.xn--p1ai',
    '192.168.1.1',
    '[::1]',
    '3232235777',
    '`id`.victim.test',
    "a'b.test",
    'a;b&c.test',
    'www.evil.com',
    'github.io',
    'x.co.uk',
  ),
  fc.stringMatching(/^[a-z0-9`'$;&!*+=,~{}-]{1,12}(\.[a-z0-9-]{1,8}){0,3}$/),
);

export const url = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc
    .tuple(host, fc.option(fc.integer({ min: 1, max: 65535 })), hostileText)
    .map(([h, port, path]) => `https://${h}${port === null ? '' : `:${port}`}/${encodeURIComponent(path.replace(/\p{Cs}/gu, '?'))}`),
  hostileText,
);

/** Numbers Firefox gives, numbers near them, and anything else a number can be. */
export const errorNumber = fc.oneof(
  fc.constantFrom(...KNOWN_ERRORS.map((e) => e.number)),
  fc.integer({ min: 0x805a0000, max: 0x805affff }),
  fc.integer(),
  fc.double(),
  fc.constant(null),
);

const derBase64 = fc.oneof(
  fc.constant(''),
  fc.constantFrom(...RECORDED.flatMap((r) => r.snapshot.security?.certificates.map((c) => c.derBase64) ?? []).slice(0, 8)),
  fc.base64String({ maxLength: 64 }),
);

const time = fc.oneof(fc.integer({ min: NOW - 4e11, max: NOW + 4e11 }), fc.constantFrom(0, -1, Number.NaN, Number.POSITIVE_INFINITY));

export const certificate: fc.Arbitrary<CapturedCertificate> = fc.record({
  subject: hostileText,
  issuer: hostileText,
  notBefore: time,
  notAfter: time,
  sha256: hostileText,
  sha1: fc.string(),
  serialNumber: fc.string(),
  isBuiltInRoot: fc.boolean(),
  spkiSha256: fc.string(),
  derBase64,
});

const security = (pageUrl: string): fc.Arbitrary<CapturedSecurity> =>
  fc.record({
    url: fc.constant(pageUrl),
    at: time,
    state: fc.constantFrom('secure', 'broken', 'insecure', 'weak'),
    protocolVersion: fc.option(fc.constantFrom('TLSv1', 'TLSv1.2', 'TLSv1.3')),
    cipherSuite: fc.option(hostileText),
    keaGroupName: fc.option(hostileText),
    signatureSchemeName: fc.option(hostileText),
    certificateTransparencyStatus: fc.option(fc.string()),
    hsts: fc.boolean(),
    usedEch: fc.boolean(),
    usedOcsp: fc.boolean(),
    usedPrivateDns: fc.boolean(),
    overridableErrorCategory: fc.option(fc.constantFrom('trust_error', 'domain_mismatch', 'expired_or_not_yet_valid')),
    isUntrusted: fc.boolean(),
    isDomainMismatch: fc.boolean(),
    isNotValidAtThisTime: fc.boolean(),
    certificates: fc.array(certificate, { maxLength: 4 }),
  });

export const snapshot: fc.Arbitrary<TabSnapshot> = url.chain((pageUrl) =>
  fc.record(
    {
      schema: fc.constant(2 as const),
      tabId: fc.integer({ min: 1, max: 1000 }),
      url: fc.constant(pageUrl),
      startedAt: time,
      status: fc.constantFrom('loading' as const, 'failed' as const, 'loaded' as const),
      failure: fc.record({ errorNumber, rawError: hostileText, at: time }),
      requestError: hostileText,
      security: security(pageUrl),
      frameFailures: fc.array(fc.record({ url, errorNumber }), { maxLength: 3 }),
      subresourceFailures: fc.array(
        fc.record({
          host: hostileText,
          type: fc.oneof(fc.constantFrom('image', 'script'), hostileText),
          error: hostileText,
          exampleUrl: url,
          count: fc.integer({ min: 1, max: 10_000 }),
        }),
        { maxLength: 3 },
      ),
    },
    { requiredKeys: ['schema', 'tabId', 'url', 'startedAt', 'status'] },
  ),
);

/** A remembered last good certificate, with a stranger's names in it. */
export const memory = (forHost: string): fc.Arbitrary<CertificateMemory> =>
  fc.record({
    host: fc.constant(forHost),
    issuer: hostileText,
    root: hostileText,
    rootBuiltIn: fc.boolean(),
    spkiSha256: fc.string(),
    leafSha256: fc.string(),
    notAfter: time,
    firstSeen: time,
    lastSeen: time,
  });
