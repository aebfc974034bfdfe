// What the popup and the report show of the companion's answer: each certificate the server
// sent (subject, issuer, dates, names, key), the chain as PEM, the issuer nobody sent; or why
// there is no chain. Parsed here, in the background, so the popup carries no parser.

import { derToPem } from '../core/certificate/pem';
import { base64ToBytes } from '../core/encoding/base64';
import { missingIssuer, namesOf, servedCertificates } from '../diagnosis/served-chain';
import type { ServedFailure } from '../shared/served-chain';
import type { ServedOutcome } from '../shared/served-outcome';
import { keyDescription } from './certificate-facts';

/** Names kept per certificate, as for a captured chain (README, "Bounds"). */
const MAX_NAMES = 100;

export interface ServedCertificateFacts {
  readonly subject: string;
  readonly issuer: string;
  readonly notBefore: number;
  readonly notAfter: number;
  readonly names: readonly string[];
  /** How many names in all, when `names` lists only the first of them. */
  readonly nameCount?: number;
  readonly key: string;
  readonly selfIssued: boolean;
}

export type ServedView =
  | {
      readonly kind: 'chain';
      readonly host: string;
      readonly port: number;
      /** When the companion connected (ms since the epoch). */
      readonly at: number;
      readonly protocol: string | null;
      readonly certificates: readonly ServedCertificateFacts[];
      /** How many certificates the server sent (some may not have parsed). */
      readonly sent: number;
      readonly pem: string;
      readonly missingIssuer: string | null;
      /** The companion's connection failed before a finished handshake. */
      readonly failure: ServedFailure | null;
    }
  | { readonly kind: 'not-installed' | 'timeout' | 'bad-reply' }
  | { readonly kind: 'failed'; readonly detail: string };

export function servedView(outcome: ServedOutcome | undefined): ServedView | null {
  if (!outcome) return null;
  if (outcome.kind !== 'chain') return outcome;
  const { chain } = outcome;
  const parsed = servedCertificates(outcome);
  return {
    kind: 'chain',
    host: chain.host,
    port: chain.port,
    at: chain.at,
    protocol: chain.protocol,
    certificates: parsed.map((c) => {
      const names = namesOf(c);
      return {
        subject: c.subject,
        issuer: c.issuer,
        notBefore: c.notBefore,
        notAfter: c.notAfter,
        names: names.slice(0, MAX_NAMES),
        ...(names.length > MAX_NAMES ? { nameCount: names.length } : {}),
        key: keyDescription(c),
        selfIssued: c.selfIssued,
      };
    }),
    sent: chain.certificates.length,
    pem: chain.certificates.map((der) => derToPem(base64ToBytes(der))).join(''),
    missingIssuer: missingIssuer(parsed),
    failure: chain.failure,
  };
}
