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
