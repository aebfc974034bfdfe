// diagnose(): every cause id with a case where the evidence points to it and one where it must
// not, plus the verdict and Firefox's bypass rule. Snapshots are written by hand here and
// recorded from the lab in test/e2e/diagnosis.test.ts.

import { diagnose } from '../../src/diagnosis/diagnose';
import type { Diagnosis } from '../../src/diagnosis/types';
import { CAUSE_IDS, type CauseId } from '../../src/rules/cause-ids';
import type { TabSnapshot } from '../../src/shared/tab-snapshot';
import type { DiagnosisEnvironment, DiagnosisHistory } from '../../src/diagnosis/inputs';
import { chain, clock, DAY, environment, exception, failed, history, loaded, memory, NOW, security } from './support/snapshots';

const HOUR = 60 * 60_000;
const PUBLIC = 'https://shop.example.com/';

interface Case {
  readonly name: string;
  readonly snapshot: () => Promise<TabSnapshot> | TabSnapshot;
  readonly env?: Partial<DiagnosisEnvironment>;
  readonly hist?: Partial<DiagnosisHistory>;
  /** The cause expected first, or null for none at all. */
  readonly top?: CauseId | null;
  readonly includes?: readonly CauseId[];
  readonly excludes?: readonly CauseId[];
  readonly notTop?: CauseId;
  readonly verdict?: Diagnosis['verdict'];
  readonly bypass?: string;
}

const run = async (c: Case): Promise<Diagnosis> => diagnose(await c.snapshot(), environment(c.env ?? {}), history(c.hist ?? {}));

// The Ministry's names as the lab's PKI writes them, and as Firefox writes them in getSecurityInfo.
const RUSSIAN_ROOT = 'CN=Russian Trusted Root CA, O=The Ministry of Digital Development and Communications, C=RU';
const RUSSIAN_ROOT_FIREFOX = 'CN=Russian Trusted Root CA,O=The Ministry of Digital Development and Communications,C=RU';
const RUSSIAN_SUB = 'CN=Russian Trusted Sub CA,O=The Ministry of Digital Development and Communications,C=RU';

const avastMemory = memory('news.example.net', {
  issuer: 'CN=avast! Web/Mail Shield Root,O=avast! Web/Mail Shield',
  root: 'CN=avast! Web/Mail Shield Root,O=avast! Web/Mail Shield',
  rootBuiltIn: false,
});

