// Pure decoder for the numbers Firefox reports in webNavigation.onErrorOccurred
// ("Error code N", N an unsigned 32-bit nsresult). No `browser`, no DOM.
//
// The tables are data (nss-codes.json, network-codes.json); see README.md in this
// folder for where every entry was read from. Lookups are built once, at module
// load, into Maps, so every decode is O(1).

import nssCodesJson from './nss-codes.json';
import networkCodesJson from './network-codes.json';
import { MAX_TEXT_LENGTH, UINT32_MAX } from './parse';

export { parseNavigationError } from './parse';

export type ErrorFamily = 'certificate' | 'tls' | 'network' | 'unknown';

export interface DecodedError {
  readonly number: number;
  readonly name: string | null;
  readonly family: ErrorFamily;
  /** The NSPR PRErrorCode (negative) for NSS/PSM/NSPR errors; null otherwise. */
  readonly prErrorCode: number | null;
}

/**
 * NS_ERROR_GENERATE_FAILURE(NS_ERROR_MODULE_SECURITY, 0):
 * (1 << 31) | ((21 + MODULE_BASE_OFFSET 0x45) << 16) (xpcom/base/ErrorList.py).
 * PSM's GetXPCOMFromNSSError maps a PRErrorCode c to NSS_NSRESULT_BASE + (-c).
 */
export const NSS_NSRESULT_BASE = 0x805a0000;

/** lib/util/secerr.h: #define SEC_ERROR_BASE (-0x2000), SEC_ERROR_LIMIT = BASE + 1000. */
export const SEC_ERROR_BASE = -0x2000;
/** lib/ssl/sslerr.h: #define SSL_ERROR_BASE (-0x3000), SSL_ERROR_LIMIT = BASE + 1000. */
export const SSL_ERROR_BASE = -0x3000;
/** mozpkix/pkixnss.h: static const PRErrorCode ERROR_BASE = -0x4000; ERROR_LIMIT = BASE + 1000. */
export const MOZILLA_PKIX_ERROR_BASE = -0x4000;
/** nspr prerr.h: #define ERROR_TABLE_BASE_nspr (-6000L); PR_MAX_ERROR is (-5924L). */
export const NSPR_ERROR_BASE = -6000;
const NSPR_ERROR_END = -5924; // PR_MAX_ERROR, "Placeholder for the end of the list"
const NSS_RANGE_SIZE = 1000; // *_ERROR_LIMIT = *_ERROR_BASE + 1000 in all three NSS/PSM headers

/** Family of a PRErrorCode by the range it falls in; null when it is in no known range. */
function familyOfPrErrorCode(code: number): ErrorFamily | null {
  if (code >= SEC_ERROR_BASE && code < SEC_ERROR_BASE + NSS_RANGE_SIZE) return 'certificate';
  if (code >= SSL_ERROR_BASE && code < SSL_ERROR_BASE + NSS_RANGE_SIZE) return 'tls';
  if (code >= MOZILLA_PKIX_ERROR_BASE && code < MOZILLA_PKIX_ERROR_BASE + NSS_RANGE_SIZE) {
    return 'certificate';
  }
  if (code >= NSPR_ERROR_BASE && code < NSPR_ERROR_END) return 'network';
  return null;
}

interface TableRow {
  readonly name: string;
  readonly value: number;
  readonly obsolete: boolean;
}

/** Validates one JSON table; a malformed table is a build error, so this throws at load. */
function readTable(rows: unknown, label: string): TableRow[] {
  if (!Array.isArray(rows)) throw new Error(`${label}: not an array`);
  return rows.map((row: unknown, i): TableRow => {
    if (!Array.isArray(row) || row.length < 2 || row.length > 3) {
      throw new Error(`${label}[${i}]: expected [name, value] or [name, value, "obsolete"]`);
    }
    const [name, value, flag] = row as unknown[];
    if (typeof name !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(name)) {
      throw new Error(`${label}[${i}]: bad name`);
    }
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      throw new Error(`${label}[${i}]: bad value for ${name}`);
    }
    if (flag !== undefined && flag !== 'obsolete') {
      throw new Error(`${label}[${i}]: unknown flag for ${name}`);
    }
    return { name, value, obsolete: flag === 'obsolete' };
  });
}

