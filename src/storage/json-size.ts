// The size a value takes in storage: the UTF-8 bytes of its JSON, computed without building
// the JSON. A tab's snapshot is measured after every change (a burst of failed images brings
// thousands); its parts are immutable and shared from one version to the next, so each object's
// size is remembered and only what changed is walked again.

const known = new WeakMap<object, number>();

/** The length in UTF-8 bytes of JSON.stringify(value) (0 for what JSON leaves out). */
export function jsonBytes(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return stringBytes(value);
    case 'number':
      return Number.isFinite(value) ? String(value).length : 4;
    case 'boolean':
      return value ? 4 : 5;
    case 'object':
      return value === null ? 4 : objectBytes(value);
    default:
      return 0;
  }
}

function objectBytes(value: object): number {
  const remembered = known.get(value);
  if (remembered !== undefined) return remembered;
  let size = 2;
  if (Array.isArray(value)) {
    value.forEach((item: unknown, index) => {
      const itemSize = jsonBytes(item);
      // JSON writes null for what it cannot write inside an array.
      size += (itemSize === 0 ? 4 : itemSize) + (index > 0 ? 1 : 0);
    });
  } else {
    let members = 0;
    for (const [key, item] of Object.entries(value)) {
      const itemSize = jsonBytes(item);
      if (itemSize === 0) continue;
      size += stringBytes(key) + 1 + itemSize + (members > 0 ? 1 : 0);
      members += 1;
    }
  }
  known.set(value, size);
  return size;
}

// Printable ASCII other than the quote and the backslash: one byte each in JSON. URLs, hosts,
// base64 and fingerprints are all such text, and a native test is far quicker than the loop.
const PLAIN_ASCII = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

// Long strings come back unchanged in each new version of a snapshot (its URL, a message): their
// sizes are remembered too (a string's hash is computed once, so the look-up is cheap).
// Bounded in count and length, so the memory it holds stays small.
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

function countStringBytes(text: string): number {
  if (PLAIN_ASCII.test(text)) return text.length + 2;
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
    } else if (code >= 0xd800 && code <= 0xdfff) size += 6; // a lone surrogate is written as \uXXXX
    else size += 3;
  }
  return size;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
