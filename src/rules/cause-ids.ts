// Every cause the diagnosis can name. The ids are a contract: the popup's data-causes
// attribute lists them, the tests key on them, and every one has a guide in each locale
// (src/guide/text/<lang>/causes-*.json; a unit test keeps the two in step).

export const CAUSE_IDS = [
  // This device
  'clock-behind', // the computer's clock is behind: certificates look "not yet valid"
  'clock-ahead', // the clock is ahead: certificates look expired
  'interception', // antivirus or proxy software re-signs HTTPS with its own root
  'private-ca', // a root added to this device (employer, school, self-made) signs the site
  'client-tls-prefs', // the person's own changed TLS settings in about:config
  'exception-in-use', // the person accepted the risk for this site earlier
  'cert-store-corrupt', // last resort: the profile's certificate database (cert9.db) is damaged
  'firefox-outdated', // this Firefox is older than the supported versions
  // This network
  'local-device', // a router, NAS, printer or dev server on a private network, self-signed
  'captive-portal', // a Wi-Fi login page answers instead of the site
  'connection-reset', // something on the path (antivirus, firewall, censorship) cuts the handshake
  'proxy-problem', // a configured proxy refuses or cannot be found
  'dns-not-found', // the name does not resolve
  'site-unreachable', // refused or timed out: the site is down or blocked
  'middlebox-tls', // a network box cannot handle a modern handshake
  // The site
  'self-signed',
  'missing-intermediate',
  'unknown-ca', // the chain leads to an authority Firefox does not trust (private, company, non-public)
  'name-mismatch-www', // the certificate covers www.example.com and not example.com, or the reverse
  'name-mismatch-wildcard', // *.example.com does not cover a.b.example.com
  'shared-hosting', // the host's default certificate for many unrelated names
  'name-mismatch', // any other name mismatch (typo, wrong server, or an attacker)
  'unrecognized-name', // the server has no certificate for this name at all (SNI)
  'cert-expired',
  'cert-not-yet-valid',
  'issuer-expired',
  'weak-signature', // SHA-1 or MD5
  'weak-key', // RSA under 2048 bits, weak DH
  'malformed-certificate', // broken or home-made certificate (encoding, key usage, CA flags)
  'distrusted-ca', // a CA Mozilla no longer trusts (Symantec family and later distrusts)
  'ct-missing', // no Certificate Transparency proofs
  'revoked',
  'ocsp-problem', // broken revocation response or must-staple without a staple
  'hsts', // the site demands HTTPS strictly: Firefox forbids the bypass
  'pinning', // the chain does not match Firefox's built-in key pins
  'server-old-tls', // TLS 1.0/1.1 only
  'no-common-cipher',
  'http-on-https-port', // plain HTTP answered where HTTPS was expected
  'client-cert-rejected', // the site asked for the person's own certificate and rejected it
  'cert-changed', // the certificate differs from the last good one seen for this site
  'expiring-soon', // loaded, but the certificate expires within the warning period
  'part-failed', // the page loaded, but parts of it (frames, images, scripts) failed
  'unknown',
  // Issue 10: roots people meet
  'russian-state-ca', // a page signed under the Russian state root, which someone added to this device
  'russian-state-ca-missing', // a failed site that may use the Russian state root, which Firefox does not ship
  'compromised-root', // a root whose private key is public (Superfish, eDellRoot) signed the page
  'linux-store-ignored', // a company root in Linux's system store, which Firefox does not read
  // Issue 10: networks that break or redirect secure connections
  'https-only-unavailable', // HTTPS-Only mode's "Secure Site Not Available": no working https for this site
  'pq-or-ech-blocked', // a firewall, proxy or antivirus breaks handshakes with a post-quantum key share or ECH
  'dns-block-page', // the name leads to a provider's block page or a hijacked address, not to the site
] as const;

export type CauseId = (typeof CAUSE_IDS)[number];

export function isCauseId(value: string): value is CauseId {
  return (CAUSE_IDS as readonly string[]).includes(value);
}
