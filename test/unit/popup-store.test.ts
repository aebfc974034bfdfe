// The popup's state and its refresh paths (popup/popup-store.ts), driven with in-memory fakes: a
// storage area that fires onChanged, a background that answers view requests, a handoff.

import { PopupStore, type PopupPageState, type PopupPorts } from '../../popup/popup-store';
import { Catalogue, type CatalogueData, type Language } from '../../src/guide/catalogue';
import { wordsKey } from '../../src/guide/guide-words';
import type { PopupHandoff, ReadyForPopup } from '../../src/shared/popup-handoff';
import type { LanguageSetting } from '../../src/shared/settings';
import type { ViewRequest } from '../../src/shared/view-message';
import { viewKey, type PopupState, type PopupTarget, type SnapshotView } from '../../src/views/snapshot-view';
import { ObservedStorageArea } from './fakes/observed-storage-area';
import { expiredTabView } from './support/ready-view';
import { NOW } from './support/snapshots';

const TAB = 4;

function wordsOf(language: Language): CatalogueData {
  return {
    codes: { SEC_ERROR_EXPIRED_CERTIFICATE: { title: `expired (${language})`, explanation: '' } },
    codesForOwner: {},
    causes: {},
    products: {},
  };
}

interface Harness {
  readonly store: PopupStore;
  readonly session: ObservedStorageArea;
  readonly renders: PopupPageState[];
  readonly requests: ViewRequest[];
  readonly loadedWords: string[];
  readonly view: SnapshotView;
}

interface Options {
  readonly target?: PopupTarget;
  readonly handoff?: PopupHandoff | null;
  readonly setting?: LanguageSetting;
  readonly activeTab?: { readonly id: number; readonly url: string | null } | null;
  readonly reply?: (request: ViewRequest) => Promise<PopupState>;
  readonly now?: number;
  readonly ports?: Partial<PopupPorts>;
  readonly source?: Partial<PopupPorts['source']>;
  /** Changes the view before it is stored (as if the background had made it so). */
  readonly viewChange?: (view: SnapshotView) => SnapshotView;
}

async function harness(options: Options = {}): Promise<Harness> {
  const session = new ObservedStorageArea();
  const { views } = await expiredTabView(TAB, session);
  const made = views.ready(TAB);
  if (!made) throw new Error('expected a view');
  const view = options.viewChange ? options.viewChange(made) : made;
  await session.set({ [viewKey(TAB)]: view });
  const renders: PopupPageState[] = [];
  const requests: ViewRequest[] = [];
  const loadedWords: string[] = [];
  const store = new PopupStore(
    options.target ?? { tabId: TAB },
    {
      source: {
        get: (keys) => session.get(keys),
        activeTab: () => Promise.resolve(options.activeTab ?? null),
        request: (message) => {
          requests.push(message);
          return options.reply ? options.reply(message) : Promise.resolve(view);
        },
        badgeText: () => Promise.resolve('!'),
        ...options.source,
      },
      handoff: () => options.handoff ?? null,
      languageSetting: () => Promise.resolve(options.setting ?? 'auto'),
      uiLanguage: (setting) => {
        const language: Language = setting === 'ru' ? 'ru' : 'en';
        return Promise.resolve({ language, t: (key) => `${language}:${key}` });
      },
      loadWords: (language, needed) => {
        loadedWords.push(wordsKey(language, needed));
        return Promise.resolve(new Catalogue(language, wordsOf(language)));
      },
      probe: () => Promise.resolve('works'),
      readProxy: () => Promise.resolve({ kind: 'none', where: '' }),
      askServedChain: () => Promise.resolve(null),
      now: () => options.now ?? NOW,
      ...options.ports,
    },
    { language: 'en', t: (key) => `firefox:${key}` },
  );
  store.subscribe((state) => renders.push(state));
  session.onChanged((keys) => {
    void store.storageChanged(keys);
  });
  return { store, session, renders, requests, loadedWords, view };
}

/** Lets the fakes' promise chains run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 30; i += 1) await Promise.resolve();
}

/** What the background hands over for the expired tab: its view, a Russian setting, and words in `wordsLanguage`. */
async function handedOver(wordsLanguage: Language): Promise<ReadyForPopup> {
  const { views } = await expiredTabView(TAB, new ObservedStorageArea());
  const view = views.ready(TAB);
  if (!view) throw new Error('expected a view');
  return {
    view,
    badgeText: '',
    language: 'ru',
    words: { key: wordsKey(wordsLanguage, view), language: wordsLanguage, data: wordsOf(wordsLanguage) },
  };
}

function handoffOf(ready: ReadyForPopup | null): PopupHandoff {
  return { readyFor: () => (ready ? JSON.stringify(ready) : null) };
}

