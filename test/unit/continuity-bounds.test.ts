// The memory of good certificates under load: bounded in hosts and bytes, the sites the person
// opens kept over hosts only seen in frames, and the work per sighting independent of the
// store's size. Work is counted (reads of stored entries, storage reads, sorts), never timed:
// timings live in the benchmark (npm run bench -- --only flood).

import { MAX_REMEMBERED_BYTES, MAX_REMEMBERED_HOSTS, entryBytes } from '../../src/core/continuity/host-table';
import { MAX_FIELD_LENGTH, type CertificateFacts, type CertificateMemory } from '../../src/core/continuity/memory';
import { CONTINUITY_KEY, ContinuityStore } from '../../src/storage/continuity-store';
import { FakeStorageArea } from './fakes/storage-area';

const HOUR = 60 * 60 * 1000;
const T0 = Date.UTC(2026, 10, 1, 9, 0, 0);
const PAGE = { incognito: false, enabled: true, topLevel: true };
const FRAME = { incognito: false, enabled: true, topLevel: false };

const facts = (host: string, overrides: Partial<CertificateFacts> = {}): CertificateFacts => ({
  host,
  issuer: 'CN=R11,O=Let\u2019s Encrypt,C=US',
  root: 'CN=ISRG Root X1,O=Internet Security Research Group,C=US',
  rootBuiltIn: true,
  spkiSha256: 'n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=',
  leafSha256: `leaf-of-${host}`,
  notAfter: T0 + 60 * 24 * HOUR,
  ...overrides,
});

const noTimer = { flushDelayMs: 0, setTimer: () => undefined };

/** The stored JSON of the continuity key, as UTF-8 bytes. */
async function storedBytes(area: FakeStorageArea): Promise<number> {
  return Buffer.byteLength(JSON.stringify((await area.get(CONTINUITY_KEY))[CONTINUITY_KEY] ?? {}), 'utf8');
}

async function storedHosts(area: FakeStorageArea): Promise<string[]> {
  const state = (await area.get(CONTINUITY_KEY))[CONTINUITY_KEY] as { hosts: Record<string, unknown> } | undefined;
  return Object.keys(state?.hosts ?? {});
}

/** A store over `area` holding `n` visited hosts (site0.example ... ), seen an hour apart. */
async function storeWithVisited(n: number, area = new FakeStorageArea()) {
  const store = new ContinuityStore(area, noTimer);
  for (let i = 0; i < n; i++) store.remember(facts(`site${i}.example`), { ...PAGE, now: T0 + i * HOUR });
  await store.flush();
  return { area, store };
}

describe('bounds', () => {
  test('the bounds are 2,000 hosts and 1 MiB of stored JSON', () => {
    expect(MAX_REMEMBERED_HOSTS).toBe(2000);
    expect(MAX_REMEMBERED_BYTES).toBe(1024 * 1024);
  });

  test('the byte count of an entry is its UTF-8 size in the stored JSON, non-ASCII names included', () => {
    const memory: CertificateMemory = {
      ...facts('xn--e1afmkfd.example', { issuer: 'CN=Удостоверяющий центр 🔒' }),
      firstSeen: T0,
      lastSeen: T0,
    };
    const asStored = `${JSON.stringify({ [memory.host]: memory }).slice(1, -1)},`;
    expect(entryBytes(memory)).toBe(Buffer.byteLength(asStored, 'utf8'));
  });

  test('3,000 new hosts: at most 2,000 stay, and the stored JSON stays within 1 MiB', async () => {
    const { area, store } = await storeWithVisited(3000);
    expect((await storedHosts(area)).length).toBe(MAX_REMEMBERED_HOSTS);
    expect(await storedBytes(area)).toBeLessThanOrEqual(MAX_REMEMBERED_BYTES);
    // The newest 2,000 are the ones kept.
    expect(await store.recall('site999.example')).toBeUndefined();
    expect(await store.recall('site1000.example')).toBeDefined();
  });

  test('hosts with the longest names a certificate may give: the byte bound holds before the host bound', async () => {
    const area = new FakeStorageArea();
    const store = new ContinuityStore(area, noTimer);
    const long = (i: number) => `${'x'.repeat(60)}.${'y'.repeat(60)}.${'z'.repeat(60)}.h${String(i).padStart(4, '0')}.example`;
    const big = 'Ж'.repeat(2 * MAX_FIELD_LENGTH);
    for (let i = 0; i < 2000; i++) {
      store.remember(facts(long(i), { issuer: big, root: big, leafSha256: big, spkiSha256: big }), { ...PAGE, now: T0 + i });
    }
    await store.flush();
    const kept = (await storedHosts(area)).length;
    expect(await storedBytes(area)).toBeLessThanOrEqual(MAX_REMEMBERED_BYTES);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(2000);
    // The most recent one is among those kept.
    expect(await store.recall(long(1999))).toBeDefined();
  });

  test('a state stored larger than the bounds (an older version) is trimmed by the next write', async () => {
    const area = new FakeStorageArea();
    const hosts: Record<string, CertificateMemory> = {};
    for (let i = 0; i < 2500; i++) hosts[`old${i}.example`] = { ...facts(`old${i}.example`), firstSeen: T0 + i, lastSeen: T0 + i };
    await area.set({ [CONTINUITY_KEY]: { version: 1, hosts } });
    const store = new ContinuityStore(area, noTimer);
    store.remember(facts('new.example'), { ...PAGE, now: T0 + 5000 });
    await store.flush();
    const kept = await storedHosts(area);
    expect(kept.length).toBe(MAX_REMEMBERED_HOSTS);
    expect(kept).toContain('new.example');
    expect(kept).not.toContain('old500.example');
    expect(kept).toContain('old501.example');
  });

  test('a burst not yet written is bounded too: 5,000 sightings before any flush keep at most 2,000 pending', async () => {
    const area = new FakeStorageArea();
    const store = new ContinuityStore(area, noTimer);
    for (let i = 0; i < 5000; i++) store.remember(facts(`burst${i}.example`), { ...FRAME, now: T0 + i });
    expect(await store.count()).toBe(MAX_REMEMBERED_HOSTS);
    expect(await store.recall('burst4999.example')).toBeDefined();
    expect(await store.recall('burst2999.example')).toBeUndefined();
  });
});

