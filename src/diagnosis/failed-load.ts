// Causes of a failed top-level load. Firefox gives a failed handshake no certificate, so the
// evidence is the code, the host, the measured clock, the captive-portal state, what this
// browser saw of the site before, and interception seen on other sites.

import { DAY_MS } from '../core/time-units';
import type { ErrorFamily } from '../core/error-codes/decode';
import type { CertificateMemory } from '../core/continuity/memory';
import { usualCauses } from '../rules/code-causes';
import type { InterceptionProduct } from '../rules/interception-products';
import { CauseBoard } from './cause-board';
import { CLOCK_BEHIND_DECISIVE_MS, CLOCK_DECISIVE_MS, TIME_CODES, TIME_CODE_DIRECTION, readClock } from './clock-evidence';
import { isOutdatedFirefox } from './firefox-version';
import { productsSeenRecently } from './interception-seen';
import { isLocalHost } from './host-kind';
import type { DiagnosisEnvironment, DiagnosisHistory } from './inputs';
import { rankNameMismatchWithoutNames } from './name-mismatch';
import { proxyInTheWay, type ProxyFinding } from './proxy-settings';
import { weighLinuxStore, weighRussianStateCa } from './root-hints';

export interface FailureFindings {
  readonly board: CauseBoard;
  readonly product: InterceptionProduct | null;
  readonly hstsKnown: boolean;
}

/** A last good certificate older than this says little about today's failure. */
export const LAST_GOOD_RELEVANT_MS = 90 * DAY_MS;

export function rankFailure(
  code: string | null,
  family: ErrorFamily,
  host: string,
  environment: DiagnosisEnvironment,
  history: DiagnosisHistory,
): FailureFindings {
  const board = new CauseBoard();
  usualCauses(code, family).forEach((id, index) => {
    board.set(id, 100 - 10 * index, index === 0 ? 'medium' : 'low', ...(code ? [{ kind: 'code', code } as const] : []));
  });
  const certificateProblem = family === 'certificate';
  weighClock(board, code, certificateProblem, environment);
  if (environment.captivePortal === 'locked_portal') {
    board.set('captive-portal', 400, 'high', { kind: 'captive-portal', state: environment.captivePortal });
  }
  if (code === 'SSL_ERROR_BAD_CERT_DOMAIN') rankNameMismatchWithoutNames(board, host, history);
  if (certificateProblem && isLocalHost(host)) {
    board.set('local-device', 350, 'high', { kind: 'local-host', host });
    if (board.has('private-ca')) board.set('private-ca', 90, 'medium', { kind: 'local-host', host });
    board.lower('self-signed', 80, 'low');
    board.lower('missing-intermediate', 40, 'low');
    board.lower('unknown-ca', 45, 'low');
  }
  if (!certificateProblem) weighProxy(board, code, history.probes.proxy);
  const product = weighInterception(board, code, environment.now, history.remembered);
  weighRussianStateCa(board, code, host, recentLastGood(history.lastGood, environment.now));
  weighLinuxStore(board, code, host, environment.os);
  const hstsKnown = history.lastGood?.hsts === true;
  if (certificateProblem) weighHistory(board, environment.now, history.lastGood, hstsKnown);
  if (isOutdatedFirefox(environment.firefoxVersion)) {
    board.set('firefox-outdated', family === 'certificate' ? 35 : 45, 'low', {
      kind: 'firefox-version',
      version: environment.firefoxVersion ?? '',
    });
  }
  if (board.ranked().length === 0) board.set('unknown', 0, 'low');
  return { board, product, hstsKnown };
}

