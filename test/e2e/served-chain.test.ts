// The chain a failed site sends, in a real Firefox: the companion is installed for this Firefox
// (its manifest in a HOME of its own), the person presses "Get the certificate this site sends"
// in the popup of a refused lab site, Firefox grants nativeMessaging (prompts off in this profile:
// the one thing a test cannot click) and starts the companion, and the popup and the report
// show what the site sent, with the sharper cause. Without the companion, the popup says what it
// would add, then that it is not installed, and nothing else changes.

import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { axeViolations } from '../firefox/axe';
import { openExtensionPage } from '../firefox/extension-pages';
import { projectRoot } from '../firefox/extension';
import { pollPage, visit } from '../firefox/launch';
import type { Lab } from '../lab/types';
import { useFirefoxWithCompanion } from './support/companion-session';

jest.setTimeout(120_000);

const DAY_MS = 24 * 60 * 60 * 1000;
const SCREENSHOTS = join(projectRoot, 'test-artifacts', 'screenshots');
const en = JSON.parse(readFileSync(join(projectRoot, '_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
const words = (key: string): string => en[key]?.message ?? `?${key}`;
/** A message's text before its first placeholder. */
const lead = (key: string): string => words(key).split('$')[0] ?? '';

interface Shown {
  readonly tabId: string;
  readonly causes: readonly string[];
  readonly verdict: string;
  readonly bypass: string;
  readonly served: string;
  readonly servedText: string;
  readonly certificates: readonly { readonly notBefore: number; readonly notAfter: number; readonly text: string }[];
  readonly names: string;
  readonly missingIssuer: string | null;
}

function read(popup: Page): Promise<Shown> {
  return popup.evaluate(() => {
    const root = document.querySelector('[data-testid="diagnosis"]');
    const section = document.querySelector('[data-testid="served-chain"]');
    return {
      tabId: root?.getAttribute('data-tab-id') ?? '',
      causes: (root?.getAttribute('data-causes') ?? '').split(',').filter((id) => id !== ''),
      verdict: root?.getAttribute('data-verdict') ?? '',
      bypass: root?.getAttribute('data-bypass') ?? '',
      served: section?.getAttribute('data-served') ?? '',
      servedText: section?.textContent ?? '',
      certificates: [...document.querySelectorAll('[data-testid="served-certificate"]')].map((li) => ({
        notBefore: Number(li.getAttribute('data-not-before')),
        notAfter: Number(li.getAttribute('data-not-after')),
        text: li.textContent,
      })),
      names: document.querySelector('[data-testid="served-names"]')?.textContent ?? '',
      missingIssuer: document.querySelector('[data-testid="served-missing-issuer"]')?.textContent ?? null,
    };
  });
}

/** Opens the popup of a visited failing site, presses the button and waits for the answer. */
async function pressGetCertificate(
  browser: Browser,
  url: string,
  before?: (popup: Page) => Promise<void>,
): Promise<{ shown: Shown; popup: Page }> {
  const popup = await openExtensionPage(browser, `popup/popup.html?url=${encodeURIComponent(url)}`);
  await pollPage(popup, 15_000, () =>
    popup.evaluate(() => document.querySelector('[data-action="get-served-chain"]') !== null || undefined),
  );
  if (before) await before(popup);
  // The certificate section is closed by default, as for every load: open it to press the button.
  await popup.evaluate(() => {
    const details = document.querySelector<HTMLDetailsElement>('[data-testid="certificate-details"]');
    if (details) details.open = true;
  });
  await popup.click('[data-action="get-served-chain"]');
  await pollPage(popup, 30_000, () =>
    popup.evaluate(() => {
      const served = document.querySelector('[data-testid="served-chain"]')?.getAttribute('data-served');
      return served && served !== 'offer' && served !== 'asking' ? true : undefined;
    }),
  );
  return { shown: await read(popup), popup };
}

function hasNativeMessaging(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    (globalThis as unknown as { browser: { permissions: { contains(p: unknown): Promise<boolean> } } }).browser.permissions.contains({
      permissions: ['nativeMessaging'],
    }),
  );
}

async function reportText(browser: Browser, tabId: string): Promise<string> {
  const report = await openExtensionPage(browser, `popup/report.html?tabId=${tabId}`);
  try {
    return await pollPage(report, 10_000, () =>
      report.evaluate(() => document.querySelector('[data-testid="report-preview"]')?.textContent || undefined),
    );
  } finally {
    await report.close().catch(() => undefined);
  }
}

describe('the chain a failed site sends, through the companion', () => {
  const session = useFirefoxWithCompanion();
  const firefox = (): { lab: Lab; browser: Browser } => session();
  /** Takes the manifest away (Firefox then finds no companion) or puts it back. */
  const setInstalled = (installed: boolean): void => {
    if (installed) renameSync(`${session().companion.manifestPath}.off`, session().companion.manifestPath);
    else renameSync(session().companion.manifestPath, `${session().companion.manifestPath}.off`);
  };

  test('missing intermediate (first visit of a fresh profile): the issuer the site leaves out, first cause, in the popup and the report', async () => {
    const { lab, browser } = firefox();
    const site = lab.byId('missing-intermediate');
    const page = await visit(browser, site.url);
    const { shown, popup } = await pressGetCertificate(browser, site.url, async (p) => {
      // Before the companion: the code alone ranks a CA Firefox does not trust first (the lab's expectation).
      expect((await read(p)).causes[0]).toBe(site.expectedDiagnosis.top);
      // Nothing asked yet: no permission, and the companion never started (visit and popup alone).
      expect(await hasNativeMessaging(p)).toBe(false);
      expect(session().companion.starts()).toBe(0);
    });
    try {
      expect(shown.served).toBe('chain');
      // The click granted the permission and started the companion once.
      expect(await hasNativeMessaging(popup)).toBe(true);
      expect(session().companion.starts()).toBe(1);
      // The lab's server sends its leaf alone (sendIssuer: false), issued by the lab's intermediate.
      expect(shown.certificates).toHaveLength(1);
      expect(shown.names).toContain('incomplete-chain.lab.test');
      expect(shown.missingIssuer).toContain('CN=Cert Doctor Lab Intermediate');
      expect(shown.causes[0]).toBe('missing-intermediate');
      expect(shown.verdict).toBe('site-fault');
      expect(shown.bypass).toBe('discouraged');
      // The section open with the chain: readable at the popup's narrowest width, no axe
      // violations, and a screenshot for review (test-artifacts/, not committed).
      for (const width of [320, 360]) {
        await popup.setViewport({ width, height: 900 });
        expect({ width, overflows: (await popup.evaluate(() => document.documentElement.scrollWidth)) > width }).toEqual({
          width,
          overflows: false,
        });
      }
      expect(await axeViolations(popup)).toEqual([]);
      mkdirSync(SCREENSHOTS, { recursive: true });
      await popup.screenshot({ path: join(SCREENSHOTS, 'popup-served-chain-light-360.png'), fullPage: true });
      const text = await reportText(browser, shown.tabId);
      expect(text).toContain(lead('reportServedChain'));
      const missingLine = text.split('\n').find((line) => line.includes(lead('reportServedMissingIssuer')));
      expect(missingLine).toContain('CN=Cert Doctor Lab Intermediate');
      expect(text).toContain('-----BEGIN CERTIFICATE-----');
      expect(text).toContain('incomplete-chain.lab.test');
    } finally {
      await popup.close().catch(() => undefined);
      await page.close().catch(() => undefined);
    }
  });

  test('expired: the exact dates the certificate the site sends carries', async () => {
    const { lab, browser } = firefox();
    const site = lab.byId('expired');
    const page = await visit(browser, site.url);
    const { shown, popup } = await pressGetCertificate(browser, site.url);
    try {
      expect(shown.served).toBe('chain');
      // The lab's leaf plus its intermediate; the leaf is valid from 120 to 30 days before the
      // lab started (test/lab/pki.ts, validity 'expired'); X.509 keeps whole seconds.
      expect(shown.certificates).toHaveLength(2);
      const leaf = shown.certificates[0];
      expect(leaf?.notAfter).toBeGreaterThanOrEqual(session().labStartedAfter - 30 * DAY_MS - 1000);
      expect(leaf?.notAfter).toBeLessThanOrEqual(session().labStartedBefore - 30 * DAY_MS);
      expect(leaf?.notBefore).toBeGreaterThanOrEqual(session().labStartedAfter - 120 * DAY_MS - 1000);
      expect(leaf?.notBefore).toBeLessThanOrEqual(session().labStartedBefore - 120 * DAY_MS);
      expect(shown.missingIssuer).toBeNull();
      expect(shown.causes[0]).toBe('cert-expired');
      const text = await reportText(browser, shown.tabId);
      expect(text).toContain(new Date(leaf?.notAfter ?? 0).toISOString());
    } finally {
      await popup.close().catch(() => undefined);
      await page.close().catch(() => undefined);
    }
  });

  test('wrong host: the names the certificate covers', async () => {
    const { lab, browser } = firefox();
    const site = lab.byId('wrong-host');
    const page = await visit(browser, site.url);
    const { shown, popup } = await pressGetCertificate(browser, site.url);
    try {
      expect(shown.served).toBe('chain');
      // The lab serves a certificate for other-site.lab.test on this address.
      expect(shown.names).toContain('other-site.lab.test');
      expect(shown.names).not.toContain('wrong-host.lab.test');
      expect(shown.causes[0]).toBe('name-mismatch');
      const evidence = await popup.evaluate(() => document.querySelector('[data-testid="diagnosis"]')?.textContent ?? '');
      expect(evidence).toContain(`${lead('evidenceNames')}other-site.lab.test`);
      const text = await reportText(browser, shown.tabId);
      expect(text).toContain('other-site.lab.test');
      expect(text).toContain(lead('reportServedChain'));
    } finally {
      await popup.close().catch(() => undefined);
      await page.close().catch(() => undefined);
    }
  });

  test('self-signed: one certificate, issued by itself', async () => {
    const { lab, browser } = firefox();
    const site = lab.byId('self-signed');
    const page = await visit(browser, site.url);
    const { shown, popup } = await pressGetCertificate(browser, site.url);
    try {
      expect(shown.served).toBe('chain');
      expect(shown.certificates).toHaveLength(1);
      expect(shown.names).toContain('self-signed.lab.test');
      expect(shown.missingIssuer).toBeNull();
      expect(shown.causes[0]).toBe('self-signed');
      const text = await reportText(browser, shown.tabId);
      expect(text).toContain(lead('reportServedChain'));
    } finally {
      await popup.close().catch(() => undefined);
      await page.close().catch(() => undefined);
    }
  });

  test('without the companion: the popup says what it would add, then that it is not installed; nothing else changes', async () => {
    const { lab, browser } = firefox();
    const site = lab.byId('untrusted-issuer');
    setInstalled(false);
    const startsBefore = session().companion.starts();
    const page = await visit(browser, site.url);
    let before: Shown | undefined;
    try {
      const { shown, popup } = await pressGetCertificate(browser, site.url, async (p) => {
        before = await read(p);
        expect(before.served).toBe('offer');
        expect(before.servedText).toContain(words('servedOffer'));
      });
      try {
        expect(shown.served).toBe('not-installed');
        // Without a manifest, Firefox starts nothing.
        expect(session().companion.starts()).toBe(startsBefore);
        expect(shown.servedText).toContain(words('servedNotInstalled'));
        expect(shown.causes).toEqual(before?.causes);
        expect(shown.verdict).toBe(before?.verdict);
        expect(shown.verdict).toBe(site.expectedDiagnosis.verdict);
        // The button stays, for after the companion is installed.
        expect(await popup.evaluate(() => document.querySelector('[data-action="get-served-chain"]') !== null)).toBe(true);
        const text = await reportText(browser, shown.tabId);
        expect(text).not.toContain(lead('reportServedChain'));
      } finally {
        await popup.close().catch(() => undefined);
      }
    } finally {
      setInstalled(true);
      await page.close().catch(() => undefined);
    }
  });
});
