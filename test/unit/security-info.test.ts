import { needsServerCertificateRetry, summariseSecurityInfo } from '../../src/capture/security-info';
import { base64ToBytes } from '../../src/core/encoding/base64';
import { fakeCertificate, fakeSecurityInfo } from './fakes/security-info';

const URL_A = 'https://valid.lab.test/';

describe('summariseSecurityInfo', () => {
  test('keeps protocol facts and the chain, leaf first, with DER as base64', () => {
    const s = summariseSecurityInfo(fakeSecurityInfo({ hsts: true }), URL_A, 5);
    expect(s).toMatchObject({
      url: URL_A,
      at: 5,
      state: 'secure',
      protocolVersion: 'TLSv1.3',
      keaGroupName: 'x25519',
      hsts: true,
      overridableErrorCategory: null,
    });
    expect(s?.certificates.map((c) => c.subject)).toEqual([
      'CN=valid.lab.test',
      'CN=Cert Doctor Lab Intermediate',
      'CN=Cert Doctor Lab Root',
    ]);
    expect(Array.from(base64ToBytes(s?.certificates[0]?.derBase64 ?? ''))).toEqual([48, 130, 1, 10]);
    expect(s?.certificates[0]).toMatchObject({
      notBefore: 1_700_000_000_000,
      notAfter: 1_900_000_000_000,
      sha256: '11:22:33',
      spkiSha256: 'spki-digest',
    });
  });

  test('records the exception category after the person accepted the risk', () => {
    const s = summariseSecurityInfo(
      fakeSecurityInfo({ overridableErrorCategory: 'trust_error', isUntrusted: true, certificates: [fakeCertificate()] }),
      URL_A,
      1,
    );
    expect(s).toMatchObject({ overridableErrorCategory: 'trust_error', isUntrusted: true, isDomainMismatch: false });
  });

  test('an unknown category is not invented', () => {
    expect(
      summariseSecurityInfo(fakeSecurityInfo({ overridableErrorCategory: 'new_kind' }), URL_A, 1)?.overridableErrorCategory,
    ).toBeNull();
  });

  test('hostile or malformed fields are bounded and typed, never thrown on', () => {
    const s = summariseSecurityInfo(
      fakeSecurityInfo({
        protocolVersion: 42,
        hsts: 'yes',
        certificates: [
          fakeCertificate({ subject: '<script>'.repeat(1000), der: new Array<number>(20_000).fill(1) }),
          null,
          'x',
          ...Array.from({ length: 20 }, () => fakeCertificate()),
        ],
      }),
      URL_A,
      1,
    );
    expect(s?.protocolVersion).toBeNull();
    expect(s?.hsts).toBe(false);
    expect(s?.certificates[0]?.subject).toHaveLength(1000);
    expect(s?.certificates[0]?.derBase64).toBe('');
    expect(s?.certificates.length).toBeLessThanOrEqual(8);
  });

  test('no info at all gives null', () => {
    expect(summariseSecurityInfo(undefined, URL_A, 1)).toBeNull();
    expect(summariseSecurityInfo('broken', URL_A, 1)).toBeNull();
  });
});

describe('needsServerCertificateRetry (the certificates: [] gotcha after an exception)', () => {
  test.each([
    [{ overridableErrorCategory: 'domain_mismatch', certificates: [] }, true],
    [{ overridableErrorCategory: 'domain_mismatch', certificates: [fakeCertificate()] }, false],
    [{ certificates: [] }, false],
    [undefined, false],
  ])('%j -> %s', (info, expected) => {
    expect(needsServerCertificateRetry(info)).toBe(expected);
  });
});