const CASES: Case[] = [
  // The clock, measured.
  {
    name: 'clock-behind: not yet valid, clock 3 h behind',
    snapshot: () => failed(PUBLIC, 'MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE'),
    env: { clock: clock(-3 * HOUR) },
    top: 'clock-behind',
    verdict: 'fix-here',
    bypass: 'discouraged:fix-clock',
  },
  {
    name: 'clock-behind: not when the clock is right',
    snapshot: () => failed(PUBLIC, 'MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE'),
    env: { clock: clock(20_000) },
    top: 'cert-not-yet-valid',
    excludes: ['clock-behind', 'clock-ahead'],
    verdict: 'site-fault',
    bypass: 'discouraged:public-site',
  },
  {
    name: 'clock-ahead: expired, clock 3 days ahead',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_EXPIRED_CERTIFICATE'),
    env: { clock: clock(3 * DAY) },
    top: 'clock-ahead',
    excludes: ['clock-behind'],
    verdict: 'fix-here',
  },
  {
    name: 'clock-ahead: 3 h ahead is a possibility, not the cause',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_EXPIRED_CERTIFICATE'),
    env: { clock: clock(3 * HOUR) },
    top: 'cert-expired',
    includes: ['clock-ahead'],
    verdict: 'site-fault',
  },
  {
    name: 'clock-ahead: not when the clock is right',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_EXPIRED_CERTIFICATE'),
    env: { clock: clock(-40_000) },
    top: 'cert-expired',
    excludes: ['clock-ahead'],
  },
  {
    name: 'clock-behind: a clock behind cannot make a certificate look expired',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_EXPIRED_CERTIFICATE'),
    env: { clock: clock(-3 * DAY) },
    top: 'cert-expired',
    excludes: ['clock-behind', 'clock-ahead'],
    verdict: 'site-fault',
  },
  {
    name: 'clock: a clock years off shows up even for an unknown issuer',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_UNKNOWN_ISSUER'),
    env: { clock: clock(-400 * DAY) },
    includes: ['clock-behind'],
    top: 'unknown-ca',
  },
  // Interception.
  {
    name: 'interception: MITM detected, product unknown: danger',
    snapshot: () => failed(PUBLIC, 'MOZILLA_PKIX_ERROR_MITM_DETECTED'),
    top: 'interception',
    verdict: 'danger',
    bypass: 'discouraged:danger',
  },
  {
    name: 'interception: MITM detected with Avast seen on other sites',
    snapshot: () => failed(PUBLIC, 'MOZILLA_PKIX_ERROR_MITM_DETECTED'),
    hist: { remembered: [avastMemory] },
    top: 'interception',
    verdict: 'fix-here',
  },
  {
    name: 'interception: unknown issuer with Avast seen elsewhere ranks it second',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_UNKNOWN_ISSUER'),
    hist: { remembered: [avastMemory] },
    top: 'unknown-ca',
    includes: ['interception'],
  },
  {
    name: 'interception: a loaded page signed by Avast',
    snapshot: async () =>
      loaded(
        PUBLIC,
        security(
          PUBLIC,
          await chain({
            dnsNames: ['shop.example.com'],
            rootName: 'CN=avast! Web/Mail Shield Root, O=avast! Web/Mail Shield',
            rootBuiltIn: false,
          }),
        ),
      ),
    top: 'interception',
    verdict: 'caution',
  },
  {
    name: 'interception: not on a page with a built-in root',
    snapshot: async () => loaded(PUBLIC, security(PUBLIC, await chain({ dnsNames: ['shop.example.com'] }))),
    top: null,
    excludes: ['interception', 'private-ca'],
    verdict: 'ok',
  },
  // Roots added to this device.
  {
    name: 'private-ca: loaded, root not built in, no product',
    snapshot: async () =>
      loaded(
        PUBLIC,
        security(PUBLIC, await chain({ dnsNames: ['shop.example.com'], rootName: 'CN=Contoso Corporate Root', rootBuiltIn: false })),
      ),
    top: 'private-ca',
    excludes: ['interception'],
    verdict: 'caution',
  },
  {
    name: 'private-ca: a local host with an unknown issuer',
    snapshot: () => failed('https://nas.lan/', 'SEC_ERROR_UNKNOWN_ISSUER'),
    top: 'local-device',
    includes: ['private-ca'],
    bypass: 'acceptable:own-device',
  },
  // The person's Firefox.
  {
    name: 'client-tls-prefs: no ciphers enabled',
    snapshot: () => failed(PUBLIC, 'SSL_ERROR_NO_CIPHERS_SUPPORTED'),
    top: 'client-tls-prefs',
    verdict: 'fix-here',
    bypass: 'never:not-overridable',
  },
  {
    name: 'client-tls-prefs: not the first guess for a server without common ciphers',
    snapshot: () => failed(PUBLIC, 'SSL_ERROR_NO_CYPHER_OVERLAP'),
    top: 'no-common-cipher',
    notTop: 'client-tls-prefs',
    verdict: 'site-fault',
    bypass: 'never:not-overridable',
  },
  {
    name: 'exception-in-use: loaded through an exception',
    snapshot: async () =>
      loaded(PUBLIC, exception(PUBLIC, await chain({ dnsNames: ['shop.example.com'], selfSigned: true }), 'trust_error')),
    top: 'exception-in-use',
    includes: ['self-signed'],
    verdict: 'caution',
  },
  {
    name: 'exception-in-use: not on a normal load',
    snapshot: async () => loaded(PUBLIC, security(PUBLIC, await chain({ dnsNames: ['shop.example.com'] }))),
    excludes: ['exception-in-use'],
    top: null,
    verdict: 'ok',
  },
  {
    name: 'cert-store-corrupt: the last resort for an unknown issuer',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_UNKNOWN_ISSUER'),
    includes: ['cert-store-corrupt'],
    notTop: 'cert-store-corrupt',
  },
  {
    name: 'cert-store-corrupt: not for an expired certificate',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_EXPIRED_CERTIFICATE'),
    excludes: ['cert-store-corrupt'],
    top: 'cert-expired',
  },
  {
    name: 'firefox-outdated: Firefox 128',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_UNKNOWN_ISSUER'),
    env: { firefoxVersion: '128.14.0' },
    includes: ['firefox-outdated'],
  },
  {
    name: 'firefox-outdated: not Firefox 153',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_UNKNOWN_ISSUER'),
    env: { firefoxVersion: '153.7.0' },
    excludes: ['firefox-outdated'],
    top: 'unknown-ca',
  },
  // The person's network.
  {
    name: 'local-device: a router with a self-signed certificate',
    snapshot: () => failed('https://router.home.arpa/', 'MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT'),
    top: 'local-device',
    verdict: 'fix-here',
    bypass: 'acceptable:own-device',
  },
  {
    name: 'local-device: a private IP address',
    snapshot: () => failed('https://192.168.1.1:8443/', 'SSL_ERROR_BAD_CERT_DOMAIN'),
    top: 'local-device',
    bypass: 'acceptable:own-device',
  },
  {
    name: 'local-device: not a public host',
    snapshot: () => failed(PUBLIC, 'MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT'),
    top: 'self-signed',
    notTop: 'local-device',
    verdict: 'site-fault',
    bypass: 'discouraged:public-site',
  },
  {
    name: 'captive-portal: Firefox sees a locked portal',
    snapshot: () => failed(PUBLIC, 'SSL_ERROR_BAD_CERT_DOMAIN'),
    env: { captivePortal: 'locked_portal' },
    top: 'captive-portal',
    verdict: 'fix-here',
  },
  {
    name: 'captive-portal: not when there is none',
    snapshot: () => failed(PUBLIC, 'SSL_ERROR_BAD_CERT_DOMAIN'),
    env: { captivePortal: 'not_captive' },
    notTop: 'captive-portal',
    top: 'name-mismatch',
  },
  {
    name: 'connection-reset: the handshake was cut',
    snapshot: () => failed(PUBLIC, 'NS_ERROR_NET_RESET'),
    top: 'connection-reset',
    verdict: 'fix-here',
    bypass: 'never:not-overridable',
  },
  {
    name: 'connection-reset: not for a name that does not resolve',
    snapshot: () => failed(PUBLIC, 'NS_ERROR_UNKNOWN_HOST'),
    top: 'dns-not-found',
    excludes: ['connection-reset'],
  },
  { name: 'proxy-problem: the proxy refused', snapshot: () => failed(PUBLIC, 'NS_ERROR_PROXY_CONNECTION_REFUSED'), top: 'proxy-problem' },
  {
    name: 'proxy-problem: not for a reset',
    snapshot: () => failed(PUBLIC, 'NS_ERROR_NET_RESET'),
    excludes: ['proxy-problem'],
    top: 'connection-reset',
  },
  { name: 'dns-not-found: unknown host', snapshot: () => failed(PUBLIC, 'NS_ERROR_UNKNOWN_HOST'), top: 'dns-not-found' },
  {
    name: 'dns-not-found: not for a refused connection',
    snapshot: () => failed(PUBLIC, 'NS_ERROR_CONNECTION_REFUSED'),
    excludes: ['dns-not-found'],
    top: 'site-unreachable',
  },
  { name: 'site-unreachable: refused', snapshot: () => failed(PUBLIC, 'NS_ERROR_CONNECTION_REFUSED'), top: 'site-unreachable' },
  {
    name: 'site-unreachable: not for a certificate error',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_EXPIRED_CERTIFICATE'),
    excludes: ['site-unreachable'],
    top: 'cert-expired',
  },
  {
    name: 'middlebox-tls: an illegal parameter alert',
    snapshot: () => failed(PUBLIC, 'SSL_ERROR_ILLEGAL_PARAMETER_ALERT'),
    top: 'middlebox-tls',
  },
  {
    name: 'middlebox-tls: not for a certificate error',
    snapshot: () => failed(PUBLIC, 'MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT'),
    excludes: ['middlebox-tls'],
    top: 'self-signed',
  },
  // The site.
  {
    name: 'missing-intermediate: listed for an unknown issuer, after the CA itself (public intermediates are preloaded)',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_UNKNOWN_ISSUER'),
    includes: ['missing-intermediate'],
    notTop: 'missing-intermediate',
  },
  {
    name: 'unknown-ca: first for an unknown issuer on a public site',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_UNKNOWN_ISSUER'),
    top: 'unknown-ca',
    verdict: 'site-fault',
    bypass: 'discouraged:public-site',
  },
  {
    name: 'unknown-ca: not for a self-signed certificate',
    snapshot: () => failed(PUBLIC, 'MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT'),
    excludes: ['unknown-ca'],
    top: 'self-signed',
  },
  {
    name: 'missing-intermediate: after an exception, a lone leaf from an unknown CA',
    snapshot: async () =>
      loaded(PUBLIC, exception(PUBLIC, (await chain({ dnsNames: ['shop.example.com'], rootBuiltIn: false })).slice(0, 1), 'trust_error')),
    includes: ['missing-intermediate'],
    excludes: ['self-signed'],
  },
  {
    name: 'missing-intermediate: not for a self-signed certificate',
    snapshot: () => failed(PUBLIC, 'MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT'),
    excludes: ['missing-intermediate'],
    top: 'self-signed',
  },
  {
    name: 'name-mismatch-www: a bare name, not yet checked',
    snapshot: () => failed('https://example.com/', 'SSL_ERROR_BAD_CERT_DOMAIN'),
    top: 'name-mismatch-www',
    verdict: 'site-fault',
    bypass: 'discouraged:public-site',
  },
  {
    name: 'name-mismatch-www: the www twin works',
    snapshot: () => failed(PUBLIC, 'SSL_ERROR_BAD_CERT_DOMAIN'),
    hist: { probes: { www: 'works' } },
    top: 'name-mismatch-www',
  },
  {
    name: 'name-mismatch-www: the twin fails too',
    snapshot: () => failed('https://example.com/', 'SSL_ERROR_BAD_CERT_DOMAIN'),
    hist: { probes: { www: 'fails' } },
    notTop: 'name-mismatch-www',
    top: 'name-mismatch',
  },
  {
    name: 'name-mismatch-www: after an exception, the certificate names the twin',
    snapshot: async () =>
      loaded('https://example.com/', exception('https://example.com/', await chain({ dnsNames: ['www.example.com'] }), 'domain_mismatch')),
    top: 'exception-in-use',
    includes: ['name-mismatch-www'],
    excludes: ['name-mismatch'],
  },
  {
    name: 'name-mismatch-wildcard: a deep name',
    snapshot: () => failed('https://a.b.example.com/', 'SSL_ERROR_BAD_CERT_DOMAIN'),
    top: 'name-mismatch-wildcard',
  },
  {
    name: 'name-mismatch-wildcard: after an exception, *.example.com for a.b.example.com',
    snapshot: async () =>
      loaded(
        'https://a.b.example.com/',
        exception('https://a.b.example.com/', await chain({ dnsNames: ['*.example.com'] }), 'domain_mismatch'),
      ),
    includes: ['name-mismatch-wildcard'],
    excludes: ['name-mismatch', 'shared-hosting'],
  },
  {
    name: 'name-mismatch-wildcard: not the first guess for a shallow name',
    snapshot: () => failed(PUBLIC, 'SSL_ERROR_BAD_CERT_DOMAIN'),
    notTop: 'name-mismatch-wildcard',
    top: 'name-mismatch',
  },
  {
    name: 'shared-hosting: a certificate naming eight other sites',
    snapshot: async () =>
      loaded(
        PUBLIC,
        exception(
          PUBLIC,
          await chain({
            dnsNames: [
              'host.example.net',
              'a.example.org',
              'b.example.io',
              'c.example.de',
              'd.example.fr',
              'e.example.ru',
              'f.example.it',
              'g.example.es',
            ],
          }),
          'domain_mismatch',
        ),
      ),
    includes: ['shared-hosting'],
    excludes: ['name-mismatch'],
  },
  {
    name: 'shared-hosting: not for a certificate of one other site',
    snapshot: async () => loaded(PUBLIC, exception(PUBLIC, await chain({ dnsNames: ['other.example.org'] }), 'domain_mismatch')),
    includes: ['name-mismatch'],
    excludes: ['shared-hosting'],
  },
  {
    name: 'name-mismatch: a host of three labels',
    snapshot: () => failed('https://wrong-host.example.org/', 'SSL_ERROR_BAD_CERT_DOMAIN'),
    top: 'name-mismatch',
  },
  {
    name: 'unrecognized-name: the server has no certificate for the name',
    snapshot: () => failed(PUBLIC, 'SSL_ERROR_UNRECOGNIZED_NAME_ALERT'),
    top: 'unrecognized-name',
    bypass: 'never:not-overridable',
  },
  {
    name: 'unrecognized-name: not for a plain mismatch',
    snapshot: () => failed(PUBLIC, 'SSL_ERROR_BAD_CERT_DOMAIN'),
    excludes: ['unrecognized-name'],
    top: 'name-mismatch',
  },
  {
    name: 'cert-expired: after an exception, the dates say so with the clock right',
    snapshot: async () =>
      loaded(PUBLIC, exception(PUBLIC, await chain({ dnsNames: ['shop.example.com'], validity: 'expired' }), 'expired_or_not_yet_valid')),
    env: { clock: clock(1000) },
    includes: ['cert-expired'],
    excludes: ['clock-ahead'],
  },
  {
    name: 'cert-expired: not when the certificate was valid at the true time and the clock is 100 days ahead',
    snapshot: async () =>
      loaded(PUBLIC, exception(PUBLIC, await chain({ dnsNames: ['shop.example.com'], now: NOW - 100 * DAY }), 'expired_or_not_yet_valid')),
    env: { clock: clock(100 * DAY) },
    includes: ['clock-ahead'],
    excludes: ['cert-expired'],
  },
  {
    name: 'cert-not-yet-valid: after an exception, a certificate from next month',
    snapshot: async () =>
      loaded(
        PUBLIC,
        exception(PUBLIC, await chain({ dnsNames: ['shop.example.com'], validity: 'not-yet-valid' }), 'expired_or_not_yet_valid'),
      ),
    env: { clock: clock(0) },
    includes: ['cert-not-yet-valid'],
  },
  {
    name: 'cert-not-yet-valid: not for an expired one',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_EXPIRED_CERTIFICATE'),
    excludes: ['cert-not-yet-valid'],
    top: 'cert-expired',
  },
  {
    name: 'issuer-expired: an expired intermediate',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE'),
    env: { clock: clock(0) },
    top: 'issuer-expired',
    verdict: 'site-fault',
    bypass: 'discouraged:public-site',
  },
  {
    name: 'issuer-expired: not for the leaf expiring',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_EXPIRED_CERTIFICATE'),
    excludes: ['issuer-expired'],
    top: 'cert-expired',
  },
  {
    name: 'weak-signature: SHA-1 disabled',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_CERT_SIGNATURE_ALGORITHM_DISABLED'),
    top: 'weak-signature',
  },
  {
    name: 'weak-signature: not for a key size error',
    snapshot: () => failed(PUBLIC, 'MOZILLA_PKIX_ERROR_INADEQUATE_KEY_SIZE'),
    excludes: ['weak-signature'],
    top: 'weak-key',
  },
  { name: 'weak-key: inadequate key size', snapshot: () => failed(PUBLIC, 'MOZILLA_PKIX_ERROR_INADEQUATE_KEY_SIZE'), top: 'weak-key' },
  {
    name: 'weak-key: not for an EC key on a loaded page',
    snapshot: async () => loaded(PUBLIC, security(PUBLIC, await chain({ dnsNames: ['shop.example.com'] }))),
    excludes: ['weak-key'],
    top: null,
    verdict: 'ok',
  },
  {
    name: 'malformed-certificate: bad DER',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_BAD_DER'),
    top: 'malformed-certificate',
    bypass: 'never:not-overridable',
  },
  {
    name: 'malformed-certificate: not for a name mismatch',
    snapshot: () => failed(PUBLIC, 'SSL_ERROR_BAD_CERT_DOMAIN'),
    excludes: ['malformed-certificate'],
    top: 'name-mismatch',
  },
  {
    name: 'distrusted-ca: a CA distrusted by policy',
    snapshot: () => failed(PUBLIC, 'MOZILLA_PKIX_ERROR_ADDITIONAL_POLICY_CONSTRAINT_FAILED'),
    top: 'distrusted-ca',
    verdict: 'danger',
  },
  {
    name: 'distrusted-ca: not for an unknown issuer',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_UNKNOWN_ISSUER'),
    excludes: ['distrusted-ca'],
    top: 'unknown-ca',
  },
  {
    name: 'ct-missing: no CT proofs',
    snapshot: () => failed(PUBLIC, 'MOZILLA_PKIX_ERROR_INSUFFICIENT_CERTIFICATE_TRANSPARENCY'),
    top: 'ct-missing',
  },
  {
    name: 'ct-missing: not for a revoked certificate',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_REVOKED_CERTIFICATE'),
    excludes: ['ct-missing'],
    top: 'revoked',
  },
  {
    name: 'revoked: danger, no way around',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_REVOKED_CERTIFICATE'),
    top: 'revoked',
    verdict: 'danger',
    bypass: 'never:not-overridable',
  },
  {
    name: 'revoked: not for an expired certificate',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_EXPIRED_CERTIFICATE'),
    excludes: ['revoked'],
    top: 'cert-expired',
  },
  {
    name: 'ocsp-problem: a bad OCSP signature',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_OCSP_BAD_SIGNATURE'),
    top: 'ocsp-problem',
    bypass: 'never:not-overridable',
  },
  {
    name: 'ocsp-problem: not for a revoked certificate',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_REVOKED_CERTIFICATE'),
    excludes: ['ocsp-problem'],
    top: 'revoked',
  },
  {
    name: 'hsts: a site that sent HSTS before cannot be bypassed',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_UNKNOWN_ISSUER'),
    hist: { lastGood: memory('shop.example.com', { hsts: true }) },
    top: 'unknown-ca',
    includes: ['hsts', 'cert-changed'],
    bypass: 'never:hsts',
  },
  {
    name: 'hsts: not without the memory of it',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_UNKNOWN_ISSUER'),
    hist: { lastGood: memory('shop.example.com') },
    excludes: ['hsts'],
    bypass: 'discouraged:public-site',
    top: 'unknown-ca',
  },
  {
    name: 'pinning: key pins do not match',
    snapshot: () => failed(PUBLIC, 'MOZILLA_PKIX_ERROR_KEY_PINNING_FAILURE'),
    top: 'pinning',
    verdict: 'danger',
    bypass: 'never:not-overridable',
  },
  {
    name: 'pinning: not for an unknown issuer',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_UNKNOWN_ISSUER'),
    excludes: ['pinning'],
    top: 'unknown-ca',
  },
  {
    name: 'server-old-tls: TLS 1.0 only',
    snapshot: () => failed(PUBLIC, 'SSL_ERROR_PROTOCOL_VERSION_ALERT'),
    top: 'server-old-tls',
    verdict: 'site-fault',
    bypass: 'never:old-tls',
  },
  {
    name: 'server-old-tls: a page loaded over TLS 1.0',
    snapshot: async () => loaded(PUBLIC, security(PUBLIC, await chain({ dnsNames: ['shop.example.com'] }), { protocolVersion: 'TLSv1' })),
    top: 'server-old-tls',
    verdict: 'caution',
  },
  {
    name: 'server-old-tls: not over TLS 1.3',
    snapshot: async () => loaded(PUBLIC, security(PUBLIC, await chain({ dnsNames: ['shop.example.com'] }))),
    excludes: ['server-old-tls'],
    top: null,
    verdict: 'ok',
  },
  { name: 'no-common-cipher: DHE only', snapshot: () => failed(PUBLIC, 'SSL_ERROR_NO_CYPHER_OVERLAP'), top: 'no-common-cipher' },
  {
    name: 'no-common-cipher: not for an old protocol',
    snapshot: () => failed(PUBLIC, 'SSL_ERROR_PROTOCOL_VERSION_ALERT'),
    excludes: ['no-common-cipher'],
    top: 'server-old-tls',
  },
  {
    name: 'http-on-https-port: plain HTTP answered',
    snapshot: () => failed(PUBLIC, 'SSL_ERROR_RX_RECORD_TOO_LONG'),
    top: 'http-on-https-port',
    verdict: 'site-fault',
    bypass: 'never:not-overridable',
  },
  {
    name: 'http-on-https-port: not for a reset',
    snapshot: () => failed(PUBLIC, 'NS_ERROR_NET_RESET'),
    excludes: ['http-on-https-port'],
    top: 'connection-reset',
  },
  {
    name: 'client-cert-rejected: a certificate is required',
    snapshot: () => failed(PUBLIC, 'SSL_ERROR_RX_CERTIFICATE_REQUIRED_ALERT'),
    top: 'client-cert-rejected',
    verdict: 'fix-here',
    bypass: 'never:not-overridable',
  },
  {
    name: 'client-cert-rejected: not for an unknown issuer',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_UNKNOWN_ISSUER'),
    excludes: ['client-cert-rejected'],
    top: 'unknown-ca',
  },
  {
    name: 'cert-changed: a new root since the last visit',
    snapshot: async () =>
      loaded(PUBLIC, security(PUBLIC, await chain({ dnsNames: ['shop.example.com'] })), {
        certificateChange: { change: 'new-root', previous: memory('shop.example.com') },
      }),
    top: 'cert-changed',
    verdict: 'caution',
  },
  {
    name: 'cert-changed: a routine renewal with a new key is not worth a mention',
    snapshot: async () =>
      loaded(PUBLIC, security(PUBLIC, await chain({ dnsNames: ['shop.example.com'] })), {
        certificateChange: { change: 'new-key', previous: memory('shop.example.com') },
      }),
    top: null,
    excludes: ['cert-changed'],
    verdict: 'ok',
  },
  {
    name: 'expiring-soon: ten days left of ninety',
    snapshot: async () => loaded(PUBLIC, security(PUBLIC, await chain({ dnsNames: ['shop.example.com'], now: NOW - 80 * DAY }))),
    top: 'expiring-soon',
    verdict: 'caution',
  },
  {
    name: 'expiring-soon: not when the person turned the warning off',
    snapshot: async () => loaded(PUBLIC, security(PUBLIC, await chain({ dnsNames: ['shop.example.com'], now: NOW - 80 * DAY }))),
    env: { warnBeforeExpiry: false },
    excludes: ['expiring-soon'],
    top: null,
    verdict: 'ok',
  },
  {
    name: 'expiring-soon: not with forty days left of ninety',
    snapshot: async () => loaded(PUBLIC, security(PUBLIC, await chain({ dnsNames: ['shop.example.com'], now: NOW - 50 * DAY }))),
    excludes: ['expiring-soon'],
    top: null,
    verdict: 'ok',
  },
  {
    name: 'part-failed: two images failed',
    snapshot: async () => loaded(PUBLIC, security(PUBLIC, await chain({ dnsNames: ['shop.example.com'] })), { subresourceFailureCount: 2 }),
    top: 'part-failed',
    verdict: 'caution',
  },
  {
    name: 'part-failed: not when everything loaded',
    snapshot: async () => loaded(PUBLIC, security(PUBLIC, await chain({ dnsNames: ['shop.example.com'] })), { subresourceFailureCount: 0 }),
    excludes: ['part-failed'],
    top: null,
    verdict: 'ok',
  },
  {
    name: 'unknown: Firefox gave no number',
    snapshot: () => failed(PUBLIC, null),
    top: 'unknown',
    verdict: 'fix-here',
    bypass: 'never:not-overridable',
  },
  { name: 'unknown: a number in no table', snapshot: () => failed(PUBLIC, null, 123456), top: 'unknown' },
  {
    name: 'unknown: not for a known code',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_EXPIRED_CERTIFICATE'),
    excludes: ['unknown'],
    top: 'cert-expired',
  },
  // Issue 10: roots people meet.
  {
    name: "russian-state-ca: a loaded page under the Ministry's root, added to this device",
    snapshot: async () =>
      loaded(PUBLIC, security(PUBLIC, await chain({ dnsNames: ['shop.example.com'], rootName: RUSSIAN_ROOT, rootBuiltIn: false }))),
    top: 'russian-state-ca',
    excludes: ['private-ca', 'interception'],
    verdict: 'caution',
  },
  {
    name: 'russian-state-ca: not for a home-made root that only borrows the name',
    snapshot: async () =>
      loaded(
        PUBLIC,
        security(
          PUBLIC,
          await chain({ dnsNames: ['shop.example.com'], rootName: 'CN=Russian Trusted Root CA, O=Home Lab', rootBuiltIn: false }),
        ),
      ),
    top: 'private-ca',
    excludes: ['russian-state-ca'],
    verdict: 'caution',
  },
  {
    name: 'russian-state-ca-missing: an unknown issuer on a .ru site is possibly the state root',
    snapshot: () => failed('https://online.bank.ru/', 'SEC_ERROR_UNKNOWN_ISSUER'),
    top: 'russian-state-ca-missing',
    includes: ['missing-intermediate'],
    verdict: 'site-fault',
    bypass: 'discouraged:public-site',
  },
  {
    name: 'russian-state-ca-missing: a .рф site, in punycode as Firefox gives it',
    snapshot: () => failed('https://xn--80aswg.xn--p1ai/', 'SEC_ERROR_UNKNOWN_ISSUER'),
    top: 'russian-state-ca-missing',
  },
  {
    name: 'russian-state-ca-missing: the last good certificate came from the state CA',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_UNKNOWN_ISSUER'),
    hist: { lastGood: memory('shop.example.com', { issuer: RUSSIAN_SUB, root: RUSSIAN_ROOT_FIREFOX, rootBuiltIn: false }) },
    top: 'russian-state-ca-missing',
    includes: ['cert-changed'],
  },
  {
    name: 'russian-state-ca-missing: after an exception, the chain names the state CA',
    snapshot: async () =>
      loaded(
        PUBLIC,
        exception(PUBLIC, await chain({ dnsNames: ['shop.example.com'], rootName: RUSSIAN_ROOT, rootBuiltIn: false }), 'trust_error'),
      ),
    top: 'exception-in-use',
    includes: ['russian-state-ca-missing'],
    excludes: ['missing-intermediate'],
  },
  {
    name: 'russian-state-ca-missing: not for an unknown issuer elsewhere',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_UNKNOWN_ISSUER'),
    excludes: ['russian-state-ca-missing'],
    top: 'unknown-ca',
  },
  {
    name: 'russian-state-ca-missing: not for an expired certificate on a .ru site',
    snapshot: () => failed('https://online.bank.ru/', 'SEC_ERROR_EXPIRED_CERTIFICATE'),
    excludes: ['russian-state-ca-missing'],
    top: 'cert-expired',
  },
  {
    name: 'compromised-root: a loaded page under eDellRoot is a danger',
    snapshot: async () =>
      loaded(PUBLIC, security(PUBLIC, await chain({ dnsNames: ['shop.example.com'], rootName: 'CN=eDellRoot', rootBuiltIn: false }))),
    top: 'compromised-root',
    excludes: ['private-ca'],
    verdict: 'danger',
  },
  {
    name: 'compromised-root: Superfish, whose name holds a comma',
    snapshot: async () =>
      loaded(
        PUBLIC,
        security(
          PUBLIC,
          await chain({
            dnsNames: ['shop.example.com'],
            rootName: 'O=Superfish\\, Inc., L=SF, ST=CA, C=US, CN=Superfish\\, Inc.',
            rootBuiltIn: false,
          }),
        ),
      ),
    top: 'compromised-root',
    verdict: 'danger',
  },
  {
    name: 'compromised-root: not for another Dell root',
    snapshot: async () =>
      loaded(
        PUBLIC,
        security(PUBLIC, await chain({ dnsNames: ['shop.example.com'], rootName: 'CN=Dell Corporate Root, O=Dell', rootBuiltIn: false })),
      ),
    top: 'private-ca',
    excludes: ['compromised-root'],
    verdict: 'caution',
  },
  {
    name: 'linux-store-ignored: an unknown issuer on a company name, on Linux',
    snapshot: () => failed('https://wiki.corp.example.com/', 'SEC_ERROR_UNKNOWN_ISSUER'),
    env: { os: 'linux' },
    top: 'linux-store-ignored',
    verdict: 'fix-here',
    bypass: 'discouraged:company-root',
  },
  {
    name: 'linux-store-ignored: ahead of a home device for a .corp name',
    snapshot: () => failed('https://jira.corp/', 'SEC_ERROR_UNKNOWN_ISSUER'),
    env: { os: 'linux' },
    top: 'linux-store-ignored',
    includes: ['local-device'],
  },
  {
    name: 'linux-store-ignored: a possibility for any unknown issuer on Linux',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_UNKNOWN_ISSUER'),
    env: { os: 'linux' },
    top: 'unknown-ca',
    includes: ['linux-store-ignored'],
    notTop: 'linux-store-ignored',
  },
  {
    name: 'linux-store-ignored: not on Windows, where Firefox reads the system store',
    snapshot: () => failed('https://wiki.corp.example.com/', 'SEC_ERROR_UNKNOWN_ISSUER'),
    env: { os: 'win' },
    excludes: ['linux-store-ignored'],
    bypass: 'discouraged:public-site',
    top: 'unknown-ca',
  },
  {
    name: 'linux-store-ignored: not for a self-signed certificate',
    snapshot: () => failed('https://wiki.corp.example.com/', 'MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT'),
    env: { os: 'linux' },
    excludes: ['linux-store-ignored'],
    top: 'self-signed',
  },
  // Issue 10: networks that break or redirect secure connections.
  {
    name: 'https-only-unavailable: Firefox showed "Secure Site Not Available"; the way on is plain http',
    snapshot: () => ({
      ...failed(PUBLIC, 'SSL_ERROR_RX_RECORD_TOO_LONG'),
      requestedUrl: 'http://shop.example.com/',
      errorPage: 'https-only',
    }),
    top: 'https-only-unavailable',
    includes: ['http-on-https-port'],
    verdict: 'site-fault',
    bypass: 'discouraged:http-fallback',
  },
  {
    name: "https-only-unavailable: behind the page, the https attempt's own causes (a refused port)",
    snapshot: () => ({ ...failed(PUBLIC, 'NS_ERROR_CONNECTION_REFUSED'), errorPage: 'https-only' }),
    top: 'https-only-unavailable',
    includes: ['site-unreachable'],
    bypass: 'discouraged:http-fallback',
  },
  {
    name: "https-only-unavailable: not for the same code on Firefox's ordinary error page",
    snapshot: () => failed(PUBLIC, 'SSL_ERROR_RX_RECORD_TOO_LONG'),
    top: 'http-on-https-port',
    excludes: ['https-only-unavailable'],
    bypass: 'never:not-overridable',
  },
  {
    name: 'pq-or-ech-blocked: a possibility for a reset, after the reset itself',
    snapshot: () => failed(PUBLIC, 'NS_ERROR_NET_RESET'),
    top: 'connection-reset',
    includes: ['pq-or-ech-blocked'],
    notTop: 'pq-or-ech-blocked',
    verdict: 'fix-here',
    bypass: 'never:not-overridable',
  },
  {
    name: 'pq-or-ech-blocked: a possibility for a timeout too',
    snapshot: () => failed(PUBLIC, 'NS_ERROR_NET_TIMEOUT'),
    top: 'site-unreachable',
    includes: ['pq-or-ech-blocked'],
  },
  {
    name: 'pq-or-ech-blocked: not for a certificate error',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_EXPIRED_CERTIFICATE'),
    excludes: ['pq-or-ech-blocked'],
    top: 'cert-expired',
  },
  {
    name: 'pq-or-ech-blocked: not for a name that does not resolve',
    snapshot: () => failed(PUBLIC, 'NS_ERROR_UNKNOWN_HOST'),
    excludes: ['pq-or-ech-blocked'],
    top: 'dns-not-found',
  },
  {
    name: 'dns-block-page: only a possibility for a failed mismatch (no certificate to see)',
    snapshot: () => failed('https://news.example.org/', 'SSL_ERROR_BAD_CERT_DOMAIN'),
    top: 'name-mismatch',
    includes: ['dns-block-page'],
    notTop: 'dns-block-page',
  },
  {
    name: "dns-block-page: after an exception, a certificate for a provider's block page ranks first after the exception",
    snapshot: async () =>
      loaded(
        'https://news.example.org/',
        exception('https://news.example.org/', await chain({ dnsNames: ['blocked.isp.example.net'] }), 'domain_mismatch'),
      ),
    top: 'exception-in-use',
    includes: ['dns-block-page', 'name-mismatch'],
  },
  {
    name: 'dns-block-page: after an exception, unrelated names without a block word stay below the plain mismatch',
    snapshot: async () =>
      loaded(
        'https://news.example.org/',
        exception('https://news.example.org/', await chain({ dnsNames: ['portal.example.net'] }), 'domain_mismatch'),
      ),
    includes: ['name-mismatch', 'dns-block-page'],
  },
  {
    name: "dns-block-page: not when the names are the site's own domain",
    snapshot: async () =>
      loaded(
        'https://news.example.org/',
        exception('https://news.example.org/', await chain({ dnsNames: ['mail.example.org'] }), 'domain_mismatch'),
      ),
    includes: ['name-mismatch'],
    excludes: ['dns-block-page'],
  },
  {
    name: "dns-block-page: not for a shared host's default certificate",
    snapshot: async () =>
      loaded(
        PUBLIC,
        exception(
          PUBLIC,
          await chain({
            dnsNames: [
              'host.example.net',
              'a.example.org',
              'b.example.io',
              'c.example.de',
              'd.example.fr',
              'e.example.ru',
              'f.example.it',
              'g.example.es',
            ],
          }),
          'domain_mismatch',
        ),
      ),
    includes: ['shared-hosting'],
    excludes: ['dns-block-page'],
  },
  {
    name: 'dns-block-page: not for an expired certificate',
    snapshot: () => failed(PUBLIC, 'SEC_ERROR_EXPIRED_CERTIFICATE'),
    excludes: ['dns-block-page'],
    top: 'cert-expired',
  },
];

