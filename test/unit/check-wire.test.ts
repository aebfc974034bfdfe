// The check's own bytes on the wire: the hand-written ClientHello (read back by the lab's
// independent parser, test/lab/client-hello.ts), the reading of a server's answer, and probes
// against small local servers that answer well, badly, slowly or not at all.

import fc from 'fast-check';
import { createServer, type Server, type Socket } from 'node:net';
import { connect, type ConnectionOptions } from 'node:tls';
import { createServer as createTlsServer } from 'node:tls';
import { buildClientHello } from '../../src/check/client-hello';
import {
  FIREFOX_GROUPS,
  FIREFOX_TLS12_CIPHER_LIST,
  FIREFOX_TLS12_SUITES,
  FIREFOX_TLS13_CIPHER_LIST,
  FIREFOX_TLS13_SUITES,
} from '../../src/check/firefox-hello';
import { probeWithHello } from '../../src/check/raw-hello-probe';
import { fetchServedChain } from '../../src/check/fetch-served-chain';
import { readServerFlight } from '../../src/check/server-flight';
import { firstRecordLength, readClientHelloGroups, X25519, X25519_MLKEM768 } from '../lab/client-hello';
import { readHelloOffer } from '../e2e/support/hello-offer';
import { makeCa, makeKeys, makeLeaf, toServerCredential } from '../lab/pki';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : 0);
    });
  });
}

function closeAll(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
}

/** A raw server doing `answer` with each connection's first bytes. */
async function rawServer(answer: (socket: Socket, first: Buffer) => void): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('data', (first: Buffer) => {
      answer(socket, first);
    });
  });
  const port = await listen(server);
  return { port, close: () => closeAll(server, sockets) };
}

const target = (port: number, timeoutMs = 3000) => ({ address: '127.0.0.1', port, serverName: 'www.example.test', timeoutMs });

describe("the check's ClientHello", () => {
  test('the post-quantum hello offers what Firefox offers, with key shares for X25519MLKEM768 and x25519 (read by the lab parser)', () => {
    const hello = buildClientHello({ serverName: 'www.example.test', shape: 'post-quantum' });
    expect(firstRecordLength(hello)).toBe(hello.length);
    expect(readClientHelloGroups(hello)).toEqual({
      recordLength: hello.length,
      supportedGroups: [...FIREFOX_GROUPS],
      keyShareGroups: [X25519_MLKEM768, X25519],
    });
    expect(readHelloOffer(hello).versions).toEqual([0x0304, 0x0303]);
  });

  test('the TLS 1.2 hello offers no TLS 1.3 and no post-quantum group, so the certificates come in clear', () => {
    const hello = buildClientHello({ serverName: null, shape: 'tls12' });
    const offer = readHelloOffer(hello);
    expect({ versions: offer.versions, pq: offer.groups.includes(X25519_MLKEM768), suites: offer.cipherSuites }).toEqual({
      versions: [],
      pq: false,
      suites: FIREFOX_TLS12_SUITES.map(([code]) => code),
    });
  });

  test("Node, given the check's OpenSSL names, offers exactly Firefox's suites (names and codes agree)", async () => {
    let hello: Buffer = Buffer.alloc(0);
    const server = await rawServer((socket, first) => {
      hello = first;
      socket.destroy();
    });
    try {
      await new Promise<void>((resolve) => {
        // ciphersuites is passed on to the secure context (Node's docs), missing from ConnectionOptions.
        const options: ConnectionOptions & { readonly ciphersuites: string } = {
          host: '127.0.0.1',
          port: server.port,
          servername: 'www.example.test',
          ciphers: FIREFOX_TLS12_CIPHER_LIST,
          ciphersuites: FIREFOX_TLS13_CIPHER_LIST,
          minVersion: 'TLSv1.2',
        };
        const socket = connect(options);
        socket.on('error', () => {
          resolve();
        });
        socket.on('close', () => {
          resolve();
        });
      });
    } finally {
      await server.close();
    }
    // 0x00ff is the renegotiation signalling value (RFC 5746), not a suite.
    const suites = readHelloOffer(hello).cipherSuites.filter((code) => code !== 0x00ff);
    expect(new Set(suites)).toEqual(new Set([...FIREFOX_TLS13_SUITES, ...FIREFOX_TLS12_SUITES].map(([code]) => code)));
  });
});

describe("reading a server's answer", () => {
  test('an HTTP answer is not TLS; an alert is read; nothing reads past the bytes given (any bytes)', () => {
    expect(readServerFlight(Buffer.from('HTTP/1.1 400 Bad Request\r\n\r\n')).notTls).toBe(true);
    expect(readServerFlight(Buffer.from([21, 3, 3, 0, 2, 2, 70]))).toMatchObject({ alert: 70, done: true, notTls: false });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const flight = readServerFlight(Buffer.from(bytes));
        const total = (flight.certificates ?? []).reduce((sum, c) => sum + c.length, 0);
        return total <= bytes.length;
      }),
    );
  });
});

