// The chain a server sends, as a report section: one builder for `cert-doctor check` and for the
// extension's report when the companion fetched the chain of a failed load. Certificates are
// strangers' text: every field goes through cleanLine (visible-text.ts) before any format sees it.

import { parseCertificateDer } from '../core/certificate/parse-der';
import { base64ToBytes } from '../core/encoding/base64';
import { cleanLine } from './sanitize';
import type { Block } from './sections';

/** The names of a certificate shown in a report line (a shared host's can have hundreds). */
export const MAX_SHOWN_NAMES = 20;

export interface ServedCertificateLine {
  readonly subject: string;
  readonly issuer: string;
  /** subjectAltName DNS names and IP addresses, the first MAX_SHOWN_NAMES. */
  readonly names: readonly string[];
  readonly nameCount: number;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly selfIssued: boolean;
  readonly ca: boolean;
  /** Set for bytes that are not a readable certificate. */
  readonly unreadable: boolean;
}

/** What a section about a served chain shows; plain data, also written into JSON as it is. */
export interface ServedChainSummary {
  readonly host: string;
  readonly port: number;
  /** ISO time of the connection. */
  readonly at: string;
  readonly protocol: string | null;
  readonly cipher: string | null;
  readonly ocspStapled: boolean;
  /** 'wire': the server's own order, read off the wire; 'linked': as Node links them by issuer. */
  readonly order: 'wire' | 'linked';
  readonly certificates: readonly ServedCertificateLine[];
}

export interface ServedChainInput {
  readonly host: string;
  readonly port: number;
  readonly at: number;
  readonly protocol: string | null;
  readonly cipher: string | null;
  readonly ocspStapled: boolean;
  /** DER base64, leaf first. */
  readonly certificates: readonly string[];
}

export function summarizeServedChain(input: ServedChainInput, order: 'wire' | 'linked'): ServedChainSummary {
  return {
    host: cleanLine(input.host, 260),
    port: input.port,
    at: Number.isFinite(input.at) && input.at > 0 ? new Date(input.at).toISOString() : '',
    protocol: input.protocol === null ? null : cleanLine(input.protocol, 40),
    cipher: input.cipher === null ? null : cleanLine(input.cipher, 100),
    ocspStapled: input.ocspStapled,
    order,
    certificates: input.certificates.map(certificateLine),
  };
}

function certificateLine(derBase64: string): ServedCertificateLine {
  const parsed = parseCertificateDer(base64ToBytes(derBase64));
  if (!parsed.ok) {
    return {
      subject: '',
      issuer: '',
      names: [],
      nameCount: 0,
      notBefore: '',
      notAfter: '',
      selfIssued: false,
      ca: false,
      unreadable: true,
    };
  }
  const c = parsed.certificate;
  const names = [...c.subjectAltNames.dns, ...c.subjectAltNames.ip];
  return {
    subject: cleanLine(c.subject),
    issuer: cleanLine(c.issuer),
    names: names.slice(0, MAX_SHOWN_NAMES).map((name) => cleanLine(name, 260)),
    nameCount: names.length,
    notBefore: new Date(c.notBefore).toISOString(),
    notAfter: new Date(c.notAfter).toISOString(),
    selfIssued: c.selfIssued,
    ca: c.basicConstraints?.ca ?? false,
    unreadable: false,
  };
}

/** The words of the section, in the report's language (served-chain-words.ts). */
export interface ServedChainWords {
  readonly heading: string;
  readonly connection: (protocol: string, cipher: string) => string;
  readonly stapled: (yes: boolean) => string;
  readonly order: (order: 'wire' | 'linked') => string;
  readonly certificate: (index: number, line: ServedCertificateLine) => string;
  readonly unreadable: (index: number) => string;
  readonly none: string;
}

export function servedChainBlocks(summary: ServedChainSummary, words: ServedChainWords): Block[] {
  const blocks: Block[] = [{ kind: 'heading', text: words.heading }];
  const facts: string[] = [];
  if (summary.protocol !== null) facts.push(words.connection(summary.protocol, summary.cipher ?? ''));
  facts.push(words.stapled(summary.ocspStapled));
  if (summary.certificates.length > 0) facts.push(words.order(summary.order));
  blocks.push({ kind: 'list', items: facts });
  if (summary.certificates.length === 0) {
    blocks.push({ kind: 'paragraph', text: words.none });
    return blocks;
  }
  blocks.push({
    kind: 'list',
    ordered: true,
    items: summary.certificates.map((line, index) => (line.unreadable ? words.unreadable(index + 1) : words.certificate(index + 1, line))),
  });
  return blocks;
}
