// The toolbar badge of a tab, as a pure function of its snapshot: a clear mark for a page that
// failed or that anyone could have forged (a root whose private key is public), the number of
// failed parts for a page that loaded with broken pieces, and a quieter mark for a page that
// loaded but deserves a look.

import { renewalOverdue } from '../core/certificate/renewal';
import { compromisedRootIn } from '../diagnosis/known-roots';
import type { TabSnapshot } from '../shared/tab-snapshot';

export interface Badge {
  readonly text: string;
  /** Background colour (Firefox's own palette: red 60, orange 60, grey 60). */
  readonly color: string;
  /** _locales key of the button's tooltip, and its substitutions. */
  readonly titleKey: string;
  readonly titleSubstitutions: readonly string[];
  /** The count the tooltip states: its plural form picks the message (`titleKey`_one, _few, ...). */
  readonly titleCount?: number;
}

export type CautionReason = 'exception-in-use' | 'root-not-built-in' | 'expiring-soon' | 'weak-protocol';

const WEAK_PROTOCOLS = new Set(['TLSv1', 'TLSv1.1', 'SSLv3']);

export const NO_BADGE: Badge = { text: '', color: '#5b5b66', titleKey: 'actionTitle', titleSubstitutions: [] };

/** Why a page that loaded deserves a look (in the order the badge's tooltip names them). */
export function cautionReasons(snapshot: TabSnapshot, now: number, warnBeforeExpiry: boolean): CautionReason[] {
  const security = snapshot.security;
  if (!security) return [];
  const reasons: CautionReason[] = [];
  if (security.overridableErrorCategory !== null) reasons.push('exception-in-use');
  const chain = security.certificates;
  const root = chain[chain.length - 1];
  if (root && chain.length > 1 && !root.isBuiltInRoot) reasons.push('root-not-built-in');
  const leaf = chain[0];
  if (warnBeforeExpiry && leaf && renewalOverdue(leaf.notBefore, leaf.notAfter, now)) reasons.push('expiring-soon');
  if (security.state === 'weak' || (security.protocolVersion !== null && WEAK_PROTOCOLS.has(security.protocolVersion))) {
    reasons.push('weak-protocol');
  }
  return reasons;
}

export function badgeFor(snapshot: TabSnapshot | undefined, now: number, warnBeforeExpiry: boolean): Badge {
  if (!snapshot) return NO_BADGE;
  if (snapshot.status === 'failed') {
    return { text: '!', color: '#e22850', titleKey: 'badgeTitleFailed', titleSubstitutions: [] };
  }
  // The page loaded, but the padlock means nothing: as loud as a failure.
  if (snapshot.status === 'loaded' && compromisedRootIn(snapshot.security?.certificates ?? [])) {
    return { text: '!', color: '#e22850', titleKey: 'badgeTitleDanger', titleSubstitutions: [] };
  }
  const broken = (snapshot.subresourceFailureCount ?? 0) + (snapshot.frameFailures?.length ?? 0);
  if (broken > 0) {
    const text = broken > 99 ? '99+' : String(broken);
    return { text, color: '#e27f2e', titleKey: 'badgeTitleBrokenParts', titleSubstitutions: [String(broken)], titleCount: broken };
  }
  if (snapshot.status === 'loaded' && cautionReasons(snapshot, now, warnBeforeExpiry).length > 0) {
    return { text: '•', color: '#5b5b66', titleKey: 'badgeTitleCaution', titleSubstitutions: [] };
  }
  return NO_BADGE;
}