describe('probes against local servers', () => {
  test('a TLS 1.2 server: its certificates in the order it sends them, even when that order is wrong', async () => {
    const now = Date.now();
    const root = await makeCa({ name: 'CN=Probe Root', keys: await makeKeys('ec'), now });
    const inter = await makeCa({ name: 'CN=Probe Intermediate', keys: await makeKeys('ec'), issuer: root, now });
    const keys = await makeKeys('ec');
    const leaf = await makeLeaf({ dnsNames: ['www.example.test'], keys, issuer: inter, validity: 'current', now });
    // The server sends the leaf, then the root, then the intermediate: Node would relink them.
    const credential = await toServerCredential(leaf, keys, [root, inter]);
    const sockets = new Set<Socket>();
    const server = createTlsServer({ key: credential.keyPem, cert: credential.certChainPem, maxVersion: 'TLSv1.2' }, () => undefined);
    server.on('connection', (socket: Socket) => sockets.add(socket));
    server.on('tlsClientError', () => undefined);
    const port = await listen(server);
    try {
      const result = await probeWithHello(target(port), 'tls12');
      expect({
        ending: result.ending,
        version: result.flight?.version,
        order: result.flight?.certificates?.map((c) => c.toString('base64')),
      }).toEqual({
        ending: 'answered',
        version: 0x0303,
        order: [leaf, root.cert, inter.cert].map((c) => Buffer.from(c.rawData).toString('base64')),
      });
    } finally {
      await closeAll(server, sockets);
    }
  });

  test('a reset, a silent server and a server that sends garbage end the probe, each as what it is', async () => {
    const reset = await rawServer((socket) => socket.resetAndDestroy());
    const silent = await rawServer(() => undefined);
    const garbage = await rawServer((socket) => socket.end(Buffer.alloc(4096, 0x41)));
    try {
      const [r, s, g] = await Promise.all([
        probeWithHello(target(reset.port), 'post-quantum'),
        probeWithHello(target(silent.port, 300), 'post-quantum'),
        probeWithHello(target(garbage.port), 'post-quantum'),
      ]);
      expect([r.ending, s.ending, g.ending, g.flight?.notTls]).toEqual(['reset', 'timeout', 'answered', true]);
    } finally {
      await Promise.all([reset.close(), silent.close(), garbage.close()]);
    }
  });

  test('a server that streams endlessly is cut off at the byte cap', async () => {
    const flood = await rawServer((socket) => {
      // Full handshake records of empty messages, forever: valid TLS framing that never ends.
      const chunk = Buffer.concat([Buffer.from([22, 3, 3, 0x40, 0x00]), Buffer.alloc(16_384, 0)]);
      const pump = (): void => {
        while (socket.writable && socket.write(chunk));
        if (socket.writable) socket.once('drain', pump);
      };
      pump();
    });
    try {
      const started = Date.now();
      const result = await probeWithHello(target(flood.port, 10_000), 'tls12');
      expect({ ending: result.ending, done: result.flight?.done, beforeTimeout: Date.now() - started < 10_000 }).toEqual({
        ending: 'answered',
        done: false,
        beforeTimeout: true,
      });
    } finally {
      await flood.close();
    }
  });
});

describe('fetchServedChain', () => {
  test('returns the certificates the server sent, leaf first; a server that staples nothing is no error', async () => {
    const now = Date.now();
    const root = await makeCa({ name: 'CN=Fetch Root', keys: await makeKeys('ec'), now });
    const inter = await makeCa({ name: 'CN=Fetch Intermediate', keys: await makeKeys('ec'), issuer: root, now });
    const keys = await makeKeys('ec');
    const leaf = await makeLeaf({ dnsNames: ['www.example.test'], keys, issuer: inter, validity: 'current', now });
    const credential = await toServerCredential(leaf, keys, [inter]);
    const sockets = new Set<Socket>();
    const server = createTlsServer({ key: credential.keyPem, cert: credential.certChainPem });
    server.on('connection', (socket: Socket) => sockets.add(socket));
    server.on('tlsClientError', () => undefined);
    const port = await listen(server);
    try {
      const served = await fetchServedChain('www.example.test', port, { timeoutMs: 3000, connectTo: '127.0.0.1' });
      expect({ failure: served.failure, certificates: served.certificates, stapled: served.ocspStapled }).toEqual({
        failure: null,
        certificates: [leaf, inter.cert].map((c) => Buffer.from(c.rawData).toString('base64')),
        stapled: false,
      });
    } finally {
      await closeAll(server, sockets);
    }
  });
});
