// Starting and stopping the lab's listeners. Every server listens on 127.0.0.1 with an
// OS-assigned port and tracks its sockets, so stop() can end keep-alive connections too and
// jest exits without open handles.
import * as https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as net from 'node:net';
import type { TlsTweaks } from './cases';
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
      server.on('error', (error) => { console.error('lab: server error:', error); });
      const address = server.address();
      if (address === null || typeof address === 'string') {
        reject(new Error(`unexpected listen address ${String(address)}`));
        return;
      }
      resolve({
        port: address.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => { done(); });
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
      ...(tls?.requireClientCert
        ? { requestCert: true, rejectUnauthorized: true, ca: [options.clientCaPem] }
        : {}),
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

export function startRawServer(
  behaviour: RawBehaviour,
  onFirstBytes: (bytes: Buffer) => void,
): Promise<RunningServer> {
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
