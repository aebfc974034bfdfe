// Reports that cannot be turned against their reader: in Markdown no stranger's text becomes a
// link, a mention or HTML (judged by test/unit/support/markdown-oracle.ts, written from the
// CommonMark and GFM specs), while the report's own links stay exact; only valid host names
// enter commands; the security.txt lookup stops at the site's registrable domain.

import { buildReport } from '../../src/report/report-model';
import { parseSecurityTxt, registrableDomain, roleAddresses, securityTxtUrls } from '../../src/report/contact';
import { reportHtml } from '../../src/report/html';
import { codeSpan, markdownInline, markdownProse, reportMarkdown } from '../../src/report/markdown';
import { reportSections } from '../../src/report/sections';
import { reportText } from '../../src/report/text';
import { toPieces, fillTemplate } from '../../src/guide/fill';
import { isCommandHost } from '../../src/shared/command-host';
import { translatorForLocale } from './fakes/messages';
import { activeMarkup, proseOf, readableText } from './support/markdown-oracle';
import { recorded, reportInputFor } from './support/report-input';

const en = translatorForLocale('en');

/** Words GitHub renders as live links or mentions today when merely backslash-escaped (issue 12). */
const LINKY = [
  'https://evil%2Ecom/login',
  'phish@evil.com',
  'https://3232235777/',
  'www.evil.com',
  'WWW.EVIL.COM/x',
  '(www.evil.com)',
  '*www.evil.com*',
  'http://a.b/c?d=e',
  'mailto:phish@evil.com',
  'xmpp:phish@evil.com',
  '@octocat',
  'x`www.evil.com`y',
  '``https://evil.com``',
];

describe('the oracle itself (from the specs) sees what it must', () => {
  test.each([
    'www.evil.com',
    'see https://evil.com now',
    'phish@evil.com',
    'phish@evil\\.com',
    'https\\://evil\\.com',
    '[a](http://x)',
    '<img src=x>',
    'hi @octocat',
  ])('flags %s', (md) => {
    expect(activeMarkup(md).length).toBeGreaterThan(0);
  });

  test('and ignores code spans, code blocks and escaped markup', () => {
    expect(activeMarkup('`www.evil.com` and `` a`b@c.d `` and \\[a\\]\\(x\\) and \\<img\\>')).toEqual([]);
    expect(activeMarkup('```\nhttps://evil.com\n```')).toEqual([]);
    expect(proseOf('a `x` b')).toBe('a   b');
    expect(readableText('a `` `x` `` \\*b\\*')).toBe('a `x` *b*');
  });
});

