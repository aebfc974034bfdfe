// The small pure pieces under the diagnosis: local hosts, name coverage, DN attributes, the
// interception product list, and reading the clock.

import { dnAttribute } from '../../src/diagnosis/dn-attribute';
import { isLocalHost, looksCorporate } from '../../src/diagnosis/host-kind';
import { compromisedRootFor, isRussianStateCa, russianZoneOf } from '../../src/diagnosis/root-recognition';
import { COMPROMISED_ROOTS } from '../../src/rules/known-roots';
import { coversName, looksLikeSharedHosting, wildcardTooShallow, wwwAlternative } from '../../src/diagnosis/name-coverage';
import { productForName } from '../../src/diagnosis/chain-facts';
import { isOutdatedFirefox } from '../../src/diagnosis/firefox-version';
import { readClock } from '../../src/diagnosis/clock-evidence';
import { readProxySettings } from '../../src/diagnosis/proxy-settings';
import { INTERCEPTION_PRODUCTS } from '../../src/rules/interception-products';

describe('isLocalHost', () => {
  test.each([
    ['localhost', true],
    ['router.home.arpa', true],
    ['nas.local', true],
    ['printer.lan', true],
    ['db.internal', true],
    ['nas', true],
    ['192.168.1.1', true],
    ['10.0.0.5', true],
    ['172.16.4.1', true],
    ['172.31.255.1', true],
    ['127.0.0.1', true],
    ['169.254.10.10', true],
    ['100.100.1.1', true],
    ['::1', true],
    ['[fd12:3456::1]', true],
    ['fe80::1', true],
    ['example.com', false],
    ['172.32.0.1', false],
    ['8.8.8.8', false],
    ['192.169.1.1', false],
    ['2001:db8::1', false],
    ['local.example.com', false],
    ['999.1.1.1', false],
    ['', false],
  ])('%s -> %s', (host, expected) => {
    expect(isLocalHost(host)).toBe(expected);
  });
});

describe('name coverage (RFC 6125 as Firefox applies it)', () => {
  test.each([
    ['example.com', 'example.com', true],
    ['EXAMPLE.com.', 'example.COM', true],
    ['*.example.com', 'a.example.com', true],
    ['*.example.com', 'example.com', false],
    ['*.example.com', 'a.b.example.com', false],
    ['www.example.com', 'example.com', false],
  ])('%s covers %s: %s', (pattern, host, expected) => {
    expect(coversName(pattern, host)).toBe(expected);
  });

  test('the www twin, both ways; none for a dotless name or a bare TLD', () => {
    expect(wwwAlternative('example.com')).toBe('www.example.com');
    expect(wwwAlternative('www.example.com')).toBe('example.com');
    expect(wwwAlternative('www.com')).toBeNull();
    expect(wwwAlternative('nas')).toBeNull();
  });

  test('a wildcard one level too shallow is named', () => {
    expect(wildcardTooShallow(['*.example.com'], 'a.b.example.com')).toBe('*.example.com');
    expect(wildcardTooShallow(['*.example.com'], 'a.example.com')).toBeNull();
    expect(wildcardTooShallow(['*.other.com'], 'a.b.example.com')).toBeNull();
  });

  test('shared hosting: many unrelated sites, not one site with many names', () => {
    expect(
      looksLikeSharedHosting(['a.example.org', 'b.example.io', 'c.example.de', 'd.example.fr', 'e.example.ru'], 'shop.example.com'),
    ).toBe(true);
    expect(looksLikeSharedHosting(['example.com', 'www.example.com', 'api.example.com', 'cdn.example.com'], 'shop.other.com')).toBe(false);
    expect(looksLikeSharedHosting(['other.example.org'], 'shop.example.com')).toBe(false);
  });
});

