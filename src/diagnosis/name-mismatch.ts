// Name mismatches, told apart the way Chromium's SSL error assistant does: the www twin, a
// name one level too deep for a wildcard, a shared host's default certificate, or none of
// those. With the certificate's names (after an exception) the answer is certain; for a
// failed load Firefox gives no certificate, so the host's shape and the www probe decide.

import type { CauseBoard } from './cause-board';
import type { DiagnosisHistory } from './inputs';
import type { ProbeResult } from './types';
import { coveredBy, looksLikeSharedHosting, wildcardTooShallow, wwwAlternative } from './name-coverage';

/** More labels than "a.example.com": deep names are where one-level wildcards fall short. */
const DEEP_NAME_LABELS = 4;

/**
 * `twin`: what is known of the www twin. After an exception the page loaded, so a certificate
 * that covers the twin works there ('works'); a certificate only seen by the companion says
 * the name is covered, not that the twin answers ('unchecked', unless the person checked).
 */
export function rankNameMismatchFromNames(
  board: CauseBoard,
  host: string,
  names: readonly string[],
  twin: ProbeResult | 'unchecked' = 'works',
): void {
  const alternative = wwwAlternative(host);
  const evidence = { kind: 'names', names: names.slice(0, 20) } as const;
  if (alternative && coveredBy(names, alternative)) {
    board.set('name-mismatch-www', 300, 'high', evidence, { kind: 'www-alternative', alternative, result: twin });
    return;
  }
  const wildcard = wildcardTooShallow(names, host);
  if (wildcard) {
    board.set('name-mismatch-wildcard', 300, 'high', evidence, { kind: 'wildcard-depth', wildcard });
    return;
  }
  if (looksLikeSharedHosting(names, host)) {
    board.set('shared-hosting', 300, 'high', evidence, { kind: 'many-sites', count: names.length });
    return;
  }
  board.set('name-mismatch', 300, 'high', evidence);
}

/** For a failed load: ranks by the host's shape and by the www probe, if the person ran it. */
export function rankNameMismatchWithoutNames(board: CauseBoard, host: string, history: DiagnosisHistory): void {
  const alternative = wwwAlternative(host);
  const labels = host.split('.').length;
  board.set('name-mismatch', 90, 'medium');
  board.set('shared-hosting', 60, 'low');
  if (labels >= DEEP_NAME_LABELS && !host.startsWith('www.')) {
    board.set('name-mismatch-wildcard', 95, 'medium', { kind: 'deep-name', host });
  } else {
    board.lower('name-mismatch-wildcard', 50, 'low');
  }
  if (!alternative) {
    board.remove('name-mismatch-www');
    return;
  }
  const probe = history.probes.www;
  if (probe === 'works') {
    board.set('name-mismatch-www', 300, 'high', { kind: 'www-alternative', alternative, result: 'works' });
  } else if (probe === 'fails') {
    board.lower('name-mismatch-www', 20, 'low', { kind: 'www-alternative', alternative, result: 'fails' });
  } else {
    // Two labels ("example.com") or a www name: the twin is the classic mix-up.
    const likely = labels === 2 || host.startsWith('www.');
    board.set('name-mismatch-www', likely ? 96 : 70, likely ? 'medium' : 'low', {
      kind: 'www-alternative',
      alternative,
      result: 'unchecked',
    });
    if (!likely) board.lower('name-mismatch-www', 70, 'low');
  }
}
