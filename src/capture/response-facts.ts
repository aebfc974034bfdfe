// What the background does with a response once the blocking listener has let it go: the tab's
// security facts, a clock sample, and the memory of a good certificate.

import type { CapturedSecurity, TabContext } from '../shared/tab-snapshot';
import type { CertificateMemory } from '../core/continuity/memory';

export function contextOf(details: { readonly incognito?: boolean; readonly cookieStoreId?: string }): TabContext {
  return { incognito: details.incognito === true, cookieStoreId: details.cookieStoreId ?? null };
}

/** A certificate worth remembering: Firefox accepted it on its own, without an exception. */
export function isGoodCertificate(security: CapturedSecurity): boolean {
  return (
    security.overridableErrorCategory === null &&
    security.certificates.length > 0 &&
    security.state !== 'broken' &&
    security.state !== 'insecure'
  );
}

/**
 * The response carries Strict-Transport-Security with a positive max-age. getSecurityInfo's
 * hsts flag is only set once Firefox has processed the header, i.e. from the second visit on;
 * the header itself says it on the first.
 */
export function sendsHsts(headers: readonly { readonly name: string; readonly value?: string }[] | undefined): boolean {
  const header = headers?.find((h) => h.name.toLowerCase() === 'strict-transport-security');
  const maxAge = /max-age\s*=\s*"?(\d+)/i.exec(header?.value ?? '');
  return maxAge !== null && Number(maxAge[1]) > 0;
}

export function memoryOf(
  host: string,
  security: CapturedSecurity,
  sentHsts = false,
): Omit<CertificateMemory, 'firstSeen' | 'lastSeen'> | null {
  const leaf = security.certificates[0];
  const root = security.certificates[security.certificates.length - 1];
  if (!leaf || !root) return null;
  return {
    host,
    issuer: leaf.issuer,
    root: root.subject,
    rootBuiltIn: root.isBuiltInRoot,
    spkiSha256: leaf.spkiSha256,
    leafSha256: leaf.sha256,
    notAfter: leaf.notAfter,
    ...(security.hsts || sentHsts ? { hsts: true } : {}),
  };
}
