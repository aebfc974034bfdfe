// Applies each tab's badge, calling only for what changes: every call is a message to the parent
// process, made on every page load. The memory of what was applied is lost if the background
// restarts, which costs at most one repeated set of calls per tab.

import { NO_BADGE, type Badge } from './badge';

export interface ActionLike {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
}

export class TabBadges {
  private readonly applied = new Map<number, Badge>();

  constructor(
    private readonly action: ActionLike,
    /** With a count, the message in that count's plural form (src/shared/plural.ts). */
    private readonly translate: (key: string, substitutions: string[], count?: number) => string,
  ) {}

  /** Sets only what differs from what the tab shows now (everything when that is unknown). */
  async show(tabId: number, badge: Badge): Promise<void> {
    const shown = this.applied.get(tabId);
    this.applied.set(tabId, badge);
    const calls: Promise<void>[] = [];
    if (shown?.text !== badge.text) calls.push(this.action.setBadgeText({ tabId, text: badge.text }));
    // The colour of an empty badge is never seen.
    if (badge.text !== '' && shown?.color !== badge.color) {
      calls.push(this.action.setBadgeBackgroundColor({ tabId, color: badge.color }));
    }
    if (shown?.titleKey !== badge.titleKey || shown.titleSubstitutions.join('\u0000') !== badge.titleSubstitutions.join('\u0000')) {
      calls.push(this.action.setTitle({ tabId, title: this.translate(badge.titleKey, [...badge.titleSubstitutions], badge.titleCount) }));
    }
    await Promise.all(calls);
  }

  /**
   * Firefox resets a tab's badge, colour and title to the manifest's defaults when its top-level
   * document changes: the tab now shows NO_BADGE without a call.
   */
  resetToDefault(tabId: number): void {
    this.applied.set(tabId, NO_BADGE);
  }

  /** The badge text the tab shows, as far as this background knows (null: not known). */
  textOf(tabId: number): string | null {
    return this.applied.get(tabId)?.text ?? null;
  }

  forget(tabId: number): void {
    this.applied.delete(tabId);
  }
}