describe('diagnose', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const result = await run(c);
    const ids = result.causes.map((cause) => cause.id);
    if (c.top !== undefined) expect(ids[0] ?? null).toBe(c.top);
    for (const id of c.includes ?? []) expect(ids).toContain(id);
    for (const id of c.excludes ?? []) expect(ids).not.toContain(id);
    if (c.notTop) expect(ids[0]).not.toBe(c.notTop);
    if (c.verdict) expect(result.verdict).toBe(c.verdict);
    if (c.bypass) expect(result.bypass ? `${result.bypass.rule}:${result.bypass.reason}` : null).toBe(c.bypass);
  });

  test('every case says what the diagnosis finds first, not only what it must not find', () => {
    // An empty diagnosis would pass a case that only lists absences.
    expect(CASES.filter((c) => c.top === undefined && (c.includes ?? []).length === 0).map((c) => c.name)).toEqual([]);
  });

  test('every cause id has a case that finds it and a case that must not', () => {
    for (const id of CAUSE_IDS) {
      const positive = CASES.some((c) => c.top === id || c.includes?.includes(id));
      const negative = CASES.some((c) => c.excludes?.includes(id) || c.notTop === id);
      expect({ id, positive, negative }).toEqual({ id, positive: true, negative: true });
    }
  });

  test('the Avast product is named, for the popup and the report', async () => {
    const result = await run({
      name: '',
      snapshot: () => failed(PUBLIC, 'MOZILLA_PKIX_ERROR_MITM_DETECTED'),
      hist: { remembered: [avastMemory] },
    });
    expect(result.product?.id).toBe('avast');
  });

  test('roots people meet are named for the popup and the report: the root, its vendor, the zone', async () => {
    const edell = await run({
      name: '',
      snapshot: async () =>
        loaded(PUBLIC, security(PUBLIC, await chain({ dnsNames: ['shop.example.com'], rootName: 'CN=eDellRoot', rootBuiltIn: false }))),
    });
    expect(edell.causes[0]?.evidence).toEqual([{ kind: 'compromised-root', root: 'eDellRoot', vendor: 'Dell Foundation Services' }]);
    const russian = await run({
      name: '',
      snapshot: async () =>
        loaded(PUBLIC, security(PUBLIC, await chain({ dnsNames: ['shop.example.com'], rootName: RUSSIAN_ROOT, rootBuiltIn: false }))),
    });
    expect(russian.causes[0]?.evidence[0]).toEqual({ kind: 'state-ca', issuer: 'Russian Trusted Root CA' });
    const bank = await run({ name: '', snapshot: () => failed('https://online.bank.ru/', 'SEC_ERROR_UNKNOWN_ISSUER') });
    expect(bank.causes[0]).toEqual({
      id: 'russian-state-ca-missing',
      confidence: 'low',
      evidence: [{ kind: 'host-zone', host: 'online.bank.ru', zone: '.ru' }],
    });
  });

  test('interception seen over a week ago does not count', async () => {
    const old = { ...avastMemory, lastSeen: NOW - 8 * DAY };
    const result = await run({ name: '', snapshot: () => failed(PUBLIC, 'MOZILLA_PKIX_ERROR_MITM_DETECTED'), hist: { remembered: [old] } });
    expect(result.product).toBeNull();
    expect(result.verdict).toBe('danger');
  });

  test('a failed name mismatch offers the www probe until it has run, and always "test again"', async () => {
    const before = await run({ name: '', snapshot: () => failed('https://example.com/', 'SSL_ERROR_BAD_CERT_DOMAIN') });
    expect(before.actions).toEqual(['probe-www', 'test-again']);
    expect(before.alternativeHost).toBe('www.example.com');
    const after = await run({
      name: '',
      snapshot: () => failed('https://example.com/', 'SSL_ERROR_BAD_CERT_DOMAIN'),
      hist: { probes: { www: 'fails' } },
    });
    expect(after.actions).toEqual(['test-again']);
  });

  test('a loaded page has no bypass rule; an exception can be removed', async () => {
    const fine = await run({
      name: '',
      snapshot: async () => loaded(PUBLIC, security(PUBLIC, await chain({ dnsNames: ['shop.example.com'] }))),
    });
    expect(fine.bypass).toBeNull();
    const withException = await run({
      name: '',
      snapshot: async () => loaded(PUBLIC, exception(PUBLIC, await chain({ dnsNames: ['x.example.org'] }), 'domain_mismatch')),
    });
    expect(withException.actions).toContain('remove-exception');
  });

  test('a block page named by its certificate outranks the plain mismatch, with the names as evidence', async () => {
    const result = await run({
      name: '',
      snapshot: async () =>
        loaded(
          'https://news.example.org/',
          exception('https://news.example.org/', await chain({ dnsNames: ['blocked.isp.example.net'] }), 'domain_mismatch'),
        ),
    });
    const ids = result.causes.map((cause) => cause.id);
    expect(ids.indexOf('dns-block-page')).toBeLessThan(ids.indexOf('name-mismatch'));
    expect(result.causes.find((cause) => cause.id === 'dns-block-page')).toMatchObject({
      confidence: 'high',
      evidence: [{ kind: 'block-page-names', names: ['blocked.isp.example.net'] }],
    });
    const plain = await run({
      name: '',
      snapshot: async () =>
        loaded(
          'https://news.example.org/',
          exception('https://news.example.org/', await chain({ dnsNames: ['portal.example.net'] }), 'domain_mismatch'),
        ),
    });
    const plainIds = plain.causes.map((cause) => cause.id);
    expect(plainIds.indexOf('name-mismatch')).toBeLessThan(plainIds.indexOf('dns-block-page'));
    expect(plain.causes.find((cause) => cause.id === 'dns-block-page')?.confidence).toBe('medium');
  });

  test('evidence carries the measured clock', async () => {
    const result = await run({
      name: '',
      snapshot: () => failed(PUBLIC, 'MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE'),
      env: { clock: clock(-3 * HOUR, 5) },
    });
    expect(result.causes[0]?.evidence).toContainEqual({ kind: 'clock', skewMs: -3 * HOUR, hosts: 5 });
  });
});

