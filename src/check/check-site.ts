// The network half of `cert-doctor check`: every connection it makes, all to the one host and
// port it was given (and the system's DNS lookup of that name). A handshake as Firefox offers it,
// one per TLS version, a hello with Firefox's post-quantum key share, and a TLS 1.2 hello that
// shows the certificates in the server's own order. Nothing is sent after any handshake.

import { lookup } from 'node:dns/promises';
import { COMPANION_PROTOCOL_VERSION, MAX_DETAIL_CHARS, MAX_SERVED_CERTIFICATES, SERVED_CHAIN_REPLY } from '../shared/served-chain';
import { fetchServedChain } from './fetch-served-chain';
import { FIREFOX_TLS12_CIPHER_LIST, FIREFOX_TLS13_CIPHER_LIST } from './firefox-hello';
import type { Measurements } from './measurements';
import { probeWithHello } from './raw-hello-probe';
import { probeVersions } from './tls-versions';

export interface CheckTarget {
  readonly host: string;
  readonly port: number;
  /** Connect to this address instead of looking the name up (the name is still sent as SNI). */
  readonly connectTo?: string;
  /** Per connection. */
  readonly timeoutMs: number;
  readonly now?: () => number;
}

/** How long to keep listening after a handshake for a TLS 1.3 server's certificate_required alert. */
const SETTLE_MS = 300;

/** The measurements of a server never reached: the one connection's outcome and nothing else. */
function unreached(target: CheckTarget, at: number, firefoxLike: Measurements['firefoxLike']): Measurements {
  return {
    host: target.host,
    port: target.port,
    at,
    firefoxLike,
    versions: [],
    postQuantum: null,
    wireOrder: null,
    fallbackCertificates: [],
  };
}

export async function measureSite(target: CheckTarget): Promise<Measurements> {
  const at = (target.now ?? Date.now)();
  // The name is looked up once, so every probe talks to the same address (a name with several
  // addresses could otherwise give each probe a different server).
  let address = target.connectTo;
  if (address === undefined && !isIpAddress(target.host)) {
    try {
      address = (await lookup(target.host)).address;
    } catch (error) {
      const detail = (error instanceof Error ? error.message : String(error)).slice(0, MAX_DETAIL_CHARS);
      const firefoxLike = {
        kind: SERVED_CHAIN_REPLY,
        version: COMPANION_PROTOCOL_VERSION,
        host: target.host,
        port: target.port,
        at,
        certificates: [],
        protocol: null,
        cipher: null,
        ocspStapled: false,
        failure: { kind: 'dns', detail },
      } as const;
      return unreached(target, at, firefoxLike);
    }
  }
  const connectTo = address === undefined ? {} : { connectTo: address };
  const firefoxLike = await fetchServedChain(target.host, target.port, {
    timeoutMs: target.timeoutMs,
    now: () => at,
    ...connectTo,
    settleMs: SETTLE_MS,
    tls: { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.3', ciphers: FIREFOX_TLS12_CIPHER_LIST, ciphersuites: FIREFOX_TLS13_CIPHER_LIST },
  });
  const unreachable = firefoxLike.failure !== null && ['dns', 'refused', 'timeout'].includes(firefoxLike.failure.kind);
  if (unreachable) return unreached(target, at, firefoxLike);
  const probeTarget = { host: target.host, port: target.port, timeoutMs: target.timeoutMs, ...connectTo };
  const versions = await probeVersions(probeTarget);
  const helloTarget = {
    address: address ?? target.host,
    port: target.port,
    serverName: isIpAddress(target.host) ? null : target.host,
    timeoutMs: target.timeoutMs,
  };
  const postQuantum = await probeWithHello(helloTarget, 'post-quantum');
  const tls12 = versions.some((v) => v.version === 'TLSv1.2' && v.accepted) ? await probeWithHello(helloTarget, 'tls12') : null;
  // Kept to as many as the companion's schema keeps (a real chain has 2 to 4).
  const wire = tls12?.flight?.version === 0x0303 ? (tls12.flight.certificates?.slice(0, MAX_SERVED_CERTIFICATES) ?? null) : null;
  // When Firefox's own handshake fails, an older version may still show what the server sends.
  const fallbackCertificates = firefoxLike.certificates.length === 0 ? (versions.find((v) => v.accepted)?.certificates ?? []) : [];
  return {
    host: target.host,
    port: target.port,
    at,
    firefoxLike,
    versions,
    postQuantum: postQuantum.ending,
    wireOrder: wire === null ? null : wire.map((der) => der.toString('base64')),
    fallbackCertificates,
  };
}

export function isIpAddress(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}
