import { WriteBehindState } from '../../src/storage/write-behind';
import { FakeStorageArea, QuotaStorageArea as QuotaArea } from './fakes/storage-area';

describe('WriteBehindState', () => {
  test('a burst of changes to several keys goes out in one write', async () => {
    const area = new FakeStorageArea();
    const state = new WriteBehindState(area, 5);
    await Promise.all([state.update('a', () => 1), state.update('b', () => 2), state.update('a', (previous) => (previous as number) + 10)]);
    expect(area.writes).toBe(1);
    expect(await area.get(null)).toEqual({ a: 11, b: 2 });
  });

  test('storage is read once per key; later changes use the cache', async () => {
    const area = new FakeStorageArea();
    await area.set({ a: 1 });
    let reads = 0;
    const counting = {
      get: (keys?: string | string[] | null) => {
        reads += 1;
        return area.get(keys);
      },
      set: (items: Record<string, unknown>) => area.set(items),
      remove: (keys: string | string[]) => area.remove(keys),
    };
    const state = new WriteBehindState(counting, 1);
    await state.update('a', (p) => (p as number) + 1);
    await state.update('a', (p) => (p as number) + 1);
    expect(reads).toBe(1);
    expect((await area.get('a'))['a']).toBe(3);
  });

  test('returning undefined removes the key; returning the same value writes nothing', async () => {
    const area = new FakeStorageArea();
    await area.set({ a: 1, b: 2 });
    const writesBefore = area.writes;
    const state = new WriteBehindState(area, 1);
    await state.update('b', (p) => p);
    expect(area.writes).toBe(writesBefore);
    await state.update('a', () => undefined);
    expect(area.keys()).toEqual(['b']);
  });

  test('a new instance over the same area (an event page that woke again) sees what was flushed', async () => {
    const area = new FakeStorageArea();
    await new WriteBehindState(area, 1).update('k', () => ({ n: 1 }));
    expect(await new WriteBehindState(area, 1).read('k')).toEqual({ n: 1 });
  });

  test('a change that throws rejects its own promise and does not block the next', async () => {
    const state = new WriteBehindState(new FakeStorageArea(), 1);
    const failing = state.update('k', () => {
      throw new Error('boom');
    });
    const next = state.update('k', () => 'ok');
    await expect(failing).rejects.toThrow('boom');
    await next;
    expect(await state.read('k')).toBe('ok');
  });
});

describe('WriteBehindState when storage refuses a write', () => {
  test('a value over the quota costs the others of its batch nothing: they are written one by one', async () => {
    const area = new QuotaArea(10_000);
    const lost: string[] = [];
    const state = new WriteBehindState(area, 5, undefined, { onLost: (key) => lost.push(key) });
    await Promise.all([state.update('tab:1', () => 'x'.repeat(20_000)), state.update('tab:2', () => 'innocent')]);
    expect(await area.get(null)).toEqual({ 'tab:2': 'innocent' });
    expect(lost).toEqual(['tab:1']);
  });

  test('the refused value is shrunk and stored; a value no shrinking saves is removed, not left stale', async () => {
    const area = new QuotaArea(10_000);
    await area.set({ 'tab:3': 'an older load' });
    const state = new WriteBehindState(area, 5, undefined, {
      shrink: (key, value) => (key === 'tab:1' && typeof value === 'string' ? value.slice(0, 100) : undefined),
    });
    await Promise.all([
      state.update('tab:1', () => 'a'.repeat(20_000)),
      state.update('tab:2', () => 'innocent'),
      state.update('tab:3', () => 'b'.repeat(20_000)),
    ]);
    expect(await area.get(null)).toEqual({ 'tab:1': 'a'.repeat(100), 'tab:2': 'innocent' });
  });

  test('a later flush never lands before an earlier one still retrying', async () => {
    const area = new QuotaArea(10_000, 1);
    const timers: (() => void)[] = [];
    const state = new WriteBehindState(area, 0, (callback) => timers.push(callback), { shrink: () => 'shrunk' });
    const first = state.update('tab:1', () => 'x'.repeat(20_000));
    while (timers.length === 0) await Promise.resolve();
    // The first flush starts: its batch is refused, and its retries take a few turns.
    timers.shift()?.();
    const second = state.update('tab:1', () => 'newest');
    while (timers.length === 0) await Promise.resolve();
    timers.shift()?.();
    await Promise.all([first, second]);
    expect((await area.get('tab:1'))['tab:1']).toBe('newest');
  });
});
