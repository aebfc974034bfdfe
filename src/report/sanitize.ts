// Text from strangers (certificate fields, URLs, Firefox's messages, the person's note) made
// safe to put in any report format: control and bidi-override characters shown as visible
// escapes (they could hide or reorder text), and length capped.

/** Longest single value a report carries (a DN, a URL); a PEM chain has its own limit. */
export const MAX_FIELD = 500;
export const MAX_NOTE = 4000;

// C0 (but tab and newline where allowed), DEL, C1, and the bidi embedding/override/isolate marks.
// Matching control characters is the point here.
/* eslint-disable no-control-regex */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f]/g;
const CONTROL_NO_NEWLINES = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f]/g;
/* eslint-enable no-control-regex */

function escapeChar(c: string): string {
  return `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`;
}

/** One line of text: no newlines, no controls, at most `max` characters. */
export function cleanLine(text: string, max = MAX_FIELD): string {
  const clean = text.replace(CONTROL_NO_NEWLINES, escapeChar);
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** Text that may span lines (the person's note). */
export function cleanText(text: string, max = MAX_NOTE): string {
  const clean = text.replace(/\r\n?/g, '\n').replace(CONTROL, escapeChar);
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
