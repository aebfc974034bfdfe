// What kind of problem each cause is: whose side it is on, what it means for the verdict when
// it is the most likely cause of a failed load, and which Mozilla support article explains it.
// The words are in src/guide/text/<lang>/causes-*.json.

import type { CauseId } from './cause-ids';

/** Whose side the problem is on, as the popup says it. */
export type Side = 'device' | 'network' | 'site';

/** The verdict a failed load gets when this cause ranks first. */
export type FailureVerdict = 'fix-here' | 'site-fault' | 'danger';

/**
 * Topics of Mozilla's support site as Firefox's own error pages link them
 * (the pref app.support.baseURL, firefox.js line 522 in Firefox 153, plus the topic, as
 * aboutNetError.mjs builds its links).
 */
export type SupportTopic =
  | 'connection-not-secure'
  | 'time-errors'
  | 'security-error'
  | 'symantec-warning'
  | 'error-codes-secure-websites'
  | 'automatically-trust-third-party-certificates'
  // The topic HTTPS-Only mode's own error page links (httpsonlyerror/errorpage.js in Firefox 153).
  | 'https-only-prefs';

export interface CauseMeta {
  readonly side: Side;
  readonly verdict: FailureVerdict;
  readonly support: SupportTopic;
}

const device = (support: SupportTopic, verdict: FailureVerdict = 'fix-here'): CauseMeta => ({ side: 'device', verdict, support });
const network = (support: SupportTopic, verdict: FailureVerdict = 'fix-here'): CauseMeta => ({ side: 'network', verdict, support });
const site = (support: SupportTopic, verdict: FailureVerdict = 'site-fault'): CauseMeta => ({ side: 'site', verdict, support });

export const CAUSES: Readonly<Record<CauseId, CauseMeta>> = {
  'clock-behind': device('time-errors'),
  'clock-ahead': device('time-errors'),
  interception: device('error-codes-secure-websites'),
  'private-ca': network('automatically-trust-third-party-certificates'),
  'client-tls-prefs': device('security-error'),
  'exception-in-use': device('connection-not-secure'),
  'cert-store-corrupt': device('error-codes-secure-websites'),
  'firefox-outdated': device('security-error'),
  'local-device': network('error-codes-secure-websites'),
  'captive-portal': network('connection-not-secure'),
  'connection-reset': network('security-error'),
  'proxy-problem': network('security-error'),
  'dns-not-found': network('security-error'),
  'site-unreachable': network('security-error'),
  'middlebox-tls': network('security-error'),
  'self-signed': site('error-codes-secure-websites'),
  'missing-intermediate': site('error-codes-secure-websites'),
  'unknown-ca': site('error-codes-secure-websites'),
  'name-mismatch-www': site('error-codes-secure-websites'),
  'name-mismatch-wildcard': site('error-codes-secure-websites'),
  'shared-hosting': site('error-codes-secure-websites'),
  'name-mismatch': site('error-codes-secure-websites'),
  'unrecognized-name': site('security-error'),
  'cert-expired': site('time-errors'),
  'cert-not-yet-valid': site('time-errors'),
  'issuer-expired': site('time-errors'),
  'weak-signature': site('error-codes-secure-websites'),
  'weak-key': site('error-codes-secure-websites'),
  'malformed-certificate': site('error-codes-secure-websites'),
  'distrusted-ca': site('symantec-warning', 'danger'),
  'ct-missing': site('error-codes-secure-websites'),
  revoked: site('error-codes-secure-websites', 'danger'),
  'ocsp-problem': site('security-error'),
  hsts: site('connection-not-secure'),
  // Firefox enforces its built-in pins only for chains ending at a built-in root (pref
  // security.cert_pinning.enforcement_level 1, the default), so a root added for antivirus or
  // company inspection never trips them: what fails is a public certificate outside the pin set.
  pinning: site('error-codes-secure-websites', 'danger'),
  'server-old-tls': site('security-error'),
  'no-common-cipher': site('security-error'),
  'http-on-https-port': site('security-error'),
  'client-cert-rejected': device('security-error'),
  'cert-changed': site('connection-not-secure'),
  'expiring-soon': site('connection-not-secure'),
  'part-failed': site('connection-not-secure'),
  // An unknown failure: the steps are things the person can try, so it is theirs to act on.
  unknown: device('connection-not-secure'),
  // Issue 10: roots people meet
  'russian-state-ca': device('automatically-trust-third-party-certificates'),
  // The site chose a certificate authority Firefox does not ship; only its owner can change that.
  'russian-state-ca-missing': site('error-codes-secure-websites'),
  'compromised-root': device('error-codes-secure-websites', 'danger'),
  'linux-store-ignored': device('automatically-trust-third-party-certificates'),
  'https-only-unavailable': site('https-only-prefs'),
  'pq-or-ech-blocked': network('security-error'),
  'dns-block-page': network('connection-not-secure'),
};

/** Firefox's own support link form: https://support.mozilla.org/1/firefox/<version>/<os>/<locale>/<topic>. */
export function supportUrl(topic: SupportTopic, firefoxVersion: string, os: string, locale: string): string {
  const osName = { win: 'WINNT', mac: 'Darwin', android: 'Android' }[os] ?? 'Linux';
  const version = /^\d+(\.\d+)*[a-z0-9]*$/i.test(firefoxVersion) ? firefoxVersion : '153.0';
  const lang = /^[a-z]{2,3}(-[A-Z]{2})?$/.test(locale) ? locale : 'en-US';
  return `https://support.mozilla.org/1/firefox/${version}/${osName}/${lang}/${topic}`;
}
