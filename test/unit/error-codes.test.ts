import {
  KNOWN_ERRORS,
  NSS_NSRESULT_BASE,
  decodeErrorNumber,
  errorNumberForName,
  isObsoleteErrorName,
  parseErrorName,
  parseNavigationError,
} from '../../src/core/error-codes/decode';
import nssCodes from '../../src/core/error-codes/nss-codes.json';
import networkCodes from '../../src/core/error-codes/network-codes.json';

type Row = [string, number, ...string[]];
const nssRows = nssCodes as unknown as Row[];
const networkRows = networkCodes as unknown as Row[];

/** Short test titles for long hostile strings: [title, text]. */
const titled = (texts: string[]): Array<[string, string]> =>
  texts.map((t) => [t.length > 60 ? `${JSON.stringify(t.slice(0, 30))}... (${t.length} chars)` : JSON.stringify(t), t]);

/** nsresult for a PRErrorCode, written out independently of decode.ts. */
const nsresultOf = (prErrorCode: number): number => 0x805a0000 - prErrorCode;

describe('tables', () => {
  it('have the expected sizes per source header', () => {
    const count = (prefix: RegExp): number => nssRows.filter(([n]) => prefix.test(n)).length;
    // secerr.h: SEC_ERROR_BASE + 0 .. + 184 (incl. SEC_INTERNAL_ONLY, XP_SEC_FORTEZZA_*, XP_JAVA_*)
    expect(nssRows.filter(([, v]) => v >= -8192 && v < -7192)).toHaveLength(185);
    // sslerr.h: SSL_ERROR_BASE + 0 .. + 192
    expect(count(/^SSL_ERROR_/)).toBe(193);
    // pkixnss.h: ERROR_BASE + 0 .. + 17
    expect(count(/^MOZILLA_PKIX_ERROR_/)).toBe(18);
    expect(count(/^PR_/)).toBeGreaterThanOrEqual(10);
    expect(networkRows.length).toBeGreaterThan(100);
  });

  it('have no duplicate names or numbers, across both tables', () => {
    const names = [...nssRows.map(([n]) => n), ...networkRows.map(([n]) => n)];
    const numbers = [...nssRows.map(([, v]) => nsresultOf(v)), ...networkRows.map(([, v]) => v)];
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(KNOWN_ERRORS).toHaveLength(names.length);
  });

  it('round-trips every NSS entry: name -> number -> name', () => {
    for (const [name, prErrorCode] of nssRows) {
      const n = errorNumberForName(name);
      expect(n).toBe(nsresultOf(prErrorCode));
      const decoded = decodeErrorNumber(n as number);
      expect(decoded.name).toBe(name);
      expect(decoded.prErrorCode).toBe(prErrorCode);
      expect(decoded.number).toBe(n);
      expect(parseErrorName(name)).toBe(n);
    }
  });

  it('round-trips every network entry: name -> number -> name', () => {
    for (const [name, value] of networkRows) {
      expect(errorNumberForName(name)).toBe(value);
      const decoded = decodeErrorNumber(value);
      expect(decoded).toEqual({ number: value, name, family: 'network', prErrorCode: null });
    }
  });

  it('only uses the "obsolete" flag, and only where the header says so', () => {
    for (const row of [...nssRows, ...networkRows]) {
      expect(row.length === 2 || (row.length === 3 && row[2] === 'obsolete')).toBe(true);
    }
    // sslerr.h: "SSL_ERROR_EXPORT_ONLY_SERVER = (SSL_ERROR_BASE +  0), /* error 0 is obsolete */"
    expect(isObsoleteErrorName('SSL_ERROR_EXPORT_ONLY_SERVER')).toBe(true);
    // secerr.h: "/* No longer used.  Unknown AIA location types are now silently ignored. */"
    expect(isObsoleteErrorName('SEC_ERROR_UNKNOWN_AIA_LOCATION_TYPE')).toBe(true);
    expect(isObsoleteErrorName('SSL_ERROR_BAD_CERT_DOMAIN')).toBe(false);
    expect(isObsoleteErrorName('NOT_A_NAME')).toBe(false);
  });
});

