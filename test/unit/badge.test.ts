import { badgeFor, NO_BADGE } from '../../src/capture/badge';
import { recordCompletion, recordFailure, recordSecurity, startLoad } from '../../src/capture/navigation-state';
import { recordSubresourceFailure } from '../../src/capture/subresource-failures';
import { summariseSecurityInfo } from '../../src/capture/security-info';
import type { TabSnapshot } from '../../src/shared/tab-snapshot';
import { fakeCertificate, fakeSecurityInfo } from './fakes/security-info';
import { diagnose } from '../../src/diagnosis/diagnose';
import { environment, history } from './support/snapshots';
import { recorded } from './support/report-input';

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

/** The badge of a snapshot once the background has diagnosed it. */
function diagnosedBadge(snapshot: TabSnapshot, now = NOW): ReturnType<typeof badgeFor> {
  return badgeFor(snapshot, diagnose(snapshot, environment({ now }), history({})));
}

describe('badgeFor', () => {
  test('no snapshot: no badge', () => {
    expect(badgeFor(undefined, null)).toBe(NO_BADGE);
  });
  test('a failed page gets the clear mark at once, before any diagnosis', () => {
    const failed = recordFailure(startLoad(1, URL_A, NOW), 1, URL_A, 'Error code 2153390069', NOW);
    expect(badgeFor(failed, null)).toMatchObject({ text: '!', titleKey: 'badgeTitleFailed' });
  });
  test('failed parts are counted at once, and win over a caution', () => {
    let s: TabSnapshot | undefined = loadedWith(fakeSecurityInfo());
    for (let i = 0; i < 3; i += 1) s = recordSubresourceFailure(s, { url: `https://x${i}.test/i.png`, type: 'image', error: 'e' });
    expect(badgeFor(s, null)).toMatchObject({ text: '3', titleKey: 'badgeTitleBrokenParts', titleSubstitutions: ['3'] });
    expect(badgeFor(s, { verdict: 'caution' })).toMatchObject({ text: '3' });
  });
  test('over 99 failed parts read 99+', () => {
    const s = { ...loadedWith(fakeSecurityInfo()), subresourceFailureCount: 150 };
    expect(badgeFor(s, null).text).toBe('99+');
  });
  test("whether a loaded page deserves a look is the diagnosis's verdict, and waits for it", () => {
    const underAddedRoot = loadedWith(fakeSecurityInfo());
    expect(badgeFor(underAddedRoot, null)).toBe(NO_BADGE);
    expect(badgeFor(underAddedRoot, { verdict: 'caution' })).toMatchObject({ text: '•', titleKey: 'badgeTitleCaution' });
    expect(badgeFor(underAddedRoot, { verdict: 'ok' })).toBe(NO_BADGE);
    expect(badgeFor(underAddedRoot, { verdict: 'danger' })).toMatchObject({ text: '!', titleKey: 'badgeTitleDanger' });
  });
});

describe('the badge of loaded pages, from their diagnosis', () => {
  test('a chain that ends at a built-in root, valid for months, on TLS 1.3: no badge', () => {
    const certificates = [fakeCertificate({ start: NOW - 10 * DAY, end: NOW + 80 * DAY }), builtInChain[1]];
    expect(diagnosedBadge(loadedWith(fakeSecurityInfo({ certificates, protocolVersion: 'TLSv1.3' })))).toBe(NO_BADGE);
  });
  test('an old protocol: the quiet mark (TLS 1.0 as Firefox names it, "TLSv1", and as "TLSv1.0")', () => {
    for (const protocolVersion of ['TLSv1', 'TLSv1.0', 'TLSv1.1']) {
      expect(diagnosedBadge(loadedWith(fakeSecurityInfo({ certificates: builtInChain, protocolVersion })))).toMatchObject({ text: '•' });
    }
  });
  // Lifetimes of today's certificates (6-day ACME, 47 and 100 days from SC-081, 398 days before it):
  // the quiet mark once a third of the lifetime is left, 30 days at most (core/certificate/renewal.ts).
  const cases = [6, 47, 100, 398].flatMap((lifetime) =>
    [0.1, 0.3, 0.5, 0.9].map((leftShare) => ({ lifetime, left: lifetime * leftShare })),
  );
  test.each(cases)('expiry: a $lifetime-day certificate with $left days left', ({ lifetime, left }) => {
    const certificates = [fakeCertificate({ start: NOW - (lifetime - left) * DAY, end: NOW + left * DAY }), builtInChain[1]];
    const badge = diagnosedBadge(loadedWith(fakeSecurityInfo({ certificates, protocolVersion: 'TLSv1.3' })));
    expect(badge.text).toBe(left <= Math.min(lifetime / 3, 30) ? '•' : '');
  });
});

describe('the badge of recorded lab loads (test/lab/cases.ts)', () => {
  test.each([
    // The lab's root is one the test profile trusts, not one built into Firefox: worth a look.
    ['valid', '•'],
    ['russian-root-trusted', '•'],
    ['interception', '•'],
    // eDellRoot's private key is public: anyone could have made this page.
    ['compromised-root', '!'],
    // One image fails (test/lab/cases.ts subresource-failure).
    ['subresource-failure', '1'],
    ['expired', '!'],
    ['wrong-host', '!'],
  ])('%s: "%s"', (caseId, text) => {
    const { snapshot, recordedAt } = recorded(caseId);
    expect(diagnosedBadge(snapshot, recordedAt).text).toBe(text);
  });
});
