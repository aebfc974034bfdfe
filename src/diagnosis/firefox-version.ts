// Is this Firefox past its support? Root certificates, distrust decisions and TLS fixes ship
// with Firefox updates, so an old Firefox fails on sites a current one loads.

/**
 * The oldest major version Mozilla still updates: ESR 153 (ESR 140 reached its end in
 * autumn 2026). Release versions above it are current or recent.
 */
export const OLDEST_SUPPORTED_MAJOR = 153;

export function isOutdatedFirefox(version: string | null): boolean {
  if (!version) return false;
  const major = Number(/^(\d+)/.exec(version)?.[1]);
  return Number.isFinite(major) && major > 0 && major < OLDEST_SUPPORTED_MAJOR;
}
