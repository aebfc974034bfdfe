// Rules that encode facts checked in Firefox 153 and Mozilla's source. Each expectation is
// written from that fact (the source is named), so the test fails if the stale rule comes back.

import { CAUSES } from '../../src/rules/causes';
import { firefoxRsaFloor } from '../../src/diagnosis/key-size';
import { isOutdatedFirefox } from '../../src/diagnosis/firefox-version';
import { diagnose } from '../../src/diagnosis/diagnose';
import { chain, environment, exception, failed, history, loaded, memory, security } from './support/snapshots';

const PUBLIC = 'https://shop.example.com/';

describe('key pinning (PublicKeyPinningService, NSSCertDBTrustDomain::IsChainValid)', () => {
  // security.cert_pinning.enforcement_level is 1 by default in Firefox 153 (about:config):
  // pins are skipped for chains that end at a root a user, an admin or software added. So the
  // chain that failed ends at a built-in root: a public certificate the site does not pin.
  test('a pinning failure is filed on the site side, not on the network or this device', () => {
    expect(CAUSES.pinning.side).toBe('site');
  });
  test('software seen re-signing other sites ranks second: only at level 2 can its root trip a pin', () => {
    const avast = {
      host: 'news.example.net',
      issuer: 'CN=avast! Web/Mail Shield Root,O=avast! Web/Mail Shield',
      root: 'CN=avast! Web/Mail Shield Root,O=avast! Web/Mail Shield',
      rootBuiltIn: false,
    };
    const result = diagnose(
      failed(PUBLIC, 'MOZILLA_PKIX_ERROR_KEY_PINNING_FAILURE'),
      environment({}),
      history({ remembered: [memory(avast.host, avast)] }),
    );
    expect(result.causes.map((c) => c.id).slice(0, 2)).toEqual(['pinning', 'interception']);
    expect(result.causes[1]?.evidence).toContainEqual(expect.objectContaining({ kind: 'product-seen-elsewhere', product: 'Avast / AVG' }));
    expect(result.product?.id).toBe('avast');
    expect(result.verdict).toBe('danger');
  });
  test('without such software, interception gets no evidence here', () => {
    const result = diagnose(failed(PUBLIC, 'MOZILLA_PKIX_ERROR_KEY_PINNING_FAILURE'), environment({}), history({}));
    expect(result.product).toBeNull();
    expect(result.causes.find((c) => c.id === 'interception')?.confidence).toBe('low');
  });
  test('and it stays a danger: Firefox offers no way past it', () => {
    const result = diagnose(failed(PUBLIC, 'MOZILLA_PKIX_ERROR_KEY_PINNING_FAILURE'), environment({}), history({}));
    expect(result.causes[0]?.id).toBe('pinning');
    expect(result.verdict).toBe('danger');
    expect(result.bypass).toEqual({ rule: 'never', reason: 'not-overridable' });
  });
});

describe('an unknown issuer (NSSCertDBTrustDomain::FindIssuer, IssuerSource::PreloadedIntermediates)', () => {
  // security.remote_settings.intermediates.enabled is true by default (greprefs.js of Firefox
  // 153): desktop Firefox fills in every intermediate disclosed to the CCADB, even in a fresh
  // profile. A public site's missing intermediate rarely fails; a CA Firefox does not trust does.
  const order = (ids: readonly string[]): Record<string, number> => Object.fromEntries(ids.map((id, i) => [id, i]));

  test('a failed load: the unknown CA first, interception next, the missing intermediate after them', () => {
    const ids = diagnose(failed(PUBLIC, 'SEC_ERROR_UNKNOWN_ISSUER'), environment({}), history({})).causes.map((c) => c.id);
    const at = order(ids);
    expect(ids[0]).toBe('unknown-ca');
    expect(at['interception']).toBeLessThan(at['missing-intermediate'] ?? Infinity);
    expect(ids).toContain('missing-intermediate');
  });

  test('the site is at fault, not this device', () => {
    expect(CAUSES['unknown-ca'].side).toBe('site');
    expect(diagnose(failed(PUBLIC, 'SEC_ERROR_UNKNOWN_ISSUER'), environment({}), history({})).verdict).toBe('site-fault');
  });

  test('after an exception for a lone leaf: the unknown CA before the missing intermediate', async () => {
    const lone = (await chain({ dnsNames: ['shop.example.com'], rootBuiltIn: false })).slice(0, 1);
    const ids = diagnose(loaded(PUBLIC, exception(PUBLIC, lone, 'trust_error')), environment({}), history({})).causes.map((c) => c.id);
    const at = order(ids);
    expect(at['unknown-ca']).toBeLessThan(at['missing-intermediate'] ?? -1);
  });
});

