// The report as one self-contained HTML page that prints well: inline styles, no script, no
// external resource, and every piece of text escaped, so a hostile certificate field or URL
// is shown, never run. A Content-Security-Policy meta tag forbids scripts even if one slipped in.

import type { Block } from './sections';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const STYLE = `
body { font: 15px/1.5 system-ui, sans-serif; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #15141a; background: #fff; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid #cfcfd8; }
code { font-size: .9em; background: #f0f0f4; padding: 0 .2em; border-radius: 3px; }
pre { background: #f9f9fb; border: 1px solid #cfcfd8; padding: .6em; white-space: pre-wrap; overflow-wrap: anywhere; font-size: .85em; }
li, p { overflow-wrap: anywhere; }
@media print { body { margin: 0; max-width: none; } pre { break-inside: avoid; } }
`;

/** Escaped text, with balanced `code` parts in <code> (their content escaped too). */
function inline(text: string): string {
  const parts = text.split('`');
  if (parts.length % 2 === 0) return escapeHtml(text);
  return parts.map((part, i) => (i % 2 === 1 ? `<code>${escapeHtml(part)}</code>` : escapeHtml(part))).join('');
}

export function reportHtml(blocks: readonly Block[], language: string): string {
  const title = blocks.find((b) => b.kind === 'title');
  const body = blocks
    .map((block) => {
      switch (block.kind) {
        case 'title':
          return `<h1>${escapeHtml(block.text)}</h1>`;
        case 'heading':
          return `<h2>${escapeHtml(block.text)}</h2>`;
        case 'paragraph':
          return `<p>${inline(block.text)}</p>`;
        case 'list': {
          const tag = block.ordered ? 'ol' : 'ul';
          return `<${tag}>${block.items.map((item) => `<li>${inline(item)}</li>`).join('')}</${tag}>`;
        }
        case 'code':
          return `<pre>${escapeHtml(block.text)}</pre>`;
        case 'links':
          // The report's own https links only (sections.ts): escaped as attribute and text.
          return `<ul>${block.urls.map((url) => `<li>${/^https:\/\//.test(url) ? `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>` : escapeHtml(url)}</li>`).join('')}</ul>`;
      }
    })
    .join('\n');
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title?.kind === 'title' ? title.text : 'Cert Doctor report')}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
