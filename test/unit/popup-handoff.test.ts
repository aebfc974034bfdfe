// The popup's synchronous read of the background's memory (src/shared/popup-handoff.ts): the
// background's side (ReadyViews keeps each stored view, HandoffWords loads its words, TabBadges
// knows the badge), the popup's side (readyFromHandoff checks what crosses), and every way it
// can fail, which must leave the popup on its storage path rather than broken.

import { HandoffWords } from '../../src/background/handoff-words';
import { TabBadges, type ActionLike } from '../../src/capture/tab-badges';
import type { CatalogueData, Language } from '../../src/guide/catalogue';
import { wordsKey, type WordsNeeded } from '../../src/guide/guide-words';
import { handoffOf, HANDOFF_PROPERTY, type PopupHandoff, type ReadyForPopup } from '../../src/shared/popup-handoff';
import { readyFromHandoff } from '../../popup/ready-state';
import { EXPIRED_URL, expiredTabView, type MadeView } from './support/ready-view';

const URL_A = EXPIRED_URL;
const madeView = (tabId: number): Promise<MadeView> => expiredTabView(tabId);

const WORDS: CatalogueData = {
  codes: { SEC_ERROR_EXPIRED_CERTIFICATE: { title: 'Expired', explanation: 'It ran out.' } },
  codesForOwner: {},
  causes: {},
  products: {},
};

function handoffWith(ready: (tabId: number) => string | null): PopupHandoff {
  return { readyFor: ready };
}

describe('the background side', () => {
  test('ReadyViews keeps the view it stored, tells who wants to know, and forgets it with the tab', async () => {
    const { views, tabs, stored } = await madeView(7);
    const view = views.ready(7);
    expect(view?.snapshot.url).toBe(URL_A);
    expect(view?.code?.name).toBe('SEC_ERROR_EXPIRED_CERTIFICATE');
    expect(stored).toEqual([view]);
    expect(views.ready(8)).toBeUndefined();
    // The tab was closed: its snapshot goes first, then its view (main.ts, tabs.onRemoved).
    await tabs.remove(7);
    await views.forget(7);
    expect(views.ready(7)).toBeUndefined();
  });

  test('TabBadges knows the text it applied, "" after Firefox reset it, nothing for an unknown tab', async () => {
    const action: ActionLike = {
      setBadgeText: () => Promise.resolve(),
      setBadgeBackgroundColor: () => Promise.resolve(),
      setTitle: () => Promise.resolve(),
    };
    const badges = new TabBadges(action, (key) => key);
    expect(badges.textOf(3)).toBeNull();
    await badges.show(3, { text: '!', color: '#e22850', titleKey: 'badgeTitleFailed', titleSubstitutions: [] });
    expect(badges.textOf(3)).toBe('!');
    badges.resetToDefault(3);
    expect(badges.textOf(3)).toBe('');
    badges.forget(3);
    expect(badges.textOf(3)).toBeNull();
  });

  test("HandoffWords loads a view's words once, in the popup's language, and keeps at most 32 sets", async () => {
    const loads: string[] = [];
    let language: Language | null = null;
    const words = new HandoffWords(
      (lang, needed) => {
        loads.push(`${lang} ${needed.code?.name ?? ''}`);
        return Promise.resolve(WORDS);
      },
      () => language,
    );
    const needed = (name: string): WordsNeeded => ({
      code: { name, family: 'certificate' },
      diagnosis: { causes: [{ id: 'cert-expired', confidence: 'high', evidence: [] }], product: null },
    });
    // The settings are not read yet: the popup's language is not known, nothing is loaded.
    words.prepare(needed('A'));
    expect(loads).toEqual([]);
    language = 'ru';
    words.prepare(needed('A'));
    words.prepare(needed('A'));
    await Promise.resolve();
    await Promise.resolve();
    expect(loads).toEqual(['ru A']);
    expect(words.wordsFor(needed('A'))).toEqual({ key: wordsKey('ru', needed('A')), language: 'ru', data: WORDS });
    // Another language wants other words.
    language = 'en';
    expect(words.wordsFor(needed('A'))).toBeNull();
    for (let i = 0; i < 40; i += 1) words.prepare(needed(`N${i}`));
    for (let i = 0; i < 10; i += 1) await Promise.resolve();
    expect(words.wordsFor(needed('N39'))).not.toBeNull();
    // The oldest went first.
    expect(words.wordsFor(needed('N0'))).toBeNull();
    language = 'ru';
    expect(words.wordsFor(needed('A'))).toBeNull();
  });

  test('a failed load of words hands over none (the popup fetches them itself) and may be tried again', async () => {
    let fail = true;
    const words = new HandoffWords(
      () => (fail ? Promise.reject(new Error('no file')) : Promise.resolve(WORDS)),
      () => 'en',
    );
    const needed: WordsNeeded = { code: null, diagnosis: { causes: [], product: null } };
    words.prepare(needed);
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
    expect(words.wordsFor(needed)).toBeNull();
    fail = false;
    words.prepare(needed);
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
    expect(words.wordsFor(needed)?.data).toEqual(WORDS);
  });
});

