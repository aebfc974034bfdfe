// The report in a real Firefox: made from the popup for a lab case, it names the fix; copy puts
// exactly the preview on the clipboard; save writes the same text into the downloads folder;
// the email draft link carries a subject and the body; the contact lookup reads security.txt
// where it can be fetched securely, and otherwise says its addresses are a guess.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { findPageWith, openExtensionPage } from '../firefox/extension-pages';
import { pollPage, readPopupFor, visit } from '../firefox/launch';
import { useFirefoxSession } from './support/session';

jest.setTimeout(90_000);

const downloads = mkdtempSync(join(tmpdir(), 'cert-doctor-downloads-'));
afterAll(() => {
  rmSync(downloads, { recursive: true, force: true });
});

async function preview(page: Page): Promise<string> {
  return pollPage(page, 10_000, () =>
    page.evaluate(() => document.querySelector('[data-testid="report-preview"]')?.textContent || undefined),
  );
}

describe('the report in Firefox', () => {
  const firefox = useFirefoxSession({
    'extensions.webextOptionalPermissionPrompts': false,
    'browser.download.dir': downloads,
    'browser.download.folderList': 2,
    'browser.download.useDownloadDir': true,
    'browser.download.start_downloads_in_tmp_dir': false,
    'browser.download.panel.shown': true,
    'dom.events.testing.asyncClipboard': true,
  });

  test("missing intermediate: from the popup's button to a report that names the fix; copy, save and email", async () => {
    const { lab, browser } = firefox();
    const site = lab.byId('missing-intermediate');
    const tab = await visit(browser, site.url);
    const popup = await openExtensionPage(browser, `popup/popup.html?url=${encodeURIComponent(site.url)}`);
    try {
      expect((await readPopupFor(browser, site.url)).code).toBe('SEC_ERROR_UNKNOWN_ISSUER');
      await pollPage(popup, 10_000, () => popup.evaluate(() => document.querySelector('[data-action="report"]') !== null || undefined));
      await popup.click('[data-action="report"]');
      const report = await pollPage(popup, 10_000, () => findPageWith(browser, '[data-testid="report"][data-ready="true"]'));
      const text = await preview(report);
      expect(await report.evaluate(() => document.querySelector('[data-testid="report"]')?.getAttribute('data-audience'))).toBe(
        'site-owner',
      );
      expect(text).toContain('SEC_ERROR_UNKNOWN_ISSUER');
      expect(text).toContain('fullchain.pem');
      expect(text).toContain('ssl_certificate');
      expect(text).toContain(
        `openssl s_client -connect incomplete-chain.lab.test:${site.port} -servername incomplete-chain.lab.test -showcerts`,
      );

      await report.click('[data-action="copy-report"]');
      await pollPage(report, 5_000, () =>
        report.evaluate(() => document.querySelector('[data-testid="report-status"]')?.getAttribute('data-status') === 'done' || undefined),
      );
      expect(await report.evaluate(() => navigator.clipboard.readText())).toBe(text);

      await report.click('[data-action="save-report"]');
      const saved = await pollPage(report, 15_000, () => {
        const file = readdirSync(downloads).find((f) => /^cert-doctor-report-incomplete-chain\.lab\.test-\d{4}-\d{2}-\d{2}\.txt$/.test(f));
        return Promise.resolve(file && readFileSync(join(downloads, file), 'utf8').length > 0 ? file : undefined);
      });
      expect(readFileSync(join(downloads, saved), 'utf8')).toBe(text);

      const href = await report.evaluate(() => document.querySelector('[data-action="email-report"]')?.getAttribute('href') ?? '');
      const mail = new URL(href);
      expect(mail.protocol).toBe('mailto:');
      expect(mail.searchParams.get('subject')).toContain('incomplete-chain.lab.test');
      expect(mail.searchParams.get('body')).toContain('SEC_ERROR_UNKNOWN_ISSUER');

      // No security.txt can be fetched securely from a host with a broken chain: a guess, said to be one.
      await report.click('[data-action="find-contact"]');
      const kind = await pollPage(report, 15_000, () =>
        report.evaluate(() => document.querySelector('[data-testid="contact"]')?.getAttribute('data-contact') ?? undefined),
      );
      expect(kind).toBe('guess');
      expect(await report.evaluate(() => document.querySelector('[data-testid="contact"]')?.textContent)).toContain(
        'security@incomplete-chain.lab.test',
      );

      await report.select('[data-testid="report-format"]', 'json');
      const json = JSON.parse(
        await pollPage(report, 5_000, async () => {
          const t = await preview(report);
          return t.startsWith('{') ? t : undefined;
        }),
      ) as { $schema: string; site: { address: string } };
      expect(json.$schema).toBe('https://cert-doctor.net/schemas/report-1.json');
      expect(json.site.address).toBe(new URL(site.url).origin);
      await report.close();
    } finally {
      await popup.close().catch(() => undefined);
      await tab.close().catch(() => undefined);
    }
  });

  test("a report from the options' history of a past problem", async () => {
    const { lab, browser } = firefox();
    const site = lab.byId('expired');
    const tab = await visit(browser, site.url);
    const options = await openExtensionPage(browser, 'options/options.html');
    try {
      await readPopupFor(browser, site.url);
      const host = `expired.lab.test:${site.port}`;
      await pollPage(options, 10_000, () =>
        options.evaluate((h) => document.querySelector('[data-testid="history"]')?.textContent.includes(h) || undefined, host),
      );
      await options.evaluate((h) => {
        const item = [...document.querySelectorAll('[data-incident]')].find((li) => li.textContent.includes(h));
        item?.querySelector<HTMLButtonElement>('[data-action="report-incident"]')?.click();
      }, host);
      const report = await pollPage(options, 10_000, () => findPageWith(browser, '[data-testid="report-preview"]'));
      const text = await preview(report);
      expect(text).toContain('SEC_ERROR_EXPIRED_CERTIFICATE');
      expect(text).toContain(`expired.lab.test:${site.port}`);
      await report.close();
    } finally {
      await options.close().catch(() => undefined);
      await tab.close().catch(() => undefined);
    }
  });

  test('the contact: security.txt found on the www twin, and the email draft goes to it', async () => {
    const { lab, browser } = firefox();
    const site = lab.byId('bare-name');
    const tab = await visit(browser, site.url);
    try {
      const { tabId } = await readPopupFor(browser, site.url);
      const report = await openExtensionPage(browser, `popup/report.html?tabId=${tabId}`);
      try {
        await preview(report);
        await report.click('[data-action="find-contact"]');
        const kind = await pollPage(report, 15_000, () =>
          report.evaluate(() => document.querySelector('[data-testid="contact"]')?.getAttribute('data-contact') ?? undefined),
        );
        expect(kind).toBe('found');
        const shown = await report.evaluate(() => document.querySelector('[data-testid="contact"]')?.textContent ?? '');
        expect(shown).toContain(`https://www.shop.lab.test:${site.port}/.well-known/security.txt`);
        const href = await report.evaluate(() => document.querySelector('[data-action="email-report"]')?.getAttribute('href') ?? '');
        expect(href.startsWith('mailto:security@www.shop.lab.test?')).toBe(true);
        expect(lab.requests.filter((r) => r.path === '/.well-known/security.txt').map((r) => r.host)).toContain('www.shop.lab.test');
      } finally {
        await report.close().catch(() => undefined);
      }
    } finally {
      await tab.close().catch(() => undefined);
    }
  });
});
