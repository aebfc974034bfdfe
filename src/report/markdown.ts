// The report as Markdown (an issue tracker, a chat). Text from strangers cannot inject markup:
// specials are escaped in prose, and a code block's fence is longer than any run of backticks
// inside it, so nothing can close it early.

import type { Block } from './sections';

export function reportMarkdown(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
        out.push(`# ${escapeMarkdown(block.text)}`, '');
        break;
      case 'heading':
        out.push(`## ${escapeMarkdown(block.text)}`, '');
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
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** Backslash-escapes every character Markdown (CommonMark, GitHub) could read as markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\n/g, ' ').replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => `\\${c}`);
}

/**
 * Prose with `code` parts (setting names, commands in the guide's fixes): balanced backticks
 * become code spans, which hold no backtick and so cannot be closed early; everything else is
 * escaped. With unbalanced backticks, all of it is escaped.
 */
export function markdownInline(text: string): string {
  const parts = text.replace(/\n/g, ' ').split('`');
  if (parts.length % 2 === 0) return escapeMarkdown(text);
  return parts.map((part, i) => (i % 2 === 1 ? (part === '' ? '' : `\`${part}\``) : escapeMarkdown(part))).join('');
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}
