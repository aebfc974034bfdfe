import { fitSnapshot } from '../../src/storage/snapshot-budget';
// The flow from the facts: the background makes a tab's view when its snapshot is written and
// keeps it in storage.session (ready-views.ts); the popup reads it (ready-state.ts) without a
// diagnosis or a certificate parser of its own. In-memory storage fakes stand for storage.session.

import { recordFailure, startLoad } from '../../src/capture/navigation-state';
import { ReadyViews } from '../../src/background/ready-views';
import { readPopupState, type ReadySource } from '../../popup/ready-state';
import { diagnose } from '../../src/diagnosis/diagnose';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import type { TabSnapshot } from '../../src/shared/tab-snapshot';
import type { ViewRequest } from '../../src/shared/view-message';
import { snapshotKey, TabSnapshotStore } from '../../src/storage/tab-snapshots';
import { WriteBehindState } from '../../src/storage/write-behind';
import type { SnapshotSource } from '../../src/views/resolve-view';
import { isSnapshotView, viewKey, type PopupState, type SnapshotView } from '../../src/views/snapshot-view';
import { FakeStorageArea } from './fakes/storage-area';
import { recorded } from './support/report-input';
import { history, NOW } from './support/snapshots';

const URL_A = 'https://expired.lab.test/';
const ENVIRONMENT = { os: 'linux', firefoxVersion: '153.8.0', captivePortal: 'not_captive' };

interface Harness {
  readonly session: FakeStorageArea;
  readonly tabs: TabSnapshotStore;
  readonly views: ReadyViews;
  /** Runs the timers the views scheduled (the debounce after a burst of facts). */
  readonly runTimers: () => void;
}

function harness(): Harness {
  const session = new FakeStorageArea();
  const timers: (() => void)[] = [];
  const state = new WriteBehindState(session, 0, (callback) => {
    callback();
  });
  const tabs = new TabSnapshotStore(state, fitSnapshot);
  const source: SnapshotSource = {
    read: (tabId) => tabs.read(tabId),
    readAll: () => Promise.resolve([]),
    activeTab: () => Promise.resolve(null),
    incident: () => Promise.resolve(undefined),
    clock: () => Promise.resolve(null),
    badgeText: () => Promise.resolve(''),
    environment: () => Promise.resolve(ENVIRONMENT),
    lastGood: () => Promise.resolve(null),
    remembered: () => Promise.resolve([]),
    settings: () => Promise.resolve(DEFAULT_SETTINGS),
    now: () => NOW,
  };
  const views = new ReadyViews(
    session,
    source,
    30,
    () => Promise.resolve([1]),
    (callback) => timers.push(callback),
  );
  return {
    session,
    tabs,
    views,
    runTimers: () => {
      for (const run of timers.splice(0)) run();
    },
  };
}

async function storedView(session: FakeStorageArea, tabId: number): Promise<SnapshotView | undefined> {
  const value = (await session.get(viewKey(tabId)))[viewKey(tabId)];
  return isSnapshotView(value) ? value : undefined;
}

/** Lets the queued promise chains run (storage fakes resolve at once). */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
}

function expiredLoad(): TabSnapshot {
  // 2153390069 is SEC_ERROR_EXPIRED_CERTIFICATE (0x805A1FF5: NSS's base plus -8181 + 0x2000).
  const snapshot = recordFailure(startLoad(1, URL_A, NOW - 1000), 1, URL_A, 'Error code 2153390069', NOW - 500);
  if (!snapshot) throw new Error('expected a failure');
  return snapshot;
}

