// Applies each tab's badge, and only when it changes: every call is a message to the parent
// process. The memory of what was applied is lost when the event page unloads, which costs at
// most one repeated call per tab.

import type { Badge } from './badge';

export interface ActionLike {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setTitle(details: { tabId: number; title: string }): Promise<void>;
}

export class TabBadges {
  private readonly applied = new Map<number, string>();

  constructor(
    private readonly action: ActionLike,
    private readonly translate: (key: string, substitutions?: string[]) => string,
  ) {}

  async show(tabId: number, badge: Badge): Promise<void> {
    const signature = `${badge.text}|${badge.color}|${badge.titleKey}|${badge.titleSubstitutions.join(',')}`;
    if (this.applied.get(tabId) === signature) return;
    this.applied.set(tabId, signature);
    await Promise.all([
      this.action.setBadgeText({ tabId, text: badge.text }),
      this.action.setBadgeBackgroundColor({ tabId, color: badge.color }),
      this.action.setTitle({ tabId, title: this.translate(badge.titleKey, [...badge.titleSubstitutions]) }),
    ]);
  }

  forget(tabId: number): void {
    this.applied.delete(tabId);
  }
}
