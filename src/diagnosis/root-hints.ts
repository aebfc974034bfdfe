// Hints for a failed load with SEC_ERROR_UNKNOWN_ISSUER, when Firefox gives no certificate:
// a site that may use the Russian state authority (from the site's last good certificate, or
// only from its zone), and a company root that Firefox on Linux does not read from the system.

import type { CertificateMemory } from '../core/continuity/memory';
import { osKey } from '../guide/catalogue';
import type { CauseBoard } from './cause-board';
import { looksCorporate } from './host-kind';
import { isRussianStateCa, russianZoneOf } from './root-recognition';

const UNKNOWN_ISSUER = 'SEC_ERROR_UNKNOWN_ISSUER';

/**
 * The site's last good certificate came from the Russian state CA: the same CA is most likely
 * why it fails now (the root was removed, or this is not the profile that trusts it). Without
 * that memory, a Russian zone only makes it possible: many such sites use public CAs.
 */
export function weighRussianStateCa(board: CauseBoard, code: string | null, host: string, lastGood: CertificateMemory | null): void {
  if (code !== UNKNOWN_ISSUER) return;
  if (lastGood && (isRussianStateCa(lastGood.issuer) || isRussianStateCa(lastGood.root))) {
    board.set('russian-state-ca-missing', 300, 'medium', { kind: 'last-good', issuer: lastGood.issuer, lastSeen: lastGood.lastSeen });
    return;
  }
  const zone = russianZoneOf(host);
  // Just above the site's own chain: a public CA's missing intermediate is hidden on desktop
  // Firefox by its preloaded intermediates, and these sites fail only where the root is missing.
  if (zone) board.set('russian-state-ca-missing', 105, 'low', { kind: 'host-zone', host, zone });
}

/**
 * Firefox reads roots from the operating system only on Windows, macOS and Android
 * (security/manager/ssl/EnterpriseRoots.cpp; the settings toggle is hidden elsewhere,
 * browser/content/browser/preferences/config/privacy.mjs). On Linux a company root installed
 * with update-ca-certificates or trust anchor never reaches Firefox.
 */
export function weighLinuxStore(board: CauseBoard, code: string | null, host: string, os: string | null): void {
  if (code !== UNKNOWN_ISSUER || osKey(os) !== 'linux') return;
  if (looksCorporate(host)) {
    // Above a home device: a company's internal name means a company root.
    board.set('linux-store-ignored', 360, 'medium', { kind: 'corporate-host', host }, { kind: 'linux-store' });
  } else {
    board.set('linux-store-ignored', 60, 'low', { kind: 'linux-store' });
  }
}
