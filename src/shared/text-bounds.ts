// The longest text of each kind a snapshot keeps. Everything here comes from a page's load, a
// stranger's server or certificate, or Firefox's own message about them: each is cut to a named
// length before it is stored, so no single field can grow a snapshot (or the quota of
// storage.session, shared by every tab) without bound. URLs have their own caps in url.ts.

/** host[:port] of a URL: a DNS name has at most 253 characters, then ":" and a port. */
export const MAX_HOST_CHARS = 260;

/** Firefox's message for a failure (a translated sentence or an NS_ERROR_* name). */
export const MAX_MESSAGE_CHARS = 300;

/** A request type ("image", "xmlhttprequest") or a short technical value from Firefox. */
export const MAX_TOKEN_CHARS = 64;

/** A certificate's subject or issuer as Firefox writes it (RFC 4514 text). */
export const MAX_DN_CHARS = 1000;

/** A fingerprint or serial number (hex with colons: SHA-256 is 95 characters). */
export const MAX_HEX_CHARS = 200;

/** One name of a certificate kept apart from its DER (a DNS name has at most 253 characters). */
export const MAX_CERT_NAME_CHARS = 253;

/** How many names of a certificate are kept when its DER is too large to keep (plus their count). */
export const MAX_CERT_NAMES = 100;

/** `value` if it is a string, cut to `max` characters (never in the middle of a surrogate pair); else "". */
export function capText(value: unknown, max: number): string {
  if (typeof value !== 'string') return '';
  if (value.length <= max) return value;
  // A lone high surrogate at the cut would become U+FFFD (and 3 bytes) in storage.
  const end = /[\uD800-\uDBFF]/.test(value.charAt(max - 1)) ? max - 1 : max;
  return value.slice(0, end);
}