describe('the popup store: the first read', () => {
  test("from storage: the view, the badge as it is now, the words it shows in the setting's language", async () => {
    const { store, renders, loadedWords, view, requests } = await harness({ setting: 'ru' });
    await store.start();
    const last = renders.at(-1);
    expect(last?.view).toEqual({ ...view, badgeText: '!' });
    expect(last?.language).toBe('ru');
    expect(last?.t('x')).toBe('ru:x');
    expect(last?.catalogue?.code('SEC_ERROR_EXPIRED_CERTIFICATE', 'certificate').title).toBe('expired (ru)');
    expect(loadedWords).toEqual([wordsKey('ru', view)]);
    expect(last).toMatchObject({ viewFrom: 'storage', wordsFrom: 'files' });
    // The view was ready: nothing was asked of the background.
    expect(requests).toEqual([]);
    // Nothing is rendered before the answer (main.tsx shows "Loading" only when it is slow).
    expect(renders.map((r) => r.view.kind)).toEqual(['snapshot']);
  });

  test("from the background's memory: no storage read, no word file, the handed language and words", async () => {
    const ready = await handedOver('ru');
    const { store, renders, loadedWords } = await harness({
      handoff: handoffOf(ready),
      // A storage read would fail the popup: it must not happen.
      ports: { languageSetting: () => Promise.reject(new Error('settings read')) },
      source: { get: () => Promise.reject(new Error('storage read')) },
    });
    await store.start();
    const last = renders.at(-1);
    expect(last?.view.kind).toBe('snapshot');
    expect(last).toMatchObject({ language: 'ru', viewFrom: 'background', wordsFrom: 'background' });
    expect(last?.catalogue?.code('SEC_ERROR_EXPIRED_CERTIFICATE', 'certificate').title).toBe('expired (ru)');
    expect(loadedWords).toEqual([]);
  });

  test('handed words in another language than the popup speaks are not used', async () => {
    // The setting says Russian; the background loaded English words (made before the change).
    const ready = await handedOver('en');
    const { store, renders, loadedWords } = await harness({ handoff: handoffOf(ready) });
    await store.start();
    expect(renders.at(-1)).toMatchObject({ language: 'ru', wordsFrom: 'files' });
    expect(renders.at(-1)?.catalogue?.code('SEC_ERROR_EXPIRED_CERTIFICATE', 'certificate').title).toBe('expired (ru)');
    expect(loadedWords).toEqual([wordsKey('ru', ready.view as SnapshotView)]);
  });

  test('the toolbar popup on a page that is not https says so, and asks for the active tab once', async () => {
    let queries = 0;
    const { store, renders } = await harness({
      target: { activeTab: true },
      source: {
        activeTab: () => {
          queries += 1;
          return Promise.resolve({ id: 9, url: 'http://plain.test/' });
        },
      },
    });
    await store.start();
    expect(renders.at(-1)?.view).toEqual({ kind: 'not-https', scheme: 'http', url: 'http://plain.test/' });
    expect(queries).toBe(1);
  });

  test('a storage failure shows a broken state with its message, never a blank popup', async () => {
    const { store, renders } = await harness({ source: { get: () => Promise.reject(new Error('storage is gone')) } });
    await store.start();
    expect(renders.at(-1)?.view).toEqual({ kind: 'broken', message: 'storage is gone' });
  });
});

describe('the popup store: refreshes', () => {
  test('a new view stored for the tab is read and shown; other keys cause no read', async () => {
    const { store, session, renders, view } = await harness();
    await store.start();
    const before = renders.length;
    await session.set({ 'clock-samples': [] });
    await settle();
    expect(renders.length).toBe(before);
    const newer: SnapshotView = { ...view, now: view.now + 1000, diagnosis: { ...view.diagnosis, verdict: 'fix-here' } };
    await session.set({ [viewKey(TAB)]: newer });
    await settle();
    expect(renders.length).toBe(before + 1);
    expect(renders.at(-1)?.view).toMatchObject({ now: view.now + 1000, diagnosis: { verdict: 'fix-here' } });
  });

  test('of two reads that overlap, the older one never overwrites the newer', async () => {
    // Once started, the first read after it is slow, the second fast.
    let started = false;
    let reads = 0;
    let releaseSlow: () => void = () => undefined;
    const session = new ObservedStorageArea();
    const { store, renders, view } = await harness({
      source: {
        get: async (keys) => {
          const answer = await session.get(keys);
          if (started && (reads += 1) === 1) await new Promise<void>((resolve) => (releaseSlow = resolve));
          return answer;
        },
      },
    });
    await session.set({ [viewKey(TAB)]: view });
    await store.start();
    started = true;
    await session.set({ [viewKey(TAB)]: { ...view, now: view.now + 1 } });
    void store.storageChanged([viewKey(TAB)]);
    await settle();
    await session.set({ [viewKey(TAB)]: { ...view, now: view.now + 2 } });
    await store.storageChanged([viewKey(TAB)]);
    expect(renders.at(-1)?.view).toMatchObject({ now: view.now + 2 });
    releaseSlow();
    await settle();
    expect(renders.at(-1)?.view).toMatchObject({ now: view.now + 2 });
    expect(reads).toBe(2);
  });

  test('a view made long ago is shown at once and asked for again, once', async () => {
    const { store, requests, renders } = await harness({ now: NOW + 5 * 60_000 });
    await store.start();
    expect(renders.at(-1)?.view.kind).toBe('snapshot');
    expect(requests).toEqual([{ type: 'cert-doctor:view', tabId: TAB }]);
    await store.storageChanged([viewKey(TAB)]);
    expect(requests).toHaveLength(1);
  });
});

