import { WriteBehindState } from '../../src/storage/write-behind';
import { FakeStorageArea } from './fakes/storage-area';

describe('WriteBehindState', () => {
  test('a burst of changes to several keys goes out in one write', async () => {
    const area = new FakeStorageArea();
    const state = new WriteBehindState(area, 5);
    await Promise.all([
      state.update('a', () => 1),
      state.update('b', () => 2),
      state.update('a', (previous) => (previous as number) + 10),
    ]);
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
