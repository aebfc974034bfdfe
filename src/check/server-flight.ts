// Reads a server's first answer to a ClientHello, as bytes off the wire: TLS records (RFC 8446
// 5.1, RFC 5246 6.2.1), alerts, and the cleartext handshake messages of TLS 1.2 (ServerHello,
// Certificate). Pure and bounds-checked: a hostile server's bytes can end the reading early, never
// make it read past what it sent.

const RECORD_ALERT = 21;
const RECORD_HANDSHAKE = 22;
const SERVER_HELLO = 2;
const CERTIFICATE = 11;
const SERVER_HELLO_DONE = 14;
const EXT_SUPPORTED_VERSIONS = 0x002b;
/** RFC 8446 4.1.3: a ServerHello with this random is a HelloRetryRequest. */
const HELLO_RETRY_RANDOM = 'cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c';
/** RFC 8446 5.1: a record carries at most 2^14 bytes (plus 256 of expansion when encrypted). */
const MAX_RECORD_BODY = 16_384 + 256;

export interface ServerFlight {
  /** The bytes were not TLS records at all (e.g. an HTTP answer on the HTTPS port). */
  readonly notTls: boolean;
  /** A TLS alert's description number (RFC 8446 6), when the server sent one. */
  readonly alert: number | null;
  /** The version the server chose: 0x0303 for TLS 1.2, 0x0304 for TLS 1.3; null before a ServerHello. */
  readonly version: number | null;
  readonly helloRetry: boolean;
  /** The Certificate message's certificates (DER) in the order sent, when it came in clear. */
  readonly certificates: readonly Buffer[] | null;
  /** Nothing more worth reading: an alert, a TLS 1.3 ServerHello, the Certificate or ServerHelloDone. */
  readonly done: boolean;
}

export function readServerFlight(bytes: Buffer): ServerFlight {
  let alert: number | null = null;
  let version: number | null = null;
  let helloRetry = false;
  let certificates: Buffer[] | null = null;
  let done = false;
  let handshake: Buffer = Buffer.alloc(0);
  let offset = 0;
  let notTls = false;
  while (offset + 5 <= bytes.length && !done) {
    const type = bytes[offset] ?? 0;
    const length = bytes.readUInt16BE(offset + 3);
    if (
      (type !== RECORD_ALERT && type !== RECORD_HANDSHAKE && type !== 20 && type !== 23) ||
      bytes[offset + 1] !== 3 ||
      length > MAX_RECORD_BODY
    ) {
      notTls = true;
      break;
    }
    if (offset + 5 + length > bytes.length) break;
    const body = bytes.subarray(offset + 5, offset + 5 + length);
    offset += 5 + length;
    if (type === RECORD_ALERT) {
      alert = body.length >= 2 ? (body[1] ?? null) : null;
      done = true;
    } else if (type === RECORD_HANDSHAKE && version !== 0x0304) {
      handshake = Buffer.concat([handshake, body]);
      const read = readMessages(handshake);
      handshake = read.rest;
      for (const message of read.messages) {
        if (message.type === SERVER_HELLO) {
          const hello = readServerHello(message.body);
          version = hello.version;
          helloRetry = hello.helloRetry;
          // After a TLS 1.3 ServerHello everything is encrypted.
          if (version === 0x0304 || helloRetry) done = true;
        } else if (message.type === CERTIFICATE) {
          certificates = readCertificateList(message.body);
          done = true;
        } else if (message.type === SERVER_HELLO_DONE) {
          done = true;
        }
      }
    }
  }
  if (bytes.length >= 5 && offset === 0 && !done && !looksLikeRecordStart(bytes)) notTls = true;
  return { notTls, alert, version, helloRetry, certificates, done: done || notTls };
}

function looksLikeRecordStart(bytes: Buffer): boolean {
  const type = bytes[0] ?? 0;
  return type >= 20 && type <= 23 && bytes[1] === 3;
}

interface Message {
  readonly type: number;
  readonly body: Buffer;
}

function readMessages(buffer: Buffer): { readonly messages: Message[]; readonly rest: Buffer } {
  const messages: Message[] = [];
  let offset = 0;
  while (offset + 4 <= buffer.length) {
    const length = buffer.readUIntBE(offset + 1, 3);
    if (offset + 4 + length > buffer.length) break;
    messages.push({ type: buffer[offset] ?? 0, body: buffer.subarray(offset + 4, offset + 4 + length) });
    offset += 4 + length;
  }
  return { messages, rest: buffer.subarray(offset) };
}

function readServerHello(body: Buffer): { readonly version: number | null; readonly helloRetry: boolean } {
  try {
    let offset = 0;
    const legacy = body.readUInt16BE(offset);
    offset += 2;
    const random = body.subarray(offset, offset + 32).toString('hex');
    offset += 32;
    offset += 1 + (body[offset] ?? 0); // session id
    offset += 2 + 1; // cipher suite, compression
    let version = legacy;
    if (offset + 2 <= body.length) {
      const end = Math.min(body.length, offset + 2 + body.readUInt16BE(offset));
      offset += 2;
      while (offset + 4 <= end) {
        const type = body.readUInt16BE(offset);
        const length = body.readUInt16BE(offset + 2);
        if (type === EXT_SUPPORTED_VERSIONS && length === 2) version = body.readUInt16BE(offset + 4);
        offset += 4 + length;
      }
    }
    return { version, helloRetry: random === HELLO_RETRY_RANDOM };
  } catch {
    return { version: null, helloRetry: false };
  }
}

/** TLS 1.2 Certificate: certificate_list<0..2^24-1> of ASN.1Cert<1..2^24-1> (RFC 5246 7.4.2). */
function readCertificateList(body: Buffer): Buffer[] | null {
  if (body.length < 3) return null;
  const end = Math.min(body.length, 3 + body.readUIntBE(0, 3));
  const certificates: Buffer[] = [];
  let offset = 3;
  while (offset + 3 <= end) {
    const length = body.readUIntBE(offset, 3);
    if (offset + 3 + length > end) return null;
    certificates.push(body.subarray(offset + 3, offset + 3 + length));
    offset += 3 + length;
  }
  return certificates;
}

/** RFC 8446 6.2 alert names, for the ones a handshake meets. */
export const ALERT_NAMES: Readonly<Record<number, string>> = {
  0: 'close_notify',
  10: 'unexpected_message',
  40: 'handshake_failure',
  42: 'bad_certificate',
  47: 'illegal_parameter',
  50: 'decode_error',
  70: 'protocol_version',
  71: 'insufficient_security',
  80: 'internal_error',
  86: 'inappropriate_fallback',
  109: 'missing_extension',
  112: 'unrecognized_name',
  116: 'certificate_required',
  120: 'no_application_protocol',
};