describe('the background keeps each tab view ready', () => {
  test('a written snapshot is diagnosed after the debounce, and stored under view:<tabId>', async () => {
    const { session, tabs, views, runTimers } = harness();
    const snapshot = expiredLoad();
    await tabs.update(1, () => snapshot);
    views.schedule(1);
    views.schedule(1);
    expect(await storedView(session, 1)).toBeUndefined();
    runTimers();
    await settle();
    const view = await storedView(session, 1);
    expect(view?.snapshot).toEqual(snapshot);
    expect(view?.code).toEqual({ name: 'SEC_ERROR_EXPIRED_CERTIFICATE', number: 2153390069, family: 'certificate' });
    const expected = diagnose(
      snapshot,
      { ...ENVIRONMENT, clock: null, now: NOW, warnBeforeExpiry: DEFAULT_SETTINGS.warnBeforeExpiry },
      history(),
    );
    expect(view?.diagnosis.causes.map((c) => c.id)).toEqual(expected.causes.map((c) => c.id));
    expect(view?.diagnosis.verdict).toBe(expected.verdict);
  });

  test('the certificate facts are parsed in the background: names, key, PEM of the whole chain', async () => {
    const { session, tabs, views } = harness();
    const valid = { ...recorded('valid').snapshot, tabId: 1 };
    await tabs.update(1, () => valid);
    await views.make(1);
    const view = await storedView(session, 1);
    const chain = valid.security?.certificates ?? [];
    // The lab's leaf for this case names valid.lab.test only (goodLeaf in test/lab/cases.ts),
    // with the lab's default ECDSA P-256 key (test/lab/pki.ts).
    expect(view?.certificates.parsed[0]?.names).toEqual(['valid.lab.test']);
    expect(view?.certificates.parsed[0]?.key).toMatch(/^EC 256 P-256, ECDSA\b/);
    expect(view?.certificates.parsed).toHaveLength(chain.length);
    expect(view?.certificates.pem.match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(chain.length);
  });

  test('the product in a stored view carries no RegExp (the view is cloned into storage)', async () => {
    const { session, tabs, views } = harness();
    await tabs.update(1, () => ({ ...recorded('interception').snapshot, tabId: 1 }));
    await views.make(1);
    const view = await storedView(session, 1);
    expect(view?.diagnosis.product).toEqual({ id: 'avast', name: 'Avast / AVG', kind: 'antivirus', guide: 'avast' });
  });

  test('the checks the person ran stay with the load, and a new load starts without them', async () => {
    const { session, tabs, views } = harness();
    await tabs.update(1, () => expiredLoad());
    const proxy = { kind: 'none', where: '' } as const;
    const withProbe = await views.make(1, { proxy });
    expect(withProbe.kind === 'snapshot' && withProbe.diagnosis).toEqual(
      diagnose(expiredLoad(), { ...ENVIRONMENT, clock: null, now: NOW, warnBeforeExpiry: true }, history({ probes: { proxy } })),
    );
    await views.make(1);
    expect((await storedView(session, 1))?.diagnosis).toEqual(withProbe.kind === 'snapshot' ? withProbe.diagnosis : null);
    await tabs.update(1, () => startLoad(1, URL_A, NOW + 5000));
    await views.make(1);
    const fresh = await storedView(session, 1);
    expect(fresh?.snapshot.status).toBe('loading');
    expect(fresh?.diagnosis).toEqual(
      diagnose(startLoad(1, URL_A, NOW + 5000), { ...ENVIRONMENT, clock: null, now: NOW, warnBeforeExpiry: true }, history()),
    );
  });

  test("the companion's answer stays with the load's view (through later checks), and a new load forgets it", async () => {
    const { session, tabs, views } = harness();
    await tabs.update(1, () => expiredLoad());
    await views.make(1, { served: { kind: 'not-installed' } });
    expect((await storedView(session, 1))?.served).toEqual({ kind: 'not-installed' });
    // A later check (the proxy) keeps it.
    await views.make(1, { proxy: { kind: 'none', where: '' } });
    expect((await storedView(session, 1))?.served).toEqual({ kind: 'not-installed' });
    await tabs.update(
      1,
      () => recordFailure(startLoad(1, URL_A, NOW + 5000), 1, URL_A, 'Error code 2153390069', NOW + 5500) ?? expiredLoad(),
    );
    await views.make(1);
    const fresh = await storedView(session, 1);
    expect(fresh?.snapshot.startedAt).toBe(NOW + 5000);
    expect(fresh?.served).toBeUndefined();
  });

  test('a closed tab loses its view; an http page gets none', async () => {
    const { session, tabs, views } = harness();
    await tabs.update(1, () => expiredLoad());
    await views.make(1);
    expect(await storedView(session, 1)).toBeDefined();
    await tabs.remove(1);
    await views.forget(1);
    expect(session.keys()).not.toContain(viewKey(1));
    await tabs.update(1, () => startLoad(1, 'http://plain.lab.test/', NOW));
    expect(await views.make(1)).toEqual({ kind: 'not-https', scheme: 'http', url: 'http://plain.lab.test/' });
    expect(session.keys()).not.toContain(viewKey(1));
  });
});

describe('the popup reads the ready view', () => {
  function popupSource(session: FakeStorageArea, made: PopupState): ReadySource & { readonly requests: ViewRequest[] } {
    const requests: ViewRequest[] = [];
    return {
      requests,
      get: (keys) => session.get(keys),
      activeTab: () => Promise.resolve({ id: 1, url: URL_A }),
      request: (message) => {
        requests.push(message);
        return Promise.resolve(made);
      },
      badgeText: () => Promise.resolve('!'),
    };
  }

  test('a ready view is shown as stored, with the badge as it is now, without asking the background', async () => {
    const { session, tabs, views } = harness();
    await tabs.update(1, () => expiredLoad());
    await views.make(1);
    const source = popupSource(session, { kind: 'broken', message: 'not asked' });
    const state = await readPopupState({ activeTab: true }, source);
    expect(state).toEqual({ ...(await storedView(session, 1)), badgeText: '!' });
    expect(source.requests).toEqual([]);
  });

  test('a snapshot whose view is not made yet: the popup asks the background for it', async () => {
    const session = new FakeStorageArea();
    await session.set({ [snapshotKey(1)]: expiredLoad() });
    const source = popupSource(session, { kind: 'no-record', tabId: 1 });
    expect(await readPopupState({ tabId: 1 }, source)).toEqual({ kind: 'no-record', tabId: 1 });
    expect(source.requests).toEqual([{ type: 'cert-doctor:view', tabId: 1 }]);
  });

  test('no snapshot at all: no record, and nothing asked', async () => {
    const source = popupSource(new FakeStorageArea(), { kind: 'broken', message: 'not asked' });
    expect(await readPopupState({ tabId: 4 }, source)).toEqual({ kind: 'no-record', tabId: 4 });
    expect(await readPopupState({ url: 'https://none.test/' }, source)).toEqual({ kind: 'no-record', tabId: null });
    expect(source.requests).toEqual([]);
  });

  test('by URL: the newest tab that loaded it; a past incident and new checks go to the background', async () => {
    const { session, tabs, views } = harness();
    await tabs.update(1, () => expiredLoad());
    await views.make(1);
    const source = popupSource(session, { kind: 'broken', message: 'asked' });
    expect(await readPopupState({ url: URL_A }, source)).toEqual({ ...(await storedView(session, 1)), badgeText: '!' });
    await readPopupState({ incident: 'abc' }, source);
    await readPopupState({ tabId: 1 }, source, { proxy: { kind: 'none', where: '' } });
    expect(source.requests).toEqual([
      { type: 'cert-doctor:view', incident: 'abc' },
      { type: 'cert-doctor:view', tabId: 1, probes: { proxy: { kind: 'none', where: '' } } },
    ]);
  });

  test('an about: page (Firefox hides its URL) is not https', async () => {
    const source = {
      ...popupSource(new FakeStorageArea(), { kind: 'broken', message: '' }),
      activeTab: () => Promise.resolve({ id: 2, url: null }),
    };
    expect(await readPopupState({ activeTab: true }, source)).toEqual({ kind: 'not-https', scheme: null, url: null });
  });
});
