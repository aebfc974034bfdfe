// The report's part on the chain the server sends, as the companion received it (for a failed
// load, the certificate Firefox refused): a line per certificate and the PEM, and the issuer the
// server leaves out. One builder for the extension's report (and for `cert-doctor check`, which
// sees the same chain).

import type { ServedView } from '../views/served-facts';
import { cleanLine } from './sanitize';

/** Names listed per certificate in the report. */
const REPORT_NAMES = 20;

export interface ServedCertificateReport {
  readonly subject: string;
  readonly issuer: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly names: readonly string[];
}

export interface ServedChainReport {
  /** When the companion connected (ISO 8601). */
  readonly at: string;
  readonly host: string;
  readonly port: number;
  readonly protocol: string | null;
  readonly certificates: readonly ServedCertificateReport[];
  /** The issuer the leaf names that the server did not send, or null. */
  readonly missingIssuer: string | null;
  readonly pem: string | null;
}

/** Null unless the companion received certificates (and the person includes the chain). */
export function servedChainReport(served: ServedView | undefined, includeChain: boolean): ServedChainReport | null {
  if (!includeChain || served?.kind !== 'chain' || served.certificates.length === 0) return null;
  return {
    at: iso(served.at),
    host: cleanLine(served.host),
    port: served.port,
    protocol: served.protocol === null ? null : cleanLine(served.protocol, 40),
    certificates: served.certificates.map((c) => ({
      subject: cleanLine(c.subject),
      issuer: cleanLine(c.issuer),
      notBefore: iso(c.notBefore),
      notAfter: iso(c.notAfter),
      names: c.names.slice(0, REPORT_NAMES).map((name) => cleanLine(name)),
    })),
    missingIssuer: served.missingIssuer === null ? null : cleanLine(served.missingIssuer),
    pem: served.pem === '' ? null : served.pem,
  };
}

function iso(ms: number): string {
  return Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString() : '';
}