describe('which hosts are kept: pages the person opened outrank hosts seen only in frames', () => {
  test('a flood of 1,000 frames on distinct subdomains does not evict 2,000 visited sites', async () => {
    const { area, store } = await storeWithVisited(MAX_REMEMBERED_HOSTS);
    const later = T0 + 10_000 * HOUR;
    for (let i = 0; i < 1000; i++) store.remember(facts(`f${i}.flood.example`), { ...FRAME, now: later + i });
    await store.flush();
    const kept = await storedHosts(area);
    expect(kept.length).toBe(MAX_REMEMBERED_HOSTS);
    expect(kept.filter((host) => host.startsWith('site')).length).toBe(MAX_REMEMBERED_HOSTS);
    // The oldest visited site too, though every frame was seen after it.
    expect((await store.recall('site0.example'))?.lastSeen).toBe(T0);
  });

  test('frame-only hosts fill free room, least recently seen go first among them', async () => {
    const { area, store } = await storeWithVisited(1990);
    for (let i = 0; i < 20; i++) store.remember(facts(`f${i}.flood.example`), { ...FRAME, now: T0 + 5000 * HOUR + i });
    await store.flush();
    const frames = (await storedHosts(area)).filter((host) => host.endsWith('.flood.example'));
    expect(frames.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `f${i + 10}.flood.example`).sort());
  });

  test('among visited sites, the least recently seen goes first', async () => {
    const { area, store } = await storeWithVisited(MAX_REMEMBERED_HOSTS);
    // site0 is seen again (later than every other), so site1 is now the least recently seen.
    store.remember(facts('site0.example'), { ...PAGE, now: T0 + 9000 * HOUR });
    store.remember(facts('new.example'), { ...PAGE, now: T0 + 9001 * HOUR });
    await store.flush();
    const kept = await storedHosts(area);
    expect(kept).toContain('site0.example');
    expect(kept).toContain('new.example');
    expect(kept).not.toContain('site1.example');
  });

  test('a frame-only host opened as a page later is promoted and stays promoted when seen in a frame again', async () => {
    const area = new FakeStorageArea();
    const store = new ContinuityStore(area, { ...noTimer, maxHosts: 2 });
    store.remember(facts('widget.example'), { ...FRAME, now: T0 });
    store.remember(facts('widget.example'), { ...PAGE, now: T0 + 1 });
    store.remember(facts('widget.example'), { ...FRAME, now: T0 + 2 * HOUR });
    await store.flush();
    expect((await store.recall('widget.example'))?.frameOnly).toBeUndefined();
    // Two frame-only hosts arrive later: widget, a visited site now, is kept over the older frame.
    store.remember(facts('ad1.example'), { ...FRAME, now: T0 + 3 * HOUR });
    store.remember(facts('ad2.example'), { ...FRAME, now: T0 + 4 * HOUR });
    await store.flush();
    expect((await storedHosts(area)).sort()).toEqual(['ad2.example', 'widget.example']);
  });

  test('a frame-only host is stored with frameOnly, a visited site without it (entries stored before count as visited)', async () => {
    const area = new FakeStorageArea();
    const store = new ContinuityStore(area, noTimer);
    store.remember(facts('frame.example'), { ...FRAME, now: T0 });
    store.remember(facts('page.example'), { ...PAGE, now: T0 });
    await store.flush();
    const stored = (await area.get(CONTINUITY_KEY))[CONTINUITY_KEY] as { hosts: Record<string, Record<string, unknown>> };
    expect(stored.hosts['frame.example']?.['frameOnly']).toBe(true);
    expect(stored.hosts['page.example']).not.toHaveProperty('frameOnly');
  });
});

