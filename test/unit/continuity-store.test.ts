import { CONTINUITY_KEY, ContinuityStore, type ContinuityStoreOptions } from '../../src/storage/continuity-store';
import type { CertificateFacts } from '../../src/core/continuity/memory';
import { FakeStorageArea } from './fakes/storage-area';

const HOUR = 60 * 60 * 1000;
const T0 = Date.UTC(2024, 4, 1, 9, 0, 0);
const NORMAL = { incognito: false, enabled: true, now: T0, topLevel: true };

const facts = (host: string, overrides: Partial<CertificateFacts> = {}): CertificateFacts => ({
  host,
  issuer: 'CN=Example Issuing CA',
  root: 'CN=Example Root',
  rootBuiltIn: true,
  spkiSha256: 'spki',
  leafSha256: `leaf-of-${host}`,
  notAfter: T0 + 90 * 24 * HOUR,
  ...overrides,
});

/** Timers that run only when the test says so, recording the delays asked for. */
function manualTimers() {
  const callbacks: (() => void)[] = [];
  const delays: number[] = [];
  return {
    delays,
    pending: () => callbacks.length,
    setTimer: (callback: () => void, delayMs: number): void => {
      callbacks.push(callback);
      delays.push(delayMs);
    },
    fire: (): void => {
      for (const callback of callbacks.splice(0)) callback();
    },
  };
}

function setUp(options: Partial<ContinuityStoreOptions> = {}, area = new FakeStorageArea()) {
  const timers = manualTimers();
  const store = new ContinuityStore(area, { flushDelayMs: 2000, setTimer: timers.setTimer, ...options });
  return { area, timers, store };
}

