// The check's verification "as Firefox would", over certificates made here. Each expected code is
// what Firefox's source says for that case (src/check/verify-chain.ts cites the files); the error
// order is the point of several tests: which problem Firefox names when there are two.

import { isSelfSigned } from '../../src/check/certificate-view';
import { verifyAsFirefox, type TrustAnchor } from '../../src/check/verify-chain';
import { DAY, NOW, dnsNameConstraints, ecKeys, makeCert, rsaKeys, usualChain, type Made } from './support/check-certificates';
import { dnsNameWithin } from '../../src/check/name-constraints';

function added(made: Made): TrustAnchor {
  return { view: made.view, source: 'added' };
}

function verify(served: readonly Made[], anchors: readonly TrustAnchor[], host: string, at = NOW) {
  return verifyAsFirefox({ served: served.map((m) => m.view), anchors, host, at });
}

describe('verification as Firefox would', () => {
  test('a complete chain to a trusted root, for the right name, is accepted; the path ends at the root', async () => {
    const { root, inter, end } = await usualChain('www.example.test');
    const result = verify([end, inter], [added(root)], 'www.example.test');
    expect({ code: result.code, path: result.path.map((v) => v.parsed.subject) }).toEqual({
      code: null,
      path: ['CN=www.example.test', 'CN=Test Intermediate', 'CN=Test Root'],
    });
  });

  test('the order the server sends does not matter, and unrelated certificates are ignored (Firefox searches them all)', async () => {
    const { root, inter, end } = await usualChain('www.example.test');
    const stranger = await makeCert({ name: 'CN=Unrelated CA', ca: true });
    expect(verify([end, stranger, inter], [added(root)], 'www.example.test').code).toBeNull();
  });

  test('without the intermediate: unknown issuer', async () => {
    const { root, end } = await usualChain('www.example.test');
    expect(verify([end], [added(root)], 'www.example.test').code).toBe('SEC_ERROR_UNKNOWN_ISSUER');
  });

  test('an expired leaf: expired; an expired leaf of an unknown issuer: unknown issuer first (pkixbuild.cpp defers the leaf)', async () => {
    const { root, inter, end } = await usualChain('www.example.test', { notBefore: NOW - 100 * DAY, notAfter: NOW - DAY });
    expect(verify([end, inter], [added(root)], 'www.example.test').code).toBe('SEC_ERROR_EXPIRED_CERTIFICATE');
    expect(verify([end, inter], [], 'www.example.test').code).toBe('SEC_ERROR_UNKNOWN_ISSUER');
  });

  test('an expired leaf for the wrong name: the name mismatch wins (CertVerifier.cpp: "a more serious error")', async () => {
    const { root, inter, end } = await usualChain('other.example.test', { notBefore: NOW - 100 * DAY, notAfter: NOW - DAY });
    expect(verify([end, inter], [added(root)], 'www.example.test').code).toBe('SSL_ERROR_BAD_CERT_DOMAIN');
  });

  test('a leaf not valid yet', async () => {
    const { root, inter, end } = await usualChain('www.example.test', { notBefore: NOW + DAY, notAfter: NOW + 90 * DAY });
    expect(verify([end, inter], [added(root)], 'www.example.test').code).toBe('MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE');
  });

  test('an expired intermediate is named as the issuer: SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE', async () => {
    const { root, inter, end } = await usualChain('www.example.test', {}, { notBefore: NOW - 400 * DAY, notAfter: NOW - 30 * DAY });
    expect(verify([end, inter], [added(root)], 'www.example.test').code).toBe('SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE');
  });

  test('a self-signed leaf: MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT, not unknown issuer', async () => {
    const self = await makeCert({ name: 'CN=router.home.arpa', dnsNames: ['router.home.arpa'] });
    expect(isSelfSigned(self.view)).toBe(true);
    expect(verify([self], [], 'router.home.arpa').code).toBe('MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT');
  });

  test('the common name is never read: a certificate without subjectAltName fits no name', async () => {
    const root = await makeCert({ name: 'CN=Test Root', ca: true });
    const leaf = await makeCert({ name: 'CN=www.example.test', issuer: root });
    expect(verify([leaf], [added(root)], 'www.example.test').code).toBe('SSL_ERROR_BAD_CERT_DOMAIN');
  });

  test('a wildcard covers one whole label: *.example.test fits a.example.test, not a.b.example.test or example.test', async () => {
    const root = await makeCert({ name: 'CN=Test Root', ca: true });
    const leaf = await makeCert({ name: 'CN=wild', issuer: root, dnsNames: ['*.example.test'] });
    const code = (host: string) => verify([leaf], [added(root)], host).code;
    expect([code('a.example.test'), code('a.b.example.test'), code('example.test')]).toEqual([
      null,
      'SSL_ERROR_BAD_CERT_DOMAIN',
      'SSL_ERROR_BAD_CERT_DOMAIN',
    ]);
  });

  test('a CA certificate used as the site certificate', async () => {
    const root = await makeCert({ name: 'CN=Test Root', ca: true });
    const leaf = await makeCert({ name: 'CN=www.example.test', issuer: root, ca: true, dnsNames: ['www.example.test'] });
    expect(verify([leaf], [added(root)], 'www.example.test').code).toBe('MOZILLA_PKIX_ERROR_CA_CERT_USED_AS_END_ENTITY');
  });

  test('a site certificate signed with SHA-1 is refused even under a root the profile added', async () => {
    const root = await makeCert({ name: 'CN=Test Root', ca: true, keys: await rsaKeys(2048, 'SHA-1') });
    const leaf = await makeCert({ name: 'CN=www.example.test', issuer: root, dnsNames: ['www.example.test'] });
    expect(verify([leaf], [added(root)], 'www.example.test').code).toBe('SEC_ERROR_CERT_SIGNATURE_ALGORITHM_DISABLED');
  });

  test('RSA key size: 1024 bits pass under an added root, not under a built-in one; under 1024 never', async () => {
    const root = await makeCert({ name: 'CN=Test Root', ca: true });
    const leaf1024 = await makeCert({ name: 'CN=a.example.test', issuer: root, dnsNames: ['a.example.test'], keys: await rsaKeys(1024) });
    const leaf512 = await makeCert({ name: 'CN=b.example.test', issuer: root, dnsNames: ['b.example.test'], keys: await rsaKeys(512) });
    expect([
      verify([leaf1024], [added(root)], 'a.example.test').code,
      verify([leaf1024], [{ view: root.view, source: 'mozilla' }], 'a.example.test').code,
      verify([leaf512], [added(root)], 'b.example.test').code,
    ]).toEqual([null, 'MOZILLA_PKIX_ERROR_INADEQUATE_KEY_SIZE', 'MOZILLA_PKIX_ERROR_INADEQUATE_KEY_SIZE']);
  });

  test('a certificate whose signature does not verify with its issuer key does not link', async () => {
    const root = await makeCert({ name: 'CN=Test Root', ca: true });
    const impostor = await makeCert({ name: 'CN=Test Root', ca: true, keys: await ecKeys() });
    const leaf = await makeCert({ name: 'CN=www.example.test', issuer: impostor, dnsNames: ['www.example.test'] });
    expect(verify([leaf], [added(root)], 'www.example.test').code).toBe('SEC_ERROR_BAD_SIGNATURE');
  });

  test('an intermediate that may issue only leaves (pathLen 0) above another intermediate: the path length is broken', async () => {
    const root = await makeCert({ name: 'CN=Test Root', ca: true });
    const first = await makeCert({ name: 'CN=Only Leaves', ca: true, pathLength: 0, issuer: root });
    const second = await makeCert({ name: 'CN=Below It', ca: true, issuer: first });
    const leaf = await makeCert({ name: 'CN=www.example.test', issuer: second, dnsNames: ['www.example.test'] });
    const direct = await makeCert({ name: 'CN=direct.example.test', issuer: first, dnsNames: ['direct.example.test'] });
    expect([
      verify([leaf, second, first], [added(root)], 'www.example.test').code,
      verify([direct, first], [added(root)], 'direct.example.test').code,
    ]).toEqual(['SEC_ERROR_PATH_LEN_CONSTRAINT_INVALID', null]);
  });

  test('name constraints: an intermediate limited to example.test issues for shop.example.test, not for example.org (nor an excluded subtree)', async () => {
    const root = await makeCert({ name: 'CN=Test Root', ca: true });
    const limited = await makeCert({
      name: 'CN=Limited',
      ca: true,
      issuer: root,
      extraExtensions: [dnsNameConstraints(['example.test'], ['secret.example.test'])],
    });
    const leafFor = (host: string) => makeCert({ name: `CN=${host}`, issuer: limited, dnsNames: [host] });
    const inside = await leafFor('shop.example.test');
    const outside = await leafFor('shop.example.org');
    const excluded = await leafFor('a.secret.example.test');
    expect([
      verify([inside, limited], [added(root)], 'shop.example.test').code,
      verify([outside, limited], [added(root)], 'shop.example.org').code,
      verify([excluded, limited], [added(root)], 'a.secret.example.test').code,
    ]).toEqual([null, 'SEC_ERROR_CERT_NOT_IN_NAME_SPACE', 'SEC_ERROR_CERT_NOT_IN_NAME_SPACE']);
  });

  test('a DNS name constraint covers the name and its subdomains; a leading dot only the subdomains', () => {
    expect([
      dnsNameWithin('example.test', 'example.test'),
      dnsNameWithin('a.example.test', 'example.test'),
      dnsNameWithin('badexample.test', 'example.test'),
      dnsNameWithin('example.test', '.example.test'),
      dnsNameWithin('a.example.test', '.example.test'),
    ]).toEqual([true, true, false, false, true]);
  });
});
