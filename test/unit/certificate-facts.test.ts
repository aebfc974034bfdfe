// The background parses each certificate once and reuses the facts while the same certificate
// comes back; the reuse must never hand one certificate's facts to another.
import { certificateFacts } from '../../src/views/certificate-facts';
import { chain } from './support/snapshots';

describe('certificate facts, parsed once per certificate', () => {
  test('the same chain twice gives the same facts, and another chain its own names', async () => {
    const shop = await chain({ dnsNames: ['shop.example.com', 'www.shop.example.com'] });
    const bank = await chain({ dnsNames: ['bank.example.org'] });
    const first = certificateFacts(shop);
    expect(first.parsed[0]?.names).toEqual(['shop.example.com', 'www.shop.example.com']);
    expect(certificateFacts(shop)).toEqual(first);
    expect(certificateFacts(bank).parsed[0]?.names).toEqual(['bank.example.org']);
    // The test chains share fingerprint fields ("sha256"): only the DER may tell them apart.
    expect(shop[0]?.sha256).toBe(bank[0]?.sha256);
  });

  test('a certificate without its DER has no facts, and a broken DER none either', () => {
    const base = {
      subject: 'CN=x',
      issuer: 'CN=y',
      notBefore: 0,
      notAfter: 1,
      sha256: 'a',
      sha1: 'b',
      serialNumber: '01',
      isBuiltInRoot: false,
      spkiSha256: 'c',
    };
    const facts = certificateFacts([
      { ...base, derBase64: '' },
      { ...base, derBase64: 'AAAA' },
    ]);
    expect(facts.parsed).toEqual([null, null]);
  });
});
