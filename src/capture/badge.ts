// The toolbar badge of a tab, as a pure function of its snapshot and its diagnosis: a clear mark
// for a page that failed or that anyone could have forged (a root whose private key is public),
// the number of failed parts for a page that loaded with broken pieces, and a quieter mark for a
// page that loaded but deserves a look.

import type { Diagnosis } from '../diagnosis/types';
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

export const NO_BADGE: Badge = { text: '', color: '#5b5b66', titleKey: 'actionTitle', titleSubstitutions: [] };

/**
 * `diagnosis`: the diagnosis of this same load when the background has made it (its view), else
 * null. Whether a page that loaded deserves a look, or is a danger, is the diagnosis's verdict,
 * never a rule of the badge's own; what needs no judgement (the load failed, parts of it failed)
 * shows at once, from the snapshot.
 */
export function badgeFor(snapshot: TabSnapshot | undefined, diagnosis: Pick<Diagnosis, 'verdict'> | null): Badge {
  if (!snapshot) return NO_BADGE;
  if (snapshot.status === 'failed') {
    return { text: '!', color: '#e22850', titleKey: 'badgeTitleFailed', titleSubstitutions: [] };
  }
  // The page loaded, but the padlock means nothing (a root whose private key is public): as
  // loud as a failure.
  if (snapshot.status === 'loaded' && diagnosis?.verdict === 'danger') {
    return { text: '!', color: '#e22850', titleKey: 'badgeTitleDanger', titleSubstitutions: [] };
  }
  const broken = (snapshot.subresourceFailureCount ?? 0) + (snapshot.frameFailures?.length ?? 0);
  if (broken > 0) {
    const text = broken > 99 ? '99+' : String(broken);
    return { text, color: '#e27f2e', titleKey: 'badgeTitleBrokenParts', titleSubstitutions: [String(broken)], titleCount: broken };
  }
  if (snapshot.status === 'loaded' && diagnosis?.verdict === 'caution') {
    return { text: '•', color: '#5b5b66', titleKey: 'badgeTitleCaution', titleSubstitutions: [] };
  }
  return NO_BADGE;
}