describe('the popup side', () => {
  test("handoffOf finds the background page's handoff, and is null when there is none to call", () => {
    const handoff = handoffWith(() => null);
    expect(handoffOf(() => ({ [HANDOFF_PROPERTY]: handoff }))).toBe(handoff);
    // Firefox gives a private window's pages no background page.
    expect(handoffOf(() => null)).toBeNull();
    expect(handoffOf(undefined)).toBeNull();
    expect(handoffOf(() => ({}))).toBeNull();
    expect(handoffOf(() => ({ [HANDOFF_PROPERTY]: { readyFor: 'not a function' } }))).toBeNull();
    expect(
      handoffOf(() => {
        throw new Error('dead object');
      }),
    ).toBeNull();
  });

  test('a ready view crosses as JSON with the badge, the language setting and its words', async () => {
    const { views } = await madeView(7);
    const view = views.ready(7);
    const key = view ? wordsKey('ru', view) : '';
    const ready: ReadyForPopup = { view, badgeText: '!', language: 'ru', words: { key, language: 'ru', data: WORDS } };
    const handed = readyFromHandoff(
      7,
      handoffWith((tabId) => (tabId === 7 ? JSON.stringify(ready) : null)),
    );
    expect(handed?.state.snapshot.url).toBe(URL_A);
    expect(handed?.state.badgeText).toBe('!');
    expect(handed?.language).toBe('ru');
    expect(handed?.words?.data).toEqual(WORDS);
    // Another tab has no view: the popup reads storage.
    expect(
      readyFromHandoff(
        8,
        handoffWith((tabId) => (tabId === 7 ? JSON.stringify(ready) : null)),
      ),
    ).toBeNull();
  });

  test('anything wrong with what crosses sends the popup back to storage, never a broken popup', async () => {
    const { views } = await madeView(7);
    const view = views.ready(7);
    const good: ReadyForPopup = { view, badgeText: '', language: null, words: null };
    const read = (json: string | null | (() => never)): unknown =>
      readyFromHandoff(7, handoffWith(typeof json === 'function' ? json : () => json));
    expect(read(null)).toBeNull();
    expect(read('{not json')).toBeNull();
    expect(
      read(() => {
        throw new Error('the background is gone');
      }),
    ).toBeNull();
    expect(read(JSON.stringify({ ...good, view: { kind: 'snapshot' } }))).toBeNull();
    // The view of another tab is never shown for this one.
    expect(
      readyFromHandoff(
        9,
        handoffWith(() => JSON.stringify(good)),
      ),
    ).toBeNull();
    // The badge is not known: the popup asks Firefox.
    expect(read(JSON.stringify({ ...good, badgeText: null }))).toBeNull();
    expect(
      readyFromHandoff(
        null,
        handoffWith(() => JSON.stringify(good)),
      ),
    ).toBeNull();
    expect(readyFromHandoff(7, null)).toBeNull();
    // A language setting that is no string, malformed words: those parts are left out. (A string
    // is passed on: ui-translator.ts accepts only a language whose messages file names it.)
    const partial = readyFromHandoff(
      7,
      handoffWith(() => JSON.stringify({ ...good, language: 42, words: { key: 'k', language: 'en', data: { codes: {} } } })),
    );
    expect(partial?.state.snapshot.tabId).toBe(7);
    expect(partial?.language).toBeNull();
    expect(partial?.words).toBeNull();
  });
});
