// Is this Firefox past its support? Root certificates, distrust decisions and TLS fixes ship
// with Firefox updates, so an old Firefox fails on sites a current one loads.

/**
 * The ESR lines Mozilla updates in late 2026: ESR 153 (153.0 shipped in July 2026) and, during the
 * overlap Mozilla keeps between ESR lines (at least 12 weeks; support.mozilla.org, "Firefox ESR
 * release cycle"), ESR 140. Mozilla's end date for ESR 140 could not be confirmed from here, so it
 * still counts as supported: calling a supported Firefox outdated would send the person after the
 * wrong cause, while missing one outdated ESR only leaves a possible cause unranked. Revisit when
 * Mozilla announces ESR 140's last update.
 */
export const SUPPORTED_ESR_MAJORS: readonly number[] = [140, 153];

/** Release versions from the newest ESR's major up are current or recent. */
export const OLDEST_SUPPORTED_RELEASE_MAJOR = 153;

export function isOutdatedFirefox(version: string | null): boolean {
  if (!version) return false;
  const major = Number(/^(\d+)/.exec(version)?.[1]);
  if (!Number.isFinite(major) || major <= 0) return false;
  return major < OLDEST_SUPPORTED_RELEASE_MAJOR && !SUPPORTED_ESR_MAJORS.includes(major);
}
