// Firefox's own rules for the error page's exception button ("Proceed to <host> (Risky)" in
// Firefox 153, as its error page offers it): only these
// codes can get an exception, and never on a host with HSTS or a key pin, inside a frame, or when
// an enterprise policy hides the button. Everything else has no way around.
// test/e2e/error-page-oracle.test.ts checks this against the error page of every failing lab case.

export type OverrideGroup = 'trust' | 'domain' | 'time';

const OVERRIDABLE: Readonly<Record<string, OverrideGroup>> = {
  SEC_ERROR_UNKNOWN_ISSUER: 'trust',
  MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT: 'trust',
  MOZILLA_PKIX_ERROR_MITM_DETECTED: 'trust',
  SEC_ERROR_CA_CERT_INVALID: 'trust',
  SEC_ERROR_CERT_SIGNATURE_ALGORITHM_DISABLED: 'trust',
  SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE: 'trust',
  MOZILLA_PKIX_ERROR_NOT_YET_VALID_ISSUER_CERTIFICATE: 'trust',
  MOZILLA_PKIX_ERROR_CA_CERT_USED_AS_END_ENTITY: 'trust',
  MOZILLA_PKIX_ERROR_EMPTY_ISSUER_NAME: 'trust',
  MOZILLA_PKIX_ERROR_INADEQUATE_KEY_SIZE: 'trust',
  MOZILLA_PKIX_ERROR_V1_CERT_USED_AS_CA: 'trust',
  SSL_ERROR_BAD_CERT_DOMAIN: 'domain',
  SEC_ERROR_EXPIRED_CERTIFICATE: 'time',
  MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE: 'time',
  SEC_ERROR_INVALID_TIME: 'time',
};

/** The group Firefox files an exception under, or null when it offers none for this code. */
export function overrideGroupOf(codeName: string | null): OverrideGroup | null {
  return codeName === null ? null : (OVERRIDABLE[codeName] ?? null);
}

/**
 * Servers that only speak TLS 1.0/1.1 get no exception and, in Firefox 153, no button either:
 * the error page only notes that the site may not support TLS 1.2 (#tlsVersionNotice;
 * errors/ssl-errors.mjs marks both codes hasNoUserFix). Only the about:config pref
 * security.tls.version.enable-deprecated, for every site at once, would get through.
 */
export const OLD_TLS_CODES: ReadonlySet<string> = new Set(['SSL_ERROR_UNSUPPORTED_VERSION', 'SSL_ERROR_PROTOCOL_VERSION_ALERT']);