describe('range rules', () => {
  it('puts every family in its header range', () => {
    for (const [name, v] of nssRows) {
      if (name.startsWith('SSL_ERROR_')) {
        expect(v >= -12288 && v < -12288 + 1000).toBe(true); // SSL_ERROR_BASE (-0x3000), LIMIT +1000
        // The name mismatch is a certificate problem that happens to sit in the SSL range.
        const expected = name === 'SSL_ERROR_BAD_CERT_DOMAIN' ? 'certificate' : 'tls';
        expect(decodeErrorNumber(nsresultOf(v)).family).toBe(expected);
      } else if (name.startsWith('MOZILLA_PKIX_ERROR_')) {
        expect(v >= -16384 && v < -16384 + 1000).toBe(true); // ERROR_BASE = -0x4000, LIMIT +1000
        expect(decodeErrorNumber(nsresultOf(v)).family).toBe('certificate');
      } else if (name.startsWith('PR_')) {
        expect(v >= -6000 && v < -5924).toBe(true); // ERROR_TABLE_BASE_nspr .. PR_MAX_ERROR
        expect(decodeErrorNumber(nsresultOf(v)).family).toBe('network');
      } else {
        // SEC_ERROR_*, plus SEC_INTERNAL_ONLY / XP_SEC_FORTEZZA_* / XP_JAVA_* in the same enum
        expect(name).toMatch(/^(SEC_ERROR_|SEC_INTERNAL_ONLY$|XP_SEC_FORTEZZA_|XP_JAVA_)/);
        expect(v >= -8192 && v < -8192 + 1000).toBe(true); // SEC_ERROR_BASE (-0x2000), LIMIT +1000
        expect(decodeErrorNumber(nsresultOf(v)).family).toBe('certificate');
      }
    }
  });

  it('keeps each NSS enum contiguous from its base', () => {
    // Offsets from each base, in table order (= header order).
    const offsets = (base: number): number[] => nssRows.filter(([, v]) => v >= base && v < base + 1000).map(([, v]) => v - base);
    const seq = (k: number): number[] => Array.from({ length: k }, (_, i) => i);
    expect(offsets(-8192)).toEqual(seq(185)); // SEC_ERROR_BASE + 0 .. + 184
    expect(offsets(-12288)).toEqual(seq(193)); // SSL_ERROR_BASE + 0 .. + 192
    expect(offsets(-16384)).toEqual(seq(18)); // ERROR_BASE + 0 .. + 17
  });

  it('keeps every network nsresult a 32-bit failure code', () => {
    for (const [, v] of networkRows) {
      expect(Number.isInteger(v) && v >= 0x80000000 && v <= 0xffffffff).toBe(true);
    }
  });
});

describe('measured in Firefox 153 (independent of the tables)', () => {
  const measured: Array<[number, string, string, number]> = [
    [2153398258, 'MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT', 'certificate', -16370],
    [2153390067, 'SEC_ERROR_UNKNOWN_ISSUER', 'certificate', -8179],
    [2153390069, 'SEC_ERROR_EXPIRED_CERTIFICATE', 'certificate', -8181],
    [2153390068, 'SEC_ERROR_REVOKED_CERTIFICATE', 'certificate', -8180],
    [2153398267, 'MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE', 'certificate', -16379],
    [2153394164, 'SSL_ERROR_BAD_CERT_DOMAIN', 'certificate', -12276],
    [2153394151, 'SSL_ERROR_RX_RECORD_TOO_LONG', 'tls', -12263],
    [2153394078, 'SSL_ERROR_PROTOCOL_VERSION_ALERT', 'tls', -12190],
  ];
  it.each(measured)('%d -> %s', (n, name, family, prErrorCode) => {
    expect(parseNavigationError(`Error code ${n}`)).toBe(n);
    expect(decodeErrorNumber(n)).toEqual({ number: n, name, family, prErrorCode });
  });
});

