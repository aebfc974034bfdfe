// The native messaging host's one exchange: read one bounded request from Firefox, answer it
// once, stop. Firefox starts a new host process for every browser.runtime.sendNativeMessage and
// closes its stdin once the reply arrives (NativeMessaging.sys.mjs, sendMessage then _cleanup).
// Streams are injected: the CLI passes the process's own, the unit tests in-memory ones.

import type { Readable } from 'node:stream';
import type { CompanionReply } from '../shared/served-chain';
import { encodeFrame, machineByteOrder, MAX_REQUEST_BYTES, readFrame, type ByteOrder } from './framing';
import { companionError, handleRequest, type FetchChain } from './handle-request';

export interface HostIo {
  /** Firefox's messages (the process's stdin). */
  readonly input: Readable;
  /** Writes bytes to Firefox (the process's stdout) and resolves once they are handed over. */
  write(bytes: Buffer): Promise<void>;
  /** A line for the person debugging (stderr: Firefox copies it into the browser console). */
  log(line: string): void;
}

export interface HostOptions {
  readonly order?: ByteOrder;
  /** How long to wait for Firefox's request before giving up. */
  readonly readTimeoutMs?: number;
}

export const DEFAULT_READ_TIMEOUT_MS = 5_000;

/** Exit status: 0 when a served chain was sent, 1 otherwise. */
export async function runHost(io: HostIo, fetch: FetchChain, options: HostOptions = {}): Promise<number> {
  const order = options.order ?? machineByteOrder;
  const reading = await readOneRequest(io.input, order, options.readTimeoutMs ?? DEFAULT_READ_TIMEOUT_MS);
  let reply: CompanionReply;
  switch (reading.kind) {
    case 'ended':
      io.log('cert-doctor companion: the input ended before a whole message arrived');
      return 1;
    case 'timeout':
      io.log('cert-doctor companion: no message arrived in time');
      reply = companionError('bad-request', 'no complete message arrived in time');
      break;
    case 'too-large':
      io.log(`cert-doctor companion: refused a message of ${reading.length} bytes`);
      reply = companionError('bad-request', `a message of ${reading.length} bytes is over the limit of ${MAX_REQUEST_BYTES}`);
      break;
    case 'frame':
      reply = await handleRequest(reading.body, fetch);
      break;
  }
  // A served chain is at most 10 certificates of 64 KiB, under Firefox's 1 MiB; should it ever
  // not fit, Firefox would drop the whole connection, so a short error goes instead.
  const frame = encodeFrame(reply, order) ?? encodeFrame(companionError('failed', 'the answer is over 1 MiB'), order);
  if (frame) await io.write(frame);
  return reply.kind === 'cert-doctor/served-chain' ? 0 : 1;
}

type RequestReading =
  | { readonly kind: 'frame'; readonly body: Buffer }
  | { readonly kind: 'too-large'; readonly length: number }
  | { readonly kind: 'ended' }
  | { readonly kind: 'timeout' };

/** Reads until the first whole message (or a refusal), then stops reading the input. */
function readOneRequest(input: Readable, order: ByteOrder, timeoutMs: number): Promise<RequestReading> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const finish = (reading: RequestReading): void => {
      clearTimeout(timer);
      input.off('data', onData);
      input.off('end', onEnd);
      input.off('error', onEnd);
      // Nothing more is read: the process can exit once the answer is written.
      input.pause();
      input.destroy();
      resolve(reading);
    };
    const onData = (chunk: Buffer | string): void => {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      const frame = readFrame(Buffer.concat(chunks), order);
      if (frame.kind === 'frame') finish({ kind: 'frame', body: Buffer.from(frame.body) });
      else if (frame.kind === 'too-large') finish(frame);
    };
    const onEnd = (): void => {
      finish({ kind: 'ended' });
    };
    const timer = setTimeout(() => {
      finish({ kind: 'timeout' });
    }, timeoutMs);
    input.on('data', onData);
    input.once('end', onEnd);
    input.once('error', onEnd);
  });
}