describe("the popup store: the person's checks", () => {
  test('the www check shows that it runs, then the background makes the view with its result', async () => {
    const { store, renders, requests, view } = await harness({
      viewChange: (made) => ({ ...made, diagnosis: { ...made.diagnosis, alternativeHost: 'www.expired.lab.test' } }),
      reply: (request) =>
        Promise.resolve({
          ...view,
          diagnosis: { ...view.diagnosis, verdict: request.probes?.www === 'works' ? 'fix-here' : 'site-fault' },
        }),
    });
    await store.start();
    await store.probeWww();
    expect(renders.some((r) => r.probing)).toBe(true);
    expect(requests).toEqual([{ type: 'cert-doctor:view', tabId: TAB, probes: { www: 'works' } }]);
    expect(renders.at(-1)).toMatchObject({ probing: false, view: { diagnosis: { verdict: 'fix-here' } } });
  });

  test('a view without a www address offers no www check', async () => {
    const { store, requests, renders } = await harness();
    await store.start();
    await store.probeWww();
    expect(requests).toEqual([]);
    expect(renders.some((r) => r.probing)).toBe(false);
  });

  test('the proxy check: declined, the popup says so; allowed, the finding goes to the background', async () => {
    let answer: { kind: 'none'; where: string } | null = null;
    const { store, renders, requests } = await harness({ ports: { readProxy: () => Promise.resolve(answer) } });
    await store.start();
    await store.checkProxy();
    expect(renders.at(-1)?.proxyDenied).toBe(true);
    expect(requests).toEqual([]);
    answer = { kind: 'none', where: '' };
    await store.checkProxy();
    expect(requests).toEqual([{ type: 'cert-doctor:view', tabId: TAB, probes: { proxy: { kind: 'none', where: '' } } }]);
  });

  test('the companion: declined, the popup says so; allowed, the view the background made again is shown', async () => {
    let answer: 'declined' | 'made' | 'broken' = 'declined';
    const asked: number[] = [];
    const served = { kind: 'not-installed' } as const;
    const { store, renders, view } = await harness({
      ports: {
        askServedChain: (tabId) => {
          asked.push(tabId);
          if (answer === 'broken') return Promise.reject(new Error('no background'));
          return Promise.resolve(answer === 'made' ? { ...view, served } : null);
        },
      },
    });
    await store.start();
    await store.getServedChain();
    expect(asked).toEqual([TAB]);
    expect(renders.at(-1)?.servedRequest).toBe('denied');
    answer = 'made';
    await store.getServedChain();
    // While the companion was asked, the button said so.
    expect(renders.some((r) => r.servedRequest === 'asking')).toBe(true);
    const last = renders.at(-1);
    expect(last?.servedRequest).toBe('idle');
    expect(last?.view.kind === 'snapshot' ? last.view.served : undefined).toEqual(served);
    answer = 'broken';
    await store.getServedChain();
    expect(renders.at(-1)?.servedRequest).toBe('idle');
    expect(asked).toEqual([TAB, TAB, TAB]);
  });

  test('a past incident never asks the companion', async () => {
    const asked: number[] = [];
    const { store } = await harness({
      viewChange: (made) => ({ ...made, incidentAt: NOW - 1000 }),
      ports: {
        askServedChain: (tabId) => {
          asked.push(tabId);
          return Promise.resolve(null);
        },
      },
    });
    await store.start();
    await store.getServedChain();
    expect(asked).toEqual([]);
  });

  test('testing again forgets the checks: the next check starts from nothing', async () => {
    const { store, requests } = await harness({
      viewChange: (made) => ({ ...made, diagnosis: { ...made.diagnosis, alternativeHost: 'www.expired.lab.test' } }),
    });
    await store.start();
    await store.probeWww();
    await store.checkProxy();
    store.testAgain();
    await store.checkProxy();
    expect(requests.map((r) => r.probes)).toEqual([
      { www: 'works' },
      { www: 'works', proxy: { kind: 'none', where: '' } },
      { proxy: { kind: 'none', where: '' } },
    ]);
  });
});
