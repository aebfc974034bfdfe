// The size a value takes in storage, computed without serialising it. Firefox counts a value of
// storage.session (and of storage.local's database) as its structured clone, not as JSON
// (toolkit/components/extensions/ExtensionStorage.sys.mjs, QuotaMap.dataSize: the key's length
// plus the clone's dataSize); the person exports the history as JSON. `storageBytes` is at
// least both: each part counts the larger of its UTF-8 JSON length and its clone's (8 bytes a
// tag, a string's characters at one byte each, or two when one of them is beyond U+00FF,
// padded to 8 bytes; 16 for a number).
//
// A tab's snapshot is measured after every change (a burst of failed images brings thousands);
// its parts are immutable and shared from one version to the next, so each object's size is
// remembered and only what changed is walked again.

const known = new WeakMap<object, number>();

/** At least the UTF-8 length of JSON.stringify(value) and the size of its structured clone in Firefox. */
export function storageBytes(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return stringBytes(value);
    case 'number':
      return Math.max(16, Number.isFinite(value) ? String(value).length : 4);
    case 'boolean':
      return 8;
    case 'object':
      return value === null ? 8 : objectBytes(value);
    default:
      // undefined: JSON leaves it out, a clone keeps it as one tag.
      return 8;
  }
}

function objectBytes(value: object): number {
  const remembered = known.get(value);
  if (remembered !== undefined) return remembered;
  // A clone's start and end tags; JSON's brackets.
  let size = 16;
  if (Array.isArray(value)) {
    // Each item: its index tag in the clone, a comma in JSON.
    for (const item of value as unknown[]) size += 8 + storageBytes(item);
  } else {
    // Each member: its key, the colon and the comma in JSON.
    for (const [key, item] of Object.entries(value)) size += stringBytes(key) + 2 + storageBytes(item);
  }
  known.set(value, size);
  return size;
}

// Long strings come back unchanged in each new version of a snapshot (its URL, a message): their
// sizes are remembered too (a string's hash is computed once, so the look-up is cheap). Bounded
// in count and length, so the memory it holds stays small.
const LONG_STRING = 64;
const MAX_REMEMBERED_LENGTH = 4096;
const MAX_REMEMBERED_STRINGS = 64;
const knownStrings = new Map<string, number>();

function stringBytes(text: string): number {
  if (text.length < LONG_STRING || text.length > MAX_REMEMBERED_LENGTH) return countStringBytes(text);
  const remembered = knownStrings.get(text);
  if (remembered !== undefined) return remembered;
  const size = countStringBytes(text);
  if (knownStrings.size >= MAX_REMEMBERED_STRINGS) knownStrings.clear();
  knownStrings.set(text, size);
  return size;
}

// Printable ASCII other than the quote and the backslash: one byte each in JSON. URLs, hosts,
// base64 and fingerprints are all such text, and a native test is far quicker than the loop.
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
const BEYOND_LATIN1 = /[\u0100-\uffff]/;

function countStringBytes(text: string): number {
  // The clone: a tag, then the characters padded to 8 bytes (at most 7 of padding).
  const clone = 8 + 7 + text.length * (BEYOND_LATIN1.test(text) ? 2 : 1);
  return Math.max(clone, PLAIN_ASCII.test(text) ? text.length + 2 : jsonStringBytes(text));
}

function jsonStringBytes(text: string): number {
  let size = 2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22 || code === 0x5c) size += 2;
    else if (code < 0x20) size += code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d ? 2 : 6;
    else if (code < 0x80) size += 1;
    else if (code < 0x800) size += 2;
    else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      size += 4;
      i += 1;
    } else if (code >= 0xd800 && code <= 0xdfff)
      size += 6; // a lone surrogate is written as \uXXXX
    else size += 3;
  }
  return size;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
