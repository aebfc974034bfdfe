/** @jest-environment jsdom */
// The one sanitizer for strangers' text (src/shared/visible-text.ts), and the places that show
// strangers' text with it: the popup's certificate, facts and technical details, the options
// page's history, and the report. Expected replacements are written from the Unicode categories
// (Cc, Cf, Zl, Zp), never copied from the output.

import { render } from '@testing-library/preact';
import { OptionsView } from '../../options/OptionsView';
import { CertificateDetails } from '../../popup/CertificateDetails';
import { DiagnosisView } from '../../popup/DiagnosisView';
import type { SnapshotView } from '../../popup/popup-state';
import { recordFailure, startLoad } from '../../src/capture/navigation-state';
import { diagnose } from '../../src/diagnosis/diagnose';
import { Catalogue } from '../../src/guide/catalogue';
import { CATALOGUES } from '../../src/guide/catalogue-data';
import { cleanLine, cleanText } from '../../src/report/sanitize';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { hasInvisible, visibleLine, visibleText } from '../../src/shared/visible-text';
import { decodedFacts } from '../../src/views/build-view';
import { translatorForLocale } from './fakes/messages';
import type { CapturedCertificate } from '../../src/shared/tab-snapshot';
import { DAY, environment, history, loaded, NOW, security } from './support/snapshots';

const en = translatorForLocale('en');
const guide = new Catalogue('en', CATALOGUES.en);

/** The characters the issue names, each with its Unicode general category (UnicodeData.txt). */
const NAMED: readonly [number, string][] = [
  [0x200b, 'Cf ZERO WIDTH SPACE'],
  [0x200c, 'Cf ZERO WIDTH NON-JOINER'],
  [0x200d, 'Cf ZERO WIDTH JOINER'],
  [0x2028, 'Zl LINE SEPARATOR'],
  [0x2029, 'Zp PARAGRAPH SEPARATOR'],
  [0xfeff, 'Cf ZERO WIDTH NO-BREAK SPACE (BOM)'],
  [0x061c, 'Cf ARABIC LETTER MARK'],
  [0x00ad, 'Cf SOFT HYPHEN'],
  [0x2060, 'Cf WORD JOINER'],
  [0x2061, 'Cf FUNCTION APPLICATION'],
  [0x2062, 'Cf INVISIBLE TIMES'],
  [0x2063, 'Cf INVISIBLE SEPARATOR'],
  [0x2064, 'Cf INVISIBLE PLUS'],
  [0x206a, 'Cf INHIBIT SYMMETRIC SWAPPING'],
  [0x206f, 'Cf NOMINAL DIGIT SHAPES'],
  [0x202e, 'Cf RIGHT-TO-LEFT OVERRIDE'],
  [0x2066, 'Cf LEFT-TO-RIGHT ISOLATE'],
  [0x200f, 'Cf RIGHT-TO-LEFT MARK'],
  [0xe0041, 'Cf TAG LATIN CAPITAL LETTER A'],
  [0x0007, 'Cc BELL'],
  [0x0085, 'Cc NEXT LINE'],
  [0x000a, 'Cc LINE FEED'],
];

describe('visibleLine: every control, format and separator character named, none deleted', () => {
  test.each(NAMED.map(([codePoint, name]) => [codePoint.toString(16).toUpperCase().padStart(4, '0'), name, codePoint] as const))(
    'U+%s (%s) is replaced by its visible name',
    (_, __, codePoint) => {
      const character = String.fromCodePoint(codePoint);
      const out = visibleLine(`a${character}b`);
      expect(out).toBe(`a\\u{${codePoint.toString(16)}}b`);
      expect(hasInvisible(out)).toBe(false);
    },
  );

  test('letters, digits, punctuation, spaces and other scripts stay as they are', () => {
    const plain = 'CN=Пример Ltd., O=例え (test) — 100 % \u00a0ok';
    expect(visibleLine(plain)).toBe(plain);
  });

  test('a lone surrogate (cannot be encoded) is named; a whole pair (an emoji) is kept', () => {
    expect(visibleLine('a\ud800b')).toBe('a\\u{d800}b');
    expect(visibleLine('ok 😀')).toBe('ok 😀');
  });

  test('multi-line text keeps tab and line feed, and turns CR LF into LF', () => {
    expect(visibleText('one\r\ntwo\tthree\u2028four\u0000')).toBe('one\ntwo\tthree\\u{2028}four\\u{0}');
  });

  test('a long value is cut with an ellipsis, never inside a surrogate pair', () => {
    expect(visibleLine('a'.repeat(20), 10)).toBe(`${'a'.repeat(9)}…`);
    expect(visibleLine(`${'a'.repeat(8)}😀😀`, 10)).toBe(`${'a'.repeat(8)}…`);
  });

  test("the report sanitizer is this one (with the report's length caps)", () => {
    expect(cleanLine('x\u200by')).toBe('x\\u{200b}y');
    expect(cleanText('x\u2029y\nz')).toBe('x\\u{2029}y\nz');
  });
});

