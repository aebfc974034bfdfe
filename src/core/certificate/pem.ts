// DER bytes as PEM text, for "copy certificate" and reports: @peculiar/x509's encoder (RFC 7468:
// "-----BEGIN CERTIFICATE-----", the base64 in 64-character lines, "-----END CERTIFICATE-----"),
// with a final newline so that a chain is its certificates' PEM one after another.

// @peculiar/x509 needs the Reflect metadata API before it loads.
import 'reflect-metadata';
import { PemConverter } from '@peculiar/x509';
import { toBytes } from '../encoding/bytes';

/** Throws a RangeError if an entry is not a byte: a PEM of altered bytes would be a different certificate. */
export function derToPem(der: Uint8Array | readonly number[]): string {
  const bytes = toBytes(der);
  if (!bytes) throw new RangeError('derToPem: every entry must be an integer from 0 to 255');
  return `${PemConverter.encode(bytes, 'CERTIFICATE')}\n`;
}
