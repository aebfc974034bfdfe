// From measurements to Firefox's code: how each way a handshake can end maps to the code Firefox
// 153 reports (the lab's measured codes, test/lab/cases.ts), and how sure the check says it is.

import fc from 'fast-check';
import type { Measurements } from '../../src/check/measurements';
import { predict } from '../../src/check/predict';
import type { TrustAnchor } from '../../src/check/verify-chain';
import type { VersionSupport } from '../../src/check/tls-versions';
import { SERVED_CHAIN_REPLY, type ServedChain, type ServedFailure } from '../../src/shared/served-chain';
import { NOW, makeCert, usualChain, type Made } from './support/check-certificates';

function served(certificates: readonly Made[], failure: ServedFailure | null = null): ServedChain {
  return {
    kind: SERVED_CHAIN_REPLY,
    version: 1,
    host: 'www.example.test',
    port: 443,
    at: NOW,
    certificates: certificates.map((m) => m.view.der.toString('base64')),
    protocol: failure ? null : 'TLSv1.3',
    cipher: failure ? null : 'TLS_AES_128_GCM_SHA256',
    ocspStapled: false,
    failure,
  };
}

function versions(...accepted: VersionSupport['version'][]): VersionSupport[] {
  return (['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const).map((version) => ({
    version,
    accepted: accepted.includes(version),
    detail: accepted.includes(version) ? '' : 'protocol_version',
    certificates: [],
  }));
}

function measured(firefoxLike: ServedChain, extra: Partial<Measurements> = {}): Measurements {
  return {
    host: 'www.example.test',
    port: 443,
    at: NOW,
    firefoxLike,
    versions: versions('TLSv1.2', 'TLSv1.3'),
    postQuantum: 'answered',
    wireOrder: null,
    fallbackCertificates: [],
    ...extra,
  };
}

const added = (made: Made): TrustAnchor => ({ view: made.view, source: 'added' });

describe('the code Firefox would report, from how the handshake ended', () => {
  test.each([
    [{ kind: 'reset', detail: 'ECONNRESET' }, 'NS_ERROR_NET_RESET', 'refused'],
    [{ kind: 'closed', detail: 'closed' }, 'NS_ERROR_NET_RESET', 'refused'],
    [{ kind: 'not-tls', detail: 'wrong version number' }, 'SSL_ERROR_RX_RECORD_TOO_LONG', 'refused'],
    [{ kind: 'alert', detail: 'protocol_version' }, 'SSL_ERROR_PROTOCOL_VERSION_ALERT', 'refused'],
    [{ kind: 'alert', detail: 'certificate_required' }, 'SSL_ERROR_RX_CERTIFICATE_REQUIRED_ALERT', 'refused'],
    [{ kind: 'refused', detail: 'ECONNREFUSED' }, 'NS_ERROR_CONNECTION_REFUSED', 'refused'],
    [{ kind: 'dns', detail: 'ENOTFOUND' }, null, 'unchecked'],
    [{ kind: 'timeout', detail: 'no answer' }, null, 'unchecked'],
    [{ kind: 'other', detail: 'ERR_SSL_UNSUPPORTED_PROTOCOL unsupported protocol' }, 'SSL_ERROR_UNSUPPORTED_VERSION', 'refused'],
    [{ kind: 'other', detail: 'ERR_SOMETHING_ELSE' }, null, 'unchecked'],
  ] as const)('%j -> %s', (failure, code, status) => {
    const prediction = predict(measured(served([], failure)), []);
    expect({ code: prediction.code, status: prediction.status }).toEqual({ code, status });
  });

  test('a handshake_failure alert where Node (with DHE) gets through is no cipher overlap; where nothing gets through, the alert itself', () => {
    const alert: ServedFailure = { kind: 'alert', detail: 'handshake_failure' };
    expect(predict(measured(served([], alert)), []).code).toBe('SSL_ERROR_NO_CYPHER_OVERLAP');
    expect(predict(measured(served([], alert), { versions: versions() }), []).code).toBe('SSL_ERROR_HANDSHAKE_FAILURE_ALERT');
  });

  test('an ordinary hello works but the post-quantum one is reset: Firefox reports the reset', async () => {
    const { root, inter, end } = await usualChain('www.example.test');
    const prediction = predict(measured(served([end, inter]), { postQuantum: 'reset' }), [added(root)]);
    expect({ code: prediction.code, finding: prediction.findings.some((f) => f.kind === 'post-quantum-reset') }).toEqual({
      code: 'NS_ERROR_NET_RESET',
      finding: true,
    });
  });

  test("the error's number is Firefox's (webNavigation's \"Error code N\") for the shared diagnosis", () => {
    // sslerr.h: SSL_ERROR_RX_RECORD_TOO_LONG = SSL_ERROR_BASE (-0x3000) + 25 = -12263; PSM makes a
    // PRErrorCode c into 0x805a0000 + (-c) (src/core/error-codes/decode.ts cites both).
    expect(predict(measured(served([], { kind: 'not-tls', detail: '' })), []).number).toBe(0x805a0000 + 12263);
  });
});

