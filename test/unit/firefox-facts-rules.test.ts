// Rules that encode facts checked in Firefox 153 and Mozilla's source. Each expectation is
// written from that fact (the source is named), so the test fails if the stale rule comes back.

import { CAUSES } from '../../src/guide/causes';
import { diagnose } from '../../src/diagnosis/diagnose';
import { chain, environment, exception, failed, history, loaded } from './support/snapshots';

const PUBLIC = 'https://shop.example.com/';

describe('key pinning (PublicKeyPinningService, NSSCertDBTrustDomain::IsChainValid)', () => {
  // security.cert_pinning.enforcement_level is 1 by default in Firefox 153 (about:config):
  // pins are skipped for chains that end at a root a user, an admin or software added. So the
  // chain that failed ends at a built-in root: a public certificate the site does not pin.
  test('a pinning failure is filed on the site side, not on the network or this device', () => {
    expect(CAUSES.pinning.side).toBe('site');
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
