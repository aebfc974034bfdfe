// Writes a distinguished name as an RFC 4514 string ("CN=a.test, O=Example"). Names come
// from whoever made the certificate and may be hostile: every value is kept whole (no
// truncation; the view decides how much to show) and is escaped so that it stays one inert
// line of text. Control characters and invisible or bidirectional formatting characters
// become \XX escapes of their UTF-8 bytes, as RFC 4514 2.4 allows for any character, so a
// newline cannot forge a second line in a report and U+202E cannot reverse a host name.
// (@peculiar/x509's own toString escapes only the first newline or tab of a value.)

import { NAME_ATTRIBUTES } from './oids';

export type NameAttribute =
  | { readonly type: string; readonly text: string }
  /** A value that is not a string type: its BER encoding, written as #hex (RFC 4514 2.4). */
  | { readonly type: string; readonly ber: Uint8Array };

/** RDNs in certificate order, each a set of attributes (usually one). */
export type NameRdns = readonly (readonly NameAttribute[])[];

/** RFC 4514 2.4: characters escaped with a backslash wherever they appear. */
const SPECIAL = /["+,;<>\\]/u;
/**
 * Code points escaped as hex: C0 and C1 controls and DEL, the soft hyphen, the Arabic letter
 * mark, zero-width and bidirectional formatting characters, line and paragraph separators,
 * invisible operators, the byte-order mark, and lone surrogates (which cannot be encoded).
 */
const INVISIBLE_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x001f],
  [0x007f, 0x009f],
  [0x00ad, 0x00ad],
  [0x061c, 0x061c],
  [0x200b, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x206f],
  [0xd800, 0xdfff],
  [0xfeff, 0xfeff],
];

function isInvisible(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return INVISIBLE_RANGES.some(([low, high]) => code >= low && code <= high);
}

export function escapeNameValue(value: string): string {
  const chars = Array.from(value);
  return chars
    .map((char, index) => {
      if (isInvisible(char)) return hexEscape(char);
      if (SPECIAL.test(char)) return `\\${char}`;
      // A leading '#' would read as hex; leading or trailing spaces would be trimmed.
      if ((char === '#' || char === ' ') && index === 0) return `\\${char}`;
      if (char === ' ' && index === chars.length - 1) return '\\ ';
      return char;
    })
    .join('');
}

function hexEscape(char: string): string {
  return utf8Bytes(char.codePointAt(0) ?? 0)
    .map((b) => `\\${b.toString(16).padStart(2, '0').toUpperCase()}`)
    .join('');
}

/**
 * UTF-8 bytes of one code point (RFC 3629 3), written out because TextEncoder is not a
 * global everywhere this runs (jsdom test environments lack it). A lone surrogate, which
 * UTF-8 cannot encode, is given as its two code-unit bytes so the escape still says which.
 */
export function utf8Bytes(code: number): number[] {
  if (code >= 0xd800 && code <= 0xdfff) return [code >> 8, code & 0xff];
  if (code < 0x80) return [code];
  if (code < 0x800) return [0xc0 | (code >> 6), 0x80 | (code & 0x3f)];
  if (code < 0x10000) return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
  return [0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
}

function attributeString(attribute: NameAttribute): string {
  const type = NAME_ATTRIBUTES.get(attribute.type) ?? attribute.type;
  const value =
    'text' in attribute
      ? escapeNameValue(attribute.text)
      : `#${Array.from(attribute.ber, (b) => b.toString(16).padStart(2, '0')).join('')}`;
  return `${type}=${value}`;
}

/**
 * RFC 4514 2.1: the last RDN of the certificate's sequence comes first, joined by ",", and
 * the attributes of a multi-valued RDN by "+". The result reads like the subject and issuer
 * strings Firefox's getSecurityInfo gives ("CN=a.test,O=Example,C=US").
 */
export function formatName(rdns: NameRdns): string {
  return [...rdns]
    .reverse()
    .map((rdn) => rdn.map(attributeString).join('+'))
    .join(',');
}
