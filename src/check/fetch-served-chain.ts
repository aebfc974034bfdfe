// One TLS connection to a server, recording the chain it sends whatever its validity. Used by
// `cert-doctor check` and by the companion (native messaging host). The only network use of
// either: a TCP connection to the host and port asked for, the TLS handshake, and nothing sent
// after it.

import { connect, type ConnectionOptions, type PeerCertificate, type DetailedPeerCertificate } from 'node:tls';
import {
  COMPANION_PROTOCOL_VERSION,
  MAX_DETAIL_CHARS,
  MAX_SERVED_CERTIFICATES,
  SERVED_CHAIN_REPLY,
  type ServedChain,
  type ServedFailure,
} from '../shared/served-chain';

export interface FetchOptions {
  /** Gives up after this long (connection and handshake together). */
  readonly timeoutMs: number;
  readonly now?: () => number;
  /** Connect to this address instead of resolving `host` (which is still sent as SNI), like curl's --resolve. */
  readonly connectTo?: string;
  /** Versions and cipher suites to offer (Node's defaults otherwise). */
  readonly tls?: Pick<ConnectionOptions, 'minVersion' | 'maxVersion' | 'ciphers'> & { readonly ciphersuites?: string };
  /**
   * After the handshake, keep listening this long for an alert. A TLS 1.3 server that wants a
   * client certificate says so only after the client's Finished (RFC 8446 4.4.2.4).
   */
  readonly settleMs?: number;
}

export const DEFAULT_FETCH_TIMEOUT_MS = 10_000;

export function fetchServedChain(
  host: string,
  port: number,
  options: FetchOptions = { timeoutMs: DEFAULT_FETCH_TIMEOUT_MS },
): Promise<ServedChain> {
  const now = options.now ?? Date.now;
  const at = now();
  return new Promise((resolve) => {
    let settled = false;
    let stapled = false;
    // requestOCSP is a TLSSocket option that tls.connect passes on (Node's docs), missing from its types.
    const connectOptions: ConnectionOptions & { readonly requestOCSP: boolean; readonly ciphersuites?: string } = {
      host: options.connectTo ?? host,
      port,
      ...options.tls,
      // SNI: only for a name (an IP address is not sent as SNI).
      ...(/^[\d.]+$|:/.test(host) ? {} : { servername: host }),
      rejectUnauthorized: false,
      // No trust store at all: getPeerCertificate(true) completes the chain with an issuer found
      // in the client's store (a root the server never sent; seen in a test with a known root).
      // An empty `ca` gives an empty store (Node's secure-context.js adds its root certificates
      // only when `ca` is falsy), so the chain holds only what the server sent.
      ca: [],
      requestOCSP: true,
      ALPNProtocols: ['http/1.1'],
    };
    const socket = connect(connectOptions);
    // Set once the handshake is done: what it showed, kept if an alert comes after it.
    let handshake: { readonly certificates: string[]; readonly protocol: string | null; readonly cipher: string | null } | null = null;
    const finish = (certificates: string[], failure: ServedFailure | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(settleTimer);
      const protocol = handshake?.protocol ?? null;
      const cipher = handshake?.cipher ?? null;
      socket.destroy();
      resolve({
        kind: SERVED_CHAIN_REPLY,
        version: COMPANION_PROTOCOL_VERSION,
        host,
        port,
        at,
        certificates,
        protocol,
        cipher,
        ocspStapled: stapled,
        failure,
      });
    };
    const timer = setTimeout(() => {
      finish(handshake?.certificates ?? [], { kind: 'timeout', detail: `no answer within ${options.timeoutMs} ms` });
    }, options.timeoutMs);
    let settleTimer: NodeJS.Timeout | undefined;
    // Node passes null here when the server staples nothing (found by the lab: a TypeError before).
    socket.on('OCSPResponse', (response: Buffer | null) => {
      stapled = response !== null && response.length > 0;
    });
    socket.once('secureConnect', () => {
      handshake = {
        certificates: linkedChain(socket.getPeerCertificate(true)),
        protocol: socket.getProtocol() ?? null,
        cipher: socket.getCipher().standardName,
      };
      const settleMs = options.settleMs ?? 0;
      const done = handshake.certificates;
      if (settleMs <= 0) finish(done, null);
      else {
        // Keep reading (and discarding: nothing but tickets or an alert can come) so an alert is seen.
        socket.resume();
        settleTimer = setTimeout(() => {
          finish(done, null);
        }, settleMs);
      }
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      finish(handshake?.certificates ?? [], failureOf(error));
    });
    socket.once('close', () => {
      if (handshake) finish(handshake.certificates, null);
      else finish([], { kind: 'closed', detail: 'the server closed the connection during the handshake' });
    });
  });
}

/** The certificates the server sent, leaf first, as Node links them by issuer. */
function linkedChain(leaf: DetailedPeerCertificate | PeerCertificate): string[] {
  const chain: string[] = [];
  const seen = new Set<string>();
  // Node's types say `raw` and `issuerCertificate` are always there; for a server that sent no
  // certificate they are not.
  let current = leaf as Partial<DetailedPeerCertificate> | undefined;
  while (current?.raw && chain.length < MAX_SERVED_CERTIFICATES) {
    const base64 = current.raw.toString('base64');
    if (seen.has(base64)) break;
    seen.add(base64);
    chain.push(base64);
    current = current.issuerCertificate;
  }
  return chain;
}

function failureOf(error: NodeJS.ErrnoException): ServedFailure {
  const detail = error.message.slice(0, MAX_DETAIL_CHARS);
  const code = error.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { kind: 'dns', detail };
  if (code === 'ECONNREFUSED') return { kind: 'refused', detail };
  if (code === 'ECONNRESET') return { kind: 'reset', detail };
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'ERR_SSL_PACKET_LENGTH_TOO_LONG') return { kind: 'not-tls', detail };
  const alert = /^ERR_SSL_(?:SSLV3|TLSV1|TLSV13)_ALERT_(.+)$/.exec(code);
  if (alert?.[1]) return { kind: 'alert', detail: alert[1].toLowerCase() };
  return { kind: 'other', detail: `${code} ${detail}`.trim().slice(0, MAX_DETAIL_CHARS) };
}