describe('the RSA key floor (CertVerifier.cpp: MIN_RSA_BITS 2048, MIN_RSA_BITS_WEAK 1024)', () => {
  const rsaKeys = (modulusLength: number): Promise<CryptoKeyPair> =>
    crypto.subtle.generateKey(
      { name: 'RSASSA-PKCS1-v1_5', modulusLength, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
      true,
      ['sign', 'verify'],
    );
  const ids = (result: ReturnType<typeof diagnose>): string[] => result.causes.map((c) => c.id);

  test('2048 bits only for chains that end at a built-in root; 1024 for a root added to the device', () => {
    expect(firefoxRsaFloor(true)).toBe(2048);
    expect(firefoxRsaFloor(false)).toBe(1024);
  });

  test('an RSA-1024 leaf from a trusted private root loads (the lab saw it): a caution, not a refusal', async () => {
    const certificates = await chain({
      dnsNames: ['shop.example.com'],
      rootName: 'CN=Contoso Corporate Root',
      rootBuiltIn: false,
      leafKeys: await rsaKeys(1024),
    });
    const result = diagnose(loaded(PUBLIC, security(PUBLIC, certificates)), environment({}), history({}));
    expect(result.verdict).toBe('caution');
    expect(ids(result)).toContain('weak-key');
  });

  test('after an exception for a lone RSA-1536 leaf: the short key ranks before the missing intermediate', async () => {
    const lone = (await chain({ dnsNames: ['shop.example.com'], rootBuiltIn: false, leafKeys: await rsaKeys(1536) })).slice(0, 1);
    const ranked = ids(diagnose(loaded(PUBLIC, exception(PUBLIC, lone, 'trust_error')), environment({}), history({})));
    expect(ranked.indexOf('weak-key')).toBeGreaterThan(-1);
    expect(ranked.indexOf('weak-key')).toBeLessThan(ranked.indexOf('missing-intermediate'));
  });

  test('after an exception for a lone RSA-768 leaf: Firefox refuses that for any root, so the key is the cause', async () => {
    const lone = (await chain({ dnsNames: ['shop.example.com'], rootBuiltIn: false, leafKeys: await rsaKeys(768) })).slice(0, 1);
    const ranked = ids(diagnose(loaded(PUBLIC, exception(PUBLIC, lone, 'trust_error')), environment({}), history({})));
    expect(ranked.filter((id) => id !== 'exception-in-use')[0]).toBe('weak-key');
  });

  test('an RSA-2048 leaf is not weak', async () => {
    const certificates = await chain({
      dnsNames: ['shop.example.com'],
      rootName: 'CN=Contoso Corporate Root',
      rootBuiltIn: false,
      leafKeys: await rsaKeys(2048),
    });
    expect(ids(diagnose(loaded(PUBLIC, security(PUBLIC, certificates)), environment({}), history({})))).not.toContain('weak-key');
  });
});

describe('which Firefox is outdated (both ESR lines Mozilla updates in late 2026: 140 and 153; release versions before 153 are past their updates)', () => {
  test('ESR 128, and releases before 153 outside the ESR lines, are past their updates', () => {
    expect(isOutdatedFirefox('128.14.0')).toBe(true);
    expect(isOutdatedFirefox('141.0')).toBe(true);
    expect(isOutdatedFirefox('152.0.6')).toBe(true);
  });
  test('ESR 140, ESR 153 and the releases after 153 are not', () => {
    expect(isOutdatedFirefox('140.16.0')).toBe(false);
    expect(isOutdatedFirefox('153.8.0')).toBe(false);
    expect(isOutdatedFirefox('161.0')).toBe(false);
  });
});