describe("Markdown: strangers' words can never become links, mentions or HTML", () => {
  test.each(LINKY)('%s is kept, as text, in a code span', (word) => {
    for (const md of [markdownProse(`Name: ${word} end`), markdownInline(`Name: ${word} end`)]) {
      expect(activeMarkup(md)).toEqual([]);
    }
    // The reader sees the word exactly as the stranger wrote it.
    expect(readableText(markdownProse(word))).toBe(word);
  });

  test('a code span is closed only by its own fence, whatever backticks the word holds', () => {
    expect(codeSpan('a``b')).toBe('```a``b```');
    expect(codeSpan('`www.x.y`')).toBe('`` `www.x.y` ``');
  });

  test("plain words are still escaped, not put in code; a sentence's last punctuation stays outside the span", () => {
    expect(markdownProse('Fix *this* [now]')).toBe('Fix \\*this\\* \\[now\\]');
    expect(markdownProse('Open https://a.test, then www.b.test.')).toBe('Open `https://a.test`, then `www.b.test`\\.');
  });

  const base = recorded('valid');
  const security = base.snapshot.security;
  if (!security) throw new Error('recorded valid case has no security info');
  const hostileWords = LINKY.join(' ');
  const hostile = {
    ...base,
    snapshot: {
      ...base.snapshot,
      status: 'failed' as const,
      failure: { errorNumber: 2153390069, rawError: `Error ${hostileWords}`, at: base.recordedAt },
      subresourceFailures: [{ host: 'phish@evil.com', type: 'image', error: hostileWords, exampleUrl: 'https://x.test/', count: 2 }],
      security: {
        ...security,
        certificates: security.certificates.map((c, i) =>
          i === 0 ? { ...c, subject: `CN=${hostileWords}`, issuer: `CN=https://3232235777/, O=www.evil.com` } : c,
        ),
      },
    },
  };

  test('a whole report with hostile names, message, failed parts and note has no active markup', () => {
    const report = buildReport(reportInputFor(hostile, { note: `Contact ${hostileWords} <b>x</b> [a](javascript:alert(1))` }));
    const md = reportMarkdown(reportSections(report, en));
    expect(activeMarkup(md)).toEqual([]);
    // The words are all there to read, exactly as the stranger wrote them.
    for (const word of ['https://evil%2Ecom/login', 'phish@evil.com', 'https://3232235777/', 'www.evil.com']) expect(md).toContain(word);
  });

  test("the report's own SSL Labs link stays exact: a CommonMark autolink with no escaped character", () => {
    const expired = recorded('expired');
    const report = buildReport(reportInputFor({ ...expired, snapshot: { ...expired.snapshot, url: 'https://shop.example.com/' } }));
    expect(report.audience).toBe('site-owner');
    const md = reportMarkdown(reportSections(report, en));
    const expected = 'https://www.ssllabs.com/ssltest/analyze.html?d=shop.example.com';
    expect(md.split('\n')).toContain(`- <${expected}>`);
    expect(md).not.toContain('%5C');
    expect(md).not.toContain('ssllabs\\.');
    // Everything else in it is inert.
    expect(
      activeMarkup(
        md
          .split('\n')
          .filter((line) => line !== `- <${expected}>`)
          .join('\n'),
      ),
    ).toEqual([]);
    expect(reportHtml(reportSections(report, en), 'en')).toContain(`<a href="${expected}">${expected}</a>`);
    expect(reportText(reportSections(report, en))).toContain(`- ${expected}`);
  });
});

/** Host names a URL parser accepts (WHATWG URL keeps these characters in a host) that a shell would run. */
const HOSTILE_HOSTS = ['`id`.victim.test', 'a;rm${ifs}-rf.victim.test', "a'b.victim.test", 'a&b.victim.test', '$ifs.victim.test'];

describe('commands for the owner carry only a valid DNS name or IP address', () => {
  test.each([
    ['shop.example.com', true],
    ['xn--e1afmkfd.xn--p1ai', true],
    ['a-b.c0.test.', true],
    ['192.168.1.1', true],
    ['[::1]', true],
    ['[2001:db8::1]', true],
    ['-a.test', false],
    ['a-.test', false],
    ['a_b.test', false],
    ['`id`.test', false],
    ['$(curl evil)x.victim.test', false],
    ['a..b', false],
    [`${'a'.repeat(64)}.test`, false],
    ['', false],
    ['a\\u{202e}b.test', false],
  ])('%s: %s', (host, valid) => {
    expect(isCommandHost(host)).toBe(valid);
  });

  test.each(HOSTILE_HOSTS)('host %s: no command and no configuration line names it; the report says so apart, quoted', (host) => {
    const url = `https://${host}/`;
    expect(new URL(url).hostname).toBe(host.toLowerCase()); // the URL parser lets it through
    const r = recorded('missing-intermediate');
    const report = buildReport(reportInputFor({ ...r, snapshot: { ...r.snapshot, url } }));
    expect(report.verify.commands).toEqual([]);
    expect(report.verify.checkers).toEqual([]);
    const lowered = host.toLowerCase();
    for (const step of [...report.fix.steps, ...Object.values(report.fix.servers).flat()]) {
      // A step may name the host in prose, never inside a `code` part.
      const code = step.split('`').filter((_, i) => i % 2 === 1);
      for (const part of code) expect(part).not.toContain(lowered);
    }
    const blocks = reportSections(report, en);
    const text = reportText(blocks);
    expect(text).toContain(en('reportHostNotCommand', JSON.stringify(lowered)));
    for (const block of blocks) if (block.kind === 'code') expect(block.text).not.toContain(lowered);
    expect(activeMarkup(reportMarkdown(blocks))).toEqual([]);
  });

  test('the same report for a valid host keeps its commands (the rule removes only what it must)', () => {
    const r = recorded('missing-intermediate');
    const report = buildReport(reportInputFor({ ...r, snapshot: { ...r.snapshot, url: 'https://shop.example.com/' } }));
    expect(report.verify.commands).toEqual([
      'openssl s_client -connect shop.example.com:443 -servername shop.example.com -showcerts </dev/null',
    ]);
    expect(reportText(reportSections(report, en))).not.toContain(en('reportHostNotCommand', '"shop.example.com"'));
  });

  test('the guide (popup and report): a step with a hostile host in `code` cannot be said; in prose it can', () => {
    const template = 'Run `certbot --nginx -d {host}` on {host}.';
    expect(fillTemplate(template, { host: '`id`.victim.test' })).toBeNull();
    expect(toPieces(template, { host: '`id`.victim.test' })).toEqual([]);
    expect(fillTemplate('The site {host} is down.', { host: '`id`.victim.test' })).toBe('The site `id`.victim.test is down.');
    expect(fillTemplate(template, { host: 'shop.example.com' })).toBe('Run `certbot --nginx -d shop.example.com` on shop.example.com.');
    expect(fillTemplate('`listen {port} ssl;`', { port: '8443' })).toBe('`listen 8443 ssl;`');
  });
});

