// The certificate facts the popup shows (key, signature, names, PEM), parsed from the chain's
// DER here, in the background, so the popup carries no certificate parser.

import type { ParsedCertificate } from '../core/certificate/parse-der';
import { parseCaptured } from '../diagnosis/chain-facts';
import { derToPem } from '../core/certificate/pem';
import { base64ToBytes } from '../core/encoding/base64';
import type { CapturedCertificate } from '../shared/tab-snapshot';
import type { CertificateFacts, ParsedFacts } from './snapshot-view';

export function certificateFacts(chain: readonly CapturedCertificate[]): CertificateFacts {
  return {
    // parseCaptured parses each DER once, for the diagnosis and for these facts alike.
    parsed: chain.map((certificate) => {
      const parsed = parseCaptured(certificate);
      return parsed ? parsedFacts(parsed) : keptNames(certificate);
    }),
    pem: chain.flatMap((c) => (c.derBase64 ? [derToPem(base64ToBytes(c.derBase64))] : [])).join(''),
  };
}

/** A certificate too large to keep whole: its names were read when it was captured. */
function keptNames(certificate: CapturedCertificate): ParsedFacts | null {
  if (certificate.names === undefined) return null;
  const count = certificate.nameCount ?? certificate.names.length;
  return { key: '', names: certificate.names, ...(count > certificate.names.length ? { nameCount: count } : {}) };
}

function parsedFacts(certificate: ParsedCertificate): ParsedFacts {
  return { key: keyDescription(certificate), names: [...certificate.subjectAltNames.dns, ...certificate.subjectAltNames.ip] };
}

export function keyDescription(leaf: ParsedCertificate): string {
  const key = leaf.publicKey;
  const size = key.bits === null ? '' : ` ${key.bits}`;
  const curve = key.curve === null ? '' : ` ${key.curve}`;
  const hash = leaf.signatureAlgorithm.hash === null ? '' : ` / ${leaf.signatureAlgorithm.hash}`;
  return `${key.algorithm}${size}${curve}, ${leaf.signatureAlgorithm.name}${hash}`;
}