describe('ContinuityStore', () => {
  test('many memories in a burst go out in one storage write, after the delay', async () => {
    const { area, timers, store } = setUp();
    for (let i = 0; i < 50; i++) store.remember(facts(`h${i}.example`), { ...NORMAL, now: T0 + i });
    expect(timers.delays).toEqual([2000]);
    expect(area.writes).toBe(0);
    timers.fire();
    await store.flush(); // waits for the flush the timer started
    expect(area.writes).toBe(1);
    expect(area.keys()).toEqual([CONTINUITY_KEY]);
    expect(await store.count()).toBe(50);
  });

  test('after a flush, the next memory schedules a new timer', async () => {
    const { timers, store } = setUp();
    store.remember(facts('a.example'), NORMAL);
    timers.fire();
    await store.flush();
    store.remember(facts('b.example'), NORMAL);
    expect(timers.pending()).toBe(1);
  });

  test.each([
    ['private window, remembering on', { incognito: true, enabled: true, topLevel: true }],
    ['private window, remembering off', { incognito: true, enabled: false, topLevel: true }],
    ['remembering off', { incognito: false, enabled: false, topLevel: true }],
  ])('%s: nothing is recorded, not even in memory', async (_title, context) => {
    const { area, timers, store } = setUp();
    for (let i = 0; i < 10; i++) store.remember(facts(`h${i}.example`), { ...context, now: T0 });
    expect(timers.pending()).toBe(0);
    await store.flush();
    expect(area.writes).toBe(0);
    expect(area.keys()).toEqual([]);
    expect(await store.count()).toBe(0);
    expect(await store.recall('h0.example')).toBeUndefined();
  });

  test('a private sighting of a host already remembered does not touch its record', async () => {
    const { area, store } = setUp();
    store.remember(facts('a.example'), NORMAL);
    await store.flush();
    store.remember(facts('a.example', { leafSha256: 'private-leaf' }), {
      incognito: true,
      enabled: true,
      now: T0 + 5 * HOUR,
      topLevel: true,
    });
    store.remember(facts('p.example'), { incognito: true, enabled: true, now: T0, topLevel: true });
    await store.flush();
    expect(area.writes).toBe(1);
    expect(await store.recall('a.example')).toMatchObject({ leafSha256: 'leaf-of-a.example', lastSeen: T0 });
    expect(await store.recall('p.example')).toBeUndefined();
  });

  test('recall and count include memories not yet written', async () => {
    const { area, store } = setUp();
    store.remember(facts('Shop.Example:8443'), NORMAL);
    expect(await store.recall('shop.example')).toMatchObject({ host: 'shop.example', firstSeen: T0, lastSeen: T0 });
    expect(await store.count()).toBe(1);
    expect(area.writes).toBe(0);
  });

  test('the state survives a new store over the same area (an event-page restart)', async () => {
    const area = new FakeStorageArea();
    const first = setUp({}, area).store;
    first.remember(facts('a.example'), NORMAL);
    first.remember(facts('b.example'), { ...NORMAL, now: T0 + 1 });
    await first.flush();
    const second = setUp({}, area).store;
    expect(await second.count()).toBe(2);
    expect(await second.recall('A.EXAMPLE')).toEqual({ ...facts('a.example'), firstSeen: T0, lastSeen: T0 });
  });

  test('bounded: the least recently seen hosts are dropped', async () => {
    const { store } = setUp({ maxHosts: 3 });
    for (const [i, host] of ['a', 'b', 'c', 'd', 'e'].entries())
      store.remember(facts(`${host}.example`), { ...NORMAL, now: T0 + i * HOUR });
    await store.flush();
    expect(await store.count()).toBe(3);
    const recalled = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((h) => store.recall(`${h}.example`)));
    expect(recalled.map((m) => m?.host ?? null)).toEqual([null, null, 'c.example', 'd.example', 'e.example']);
  });

  test('the same certificate seen again within the hour does not rewrite storage', async () => {
    const { area, store } = setUp();
    store.remember(facts('a.example'), NORMAL);
    await store.flush();
    store.remember(facts('a.example'), { ...NORMAL, now: T0 + HOUR - 1 });
    await store.flush();
    expect(area.writes).toBe(1);
    store.remember(facts('a.example'), { ...NORMAL, now: T0 + HOUR });
    await store.flush();
    expect(area.writes).toBe(2);
    expect(await store.recall('a.example')).toMatchObject({ firstSeen: T0, lastSeen: T0 + HOUR });
  });

  test('clear empties storage and drops memories not yet written', async () => {
    const { area, timers, store } = setUp();
    store.remember(facts('a.example'), NORMAL);
    await store.flush();
    store.remember(facts('b.example'), NORMAL);
    await store.clear();
    expect(area.keys()).toEqual([]);
    timers.fire();
    await store.flush();
    expect(area.keys()).toEqual([]);
    expect(await store.count()).toBe(0);
  });

  test('a clear made through another instance (the options page) is not undone by the background', async () => {
    const area = new FakeStorageArea();
    const background = setUp({}, area).store;
    background.remember(facts('a.example'), NORMAL);
    await background.flush();
    await setUp({}, area).store.clear();
    background.remember(facts('b.example'), NORMAL);
    await background.flush();
    expect(await setUp({}, area).store.recall('a.example')).toBeUndefined();
    expect(await background.count()).toBe(1);
  });

  test.each([
    ['very long', `${'a'.repeat(300)}.example`],
    ['a newline', 'evil\n.example'],
    ['a space', 'a b.example'],
    ['empty', ''],
  ])('a host with %s is not recorded and causes no write', async (_title, host) => {
    const { area, store } = setUp();
    store.remember(facts(host), NORMAL);
    await store.flush();
    expect(area.writes).toBe(0);
    expect(await store.count()).toBe(0);
  });

  test('hosts differing in case or port are one host', async () => {
    const { store } = setUp();
    store.remember(facts('EXAMPLE.com:8443'), NORMAL);
    store.remember(facts('example.COM'), NORMAL);
    await store.flush();
    expect(await store.count()).toBe(1);
    expect((await store.recall('Example.com:443'))?.host).toBe('example.com');
  });

  test.each<[string, unknown]>([
    ['garbage text', 'not a state'],
    ['a wrong version', { version: 7, hosts: { 'a.example': { ...facts('a.example'), firstSeen: T0, lastSeen: T0 } } }],
    ['hosts that are not records', { version: 1, hosts: { 'a.example': 5 } }],
  ])('stored %s is treated as empty and replaced on the next write', async (_title, stored) => {
    const area = new FakeStorageArea();
    await area.set({ [CONTINUITY_KEY]: stored });
    const { store } = setUp({}, area);
    expect(await store.count()).toBe(0);
    expect(await store.recall('a.example')).toBeUndefined();
    store.remember(facts('b.example'), NORMAL);
    await store.flush();
    expect((await area.get(CONTINUITY_KEY))[CONTINUITY_KEY]).toEqual({
      version: 1,
      hosts: { 'b.example': { ...facts('b.example'), firstSeen: T0, lastSeen: T0 } },
    });
  });

  test('a failed write is kept and retried by the next flush; a timer flush reports the error', async () => {
    const area = new FakeStorageArea();
    const realSet = area.set.bind(area);
    let failures = 1;
    area.set = (items) => (failures-- > 0 ? Promise.reject(new Error('disk full')) : realSet(items));
    const errors: unknown[] = [];
    const { timers, store } = setUp({ onError: (error) => errors.push(error) }, area);
    store.remember(facts('a.example'), NORMAL);
    timers.fire();
    await store.flush();
    expect(errors).toEqual([new Error('disk full')]);
    expect(await setUp({}, area).store.count()).toBe(1);
  });

  test.each([[0], [-5], [1.5], [Number.NaN]])('bound %p is refused', (bound) => {
    expect(() => new ContinuityStore(new FakeStorageArea(), { maxHosts: bound, flushDelayMs: 0 })).toThrow(RangeError);
    expect(() => new ContinuityStore(new FakeStorageArea(), { maxBytes: bound, flushDelayMs: 0 })).toThrow(RangeError);
  });
});

