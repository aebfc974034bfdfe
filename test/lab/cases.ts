// The case table: every site in the lab, what Firefox should report for it, and how its
// server is set up. Data only; lab.ts makes the certificates and starts the servers.
import type { SecureVersion } from 'node:tls';
import type { CredentialRecipe } from './authorities';
import type { LabCaseSpec } from './types';

/** Deviations from Node's default TLS server settings. */
export interface TlsTweaks {
  readonly minVersion?: SecureVersion;
  readonly maxVersion?: SecureVersion;
  readonly ciphers?: string;
  readonly dhparam?: 'auto';
  /** Ask for a client certificate issued by the lab root and refuse the handshake without one. */
  readonly requireClientCert?: boolean;
}

export type ServerRecipe =
  | {
      readonly kind: 'https';
      readonly credential: CredentialRecipe;
      readonly tls?: TlsTweaks;
      /** Send Strict-Transport-Security so Firefox remembers the host as HTTPS-only. */
      readonly hsts?: boolean;
      /** Id of another case whose /pixel.png the page embeds as an <img> (a failing subresource). */
      readonly embedImageFrom?: string;
    }
  /** Speaks plain HTTP on the port the browser uses for HTTPS: answers any bytes with a 400. */
  | { readonly kind: 'plain-http' }
  /** Accepts TCP, then answers the ClientHello with a TCP reset (RST). */
  | { readonly kind: 'reset' }
  /** Accepts TCP, then closes the connection (FIN) on the ClientHello without a word. */
  | { readonly kind: 'close' }
  /** A plain http:// web site with no https on its port (HTTPS-Only mode's upgrade fails). */
  | { readonly kind: 'http-only' }
  /**
   * An https site behind a middlebox that resets every connection whose ClientHello offers a
   * post-quantum (X25519MLKEM768) key share and lets any other through.
   */
  | { readonly kind: 'reset-post-quantum'; readonly credential: CredentialRecipe };

export interface LabCaseDefinition {
  readonly spec: LabCaseSpec;
  /** The case's own server, or the id of the case whose server (and port) it shares. */
  readonly server: ServerRecipe | { readonly sharedWith: string };
}

/** Host of the index page, served with a valid chain on its own port. */
export const INDEX_HOST = 'lab.test';

/** The index server's certificate: an ordinary valid leaf. */
export const INDEX_CREDENTIAL: CredentialRecipe = { issuer: 'intermediate', dnsNames: [INDEX_HOST] };

// Shorthand for the usual leaf: ECDSA, current, issued by the lab intermediate, which is sent.
function goodLeaf(...dnsNames: string[]): CredentialRecipe {
  return { issuer: 'intermediate', dnsNames };
}