describe('spot checks against literal header lines', () => {
  const nss: Array<[string, number, string]> = [
    // lib/ssl/sslerr.h: "SSL_ERROR_NO_CYPHER_OVERLAP             = (SSL_ERROR_BASE +  2),"
    ['SSL_ERROR_NO_CYPHER_OVERLAP', -12288 + 2, 'tls'],
    // lib/ssl/sslerr.h: "SSL_ERROR_BAD_CERT_DOMAIN               = (SSL_ERROR_BASE + 12),"
    ['SSL_ERROR_BAD_CERT_DOMAIN', -12288 + 12, 'certificate'],
    // lib/ssl/sslerr.h: "SSL_ERROR_INAPPROPRIATE_FALLBACK_ALERT  = (SSL_ERROR_BASE + 131),"
    ['SSL_ERROR_INAPPROPRIATE_FALLBACK_ALERT', -12288 + 131, 'tls'],
    // lib/ssl/sslerr.h: "SSL_ERROR_ECH_RETRY_WITH_ECH = (SSL_ERROR_BASE + 188),"
    ['SSL_ERROR_ECH_RETRY_WITH_ECH', -12288 + 188, 'tls'],
    // lib/util/secerr.h: "SEC_ERROR_UNTRUSTED_ISSUER = SEC_ERROR_BASE + 20,"
    ['SEC_ERROR_UNTRUSTED_ISSUER', -8192 + 20, 'certificate'],
    // lib/util/secerr.h: "SEC_ERROR_CA_CERT_INVALID = (SEC_ERROR_BASE + 36),"
    ['SEC_ERROR_CA_CERT_INVALID', -8192 + 36, 'certificate'],
    // lib/util/secerr.h: "SEC_ERROR_OCSP_INVALID_SIGNING_CERT = (SEC_ERROR_BASE + 144),"
    ['SEC_ERROR_OCSP_INVALID_SIGNING_CERT', -8192 + 144, 'certificate'],
    // lib/util/secerr.h: "SEC_ERROR_CERT_SIGNATURE_ALGORITHM_DISABLED = (SEC_ERROR_BASE + 176),"
    ['SEC_ERROR_CERT_SIGNATURE_ALGORITHM_DISABLED', -8192 + 176, 'certificate'],
    // pkixnss.h: "MOZILLA_PKIX_ERROR_KEY_PINNING_FAILURE = ERROR_BASE + 0,"
    ['MOZILLA_PKIX_ERROR_KEY_PINNING_FAILURE', -16384 + 0, 'certificate'],
    // pkixnss.h: "MOZILLA_PKIX_ERROR_MITM_DETECTED = ERROR_BASE + 15,"
    ['MOZILLA_PKIX_ERROR_MITM_DETECTED', -16384 + 15, 'certificate'],
    // pkixnss.h: "MOZILLA_PKIX_ERROR_ISSUER_NO_LONGER_TRUSTED = ERROR_BASE + 17,"
    ['MOZILLA_PKIX_ERROR_ISSUER_NO_LONGER_TRUSTED', -16384 + 17, 'certificate'],
    // prerr.h: "#define PR_END_OF_FILE_ERROR                     (-5938L)"
    ['PR_END_OF_FILE_ERROR', -5938, 'network'],
    // prerr.h: "#define PR_CONNECT_RESET_ERROR                   (-5961L)"
    ['PR_CONNECT_RESET_ERROR', -5961, 'network'],
  ];
  it.each(nss)('%s = %d', (name, prErrorCode, family) => {
    const n = errorNumberForName(name);
    expect(n).toBe(nsresultOf(prErrorCode));
    expect(decodeErrorNumber(nsresultOf(prErrorCode))).toEqual({ number: n, name, family, prErrorCode });
  });

  const network: Array<[string, number]> = [
    // ErrorList.py: errors["NS_BINDING_ABORTED"] = FAILURE(2)            (NETWORK = Mod(6))
    ['NS_BINDING_ABORTED', 0x804b0002],
    // errors["NS_ERROR_CONNECTION_REFUSED"] = FAILURE(13)
    ['NS_ERROR_CONNECTION_REFUSED', 0x804b000d],
    // errors["NS_ERROR_NET_TIMEOUT"] = FAILURE(14)
    ['NS_ERROR_NET_TIMEOUT', 0x804b000e],
    // errors["NS_ERROR_OFFLINE"] = FAILURE(16)
    ['NS_ERROR_OFFLINE', 0x804b0010],
    // errors["NS_ERROR_NET_RESET"] = FAILURE(20)
    ['NS_ERROR_NET_RESET', 0x804b0014],
    // errors["NS_ERROR_UNKNOWN_HOST"] = FAILURE(30)
    ['NS_ERROR_UNKNOWN_HOST', 0x804b001e],
    // errors["NS_ERROR_REDIRECT_LOOP"] = FAILURE(31)
    ['NS_ERROR_REDIRECT_LOOP', 0x804b001f],
    // errors["NS_ERROR_UNKNOWN_PROXY_HOST"] = FAILURE(42)
    ['NS_ERROR_UNKNOWN_PROXY_HOST', 0x804b002a],
    // errors["NS_ERROR_NET_INTERRUPT"] = FAILURE(71)
    ['NS_ERROR_NET_INTERRUPT', 0x804b0047],
    // errors["NS_ERROR_PROXY_CONNECTION_REFUSED"] = FAILURE(72)
    ['NS_ERROR_PROXY_CONNECTION_REFUSED', 0x804b0048],
    // errors["NS_ERROR_NET_PARTIAL_TRANSFER"] = FAILURE(76)
    ['NS_ERROR_NET_PARTIAL_TRANSFER', 0x804b004c],
    // errors["NS_ERROR_NET_INADEQUATE_SECURITY"] = FAILURE(82)
    ['NS_ERROR_NET_INADEQUATE_SECURITY', 0x804b0052],
    // errors["NS_ERROR_NET_HTTP3_PROTOCOL_ERROR"] = FAILURE(84)
    ['NS_ERROR_NET_HTTP3_PROTOCOL_ERROR', 0x804b0054],
    // errors["NS_ERROR_PROXY_CODE_BASE"] = FAILURE(1000); ..._BAD_GATEWAY = BASE + 502
    ['NS_ERROR_PROXY_BAD_GATEWAY', 0x804b0000 + 1000 + 502],
    // errors["NS_ERROR_FAILURE"] = 0x80004005
    ['NS_ERROR_FAILURE', 0x80004005],
    // SECURITY = Mod(21): errors["NS_ERROR_XFO_VIOLATION"] = FAILURE(96) -- same module as NSS, no PRErrorCode
    ['NS_ERROR_XFO_VIOLATION', 0x805a0060],
  ];
  it.each(network)('%s = %d', (name, value) => {
    expect(errorNumberForName(name)).toBe(value);
    expect(parseErrorName(name)).toBe(value);
    expect(decodeErrorNumber(value)).toEqual({ number: value, name, family: 'network', prErrorCode: null });
  });

  it('uses the module base the brief and ErrorList.py agree on', () => {
    // (1 << 31) | ((21 + 0x45) << 16)
    expect(NSS_NSRESULT_BASE).toBe(2153381888);
  });
});

