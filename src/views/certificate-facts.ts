// The certificate facts the popup shows (key, signature, names, PEM), parsed from the chain's
// DER here, in the background, so the popup carries no certificate parser.

import type { ParsedCertificate } from '../core/certificate/parse-der';
import { parseCaptured } from '../diagnosis/chain-facts';
import { derToPem } from '../core/certificate/pem';
import { base64ToBytes } from '../core/encoding/base64';
import type { CapturedCertificate } from '../shared/tab-snapshot';
import type { CertificateFacts, ParsedFacts } from './snapshot-view';

/**
 * Facts already worked out, by the certificate's DER: the background remakes a tab's
 * view on every change of its facts, and the same few certificates (the site's, its
 * intermediates) come back load after load, so each is parsed once. Bounded: the oldest entry
 * goes first.
 */
const KNOWN_FACTS_LIMIT = 64;
const knownFacts = new Map<string, ParsedFacts | null>();

function factsOf(certificate: CapturedCertificate): ParsedFacts | null {
  // Keyed by the DER itself, not a fingerprint field: equal bytes, equal facts, whatever the
  // other fields say.
  const key = certificate.derBase64;
  const known = knownFacts.get(key);
  if (known !== undefined) return known;
  const parsed = parseCaptured(certificate);
  const facts = parsed ? parsedFacts(parsed) : keptNames(certificate);
  // Only a certificate with its DER is remembered; one without has no facts to reuse.
  if (key) {
    knownFacts.set(key, facts);
    if (knownFacts.size > KNOWN_FACTS_LIMIT) knownFacts.delete(knownFacts.keys().next().value as string);
  }
  return facts;
}

export function certificateFacts(chain: readonly CapturedCertificate[]): CertificateFacts {
  return {
    parsed: chain.map(factsOf),
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
