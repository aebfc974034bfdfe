// Which quoted labels count as claims about Firefox's error page, and when the page backs them.
// The strings here are Firefox 153's en-US ones (certError.ftl, netError.ftl, config.ftl); the
// e2e oracle reads them from the running Firefox instead.

import { ERROR_PAGE_BUTTON_IDS, HOST_SENTINEL, checkClaims, type ClaimInputs } from '../firefox/error-page-claims';

const EN_US: Readonly<Record<string, string>> = {
  'fp-certerror-advanced-button': 'Advanced',
  'fp-certerror-hide-advanced-button': 'Hide advanced',
  'fp-certerror-override-exception-button-2': 'Proceed to {host} (Risky)',
  'fp-certerror-return-to-previous-page-recommended-button-2': 'Go back (Recommended)',
  'neterror-advanced-button': 'Advanced…',
  'neterror-copy-to-clipboard-button': 'Copy text to clipboard',
  'neterror-override-exception-button': 'Accept the Risk and Continue',
  'neterror-pref-reset-button': 'Restore default settings',
  'neterror-return-to-previous-page-button': 'Go Back',
  'neterror-return-to-previous-page-recommended-button': 'Go Back (Recommended)',
  'neterror-try-again-button-2': 'Try Again',
  'neterror-add-exception-button': 'Always continue for this site',
  'neterror-settings-button': 'Change DNS settings',
};

function stringsFor(host: string): Record<string, string> {
  return Object.fromEntries(Object.entries(EN_US).map(([id, text]) => [id, text.replace('{host}', host)]));
}

const inputs: ClaimInputs = {
  patterns: stringsFor(HOST_SENTINEL),
  forThisHost: stringsFor('expired.example:8443'),
  aboutConfigButton: 'Accept the Risk and Continue',
  hedge: 'if that button is missing',
};

const EXPIRED_PAGE = {
  design: 'felt-privacy' as const,
  labels: ['Advanced', 'Go back (Recommended)', 'Hide advanced', 'Proceed to expired.example:8443 (Risky)'],
};
const NO_EXCEPTION_PAGE = { design: 'felt-privacy' as const, labels: ['Advanced', 'Go back (Recommended)', 'Hide advanced'] };

const block = (text: string) => ({ text, quotes: [...text.matchAll(/“([^”]+)”/g)].map((m) => m[1] ?? '') });

describe('error-page claims', () => {
  test('every button id has a string here (the list and this table agree)', () => {
    expect([...ERROR_PAGE_BUTTON_IDS].sort()).toEqual(Object.keys(EN_US).sort());
  });

  test('labels shown on the page are backed; labels of the legacy page are not', () => {
    const checks = checkClaims(
      [block('Click “Advanced”, then “Proceed to expired.example:8443 (Risky)”.'), block('Click “Advanced…” and “Go Back (Recommended)”.')],
      EXPIRED_PAGE,
      inputs,
    );
    expect(checks.map((c) => [c.quote, c.backed])).toEqual([
      ['Advanced', true],
      ['Proceed to expired.example:8443 (Risky)', true],
      ['Advanced…', false],
      ['Go Back (Recommended)', false],
    ]);
  });

  test('the exception button with another host is a claim, and not backed', () => {
    const checks = checkClaims([block('Click “Proceed to expired.example (Risky)”.')], EXPIRED_PAGE, inputs);
    expect(checks.map((c) => [c.id, c.backed])).toEqual([['fp-certerror-override-exception-button-2', false]]);
  });

  test('quotes of other UI are not claims', () => {
    expect(checkClaims([block('Open “Settings” and click “View Certificates…”.')], EXPIRED_PAGE, inputs)).toEqual([]);
  });

  test("about:config's own button is not an error-page claim in a step that names about:config, and is one elsewhere", () => {
    const aboutConfig = block('If `about:config` shows a warning first, click its “Accept the Risk and Continue”.');
    expect(checkClaims([aboutConfig], EXPIRED_PAGE, inputs)).toEqual([]);
    expect(checkClaims([block('Click “Accept the Risk and Continue”.')], EXPIRED_PAGE, inputs).map((c) => c.backed)).toEqual([false]);
  });

  test('a hedged exception claim is backed on a page without the button, only with the exact label', () => {
    const hedged = block(
      'Click “Advanced”, then “Proceed to expired.example:8443 (Risky)”; if that button is missing, Firefox or your organization does not allow an exception here.',
    );
    const plain = block('Click “Advanced”, then “Proceed to expired.example:8443 (Risky)”.');
    const wrongHost = block('Click “Proceed to expired.example (Risky)”; if that button is missing, ask.');
    expect(checkClaims([hedged, plain, wrongHost], NO_EXCEPTION_PAGE, inputs).map((c) => [c.quote, c.backed])).toEqual([
      ['Advanced', true],
      ['Proceed to expired.example:8443 (Risky)', true],
      ['Advanced', true],
      ['Proceed to expired.example:8443 (Risky)', false],
      ['Proceed to expired.example (Risky)', false],
    ]);
  });
});
