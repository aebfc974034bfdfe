// Each certificate's DER is parsed once, however many readers need it: the diagnosis's chain
// facts and the view's certificate facts, on every remake of a tab's view.

import * as parseDer from '../../src/core/certificate/parse-der';
import { chainFacts } from '../../src/diagnosis/chain-facts';
import { certificateFacts } from '../../src/views/certificate-facts';
import { recorded } from './support/report-input';

test('the diagnosis and the view parse a recorded chain once per certificate, across remakes', () => {
  const security = recorded('valid').snapshot.security;
  const chain = security?.certificates ?? [];
  const distinct = new Set(chain.map((c) => c.derBase64).filter(Boolean)).size;
  expect(distinct).toBeGreaterThan(0);
  const parse = jest.spyOn(parseDer, 'parseCertificateDer');
  try {
    for (let remake = 0; remake < 3; remake += 1) {
      expect(chainFacts(security)).not.toBeNull();
      expect(certificateFacts(chain).parsed.every((facts) => facts !== null)).toBe(true);
    }
    // Another test may already have parsed them (the memory is per module): at most once each.
    expect(parse.mock.calls.length).toBeLessThanOrEqual(distinct);
  } finally {
    parse.mockRestore();
  }
});

test("the PEM of a chain is the library's encoding of each DER, in order", () => {
  const chain = recorded('valid').snapshot.security?.certificates ?? [];
  const pem = certificateFacts(chain).pem;
  const blocks = pem.split('-----END CERTIFICATE-----\n').filter(Boolean);
  expect(blocks).toHaveLength(chain.length);
  blocks.forEach((block, i) => {
    const body = block.replace('-----BEGIN CERTIFICATE-----\n', '').replace(/\n/g, '');
    expect(body).toBe(chain[i]?.derBase64);
    // RFC 7468: lines of 64 characters at most.
    expect(block.split('\n').every((line) => line.length <= 64)).toBe(true);
  });
});
