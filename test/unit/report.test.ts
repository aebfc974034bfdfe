// The report in every format, from snapshots recorded from the lab in Firefox and from hostile
// hand-made ones: what a site owner needs is in it, nothing private leaks by default, and no
// field can inject markup into HTML or Markdown; the JSON follows its schema.

import Ajv from 'ajv';
import schema from '../../src/report/report.schema.json';
import { buildReport, REPORT_SCHEMA_ID, type Report } from '../../src/report/report-model';
import { reportHtml } from '../../src/report/html';
import { reportJson } from '../../src/report/json';
import { markdownInline, reportMarkdown } from '../../src/report/markdown';
import { reportSections } from '../../src/report/sections';
import { reportText } from '../../src/report/text';
import { CATALOGUES } from '../../src/guide/catalogue-data';
import { LAB_CASE_SPECS } from '../lab/cases';
import { translatorForLocale } from './fakes/messages';
import { recorded, reportInputFor, RECORDED } from './support/report-input';

const en = translatorForLocale('en');
const ajv = new Ajv({ allErrors: true, strict: false });
// RFC 3339 date-time, as toISOString writes it (ajv ships no formats of its own).
ajv.addFormat(
  'date-time',
  (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value) && !Number.isNaN(Date.parse(value)),
);
const validate = ajv.compile(schema);

function allFormats(report: Report): { text: string; markdown: string; html: string; json: string } {
  const blocks = reportSections(report, en);
  return {
    text: reportText(blocks),
    markdown: reportMarkdown(blocks),
    html: reportHtml(blocks, report.language),
    json: reportJson(report),
  };
}

/** Lab cases whose problem is the site's: the report goes to the owner and says what to change. */
const SITE_CASES = LAB_CASE_SPECS.filter((c) => c.expectedCode !== '' && c.expectedDiagnosis.verdict === 'site-fault').map((c) => c.id);

