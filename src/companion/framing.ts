// Native messaging's framing: each message is a 4-byte length in the machine's own byte order,
// then that many bytes of UTF-8 JSON. Firefox writes the length with Uint32Array.of(length)
// (native order) and reads it with readUint32 (NativeMessaging.sys.mjs, _startWrite and
// _startRead), so the host must use the same order as the machine it runs on.

import { endianness } from 'node:os';

/**
 * Firefox refuses a message from the host over 1 MiB (MAX_READ, NativeMessaging.sys.mjs; MDN
 * "Native messaging": "The maximum size of a single message from the application is 1 MB").
 */
export const FIREFOX_MAX_MESSAGE_FROM_HOST = 1024 * 1024;

/**
 * The largest request the host reads. Firefox allows up to 4 GiB towards the host, but the one
 * request the host understands is about 100 bytes: anything much larger is refused from its
 * length prefix alone, before a byte of it is read or stored.
 */
export const MAX_REQUEST_BYTES = 4096;

export const LENGTH_BYTES = 4;

export type ByteOrder = 'LE' | 'BE';

export const machineByteOrder: ByteOrder = endianness();

/** One framed message, or null when its JSON would be over `maxBytes` (Firefox would refuse it). */
export function encodeFrame(
  message: unknown,
  order: ByteOrder = machineByteOrder,
  maxBytes = FIREFOX_MAX_MESSAGE_FROM_HOST,
): Buffer | null {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  if (body.length > maxBytes) return null;
  const frame = Buffer.alloc(LENGTH_BYTES + body.length);
  if (order === 'LE') frame.writeUInt32LE(body.length, 0);
  else frame.writeUInt32BE(body.length, 0);
  body.copy(frame, LENGTH_BYTES);
  return frame;
}

export type FrameReading =
  /** More bytes are needed (and allowed). */
  | { readonly kind: 'incomplete' }
  /** The length prefix announces more than the reader accepts: stop reading. */
  | { readonly kind: 'too-large'; readonly length: number }
  | { readonly kind: 'frame'; readonly body: Buffer };

/**
 * The first message in `received` (everything read so far). The length prefix is checked
 * before anything else, so a huge prefix is refused without waiting for, or allocating, its body.
 */
export function readFrame(received: Buffer, order: ByteOrder = machineByteOrder, maxBytes = MAX_REQUEST_BYTES): FrameReading {
  if (received.length < LENGTH_BYTES) return { kind: 'incomplete' };
  const length = order === 'LE' ? received.readUInt32LE(0) : received.readUInt32BE(0);
  if (length > maxBytes) return { kind: 'too-large', length };
  if (received.length < LENGTH_BYTES + length) return { kind: 'incomplete' };
  return { kind: 'frame', body: received.subarray(LENGTH_BYTES, LENGTH_BYTES + length) };
}
