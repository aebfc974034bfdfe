// Property tests (fast-check) over arbitrary snapshots, certificates, URLs and text: the error
// decoder, the diagnosis, the sanitizer and every report format never throw, a failed load
// never gets an empty guide, and the rendered HTML and Markdown never carry active content
// from the input. Inputs mix random Unicode (lone surrogates, controls, bidi and zero-width
// characters included) with the fragments attacks use. Each property runs 250 cases (PROPERTY_RUNS=N for more)
// so the unit suite stays fast; the report's JSON must also follow its schema.

import Ajv from 'ajv';
import fc from 'fast-check';
import schema from '../../src/report/report.schema.json';
import { evidenceText } from '../../popup/evidence-text';
import { decodeErrorNumber, KNOWN_ERRORS, parseNavigationError } from '../../src/core/error-codes/decode';
import { diagnose } from '../../src/diagnosis/diagnose';
import { Catalogue, type Language } from '../../src/guide/catalogue';
import { CATALOGUES } from '../../src/guide/catalogue-data';
import { fillEach } from '../../src/guide/fill';
import { sslLabsCanTest, textValues } from '../../src/guide/text-values';
import { reportHtml } from '../../src/report/html';
import { reportJson } from '../../src/report/json';
import { reportMarkdown } from '../../src/report/markdown';
import { buildReport, DEFAULT_REPORT_OPTIONS } from '../../src/report/report-model';
import { reportSections } from '../../src/report/sections';
import { reportText } from '../../src/report/text';
import { isCommandHost } from '../../src/shared/command-host';
import { hasInvisible, visibleLine, visibleText } from '../../src/shared/visible-text';
import { translatorForLocale } from './fakes/messages';
import { activeMarkup } from './support/markdown-oracle';
import { errorNumber, hostileText, snapshot } from './support/arbitraries';
import { environment, history, NOW } from './support/snapshots';

const ajv = new Ajv({ allErrors: true, strict: false });
// RFC 3339 date-time, as toISOString writes it (ajv ships no formats of its own).
ajv.addFormat(
  'date-time',
  (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value) && !Number.isNaN(Date.parse(value)),
);
const validateReport = ajv.compile(schema);

const RUNS = { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 250) };

const language = fc.constantFrom<Language>('en', 'ru');

describe('the error-code decoder', () => {
  test('never throws, and names only a known code', () => {
    const names = new Set(KNOWN_ERRORS.map((e) => e.name));
    fc.assert(
      fc.property(fc.oneof(errorNumber, fc.anything()), (n) => {
        const decoded = decodeErrorNumber(n as number);
        expect(decoded.name === null || names.has(decoded.name)).toBe(true);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(hostileText, (text) => {
        parseNavigationError(text);
      }),
      RUNS,
    );
  });
});

describe('the sanitizer', () => {
  test('leaves no control, format or separator character, is idempotent, and keeps every other character in order', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const line = visibleLine(text);
        expect(hasInvisible(line)).toBe(false);
        expect(visibleLine(line)).toBe(line);
        const lines = visibleText(text);
        expect(hasInvisible(lines.replace(/[\n\t]/g, ''))).toBe(false);
        // Removing the visible names gives back the text without the invisible characters.
        if (!text.includes('\\'))
          expect(line.replace(/\\u\{[0-9a-f]+\}/g, '')).toBe(text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu, ''));
      }),
      RUNS,
    );
  });
});

describe('the diagnosis', () => {
  test('never throws; a failed load always gets causes and a guide with steps', () => {
    fc.assert(
      fc.property(snapshot, language, (s, lang) => {
        const diagnosis = diagnose(s, environment(), history());
        if (s.status !== 'failed') return;
        expect(diagnosis.causes.length).toBeGreaterThan(0);
        const catalogue = new Catalogue(lang, CATALOGUES[lang]);
        const top = diagnosis.causes[0];
        if (!top) return;
        const values = textValues({
          url: s.url,
          diagnosis,
          previous: null,
          formatDate: () => '2026-11-26',
          facts: { certificates: false, code: false, lastGood: false, failedParts: false, sslLabs: false, clock: false },
        });
        expect(fillEach(catalogue.cause(top.id).steps.default, values).length).toBeGreaterThan(0);
        expect(catalogue.cause(top.id).title).not.toBe('');
      }),
      RUNS,
    );
  });
});

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsIn);
  return [];
}

