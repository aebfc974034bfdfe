// DER bytes as PEM text, for "copy certificate" and reports. Written out here rather than
// with btoa or Buffer so it runs the same in the extension and in Node, with no globals.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** RFC 7468 2: generators wrap base64 lines at exactly 64 characters. */
const LINE_LENGTH = 64;

/** Standard base64 (RFC 4648 4) with '=' padding. */
export function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET.charAt((n >> 18) & 63) + ALPHABET.charAt((n >> 12) & 63);
    out += b === undefined ? '=' : ALPHABET.charAt((n >> 6) & 63);
    out += c === undefined ? '=' : ALPHABET.charAt(n & 63);
  }
  return out;
}

/**
 * Checks that every entry is a byte and copies it into a Uint8Array; null otherwise
 * (Uint8Array.from would silently wrap 256 to 0 and turn NaN into 0).
 */
export function toBytes(der: Uint8Array | readonly number[]): Uint8Array<ArrayBuffer> | null {
  if (der instanceof Uint8Array) return der.slice();
  // Typed callers pass numbers, but rawDER crosses a message boundary: check, do not trust.
  const list: unknown = der;
  if (!Array.isArray(list)) return null;
  const bytes = new Uint8Array(list.length);
  for (const [i, value] of (list as unknown[]).entries()) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 255) return null;
    bytes[i] = value;
  }
  return bytes;
}

/**
 * "-----BEGIN CERTIFICATE-----", the base64 in 64-character lines, "-----END CERTIFICATE-----",
 * each line ending in "\n". Throws a RangeError if an entry is not a byte: a PEM of altered
 * bytes would be a different certificate.
 */
export function derToPem(der: Uint8Array | readonly number[]): string {
  const bytes = toBytes(der);
  if (!bytes) throw new RangeError('derToPem: every entry must be an integer from 0 to 255');
  const text = base64(bytes);
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += LINE_LENGTH) lines.push(text.slice(i, i + LINE_LENGTH));
  return ['-----BEGIN CERTIFICATE-----', ...lines, '-----END CERTIFICATE-----', ''].join('\n');
}
