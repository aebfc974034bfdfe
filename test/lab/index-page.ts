// HTML the lab serves: the index that links every case, and the small page each loading
// case returns. Everything interpolated is escaped, even our own data, so a future case
// title with "<" or "&" cannot break the page.
import type { LabCase } from './types';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function renderIndexPage(cases: readonly LabCase[]): string {
  const firstIds = cases
    .filter((labCase) => labCase.runFirst)
    .map((labCase) => `<code>${escapeHtml(labCase.id)}</code>`)
    .join(', ');
  const rows = cases
    .map((labCase) => {
      const expected = labCase.expectedCode === '' ? 'page loads' : labCase.expectedCode;
      const after = labCase.after === undefined ? '' : ` (visit ${labCase.after} first)`;
      // Such a case shows its error only with these set in about:config (e.g. HTTPS-Only mode).
      const prefs = Object.entries(labCase.firefoxPrefs ?? {}).map(([name, value]) => `${name} = ${String(value)}`);
      const needs = prefs.length === 0 ? '' : ` (needs ${prefs.join(', ')})`;
      return [
        '<tr>',
        `<td><code>${escapeHtml(labCase.id)}</code></td>`,
        `<td>${escapeHtml(labCase.title)}${escapeHtml(after)}${escapeHtml(needs)}</td>`,
        `<td><a href="${escapeHtml(labCase.url)}">${escapeHtml(labCase.url)}</a></td>`,
        `<td><code>${escapeHtml(expected)}</code></td>`,
        '</tr>',
      ].join('');
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Cert Doctor Lab</title>
</head>
<body>
<h1>Cert Doctor Lab</h1>
<p><strong>Visit ${firstIds} first, in a fresh browser profile.</strong>
Firefox remembers intermediate certificates it has seen, so after any other case the missing
intermediate would be filled in from its cache and the error would not appear.</p>
<table>
<thead><tr><th>Case</th><th>What is wrong</th><th>URL</th><th>Expected in Firefox</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}

/** The page a case serves when the connection succeeds. */
export function renderCasePage(labCase: LabCase, failingImageUrl: string | undefined): string {
  const images =
    failingImageUrl === undefined
      ? ''
      : `<p>An image from a site with a broken certificate:</p>
<img id="broken" src="${escapeHtml(failingImageUrl)}" alt="image from a broken site" width="16" height="16">
<p>An image from this site:</p>
<img id="good" src="/pixel.png" alt="image from this site" width="16" height="16">
`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Cert Doctor Lab: ${escapeHtml(labCase.id)}</title>
</head>
<body>
<h1>${escapeHtml(labCase.id)}</h1>
<p>${escapeHtml(labCase.title)}</p>
${images}</body>
</html>
`;
}

/** A 1x1 transparent PNG, served at /pixel.png by every HTTPS case. */
export const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
