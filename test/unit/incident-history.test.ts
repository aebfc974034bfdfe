import { IncidentHistory, INCIDENTS_KEY, withoutQuery } from '../../src/storage/incident-history';
import { recordCompletion, recordFailure, startLoad } from '../../src/capture/navigation-state';
import type { TabSnapshot } from '../../src/shared/tab-snapshot';
import { FakeStorageArea } from './fakes/storage-area';

const EXPIRED = 'Error code 2153390069';
const context = { incognito: false, clock: null, now: 1000 };

function failure(tabId: number, url: string, startedAt: number): TabSnapshot {
  const snapshot = recordFailure(startLoad(tabId, url, startedAt), tabId, url, EXPIRED, startedAt + 1);
  if (!snapshot) throw new Error('expected a failure');
  return snapshot;
}

describe('IncidentHistory', () => {
  test('records a failed load without its query or fragment, newest first', async () => {
    const history = new IncidentHistory(new FakeStorageArea());
    await history.record(failure(1, 'https://a.test/login?token=secret#frag', 10), context);
    await history.record(failure(2, 'https://b.test/', 20), { ...context, now: 2000 });
    const list = await history.list();
    expect(list.map((i) => i.snapshot.url)).toEqual(['https://b.test/', 'https://a.test/login']);
    expect(JSON.stringify(list)).not.toContain('secret');
  });

  test('never a private window, never a load that did not fail', async () => {
    const area = new FakeStorageArea();
    const history = new IncidentHistory(area);
    await history.record(failure(1, 'https://a.test/', 10), { ...context, incognito: true });
    await history.record({ ...failure(2, 'https://b.test/', 10), context: { incognito: true, cookieStoreId: null } }, context);
    await history.record(recordCompletion(startLoad(3, 'https://c.test/', 10), 3, 'https://c.test/', 11), context);
    expect(await history.list()).toEqual([]);
    expect((await area.get(INCIDENTS_KEY))[INCIDENTS_KEY]).toBeUndefined();
  });

  test('one incident per load, updated as facts arrive; bounded, oldest dropped', async () => {
    const history = new IncidentHistory(new FakeStorageArea(), 3);
    const first = failure(1, 'https://a.test/', 10);
    await history.record(first, context);
    await history.record({ ...first, requestError: 'more facts' }, context);
    expect((await history.list()).map((i) => i.snapshot.requestError ?? '')).toEqual(['more facts']);
    for (let n = 2; n <= 5; n++) await history.record(failure(n, `https://h${n}.test/`, n * 10), context);
    expect((await history.list()).map((i) => i.snapshot.tabId)).toEqual([5, 4, 3]);
  });

  test('get, clear, and garbage in storage is ignored', async () => {
    const area = new FakeStorageArea();
    const history = new IncidentHistory(area);
    await history.record(failure(1, 'https://a.test/', 10), context);
    const [only] = await history.list();
    expect((await history.get(only?.id ?? ''))?.snapshot.url).toBe('https://a.test/');
    await area.set({ [INCIDENTS_KEY]: [{ nonsense: true }, ...(((await area.get(INCIDENTS_KEY))[INCIDENTS_KEY]) as unknown[])] });
    expect(await history.list()).toHaveLength(1);
    await history.clear();
    expect(await history.list()).toEqual([]);
  });

  test('withoutQuery', () => {
    expect(withoutQuery('https://a.test/p?q=1#x')).toBe('https://a.test/p');
    expect(withoutQuery('not a url')).toBe('');
  });
});
