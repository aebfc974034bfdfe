// An in-memory storage area that behaves like browser.storage's: values are stored as JSON
// (so a caller never shares an object with the store), get(null) returns everything.

import type { StorageAreaLike } from '../../../src/storage/tab-snapshots';

export class FakeStorageArea implements StorageAreaLike {
  private readonly items = new Map<string, string>();
  writes = 0;

  get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys === null || keys === undefined ? [...this.items.keys()] : Array.isArray(keys) ? keys : [keys];
    const result: Record<string, unknown> = {};
    for (const key of wanted) {
      const json = this.items.get(key);
      if (json !== undefined) result[key] = JSON.parse(json);
    }
    return Promise.resolve(result);
  }

  set(items: Record<string, unknown>): Promise<void> {
    for (const [key, value] of Object.entries(items)) this.items.set(key, JSON.stringify(value));
    this.writes += 1;
    return Promise.resolve();
  }

  remove(keys: string | string[]): Promise<void> {
    for (const key of Array.isArray(keys) ? keys : [keys]) this.items.delete(key);
    return Promise.resolve();
  }

  keys(): string[] {
    return [...this.items.keys()];
  }
}

/** A storage area with storage.session's kind of limit: a set() that would take the total over `quota` bytes fails as a whole. */
export class QuotaStorageArea extends FakeStorageArea {
  constructor(
    private readonly quota: number,
    private readonly delayMs: number | null = null,
  ) {
    super();
  }
  override async set(items: Record<string, unknown>): Promise<void> {
    // Storage answers on a later turn, as the browser's does.
    if (this.delayMs !== null) await new Promise((resolve) => setTimeout(resolve, this.delayMs ?? 0));
    const current = await this.get(null);
    const after = { ...current, ...items };
    const total = Object.entries(after).reduce((sum, [key, value]) => sum + key.length + Buffer.byteLength(JSON.stringify(value)), 0);
    if (total > this.quota) throw new Error('QuotaExceededError: storage.session quota exceeded');
    return super.set(items);
  }
}