describe('ContinuityStore.discardPending (a clear made by another instance)', () => {
  test('memories gathered before the other instance cleared are not written back', async () => {
    const { FakeStorageArea } = await import('./fakes/storage-area');
    const { ContinuityStore } = await import('../../src/storage/continuity-store');
    const area = new FakeStorageArea();
    // A timer that never fires: only the explicit flush below writes.
    const background = new ContinuityStore(area, { maxHosts: 10, flushDelayMs: 0, setTimer: () => undefined });
    const options = new ContinuityStore(area, { maxHosts: 10, flushDelayMs: 0 });
    const facts = { host: 'a.test', issuer: 'CN=I', root: 'CN=R', rootBuiltIn: true, spkiSha256: 'k', leafSha256: 'l', notAfter: 5 };
    background.remember(facts, { incognito: false, enabled: true, now: 1, topLevel: true });
    await options.clear();
    background.discardPending();
    await background.flush();
    expect(await options.count()).toBe(0);
  });
});

test('a clear that lands while a write waits for its read: the write does not bring the hosts back', async () => {
  // The background's write has read the stored table when the options page clears the key and
  // the background hears of it: the read's table (and the batch) must not be written after that.
  class SlowReadArea extends FakeStorageArea {
    release: (() => void) | null = null;
    override get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
      const result = super.get(keys);
      return new Promise((resolve) => {
        this.release = () => {
          resolve(result);
        };
      });
    }
  }
  const area = new SlowReadArea();
  const background = new ContinuityStore(area, { flushDelayMs: 0, setTimer: () => undefined });
  background.remember(facts('a.test'), NORMAL);
  const writing = background.flush();
  await Promise.resolve();
  // The options page's clear, then the background's onChanged handler.
  await area.remove(CONTINUITY_KEY);
  background.discardPending();
  area.release?.();
  await writing;
  expect(area.keys()).toEqual([]);
});

describe('what the diagnosis reads', () => {
  test('recall answers with what was remembered before the call, not a sighting added while it reads', async () => {
    const { store, timers } = setUp();
    store.remember(facts('a.test', { issuer: 'CN=Old CA' }), NORMAL);
    timers.fire();
    await store.flush();
    const before = store.recall('a.test');
    store.remember(facts('a.test', { issuer: 'CN=New CA', leafSha256: 'new-leaf' }), { ...NORMAL, now: T0 + 2 * HOUR });
    expect((await before)?.issuer).toBe('CN=Old CA');
    expect((await store.recall('a.test'))?.issuer).toBe('CN=New CA');
  });

  test('all() lists every remembered host, pending ones included; HSTS is kept', async () => {
    const { store, timers } = setUp();
    store.remember(facts('a.test', { hsts: true }), NORMAL);
    timers.fire();
    await store.flush();
    store.remember(facts('b.test'), NORMAL);
    const all = await store.all();
    expect(all.map((m) => [m.host, m.hsts === true]).sort()).toEqual([
      ['a.test', true],
      ['b.test', false],
    ]);
  });
});