function weighClock(board: CauseBoard, code: string | null, certificateProblem: boolean, environment: DiagnosisEnvironment): void {
  const clock = environment.clock;
  const reading = readClock(clock);
  const timeCode = code !== null && TIME_CODES.has(code);
  if (!clock || reading === 'unknown') return;
  if (reading === 'right') {
    if (!timeCode) return;
    board.remove('clock-ahead');
    board.remove('clock-behind');
    for (const id of ['cert-expired', 'cert-not-yet-valid', 'issuer-expired'] as const) {
      if (board.has(id)) board.set(id, 0, 'high', { kind: 'clock-ok', hosts: clock.hosts });
    }
    return;
  }
  const id = reading === 'ahead' ? 'clock-ahead' : 'clock-behind';
  board.remove(reading === 'ahead' ? 'clock-behind' : 'clock-ahead');
  const skew = Math.abs(clock.skewMs);
  const evidence = { kind: 'clock', skewMs: clock.skewMs, hosts: clock.hosts } as const;
  const notYetValid =
    code === 'MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE' || code === 'MOZILLA_PKIX_ERROR_NOT_YET_VALID_ISSUER_CERTIFICATE';
  const decisive = skew >= CLOCK_DECISIVE_MS || (notYetValid && reading === 'behind' && skew >= CLOCK_BEHIND_DECISIVE_MS);
  const direction = code === null ? undefined : TIME_CODE_DIRECTION[code];
  if (timeCode && direction !== undefined && direction !== reading) {
    // A clock behind cannot make a certificate look expired (nor one ahead make it look not
    // yet valid): the clock is wrong, but it is not why this page failed.
    board.remove(id);
    return;
  }
  if (timeCode) {
    // A clock off by hours explains a time error only for a certificate that changed within
    // those hours; off by days, it explains it for almost every certificate.
    board.set(id, decisive ? 300 : 95, decisive ? 'high' : 'medium', evidence);
  } else if (certificateProblem && skew >= CLOCK_DECISIVE_MS) {
    board.set(id, 85, 'medium', evidence);
  }
}

function weighProxy(board: CauseBoard, code: string | null, proxy: ProxyFinding | undefined): void {
  if (!proxy) return;
  const evidence = { kind: 'proxy', proxy } as const;
  if (proxyInTheWay(proxy)) {
    // Firefox is told to use a proxy: a refused, reset or failed connection most likely ends there.
    board.set('proxy-problem', code !== null && code.includes('PROXY') ? 300 : 120, 'high', evidence);
  } else if (code === null || !code.includes('PROXY')) {
    board.lower('proxy-problem', 10, 'low', evidence);
  }
}

function weighInterception(
  board: CauseBoard,
  code: string | null,
  now: number,
  remembered: readonly CertificateMemory[],
): InterceptionProduct | null {
  const seen = productsSeenRecently(remembered, now);
  const [named] = seen;
  if (code === 'MOZILLA_PKIX_ERROR_MITM_DETECTED') {
    board.set(
      'interception',
      300,
      'high',
      ...(named ? [{ kind: 'product-seen-elsewhere', product: named.product.name, hosts: named.hosts } as const] : []),
    );
    return named?.product ?? null;
  }
  if (code === 'MOZILLA_PKIX_ERROR_KEY_PINNING_FAILURE' && named) {
    // With Firefox's default enforcement level (1) a root added by such software never trips a
    // pin; it does at level 2. Software seen re-signing other sites makes that the likely pair.
    board.set('interception', 95, 'medium', { kind: 'product-seen-elsewhere', product: named.product.name, hosts: named.hosts });
    return named.product;
  }
  if (code !== 'SEC_ERROR_UNKNOWN_ISSUER' || !named) return null;
  // The interceptor re-signs every site; this one it could not vouch for (or signed with a
  // root Firefox does not trust). Second to the site's own chain, named.
  board.set('interception', 95, 'medium', { kind: 'product-seen-elsewhere', product: named.product.name, hosts: named.hosts });
  return named.product;
}

function recentLastGood(lastGood: CertificateMemory | null, now: number): CertificateMemory | null {
  return lastGood && now - lastGood.lastSeen <= LAST_GOOD_RELEVANT_MS ? lastGood : null;
}

function weighHistory(board: CauseBoard, now: number, lastGood: CertificateMemory | null, hstsKnown: boolean): void {
  if (!lastGood || now - lastGood.lastSeen > LAST_GOOD_RELEVANT_MS) return;
  const top = board.top();
  const evidence = { kind: 'last-good', issuer: lastGood.issuer, lastSeen: lastGood.lastSeen } as const;
  if (top) board.support(top, evidence);
  // Firefox accepted this site's certificate before and rejects what it sees now.
  board.set('cert-changed', 30, 'low', evidence);
  if (hstsKnown) {
    const second = (top ? (board.scoreOf(top) ?? 100) : 100) - 1;
    board.set('hsts', second, 'high', { kind: 'hsts-seen' });
  }
}
