import { badgeFor, NO_BADGE, type Badge } from '../../src/capture/badge';
import { translateCount } from '../../src/shared/plural';
import { translatorForLocale } from './fakes/messages';
import { TabBadges, type ActionLike } from '../../src/capture/tab-badges';

const FAILED: Badge = { text: '!', color: '#e22850', titleKey: 'badgeTitleFailed', titleSubstitutions: [] };
const CAUTION: Badge = { text: '•', color: '#5b5b66', titleKey: 'badgeTitleCaution', titleSubstitutions: [] };
const parts = (n: number): Badge => ({
  text: String(n),
  color: '#e27f2e',
  titleKey: 'badgeTitleBrokenParts',
  titleSubstitutions: [String(n)],
});

function recordingAction(): { action: ActionLike; calls: string[] } {
  const calls: string[] = [];
  const action: ActionLike = {
    setBadgeText: ({ tabId, text }) => (calls.push(`text ${tabId} ${text}`), Promise.resolve()),
    setBadgeBackgroundColor: ({ tabId, color }) => (calls.push(`color ${tabId} ${color}`), Promise.resolve()),
    setTitle: ({ tabId, title }) => (calls.push(`title ${tabId} ${title}`), Promise.resolve()),
  };
  return { action, calls };
}

const translate = (key: string, substitutions?: string[]): string => `${key}(${(substitutions ?? []).join(',')})`;

describe('TabBadges', () => {
  test('the first badge of a tab sets text, colour and title', async () => {
    const { action, calls } = recordingAction();
    await new TabBadges(action, translate).show(1, FAILED);
    expect(calls).toEqual(['text 1 !', 'color 1 #e22850', 'title 1 badgeTitleFailed()']);
  });

  test('showing the same badge again makes no call', async () => {
    const { action, calls } = recordingAction();
    const badges = new TabBadges(action, translate);
    await badges.show(1, CAUTION);
    calls.length = 0;
    await badges.show(1, CAUTION);
    expect(calls).toEqual([]);
  });

  test('only what changed is set: a new count changes text and title, not the colour', async () => {
    const { action, calls } = recordingAction();
    const badges = new TabBadges(action, translate);
    await badges.show(1, parts(2));
    calls.length = 0;
    await badges.show(1, parts(3));
    expect(calls).toEqual(['text 1 3', 'title 1 badgeTitleBrokenParts(3)']);
  });

  test('after Firefox reset the tab on a new document, the default badge costs nothing', async () => {
    const { action, calls } = recordingAction();
    const badges = new TabBadges(action, translate);
    await badges.show(1, FAILED);
    badges.resetToDefault(1);
    calls.length = 0;
    await badges.show(1, NO_BADGE);
    expect(calls).toEqual([]);
    await badges.show(1, FAILED);
    expect(calls).toEqual(['text 1 !', 'color 1 #e22850', 'title 1 badgeTitleFailed()']);
  });

  test('tabs are independent, and a forgotten tab is set in full again', async () => {
    const { action, calls } = recordingAction();
    const badges = new TabBadges(action, translate);
    await badges.show(1, FAILED);
    await badges.show(2, FAILED);
    badges.forget(1);
    calls.length = 0;
    await badges.show(1, FAILED);
    expect(calls).toHaveLength(3);
  });

  test('the tooltip of a count takes the plural form of that count, in Russian too', async () => {
    const ru = translatorForLocale('ru');
    const titles: string[] = [];
    const { action } = recordingAction();
    const badges = new TabBadges(
      { ...action, setTitle: ({ title }) => (titles.push(title), Promise.resolve()) },
      (key, substitutions, count) => (count === undefined ? ru(key, substitutions) : translateCount(ru, 'ru', key, count, substitutions)),
    );
    for (const n of [1, 2, 5, 21]) {
      const badge = badgeFor(
        { schema: 2, tabId: 1, url: 'https://a.test/', startedAt: 0, status: 'loaded', subresourceFailureCount: n },
        null,
      );
      await badges.show(1, badge);
    }
    expect(titles.map((t) => /\d+ \S+/.exec(t)?.[0])).toEqual(['1 часть', '2 части', '5 частей', '21 часть']);
  });
});
