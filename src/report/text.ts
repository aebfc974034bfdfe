// The report as plain text: an email body, readable in any mail client.

import type { Block } from './sections';

export function reportText(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
        out.push(block.text, '='.repeat(Math.min(block.text.length, 72)), '');
        break;
      case 'heading':
        out.push(block.text, '-'.repeat(Math.min(block.text.length, 72)));
        break;
      case 'paragraph':
        out.push(block.text, '');
        break;
      case 'list':
        out.push(...block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${item}`), '');
        break;
      case 'code':
        out.push(...block.text.split('\n').map((line) => `    ${line}`), '');
        break;
      case 'links':
        out.push(...block.urls.map((url) => `- ${url}`), '');
        break;
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
