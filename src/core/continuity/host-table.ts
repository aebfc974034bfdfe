// The remembered hosts as a bounded table in which each sighting costs O(1): two Maps kept in
// the order the hosts were last seen, and running totals of entries and bytes. Evicting takes
// the first (least recently seen) entry of a Map, so no sighting copies or sorts the table.
//
// Which host goes first when the store is full: hosts only ever seen inside frames, before any
// host the person opened as a page (a top-level visit); least recently seen first among equals.
// One page can hold hundreds of frames on distinct subdomains (ads, widgets, a hostile page);
// under plain least-recently-seen order a single such page would push out the sites the person
// actually visits, whose memory is what the diagnosis needs ("until yesterday this site used a
// certificate from X"). A frame-only host seen later as a page is promoted and never demoted.

import type { CertificateMemory } from './memory';
import type { ContinuityState } from './state';

/** Most hosts remembered. */
export const MAX_REMEMBERED_HOSTS = 2000;
/**
 * Most bytes the remembered hosts take as stored JSON (UTF-8). A typical entry is about 450
 * bytes, so 2,000 ordinary hosts fit; hosts with long (clipped) names meet this bound first.
 */
export const MAX_REMEMBERED_BYTES = 1024 * 1024;

export interface TableBounds {
  readonly maxHosts: number;
  readonly maxBytes: number;
}

export const DEFAULT_BOUNDS: TableBounds = { maxHosts: MAX_REMEMBERED_HOSTS, maxBytes: MAX_REMEMBERED_BYTES };

interface Entry {
  readonly memory: CertificateMemory;
  readonly bytes: number;
}

export class HostTable {
  /** Hosts opened as a page at least once, least recently seen first. */
  private readonly visited = new Map<string, Entry>();
  /** Hosts seen only in frames, least recently seen first. */
  private readonly frameOnly = new Map<string, Entry>();
  private totalBytes = 0;

  /** A table of what storage holds: the only sort, once per read of storage, never per sighting. */
  static fromState(state: ContinuityState): HostTable {
    const table = new HostTable();
    const memories = Object.values(state.hosts).sort((a, b) => a.lastSeen - b.lastSeen || (a.host < b.host ? -1 : 1));
    for (const memory of memories) table.put(memory);
    return table;
  }

  get size(): number {
    return this.visited.size + this.frameOnly.size;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  get(host: string): CertificateMemory | undefined {
    return (this.visited.get(host) ?? this.frameOnly.get(host))?.memory;
  }

  /** Stores `memory` under its host as the most recently seen of its rank. O(1). */
  put(memory: CertificateMemory): void {
    this.remove(memory.host);
    const entry = { memory, bytes: entryBytes(memory) };
    (memory.frameOnly === true ? this.frameOnly : this.visited).set(memory.host, entry);
    this.totalBytes += entry.bytes;
  }

  /** Drops entries in eviction order until both bounds hold; returns how many were dropped. O(1) each. */
  evictBeyond(bounds: TableBounds): number {
    let dropped = 0;
    while (this.size > bounds.maxHosts || (this.totalBytes > bounds.maxBytes && this.size > 0)) {
      const first = this.frameOnly.size > 0 ? this.frameOnly : this.visited;
      const host = first.keys().next().value;
      if (host === undefined) break;
      this.remove(host);
      dropped += 1;
    }
    return dropped;
  }

  /** Every memory, in eviction order (the first would go first). */
  memories(): CertificateMemory[] {
    return [...this.frameOnly.values(), ...this.visited.values()].map((entry) => entry.memory);
  }

  toState(): ContinuityState {
    // fromEntries defines own properties: a host named "__proto__" stays a plain key.
    return { version: 1, hosts: Object.fromEntries(this.memories().map((memory) => [memory.host, memory])) };
  }

  private remove(host: string): void {
    const entry = this.visited.get(host) ?? this.frameOnly.get(host);
    if (entry === undefined) return;
    this.visited.delete(host);
    this.frameOnly.delete(host);
    this.totalBytes -= entry.bytes;
  }
}

/** What one host adds to the stored JSON: `"host":{...},` in UTF-8. Bounded: fields are clipped. */
export function entryBytes(memory: CertificateMemory): number {
  return utf8Length(JSON.stringify(memory.host)) + utf8Length(JSON.stringify(memory)) + 2;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    // Half of a surrogate pair (one 4-byte character): JSON.stringify writes lone halves as \u escapes.
    else if (code >= 0xd800 && code <= 0xdfff) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}