describe('the report from recorded lab snapshots', () => {
  test('the site-side lab cases are the ones we think', () => {
    // Written out from test/lab/cases.ts: every failing case whose problem is the site's.
    expect([...SITE_CASES].sort()).toEqual(
      [
        'bare-name',
        'block-page',
        'expired',
        'expired-intermediate',
        'hsts-broken',
        'http-on-https-port',
        'https-only-unavailable',
        'missing-intermediate',
        'no-common-cipher',
        'not-yet-valid',
        'russian-root-missing',
        'russian-root-removed',
        'self-signed',
        'sha1-signature',
        'shared-hosting',
        'tls10-only',
        'untrusted-issuer',
        'wildcard-depth',
        'wrong-host',
      ].sort(),
    );
  });

  test.each(SITE_CASES)('%s: addressed to the owner, with a concrete fix and a way to check it', (caseId) => {
    const r = recorded(caseId);
    const spec = LAB_CASE_SPECS.find((c) => c.id === caseId);
    const report = buildReport(reportInputFor(r));
    const url = new URL(r.snapshot.url);
    expect(report.audience).toBe('site-owner');
    expect(report.verify.commands[0]).toBe(
      `openssl s_client -connect ${url.hostname}:${url.port} -servername ${url.hostname} -showcerts </dev/null`,
    );
    const { text } = allFormats(report);
    // The code the lab expects Firefox to report, and the owner's first fix for the lab's
    // expected top cause as the guide words it (its longest run of words with nothing to fill in).
    expect(text).toContain(spec?.expectedCode ?? '?');
    const top = spec?.expectedDiagnosis.top ?? '';
    const firstFix = CATALOGUES.en.causes[top]?.owner.general[0] ?? '';
    const fixedPart = firstFix
      .split(/\{[^}]*\}|`/)
      .map((part) => part.trim())
      .reduce((longest, part) => (part.length > longest.length ? part : longest), '');
    expect(fixedPart.length).toBeGreaterThan(10);
    expect(text).toContain(fixedPart);
    expect(validate(report)).toBe(true);
  });

  test('missing intermediate: the owner reads to serve the full chain, with nginx and certbot specifics', () => {
    const { text } = allFormats(buildReport(reportInputFor(recorded('missing-intermediate'))));
    expect(text).toMatch(/full chain/i);
    expect(text).toContain('ssl_certificate');
    expect(text).toContain('fullchain.pem');
    expect(text).toContain('SSLCertificateFile');
  });

  test("a cause on the visitor's side goes to their IT department instead", () => {
    const report = buildReport(reportInputFor(recorded('connection-reset')));
    expect(report.audience).toBe('it-department');
    expect(allFormats(report).text).toContain(en('reportTitleIt', report.site.host));
  });

  test('the visitor-side checks: the clock measured right, other sites fine', () => {
    const report = buildReport(reportInputFor(recorded('expired')));
    expect(report.visitorChecks.find((c) => c.id === 'clock')?.result).toBe('passed');
    expect(report.visitorChecks.find((c) => c.id === 'other-sites')?.value).toBeGreaterThan(0);
  });

  test('a loaded page with its chain: PEM included by default, left out on request', () => {
    const r = recorded('valid');
    const withChain = buildReport(reportInputFor(r));
    expect(withChain.chainPem).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(withChain.certificates.length).toBe(r.snapshot.security?.certificates.length);
    const without = buildReport(reportInputFor(r, { includeChain: false }));
    expect({ pem: without.chainPem, certificates: without.certificates }).toEqual({ pem: null, certificates: [] });
  });

  test('a page with failed parts: the report lists the failing hosts', () => {
    const r = recorded('subresource-failure');
    const failedHosts = (r.snapshot.subresourceFailures ?? []).map((f) => f.host);
    expect(failedHosts.length).toBeGreaterThan(0);
    const report = buildReport(reportInputFor(r));
    expect(report.failedParts.map((p) => p.host)).toEqual(failedHosts);
    const { text } = allFormats(report);
    expect(text).toContain(en('reportFailedParts'));
    for (const host of failedHosts) expect(text).toContain(host);
  });

  test('every recorded case gives a report that validates against the schema, in both languages', () => {
    for (const r of RECORDED) {
      for (const language of ['en', 'ru'] as const) {
        const report = buildReport(reportInputFor(r, { includePath: true, note: 'n' }, language));
        const ok = validate(report);
        expect({ caseId: r.caseId, language, errors: ok ? null : validate.errors }).toEqual({ caseId: r.caseId, language, errors: null });
        expect(report.$schema).toBe(REPORT_SCHEMA_ID);
      }
    }
  });
});

describe('privacy by default', () => {
  const base = recorded('expired');
  const snapshot = {
    ...base,
    snapshot: { ...base.snapshot, url: `${new URL(base.snapshot.url).origin}/account/settings?session=SECRET123#token=XYZ` },
  };

  test('only the origin unless the person includes the path; never the query unless asked for it', () => {
    const origin = new URL(snapshot.snapshot.url).origin;
    expect(buildReport(reportInputFor(snapshot)).site.address).toBe(origin);
    expect(JSON.stringify(allFormats(buildReport(reportInputFor(snapshot))))).not.toContain('SECRET123');
    expect(buildReport(reportInputFor(snapshot, { includePath: true })).site.address).toBe(`${origin}/account/settings`);
    expect(buildReport(reportInputFor(snapshot, { includePath: true, includeQuery: true })).site.address).toContain('SECRET123');
  });
});

describe('hostile fields', () => {
  const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>';
  const base = recorded('valid');
  const security = base.snapshot.security;
  if (!security) throw new Error('recorded valid case has no security info');
  const hostile = {
    ...base,
    snapshot: {
      ...base.snapshot,
      status: 'failed' as const,
      failure: { errorNumber: 2153390069, rawError: `${evil}\u0007\u202Egnp.exe ${'A'.repeat(10_000)}`, at: base.recordedAt },
      subresourceFailures: [{ host: `${evil}.test`, type: 'image', error: evil, exampleUrl: 'https://x.test/', count: 2 }],
      security: {
        ...security,
        certificates: security.certificates.map((c, i) =>
          i === 0 ? { ...c, subject: `CN=${evil}`, issuer: 'CN=```\n# heading\n```' } : c,
        ),
      },
    },
  };
  const report = buildReport(reportInputFor(hostile, { note: '```\n</pre><script>alert(3)</script>\n[link](javascript:alert(4))' }));
  const formats = allFormats(report);

  test('HTML: everything escaped, no script, no event handler, a CSP that forbids scripts', () => {
    const html = formats.html;
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain(`default-src 'none'`);
    // Only the page's own tags remain once escaped text is removed.
    const tags = [...html.matchAll(/<\/?([a-z0-9]+)/gi)].map((m) => (m[1] ?? '').toLowerCase());
    expect(new Set(tags)).toEqual(
      new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'p', 'ul', 'ol', 'li', 'pre', 'code']),
    );
  });

  test('Markdown: prose is escaped and no code block can be closed from inside', () => {
    const md = formats.markdown;
    expect(md).not.toContain('[link](javascript');
    // CommonMark 0.31.2 §2.4: a backslash before ASCII punctuation makes it a literal character.
    expect(md).toContain('\\[link\\]\\(javascript:alert\\(4\\)\\)');
    // Every fence opens and closes in pairs of the same length.
    const fences = md.split('\n').filter((line) => /^`{3,}$/.test(line));
    expect(fences.length % 2).toBe(0);
    for (let i = 0; i < fences.length; i += 2) expect(fences[i]).toBe(fences[i + 1]);
  });

  test('control and bidi characters are shown as escapes; very long values are cut', () => {
    expect(report.problem.firefoxMessage).toContain('\\u{7}');
    expect(report.problem.firefoxMessage).toContain('\\u{202e}');
    expect(report.problem.firefoxMessage?.length).toBeLessThanOrEqual(500);
    for (const format of Object.values(formats)) {
      expect(format).not.toContain('\u202E');
      expect(format).not.toContain('\u0007');
    }
  });

  test("balanced backticks (the guide's own setting names) become code spans that hold no backtick", () => {
    expect(markdownInline('Use `fullchain.pem` [x](y)')).toBe('Use `fullchain.pem` \\[x\\]\\(y\\)');
    // An odd backtick cannot open a code span: everything is escaped as prose (CommonMark §2.4).
    expect(markdownInline('odd ` count *x*')).toBe('odd \\` count \\*x\\*');
    expect(reportHtml([{ kind: 'paragraph', text: 'Set `<b>` now' }], 'en')).toContain('<p>Set <code>&lt;b&gt;</code> now</p>');
  });

  test('the JSON still validates', () => {
    expect(validate(JSON.parse(formats.json))).toBe(true);
  });
});
