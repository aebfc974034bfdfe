import { badgeFor, cautionReasons, NO_BADGE } from '../../src/capture/badge';
import { recordCompletion, recordFailure, recordSecurity, startLoad } from '../../src/capture/navigation-state';
import { recordSubresourceFailure } from '../../src/capture/subresource-failures';
import { summariseSecurityInfo } from '../../src/capture/security-info';
import type { TabSnapshot } from '../../src/shared/tab-snapshot';
import { fakeCertificate, fakeSecurityInfo } from './fakes/security-info';
import { diagnose } from '../../src/diagnosis/diagnose';
import { environment, history } from './support/snapshots';

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
    expect(cautionReasons(loadedWith(fakeSecurityInfo({ certificates: builtInChain })), NOW, true)).toEqual([]);
  });
  test('a root that is not built in (interception or private CA)', () => {
    expect(cautionReasons(loadedWith(fakeSecurityInfo()), NOW, true)).toEqual(['root-not-built-in']);
  });
  test('an exception in use', () => {
    const info = fakeSecurityInfo({ overridableErrorCategory: 'expired_or_not_yet_valid', certificates: [fakeCertificate()] });
    expect(cautionReasons(loadedWith(info), NOW, true)).toContain('exception-in-use');
  });
  test("expiry judged by the certificate's own lifetime, as the diagnosis judges it", () => {
    // A 6-day certificate with 1.5 days left is past two thirds of its life: it should have been renewed.
    const sixDays = [fakeCertificate({ start: NOW - 4.5 * DAY, end: NOW + 1.5 * DAY }), builtInChain[1]];
    expect(cautionReasons(loadedWith(fakeSecurityInfo({ certificates: sixDays })), NOW, true)).toEqual(['expiring-soon']);
    // A 47-day certificate with 20 days left is not (a third of 47 days is under 16 days).
    const fortySevenDays = [fakeCertificate({ start: NOW - 27 * DAY, end: NOW + 20 * DAY }), builtInChain[1]];
    expect(cautionReasons(loadedWith(fakeSecurityInfo({ certificates: fortySevenDays })), NOW, true)).toEqual([]);
    // A 200-day certificate warns from 30 days before its end, not from a third of its life.
    const twoHundredDays = [fakeCertificate({ start: NOW - 160 * DAY, end: NOW + 40 * DAY }), builtInChain[1]];
    expect(cautionReasons(loadedWith(fakeSecurityInfo({ certificates: twoHundredDays })), NOW, true)).toEqual([]);
    const twoHundredDaysLate = [fakeCertificate({ start: NOW - 175 * DAY, end: NOW + 25 * DAY }), builtInChain[1]];
    expect(cautionReasons(loadedWith(fakeSecurityInfo({ certificates: twoHundredDaysLate })), NOW, true)).toEqual(['expiring-soon']);
  });
  test('no expiry caution when the person turned it off', () => {
    const sixDays = [fakeCertificate({ start: NOW - 4.5 * DAY, end: NOW + 1.5 * DAY }), builtInChain[1]];
    expect(cautionReasons(loadedWith(fakeSecurityInfo({ certificates: sixDays })), NOW, false)).toEqual([]);
  });
  test('TLS 1.0 / 1.1, or a state Firefox calls weak', () => {
    expect(cautionReasons(loadedWith(fakeSecurityInfo({ certificates: builtInChain, protocolVersion: 'TLSv1.1' })), NOW, true)).toEqual(['weak-protocol']);
    expect(cautionReasons(loadedWith(fakeSecurityInfo({ certificates: builtInChain, state: 'weak' })), NOW, true)).toEqual(['weak-protocol']);
  });
});

describe('badgeFor', () => {
  test('no snapshot, or a clean page: no badge', () => {
    expect(badgeFor(undefined, NOW, true)).toBe(NO_BADGE);
    expect(badgeFor(loadedWith(fakeSecurityInfo({ certificates: builtInChain })), NOW, true)).toBe(NO_BADGE);
  });
  test('a failed page gets the clear mark', () => {
    const failed = recordFailure(startLoad(1, URL_A, NOW), 1, URL_A, 'Error code 2153390069', NOW);
    expect(badgeFor(failed, NOW, true)).toMatchObject({ text: '!', titleKey: 'badgeTitleFailed' });
  });
  test('failed parts are counted, and win over a caution', () => {
    let s: TabSnapshot | undefined = loadedWith(fakeSecurityInfo());
    for (let i = 0; i < 3; i += 1) s = recordSubresourceFailure(s, { url: `https://x${i}.test/i.png`, type: 'image', error: 'e' });
    expect(badgeFor(s, NOW, true)).toMatchObject({ text: '3', titleKey: 'badgeTitleBrokenParts', titleSubstitutions: ['3'] });
  });
  test('over 99 failed parts read 99+', () => {
    const s = { ...loadedWith(fakeSecurityInfo()), subresourceFailureCount: 150 };
    expect(badgeFor(s, NOW, true).text).toBe('99+');
  });
  test('a loaded page that deserves a look gets the quiet mark', () => {
    expect(badgeFor(loadedWith(fakeSecurityInfo()), NOW, true)).toMatchObject({ text: '•', titleKey: 'badgeTitleCaution' });
  });
});

describe('the badge and the diagnosis agree on "expiring soon"', () => {
  // Lifetimes of today's certificates (6-day ACME, 47 and 100 days from SC-081, 398 days before it).
  const cases = [6, 47, 100, 398].flatMap((lifetime) => [0.1, 0.3, 0.5, 0.9].map((leftShare) => ({ lifetime, left: lifetime * leftShare })));
  test.each(cases)('$lifetime-day certificate with $left days left', ({ lifetime, left }) => {
    const certificates = [fakeCertificate({ start: NOW - (lifetime - left) * DAY, end: NOW + left * DAY }), builtInChain[1]];
    const snapshot = loadedWith(fakeSecurityInfo({ certificates }));
    const onBadge = cautionReasons(snapshot, NOW, true).includes('expiring-soon');
    const inDiagnosis = diagnose(snapshot, environment({ now: NOW }), history({})).causes.some((c) => c.id === 'expiring-soon');
    expect(onBadge).toBe(inDiagnosis);
    // And the rule itself: a third of the lifetime, 30 days at most.
    expect(onBadge).toBe(left <= Math.min(lifetime / 3, 30));
  });
  test('a loaded page under a root whose private key is public gets the loud mark', () => {
    const underEdell = [fakeCertificate({ issuer: 'CN=eDellRoot' }), fakeCertificate({ subject: 'CN=eDellRoot', issuer: 'CN=eDellRoot' })];
    expect(badgeFor(loadedWith(fakeSecurityInfo({ certificates: underEdell })), NOW, true)).toMatchObject({ text: '!', titleKey: 'badgeTitleDanger' });
  });
});
