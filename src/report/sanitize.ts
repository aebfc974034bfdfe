// Text from strangers (certificate fields, URLs, Firefox's messages, the person's note) made
// safe to put in any report format: every control, format (bidi, zero-width), line or paragraph
// separator character shown as a visible escape by the one sanitizer the popup and the options
// page use too (src/shared/visible-text.ts), and length capped.

import { visibleLine, visibleText } from '../shared/visible-text';

/** Longest single value a report carries (a DN, a URL); a PEM chain has its own limit. */
export const MAX_FIELD = 500;
export const MAX_NOTE = 4000;

/** One line of text: no newlines, no invisible characters, at most `max` characters. */
export function cleanLine(text: string, max = MAX_FIELD): string {
  return visibleLine(text, max);
}

/** Text that may span lines (the person's note). */
export function cleanText(text: string, max = MAX_NOTE): string {
  return visibleText(text, max);
}
