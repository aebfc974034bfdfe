// Node-side probes of lab servers, for tests that check the lab without a browser. Node's
// OpenSSL names outcomes differently from Firefox's NSS (CERT_HAS_EXPIRED vs
// SEC_ERROR_EXPIRED_CERTIFICATE), but the underlying fault is the same.
import * as net from 'node:net';
import * as tls from 'node:tls';

export interface TlsProbeOptions {
  readonly host: string;
  readonly port: number;
  /** Roots to trust (PEM). */
  readonly ca: readonly string[];
  /** Extra client settings (versions, ciphers...). */
  readonly tls?: Pick<tls.ConnectionOptions, 'minVersion' | 'maxVersion' | 'ciphers'>;
  /** If set, send "GET <path>" once connected and collect the raw response. */
  readonly getPath?: string;
  readonly timeoutMs?: number;
}

export interface TlsProbeResult {
  /** The TLS handshake completed (whatever the certificate verdict). */
  readonly handshake: boolean;
  /** Chain and host name both verified against `ca`. */
  readonly authorized: boolean;
  /** OpenSSL / Node verdict when not authorized, e.g. 'CERT_HAS_EXPIRED'. */
  readonly authorizationError: string | undefined;
  /** The error that ended the connection, if any (handshake refused, reset, alert...). */
  readonly error: (Error & { code?: string }) | undefined;
  readonly protocol: string | null;
  readonly cipher: string | undefined;
  /** Peer certificates as sent and resolved, leaf first (empty without a handshake). */
  readonly chain: readonly tls.PeerCertificate[];
  /** Raw HTTP response when getPath was given and the server answered. */
  readonly response: string;
}

/** Leaf first, following issuerCertificate until it ends or points at itself. */
function chainOf(leaf: tls.DetailedPeerCertificate): tls.PeerCertificate[] {
  const chain: tls.PeerCertificate[] = [];
  const seen = new Set<string>();
  // Node's types promise an issuerCertificate on every certificate; at run time it is absent
  // at the end of an incomplete chain (and the root points at itself), hence Partial.
  let current: Partial<tls.DetailedPeerCertificate> | undefined = leaf;
  while (current?.fingerprint256 !== undefined && !seen.has(current.fingerprint256)) {
    seen.add(current.fingerprint256);
    chain.push(current as tls.DetailedPeerCertificate);
    current = current.issuerCertificate;
  }
  return chain;
}

/** Connects to 127.0.0.1:port with SNI = host, never rejecting, and reports what happened. */
export function probeTls(options: TlsProbeOptions): Promise<TlsProbeResult> {
  return new Promise((resolve) => {
    let handshake = false;
    let authorized = false;
    let authorizationError: string | undefined;
    let error: (Error & { code?: string }) | undefined;
    let protocol: string | null = null;
    let cipher: string | undefined;
    let chain: tls.PeerCertificate[] = [];
    const received: Buffer[] = [];
    let settled = false;

    const socket = tls.connect({
      host: '127.0.0.1',
      port: options.port,
      servername: options.host,
      ca: [...options.ca],
      // Keep the connection after a bad certificate so the verdict can be read; Node still
      // runs chain and host-name checks and reports them in authorizationError.
      rejectUnauthorized: false,
      ...options.tls,
    });
    const finish = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({
        handshake,
        authorized,
        authorizationError,
        error,
        protocol,
        cipher,
        chain,
        response: Buffer.concat(received).toString('utf8'),
      });
    };
    const timer = setTimeout(() => {
      error ??= Object.assign(new Error('probe timed out'), { code: 'PROBE_TIMEOUT' });
      finish();
    }, options.timeoutMs ?? 5000);

    socket.on('secureConnect', () => {
      handshake = true;
      authorized = socket.authorized;
      // Typed as Error, but Node sets the OpenSSL code string here (e.g. 'CERT_HAS_EXPIRED').
      const verdict = socket.authorizationError as Error | string | null | undefined;
      if (verdict !== null && verdict !== undefined) {
        authorizationError = typeof verdict === 'string' ? verdict : verdict.message;
      }
      protocol = socket.getProtocol();
      cipher = socket.getCipher().name;
      chain = chainOf(socket.getPeerCertificate(true));
      if (options.getPath === undefined) {
        // TLS 1.3 servers send some alerts (e.g. certificate_required) only after the
        // client's Finished; wait briefly so they are not missed.
        setTimeout(finish, 200);
      } else {
        const host = `${options.host}:${options.port}`;
        socket.write(`GET ${options.getPath} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      }
    });
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('error', (err: Error & { code?: string }) => {
      error ??= err;
      finish();
    });
    socket.on('end', finish);
    socket.on('close', finish);
  });
}

export interface RawProbeResult {
  readonly received: Buffer;
  /** How the server ended the connection: FIN ('end'), RST ('reset') or other error. */
  readonly ending: 'end' | 'reset' | 'error' | 'timeout';
  readonly error: (Error & { code?: string }) | undefined;
}

/** Sends raw bytes over TCP and records the answer and how the connection ended. */
export function probeRaw(port: number, bytes: Buffer, timeoutMs = 5000): Promise<RawProbeResult> {
  return new Promise((resolve) => {
    const received: Buffer[] = [];
    let settled = false;
    const socket = net.connect({ host: '127.0.0.1', port }, () => socket.write(bytes));
    const finish = (ending: RawProbeResult['ending'], error?: Error & { code?: string }): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ received: Buffer.concat(received), ending, error });
    };
    const timer = setTimeout(() => {
      finish('timeout');
    }, timeoutMs);
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('end', () => {
      finish('end');
    });
    socket.on('error', (err: Error & { code?: string }) => {
      finish(err.code === 'ECONNRESET' ? 'reset' : 'error', err);
    });
  });
}

/** Minimal TLS 1.2 ClientHello-shaped bytes: a handshake record header and the version. */
export const CLIENT_HELLO_PREFIX = Buffer.from([0x16, 0x03, 0x01, 0x00, 0x2f, 0x01, 0x00, 0x00, 0x2b, 0x03, 0x03]);
