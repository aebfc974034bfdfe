// Starting and stopping the lab's listeners. Every server listens on 127.0.0.1 with an
// OS-assigned port and tracks its sockets, so stop() can end keep-alive connections too and
// jest exits without open handles.
import * as http from 'node:http';
import * as https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as net from 'node:net';
import type { TlsTweaks } from './cases';
import { X25519_MLKEM768, firstRecordLength, readClientHelloGroups } from './client-hello';
import type { ServerCredential } from './pki';

export interface RunningServer {
  readonly port: number;
  /** Stops listening and destroys every open connection. */
  close(): Promise<void>;
}

/** Listens on 127.0.0.1:0 and returns once listening, or rejects with the listen error. */
function listenTracked(server: net.Server): Promise<RunningServer> {
  const sockets = new Set<net.Socket>();
  // 'connection' carries the raw TCP socket for net, tls and https servers alike; destroying
  // it also tears down any TLS and HTTP state layered on top.
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      // After start-up an error would otherwise crash the process with no context.
      server.on('error', (error) => {
        console.error('lab: server error:', error);
      });
      const address = server.address();
      if (address === null || typeof address === 'string') {
        reject(new Error(`unexpected listen address ${String(address)}`));
        return;
      }
      resolve({
        port: address.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => {
              done();
            });
            for (const socket of sockets) socket.destroy();
          }),
      });
    });
  });
}

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => void;

export interface HttpsServerOptions {
  readonly credential: ServerCredential;
  readonly tls: TlsTweaks | undefined;
  /** CA a client certificate must chain to, when tls.requireClientCert is set. */
  readonly clientCaPem: string;
  readonly handler: RequestHandler;
}

export function startHttpsServer(options: HttpsServerOptions): Promise<RunningServer> {
  const { credential, tls } = options;
  const server = https.createServer(
    {
      key: credential.keyPem,
      cert: credential.certChainPem,
      minVersion: tls?.minVersion,
      maxVersion: tls?.maxVersion,
      ciphers: tls?.ciphers,
      dhparam: tls?.dhparam,
      ...(tls?.requireClientCert ? { requestCert: true, rejectUnauthorized: true, ca: [options.clientCaPem] } : {}),
    },
    options.handler,
  );
  // Broken handshakes are the point of the lab; they are not errors worth a log line.
  server.on('tlsClientError', () => undefined);
  return listenTracked(server);
}

/** What a raw (non-TLS) server does with the first bytes a client sends. */
export type RawBehaviour = 'plain-http' | 'reset' | 'close';

const PLAIN_HTTP_BODY = 'This port speaks plain HTTP, not HTTPS.\n';
const PLAIN_HTTP_400 = [
  'HTTP/1.1 400 Bad Request',
  'Content-Type: text/plain; charset=utf-8',
  `Content-Length: ${Buffer.byteLength(PLAIN_HTTP_BODY)}`,
  'Connection: close',
  '',
  PLAIN_HTTP_BODY,
].join('\r\n');

export function startRawServer(behaviour: RawBehaviour, onFirstBytes: (bytes: Buffer) => void): Promise<RunningServer> {
  const server = net.createServer((socket) => {
    // Clients reset these connections all the time; without a listener that would crash.
    socket.on('error', () => undefined);
    socket.once('data', (bytes: Buffer) => {
      onFirstBytes(bytes);
      switch (behaviour) {
        case 'plain-http':
          // Whatever arrived (normally a TLS ClientHello), answer like a web server that
          // received garbage; the browser then reads "HTTP/1.1 ..." as a TLS record.
          socket.end(PLAIN_HTTP_400);
          break;
        case 'reset':
          // A TCP RST, like a firewall or middlebox cutting the connection.
          socket.resetAndDestroy();
          break;
        case 'close':
          // A FIN with no TLS alert: the data has been read, so the kernel sends no RST.
          socket.destroy();
          break;
      }
    });
  });
  return listenTracked(server);
}

/** A plain http:// web site with no https at all (the https attempt gets Node's HTTP 400). */
export function startHttpServer(handler: RequestHandler): Promise<RunningServer> {
  return listenTracked(http.createServer(handler));
}

/** The most a ClientHello record can hold (RFC 8446 5.1: 2^14 bytes) plus its header. */
const MAX_RECORD = 5 + 16_384;

/**
 * A middlebox in front of `backend`: it reads each connection's ClientHello and answers a
 * post-quantum key share (X25519MLKEM768) with a TCP reset, the way firewalls, proxies and
 * antivirus filters that choke on the larger hello do; any other hello passes through untouched.
 */
export async function startPostQuantumResetProxy(
  backend: RunningServer,
  onHello: (keyShareGroups: readonly number[]) => void,
): Promise<RunningServer> {
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    let received = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      received = Buffer.concat([received, chunk]);
      const needed = firstRecordLength(received);
      // A post-quantum hello is about 1.9 kB and may arrive in several reads: wait for all of it.
      if ((needed === undefined || received.length < needed) && received.length < MAX_RECORD) return;
      socket.off('data', onData);
      const groups = readClientHelloGroups(received)?.keyShareGroups ?? [];
      onHello(groups);
      if (groups.includes(X25519_MLKEM768)) {
        socket.resetAndDestroy();
        return;
      }
      const upstream = net.connect(backend.port, '127.0.0.1', () => {
        upstream.write(received);
        socket.pipe(upstream).pipe(socket);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('close', () => upstream.destroy());
    };
    socket.on('data', onData);
  });
  const proxy = await listenTracked(server);
  return {
    port: proxy.port,
    close: () => Promise.all([proxy.close(), backend.close()]).then(() => undefined),
  };
}
