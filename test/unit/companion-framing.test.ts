// Native messaging's framing (src/companion/framing.ts): a 4-byte length in the machine's byte
// order, then UTF-8 JSON (MDN "Native messaging"; Firefox writes Uint32Array.of(length) and reads
// readUint32, NativeMessaging.sys.mjs), with the host's bound on what it reads.

import { endianness } from 'node:os';
import fc from 'fast-check';
import { encodeFrame, FIREFOX_MAX_MESSAGE_FROM_HOST, machineByteOrder, MAX_REQUEST_BYTES, readFrame } from '../../src/companion/framing';

describe('encodeFrame', () => {
  test('the length prefix counts the bytes of the UTF-8 JSON, in the order asked for', () => {
    // {"a":"é"} is 9 characters and 10 bytes: é is two bytes in UTF-8.
    expect([...(encodeFrame({ a: 'é' }, 'LE') ?? [])]).toEqual([10, 0, 0, 0, ...Buffer.from('{"a":"é"}', 'utf8')]);
    expect([...(encodeFrame({ a: 'é' }, 'BE') ?? [])]).toEqual([0, 0, 0, 10, ...Buffer.from('{"a":"é"}', 'utf8')]);
  });

  test("the machine's own byte order is the default", () => {
    expect(machineByteOrder).toBe(endianness());
  });

  test('a message over what Firefox reads from a host (1 MiB) is not framed', () => {
    expect(FIREFOX_MAX_MESSAGE_FROM_HOST).toBe(1024 * 1024);
    // JSON.stringify adds two quotes to the string.
    expect(encodeFrame('x'.repeat(1024 * 1024 - 2), 'LE')).not.toBeNull();
    expect(encodeFrame('x'.repeat(1024 * 1024 - 1), 'LE')).toBeNull();
  });
});

describe('readFrame', () => {
  const frame = (length: number, body: Buffer, order: 'LE' | 'BE' = 'LE'): Buffer => {
    const prefix = Buffer.alloc(4);
    if (order === 'LE') prefix.writeUInt32LE(length);
    else prefix.writeUInt32BE(length);
    return Buffer.concat([prefix, body]);
  };

  test('fewer than four bytes: more are needed', () => {
    expect(readFrame(Buffer.from([5, 0, 0]), 'LE')).toEqual({ kind: 'incomplete' });
  });

  test('a body still arriving: more are needed', () => {
    expect(readFrame(frame(5, Buffer.from('{"a"')), 'LE')).toEqual({ kind: 'incomplete' });
  });

  test('a whole message gives its body, and bytes after it are not part of it', () => {
    const reading = readFrame(Buffer.concat([frame(7, Buffer.from('{"a":1}')), Buffer.from('more')]), 'LE');
    expect(reading.kind === 'frame' && reading.body.toString('utf8')).toBe('{"a":1}');
  });

  test('the byte order decides the length: big-endian bytes read as big-endian', () => {
    const reading = readFrame(frame(2, Buffer.from('{}'), 'BE'), 'BE');
    expect(reading.kind === 'frame' && reading.body.toString('utf8')).toBe('{}');
  });

  test('a huge length prefix is refused from its four bytes alone, before any body arrives', () => {
    expect(readFrame(Buffer.from([0xff, 0xff, 0xff, 0xff]), 'LE')).toEqual({ kind: 'too-large', length: 0xffffffff });
  });

  test('the bound is 4096 bytes: exactly that much is read, one more is refused', () => {
    expect(MAX_REQUEST_BYTES).toBe(4096);
    expect(readFrame(frame(4096, Buffer.alloc(4096, 0x20)), 'LE').kind).toBe('frame');
    expect(readFrame(frame(4097, Buffer.alloc(0)), 'LE')).toEqual({ kind: 'too-large', length: 4097 });
  });
});

describe('properties', () => {
  test('whatever the bytes, readFrame never gives a body over the bound, and a frame is exactly what the prefix announced', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.integer({ min: 0, max: 64 }), (bytes, bound) => {
        const reading = readFrame(Buffer.from(bytes), 'LE', bound);
        if (reading.kind === 'frame') {
          expect(reading.body.length).toBeLessThanOrEqual(bound);
          expect(reading.body.length).toBe(Buffer.from(bytes).readUInt32LE(0));
        }
        if (reading.kind === 'too-large') expect(reading.length).toBeGreaterThan(bound);
      }),
    );
  });

  test('any JSON value framed by encodeFrame reads back equal, in both byte orders', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom<'LE' | 'BE'>('LE', 'BE'), (value, order) => {
        const frame = encodeFrame(value, order);
        expect(frame).not.toBeNull();
        const reading = readFrame(frame ?? Buffer.alloc(0), order, Number.MAX_SAFE_INTEGER);
        expect(reading.kind).toBe('frame');
        if (reading.kind === 'frame') expect(JSON.parse(reading.body.toString('utf8'))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});
