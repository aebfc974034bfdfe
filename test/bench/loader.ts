// Timed loads with the spacing a mode asks for: before each load, wait until that instance
// has been idle long enough (cold: its event page asleep) and until a short quiet gap has
// passed since any load ended. Each load is checked to have fetched the page and every image.
import type { Instance } from './instances';
import { timedLoad } from './measure';
import { earliestStart } from './schedule';
import { IMAGE_COUNT, type BenchSite } from './site';

export interface Spacing {
  readonly idleBeforeLoadMs: number;
  readonly gapMs: number;
}

export interface LoadRecord {
  readonly loadId: string;
  /** loadEventEnd - startTime, ms. */
  readonly ms: number;
  /** How long this instance had been idle (since its previous load ended) when this load started. */
  readonly idleBeforeMs: number;
}

export interface Loader {
  load(instance: Instance, loadId: string, spacing: Spacing): Promise<LoadRecord>;
  /** When `instance`'s last load ended (Date.now() clock), or 0. */
  lastEndOf(instance: Instance): number;
  /** The load id of `instance`'s last load, or ''. */
  lastLoadIdOf(instance: Instance): string;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createLoader(site: BenchSite): Loader {
  const lastEnd = new Map<number, number>();
  const lastLoadId = new Map<number, string>();
  let anyLastEnd = 0;
  return {
    lastEndOf: (instance) => lastEnd.get(instance.index) ?? 0,
    lastLoadIdOf: (instance) => lastLoadId.get(instance.index) ?? '',
    async load(instance, loadId, spacing) {
      const previous = lastEnd.get(instance.index);
      const startAt = earliestStart({ instanceLastEnd: previous ?? 0, anyLastEnd, ...spacing });
      // A loop, because a timer may fire a millisecond early by Date.now().
      while (Date.now() < startAt) await sleep(startAt - Date.now());
      const idleBeforeMs = previous === undefined ? Number.POSITIVE_INFINITY : Date.now() - previous;
      const url = site.pageUrl(loadId);
      const ms = await timedLoad(instance.page, url);
      const end = Date.now();
      lastEnd.set(instance.index, end);
      lastLoadId.set(instance.index, loadId);
      anyLastEnd = end;
      const requests = site.requestsFor(loadId);
      if (requests !== IMAGE_COUNT + 1) {
        throw new Error(`${url}: the server answered ${requests} requests, not ${IMAGE_COUNT + 1} (the page and ${IMAGE_COUNT} images)`);
      }
      return { loadId, ms, idleBeforeMs };
    },
  };
}
