import { badgeFor, cautionReasons, NO_BADGE } from '../../src/capture/badge';
import { recordCompletion, recordFailure, recordSecurity, startLoad } from '../../src/capture/navigation-state';
import { recordSubresourceFailure } from '../../src/capture/subresource-failures';
import { summariseSecurityInfo } from '../../src/capture/security-info';
import type { TabSnapshot } from '../../src/shared/tab-snapshot';
import { fakeCertificate, fakeSecurityInfo } from './fakes/security-info';

const NOW = 1_800_000_000_000;
const DAY = 86_400_000;
const URL_A = 'https://a.test/';
const context = { incognito: false, cookieStoreId: null };

function loadedWith(info: Record<string, unknown>): TabSnapshot {
  const security = summariseSecurityInfo(info, URL_A, NOW);
  if (!security) throw new Error('fixture');
  return recordCompletion(recordSecurity(startLoad(1, URL_A, NOW), 1, security, context, NOW), 1, URL_A, NOW);
}

const builtInChain = [fakeCertificate(), fakeCertificate({ subject: 'CN=Public Root', builtIn: true })];

describe('cautionReasons', () => {
  test('a public chain, far from expiry, over TLS 1.3: nothing', () => {
    expect(cautionReasons(loadedWith(fakeSecurityInfo({ certificates: builtInChain })), NOW, 14)).toEqual([]);
  });
  test('a root that is not built in (interception or private CA)', () => {
    expect(cautionReasons(loadedWith(fakeSecurityInfo()), NOW, 14)).toEqual(['root-not-built-in']);
  });
  test('an exception in use', () => {
    const info = fakeSecurityInfo({ overridableErrorCategory: 'expired_or_not_yet_valid', certificates: [fakeCertificate()] });
    expect(cautionReasons(loadedWith(info), NOW, 14)).toContain('exception-in-use');
  });
  test('expiry inside the warning period, and not outside it', () => {
    const soon = [fakeCertificate({ end: NOW + 3 * DAY }), builtInChain[1]];
    expect(cautionReasons(loadedWith(fakeSecurityInfo({ certificates: soon })), NOW, 14)).toEqual(['expiring-soon']);
    expect(cautionReasons(loadedWith(fakeSecurityInfo({ certificates: soon })), NOW, 2)).toEqual([]);
  });
  test('TLS 1.0 / 1.1, or a state Firefox calls weak', () => {
    expect(cautionReasons(loadedWith(fakeSecurityInfo({ certificates: builtInChain, protocolVersion: 'TLSv1.1' })), NOW, 14)).toEqual(['weak-protocol']);
    expect(cautionReasons(loadedWith(fakeSecurityInfo({ certificates: builtInChain, state: 'weak' })), NOW, 14)).toEqual(['weak-protocol']);
  });
});

describe('badgeFor', () => {
  test('no snapshot, or a clean page: no badge', () => {
    expect(badgeFor(undefined, NOW, 14)).toBe(NO_BADGE);
    expect(badgeFor(loadedWith(fakeSecurityInfo({ certificates: builtInChain })), NOW, 14)).toBe(NO_BADGE);
  });
  test('a failed page gets the clear mark', () => {
    const failed = recordFailure(startLoad(1, URL_A, NOW), 1, URL_A, 'Error code 2153390069', NOW);
    expect(badgeFor(failed, NOW, 14)).toMatchObject({ text: '!', titleKey: 'badgeTitleFailed' });
  });
  test('failed parts are counted, and win over a caution', () => {
    let s: TabSnapshot | undefined = loadedWith(fakeSecurityInfo());
    for (let i = 0; i < 3; i += 1) s = recordSubresourceFailure(s, { url: `https://x${i}.test/i.png`, type: 'image', error: 'e' });
    expect(badgeFor(s, NOW, 14)).toMatchObject({ text: '3', titleKey: 'badgeTitleBrokenParts', titleSubstitutions: ['3'] });
  });
  test('over 99 failed parts read 99+', () => {
    const s = { ...loadedWith(fakeSecurityInfo()), subresourceFailureCount: 150 };
    expect(badgeFor(s, NOW, 14).text).toBe('99+');
  });
  test('a loaded page that deserves a look gets the quiet mark', () => {
    expect(badgeFor(loadedWith(fakeSecurityInfo()), NOW, 14)).toMatchObject({ text: '•', titleKey: 'badgeTitleCaution' });
  });
  test('a loaded page under a root whose private key is public gets the loud mark', () => {
    const underEdell = [fakeCertificate({ issuer: 'CN=eDellRoot' }), fakeCertificate({ subject: 'CN=eDellRoot', issuer: 'CN=eDellRoot' })];
    expect(badgeFor(loadedWith(fakeSecurityInfo({ certificates: underEdell })), NOW, 14)).toMatchObject({ text: '!', titleKey: 'badgeTitleDanger' });
  });
});
