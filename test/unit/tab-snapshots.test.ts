import { fitSnapshot, SHRUNK_SNAPSHOT_BUDGET_BYTES } from '../../src/storage/snapshot-budget';
import { summariseSecurityInfo } from '../../src/capture/security-info';
import { fakeCertificate, fakeSecurityInfo } from './fakes/security-info';
import {
  newestSnapshotForUrl,
  shrinkSnapshotEntry,
  snapshotKey,
  TabSnapshotReader,
  TabSnapshotStore,
} from '../../src/storage/tab-snapshots';
import { WriteBehindState } from '../../src/storage/write-behind';
import { recordCompletion, recordSecurity, startLoad } from '../../src/capture/navigation-state';
import type { TabSnapshot } from '../../src/shared/tab-snapshot';
import { FakeStorageArea, QuotaStorageArea } from './fakes/storage-area';

describe('TabSnapshotStore', () => {
  test('updates of one tab are applied in order, each seeing the previous result', async () => {
    const area = new FakeStorageArea();
    const store = new TabSnapshotStore(new WriteBehindState(area, 1), fitSnapshot);
    const seen: (string | undefined)[] = [];
    const updates = ['https://a.test/', 'https://b.test/', 'https://c.test/'].map((url) =>
      store.update(1, (previous) => {
        seen.push(previous?.url);
        return startLoad(1, url, 0);
      }),
    );
    await Promise.all(updates);
    expect(seen).toEqual([undefined, 'https://a.test/', 'https://b.test/']);
    expect((await store.read(1))?.url).toBe('https://c.test/');
  });

  test('a failing update does not block the next one', async () => {
    const store = new TabSnapshotStore(new WriteBehindState(new FakeStorageArea(), 1), fitSnapshot);
    const failing = store.update(1, () => {
      throw new Error('boom');
    });
    const next = store.update(1, () => startLoad(1, 'https://x.test/', 0));
    await expect(failing).rejects.toThrow('boom');
    await next;
    expect((await store.read(1))?.url).toBe('https://x.test/');
  });

  test('an update that returns the same snapshot writes nothing', async () => {
    const area = new FakeStorageArea();
    const store = new TabSnapshotStore(new WriteBehindState(area, 1), fitSnapshot);
    await store.update(1, () => startLoad(1, 'https://x.test/', 0));
    const writes = area.writes;
    await store.update(1, (previous) => previous);
    expect(area.writes).toBe(writes);
  });

  test('remove deletes the tab key and leaves other tabs', async () => {
    const area = new FakeStorageArea();
    const store = new TabSnapshotStore(new WriteBehindState(area, 1), fitSnapshot);
    await store.update(1, () => startLoad(1, 'https://a.test/', 0));
    await store.update(2, () => startLoad(2, 'https://b.test/', 0));
    await store.remove(1);
    expect(area.keys()).toEqual([snapshotKey(2)]);
  });

  test('values that are not snapshots (other keys, old schemas) are ignored', async () => {
    const area = new FakeStorageArea();
    await area.set({ [snapshotKey(1)]: { schema: 0, url: 'x' }, other: 1 });
    expect(await new TabSnapshotStore(new WriteBehindState(area, 1), fitSnapshot).read(1)).toBeUndefined();
    const reader = new TabSnapshotReader(area);
    expect(await reader.read(1)).toBeUndefined();
    expect(await reader.readAll()).toEqual([]);
  });
});

describe('newestSnapshotForUrl', () => {
  const at = (tabId: number, url: string, startedAt: number): TabSnapshot => startLoad(tabId, url, startedAt);

  test('picks the newest load of the URL among tabs', () => {
    const list = [at(1, 'https://a.test/', 10), at(2, 'https://a.test/', 30), at(3, 'https://b.test/', 50)];
    expect(newestSnapshotForUrl(list, 'https://a.test/')?.tabId).toBe(2);
  });

  test('compares URLs in normal form (host case, empty path)', () => {
    expect(newestSnapshotForUrl([at(4, 'https://a.test/', 1)], 'https://A.test')?.tabId).toBe(4);
  });

  test('finds a load Firefox upgraded to https by the http address the person opened', () => {
    const upgraded: TabSnapshot = { ...at(6, 'https://a.test:81/', 5), requestedUrl: 'http://a.test:81/' };
    expect(newestSnapshotForUrl([upgraded], 'http://a.test:81/')?.tabId).toBe(6);
    expect(newestSnapshotForUrl([upgraded], 'https://a.test:81/')?.tabId).toBe(6);
    expect(newestSnapshotForUrl([at(7, 'https://a.test:81/', 5)], 'http://a.test:81/')).toBeUndefined();
  });

  test('returns undefined when no tab loaded the URL, or for garbage input', () => {
    expect(newestSnapshotForUrl([at(1, 'https://a.test/', 1)], 'https://c.test/')).toBeUndefined();
    expect(newestSnapshotForUrl([at(1, 'https://a.test/', 1)], '::not a url::')).toBeUndefined();
  });
});

describe('a tab whose snapshot storage refuses costs no other tab its record', () => {
  test('the batch is written key by key; the refused snapshot is stored shrunk, the innocent one whole', async () => {
    // storage.session nearly full with other data (views of other tabs, say).
    const area = new QuotaStorageArea(100_000);
    await area.set({ 'view:9': 'v'.repeat(70_000) });
    const state = new WriteBehindState(area, 5, undefined, {
      shrink: (key, value) => shrinkSnapshotEntry(key, value, (snapshot) => fitSnapshot(snapshot, SHRUNK_SNAPSHOT_BUDGET_BYTES)),
    });
    const store = new TabSnapshotStore(state, fitSnapshot);
    const security = summariseSecurityInfo(
      fakeSecurityInfo({
        certificates: Array.from({ length: 3 }, () => fakeCertificate({ der: Array.from({ length: 12_000 }, (_, i) => i % 256) })),
      }),
      'https://big.test/',
      1,
    );
    if (!security) throw new Error('expected security info');
    const big = recordCompletion(
      recordSecurity(startLoad(1, 'https://big.test/', 0), 1, security, { incognito: false, cookieStoreId: null }, 1),
      1,
      'https://big.test/',
      2,
    );
    expect(Buffer.byteLength(JSON.stringify(big))).toBeGreaterThan(30_000);
    await Promise.all([store.update(1, () => big), store.update(2, () => startLoad(2, 'https://innocent.test/', 0))]);
    const reader = new TabSnapshotReader(area);
    expect((await reader.read(2))?.url).toBe('https://innocent.test/');
    const shrunk = await reader.read(1);
    expect(shrunk).toMatchObject({ url: 'https://big.test/', status: 'loaded' });
    expect(shrunk?.security?.certificates).toHaveLength(3);
    expect(Buffer.byteLength(JSON.stringify(shrunk))).toBeLessThanOrEqual(SHRUNK_SNAPSHOT_BUDGET_BYTES);
  });
});
