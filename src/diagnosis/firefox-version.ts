// Is this Firefox past its support? Root certificates, distrust decisions and TLS fixes ship
// with Firefox updates, so an old Firefox fails on sites a current one loads.

/**
 * The oldest major version Mozilla still updates in late 2026: ESR 153. Firefox 153.0 shipped in
 * July 2026, and Mozilla keeps the previous ESR only for an overlap of at least 12 weeks
 * (support.mozilla.org, "Firefox ESR release cycle"), so ESR 140 stopped getting updates in the
 * autumn. Release versions from 153 up are current or recent; revisit when ESR 153's successor
 * has shipped and the overlap has passed.
 */
export const OLDEST_SUPPORTED_MAJOR = 153;

export function isOutdatedFirefox(version: string | null): boolean {
  if (!version) return false;
  const major = Number(/^(\d+)/.exec(version)?.[1]);
  return Number.isFinite(major) && major > 0 && major < OLDEST_SUPPORTED_MAJOR;
}
