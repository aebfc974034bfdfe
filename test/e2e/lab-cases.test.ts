// Every lab case in a real headless Firefox with the packaged extension installed: visit the
// broken (or fine) site in a fresh tab, open the popup for that URL, and check the exact code
// that Firefox reported and the diagnosis Cert Doctor gives (verdict, bypass rule, causes in
// rank order, product), against the expectations written into the lab's case table.

import { pollPage, readPopupFor, readPopupForTab, readPopupUntil, visit, type DiagnosisAttributes } from '../firefox/launch';
import { loadedFirst, orderForVisits } from '../lab/visit-order';
import { LAB_CASE_SPECS } from '../lab/cases';
import type { ExpectedDiagnosis } from '../lab/types';
import { useFirefoxSession } from './support/session';
import { loadMessages } from '../unit/fakes/messages';

const messages = loadMessages('en');

/** What the popup shows, in the shape of the lab's expectations. */
function diagnosisOf(shown: DiagnosisAttributes, expected: ExpectedDiagnosis): ExpectedDiagnosis {
  return {
    verdict: shown.verdict as ExpectedDiagnosis['verdict'],
    bypass: shown.bypass as ExpectedDiagnosis['bypass'],
    top: shown.causes[0] ?? '',
    ...(expected.product !== undefined || shown.product !== '' ? { product: shown.product } : {}),
    ...(expected.includes ? { includes: expected.includes.filter((id) => shown.causes.slice(1).includes(id)) } : {}),
  };
}

jest.setTimeout(60_000);

describe('lab cases in Firefox, with the packaged extension', () => {
  const session = useFirefoxSession();

  // Visit order matters: the missing-intermediate case must come before any server has sent
  // the intermediate (Firefox caches it), and the HSTS case after the page that sets HSTS.
  // Cases that need Firefox preferences of their own run in test/e2e/network-situations.test.ts.
  const ordered = loadedFirst(orderForVisits(LAB_CASE_SPECS.filter((spec) => spec.firefoxPrefs === undefined)));

  test('the suite covers at least 14 cases', () => {
    expect(ordered.length).toBeGreaterThanOrEqual(14);
  });

  test.each(ordered.map((c) => [c.id, c.expectedCode || '(loads)', c] as const))('%s: %s', async (_id, _label, spec) => {
    const { lab, browser } = session();
    const labCase = lab.byId(spec.id);
    const page = await visit(browser, labCase.url);
    try {
      const expected = labCase.expectedDiagnosis;
      // The background records what it learns of sites (HSTS, the last good certificate) in
      // batches, and the popup re-renders when they land: wait for the expected diagnosis, and
      // compare whatever is shown last.
      const shown = await readPopupUntil(
        browser,
        labCase.url,
        (s) => JSON.stringify(diagnosisOf(s, expected)) === JSON.stringify(expected),
      );
      expect({ status: shown.status, code: shown.code, diagnosis: diagnosisOf(shown, expected) }).toEqual({
        status: labCase.expectedCode ? 'failed' : 'loaded',
        code: labCase.expectedCode,
        diagnosis: expected,
      });
      // What the person reads: the verdict in words, and numbered steps.
      const verdictText = messages[`verdict_${expected.verdict.replace('-', '_')}`]?.message ?? '?';
      expect({ banner: shown.text.includes(verdictText), steps: shown.text.includes(messages['stepsTitle']?.message ?? '?') }).toEqual({
        banner: true,
        steps: true,
      });
    } finally {
      await page.close().catch(() => undefined);
    }
  });

  test('popup.html?tabId=N shows that tab, the same diagnosis as ?url=U', async () => {
    const { lab, browser } = session();
    const labCase = lab.byId('self-signed');
    const page = await visit(browser, labCase.url);
    try {
      const byUrl = await readPopupFor(browser, labCase.url);
      expect(byUrl.tabId).toMatch(/^\d+$/);
      const byTab = await readPopupForTab(browser, byUrl.tabId);
      expect({ tabId: byTab.tabId, code: byTab.code }).toEqual({ tabId: byUrl.tabId, code: 'MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT' });
    } finally {
      await page.close().catch(() => undefined);
    }
  });

  // The lab's HSTS case is only worth having if Firefox really forbids the bypass there. Firefox
  // marks such an error page with s=badStsCert in its about:certerror address and drops the
  // exception button; an ordinary expired certificate keeps it.
  test('the HSTS case is one Firefox will not let a person bypass, unlike an ordinary bad certificate', async () => {
    const { lab, browser } = session();
    const errorPageAddress = async (id: string): Promise<string> => {
      const page = await visit(browser, lab.byId(id).url);
      try {
        return await pollPage(page, 10_000, async () => {
          const address = await page.evaluate(() => document.documentURI);
          return address.startsWith('about:certerror') ? address : undefined;
        });
      } finally {
        await page.close().catch(() => undefined);
      }
    };
    expect(await errorPageAddress('hsts-broken')).toContain('s=badStsCert');
    expect(await errorPageAddress('expired')).not.toContain('s=badStsCert');
  });
});
