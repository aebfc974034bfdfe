// The stored memories of all hosts: one plain JSON object, and the pure rules of one sighting.
// The bounds and the eviction order live in host-table.ts.

import { HOUR_MS } from '../time-units';
import { clipField, normaliseHost, type CertificateFacts, type CertificateMemory } from './memory';

export interface ContinuityState {
  readonly version: 1;
  readonly hosts: Readonly<Record<string, CertificateMemory>>;
}

export const EMPTY_CONTINUITY: ContinuityState = { version: 1, hosts: {} };

/**
 * Seeing the same certificate again moves lastSeen only when the stored value is at least
 * this far from now, so a visit does not rewrite storage on every page load.
 */
export const LAST_SEEN_RESOLUTION_MS = HOUR_MS;

/**
 * The memory a sighting makes on its own: `facts` seen, valid, at `now`, on a top-level page or
 * only inside a frame. Null when the host is not a host name or the time is not a number.
 */
export function sightingMemory(facts: CertificateFacts, now: number, topLevel: boolean): CertificateMemory | null {
  const host = normaliseHost(facts.host);
  if (host === null || !Number.isFinite(now)) return null;
  return { ...clipFacts({ ...facts, host }), firstSeen: now, lastSeen: now, ...(topLevel ? {} : { frameOnly: true }) };
}

/**
 * What `previous` becomes after `incoming` (a sighting, or sightings already folded together)
 * of the same host. Null when nothing changes: the same certificate seen again within the hour
 * and no promotion to a visited site, so the caller can skip a storage write. A new certificate
 * replaces the old one: only the last good certificate is remembered. O(1).
 */
export function mergeMemory(previous: CertificateMemory | undefined, incoming: CertificateMemory): CertificateMemory | null {
  if (previous === undefined) return incoming;
  // Once opened as a page, a host stays a visited site.
  const frameOnly = previous.frameOnly === true && incoming.frameOnly === true;
  if (sameFacts(previous, incoming)) {
    // Either direction: a clock set back by days must not freeze lastSeen in the future.
    const recent = Math.abs(incoming.lastSeen - previous.lastSeen) < LAST_SEEN_RESOLUTION_MS;
    if (recent && frameOnly === (previous.frameOnly === true)) return null;
    return ranked({ ...previous, lastSeen: incoming.lastSeen }, frameOnly);
  }
  // The same certificate reached through another chain keeps its firstSeen.
  const firstSeen = previous.leafSha256 === incoming.leafSha256 ? previous.firstSeen : incoming.firstSeen;
  return ranked({ ...incoming, firstSeen }, frameOnly);
}

/** `memory` with the frameOnly mark set, or absent (as stored for a visited site). */
function ranked(memory: CertificateMemory, frameOnly: boolean): CertificateMemory {
  const copy: { -readonly [K in keyof CertificateMemory]: CertificateMemory[K] } = { ...memory };
  if (frameOnly) copy.frameOnly = true;
  else delete copy.frameOnly;
  return copy;
}

export function recallCertificate(state: ContinuityState, host: string): CertificateMemory | undefined {
  const key = normaliseHost(host);
  // Own properties only: a host named "__proto__" or "constructor" must find nothing.
  return key !== null && Object.hasOwn(state.hosts, key) ? state.hosts[key] : undefined;
}

export function rememberedHosts(state: ContinuityState): number {
  return Object.keys(state.hosts).length;
}

function clipFacts(facts: CertificateFacts): CertificateFacts {
  return {
    host: facts.host,
    issuer: clipField(facts.issuer),
    root: clipField(facts.root),
    rootBuiltIn: facts.rootBuiltIn,
    spkiSha256: clipField(facts.spkiSha256),
    leafSha256: clipField(facts.leafSha256),
    notAfter: facts.notAfter,
    ...(facts.hsts === true ? { hsts: true } : {}),
  };
}

function sameFacts(a: CertificateFacts, b: CertificateFacts): boolean {
  return (
    a.leafSha256 === b.leafSha256 &&
    a.issuer === b.issuer &&
    a.root === b.root &&
    a.rootBuiltIn === b.rootBuiltIn &&
    a.spkiSha256 === b.spkiSha256 &&
    a.notAfter === b.notAfter &&
    a.hsts === b.hsts
  );
}

/**
 * Reads what storage holds. Anything that is not a version 1 state (nothing yet, an older or
 * newer schema, garbage) is an empty state; entries that are not valid memories are dropped
 * one by one, so one corrupt entry does not cost the others.
 */
export function parseContinuityState(value: unknown): ContinuityState {
  if (!isRecord(value) || value['version'] !== 1 || !isRecord(value['hosts'])) return EMPTY_CONTINUITY;
  const entries = Object.entries(value['hosts']).filter(
    ([host, memory]) => isCertificateMemory(memory) && normaliseHost(host) === host && memory.host === host,
  );
  return { version: 1, hosts: Object.fromEntries(entries) as Record<string, CertificateMemory> };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCertificateMemory(value: unknown): value is CertificateMemory {
  if (!isRecord(value)) return false;
  const strings = ['host', 'issuer', 'root', 'spkiSha256', 'leafSha256'] as const;
  const numbers = ['notAfter', 'firstSeen', 'lastSeen'] as const;
  return (
    strings.every((key) => typeof value[key] === 'string') &&
    numbers.every((key) => Number.isFinite(value[key])) &&
    typeof value['rootBuiltIn'] === 'boolean' &&
    (value['hsts'] === undefined || typeof value['hsts'] === 'boolean') &&
    (value['frameOnly'] === undefined || typeof value['frameOnly'] === 'boolean')
  );
}