/**
 * A storage area whose reads hand out stored entries that count every property read, as
 * browser.storage hands out a fresh copy on each get. Any code that scans, sorts or copies the
 * stored entries reads their properties; so does each storage read (counted apart).
 */
class CountingArea extends FakeStorageArea {
  entryReads = 0;
  storageReads = 0;

  override async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
    this.storageReads += 1;
    const items = await super.get(keys);
    const state = items[CONTINUITY_KEY] as { hosts?: Record<string, object> } | undefined;
    if (state?.hosts) {
      for (const [host, memory] of Object.entries(state.hosts)) {
        state.hosts[host] = new Proxy(memory, {
          get: (target, property, receiver) => {
            this.entryReads += 1;
            return Reflect.get(target, property, receiver) as unknown;
          },
        });
      }
    }
    return items;
  }
}

/** Work done by 300 sightings (new frames, new pages, known sites) and a recall after each. */
async function workPerSightings(storedHosts: number) {
  const area = new CountingArea();
  await storeWithVisited(storedHosts, area);
  // A fresh store (a background just started) over what was written: its first recall reads
  // storage once, as the background's first page load does.
  const store = new ContinuityStore(area, noTimer);
  await store.recall('site0.example');
  const sorts = jest.spyOn(Array.prototype, 'sort');
  area.entryReads = 0;
  area.storageReads = 0;
  const later = T0 + 10_000 * HOUR;
  for (let i = 0; i < 100; i++) {
    store.remember(facts(`f${i}.flood.example`), { ...FRAME, now: later + i });
    await store.recall(`f${i}.flood.example`);
    store.remember(facts(`page${i}.example`), { ...PAGE, now: later + i });
    await store.recall(`page${i}.example`);
    store.remember(facts(`site${i}.example`, { leafSha256: 'renewed' }), { ...PAGE, now: later + i });
    await store.recall(`site${i}.example`);
  }
  const work = { entryReads: area.entryReads, storageReads: area.storageReads, sorts: sorts.mock.calls.length };
  sorts.mockRestore();
  return work;
}

describe('the work per sighting does not grow with the store', () => {
  test('300 sightings and recalls touch as many stored entries with 100 or 2,000 hosts stored, read storage 0 times and sort nothing', async () => {
    const small = await workPerSightings(100);
    const full = await workPerSightings(MAX_REMEMBERED_HOSTS);
    expect(full).toEqual(small);
    expect(full.storageReads).toBe(0);
    expect(full.sorts).toBe(0);
    // Only the 100 known sites recalled after a renewal are read, a few fields each.
    expect(full.entryReads).toBeLessThanOrEqual(100 * 20);
  });

  test('a flush of 2,000 new hosts over 2,000 stored reads storage once and touches each stored entry a bounded number of times', async () => {
    const area = new CountingArea();
    const { store } = await storeWithVisited(MAX_REMEMBERED_HOSTS, area);
    for (let i = 0; i < 2000; i++) store.remember(facts(`f${i}.flood.example`), { ...FRAME, now: T0 + 10_000 * HOUR + i });
    area.entryReads = 0;
    area.storageReads = 0;
    await store.flush();
    expect(area.storageReads).toBe(1);
    // Validation, one sort (n log n comparisons of lastSeen), the byte count and the write: a
    // few dozen reads per entry. Replaying each sighting over the whole table would be millions.
    expect(area.entryReads).toBeLessThan(60 * MAX_REMEMBERED_HOSTS);
  });
});
