// Every lab case in a real headless Firefox with the packaged extension installed: visit the
// broken (or fine) site in a fresh tab, open the popup for that URL, and check the exact code
// that Firefox reported and Cert Doctor shows.

import type { Browser } from 'puppeteer-core';
import { packagedExtensionPath } from '../firefox/extension';
import { installExtension, launchFirefox, pollPage, readPopupFor, readPopupForTab, visit } from '../firefox/launch';
import { createTrustingProfile, type TestProfile } from '../firefox/profile';
import { startLab } from '../lab/lab';
import { orderForVisits } from '../lab/visit-order';
import { LAB_CASE_SPECS } from '../lab/cases';
import type { Lab } from '../lab/types';

jest.setTimeout(60_000);

describe('lab cases in Firefox, with the packaged extension', () => {
  let lab: Lab;
  let browser: Browser;
  const cleanUp: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    lab = await startLab();
    cleanUp.push(() => lab.stop());
    const profile: TestProfile = await createTrustingProfile(lab.trustedRoots);
    cleanUp.push(() => profile.remove());
    browser = await launchFirefox({ profileDir: profile.dir, localHosts: lab.hosts });
    cleanUp.unshift(() => browser.close());
    await installExtension(browser, packagedExtensionPath());
  }, 120_000);

  afterAll(async () => {
    for (const step of cleanUp) await step().catch(() => undefined);
  });

  // Visit order matters: the missing-intermediate case must come before any server has sent
  // the intermediate (Firefox caches it), and the HSTS case after the page that sets HSTS.
  const ordered = orderForVisits(LAB_CASE_SPECS);

  test('the suite covers at least 14 cases', () => {
    expect(ordered.length).toBeGreaterThanOrEqual(14);
  });

  test.each(ordered.map((c) => [c.id, c.expectedCode || '(loads)', c] as const))('%s: %s', async (_id, _label, spec) => {
    const labCase = lab.byId(spec.id);
    const page = await visit(browser, labCase.url);
    try {
      const shown = await readPopupFor(browser, labCase.url);
      expect({ status: shown.status, code: shown.code }).toEqual({
        status: labCase.expectedCode ? 'failed' : 'loaded',
        code: labCase.expectedCode,
      });
    } finally {
      await page.close().catch(() => undefined);
    }
  });

  test('popup.html?tabId=N shows that tab, the same diagnosis as ?url=U', async () => {
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
