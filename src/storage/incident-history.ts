// The history of recent incidents (top-level loads that failed), in storage.local so that the
// options page can list them and the popup can reopen one later. Never a private window
// (checked here, at the only door to storage); off with the person's setting.
//
// Bounded in entries and bytes, and cheap to write: each incident is its own key
// (`incident:<id>`) and a small index (`incidentIndex`: ids, times and sizes, newest first)
// lists them, so recording one writes that incident and the index, never the whole history.
// An incident keeps the failed tab's snapshot with every URL stripped of its query and fragment
// (snapshot-privacy.ts), within its own byte budget, and the clock estimate of that moment.
// Histories stored by older versions under one key (`incidents`, a list) are moved over, and
// cleaned, the first time the history is used.

import type { SkewEstimate } from '../core/clock/skew';
import { isTabSnapshot, type TabSnapshot } from '../shared/tab-snapshot';
import { storageBytes } from './storage-size';
import { fitSnapshot } from './snapshot-budget';
import { withStorableUrls } from './snapshot-privacy';
import type { StorageAreaLike } from './write-behind';

/** Where older versions kept the whole history, as one list. */
export const LEGACY_INCIDENTS_KEY = 'incidents';
export const INCIDENT_INDEX_KEY = 'incidentIndex';
const INCIDENT_KEY_PREFIX = 'incident:';

/** Incidents kept, newest first. */
export const INCIDENT_LIMIT = 50;
/** The most one incident takes: a failed load has no certificate of its own, so this is ample. */
export const INCIDENT_BUDGET_BYTES = 16 * 1024;
/** The most the whole history takes in storage.local; the oldest incidents go first. */
export const HISTORY_BUDGET_BYTES = 512 * 1024;
/** Room in an incident's budget for what surrounds its snapshot (id, time, clock estimate). */
const INCIDENT_WRAPPER_BYTES = 512;

export interface Incident {
  /** `${tabId}-${startedAt}`: one incident per failed load, updated as facts arrive. */
  readonly id: string;
  readonly at: number;
  readonly snapshot: TabSnapshot;
  readonly clock: SkewEstimate | null;
}

interface IndexEntry {
  readonly id: string;
  readonly at: number;
  readonly bytes: number;
}

export function incidentId(snapshot: TabSnapshot): string {
  return `${snapshot.tabId}-${snapshot.startedAt}`;
}

export function incidentKey(id: string): string {
  return `${INCIDENT_KEY_PREFIX}${id}`;
}

export interface HistoryLimits {
  readonly entries: number;
  readonly bytes: number;
  readonly incidentBytes: number;
}

const DEFAULT_LIMITS: HistoryLimits = { entries: INCIDENT_LIMIT, bytes: HISTORY_BUDGET_BYTES, incidentBytes: INCIDENT_BUDGET_BYTES };

export class IncidentHistory {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly limits: HistoryLimits;

  constructor(
    private readonly area: StorageAreaLike,
    limits: Partial<HistoryLimits> = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /** Adds or updates the incident of a failed load. Nothing for a private window or a load that did not fail. */
  record(
    snapshot: TabSnapshot,
    context: { readonly incognito: boolean; readonly clock: SkewEstimate | null; readonly now: number },
  ): Promise<void> {
    if (context.incognito || snapshot.context?.incognito === true || snapshot.status !== 'failed') return Promise.resolve();
    const incident = this.storable({ id: incidentId(snapshot), at: context.now, snapshot, clock: context.clock });
    return this.enqueue(async () => {
      const index = await this.migratedIndex();
      await this.write(
        [incident],
        index.filter((entry) => entry.id !== incident.id),
      );
    });
  }

  /** Newest first. Entries that are not incidents (a hand edit, a lost key) are skipped. */
  async list(): Promise<Incident[]> {
    await this.enqueue(async () => {
      await this.migratedIndex();
    });
    const index = await this.readIndex();
    if (index.length === 0) return [];
    const stored = await this.area.get(index.map((entry) => incidentKey(entry.id)));
    return index.map((entry) => stored[incidentKey(entry.id)]).filter(isIncident);
  }

  async get(id: string): Promise<Incident | undefined> {
    const key = incidentKey(id);
    const stored = (await this.area.get(key))[key];
    if (isIncident(stored)) return stored;
    // Not moved over yet (read by a page while the history is still in the old format).
    return (await this.list()).find((i) => i.id === id);
  }

  clear(): Promise<void> {
    return this.enqueue(async () => {
      // Every incident key, including any an interrupted write left outside the index.
      const keys = Object.keys(await this.area.get(null)).filter((key) => key.startsWith(INCIDENT_KEY_PREFIX));
      await this.area.remove([INCIDENT_INDEX_KEY, LEGACY_INCIDENTS_KEY, ...keys]);
    });
  }

  /** The incident as stored: URLs stripped, within its budget. */
  private storable(incident: Incident): Incident {
    const snapshot = fitSnapshot(withStorableUrls(incident.snapshot), this.limits.incidentBytes - INCIDENT_WRAPPER_BYTES);
    return { ...incident, snapshot };
  }

  /**
   * Writes `added` into the index (`others`), newest first, and drops the oldest beyond the
   * limits: one set() for the new incidents and the index, one remove() for those dropped.
   */
  private async write(added: readonly Incident[], others: readonly IndexEntry[]): Promise<void> {
    const entries = [...added.map((i) => ({ id: i.id, at: i.at, bytes: storageBytes(i) })), ...others].sort((a, b) => b.at - a.at);
    const kept: IndexEntry[] = [];
    let total = 0;
    for (const entry of entries) {
      if (kept.length >= this.limits.entries || total + entry.bytes > this.limits.bytes) break;
      kept.push(entry);
      total += entry.bytes;
    }
    const keptIds = new Set(kept.map((entry) => entry.id));
    const items: Record<string, unknown> = { [INCIDENT_INDEX_KEY]: kept };
    for (const incident of added) if (keptIds.has(incident.id)) items[incidentKey(incident.id)] = incident;
    await this.area.set(items);
    const dropped = entries.filter((entry) => !keptIds.has(entry.id)).map((entry) => incidentKey(entry.id));
    if (dropped.length > 0) await this.area.remove(dropped);
  }

  private async readIndex(): Promise<IndexEntry[]> {
    const stored = (await this.area.get(INCIDENT_INDEX_KEY))[INCIDENT_INDEX_KEY];
    return Array.isArray(stored) ? stored.filter(isIndexEntry) : [];
  }

  /** The index, after moving a history of the old format (one list) into it. Runs in the queue. */
  private async migratedIndex(): Promise<IndexEntry[]> {
    const legacy = (await this.area.get(LEGACY_INCIDENTS_KEY))[LEGACY_INCIDENTS_KEY];
    const index = await this.readIndex();
    if (legacy === undefined) return index;
    const known = new Set(index.map((entry) => entry.id));
    const moved = (Array.isArray(legacy) ? legacy.filter(isIncident) : []).filter((i) => !known.has(i.id)).map((i) => this.storable(i));
    if (moved.length > 0) await this.write(moved, index);
    await this.area.remove(LEGACY_INCIDENTS_KEY);
    return this.readIndex();
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

function isIndexEntry(value: unknown): value is IndexEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['id'] === 'string' && typeof v['at'] === 'number' && typeof v['bytes'] === 'number';
}
