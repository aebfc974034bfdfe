// The check's prediction as the extension's own input: the snapshot the capture would record, so
// the extension's diagnosis explains the check's result (no second diagnosis for the command).

import { snapshotOfPrediction } from '../../src/check/check-snapshot';
import type { Measurements } from '../../src/check/measurements';
import { predict } from '../../src/check/predict';
import { diagnose } from '../../src/diagnosis/diagnose';
import { SERVED_CHAIN_REPLY } from '../../src/shared/served-chain';
import { DAY, NOW, usualChain, type Made } from './support/check-certificates';

function measured(certificates: readonly Made[]): Measurements {
  return {
    host: 'www.example.test',
    port: 8443,
    at: NOW,
    firefoxLike: {
      kind: SERVED_CHAIN_REPLY,
      version: 1,
      host: 'www.example.test',
      port: 8443,
      at: NOW,
      certificates: certificates.map((m) => m.view.der.toString('base64')),
      protocol: 'TLSv1.3',
      cipher: 'TLS_AES_128_GCM_SHA256',
      ocspStapled: false,
      failure: null,
    },
    versions: [],
    postQuantum: 'answered',
    wireOrder: null,
    fallbackCertificates: [],
  };
}

const environment = { os: null, firefoxVersion: '153', captivePortal: null, clock: null, now: NOW, warnBeforeExpiry: true };
const history = { lastGood: null, remembered: [], probes: {} };

test('a refused site is a failed load with the number Firefox reports, and the diagnosis reads the code from it', async () => {
  const { root, inter, end } = await usualChain('www.example.test', { notBefore: NOW - 100 * DAY, notAfter: NOW - DAY });
  const prediction = predict(measured([end, inter]), [{ view: root.view, source: 'added' }]);
  const snapshot = snapshotOfPrediction(prediction, 'www.example.test', 8443, NOW, 'TLSv1.3', null);
  const diagnosis = diagnose(snapshot, environment, history);
  expect({
    url: snapshot.url,
    status: snapshot.status,
    code: diagnosis.code,
    top: diagnosis.causes[0]?.id,
    security: snapshot.security,
  }).toEqual({
    url: 'https://www.example.test:8443/',
    status: 'failed',
    code: 'SEC_ERROR_EXPIRED_CERTIFICATE',
    top: 'cert-expired',
    security: undefined,
  });
});

test('a site that loads carries the chain Firefox would build, leaf to root; only a Mozilla root is "built in"', async () => {
  const { root, inter, end } = await usualChain('www.example.test');
  const shape = (source: 'added' | 'mozilla') => {
    const prediction = predict(measured([end, inter]), [{ view: root.view, source }]);
    const snapshot = snapshotOfPrediction(prediction, 'www.example.test', 8443, NOW, 'TLSv1.3', 'TLS_AES_128_GCM_SHA256');
    return {
      status: snapshot.status,
      chain: snapshot.security?.certificates.map((c) => [c.subject, c.isBuiltInRoot]),
      sha256: snapshot.security?.certificates[0]?.sha256 === end.view.sha256,
    };
  };
  expect([shape('added'), shape('mozilla')]).toEqual([
    {
      status: 'loaded',
      chain: [
        ['CN=www.example.test', false],
        ['CN=Test Intermediate', false],
        ['CN=Test Root', false],
      ],
      sha256: true,
    },
    {
      status: 'loaded',
      chain: [
        ['CN=www.example.test', false],
        ['CN=Test Intermediate', false],
        ['CN=Test Root', true],
      ],
      sha256: true,
    },
  ]);
});
