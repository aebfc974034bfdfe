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
      return parsed ? parsedFacts(parsed) : null;
    }),
    pem: chain.flatMap((c) => (c.derBase64 ? [derToPem(base64ToBytes(c.derBase64))] : [])).join(''),
  };
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
