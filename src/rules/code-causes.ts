// The usual causes of each Firefox code, most likely first (code-causes.json; the codes are
// NSS's and Firefox's, secerr.h, sslerr.h and mozilla::pkix's pkixnss.h). The diagnosis starts
// from these and lets evidence re-rank them.

import type { ErrorFamily } from '../core/error-codes/decode';
import { isCauseId, type CauseId } from './cause-ids';
import codeCausesJson from './code-causes.json';

const TABLE: ReadonlyMap<string, readonly CauseId[]> = new Map(
  Object.entries(codeCausesJson as Record<string, readonly string[]>).map(([code, ids]) => [code, ids.filter(isCauseId)]),
);

/** For codes without an entry: what a code of that family most often means. */
const BY_FAMILY: Readonly<Record<ErrorFamily, readonly CauseId[]>> = {
  certificate: ['unknown', 'interception', 'firefox-outdated'],
  tls: ['middlebox-tls', 'connection-reset', 'client-tls-prefs', 'unknown'],
  network: ['site-unreachable', 'connection-reset', 'unknown'],
  unknown: ['unknown'],
};

export function usualCauses(code: string | null, family: ErrorFamily): readonly CauseId[] {
  const listed = code === null ? undefined : TABLE.get(code);
  return listed && listed.length > 0 ? listed : BY_FAMILY[family];
}