describe('how sure the check is', () => {
  test('a chain that ends at a root nobody listed depends on the profile, and names the root', async () => {
    const { inter, end } = await usualChain('www.example.test');
    const prediction = predict(measured(served([end, inter])), []);
    expect({
      code: prediction.code,
      certainty: prediction.certainty,
      root: prediction.findings.find((f) => f.kind === 'root-not-mozilla'),
    }).toEqual({
      code: 'SEC_ERROR_UNKNOWN_ISSUER',
      certainty: 'depends-on-profile',
      root: { kind: 'root-not-mozilla', root: 'CN=Test Root' },
    });
  });

  test("a leaf sent alone, whose issuer is not a root, depends on Firefox's intermediates, and names the missing one", async () => {
    const { root, end } = await usualChain('www.example.test');
    const prediction = predict(measured(served([end])), [added(root)]);
    expect({ certainty: prediction.certainty, gap: prediction.findings.find((f) => f.kind === 'missing-intermediate') }).toEqual({
      certainty: 'depends-on-intermediates',
      gap: { kind: 'missing-intermediate', issuer: 'CN=Test Intermediate' },
    });
  });

  test('a chain to a root given with --ca loads, and the check says which root it relied on', async () => {
    const { root, inter, end } = await usualChain('www.example.test');
    const prediction = predict(measured(served([end, inter])), [added(root)]);
    expect({
      status: prediction.status,
      certainty: prediction.certainty,
      added: prediction.findings.find((f) => f.kind === 'root-added'),
    }).toEqual({
      status: 'loads',
      certainty: 'exact',
      added: { kind: 'root-added', root: 'CN=Test Root' },
    });
  });

  test('the certificates shown are the wire order when the TLS 1.2 probe saw it; a stray one does not hurt', async () => {
    const { root, inter, end } = await usualChain('www.example.test');
    const stray = await makeCert({ name: 'CN=Stray' });
    const wire = [end, stray, inter].map((m) => m.view.der.toString('base64'));
    const prediction = predict(measured(served([end, inter]), { wireOrder: wire }), [added(root)]);
    expect({ order: prediction.order, certificates: prediction.certificates, code: prediction.code }).toEqual({
      order: 'wire',
      certificates: wire,
      code: null,
    });
  });
});

test('whatever bytes a server sends as certificates, the prediction is a refusal with a code, never an exception', () => {
  fc.assert(
    fc.property(fc.array(fc.uint8Array({ minLength: 1, maxLength: 400 }), { minLength: 1, maxLength: 4 }), (ders) => {
      const chain = { ...served([]), certificates: ders.map((der) => Buffer.from(der).toString('base64')) };
      const prediction = predict(measured(chain), []);
      return prediction.status === 'refused' && prediction.code !== null;
    }),
    { numRuns: 200 },
  );
});
