// A page that loaded: either through an exception the person added (then the certificate is
// known and the real problem can be named exactly) or normally, where only cautions remain:
// interception, a root added to this device (the Russian state root, or one whose private
// key is public, which is a danger), a changed certificate, expiry soon, an old protocol,
// weak keys, parts of the page that failed.

import { renewalOverdue } from '../core/certificate/renewal';
import type { CertificateChange } from '../core/continuity/memory';
import type { CapturedSecurity, TabSnapshot } from '../shared/tab-snapshot';
import { CauseBoard } from './cause-board';
import type { ChainFacts } from './chain-facts';
import { readClock } from './clock-evidence';
import { ADDED_ROOT_RSA_MIN_BITS, PUBLIC_RSA_MIN_BITS } from './key-size';
import { dnAttribute } from './dn-attribute';
import { isLocalHost } from './host-kind';
import type { DiagnosisEnvironment } from './inputs';
import { weighBlockPage } from './block-page';
import { rankNameMismatchFromNames } from './name-mismatch';

const OLD_PROTOCOLS: ReadonlySet<string> = new Set(['TLSv1', 'TLSv1.1', 'TLSv1.0', 'SSLv3']);

export function rankException(
  security: CapturedSecurity,
  chain: ChainFacts | null,
  host: string,
  environment: DiagnosisEnvironment,
): CauseBoard {
  const board = new CauseBoard();
  const category = security.overridableErrorCategory ?? '';
  board.set('exception-in-use', 500, 'high', { kind: 'exception', category });
  if (!chain) return board;
  if (security.isDomainMismatch || category === 'domain_mismatch') {
    rankNameMismatchFromNames(board, host, chain.names);
    weighBlockPage(board, host, chain.names);
  }
  if (security.isNotValidAtThisTime || category === 'expired_or_not_yet_valid') rankValidity(board, chain.leaf, environment);
  if (security.isUntrusted || category === 'trust_error') rankTrust(board, chain, host);
  return board;
}

/** A certificate outside its dates: expired or not yet valid, unless the clock explains it. */
export function rankValidity(
  board: CauseBoard,
  certificate: { readonly notBefore: number; readonly notAfter: number },
  environment: DiagnosisEnvironment,
): void {
  const { notBefore, notAfter } = certificate;
  const validity = { kind: 'validity', notBefore, notAfter } as const;
  const clock = environment.clock;
  // The true time, as the servers that sent Date headers see it.
  const trueNow = clock && readClock(clock) !== 'right' ? environment.now - clock.skewMs : environment.now;
  const validTruly = trueNow >= notBefore && trueNow <= notAfter;
  if (clock && validTruly && readClock(clock) !== 'right') {
    board.set(
      clock.skewMs > 0 ? 'clock-ahead' : 'clock-behind',
      300,
      'high',
      { kind: 'clock', skewMs: clock.skewMs, hosts: clock.hosts },
      validity,
    );
    return;
  }
  board.set(trueNow > notAfter ? 'cert-expired' : 'cert-not-yet-valid', 300, clock ? 'high' : 'medium', validity);
}

function rankTrust(board: CauseBoard, chain: ChainFacts, host: string): void {
  if (chain.russianStateIssuer) {
    // Firefox does not ship the state root: the person accepted the risk instead of choosing
    // where to trust it.
    board.set('russian-state-ca-missing', 300, 'high', { kind: 'state-ca', issuer: commonNameOf(chain.russianStateIssuer) });
    return;
  }
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
  const bits = chain.weakestRsaBits;
  if (bits !== null && bits < ADDED_ROOT_RSA_MIN_BITS) {
    // Under 1024 bits Firefox refuses every chain: the key is the problem.
    board.set('weak-key', 300, 'high', { kind: 'weak-key', bits });
    return;
  }
  if (bits !== null && bits < PUBLIC_RSA_MIN_BITS) {
    // Refused if the chain ends at a built-in root; the exception hides which root it was.
    board.set('weak-key', 260, 'medium', { kind: 'weak-key', bits });
  }
  // Firefox built no path to a trusted root. Desktop Firefox preloads every publicly disclosed
  // intermediate (security.remote_settings.intermediates.enabled), so a chain that merely stops
  // short of a public CA rarely fails: most likely the CA is one Firefox does not trust.
  board.set('unknown-ca', 300, 'medium', { kind: 'root-not-built-in', root: chain.root.subject });
  board.set('missing-intermediate', 250, 'medium', { kind: 'chain-length', length: chain.length });
  board.set('private-ca', 200, 'low', { kind: 'root-not-built-in', root: chain.root.subject });
}

export function rankLoaded(snapshot: TabSnapshot, chain: ChainFacts | null, environment: DiagnosisEnvironment): CauseBoard {
  const board = new CauseBoard();
  const security = snapshot.security;
  if (chain && !chain.rootBuiltIn) {
    if (chain.compromisedRoot) {
      // Whoever holds the published key can make any site look like this one to this device.
      const { root, dn } = chain.compromisedRoot;
      board.set('compromised-root', 400, 'high', { kind: 'compromised-root', root: commonNameOf(dn), vendor: root.vendor });
    } else if (chain.russianStateIssuer) {
      board.set(
        'russian-state-ca',
        200,
        'high',
        { kind: 'state-ca', issuer: commonNameOf(chain.russianStateIssuer) },
        { kind: 'root-not-built-in', root: chain.root.subject },
      );
    } else if (chain.product) {
      board.set(
        'interception',
        300,
        'high',
        { kind: 'issuer-product', issuer: chain.leaf.issuer, product: chain.product.name },
        { kind: 'root-not-built-in', root: chain.root.subject },
      );
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
    if (environment.warnBeforeExpiry && renewalOverdue(chain.leaf.notBefore, chain.leaf.notAfter, environment.now)) {
      board.set('expiring-soon', 120, 'high', { kind: 'expires-soon', notAfter: chain.leaf.notAfter });
    }
    // Firefox let this chain through, so it ends at a root added to the device (the 2048-bit
    // floor holds only for built-in roots): still below what any public site may use.
    if (chain.weakestRsaBits !== null && chain.weakestRsaBits < PUBLIC_RSA_MIN_BITS) {
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

/** The name a person recognises ("eDellRoot"), or the whole DN when it has no Common Name. */
function commonNameOf(dn: string): string {
  return dnAttribute(dn, 'CN') ?? dn;
}
