// The check's prediction as the extension's own input: a TabSnapshot like the one the capture
// records in Firefox, so the same diagnosis (src/diagnosis) and report (src/report) explain it.
// A refused site becomes a failed load with the code's number (what webNavigation gives); a site
// that loads becomes a loaded page with the chain Firefox would build, leaf to root, as
// getSecurityInfo gives it.

import { createHash } from 'node:crypto';
import type { CapturedCertificate, CapturedSecurity, TabSnapshot } from '../shared/tab-snapshot';
import { colonHex, type CertificateView } from './certificate-view';
import type { Prediction } from './predict';

/** No tab: the check is not a browser. */
export const CHECK_TAB_ID = -1;

export function siteUrl(host: string, port: number): string {
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return port === 443 ? `https://${shownHost}/` : `https://${shownHost}:${port}/`;
}

export function snapshotOfPrediction(
  prediction: Prediction,
  host: string,
  port: number,
  at: number,
  protocol: string | null,
  cipher: string | null,
): TabSnapshot {
  const url = siteUrl(host, port);
  if (prediction.code !== null) {
    return {
      schema: 2,
      tabId: CHECK_TAB_ID,
      url,
      startedAt: at,
      status: 'failed',
      failure: { errorNumber: prediction.number, rawError: prediction.code, at },
    };
  }
  const security: CapturedSecurity = {
    url,
    host: port === 443 ? host : `${host}:${port}`,
    at,
    state: 'secure',
    protocolVersion: protocol,
    cipherSuite: cipher,
    keaGroupName: null,
    signatureSchemeName: null,
    certificateTransparencyStatus: null,
    hsts: false,
    usedEch: false,
    usedOcsp: false,
    usedPrivateDns: false,
    overridableErrorCategory: null,
    isUntrusted: false,
    isDomainMismatch: false,
    isNotValidAtThisTime: false,
    certificates: prediction.path.map((view, index) =>
      capturedCertificate(view, index === prediction.path.length - 1 && prediction.anchor?.source === 'mozilla'),
    ),
  };
  return { schema: 2, tabId: CHECK_TAB_ID, url, startedAt: at, status: 'loaded', security };
}

/** One certificate in the shape getSecurityInfo gives it (fingerprints as Firefox writes them). */
export function capturedCertificate(view: CertificateView, isBuiltInRoot: boolean): CapturedCertificate {
  const parsed = view.parsed;
  return {
    subject: parsed.subject,
    issuer: parsed.issuer,
    notBefore: parsed.notBefore,
    notAfter: parsed.notAfter,
    sha256: view.sha256,
    sha1: colonHex(createHash('sha1').update(view.der).digest()),
    serialNumber: parsed.serialNumber,
    isBuiltInRoot,
    spkiSha256: createHash('sha256').update(view.spki).digest('base64'),
    derBase64: view.der.toString('base64'),
  };
}
