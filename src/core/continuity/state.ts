// The stored memories of all hosts: one plain JSON object, changed only through these pure
// functions. Bounded: past `limit` hosts, the least recently seen is forgotten.

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
export const LAST_SEEN_RESOLUTION_MS = 60 * 60 * 1000;

/**
 * Records that `facts` was seen, valid, at `now`. Returns `state` itself when nothing changes
 * (the same certificate seen again within the hour, or a host that is not a host name), so the
 * caller can skip a storage write. A new certificate for a host replaces the old one: only the
 * last good certificate is remembered.
 */
export function rememberCertificate(
  state: ContinuityState,
  facts: CertificateFacts,
  now: number,
  limit: number,
): ContinuityState {
  const host = normaliseHost(facts.host);
  if (host === null || !Number.isFinite(now)) return state;
  const previous = recallCertificate(state, host);
  const clipped = clipFacts({ ...facts, host });
  let memory: CertificateMemory;
  if (previous && sameFacts(previous, clipped)) {
    // Either direction: a clock set back by days must not freeze lastSeen in the future.
    if (Math.abs(now - previous.lastSeen) < LAST_SEEN_RESOLUTION_MS) return state;
    memory = { ...previous, lastSeen: now };
  } else {
    // The same certificate reached through another chain keeps its firstSeen.
    const firstSeen = previous && previous.leafSha256 === clipped.leafSha256 ? previous.firstSeen : now;
    memory = { ...clipped, firstSeen, lastSeen: now };
  }
  return { version: 1, hosts: evict({ ...state.hosts, [host]: memory }, host, limit) };
}

export function recallCertificate(state: ContinuityState, host: string): CertificateMemory | undefined {
  const key = normaliseHost(host);
  // Own properties only: a host named "__proto__" or "constructor" must find nothing.
  return key !== null && Object.hasOwn(state.hosts, key) ? state.hosts[key] : undefined;
}

export function rememberedHosts(state: ContinuityState): number {
  return Object.keys(state.hosts).length;
}

/** Drops the least recently seen hosts beyond `limit`; never `keep`, the host just written. */
function evict(
  hosts: Record<string, CertificateMemory>,
  keep: string,
  limit: number,
): Record<string, CertificateMemory> {
  const max = Math.max(1, Number.isNaN(limit) ? 1 : Math.floor(limit));
  const entries = Object.entries(hosts);
  if (entries.length <= max) return hosts;
  const others = entries
    .filter(([host]) => host !== keep)
    // Oldest lastSeen first; the host name breaks ties so the result does not depend on order.
    .sort(([hostA, a], [hostB, b]) => a.lastSeen - b.lastSeen || (hostA < hostB ? -1 : 1));
  const dropped = new Set(others.slice(0, entries.length - max).map(([host]) => host));
  return Object.fromEntries(entries.filter(([host]) => !dropped.has(host)));
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
    (value['hsts'] === undefined || typeof value['hsts'] === 'boolean')
  );
}
