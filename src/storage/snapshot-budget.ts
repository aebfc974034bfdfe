// A tab's snapshot has a byte budget. Each field is already cut to its own length at capture
// (text-bounds.ts, url.ts), and the lists have a fixed number of entries, but a page can fill
// every one of them at once (thousands of failing images on distinct hosts, failed frames, a
// chain of large certificates): the budget bounds the whole. When a snapshot is over it, what
// matters least goes first, and the counts stay true:
//   1. the failed images and scripts listed beyond the first few (their total is kept),
//   2. the failed frames listed beyond the first few (their total is kept),
//   3. the DER of the intermediates and root, from the root down (subject, issuer, dates and
//      fingerprints stay), then the leaf's, whose names are kept apart first,
//   4. long subjects and issuers, cut shorter,
//   5. the lists themselves, and finally everything but the load's own facts.

import { namesOf } from '../capture/security-info';
import { base64ToBytes } from '../core/encoding/base64';
import type { CapturedCertificate, CapturedSecurity, TabSnapshot } from '../shared/tab-snapshot';
import { capText } from '../shared/text-bounds';
import { storageBytes } from './storage-size';

/**
 * The most a tab's snapshot takes in storage (storage-size.ts): under 64 KB, so 170 tabs at their
 * worst fit storage.session's quota (10,485,760 bytes, enforced: Firefox 153's
 * ExtensionStorage.sys.mjs QuotaMap.QUOTA_BYTES, greprefs.js webextensions.storage.session.enforceQuota).
 */
export const SNAPSHOT_BUDGET_BYTES = 60 * 1024;

/**
 * The budget of a snapshot storage refused at its full size (the quota is full): small enough
 * to fit where others still do, large enough for the load's facts and the leaf's names.
 */
export const SHRUNK_SNAPSHOT_BUDGET_BYTES = 8 * 1024;

/** Entries of each list kept while the snapshot is over its budget. */
export const MIN_LISTED_WHEN_OVER = 3;

/** The length subjects and issuers are cut to when the chain does not fit otherwise. */
export const SHORT_DN_CHARS = 200;

type Step = (snapshot: TabSnapshot) => TabSnapshot;

/** The snapshot itself when it fits `budget`; else a smaller one that does, as described above. */
export function fitSnapshot(snapshot: TabSnapshot, budget = SNAPSHOT_BUDGET_BYTES): TabSnapshot {
  if (storageBytes(snapshot) <= budget) return snapshot;
  let fitted = snapshot;
  for (const step of STEPS) {
    fitted = step(fitted);
    if (storageBytes(fitted) <= budget) return fitted;
  }
  return fitted;
}

const STEPS: readonly Step[] = [
  (s) => withSubresources(s, MIN_LISTED_WHEN_OVER),
  (s) => withFrames(s, MIN_LISTED_WHEN_OVER),
  ...[7, 6, 5, 4, 3, 2, 1].map(
    (index): Step =>
      (s) =>
        withChain(s, (chain) => chain.map((c, i) => (i === index ? withoutDer(c) : c))),
  ),
  (s) => withChain(s, (chain) => chain.map((c, i) => (i === 0 ? withoutDer(c) : c))),
  (s) =>
    withChain(s, (chain) =>
      chain.map((c) => ({ ...c, subject: capText(c.subject, SHORT_DN_CHARS), issuer: capText(c.issuer, SHORT_DN_CHARS) })),
    ),
  (s) => withFrames(withSubresources(s, 0), 0),
  // Nothing that size can be left but a hostile certificate's names: the load's facts survive.
  (s) => withChain(s, (chain) => chain.map((c) => withNames(c, []))),
  (s) => lastResort(s),
];

function withSubresources(snapshot: TabSnapshot, keep: number): TabSnapshot {
  const list = snapshot.subresourceFailures;
  if (!list || list.length <= keep) return snapshot;
  const total = snapshot.subresourceFailureCount ?? list.reduce((sum, entry) => sum + entry.count, 0);
  return { ...snapshot, subresourceFailures: list.slice(0, keep), subresourceFailureCount: total };
}

function withFrames(snapshot: TabSnapshot, keep: number): TabSnapshot {
  const list = snapshot.frameFailures;
  if (!list || list.length <= keep) return snapshot;
  return { ...snapshot, frameFailures: list.slice(0, keep), frameFailureCount: snapshot.frameFailureCount ?? list.length };
}

function withChain(snapshot: TabSnapshot, change: (chain: readonly CapturedCertificate[]) => CapturedCertificate[]): TabSnapshot {
  const security = snapshot.security;
  if (!security || security.certificates.length === 0) return snapshot;
  const next: CapturedSecurity = { ...security, certificates: change(security.certificates) };
  return { ...snapshot, security: next };
}

/** The certificate without its DER; its names (read from the DER) are kept apart, bounded. */
function withoutDer(certificate: CapturedCertificate): CapturedCertificate {
  if (!certificate.derBase64) return certificate;
  let names: Pick<CapturedCertificate, 'names' | 'nameCount'> = {};
  try {
    names = namesOf(base64ToBytes(certificate.derBase64));
  } catch {
    // Not base64: no names to keep.
  }
  return { ...certificate, derBase64: '', ...names };
}

function withNames(certificate: CapturedCertificate, names: readonly string[]): CapturedCertificate {
  if (certificate.names === undefined) return certificate;
  return { ...certificate, names, nameCount: certificate.nameCount ?? certificate.names.length };
}

/** The load's own facts only: what failed or loaded, where, and the tab's context. */
function lastResort(snapshot: TabSnapshot): TabSnapshot {
  const { schema, tabId, url, requestedUrl, errorPage, startedAt, status, failure, requestError, context } = snapshot;
  return {
    schema,
    tabId,
    url,
    startedAt,
    status,
    ...(requestedUrl === undefined ? {} : { requestedUrl }),
    ...(errorPage === undefined ? {} : { errorPage }),
    ...(failure === undefined ? {} : { failure }),
    ...(requestError === undefined ? {} : { requestError }),
    ...(context === undefined ? {} : { context }),
    ...(snapshot.subresourceFailureCount === undefined ? {} : { subresourceFailureCount: snapshot.subresourceFailureCount }),
    ...(snapshot.frameFailureCount === undefined ? {} : { frameFailureCount: snapshot.frameFailureCount }),
  };
}
