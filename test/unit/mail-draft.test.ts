// The email draft of a report (contact.ts mailtoUrl): whatever the address, subject and body hold
// (they come from a site's security.txt and a stranger's certificate), the link has exactly one
// recipient, a subject and a body, and nothing else (RFC 6068: headers are `name=value` pairs
// after `?`, separated by `&`).

import { mailtoUrl } from '../../src/report/contact';

function parts(link: string): { readonly to: string; readonly headers: readonly string[] } {
  expect(link.startsWith('mailto:')).toBe(true);
  const [to = '', query = ''] = link.slice('mailto:'.length).split('?');
  return { to, headers: query.split('&').map((pair) => pair.split('=')[0] ?? '') };
}

test.each([
  ['an address that adds recipients and headers', 'owner@a.test?cc=spy@evil.test&bcc=x@evil.test', 'Report', 'Body'],
  ['a subject with a line break and a header of its own', 'owner@a.test', 'Report\r\nBcc: spy@evil.test&body=replaced', 'Body'],
  ['a body that tries to end the link', 'owner@a.test', 'Report', 'text&to=spy@evil.test#fragment?x=1'],
])('%s: one recipient, a subject and a body, nothing more', (_why, to, subject, body) => {
  const link = mailtoUrl(to, subject, body);
  const { headers } = parts(link);
  expect(headers).toEqual(['subject', 'body']);
  expect(link).not.toMatch(/[\r\n]/);
  expect(link.split('?')).toHaveLength(2);
  expect(link).not.toContain('#');
  // What the person's mail program shows is what was given.
  const url = new URL(link);
  expect(url.searchParams.get('subject')).toBe(subject);
  expect(url.searchParams.get('body')).toBe(body);
  expect(decodeURIComponent(url.pathname)).toBe(to);
});

test('a long body is cut, with a mark, so that mail programs open the whole link', () => {
  const link = mailtoUrl('owner@a.test', 'Report', 'x'.repeat(10_000));
  const body = new URL(link).searchParams.get('body') ?? '';
  expect(body).toBe(`${'x'.repeat(1800)}\n…`);
});
