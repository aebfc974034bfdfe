// The host's one exchange (src/companion/host.ts) over in-memory streams: one bounded request
// read, however it is split, one framed answer written, the input no longer read afterwards.

import { PassThrough } from 'node:stream';
import { readFrame } from '../../src/companion/framing';
import { runHost, type HostIo } from '../../src/companion/host';
import type { ServedChain } from '../../src/shared/served-chain';

const REQUEST = { kind: 'cert-doctor/get-served-chain', version: 1, host: 'localhost', port: 4433 };

function framed(value: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32LE(body.length);
  return Buffer.concat([prefix, body]);
}

function chainFor(host: string, port: number): ServedChain {
  return {
    kind: 'cert-doctor/served-chain',
    version: 1,
    host,
    port,
    at: 1,
    certificates: [],
    protocol: null,
    cipher: null,
    ocspStapled: false,
    failure: { kind: 'refused', detail: 'connect ECONNREFUSED' },
  };
}

function fakeIo() {
  const input = new PassThrough();
  const written: Buffer[] = [];
  const logs: string[] = [];
  const io: HostIo = {
    input,
    write: (bytes) => {
      written.push(bytes);
      return Promise.resolve();
    },
    log: (line) => logs.push(line),
  };
  /** Every answer written, decoded; fails if stdout carried anything but whole frames. */
  const answers = (): unknown[] => {
    let rest = Buffer.concat(written);
    const messages: unknown[] = [];
    while (rest.length > 0) {
      const frame = readFrame(rest, 'LE', 1024 * 1024);
      if (frame.kind !== 'frame') throw new Error(`stdout holds bytes that are not a whole frame: ${rest.toString('hex')}`);
      messages.push(JSON.parse(frame.body.toString('utf8')));
      rest = rest.subarray(4 + frame.body.length);
    }
    return messages;
  };
  return { input, io, logs, answers };
}

describe('runHost', () => {
  test('a request split into three writes is read whole and answered once', async () => {
    const { input, io, answers } = fakeIo();
    const calls: string[] = [];
    const done = runHost(
      io,
      (host, port) => {
        calls.push(`${host}:${port}`);
        return Promise.resolve(chainFor(host, port));
      },
      { order: 'LE' },
    );
    const bytes = framed(REQUEST);
    input.write(bytes.subarray(0, 2));
    input.write(bytes.subarray(2, 10));
    input.write(bytes.subarray(10));
    expect(await done).toBe(0);
    expect(calls).toEqual(['localhost:4433']);
    expect(answers()).toEqual([chainFor('localhost', 4433)]);
    // The input is no longer read: a second request would go nowhere.
    expect(input.destroyed).toBe(true);
  });

  test('a huge length prefix is refused at once, without waiting for its body', async () => {
    const { input, io, answers } = fakeIo();
    const done = runHost(io, () => Promise.reject(new Error('must not connect')), { order: 'LE', readTimeoutMs: 60_000 });
    input.write(Buffer.from([0x00, 0x00, 0x00, 0x40])); // 1 GiB announced
    expect(await done).toBe(1);
    expect(answers()).toEqual([
      { kind: 'cert-doctor/error', version: 1, error: 'bad-request', detail: 'a message of 1073741824 bytes is over the limit of 4096' },
    ]);
  });

  test('garbage is answered with a bad-request error and no connection', async () => {
    const { input, io, answers } = fakeIo();
    const done = runHost(io, () => Promise.reject(new Error('must not connect')), { order: 'LE' });
    input.write(framed('GET / HTTP/1.1'));
    expect(await done).toBe(1);
    expect(answers()).toMatchObject([{ kind: 'cert-doctor/error', error: 'bad-request' }]);
  });

  test('an input that ends mid-message gets no answer (Firefox has gone)', async () => {
    const { input, io, answers, logs } = fakeIo();
    const done = runHost(io, () => Promise.reject(new Error('must not connect')), { order: 'LE' });
    input.end(framed(REQUEST).subarray(0, 8));
    expect(await done).toBe(1);
    expect(answers()).toEqual([]);
    expect(logs.join('\n')).toContain('ended');
  });

  test('no message within the read timeout: a bad-request error, and the host stops', async () => {
    const { io, answers } = fakeIo();
    expect(await runHost(io, () => Promise.reject(new Error('must not connect')), { order: 'LE', readTimeoutMs: 50 })).toBe(1);
    expect(answers()).toMatchObject([{ kind: 'cert-doctor/error', error: 'bad-request', detail: 'no complete message arrived in time' }]);
  });
});
