// What the background captures, seen through the popup, in a real Firefox against the lab:
// the chain and names of loaded pages, interception, exceptions, failed parts, the badge, HSTS,
// containers, the memory of good certificates, and that the extension itself sends nothing.

import type { Page } from 'puppeteer-core';
import { acceptTheRisk, openExtensionPage } from '../firefox/extension-pages';
import { pollPage, readPopupFor, readPopupUntil, visit, type DiagnosisAttributes } from '../firefox/launch';
import { useFirefoxSession } from './support/session';

jest.setTimeout(60_000);

const firefox = useFirefoxSession();

async function visitAndRead(id: string): Promise<DiagnosisAttributes> {
  const { lab, browser } = firefox();
  const url = lab.byId(id).url;
  const page = await visit(browser, url);
  try {
    return await readPopupFor(browser, url);
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** Reads the popup until `ready` accepts it: facts that arrive after the load (badge, counts). */
async function readUntil(url: string, ready: (shown: DiagnosisAttributes) => boolean): Promise<DiagnosisAttributes> {
  const shown = await readPopupUntil(firefox().browser, url, ready);
  if (!ready(shown)) throw new Error(`The popup for ${url} never showed the expected facts; last: ${JSON.stringify(shown.facts)}`);
  return shown;
}

describe('captured facts in Firefox', () => {
  test('a loaded page: protocol, the whole chain, the names the certificate covers, a private root', async () => {
    const shown = await visitAndRead('valid');
    expect(shown.status).toBe('loaded');
    expect(shown.facts).toMatchObject({ protocol: 'TLSv1.3', chainLength: '3', rootBuiltIn: 'false', sans: 'valid.lab.test' });
    // The lab's leaves are ECDSA P-256 keys signed with SHA-256 (test/lab/pki.ts).
    expect(shown.facts['key']).toMatch(/^EC 256 P-256, ECDSA \/ SHA-256$/);
    expect(shown.text).toContain('Cert Doctor Lab Root');
  });

  test('simulated interception: the page loads and its chain ends in the antivirus-named root, not built in', async () => {
    const shown = await visitAndRead('interception');
    expect(shown.status).toBe('loaded');
    expect(shown.facts['rootBuiltIn']).toBe('false');
    expect(shown.text).toContain('avast! Web/Mail Shield Root');
  });

  test('badges: "!" for a failed page or one under a root whose key is public, the quiet mark for a root that is not built in', async () => {
    const { lab, browser } = firefox();
    // The tabs stay open: closing a tab forgets its snapshot.
    const ids = ['valid', 'expired', 'compromised-root'];
    const pages = [];
    for (const id of ids) pages.push(await visit(browser, lab.byId(id).url));
    try {
      expect((await readUntil(lab.byId('valid').url, (s) => s.facts['badge'] !== '')).facts['badge']).toBe('•');
      const failed = await readUntil(lab.byId('expired').url, (s) => s.facts['badge'] !== '');
      expect({ status: failed.status, badge: failed.facts['badge'] }).toEqual({ status: 'failed', badge: '!' });
      const forgeable = await readUntil(lab.byId('compromised-root').url, (s) => s.facts['badge'] !== '');
      expect({ status: forgeable.status, badge: forgeable.facts['badge'] }).toEqual({ status: 'loaded', badge: '!' });
    } finally {
      for (const page of pages) await page.close().catch(() => undefined);
    }
  });

  test('a page whose image fails: the page loads, the failure is counted and shown on the badge', async () => {
    const { lab, browser } = firefox();
    const url = lab.byId('subresource-failure').url;
    const page = await visit(browser, url);
    try {
      const shown = await readUntil(url, (s) => s.facts['subresourceFailures'] === '1' && s.facts['badge'] === '1');
      expect(shown.status).toBe('loaded');
      expect(shown.text).toContain(`expired.lab.test:${lab.byId('expired').port}`);
      // One failed part: the singular form, in the popup and in the button's tooltip.
      expect(shown.text).toContain('1 part of the page failed');
      const extensionPage = await openExtensionPage(browser, 'options/options.html');
      try {
        const title = await extensionPage.evaluate(
          (tabId) =>
            (
              globalThis as unknown as { browser: { browserAction: { getTitle(details: { tabId: number }): Promise<string> } } }
            ).browser.browserAction.getTitle({ tabId }),
          Number(shown.tabId),
        );
        expect(title).toBe('Cert Doctor: 1 part of this page failed to load securely. Click for details.');
      } finally {
        await extensionPage.close().catch(() => undefined);
      }
    } finally {
      await page.close().catch(() => undefined);
    }
  });

  test('"open in a tab" on a failed image shows that image\'s exact code', async () => {
    const { lab, browser } = firefox();
    const pageUrl = lab.byId('subresource-failure').url;
    const page = await visit(browser, pageUrl);
    const popup = await openExtensionPage(browser, `popup/popup.html?url=${encodeURIComponent(pageUrl)}`);
    try {
      await pollPage(popup, 10_000, () =>
        popup.evaluate(() => {
          const button = document.querySelector<HTMLButtonElement>('[data-testid="captured-facts"] li button');
          button?.click();
          return button ? true : undefined;
        }),
      );
      const imageUrl = new URL('/pixel.png', lab.byId('expired').url).href;
      const shown = await readPopupFor(browser, imageUrl);
      expect({ status: shown.status, code: shown.code }).toEqual({ status: 'failed', code: 'SEC_ERROR_EXPIRED_CERTIFICATE' });
    } finally {
      await popup.close().catch(() => undefined);
      await page.close().catch(() => undefined);
    }
  });

  test('HSTS: the flag is set once Firefox has seen the header', async () => {
    await visitAndRead('hsts-setup');
    const again = await visitAndRead('hsts-setup');
    expect(again.facts['hsts']).toBe('true');
    expect((await visitAndRead('valid')).facts['hsts']).toBe('false');
  });

  test('a failing site that worked before: the last good certificate is named', async () => {
    // hsts-setup and hsts-broken share a host name: the good one first, then the broken one.
    await visitAndRead('hsts-setup');
    const { lab, browser } = firefox();
    const url = lab.byId('hsts-broken').url;
    const page = await visit(browser, url);
    try {
      const shown = await readUntil(url, (s) => s.status === 'failed' && (s.facts['lastGoodIssuer'] ?? '') !== '');
      expect(shown.facts['lastGoodIssuer']).toContain('Cert Doctor Lab Intermediate');
    } finally {
      await page.close().catch(() => undefined);
    }
  });

  test.each([
    ['self-signed', 'trust_error'],
    ['wrong-host', 'domain_mismatch'],
    ['not-yet-valid', 'expired_or_not_yet_valid'],
  ])('after "Proceed to <host> (Risky)" on %s, the exception category (%s) and the certificate are known', async (id, category) => {
    const { lab, browser } = firefox();
    const url = lab.byId(id).url;
    const page: Page = await visit(browser, url);
    try {
      await acceptTheRisk(page);
      await pollPage(page, 15_000, async () => ((await page.evaluate(() => document.documentURI)).startsWith('https:') ? true : undefined));
      const shown = await readUntil(url, (s) => s.status === 'loaded' && s.facts['override'] !== '');
      expect(shown.facts['override']).toBe(category);
      expect(Number(shown.facts['chainLength'])).toBeGreaterThanOrEqual(1);
      expect(shown.facts['badge']).toBe('•');
    } finally {
      await page.close().catch(() => undefined);
    }
  });

  test('a tab in a container is recorded with its container', async () => {
    const { lab, browser } = firefox();
    const context = await browser.createBrowserContext();
    try {
      const url = lab.byId('www-name').url;
      const page = await context.newPage();
      await page.goto(url, { timeout: 20_000 }).catch(() => undefined);
      const shown = await readPopupFor(browser, url);
      expect(shown.facts['container']).toMatch(/^firefox-container-\d+$/);
    } finally {
      await context.close().catch(() => undefined);
    }
  });

  test('good certificates are remembered; turning the setting off forgets them and stops remembering', async () => {
    const { browser } = firefox();
    const rememberedCount = async (options: Page): Promise<number | undefined> =>
      options.evaluate(() => {
        const text = document.querySelector('[data-testid="remembered-count"]')?.getAttribute('data-count');
        return text ? Number(text) : undefined;
      });
    // Three sites that load, each remembered (whatever other tests visited before).
    for (const id of ['valid', 'hsts-setup', 'russian-root-trusted']) await visitAndRead(id);
    let options = await openExtensionPage(browser, 'options/options.html');
    try {
      // The background writes its batch ~2 s after the loads.
      const remembered = await pollPage(options, 10_000, async () => {
        const n = await rememberedCount(options);
        return n !== undefined && n >= 3 ? n : undefined;
      });
      expect(remembered).toBeGreaterThanOrEqual(3);
      await options.evaluate(() => {
        document.querySelector<HTMLInputElement>('[data-testid="setting-remember-certificates"]')?.click();
      });
      await pollPage(options, 5_000, async () => ((await rememberedCount(options)) === 0 ? true : undefined));
      await visitAndRead('www-name');
      // Longer than the background's 2 s batch delay: a memory would have been written by now.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      await options.close();
      options = await openExtensionPage(browser, 'options/options.html');
      expect(await pollPage(options, 10_000, () => rememberedCount(options))).toBe(0);
    } finally {
      // The setting on again, as every other test expects it.
      await options
        .evaluate(() => {
          const box = document.querySelector<HTMLInputElement>('[data-testid="setting-remember-certificates"]');
          if (box && !box.checked) box.click();
        })
        .catch(() => undefined);
      await options.close().catch(() => undefined);
    }
  });

  test('the extension sends nothing: every request the lab saw is one a page made', async () => {
    // A failing site, one that loads and one with a failing part, whatever ran before.
    for (const id of ['expired', 'valid', 'subresource-failure']) await visitAndRead(id);
    const { lab } = firefox();
    const pageRequests = new Set(['/', '/pixel.png', '/favicon.ico']);
    const unexpected = lab.requests.filter((r) => !pageRequests.has(r.path) || (r.method !== 'GET' && r.method !== 'RAW'));
    expect(lab.requests.length).toBeGreaterThan(5);
    expect(unexpected).toEqual([]);
  });
});
