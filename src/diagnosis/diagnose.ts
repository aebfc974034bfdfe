// From captured facts to a diagnosis: a verdict, Firefox's bypass rule with the reason, and
// ranked causes with their evidence. Pure: no `browser`, no clock (the time is an input), so
// table-driven tests cover it and the popup and the report compute the same answer.

import { decodeErrorNumber } from '../core/error-codes/decode';
import type { CauseId } from '../rules/cause-ids';
import { CAUSES } from '../rules/causes';
import type { TabSnapshot } from '../shared/tab-snapshot';
import type { CauseBoard } from './cause-board';
import { chainFacts } from './chain-facts';
import { rankFailure } from './failed-load';
import { OLD_TLS_CODES, overrideGroupOf } from './firefox-rules';
import { isLocalHost } from './host-kind';
import type { DiagnosisEnvironment, DiagnosisHistory } from './inputs';
import { rankException, rankLoaded } from './loaded-page';
import { servedCertificates, weighServedChain } from './served-chain';
import { wwwAlternative } from './name-coverage';
import { hostnameOf } from '../shared/url';
import type { Action, Bypass, Diagnosis, Verdict } from './types';

export type { DiagnosisEnvironment, DiagnosisHistory } from './inputs';

export function diagnose(snapshot: TabSnapshot, environment: DiagnosisEnvironment, history: DiagnosisHistory): Diagnosis {
  const host = hostOf(snapshot.url);
  if (snapshot.status === 'failed') return diagnoseFailure(snapshot, host, environment, history);
  const chain = chainFacts(snapshot.security);
  const security = snapshot.security;
  if (security?.overridableErrorCategory) {
    const board = rankException(security, chain, host, environment);
    return loadedResult(board, chain?.product ?? null, ['remove-exception']);
  }
  const board = rankLoaded(snapshot, chain, environment);
  return loadedResult(board, chain?.product ?? null, []);
}

function loadedResult(board: CauseBoard, product: Diagnosis['product'], actions: Action[]): Diagnosis {
  const causes = board.ranked();
  // A page that loads is a danger when anyone could have made it: a root with a public key.
  const verdict: Verdict = board.has('compromised-root') ? 'danger' : causes.length > 0 ? 'caution' : 'ok';
  return { verdict, bypass: null, causes, product, code: null, actions, alternativeHost: null };
}

function diagnoseFailure(snapshot: TabSnapshot, host: string, environment: DiagnosisEnvironment, history: DiagnosisHistory): Diagnosis {
  const number = snapshot.failure?.errorNumber ?? null;
  const decoded = number === null ? null : decodeErrorNumber(number);
  const code = decoded?.name ?? null;
  const findings = rankFailure(code, decoded?.family ?? 'unknown', host, environment, history);
  // The certificate the server sends, when the person asked the companion for it.
  const served = servedCertificates(history.probes.served);
  const servedProduct = weighServedChain(findings.board, code, host, served, environment, history.probes.www);
  const product = servedProduct ?? findings.product;
  const httpsOnlyPage = snapshot.errorPage === 'https-only';
  // Firefox's own page says it: no working https for this address, whatever the code beneath.
  if (httpsOnlyPage) findings.board.set('https-only-unavailable', 500, 'high', { kind: 'https-only-page' });
  const causes = findings.board.ranked();
  const top = causes[0]?.id ?? 'unknown';
  const verdict = failureVerdict(top, product !== null);
  const alternative = code === 'SSL_ERROR_BAD_CERT_DOMAIN' ? wwwAlternative(host) : null;
  const actions: Action[] = ['test-again'];
  if (alternative && history.probes.www === undefined) actions.unshift('probe-www');
  // A connection that failed before any certificate: Firefox's proxy setting may be why.
  if (decoded?.family !== 'certificate' && history.probes.proxy === undefined) actions.unshift('check-proxy');
  return {
    verdict,
    // That page has no certificate exception, only "Continue to HTTP Site" (Firefox 153's
    // aboutHttpsOnlyError.ftl): the way past it is no encryption at all.
    bypass: httpsOnlyPage ? { rule: 'discouraged', reason: 'http-fallback' } : bypassFor(code, top, verdict, findings.hstsKnown, host),
    causes,
    product,
    code,
    actions,
    alternativeHost: alternative,
  };
}

function failureVerdict(top: CauseId, productNamed: boolean): Verdict {
  // Interception by software nobody can name is what an attack looks like.
  if (top === 'interception' && !productNamed) return 'danger';
  return CAUSES[top].verdict;
}

function bypassFor(code: string | null, top: CauseId, verdict: Verdict, hstsKnown: boolean, host: string): Bypass {
  const group = overrideGroupOf(code);
  if (!group) {
    if (code !== null && OLD_TLS_CODES.has(code)) return { rule: 'never', reason: 'old-tls' };
    return { rule: 'never', reason: 'not-overridable' };
  }
  if (hstsKnown) return { rule: 'never', reason: 'hsts' };
  if (top === 'clock-ahead' || top === 'clock-behind') return { rule: 'discouraged', reason: 'fix-clock' };
  if (verdict === 'danger') return { rule: 'discouraged', reason: 'danger' };
  if (top === 'linux-store-ignored') return { rule: 'discouraged', reason: 'company-root' };
  if (top === 'local-device' || ((top === 'self-signed' || top === 'private-ca') && isLocalHost(host))) {
    return { rule: 'acceptable', reason: 'own-device' };
  }
  return { rule: 'discouraged', reason: 'public-site' };
}

/** The host name without the brackets of an IPv6 literal ("::1"), '' for no URL. */
function hostOf(url: string): string {
  return (hostnameOf(url) ?? '').replace(/^\[|\]$/g, '');
}
