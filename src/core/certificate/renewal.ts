// When is a certificate "expiring soon"? Not a fixed number of days: public certificates now
// live 200 days (CA/Browser Forum ballot SC-081, from 15 March 2026), 100 days from March 2027,
// 47 days from March 2029, and some CAs issue 6-day ones. ACME clients renew at about two thirds
// of the lifetime (or when the CA's renewal window says so, RFC 9773), so a certificate that is
// still served with less than a third of its life left points to a renewal that did not happen.
// Certificates renewed by hand are usually replaced about a month ahead, so a long lifetime never
// warns earlier than that.

import { DAY_MS } from '../time-units';

/** The share of its lifetime after which a certificate should already have been replaced. */
export const RENEW_AT_SHARE_OF_LIFETIME = 2 / 3;

/** The earliest warning, however long the certificate lives. */
export const LONGEST_WARNING_MS = 30 * DAY_MS;

/** How long before notAfter the warning starts for a certificate valid from notBefore. */
export function warningPeriodMs(notBefore: number, notAfter: number): number {
  const lifetime = notAfter - notBefore;
  if (!Number.isFinite(lifetime) || lifetime <= 0) return 0;
  return Math.min(lifetime * (1 - RENEW_AT_SHARE_OF_LIFETIME), LONGEST_WARNING_MS);
}

/** True when a still-valid certificate is inside its warning period at `now`. */
export function renewalOverdue(notBefore: number, notAfter: number, now: number): boolean {
  const left = notAfter - now;
  return left > 0 && left <= warningPeriodMs(notBefore, notAfter);
}
