// The report as Markdown (an issue tracker, a chat). Text from strangers cannot inject markup:
// specials are escaped in prose, and a code block's fence is longer than any run of backticks
// inside it, so nothing can close it early.

import type { Block } from './sections';

export function reportMarkdown(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
        out.push(`# ${markdownProse(block.text)}`, '');
        break;
      case 'heading':
        out.push(`## ${markdownProse(block.text)}`, '');
        break;
      case 'paragraph':
        out.push(markdownInline(block.text), '');
        break;
      case 'list':
        out.push(...block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${markdownInline(item)}`), '');
        break;
      case 'code': {
        const fence = '`'.repeat(Math.max(3, longestBacktickRun(block.text) + 1));
        out.push(fence, block.text, fence, '');
        break;
      }
      case 'links':
        out.push(...block.urls.map((url) => `- ${ownLink(url)}`), '');
        break;
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** Backslash-escapes every character Markdown (CommonMark, GitHub) could read as markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\n/g, ' ').replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => `\\${c}`);
}

/** A word GFM or GitHub could turn into a link or a mention, even with every character escaped. */
const LINKABLE = /:\/\/|www\.|@/i;

/**
 * Prose: each word that could become an autolink or a mention as a code span, the rest escaped.
 * Whitespace stays as it is (newlines become spaces: a block is one line).
 */
export function markdownProse(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .split(/(\s+)/)
    .map((word) => (word === '' || /^\s+$/.test(word) ? word : proseWord(word)))
    .join('');
}

function proseWord(word: string): string {
  if (!LINKABLE.test(word)) return escapeMarkdown(word);
  // Punctuation that ends a sentence stays outside the code span (GFM leaves trailing punctuation
  // out of an autolink too), when what is left still needs the span.
  const [, core = word, tail = ''] = /^(.*?)([.,;:!?)\]'"]*)$/.exec(word) ?? [];
  return LINKABLE.test(core) ? `${codeSpan(core)}${escapeMarkdown(tail)}` : codeSpan(word);
}

/** Text in a code span: a fence longer than any backtick run inside, padded if it starts or ends with one. */
export function codeSpan(text: string): string {
  const fence = '`'.repeat(longestBacktickRun(text) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * Prose with `code` parts (setting names, commands in the guide's fixes): balanced backticks
 * become code spans, which hold no backtick and so cannot be closed early; everything else is
 * prose (markdownProse). With unbalanced backticks, all of it is prose.
 */
export function markdownInline(text: string): string {
  const parts = text.replace(/\n/g, ' ').split('`');
  if (parts.length % 2 === 0) return markdownProse(text);
  return parts.map((part, i) => (i % 2 === 1 ? (part === '' ? '' : `\`${part}\``) : markdownProse(part))).join('');
}

/** One of the report's own links (https, no space or angle bracket): a CommonMark autolink, exact. */
function ownLink(url: string): string {
  return /^https:\/\/[^\s<>`]+$/.test(url) ? `<${url}>` : codeSpan(url);
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}
