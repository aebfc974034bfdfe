// The one sanitizer for strangers' text (certificate names, URLs and host names, Firefox's
// messages, a past incident's fields, the person's note) wherever Cert Doctor shows it: the
// popup, the options page's history and every report format.
//
// By Unicode general category rather than a list of code points, so a character added to a
// category later is covered too: Cc (controls), Cf (format characters: bidi overrides and
// isolates, zero-width spaces and joiners, the soft hyphen, the Arabic letter mark, word joiner
// and invisible operators, the byte order mark, tag characters), Zl and Zp (line and paragraph
// separators), and Cs (a lone surrogate, which cannot be encoded and so could not be shown).
//
// Each such character is replaced, not deleted: a reader must be able to see that something was
// there (a certificate name that differs from the one it imitates only by an invisible
// character must not look identical to it), and an administrator must be able to tell which
// character it was. So the replacement names it, as `\u{202e}`: visible in every font, plain
// ASCII, and the same in text, Markdown, HTML and JSON.

/** Every character of the categories above. Tab and newline are handled by the callers. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;
/** The same, except tab and line feed (multi-line text keeps its lines). */
const INVISIBLE_BUT_LINES = /(?![\t\n])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

function named(character: string): string {
  return `\\u{${(character.codePointAt(0) ?? 0).toString(16)}}`;
}

function capped(text: string, max: number): string {
  if (text.length <= max) return text;
  // Cut on a code point boundary: half a surrogate pair would be a new invisible character.
  const cut = text.slice(0, max - 1);
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

/** One line of a stranger's text, safe to show: every invisible or control character named. */
export function visibleLine(text: string, max = Number.POSITIVE_INFINITY): string {
  return capped(text.replace(INVISIBLE, named), max);
}

/** Text that may span lines (the person's note): line breaks kept as \n, the rest as visibleLine. */
export function visibleText(text: string, max = Number.POSITIVE_INFINITY): string {
  return capped(text.replace(/\r\n?/g, '\n').replace(INVISIBLE_BUT_LINES, named), max);
}

/** Whether the text holds a character visibleLine would replace (for tests and checks). */
export function hasInvisible(text: string): boolean {
  return new RegExp(INVISIBLE.source, 'u').test(text);
}
