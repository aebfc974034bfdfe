// How far the measured clock is off, and whether that explains a time error. A clock off by
// minutes cannot make a certificate look expired unless it expired minutes ago, so a small
// skew is a possibility; a large one is the cause.

import { DAY_MS, HOUR_MS, MINUTE_MS } from '../core/time-units';
import type { SkewEstimate } from '../core/clock/skew';

/** Within this, the clock is right for any purpose certificates care about. */
export const CLOCK_TOLERANCE_MS = 5 * MINUTE_MS;
/** Off by this much or more, a clock is the most likely cause of any time error. */
export const CLOCK_DECISIVE_MS = DAY_MS;
/**
 * Certificates are usually deployed within an hour of issue (Let's Encrypt backdates notBefore
 * by an hour), so a clock this far behind already explains "not yet valid".
 */
export const CLOCK_BEHIND_DECISIVE_MS = HOUR_MS;

export type ClockReading = 'unknown' | 'right' | 'ahead' | 'behind';

export function readClock(clock: SkewEstimate | null): ClockReading {
  if (!clock) return 'unknown';
  if (Math.abs(clock.skewMs) < CLOCK_TOLERANCE_MS) return 'right';
  return clock.skewMs > 0 ? 'ahead' : 'behind';
}

export const TIME_CODES: ReadonlySet<string> = new Set([
  'SEC_ERROR_EXPIRED_CERTIFICATE',
  'MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE',
  'SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE',
  'MOZILLA_PKIX_ERROR_NOT_YET_VALID_ISSUER_CERTIFICATE',
  'SEC_ERROR_OCSP_OLD_RESPONSE',
  'SEC_ERROR_OCSP_FUTURE_RESPONSE',
]);

/** Which wrong clock would produce each time error (none listed: either could). */
export const TIME_CODE_DIRECTION: Readonly<Record<string, 'ahead' | 'behind'>> = {
  SEC_ERROR_EXPIRED_CERTIFICATE: 'ahead',
  SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE: 'ahead',
  SEC_ERROR_OCSP_OLD_RESPONSE: 'ahead',
  MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE: 'behind',
  MOZILLA_PKIX_ERROR_NOT_YET_VALID_ISSUER_CERTIFICATE: 'behind',
  SEC_ERROR_OCSP_FUTURE_RESPONSE: 'behind',
};