describe("security.txt is looked up only within the site's registrable domain (Public Suffix List)", () => {
  const urls = (page: string): string[] => securityTxtUrls(page).map((u) => new URL(u).host);

  test.each([
    // github.io and s3.amazonaws.com are in the list's private section: each user's name is a site.
    ['https://a.b.alice.github.io/', ['a.b.alice.github.io', 'www.a.b.alice.github.io', 'b.alice.github.io', 'alice.github.io']],
    ['https://shop.example.co.uk/', ['shop.example.co.uk', 'www.shop.example.co.uk', 'example.co.uk']],
    ['https://www.example.co.uk/', ['www.example.co.uk', 'example.co.uk']],
    ['https://bucket.s3.amazonaws.com/', ['bucket.s3.amazonaws.com', 'www.bucket.s3.amazonaws.com']],
    [
      'https://deep.sub.example.com:8443/',
      ['deep.sub.example.com:8443', 'www.deep.sub.example.com:8443', 'sub.example.com:8443', 'example.com:8443'],
    ],
    ['https://192.168.1.1/', ['192.168.1.1']],
    ['https://github.io/', ['github.io']],
    ['https://localhost/', ['localhost']],
  ])('%s', (page, hosts) => {
    expect(urls(page)).toEqual(hosts);
    for (const u of securityTxtUrls(page)) expect(new URL(u).pathname).toBe('/.well-known/security.txt');
  });

  test('never a public suffix: co.uk, github.io, amazonaws.com are not asked', () => {
    const all = ['https://x.y.example.co.uk/', 'https://p.alice.github.io/', 'https://ec2-1-2-3-4.compute-1.amazonaws.com/'].flatMap(urls);
    for (const suffix of ['co.uk', 'github.io', 'amazonaws.com', 'compute-1.amazonaws.com', 'uk', 'io', 'com'])
      expect(all).not.toContain(suffix);
    expect(registrableDomain('x.y.example.co.uk')).toBe('example.co.uk');
  });

  test('a security.txt contact with a character outside ASCII (an invisible one, a look-alike) is not taken', () => {
    const text = [
      'Contact: mailto:security@example.com',
      'Contact: mailto:secur\u200bity@evil.example',
      'Contact: https://ex\u0430mple.com/report',
      'Contact: https://example.com/\u202ereport',
    ].join('\n');
    expect(parseSecurityTxt(text)?.contacts).toEqual(['mailto:security@example.com']);
  });

  test('role addresses are guessed only at a valid DNS name', () => {
    expect(roleAddresses('https://www.shop.example.com/')).toEqual(['security@shop.example.com', 'webmaster@shop.example.com']);
    for (const hostile of HOSTILE_HOSTS) expect(roleAddresses(`https://${hostile}/`)).toEqual([]);
    expect(roleAddresses('https://[::1]/')).toEqual([]);
    expect(roleAddresses('https://192.168.1.1/')).toEqual([]);
  });

  test('http pages and nonsense get no lookup', () => {
    expect(securityTxtUrls('http://example.com/')).toEqual([]);
    expect(securityTxtUrls('not a url')).toEqual([]);
  });
});
