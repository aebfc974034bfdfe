// Rules that encode facts checked in Firefox 153 and Mozilla's source. Each expectation is
// written from that fact (the source is named), so the test fails if the stale rule comes back.

import { CAUSES } from '../../src/guide/causes';
import { diagnose } from '../../src/diagnosis/diagnose';
import { environment, failed, history } from './support/snapshots';

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
