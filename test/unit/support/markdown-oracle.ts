// What a CommonMark / GitHub Flavored Markdown renderer could turn into a link, a mention or
// HTML in a Markdown report, written from the specs (no renderer is available offline):
// - CommonMark 0.31.2, 4.5 "Fenced code blocks" and 6.1 "Code spans": nothing inside is parsed;
//   a code span is closed only by a backtick string of the same length;
// - CommonMark 2.4 "Backslash escapes": an escaped ASCII punctuation character is literal text,
//   and GFM's extended autolinks are recognised in text after escapes are resolved (so escapes
//   are undone here before looking for them);
// - GFM 0.29, 6.9 "Autolinks (extension)": `www.` (any case), `http://` and `https://`, and
//   e-mail addresses (`[A-Za-z0-9.+_-]+@` then a domain with a period; also after `mailto:` and
//   `xmpp:`); and GitHub's @mentions (`@` then a name);
// - CommonMark 6.3/6.5/6.6: inline links `[…](…)`, autolinks `<scheme:…>`, raw HTML `<tag`.

/** The text a renderer reads as prose: fenced blocks and code spans removed, escapes resolved. */
export function proseOf(markdown: string): string {
  const lines = markdown.split('\n');
  const kept: string[] = [];
  let fence: string | null = null;
  for (const line of lines) {
    const opener = /^(`{3,})\s*$/.exec(line);
    if (fence === null && opener) fence = opener[1] ?? null;
    else if (fence !== null && line.trim() === fence) fence = null;
    else if (fence === null) kept.push(line);
  }
  return kept.map((line) => proseOfLine(line)).join('\n');
}

/** The text a reader sees in one line of inline Markdown: code spans' content, escapes resolved. */
export function readableText(line: string): string {
  return proseOfLine(line, true).replace(/\uE000/g, '');
}

function proseOfLine(line: string, keepCode = false): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    const c = line[i] ?? '';
    if (c === '\\' && /[!-/:-@[-`{-~]/.test(line[i + 1] ?? '')) {
      // An escaped character is literal text (and never opens a code span).
      out += `\uE000${line[i + 1] ?? ''}`;
      i += 2;
      continue;
    }
    if (c === '`') {
      const run = /^`+/.exec(line.slice(i))?.[0] ?? '`';
      const close = closingRun(line, i + run.length, run.length);
      if (close !== -1) {
        const content = line.slice(i + run.length, close);
        // CommonMark 6.1: one space is stripped from each side when both sides have one.
        out += keepCode ? (/^ .* $/.test(content) && content.trim() !== '' ? content.slice(1, -1) : content) : ' ';
        i = close + run.length;
        continue;
      }
      out += run;
      i += run.length;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

function closingRun(line: string, from: number, length: number): number {
  const pattern = /`+/g;
  pattern.lastIndex = from;
  for (let m = pattern.exec(line); m; m = pattern.exec(line)) if (m[0].length === length) return m.index;
  return -1;
}

/** Everything in the prose a renderer would make active: autolinks, mentions, links, HTML. */
export function activeMarkup(markdown: string): string[] {
  const prose = proseOf(markdown);
  // Escaped characters were marked with U+E000 (private use): for autolinks they are plain text again.
  const text = prose.replace(/\uE000/g, '');
  const found: string[] = [];
  // www., a scheme followed by :// (http, https; other renderers add ftp), and any @ followed
  // by a name (an e-mail autolink, mailto:/xmpp: included, or a GitHub mention).
  for (const pattern of [/www\.[A-Za-z0-9_-]/gi, /[A-Za-z][A-Za-z0-9+.-]*:\/\/\S/g, /@[A-Za-z0-9_-]/g]) {
    for (const m of text.matchAll(pattern)) found.push(m[0]);
  }
  // Unescaped markup characters only (an escaped one carries the U+E000 (private use) mark before it).
  for (const pattern of [/(^|[^\uE000])\]\(/g, /(^|[^\uE000])<[A-Za-z/!?]/g]) {
    for (const m of prose.matchAll(pattern)) found.push(m[0]);
  }
  return found;
}