describe('unknown and hostile input never throws', () => {
  const unknownNumbers = [0, 1, 0x80004006, 0x805a0000, 0x805a0000 + 12288 + 999, 0x805a0000 + 0xffff, 0xffffffff];
  it.each(unknownNumbers)('%d decodes to an unknown', (n) => {
    const d = decodeErrorNumber(n);
    expect(d.number).toBe(n);
    expect(d.name).toBeNull();
    expect(d.family).toBe('unknown');
  });

  it('keeps the PRErrorCode of an unlisted code in an NSS range', () => {
    // SSL_ERROR_BASE + 999 is inside SSL_ERROR_LIMIT but not (yet) defined
    const n = 0x805a0000 + 12288 - 999;
    expect(decodeErrorNumber(n)).toEqual({ number: n, name: null, family: 'unknown', prErrorCode: -12288 + 999 });
    // module-security code 0xffff is in no NSS/NSPR range
    expect(decodeErrorNumber(0x805affff).prErrorCode).toBeNull();
  });

  const garbageNumbers = [
    -1,
    -8179,
    -2141585408,
    Number.NaN,
    Infinity,
    -Infinity,
    2 ** 32,
    2 ** 53,
    Number.MAX_VALUE,
    1.5,
    2153390067.5,
    -0,
  ];
  it.each(garbageNumbers)('%p decodes to an unknown without throwing', (n) => {
    const d = decodeErrorNumber(n);
    expect(Object.is(d.number, n)).toBe(true);
    expect(d).toMatchObject({ name: null, family: 'unknown', prErrorCode: null });
  });

  it('survives non-number / non-string values from untyped callers', () => {
    const anyFn = decodeErrorNumber as unknown as (x: unknown) => ReturnType<typeof decodeErrorNumber>;
    for (const x of [undefined, null, '2153390067', {}, [], 10n, Symbol('x')]) {
      const d = anyFn(x);
      expect(d).toMatchObject({ name: null, family: 'unknown', prErrorCode: null });
      expect(Number.isNaN(d.number)).toBe(true);
    }
    const parse = parseNavigationError as unknown as (x: unknown) => number | null;
    const parseName = parseErrorName as unknown as (x: unknown) => number | null;
    const byName = errorNumberForName as unknown as (x: unknown) => number | null;
    for (const x of [undefined, null, 2153390067, {}, ['Error code 1'], Symbol('y')]) {
      expect(parse(x)).toBeNull();
      expect(parseName(x)).toBeNull();
      expect(byName(x)).toBeNull();
    }
  });

  it('does not answer for prototype keys or case variants', () => {
    for (const s of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'ns_error_net_reset', '']) {
      expect(errorNumberForName(s)).toBeNull();
      expect(parseErrorName(s)).toBeNull();
    }
  });

  it('returns the same frozen object for a known number', () => {
    const a = decodeErrorNumber(2153390067);
    expect(decodeErrorNumber(2153390067)).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
  });
});

