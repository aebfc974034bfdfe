import { startLoad } from '../../src/capture/navigation-state';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import type { TabSnapshot } from '../../src/shared/tab-snapshot';
import { targetFromQuery } from '../../popup/popup-state';
import { decodedFacts } from '../../src/views/build-view';
import { resolvePopupState, type SnapshotSource } from '../../src/views/resolve-view';

function sourceOf(snapshots: TabSnapshot[], activeTabId: number | null): SnapshotSource {
  return {
    read: (tabId) => Promise.resolve(snapshots.find((s) => s.tabId === tabId)),
    readAll: () => Promise.resolve(snapshots),
    activeTab: () =>
      Promise.resolve(
        activeTabId === null
          ? null
          : { id: activeTabId, url: snapshots.find((s) => s.tabId === activeTabId)?.url ?? 'https://unknown.test/' },
      ),
    incident: () => Promise.resolve(undefined),
    clock: () => Promise.resolve(null),
    badgeText: (tabId) => Promise.resolve(`badge-of-${tabId}`),
    environment: () => Promise.reject(new Error('no runtime here')),
    lastGood: () => Promise.resolve(null),
    remembered: () => Promise.resolve([]),
    settings: () => Promise.resolve(DEFAULT_SETTINGS),
    now: () => Date.UTC(2026, 10, 26),
  };
}

describe('targetFromQuery', () => {
  test.each([
    ['?tabId=12', { tabId: 12 }],
    ['?url=https%3A%2F%2Fa.test%2F', { url: 'https://a.test/' }],
    ['', { activeTab: true }],
    ['?tabId=-1', { activeTab: true }],
    ['?tabId=1e3', { activeTab: true }],
    ['?tabId=abc&url=https%3A%2F%2Fb.test%2F', { url: 'https://b.test/' }],
  ])('%s', (search, expected) => {
    expect(targetFromQuery(search)).toEqual(expected);
  });
});

// A failing environment read must not break the popup: it shows null there.
function shown(snapshot: TabSnapshot): unknown {
  // A page still loading has nothing wrong yet: no causes, nothing to bypass.
  const diagnosis = { verdict: 'ok', bypass: null, causes: [], product: null, code: null, actions: [], alternativeHost: null };
  return {
    kind: 'snapshot',
    snapshot,
    clock: null,
    badgeText: `badge-of-${snapshot.tabId}`,
    environment: null,
    lastGood: null,
    diagnosis,
    ...decodedFacts(snapshot),
    now: Date.UTC(2026, 10, 26),
  };
}

describe('resolvePopupState', () => {
  const a = startLoad(1, 'https://a.test/', 10);
  const b = startLoad(2, 'https://b.test/', 20);

  test('the active tab when no query is given', async () => {
    expect(await resolvePopupState({ activeTab: true }, sourceOf([a, b], 2))).toEqual(shown(b));
  });

  test('a tab by id', async () => {
    expect(await resolvePopupState({ tabId: 1 }, sourceOf([a, b], 2))).toEqual(shown(a));
  });

  test('a tab with no record (loaded before install) names the tab for the reload button', async () => {
    expect(await resolvePopupState({ tabId: 9 }, sourceOf([a], 9))).toEqual({ kind: 'no-record', tabId: 9 });
  });

  test('no active tab at all', async () => {
    expect(await resolvePopupState({ activeTab: true }, sourceOf([a], null))).toEqual({ kind: 'no-record', tabId: null });
  });

  test('by URL', async () => {
    expect(await resolvePopupState({ url: 'https://b.test/' }, sourceOf([a, b], null))).toEqual(shown(b));
    expect(await resolvePopupState({ url: 'https://z.test/' }, sourceOf([a, b], null))).toEqual({ kind: 'no-record', tabId: null });
  });
});
