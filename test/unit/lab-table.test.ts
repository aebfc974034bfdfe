// The case table and the HTML helpers, without starting any server.
import { CASE_DEFINITIONS, LAB_CASE_SPECS } from '../lab/cases';
import { escapeHtml, renderCasePage, renderIndexPage } from '../lab/index-page';
import type { LabCase } from '../lab/types';

describe('case table', () => {
  test('holds the agreed minimum set with the agreed hosts and Firefox codes', () => {
    const byId = new Map(LAB_CASE_SPECS.map((spec) => [spec.id, spec]));
    const agreed: ReadonlyArray<readonly [string, string, string]> = [
      ['missing-intermediate', 'incomplete-chain.lab.test', 'SEC_ERROR_UNKNOWN_ISSUER'],
      ['valid', 'valid.lab.test', ''],
      ['expired', 'expired.lab.test', 'SEC_ERROR_EXPIRED_CERTIFICATE'],
      ['not-yet-valid', 'future.lab.test', 'MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE'],
      ['wrong-host', 'wrong-host.lab.test', 'SSL_ERROR_BAD_CERT_DOMAIN'],
      ['self-signed', 'self-signed.lab.test', 'MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT'],
      ['untrusted-issuer', 'untrusted-issuer.lab.test', 'SEC_ERROR_UNKNOWN_ISSUER'],
      ['http-on-https-port', 'http-on-tls.lab.test', 'SSL_ERROR_RX_RECORD_TOO_LONG'],
      ['tls10-only', 'tls10.lab.test', 'SSL_ERROR_PROTOCOL_VERSION_ALERT'],
      ['no-common-cipher', 'dhe-only.lab.test', 'SSL_ERROR_NO_CYPHER_OVERLAP'],
      ['interception', 'intercepted.lab.test', ''],
      ['hsts-setup', 'hsts.lab.test', ''],
      ['hsts-broken', 'hsts.lab.test', 'SEC_ERROR_UNKNOWN_ISSUER'],
      ['subresource-failure', 'subresource.lab.test', ''],
      ['bare-name', 'shop.lab.test', 'SSL_ERROR_BAD_CERT_DOMAIN'],
      ['www-name', 'www.shop.lab.test', ''],
    ];
    for (const [id, host, code] of agreed) {
      expect({ id, host: byId.get(id)?.host, code: byId.get(id)?.expectedCode }).toEqual({ id, host, code });
    }
  });

  test('ids are unique kebab-case; every case has a one-sentence title and a path', () => {
    const ids = LAB_CASE_SPECS.map((spec) => spec.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const spec of LAB_CASE_SPECS) {
      expect(spec.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(spec.title).toMatch(/^[A-Z].*\.$/);
      expect(spec.path.startsWith('/')).toBe(true);
      expect(spec.expectedCode).toMatch(/^([A-Z][A-Z0-9_]+)?$/);
    }
  });

  test('only the HSTS pair and the Russian root pair share a host name (HSTS and remembered certificates are per host, across ports)', () => {
    const hosts = LAB_CASE_SPECS.map((spec) => spec.host);
    const repeated = hosts.filter((host, index) => hosts.indexOf(host) !== index);
    expect(repeated).toEqual(['hsts.lab.test', 'state-root.lab.test']);
  });

  test('ordering constraints: missing-intermediate runs first; hsts-broken after hsts-setup; russian-root-removed after russian-root-trusted', () => {
    expect(LAB_CASE_SPECS.filter((spec) => spec.runFirst).map((spec) => spec.id)).toEqual(['missing-intermediate']);
    const dependent = LAB_CASE_SPECS.filter((spec) => spec.after !== undefined).map((spec) => [spec.id, spec.after]);
    expect(dependent).toEqual([
      ['hsts-broken', 'hsts-setup'],
      ['russian-root-removed', 'russian-root-trusted'],
    ]);
  });

  test("missing-intermediate withholds the intermediate; bare-name shares www-name's server", () => {
    const missing = CASE_DEFINITIONS.find((definition) => definition.spec.id === 'missing-intermediate')?.server;
    expect(missing).toMatchObject({ kind: 'https', credential: { issuer: 'intermediate', sendIssuer: false } });
    const bare = CASE_DEFINITIONS.find((definition) => definition.spec.id === 'bare-name')?.server;
    expect(bare).toEqual({ sharedWith: 'www-name' });
  });
});

describe('HTML', () => {
  test('escapeHtml escapes the five special characters', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
  });

  const hostile: LabCase = {
    id: 'x<script>',
    title: 'A title with <b>markup</b> & "quotes".',
    host: 'evil.lab.test',
    path: '/?a=1&b="2"',
    expectedDiagnosis: { verdict: 'ok', bypass: '', top: '' },
    expectedCode: '<EVIL>',
    port: 1234,
    url: 'https://evil.lab.test:1234/?a=1&b="2"',
    runFirst: true,
  };

  test('the index page prints nothing unescaped', () => {
    const html = renderIndexPage([hostile]);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<EVIL>');
    expect(html).toContain('<code>x&lt;script&gt;</code>');
    expect(html).toContain('href="https://evil.lab.test:1234/?a=1&amp;b=&quot;2&quot;"');
    expect(html).toContain('A title with &lt;b&gt;markup&lt;/b&gt; &amp; &quot;quotes&quot;.');
  });

  test('the index says which Firefox preferences a case needs', () => {
    const html = renderIndexPage([{ ...hostile, id: 'needs-prefs', firefoxPrefs: { 'dom.security.https_only_mode': true } }]);
    expect(html).toContain('(needs dom.security.https_only_mode = true)');
    expect(renderIndexPage([hostile])).not.toContain('(needs ');
  });

  test('a case page names the case in its title and escapes the image URL', () => {
    const html = renderCasePage(hostile, 'https://e.lab.test:1/pixel.png?"><script>');
    expect(html).toContain('<title>Cert Doctor Lab: x&lt;script&gt;</title>');
    expect(html).toContain('src="https://e.lab.test:1/pixel.png?&quot;&gt;&lt;script&gt;"');
    expect(html).not.toContain('<script>');
    expect(renderCasePage(hostile, undefined)).not.toContain('<img');
  });
});
