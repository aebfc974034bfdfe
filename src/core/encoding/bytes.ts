// A list of numbers checked to be bytes, as a Uint8Array.

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
