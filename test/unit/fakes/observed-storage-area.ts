// The in-memory storage area, plus browser.storage's onChanged: every set() and remove() tells
// the listeners which keys changed, after the change is stored, as Firefox does.

import { FakeStorageArea } from './storage-area';

export class ObservedStorageArea extends FakeStorageArea {
  private readonly listeners: ((keys: string[]) => void)[] = [];

  onChanged(listener: (keys: string[]) => void): void {
    this.listeners.push(listener);
  }

  override async set(items: Record<string, unknown>): Promise<void> {
    await super.set(items);
    for (const listener of this.listeners) listener(Object.keys(items));
  }

  override async remove(keys: string | string[]): Promise<void> {
    await super.remove(keys);
    for (const listener of this.listeners) listener(Array.isArray(keys) ? keys : [keys]);
  }
}
