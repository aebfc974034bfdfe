import {
  HISTORY_BUDGET_BYTES,
  INCIDENT_BUDGET_BYTES,
  INCIDENT_INDEX_KEY,
  INCIDENT_LIMIT,
  IncidentHistory,
  incidentKey,
  LEGACY_INCIDENTS_KEY,
} from '../../src/storage/incident-history';
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

/** Records every set() a storage area receives: which keys, and how large. */
class RecordingArea extends FakeStorageArea {
  readonly sets: Record<string, unknown>[] = [];
  override set(items: Record<string, unknown>): Promise<void> {
    this.sets.push(items);
    return super.set(items);
  }
  async storedBytes(): Promise<number> {
    return Object.values(await this.get(null)).reduce<number>((sum, value) => sum + Buffer.byteLength(JSON.stringify(value)), 0);
  }
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

  test('every URL of the snapshot loses its query and fragment, even one handed over with them', async () => {
    const area = new FakeStorageArea();
    const history = new IncidentHistory(area);
    const base = failure(1, 'https://app.test/', 10);
    // As an older version captured it: queries everywhere.
    const leaky: TabSnapshot = {
      ...base,
      url: 'https://app.test/?token=secret1',
      requestedUrl: 'http://app.test/?token=secret2',
      security: {
        url: 'https://sso.test/cb?token=secret3#frag',
        at: 1,
        state: 'secure',
        protocolVersion: null,
        cipherSuite: null,
        keaGroupName: null,
        signatureSchemeName: null,
        certificateTransparencyStatus: null,
        hsts: false,
        usedEch: false,
        usedOcsp: false,
        usedPrivateDns: false,
        overridableErrorCategory: null,
        isUntrusted: false,
        isDomainMismatch: false,
        isNotValidAtThisTime: false,
        certificates: [],
      },
      frameFailures: [{ url: 'https://frame.test/f?secret4=1', errorNumber: null }],
      subresourceFailures: [{ host: 'img.test', type: 'image', error: 'x', exampleUrl: 'https://img.test/p.png?sig=secret5#x', count: 1 }],
    };
    await history.record(leaky, context);
    expect(JSON.stringify(await area.get(null))).not.toMatch(/secret|#frag|#x/);
    const [stored] = await history.list();
    expect(stored?.snapshot.security?.url).toBe('https://sso.test/cb');
    expect(stored?.snapshot.subresourceFailures?.[0]?.exampleUrl).toBe('https://img.test/p.png');
  });

  test('never a private window, never a load that did not fail', async () => {
    const area = new FakeStorageArea();
    const history = new IncidentHistory(area);
    await history.record(failure(1, 'https://a.test/', 10), { ...context, incognito: true });
    await history.record({ ...failure(2, 'https://b.test/', 10), context: { incognito: true, cookieStoreId: null } }, context);
    await history.record(recordCompletion(startLoad(3, 'https://c.test/', 10), 3, 'https://c.test/', 11), context);
    expect(await history.list()).toEqual([]);
    expect(area.keys()).toEqual([]);
  });

  test('one incident per load, updated as facts arrive; bounded in entries, oldest dropped with its key', async () => {
    const area = new FakeStorageArea();
    const history = new IncidentHistory(area, { entries: 3 });
    const first = failure(1, 'https://a.test/', 10);
    await history.record(first, context);
    await history.record({ ...first, requestError: 'more facts' }, context);
    expect((await history.list()).map((i) => i.snapshot.requestError ?? '')).toEqual(['more facts']);
    for (let n = 2; n <= 5; n++) await history.record(failure(n, `https://h${n}.test/`, n * 10), { ...context, now: 1000 + n });
    expect((await history.list()).map((i) => i.snapshot.tabId)).toEqual([5, 4, 3]);
    expect(
      area
        .keys()
        .filter((key) => key.startsWith('incident:'))
        .sort(),
    ).toEqual(['incident:3-30', 'incident:4-40', 'incident:5-50']);
  });

  test('a write stores the new incident and the small index, never the whole history', async () => {
    const area = new RecordingArea();
    const history = new IncidentHistory(area);
    for (let n = 1; n <= 30; n++) await history.record(failure(n, `https://h${n}.test/`, n), { ...context, now: n });
    const last = area.sets[area.sets.length - 1] ?? {};
    expect(Object.keys(last).sort()).toEqual([incidentKey('30-30'), INCIDENT_INDEX_KEY].sort());
    // The index holds ids, times and sizes: about 50 bytes an incident.
    expect(JSON.stringify(last[INCIDENT_INDEX_KEY]).length).toBeLessThan(30 * 60);
  });

  test('55 failures with 1 MB paths: each incident and the whole history stay within their bytes', async () => {
    const area = new RecordingArea();
    const history = new IncidentHistory(area);
    const path = 'p'.repeat(1024 * 1024);
    for (let n = 1; n <= 55; n++) {
      const url = `https://h${n}.test/${path}`;
      const snapshot: TabSnapshot = { ...failure(n, url, n), requestError: 'Ошибка '.repeat(100) };
      await history.record(snapshot, { ...context, now: n });
    }
    const list = await history.list();
    expect(list).toHaveLength(INCIDENT_LIMIT);
    expect(list[0]?.snapshot.tabId).toBe(55);
    for (const write of area.sets) expect(Buffer.byteLength(JSON.stringify(write))).toBeLessThan(INCIDENT_BUDGET_BYTES + 4096);
    expect(await area.storedBytes()).toBeLessThanOrEqual(HISTORY_BUDGET_BYTES + 4096);
  });

  test('bounded in bytes: the oldest incidents go once the history is over its budget', async () => {
    const area = new FakeStorageArea();
    const history = new IncidentHistory(area, { bytes: 3000 });
    for (let n = 1; n <= 10; n++) await history.record(failure(n, `https://h${n}.test/${'x'.repeat(500)}`, n), { ...context, now: n });
    const list = await history.list();
    expect(list.length).toBeGreaterThan(0);
    expect(list.length).toBeLessThan(10);
    expect(list[0]?.snapshot.tabId).toBe(10);
    expect(JSON.stringify(list).length).toBeLessThanOrEqual(3000);
  });

  test('a history of the old format (one list under "incidents") is moved over, cleaned, and nothing is lost', async () => {
    const area = new FakeStorageArea();
    const old = [
      {
        id: '2-20',
        at: 2000,
        snapshot: { ...failure(2, 'https://b.test/', 20), security: { url: 'https://sso.test/?token=secret' } },
        clock: null,
      },
      { id: '1-10', at: 1000, snapshot: failure(1, 'https://a.test/', 10), clock: null },
      { nonsense: true },
    ];
    await area.set({ [LEGACY_INCIDENTS_KEY]: old });
    const history = new IncidentHistory(area);
    expect((await history.get('1-10'))?.snapshot.url).toBe('https://a.test/');
    expect((await history.list()).map((i) => i.id)).toEqual(['2-20', '1-10']);
    expect(area.keys()).not.toContain(LEGACY_INCIDENTS_KEY);
    expect(JSON.stringify(await area.get(null))).not.toContain('secret');
    // A new incident joins them, newest first.
    await history.record(failure(3, 'https://c.test/', 30), { ...context, now: 3000 });
    expect((await history.list()).map((i) => i.id)).toEqual(['3-30', '2-20', '1-10']);
  });

  test('get, clear (every incident key, and the old list), and garbage in storage is ignored', async () => {
    const area = new FakeStorageArea();
    const history = new IncidentHistory(area);
    await history.record(failure(1, 'https://a.test/', 10), context);
    const [only] = await history.list();
    expect((await history.get(only?.id ?? ''))?.snapshot.url).toBe('https://a.test/');
    await area.set({
      [INCIDENT_INDEX_KEY]: [{ nonsense: true }, ...((await area.get(INCIDENT_INDEX_KEY))[INCIDENT_INDEX_KEY] as unknown[])],
      [incidentKey('lost')]: 1,
      other: 'kept',
    });
    expect(await history.list()).toHaveLength(1);
    await history.clear();
    expect(await history.list()).toEqual([]);
    expect(area.keys()).toEqual(['other']);
  });
});