describe('the proxy check', () => {
  const manual = { kind: 'manual', where: '10.0.0.1:3128' } as const;

  test('a manual proxy in the way leads a reset connection; the check is offered until it ran', async () => {
    const before = await run({ name: '', snapshot: () => failed(PUBLIC, 'NS_ERROR_NET_RESET') });
    expect(before.actions).toContain('check-proxy');
    const after = await run({ name: '', snapshot: () => failed(PUBLIC, 'NS_ERROR_NET_RESET'), hist: { probes: { proxy: manual } } });
    expect(after.causes[0]?.id).toBe('proxy-problem');
    expect(after.causes[0]?.evidence).toContainEqual({ kind: 'proxy', proxy: manual });
    expect(after.actions).not.toContain('check-proxy');
  });

  test('no proxy: the proxy is ruled out, last', async () => {
    const result = await run({
      name: '',
      snapshot: () => failed(PUBLIC, 'NS_ERROR_CONNECTION_REFUSED'),
      hist: { probes: { proxy: { kind: 'none', where: '' } } },
    });
    expect(result.causes[0]?.id).toBe('site-unreachable');
    expect(result.causes.at(-1)?.id).toBe('proxy-problem');
  });

  test('not offered for certificate errors', async () => {
    const result = await run({ name: '', snapshot: () => failed(PUBLIC, 'SEC_ERROR_EXPIRED_CERTIFICATE') });
    expect(result.actions).not.toContain('check-proxy');
  });
});
