// The history of recent incidents (top-level loads that failed), in storage.local so that the
// options page can list them and the popup can reopen one later. Bounded; never a private
// window (checked here, at the only door to storage); off with the person's setting.
//
// An incident keeps the failed tab's snapshot (a failed load has no certificate, so it is
// small) without the query string or fragment of its URL, and the clock estimate of that moment.

import type { SkewEstimate } from '../core/clock/skew';
import { isTabSnapshot, type TabSnapshot } from '../shared/tab-snapshot';
import type { StorageAreaLike } from './write-behind';

export const INCIDENTS_KEY = 'incidents';
export const INCIDENT_LIMIT = 50;

export interface Incident {
  /** `${tabId}-${startedAt}`: one incident per failed load, updated as facts arrive. */
  readonly id: string;
  readonly at: number;
  readonly snapshot: TabSnapshot;
  readonly clock: SkewEstimate | null;
}

export function incidentId(snapshot: TabSnapshot): string {
  return `${snapshot.tabId}-${snapshot.startedAt}`;
}

/** The URL without its query string and fragment: they can hold tokens and personal data. */
export function withoutQuery(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.search = '';
    parsed.hash = '';
    return parsed.href;
  } catch {
    return '';
  }
}

export class IncidentHistory {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly area: StorageAreaLike,
    private readonly limit = INCIDENT_LIMIT,
  ) {}

  /** Adds or updates the incident of a failed load. Nothing for a private window or a load that did not fail. */
  record(snapshot: TabSnapshot, context: { readonly incognito: boolean; readonly clock: SkewEstimate | null; readonly now: number }): Promise<void> {
    if (context.incognito || snapshot.context?.incognito === true || snapshot.status !== 'failed') return Promise.resolve();
    const incident: Incident = {
      id: incidentId(snapshot),
      at: context.now,
      snapshot: { ...snapshot, url: withoutQuery(snapshot.url) },
      clock: context.clock,
    };
    return this.enqueue(async () => {
      const others = (await this.list()).filter((i) => i.id !== incident.id);
      await this.area.set({ [INCIDENTS_KEY]: [incident, ...others].slice(0, this.limit) });
    });
  }

  /** Newest first. Entries that are not incidents (an old format, a hand edit) are skipped. */
  async list(): Promise<Incident[]> {
    const stored = (await this.area.get(INCIDENTS_KEY))[INCIDENTS_KEY];
    return Array.isArray(stored) ? stored.filter(isIncident) : [];
  }

  async get(id: string): Promise<Incident | undefined> {
    return (await this.list()).find((i) => i.id === id);
  }

  clear(): Promise<void> {
    return this.enqueue(() => this.area.remove(INCIDENTS_KEY));
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

function isIncident(value: unknown): value is Incident {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['id'] === 'string' && typeof v['at'] === 'number' && isTabSnapshot(v['snapshot']);
}
