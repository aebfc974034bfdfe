// The lab's ClientHello reader (test/lab/client-hello.ts): on bytes built by hand and on a
// real ClientHello from Node's OpenSSL.
import * as net from 'node:net';
import * as tls from 'node:tls';
import { X25519, X25519_MLKEM768, firstRecordLength, readClientHelloGroups } from '../lab/client-hello';
import { clientHelloWith } from './support/client-hello-bytes';

describe('readClientHelloGroups', () => {
  test('reads supported groups and key shares in order, and the record length', () => {
    const hello = clientHelloWith([X25519_MLKEM768, X25519], [X25519_MLKEM768, X25519, 0x0017]);
    expect(readClientHelloGroups(hello)).toEqual({
      recordLength: hello.length,
      supportedGroups: [0x11ec, 0x001d, 0x0017],
      keyShareGroups: [0x11ec, 0x001d],
    });
    // 1216 bytes of post-quantum share: more than a 1500-byte packet's worth with the rest.
    expect(hello.length).toBeGreaterThan(1300);
  });

  test('a classic hello (x25519 only) is small and has no post-quantum share', () => {
    const hello = clientHelloWith([X25519]);
    expect(readClientHelloGroups(hello)?.keyShareGroups).toEqual([X25519]);
    expect(hello.length).toBeLessThan(300);
  });

  test('needs the whole first record; says how long it is as soon as the header is in', () => {
    const hello = clientHelloWith([X25519_MLKEM768]);
    expect(firstRecordLength(hello.subarray(0, 4))).toBeUndefined();
    expect(firstRecordLength(hello.subarray(0, 5))).toBe(hello.length);
    expect(readClientHelloGroups(hello.subarray(0, hello.length - 1))).toBeNull();
  });

  test('anything else is not a ClientHello', () => {
    expect(readClientHelloGroups(Buffer.from('GET / HTTP/1.1\r\nHost: a\r\n\r\n'))).toBeNull();
    const lying = clientHelloWith([X25519]);
    // The x25519 share's length field (before its 32 bytes and the 7-byte supported_versions)
    // made to run past its container.
    lying.writeUInt16BE(0xffff, lying.length - 7 - 32 - 2);
    expect(readClientHelloGroups(lying)).toBeNull();
  });

  test("reads a real ClientHello from Node's OpenSSL (TLS 1.3 with an x25519 share)", async () => {
    const first = await new Promise<Buffer>((resolve, reject) => {
      let received = Buffer.alloc(0);
      const server = net.createServer((socket) => {
        socket.on('data', (chunk: Buffer) => {
          received = Buffer.concat([received, chunk]);
          const needed = firstRecordLength(received);
          if (needed !== undefined && received.length >= needed) {
            socket.destroy();
            server.close();
            resolve(received);
          }
        });
      });
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        tls.connect({ host: '127.0.0.1', port, servername: 'hello.test' }).on('error', () => undefined);
      });
      server.on('error', reject);
    });
    const groups = readClientHelloGroups(first);
    expect(groups?.supportedGroups).toContain(X25519);
    expect(groups?.keyShareGroups).toEqual([X25519]);
  });
});
