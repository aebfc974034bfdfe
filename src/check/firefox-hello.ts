// What Firefox 153 offers in its ClientHello, read from a real one: firefox-esr 153.8 visiting a
// raw TCP server on this machine (test/e2e/check-oracle.test.ts records one again on every run and
// compares it with these lists). The check offers the same, so a server that Firefox cannot talk
// to (DHE-only suites, TLS 1.0 only) fails for the check as it does for Firefox.

/** TLS versions in Firefox's supported_versions extension: 1.3 and 1.2, nothing older. */
export const FIREFOX_VERSIONS = [0x0304, 0x0303] as const;

/** Firefox's TLS 1.3 suites, then its TLS 1.2 suites, in its order (IANA code, OpenSSL name). */
export const FIREFOX_TLS13_SUITES: readonly (readonly [number, string])[] = [
  [0x1301, 'TLS_AES_128_GCM_SHA256'],
  [0x1303, 'TLS_CHACHA20_POLY1305_SHA256'],
  [0x1302, 'TLS_AES_256_GCM_SHA384'],
];

export const FIREFOX_TLS12_SUITES: readonly (readonly [number, string])[] = [
  [0xc02b, 'ECDHE-ECDSA-AES128-GCM-SHA256'],
  [0xc02f, 'ECDHE-RSA-AES128-GCM-SHA256'],
  [0xcca9, 'ECDHE-ECDSA-CHACHA20-POLY1305'],
  [0xcca8, 'ECDHE-RSA-CHACHA20-POLY1305'],
  [0xc02c, 'ECDHE-ECDSA-AES256-GCM-SHA384'],
  [0xc030, 'ECDHE-RSA-AES256-GCM-SHA384'],
  [0xc00a, 'ECDHE-ECDSA-AES256-SHA'],
  [0xc013, 'ECDHE-RSA-AES128-SHA'],
  [0xc014, 'ECDHE-RSA-AES256-SHA'],
  [0x009c, 'AES128-GCM-SHA256'],
  [0x009d, 'AES256-GCM-SHA384'],
  [0x002f, 'AES128-SHA'],
  [0x0035, 'AES256-SHA'],
];

/** For Node's `ciphers` option: Firefox's TLS 1.2 suites and nothing else (no DHE). */
export const FIREFOX_TLS12_CIPHER_LIST = FIREFOX_TLS12_SUITES.map(([, name]) => name).join(':');
/** For Node's `ciphersuites` option. */
export const FIREFOX_TLS13_CIPHER_LIST = FIREFOX_TLS13_SUITES.map(([, name]) => name).join(':');

/** supported_groups: X25519MLKEM768, x25519, P-256, P-384, P-521, ffdhe2048, ffdhe3072. */
export const FIREFOX_GROUPS = [0x11ec, 0x001d, 0x0017, 0x0018, 0x0019, 0x0100, 0x0101] as const;

/** signature_algorithms, in Firefox's order. */
export const FIREFOX_SIGNATURE_ALGORITHMS = [
  0x0403, 0x0503, 0x0603, 0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601, 0x0203, 0x0201,
] as const;

/** IANA TLS Supported Groups: the post-quantum hybrid Firefox sends a key share for first. */
export const X25519_MLKEM768 = 0x11ec;
export const X25519 = 0x001d;
/** An X25519MLKEM768 client share: an ML-KEM-768 encapsulation key (1184) and an x25519 key (32). */
export const X25519_MLKEM768_SHARE_BYTES = 1184 + 32;