const BY_NUMBER = new Map<number, DecodedError>();
const BY_NAME = new Map<string, DecodedError>();
const OBSOLETE = new Set<string>();

function add(entry: DecodedError, obsolete: boolean): void {
  const name = entry.name;
  if (name === null) throw new Error('table entry without a name');
  if (BY_NUMBER.has(entry.number)) throw new Error(`duplicate number ${entry.number} (${name})`);
  if (BY_NAME.has(name)) throw new Error(`duplicate name ${name}`);
  const frozen = Object.freeze(entry);
  BY_NUMBER.set(entry.number, frozen);
  BY_NAME.set(name, frozen);
  if (obsolete) OBSOLETE.add(name);
}

// Codes in the SSL range that are about the server's certificate, not the protocol: Firefox
// groups the name mismatch with the certificate errors a person may override.
const CERTIFICATE_CODES_IN_SSL_RANGE = new Set(['SSL_ERROR_BAD_CERT_DOMAIN']);

for (const row of readTable(nssCodesJson, 'nss-codes.json')) {
  const family = CERTIFICATE_CODES_IN_SSL_RANGE.has(row.name) ? 'certificate' : familyOfPrErrorCode(row.value);
  if (family === null) throw new Error(`nss-codes.json: ${row.name} (${row.value}) is in no NSS/NSPR range`);
  add({ number: NSS_NSRESULT_BASE + -row.value, name: row.name, family, prErrorCode: row.value }, row.obsolete);
}

for (const row of readTable(networkCodesJson, 'network-codes.json')) {
  if (row.value < 0x80000000 || row.value > UINT32_MAX) {
    throw new Error(`network-codes.json: ${row.name} is not a failure nsresult`);
  }
  add({ number: row.value, name: row.name, family: 'network', prErrorCode: null }, row.obsolete);
}

/** Every entry of both tables, decoded (frozen objects, table order). */
export const KNOWN_ERRORS: readonly DecodedError[] = Object.freeze([...BY_NUMBER.values()]);

function unknownError(n: number, prErrorCode: number | null = null): DecodedError {
  return { number: n, name: null, family: 'unknown', prErrorCode };
}

/**
 * Decodes an unsigned 32-bit nsresult. Never throws: anything that is not an integer in
 * 0..0xFFFFFFFF (negative, NaN, fractional, too large, not a number) comes back as
 * family 'unknown' with name null. A security-module number that is not in the table
 * but lies in an NSS/PSM/NSPR range keeps its derived prErrorCode (still 'unknown').
 */
export function decodeErrorNumber(n: number): DecodedError {
  if (typeof n !== 'number') return unknownError(Number.NaN);
  if (!Number.isInteger(n) || n < 0 || n > UINT32_MAX) return unknownError(n);
  const known = BY_NUMBER.get(n);
  if (known !== undefined) return known;
  if (n > NSS_NSRESULT_BASE && n <= NSS_NSRESULT_BASE + 0xffff) {
    const prErrorCode = -(n - NSS_NSRESULT_BASE);
    if (familyOfPrErrorCode(prErrorCode) !== null) return unknownError(n, prErrorCode);
  }
  return unknownError(n);
}

/** Reverse lookup: exact, case-sensitive table name -> nsresult (unsigned). */
export function errorNumberForName(name: string): number | null {
  if (typeof name !== 'string') return null;
  return BY_NAME.get(name)?.number ?? null;
}

/** True when the source header marks the entry obsolete / no longer used. */
export function isObsoleteErrorName(name: string): boolean {
  return typeof name === 'string' && OBSOLETE.has(name);
}

// "Error code 2153390067": the words, then 1..10 ASCII digits; whitespace tolerated around.

/**
 * Accepts a bare known error name (as webRequest.onErrorOccurred gives, e.g.
 * "NS_ERROR_NET_RESET", or an NSS name such as "SEC_ERROR_UNKNOWN_ISSUER"),
 * surrounding whitespace tolerated, and returns its nsresult. Unknown or malformed -> null.
 */
export function parseErrorName(text: string): number | null {
  if (typeof text !== 'string' || text.length > MAX_TEXT_LENGTH) return null;
  const name = text.trim();
  if (!/^[A-Z][A-Z0-9_]*$/.test(name)) return null;
  return errorNumberForName(name);
}