describe('dnAttribute', () => {
  test('Firefox style, RFC 4514 style, escaped commas, missing attributes', () => {
    expect(dnAttribute('CN=R11,O=Let’s Encrypt,C=US', 'O')).toBe('Let’s Encrypt');
    expect(dnAttribute('CN=avast! Web/Mail Shield Root, O=avast! Web/Mail Shield', 'CN')).toBe('avast! Web/Mail Shield Root');
    expect(dnAttribute('CN=Acme\\, Inc. Root,O=Acme', 'CN')).toBe('Acme, Inc. Root');
    // NSS quotes a value with a comma in it instead of escaping the comma.
    expect(dnAttribute('CN="Superfish, Inc.",C=US,ST=CA,L=SF,O="Superfish, Inc."', 'O')).toBe('Superfish, Inc.');
    expect(dnAttribute('CN="Superfish, Inc.",C=US', 'C')).toBe('US');
    expect(dnAttribute('O=Only Org', 'CN')).toBeNull();
    expect(dnAttribute('', 'CN')).toBeNull();
  });
});

describe('interception products', () => {
  // Issuer names as the products write them (Chromium's SSL error assistant list), each of which
  // must name its product, and names that must not.
  test.each([
    ['CN=avast! Web/Mail Shield Root,O=avast! Web/Mail Shield', 'avast'],
    ['CN=Bitdefender Personal CA.Net-Defender,O=Bitdefender', 'bitdefender'],
    ['CN=ESET SSL Filter CA,O=ESET spol. s r. o.', 'eset'],
    ['CN=Kaspersky Anti-Virus Personal Root Certificate,O=AO Kaspersky Lab', 'kaspersky'],
    ['CN=Cisco Umbrella Primary SubCA,O=Cisco', 'cisco-umbrella'],
    ['CN=ContentKeeper Appliance CA (12),O=ContentKeeper Technologies', 'contentkeeper'],
    ['CN=FortiGate CA,O=Fortinet', 'fortigate'],
    ['CN=Zscaler Intermediate Root CA,O=Zscaler Inc.', 'zscaler'],
    ['CN=Sophos SSL CA_ABC123,O=Sophos', 'sophos'],
    ['O=Blue Coat Systems', 'blue-coat'],
    ['CN=BadSSL MITM Software Test', 'badssl-test'],
  ])('%s -> %s', (issuer, id) => {
    expect(productForName(issuer)?.id).toBe(id);
  });

  test.each([
    'CN=R11,O=Let’s Encrypt,C=US',
    'CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1,O=DigiCert Inc',
    'CN=Cert Doctor Lab Root, O=Cert Doctor Lab',
    'CN=GTS CA 1C3,O=Google Trust Services LLC',
  ])('no product for %s', (issuer) => {
    expect(productForName(issuer)).toBeNull();
  });

  test('ids are unique and every entry matches on something', () => {
    const ids = INTERCEPTION_PRODUCTS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const product of INTERCEPTION_PRODUCTS) expect(product.cn ?? product.o).toBeDefined();
  });
});