describe('parseNavigationError', () => {
  it.each([
    ['Error code 2153390067', 2153390067],
    ['  Error code 2153390067  ', 2153390067],
    ['Error  code\t2153394164\n', 2153394164],
    ['Error code 0', 0],
    ['Error code 4294967295', 4294967295],
  ])('%p -> %p', (text, n) => {
    expect(parseNavigationError(text)).toBe(n);
  });

  it.each(
    titled([
      'Error code ',
      'Error code',
      'Error code 12abc',
      'Error code -8179',
      'Error code 0x805A1FF3',
      'Error code 1.5',
      'Error code 4294967296',
      'Error code 99999999999',
      'Error code 2153390067 2153390067',
      'error code 2153390067',
      'ErrorCode 2153390067',
      'NS_ERROR_NET_RESET',
      'SEC_ERROR_UNKNOWN_ISSUER',
      '2153390067',
      '',
      'Error code ２１５３３９００６７', // full-width digits
      'Error code 2153390067\u0000',
      '<img src=x onerror=alert(1)>Error code 2153390067',
      'Error code 2153390067<script>alert(1)</script>',
      `Error code ${'9'.repeat(10_000)}`,
      `${' '.repeat(100_000)}Error code 1`,
      'Error code 1'.repeat(1000),
    ]),
  )('rejects %s', (_title, text) => {
    expect(parseNavigationError(text)).toBeNull();
  });
});

describe('parseErrorName', () => {
  it('accepts bare known names (webRequest style), whitespace tolerated', () => {
    expect(parseErrorName('NS_ERROR_NET_RESET')).toBe(0x804b0014);
    expect(parseErrorName(' NS_ERROR_UNKNOWN_HOST\n')).toBe(0x804b001e);
    expect(parseErrorName('SEC_ERROR_UNKNOWN_ISSUER')).toBe(2153390067);
  });

  it.each(
    titled([
      'NS_ERROR_NOT_A_REAL_ERROR',
      'ns_error_net_reset',
      'NS_ERROR_NET_RESET NS_ERROR_NET_RESET',
      'Error code 2153390067',
      'NS_ERROR_NET_RESET;',
      '<NS_ERROR_NET_RESET>',
      'X'.repeat(10_000),
    ]),
  )('rejects %s', (_title, text) => {
    expect(parseErrorName(text)).toBeNull();
  });
});