describe("the popup shows strangers' text with invisible characters named", () => {
  test('certificate subject and issuer with U+202E and U+200B: named in the certificate section', () => {
    const certificate = (subject: string, issuer: string): CapturedCertificate => ({
      subject,
      issuer,
      notBefore: NOW - DAY,
      notAfter: NOW + 30 * DAY,
      sha256: 'AA:BB',
      sha1: 'CC',
      serialNumber: '01',
      isBuiltInRoot: false,
      spkiSha256: 'spki',
      derBase64: '',
    });
    const hostile = [
      certificate('CN=moc.\u202elive\u200b.example', 'CN=Evil\u2066 CA\u200d'),
      certificate('CN=Evil\u2066 CA\u200d', 'CN=Evil\u2066 CA\u200d'),
    ];
    const url = 'https://shop.example.com/';
    const snapshot = loaded(url, security(url, hostile));
    const view: SnapshotView = {
      kind: 'snapshot',
      snapshot,
      clock: null,
      badgeText: '',
      environment: null,
      lastGood: null,
      diagnosis: diagnose(snapshot, environment(), history()),
      ...decodedFacts(snapshot),
      certificates: { parsed: [{ key: 'EC', names: ['shop.example.com\u200b'] }, null], pem: '' },
      now: NOW,
    };
    const { container } = render(<CertificateDetails view={view} t={en} locale="en" />);
    const text = container.textContent;
    expect(hasInvisible(text)).toBe(false);
    expect(text).toContain('moc.\\u{202e}live\\u{200b}.example');
    expect(text).toContain('CN=Evil\\u{2066} CA\\u{200d}');
    expect(text).toContain('shop.example.com\\u{200b}');
  });

  test("Firefox's message and an address with invisible characters: named in the technical details", () => {
    const url = 'https://a.test/\u202egnp.exe';
    const failed = recordFailure(startLoad(1, url, 0), 1, url, 'Error code 2153390069\u200b\u2028', 1);
    if (!failed) throw new Error('expected a failure');
    const diagnosis = diagnose(failed, environment(), history());
    const { container } = render(
      <DiagnosisView
        catalogue={guide}
        state={{
          kind: 'snapshot',
          snapshot: failed,
          clock: null,
          badgeText: '',
          environment: null,
          lastGood: null,
          diagnosis,
          ...decodedFacts(failed),
          now: NOW,
        }}
        t={en}
      />,
    );
    const text = container.textContent;
    expect(hasInvisible(text)).toBe(false);
    expect(text).toContain('\\u{200b}\\u{2028}');
  });
});

describe("the options page's history shows a stored address with invisible characters named", () => {
  test('an incident whose address is not a URL (shown whole) has its U+202E and U+FEFF named', () => {
    const url = 'moc.\u202eevil\ufeff';
    // Capture stores only parsed URLs now (storableUrl); a record written by an older version,
    // or altered on disk, can still hold any text.
    const recordedFailure = recordFailure(startLoad(1, 'https://a.test/', 10), 1, 'https://a.test/', 'Error code 2153390069', 11);
    if (!recordedFailure) throw new Error('expected a failure');
    const snapshot = { ...recordedFailure, url };
    const { container } = render(
      <OptionsView
        settings={DEFAULT_SETTINGS}
        rememberedCount={0}
        t={en}
        onChange={() => undefined}
        onClearRemembered={() => undefined}
        incidents={[{ id: '1', at: NOW, snapshot, clock: null }]}
        locale="en"
        onViewIncident={() => undefined}
        onReportIncident={() => undefined}
        onExportHistory={() => undefined}
        onClearHistory={() => undefined}
      />,
    );
    const history = container.querySelector('[data-testid="history"]');
    expect(history?.textContent).toContain('moc.\\u{202e}evil\\u{feff}');
    expect(hasInvisible(container.innerHTML)).toBe(false);
  });
});
