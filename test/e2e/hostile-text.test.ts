// Strangers' text in the real Firefox: a lab site whose certificate's subject holds a
// right-to-left override (U+202E) and a zero-width space (U+200B). Firefox hands the extension
// the subject with both characters in it; the popup's certificate section and the report page's
// Markdown preview show them named (`\u{202e}`), never as invisible characters that reorder or
// hide the name. Its own lab (startLabWith) and Firefox, so the shared case table is untouched.

import type { Browser, Page } from 'puppeteer-core';
import { openExtensionPage } from '../firefox/extension-pages';
import { packagedExtensionPath } from '../firefox/extension';
import { installExtension, launchFirefox, pollPage, readPopupFor, visit } from '../firefox/launch';
import { createTrustingProfile } from '../firefox/profile';
import type { LabCaseDefinition } from '../lab/cases';
import { startLabWith } from '../lab/lab';
import type { Lab } from '../lab/types';

jest.setTimeout(180_000);

const HOST = 'hostile-name.lab.test';
/** Written into the certificate by the lab: "moc.<RLO>live<ZWSP>.lab.test" would show as "moc.tset.bal.evil". */
const COMMON_NAME = `moc.\u202elive\u200b.lab.test`;
const SHOWN = 'moc.\\u{202e}live\\u{200b}.lab.test';

const HOSTILE_NAME: LabCaseDefinition = {
  spec: {
    id: 'hostile-name',
    title: 'A valid certificate whose name holds a right-to-left override and a zero-width space.',
    host: HOST,
    path: '/',
    expectedCode: '',
    expectedDiagnosis: { verdict: 'caution', bypass: '', top: 'private-ca' },
  },
  server: { kind: 'https', credential: { issuer: 'intermediate', dnsNames: [HOST], commonName: COMMON_NAME } },
};

/** The leaf's subject as the extension stored it for the tab showing `url` (read from an extension page). */
function storedSubject(page: Page, url: string): Promise<string | undefined> {
  return page.evaluate(async (wanted) => {
    const api = (globalThis as unknown as { browser: { storage: { session: { get(keys: null): Promise<Record<string, unknown>> } } } })
      .browser;
    for (const [key, value] of Object.entries(await api.storage.session.get(null))) {
      const view = value as { snapshot?: { url: string; security?: { certificates: { subject: string }[] } } };
      if (key.startsWith('view:') && view.snapshot?.url === wanted && view.snapshot.security)
        return view.snapshot.security.certificates[0]?.subject;
    }
    return undefined;
  }, url);
}

/** The report page's preview once it shows `format`. */
async function previewIn(report: Page, format: string): Promise<string> {
  await report.select('[data-testid="report-format"]', format);
  return pollPage(report, 10_000, () =>
    report.evaluate(
      (wanted) =>
        document.querySelector('[data-testid="report"]')?.getAttribute('data-format') === wanted
          ? document.querySelector('[data-testid="report-preview"]')?.textContent || undefined
          : undefined,
      format,
    ),
  );
}

function hasHiddenCharacters(text: string): boolean {
  return /[\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff]/.test(text);
}

describe("strangers' text with invisible characters, in Firefox", () => {
  let lab: Lab | undefined;
  let browser: Browser | undefined;
  const cleanUp: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    lab = await startLabWith([HOSTILE_NAME]);
    const started = lab;
    cleanUp.push(() => started.stop());
    const profile = await createTrustingProfile(lab.trustedRoots);
    cleanUp.push(() => profile.remove());
    browser = await launchFirefox({ profileDir: profile.dir, localHosts: lab.hosts });
    const launched = browser;
    cleanUp.unshift(() => launched.close());
    await installExtension(browser, packagedExtensionPath());
  }, 120_000);

  afterAll(async () => {
    for (const step of cleanUp) await step().catch(() => undefined);
  });

  test("the popup and the report name U+202E and U+200B in the certificate's subject", async () => {
    if (!lab || !browser) throw new Error('the lab or Firefox did not start (see beforeAll)');
    const site = lab.byId('hostile-name');
    await visit(browser, site.url);
    expect((await readPopupFor(browser, site.url)).status).toBe('loaded');

    const popup = await openExtensionPage(browser, `popup/popup.html?url=${encodeURIComponent(site.url)}`);
    try {
      // What Firefox gave: the subject with the invisible characters in it.
      const subject = await pollPage(popup, 15_000, () => storedSubject(popup, site.url));
      expect(subject).toContain(COMMON_NAME);

      const shown = await pollPage(popup, 15_000, () =>
        popup.evaluate(() => document.querySelector('[data-testid="certificate-details"]')?.textContent ?? undefined),
      );
      expect(shown).toContain(SHOWN);
      expect(hasHiddenCharacters(await popup.evaluate(() => document.body.textContent))).toBe(false);
    } finally {
      await popup.close().catch(() => undefined);
    }

    const report = await openExtensionPage(browser, `popup/report.html?url=${encodeURIComponent(site.url)}`);
    try {
      await pollPage(report, 15_000, () =>
        report.evaluate(() => document.querySelector('[data-testid="report"][data-ready="true"]') !== null || undefined),
      );
      // Plain text: the name exactly as the popup shows it.
      expect(await previewIn(report, 'text')).toContain(SHOWN);
      // Markdown: the same, with CommonMark's escapes for the backslash and braces (it reads the same).
      const markdown = await previewIn(report, 'markdown');
      expect(markdown).toContain('moc\\.\\\\u\\{202e\\}live\\\\u\\{200b\\}\\.lab\\.test');
      expect(hasHiddenCharacters(markdown)).toBe(false);
    } finally {
      await report.close().catch(() => undefined);
    }
  });
});