// Hosts are distinct per case because Firefox keeps per-host state (HSTS, cert overrides,
// cached intermediates). Everything is under .test (reserved, never resolves on the internet)
// except the home-router case, which must look like a local device name, and the Russian bank,
// whose .ru zone is the case; network.dns.localDomains makes Firefox resolve them as
// "localhost", so the names themselves are never looked up.
export const CASE_DEFINITIONS: readonly LabCaseDefinition[] = [
  {
    spec: {
      id: 'missing-intermediate',
      title: 'The server sends its certificate without the intermediate certificate that links it to the root.',
      host: 'incomplete-chain.lab.test',
      path: '/',
      expectedCode: 'SEC_ERROR_UNKNOWN_ISSUER',
      // The lab's intermediate is not a publicly disclosed one, so Firefox's preloaded
      // intermediates cannot fill the gap, and from the code alone a missing private intermediate
      // looks like a CA Firefox does not trust: that ranks first, the missing link next.
      expectedDiagnosis: { verdict: 'site-fault', bypass: 'discouraged', top: 'unknown-ca', includes: ['missing-intermediate'] },
      // Firefox caches intermediates it has seen; once any other case has shown it the lab
      // intermediate, this site would load. So it must be the first visit in a fresh profile.
      runFirst: true,
    },
    server: { kind: 'https', credential: { ...goodLeaf('incomplete-chain.lab.test'), sendIssuer: false } },
  },
  {
    spec: {
      id: 'valid',
      title: 'A correctly configured site: valid certificate and complete chain.',
      host: 'valid.lab.test',
      path: '/',
      expectedCode: '',
      expectedDiagnosis: { verdict: 'caution', bypass: '', top: 'private-ca' },
    },
    server: { kind: 'https', credential: goodLeaf('valid.lab.test') },
  },
  {
    spec: {
      id: 'expired',
      title: 'The site certificate expired about 30 days ago.',
      host: 'expired.lab.test',
      path: '/',
      expectedCode: 'SEC_ERROR_EXPIRED_CERTIFICATE',
      expectedDiagnosis: { verdict: 'site-fault', bypass: 'discouraged', top: 'cert-expired' },
    },
    server: { kind: 'https', credential: { ...goodLeaf('expired.lab.test'), validity: 'expired' } },
  },
  {
    spec: {
      id: 'not-yet-valid',
      title: 'The site certificate only becomes valid in about 30 days.',
      host: 'future.lab.test',
      path: '/',
      expectedCode: 'MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE',
      expectedDiagnosis: { verdict: 'site-fault', bypass: 'discouraged', top: 'cert-not-yet-valid' },
    },
    server: { kind: 'https', credential: { ...goodLeaf('future.lab.test'), validity: 'not-yet-valid' } },
  },
  {
    spec: {
      id: 'wrong-host',
      title: 'The certificate is valid but was issued for a different site (other-site.lab.test).',
      host: 'wrong-host.lab.test',
      path: '/',
      expectedCode: 'SSL_ERROR_BAD_CERT_DOMAIN',
      expectedDiagnosis: { verdict: 'site-fault', bypass: 'discouraged', top: 'name-mismatch' },
    },
    server: { kind: 'https', credential: goodLeaf('other-site.lab.test') },
  },
  {
    spec: {
      id: 'self-signed',
      title: 'The site certificate is self-signed: no certificate authority vouches for it.',
      host: 'self-signed.lab.test',
      path: '/',
      expectedCode: 'MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT',
      expectedDiagnosis: { verdict: 'site-fault', bypass: 'discouraged', top: 'self-signed' },
    },
    server: { kind: 'https', credential: { issuer: 'self', dnsNames: ['self-signed.lab.test'] } },
  },
  {
    spec: {
      id: 'untrusted-issuer',
      title: 'The certificate was issued by a certificate authority the browser does not trust.',
      host: 'untrusted-issuer.lab.test',
      path: '/',
      expectedCode: 'SEC_ERROR_UNKNOWN_ISSUER',
      // Visited after the interception case: Avast, seen re-signing another site this week, is the
      // second suspect (the lab's browser sees both, as a person's would).
      expectedDiagnosis: {
        verdict: 'site-fault',
        bypass: 'discouraged',
        top: 'unknown-ca',
        product: 'Avast / AVG',
        includes: ['interception'],
      },
    },
    server: { kind: 'https', credential: { issuer: 'untrusted-ca', dnsNames: ['untrusted-issuer.lab.test'] } },
  },
  {
    spec: {
      id: 'http-on-https-port',
      title: 'The server speaks plain HTTP on the port the browser uses for HTTPS.',
      host: 'http-on-tls.lab.test',
      path: '/',
      expectedCode: 'SSL_ERROR_RX_RECORD_TOO_LONG',
      expectedDiagnosis: { verdict: 'site-fault', bypass: 'never', top: 'http-on-https-port' },
    },
    server: { kind: 'plain-http' },
  },
  {
    spec: {
      id: 'tls10-only',
      title: 'The server only speaks TLS 1.0, which Firefox no longer allows.',
      host: 'tls10.lab.test',
      path: '/',
      expectedCode: 'SSL_ERROR_PROTOCOL_VERSION_ALERT',
      // Firefox 153's error page offers no exception and no button for old TLS (checked by
      // test/e2e/error-page-oracle.test.ts).
      expectedDiagnosis: { verdict: 'site-fault', bypass: 'never', top: 'server-old-tls' },
    },
    server: {
      kind: 'https',
      credential: { ...goodLeaf('tls10.lab.test'), key: 'rsa' },
      // Node 20's OpenSSL 3 refuses TLS 1.0 (SHA-1/MD5 handshake signatures) above seclevel 0.
      tls: { minVersion: 'TLSv1', maxVersion: 'TLSv1', ciphers: 'DEFAULT@SECLEVEL=0' },
    },
  },
  {
    spec: {
      id: 'no-common-cipher',
      title: 'The server only offers finite-field Diffie-Hellman (DHE) cipher suites, which Firefox no longer enables.',
      host: 'dhe-only.lab.test',
      path: '/',
      // Measured in Firefox 153 through the extension (test/e2e/lab-cases.test.ts).
      // OpenSSL answers with a handshake_failure alert; NSS reports no cipher overlap.
      expectedCode: 'SSL_ERROR_NO_CYPHER_OVERLAP',
      expectedDiagnosis: { verdict: 'site-fault', bypass: 'never', top: 'no-common-cipher' },
    },
    server: {
      kind: 'https',
      credential: { ...goodLeaf('dhe-only.lab.test'), key: 'rsa' },
      // TLS 1.3 suites cannot be restricted to DHE, so cap at 1.2 where the cipher list rules.
      tls: {
        maxVersion: 'TLSv1.2',
        ciphers: 'DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384',
        dhparam: 'auto',
      },
    },
  },
  {
    spec: {
      id: 'interception',
      title:
        'An antivirus-style root that is trusted but not built in (avast! Web/Mail Shield) intercepts the ' + 'connection; the page loads.',
      host: 'intercepted.lab.test',
      path: '/',
      expectedCode: '',
      expectedDiagnosis: { verdict: 'caution', bypass: '', top: 'interception', product: 'Avast / AVG' },
    },
    server: { kind: 'https', credential: { issuer: 'interception-root', dnsNames: ['intercepted.lab.test'] } },
  },
  {
    spec: {
      id: 'hsts-setup',
      title: 'A valid site that sends Strict-Transport-Security, so Firefox remembers hsts.lab.test as HTTPS-only.',
      host: 'hsts.lab.test',
      path: '/',
      expectedCode: '',
      expectedDiagnosis: { verdict: 'caution', bypass: '', top: 'private-ca' },
    },
    server: { kind: 'https', credential: goodLeaf('hsts.lab.test'), hsts: true },
  },
  {
    spec: {
      id: 'hsts-broken',
      title: 'The same HSTS host on another port, with a certificate from an untrusted issuer: no exception is allowed.',
      // HSTS applies per host across all ports, so this shares hsts-setup's host on purpose.
      host: 'hsts.lab.test',
      path: '/',
      expectedCode: 'SEC_ERROR_UNKNOWN_ISSUER',
      expectedDiagnosis: {
        verdict: 'site-fault',
        bypass: 'never',
        top: 'unknown-ca',
        product: 'Avast / AVG',
        includes: ['hsts', 'interception'],
      },
      after: 'hsts-setup',
    },
    server: { kind: 'https', credential: { issuer: 'untrusted-ca', dnsNames: ['hsts.lab.test'] } },
  },
  {
    spec: {
      id: 'subresource-failure',
      title: 'The page loads, but one of its images comes from a site with an expired certificate.',
      host: 'subresource.lab.test',
      path: '/',
      expectedCode: '',
      expectedDiagnosis: { verdict: 'caution', bypass: '', top: 'part-failed' },
    },
    server: { kind: 'https', credential: goodLeaf('subresource.lab.test'), embedImageFrom: 'expired' },
  },
  {
    spec: {
      id: 'bare-name',
      title: 'The certificate covers only www.shop.lab.test, so the bare name shop.lab.test does not match.',
      host: 'shop.lab.test',
      path: '/',
      expectedCode: 'SSL_ERROR_BAD_CERT_DOMAIN',
      expectedDiagnosis: { verdict: 'site-fault', bypass: 'discouraged', top: 'name-mismatch', includes: ['name-mismatch-www'] },
    },
    server: { sharedWith: 'www-name' },
  },
  {
    spec: {
      id: 'www-name',
      title: 'The www name on the same server matches the certificate and loads.',
      host: 'www.shop.lab.test',
      path: '/',
      expectedCode: '',
      expectedDiagnosis: { verdict: 'caution', bypass: '', top: 'private-ca' },
    },
    server: { kind: 'https', credential: goodLeaf('www.shop.lab.test') },
  },
  // --- Extras beyond the minimum set. ---
  {
    spec: {
      id: 'wildcard-depth',
      title: 'The certificate is for *.wild.lab.test, but a wildcard covers only one label, not a.b.wild.lab.test.',
      host: 'a.b.wild.lab.test',
      path: '/',
      // Measured in Firefox 153 through the extension (test/e2e/lab-cases.test.ts).
      expectedCode: 'SSL_ERROR_BAD_CERT_DOMAIN',
      expectedDiagnosis: { verdict: 'site-fault', bypass: 'discouraged', top: 'name-mismatch-wildcard' },
    },
    server: { kind: 'https', credential: goodLeaf('*.wild.lab.test') },
  },
  {
    spec: {
      id: 'expired-intermediate',
      title: 'The site certificate is fine, but the intermediate certificate that issued it has expired.',
      host: 'expired-issuer.lab.test',
      path: '/',
      // Measured in Firefox 153 through the extension (test/e2e/lab-cases.test.ts).
      expectedCode: 'SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE',
      expectedDiagnosis: { verdict: 'site-fault', bypass: 'discouraged', top: 'issuer-expired' },
    },
    server: {
      kind: 'https',
      credential: { issuer: 'expired-intermediate', dnsNames: ['expired-issuer.lab.test'] },
    },
  },
  {
    spec: {
      id: 'sha1-signature',
      title: 'The site certificate is signed with SHA-1, a signature algorithm Firefox no longer accepts.',
      host: 'sha1.lab.test',
      path: '/',
      // Measured in Firefox 153 through the extension (test/e2e/lab-cases.test.ts).
      // Firefox rejects SHA-1 even under imported (non-built-in) roots.
      expectedCode: 'SEC_ERROR_CERT_SIGNATURE_ALGORITHM_DISABLED',
      expectedDiagnosis: { verdict: 'site-fault', bypass: 'discouraged', top: 'weak-signature' },
    },
    server: {
      kind: 'https',
      credential: { issuer: 'sha1-intermediate', dnsNames: ['sha1.lab.test'] },
      // OpenSSL 3 refuses to even load a SHA-1-signed certificate ("ca md too weak") above
      // seclevel 0. This only lowers the server's own checks; what the client accepts is unchanged.
      tls: { ciphers: 'DEFAULT@SECLEVEL=0' },
    },
  },
  {
    spec: {
      id: 'local-device',
      title: 'A home router with its own self-signed certificate, as most local devices have.',
      host: 'router.home.arpa',
      path: '/',
      // Measured in Firefox 153 through the extension (test/e2e/lab-cases.test.ts).
      expectedCode: 'MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT',
      expectedDiagnosis: { verdict: 'fix-here', bypass: 'acceptable', top: 'local-device' },
    },
    server: {
      kind: 'https',
      credential: { issuer: 'self', dnsNames: ['router.home.arpa'], commonName: 'router.home.arpa' },
    },
  },
  {
    spec: {
      id: 'connection-reset',
      title: 'Something on the path resets the connection (TCP RST) as soon as the browser says hello.',
      host: 'reset.lab.test',
      path: '/',
      // Measured in Firefox 153: the error page names PR_CONNECT_RESET_ERROR, but the extension
      // gets the channel status, NS_ERROR_NET_RESET, the same as connection-closed.
      expectedCode: 'NS_ERROR_NET_RESET',
      expectedDiagnosis: { verdict: 'fix-here', bypass: 'never', top: 'connection-reset' },
    },
    server: { kind: 'reset' },
  },
  {
    spec: {
      id: 'connection-closed',
      title: 'The server closes the connection without answering the TLS hello.',
      host: 'closed.lab.test',
      path: '/',
      // Measured in Firefox 153: the error page names PR_END_OF_FILE_ERROR; the extension gets
      // NS_ERROR_NET_RESET (see connection-reset).
      expectedCode: 'NS_ERROR_NET_RESET',
      expectedDiagnosis: { verdict: 'fix-here', bypass: 'never', top: 'connection-reset' },
    },
    server: { kind: 'close' },
  },
  {
    spec: {
      id: 'client-cert-required',
      title: 'The server demands a client certificate and the browser has none to offer.',
      host: 'client-cert.lab.test',
      path: '/',
      // Measured in Firefox 153 through the extension (test/e2e/lab-cases.test.ts).
      // Over TLS 1.3 OpenSSL sends a certificate_required alert (over TLS 1.2 it would be a
      // handshake_failure alert instead).
      expectedCode: 'SSL_ERROR_RX_CERTIFICATE_REQUIRED_ALERT',
      expectedDiagnosis: { verdict: 'fix-here', bypass: 'never', top: 'client-cert-rejected' },
    },
    server: {
      kind: 'https',
      credential: goodLeaf('client-cert.lab.test'),
      tls: { requireClientCert: true },
    },
  },
  {
    spec: {
      id: 'shared-hosting',
      title: "A shared host's default certificate: it names eight other sites but not this one.",
      host: 'shared-host.lab.test',
      path: '/',
      // Measured in Firefox 153 through the extension (test/e2e/lab-cases.test.ts).
      expectedCode: 'SSL_ERROR_BAD_CERT_DOMAIN',
      expectedDiagnosis: { verdict: 'site-fault', bypass: 'discouraged', top: 'name-mismatch', includes: ['shared-hosting'] },
    },
    server: {
      kind: 'https',
      credential: goodLeaf(
        'hosting-default.example.test',
        'customer1.example.test',
        'customer2.example.test',
        'customer3.example.test',
        'customer4.example.test',
        'customer5.example.test',
        'customer6.example.test',
        'customer7.example.test',
      ),
    },
  },
  // --- Issue 10: roots people meet ---
  {
    spec: {
      id: 'russian-root-trusted',
      title:
        'A site under the Russian state root ("Russian Trusted Root CA" and "Russian Trusted Sub CA"), which ' +
        'this profile trusts as if the person had added it; the page loads.',
      host: 'state-root.lab.test',
      path: '/',
      expectedCode: '',
      expectedDiagnosis: { verdict: 'caution', bypass: '', top: 'russian-state-ca' },
    },
    server: { kind: 'https', credential: { issuer: 'russian-sub', dnsNames: ['state-root.lab.test'] } },
  },
  {
    spec: {
      id: 'russian-root-missing',
      title:
        'A Russian-looking site whose certificate comes from a root this profile does not trust, as a bank ' +
        'under the state root fails for anyone without it.',
      // Resolved as localhost through network.dns.localDomains like every lab host, never looked
      // up: the .ru zone is the only hint a failed load gives.
      host: 'bank.cert-doctor-lab.ru',
      path: '/',
      expectedCode: 'SEC_ERROR_UNKNOWN_ISSUER',
      // Possible, not certain: Firefox shows no certificate for a failed load. Avast, seen
      // re-signing the interception case, is still a suspect.
      expectedDiagnosis: {
        verdict: 'site-fault',
        bypass: 'discouraged',
        top: 'russian-state-ca-missing',
        product: 'Avast / AVG',
        includes: ['interception'],
      },
    },
    server: { kind: 'https', credential: { issuer: 'untrusted-ca', dnsNames: ['bank.cert-doctor-lab.ru'] } },
  },
  {
    spec: {
      id: 'russian-root-removed',
      title:
        'The same host as russian-root-trusted on another port, now under a root the profile does not trust, ' +
        'as after the person removed the state root: the last good certificate names it.',
      // Cert Doctor remembers certificates per host, across ports, so this shares the host on purpose.
      host: 'state-root.lab.test',
      path: '/',
      expectedCode: 'SEC_ERROR_UNKNOWN_ISSUER',
      expectedDiagnosis: {
        verdict: 'site-fault',
        bypass: 'discouraged',
        top: 'russian-state-ca-missing',
        product: 'Avast / AVG',
        includes: ['interception', 'cert-changed'],
      },
      after: 'russian-root-trusted',
    },
    server: { kind: 'https', credential: { issuer: 'untrusted-ca', dnsNames: ['state-root.lab.test'] } },
  },
  {
    spec: {
      id: 'compromised-root',
      title: "A root named like Dell's eDellRoot, whose private key is public, is trusted and re-signs the page; it loads.",
      host: 'edellroot.lab.test',
      path: '/',
      expectedCode: '',
      expectedDiagnosis: { verdict: 'danger', bypass: '', top: 'compromised-root' },
    },
    server: { kind: 'https', credential: { issuer: 'compromised-root', dnsNames: ['edellroot.lab.test'] } },
  },
  {
    spec: {
      id: 'linux-company-root',
      title:
        'An internal site signed by a company root that this profile does not trust, as Firefox on Linux ' +
        'ignores a root installed in the system store.',
      host: 'wiki.corp.lab.test',
      path: '/',
      expectedCode: 'SEC_ERROR_UNKNOWN_ISSUER',
      // The lab runs Firefox on Linux: there a company name and an unknown issuer point to the
      // system store Firefox does not read.
      expectedDiagnosis: {
        verdict: 'fix-here',
        bypass: 'discouraged',
        top: 'linux-store-ignored',
        product: 'Avast / AVG',
        includes: ['interception'],
      },
    },
    server: { kind: 'https', credential: { issuer: 'company-root', dnsNames: ['wiki.corp.lab.test'] } },
  },

  // --- Issue 10: networks that break or redirect secure connections ---
  {
    spec: {
      id: 'https-only-unavailable',
      title: 'A site with no HTTPS at all, opened as http:// with HTTPS-Only mode on: Firefox shows "Secure Site Not Available".',
      host: 'http-only.lab.test',
      path: '/',
      scheme: 'http',
      firefoxPrefs: { 'dom.security.https_only_mode': true },
      // Measured in Firefox 153 (test/e2e/network-situations.test.ts): HTTPS-Only mode keeps the
      // port, so the upgraded https load meets this port's plain HTTP and fails with the code of
      // http-on-https-port; the extension gets that code under the https address, and then
      // about:httpsonlyerror in webNavigation.onDOMContentLoaded.
      expectedCode: 'SSL_ERROR_RX_RECORD_TOO_LONG',
      expectedDiagnosis: { verdict: 'site-fault', bypass: 'discouraged', top: 'https-only-unavailable', includes: ['http-on-https-port'] },
    },
    server: { kind: 'http-only' },
  },
  {
    spec: {
      id: 'post-quantum-reset',
      title: 'A firewall in front of a good site resets every connection whose hello offers a post-quantum key share.',
      host: 'pq-intolerant.lab.test',
      path: '/',
      // Measured in Firefox 153 (test/e2e/network-situations.test.ts): Firefox retries, but
      // every retry offers X25519MLKEM768 again, so the page fails with the reset of
      // connection-reset; with security.tls.enable_kyber off the same site loads.
      expectedCode: 'NS_ERROR_NET_RESET',
      expectedDiagnosis: { verdict: 'fix-here', bypass: 'never', top: 'connection-reset', includes: ['pq-or-ech-blocked'] },
    },
    server: { kind: 'reset-post-quantum', credential: goodLeaf('pq-intolerant.lab.test') },
  },
  {
    spec: {
      id: 'block-page',
      title: "The name leads to an internet provider's block page, whose valid certificate is for blocked.isp.lab.test.",
      // Another domain than the block page's, as a real site's would be.
      host: 'news.example.test',
      path: '/',
      // Firefox gives a failed load no certificate, so nothing yet tells a block page from any
      // other mismatch: it is listed as a possibility until the names are seen.
      expectedCode: 'SSL_ERROR_BAD_CERT_DOMAIN',
      expectedDiagnosis: { verdict: 'site-fault', bypass: 'discouraged', top: 'name-mismatch', includes: ['dns-block-page'] },
    },
    server: { kind: 'https', credential: goodLeaf('blocked.isp.lab.test') },
  },
];

/** The public case table (the contract type), in visiting order. */
export const LAB_CASE_SPECS: readonly LabCaseSpec[] = CASE_DEFINITIONS.map((definition) => definition.spec);
