// A page that loaded: either through an exception the person added (then the certificate is
// known and the real problem can be named exactly) or normally, where only cautions remain:
// interception, a root added to this device, a changed certificate, expiry soon, an old
// protocol, weak keys, parts of the page that failed.

import type { CertificateChange } from '../core/continuity/memory';
import type { CapturedSecurity, TabSnapshot } from '../shared/tab-snapshot';
import { CauseBoard } from './cause-board';
import type { ChainFacts } from './chain-facts';
import { readClock } from './clock-evidence';
import { isLocalHost } from './host-kind';
import type { DiagnosisEnvironment } from './inputs';
import { weighBlockPage } from './block-page';
import { rankNameMismatchFromNames } from './name-mismatch';

const DAY_MS = 24 * 60 * 60_000;
const OLD_PROTOCOLS: ReadonlySet<string> = new Set(['TLSv1', 'TLSv1.1', 'TLSv1.0', 'SSLv3']);
const MIN_RSA_BITS = 2048;

export function rankException(security: CapturedSecurity, chain: ChainFacts | null, host: string, environment: DiagnosisEnvironment): CauseBoard {
  const board = new CauseBoard();
  const category = security.overridableErrorCategory ?? '';
  board.set('exception-in-use', 500, 'high', { kind: 'exception', category });
  if (!chain) return board;
  if (security.isDomainMismatch || category === 'domain_mismatch') {
    rankNameMismatchFromNames(board, host, chain.names);
    weighBlockPage(board, host, chain.names);
  }
  if (security.isNotValidAtThisTime || category === 'expired_or_not_yet_valid') rankValidity(board, chain, environment);
  if (security.isUntrusted || category === 'trust_error') rankTrust(board, chain, host);
  return board;
}

function rankValidity(board: CauseBoard, chain: ChainFacts, environment: DiagnosisEnvironment): void {
  const { notBefore, notAfter } = chain.leaf;
  const validity = { kind: 'validity', notBefore, notAfter } as const;
  const clock = environment.clock;
  // The true time, as the servers that sent Date headers see it.
  const trueNow = clock && readClock(clock) !== 'right' ? environment.now - clock.skewMs : environment.now;
  const validTruly = trueNow >= notBefore && trueNow <= notAfter;
  if (clock && validTruly && readClock(clock) !== 'right') {
    board.set(clock.skewMs > 0 ? 'clock-ahead' : 'clock-behind', 300, 'high', { kind: 'clock', skewMs: clock.skewMs, hosts: clock.hosts }, validity);
    return;
  }
  board.set(trueNow > notAfter ? 'cert-expired' : 'cert-not-yet-valid', 300, clock ? 'high' : 'medium', validity);
}

function rankTrust(board: CauseBoard, chain: ChainFacts, host: string): void {
  if (chain.product) {
    board.set('interception', 300, 'high', { kind: 'issuer-product', issuer: chain.leaf.issuer, product: chain.product.name });
    return;
  }
  const selfIssued = chain.length === 1 && (chain.parsedLeaf?.selfIssued ?? chain.leaf.subject === chain.leaf.issuer);
  if (isLocalHost(host)) {
    board.set('local-device', 300, 'high', { kind: 'local-host', host });
    return;
  }
  if (selfIssued) {
    board.set('self-signed', 300, 'high', { kind: 'self-issued', subject: chain.leaf.subject });
    return;
  }
  if (chain.weakSignature) {
    board.set('weak-signature', 300, 'high', { kind: 'weak-signature', algorithm: chain.weakSignature });
    return;
  }
  // Firefox built no path to a trusted root: the server's chain stops short, or its CA is
  // one this device does not know.
  board.set('missing-intermediate', 300, 'medium', { kind: 'chain-length', length: chain.length });
  board.set('private-ca', 200, 'low', { kind: 'root-not-built-in', root: chain.root.subject });
}

export function rankLoaded(snapshot: TabSnapshot, chain: ChainFacts | null, environment: DiagnosisEnvironment): CauseBoard {
  const board = new CauseBoard();
  const security = snapshot.security;
  if (chain && !chain.rootBuiltIn) {
    if (chain.product) {
      board.set('interception', 300, 'high', { kind: 'issuer-product', issuer: chain.leaf.issuer, product: chain.product.name }, { kind: 'root-not-built-in', root: chain.root.subject });
    } else {
      // Worth knowing, but the least of a page's cautions: a root added on purpose is common.
      board.set('private-ca', 90, 'medium', { kind: 'root-not-built-in', root: chain.root.subject });
    }
  }
  const change = snapshot.certificateChange;
  if (change && isNotable(change.change)) {
    board.set('cert-changed', change.change === 'new-root' ? 250 : 150, 'medium', {
      kind: 'certificate-change',
      change: change.change,
      issuer: change.previous.issuer,
      lastSeen: change.previous.lastSeen,
    });
  }
  if (chain) {
    const left = chain.leaf.notAfter - environment.now;
    if (left > 0 && left <= environment.expiryWarningDays * DAY_MS) {
      board.set('expiring-soon', 120, 'high', { kind: 'expires-soon', notAfter: chain.leaf.notAfter });
    }
    if (chain.weakestRsaBits !== null && chain.weakestRsaBits < MIN_RSA_BITS) {
      board.set('weak-key', 110, 'high', { kind: 'weak-key', bits: chain.weakestRsaBits });
    }
  }
  if (security?.protocolVersion && OLD_PROTOCOLS.has(security.protocolVersion)) {
    board.set('server-old-tls', 130, 'high', { kind: 'protocol', version: security.protocolVersion });
  }
  const failedParts = (snapshot.frameFailures?.length ?? 0) + (snapshot.subresourceFailureCount ?? 0);
  if (failedParts > 0) board.set('part-failed', 100, 'high');
  return board;
}

function isNotable(change: CertificateChange): boolean {
  return change === 'new-root' || change === 'new-issuer';
}