describe('roots people meet', () => {
  // Subjects as the public certificates carry them (src/rules/known-roots.ts cites where), in
  // Firefox's order and quoting.
  test.each([
    ['CN="Superfish, Inc.",C=US,ST=CA,L=SF,O="Superfish, Inc."', 'superfish'],
    ['CN=eDellRoot', 'edellroot'],
    ['CN=DSDTestProvider,O=DSDTestProvider,OU=DSDTestProvider', 'dsdtestprovider'],
    [
      'E=support@senncom.com,CN=SenncomRootCA,OU=R&D,O=Sennheiser Communications A/S,L="industriparken 27, 2750 Ballerup",ST=Denmark,C=DK',
      'senncom-root',
    ],
    ['CN=127.0.0.1,OU=R&D,O=Sennheiser Communications A/S,C=DK', 'senncom-localhost'],
  ])('%s is a root with a published key (%s)', (dn, id) => {
    expect(compromisedRootFor(dn)?.id).toBe(id);
  });

  test.each(['CN=127.0.0.1,O=Home Router', 'CN=eDellRoot 2,O=Dell', 'CN=Superfish Research CA,O=Other', 'CN=R11,O=Let’s Encrypt,C=US'])(
    '%s is not',
    (dn) => {
      expect(compromisedRootFor(dn)).toBeNull();
    },
  );

  test('ids are unique', () => {
    const ids = COMPROMISED_ROOTS.map((root) => root.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('the Russian state CA needs its name and the Ministry as the organisation', () => {
    expect(isRussianStateCa('CN=Russian Trusted Sub CA,O=The Ministry of Digital Development and Communications,C=RU')).toBe(true);
    expect(isRussianStateCa('CN=Russian Trusted Root CA, O=The Ministry of Digital Development and Communications, C=RU')).toBe(true);
    expect(isRussianStateCa('CN=Russian Trusted Root CA,O=Home Lab')).toBe(false);
    expect(isRussianStateCa('CN=Russian Trusted Root CA')).toBe(false);
    expect(isRussianStateCa('CN=GlobalSign GCC R46 DV TLS CA 2025,O=GlobalSign nv-sa,C=BE')).toBe(false);
  });

  test.each([
    ['online.sberbank.ru', '.ru'],
    ['GOSUSLUGI.RU.', '.ru'],
    ['xn--80aswg.xn--p1ai', '.рф'],
    ['example.su', '.su'],
    ['ru.example.com', null],
    ['example.run', null],
    ['example.com.ua', null],
  ])('%s is in the zone %s', (host, zone) => {
    expect(russianZoneOf(host)).toBe(zone);
  });

  test.each([
    ['intranet.example.com', true],
    ['jira.corp', true],
    ['wiki.internal.example.org', true],
    ['portal.intra.example.de', true],
    ['corporate.example.com', false],
    ['example.com', false],
    ['nas.local', false],
  ])('%s looks corporate: %s', (host, expected) => {
    expect(looksCorporate(host)).toBe(expected);
  });
});

describe('versions and the clock', () => {
  test('outdated Firefox', () => {
    expect(isOutdatedFirefox('128.14.0esr')).toBe(true);
    expect(isOutdatedFirefox('153.7.0esr')).toBe(false);
    expect(isOutdatedFirefox('160.0')).toBe(false);
    expect(isOutdatedFirefox('garbage')).toBe(false);
    expect(isOutdatedFirefox(null)).toBe(false);
  });

  test('reading the clock: unknown, right within 5 minutes, ahead or behind', () => {
    const estimate = (skewMs: number) => ({ skewMs, hosts: 3, spreadMs: 0, outliers: 0, confidence: 'high' as const });
    expect(readClock(null)).toBe('unknown');
    expect(readClock(estimate(4 * 60_000))).toBe('right');
    expect(readClock(estimate(6 * 60_000))).toBe('ahead');
    expect(readClock(estimate(-6 * 60_000))).toBe('behind');
  });
});

describe('readProxySettings', () => {
  test.each([
    [{ proxyType: 'none' }, { kind: 'none', where: '' }],
    [{ proxyType: 'system' }, { kind: 'system', where: '' }],
    [{ proxyType: 'autoDetect' }, { kind: 'auto-detect', where: '' }],
    [
      { proxyType: 'manual', http: 'proxy.corp:8080', ssl: 'proxy.corp:8443' },
      { kind: 'manual', where: 'proxy.corp:8443' },
    ],
    [
      { proxyType: 'manual', http: 'proxy.corp:8080', ssl: '' },
      { kind: 'manual', where: 'proxy.corp:8080' },
    ],
    [
      { proxyType: 'autoConfig', autoConfigUrl: 'http://wpad/wpad.dat' },
      { kind: 'script', where: 'http://wpad/wpad.dat' },
    ],
    [{ proxyType: 'weird' }, { kind: 'unknown', where: '' }],
    [null, { kind: 'unknown', where: '' }],
    [
      { proxyType: 'manual', ssl: 'x'.repeat(5000) },
      { kind: 'manual', where: 'x'.repeat(200) },
    ],
  ])('%j', (value, expected) => {
    expect(readProxySettings(value)).toEqual(expected);
  });
});