/** The tags and attributes the HTML report writes itself; nothing else may appear. */
const OWN_TAGS = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'p', 'ul', 'ol', 'li', 'pre', 'code', 'a']);
const OWN_ATTRIBUTES = new Set(['lang', 'charset', 'http-equiv', 'content', 'name', 'href']);

describe('every report format', () => {
  test('never throws; HTML and Markdown carry no active content from the input; text and JSON show no invisible character', () => {
    fc.assert(
      fc.property(snapshot, language, hostileText, fc.boolean(), fc.boolean(), (s, lang, note, includeChain, includePath) => {
        const diagnosis = diagnose(s, environment(), history());
        const t = translatorForLocale(lang);
        const report = buildReport({
          snapshot: s,
          diagnosis,
          clock: null,
          environment: { os: 'linux', firefoxVersion: '153.8.0esr' },
          lastGood: null,
          remembered: [],
          catalogue: new Catalogue(lang, CATALOGUES[lang]),
          evidenceText: (e) => evidenceText(e, t, lang),
          now: NOW,
          options: { ...DEFAULT_REPORT_OPTIONS, includeChain, includePath, includeQuery: includePath, note },
        });
        expect(report.problem.title).not.toBe('');
        const blocks = reportSections(report, t);

        const html = reportHtml(blocks, lang);
        const body = html.slice(html.indexOf('<body>'));
        for (const m of body.matchAll(/<\/?([A-Za-z][A-Za-z0-9-]*)([^>]*)>/g)) {
          expect(OWN_TAGS.has((m[1] ?? '').toLowerCase())).toBe(true);
          for (const a of (m[2] ?? '').replace(/"[^"]*"/g, '""').matchAll(/([A-Za-z-]+)\s*=/g))
            expect(OWN_ATTRIBUTES.has((a[1] ?? '').toLowerCase())).toBe(true);
        }
        // The only link is SSL Labs' for a valid public host, exactly as the report builds it.
        for (const m of body.matchAll(/href="([^"]*)"/g))
          expect(m[1]).toBe(`https://www.ssllabs.com/ssltest/analyze.html?d=${encodeURIComponent(report.site.host)}`);

        const md = reportMarkdown(blocks);
        const ownLink = `- <https://www.ssllabs.com/ssltest/analyze.html?d=${encodeURIComponent(report.site.host)}>`;
        const mayLink =
          isCommandHost(report.site.host) && sslLabsCanTest(report.site.host, report.site.port) && report.audience === 'site-owner';
        expect(
          activeMarkup(
            md
              .split('\n')
              .filter((line) => !(mayLink && line === ownLink))
              .join('\n'),
          ),
        ).toEqual([]);

        const text = reportText(blocks);
        // Line breaks and tabs are the note's own (multi-line text keeps them).
        expect(hasInvisible(text.replace(/[\n\t]/g, ''))).toBe(false);
        const json = JSON.parse(reportJson(report)) as unknown;
        expect(json).toEqual(JSON.parse(JSON.stringify(report)));
        expect(validateReport(json) ? [] : validateReport.errors).toEqual([]);
        for (const value of stringsIn(json)) expect(hasInvisible(value.replace(/[\n\t]/g, ''))).toBe(false);
        // No command names a host that is not a valid DNS name or IP address.
        for (const block of blocks)
          if (block.kind === 'code' && block.text.startsWith('openssl')) expect(isCommandHost(report.site.host)).toBe(true);
      }),
      RUNS,
    );
  });
});
