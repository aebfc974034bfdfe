// The diagnosis where the person acts or the situation changes, in a real Firefox: the www check
// they trigger, the exact cause after they accepted the risk, a clock that is days behind, and
// the Russian guide chosen in the options.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { acceptTheRisk, findPageWith, openExtensionPage } from '../firefox/extension-pages';
import { pollPage, readPopupFor, readPopupUntil, visit } from '../firefox/launch';
import { useFirefoxSession } from './support/session';

jest.setTimeout(90_000);

const DAY = 24 * 3_600_000;

function json(path: string): Record<string, { message?: string; title?: string }> {
  return JSON.parse(readFileSync(join(__dirname, '..', '..', path), 'utf8')) as Record<string, { message?: string; title?: string }>;
}

describe('diagnosis in Firefox', () => {
  const firefox = useFirefoxSession({ 'security.dialog_enable_delay': 0 });

  test('a name mismatch: the person checks the www twin, and the diagnosis says so', async () => {
    const { lab, browser } = firefox();
    const bare = lab.byId('bare-name');
    const page = await visit(browser, bare.url);
    const popup = await openExtensionPage(browser, `popup/popup.html?url=${encodeURIComponent(bare.url)}`);
    try {
      const before = await readPopupFor(browser, bare.url);
      expect(before.causes[0]).toBe('name-mismatch');
      const requestsBefore = lab.requests.length;
      await pollPage(popup, 10_000, () => popup.evaluate(() => document.querySelector('[data-action="probe-www"]') !== null || undefined));
      await popup.click('[data-action="probe-www"]');
      const after = await pollPage(popup, 15_000, () =>
        popup.evaluate(() => {
          const causes = document.querySelector('[data-testid="diagnosis"]')?.getAttribute('data-causes') ?? '';
          return causes.startsWith('name-mismatch-www') ? causes : undefined;
        }),
      );
      expect(after.split(',')[0]).toBe('name-mismatch-www');
      // The check went to the twin, once, and only because the person asked.
      const probes = lab.requests.slice(requestsBefore).filter((r) => r.host.startsWith('www.shop.lab.test'));
      expect(probes.map((r) => r.method)).toEqual(['HEAD']);
    } finally {
      await popup.close().catch(() => undefined);
      await page.close().catch(() => undefined);
    }
  });

  test('after "Proceed to <host> (Risky)", the certificate tells a shared host apart', async () => {
    const { lab, browser } = firefox();
    const shared = lab.byId('shared-hosting');
    const page = await visit(browser, shared.url);
    try {
      const before = await readPopupFor(browser, shared.url);
      expect(before.causes[0]).toBe('name-mismatch');
      await acceptTheRisk(page);
      const after = await readPopupUntil(browser, shared.url, (s) => s.status === 'loaded' && s.causes.includes('shared-hosting'));
      expect({ status: after.status, verdict: after.verdict, bypass: after.bypass, causes: after.causes.slice(0, 2) }).toEqual({
        status: 'loaded',
        verdict: 'caution',
        bypass: '',
        causes: ['exception-in-use', 'shared-hosting'],
      });
    } finally {
      await page.close().catch(() => undefined);
    }
  });

  test('a clock 3 days behind is the cause of "not yet valid", measured from other sites', async () => {
    const { lab, browser } = firefox();
    // Every server says it is 3 days later than this computer thinks: a clock 3 days behind.
    lab.simulateClientClockOffset(-3 * DAY);
    const pages = [];
    try {
      for (const id of ['valid', 'www-name', 'interception', 'hsts-setup']) pages.push(await visit(browser, lab.byId(id).url));
      const target = lab.byId('not-yet-valid');
      pages.push(await visit(browser, target.url));
      const shown = await readPopupUntil(browser, target.url, (s) => s.causes[0] === 'clock-behind', 20_000);
      expect({ verdict: shown.verdict, bypass: shown.bypass, top: shown.causes[0] }).toEqual({
        verdict: 'fix-here',
        bypass: 'discouraged',
        top: 'clock-behind',
      });
      // In the clock line on top and in the evidence.
      expect(shown.text).toMatch(/Your clock is about 3 days behind: \d+ sites agree\./);
      expect(shown.text).toMatch(/Your clock is about 3 days behind \(\d+ sites agree\)/);
    } finally {
      for (const page of pages) await page.close().catch(() => undefined);
      lab.simulateClientClockOffset(0);
    }
  });

  test('the history: a failed page is listed in the options, opens again as it was, and goes when the history is turned off', async () => {
    const { lab, browser } = firefox();
    const failing = lab.byId('self-signed');
    const page = await visit(browser, failing.url);
    const options = await openExtensionPage(browser, 'options/options.html');
    try {
      await readPopupFor(browser, failing.url);
      const host = `self-signed.lab.test:${failing.port}`;
      // The options page re-renders when the background writes the incident.
      await pollPage(options, 10_000, () =>
        options.evaluate((h) => document.querySelector('[data-testid="history"]')?.textContent.includes(h) || undefined, host),
      ).catch(async (e: unknown) => {
        throw new Error(`history never listed ${host}: ${await options.evaluate(() => document.body.textContent)} (${String(e)})`);
      });
      await pollPage(options, 10_000, () =>
        options.evaluate((h) => {
          const item = [...document.querySelectorAll('[data-incident]')].find((li) => li.textContent.includes(h));
          const button = item?.querySelector<HTMLButtonElement>('[data-action="view-incident"]');
          button?.click();
          return button ? true : undefined;
        }, host),
      );
      const incidentPage = await pollPage(options, 20_000, () => findPageWith(browser, '[data-testid="incident-note"]'));
      try {
        const shown = await pollPage(incidentPage, 10_000, () =>
          incidentPage.evaluate(() => {
            const root = document.querySelector('[data-testid="diagnosis"][data-ready="true"]');
            return root && root.getAttribute('data-code')
              ? {
                  code: root.getAttribute('data-code'),
                  top: root.getAttribute('data-causes')?.split(',')[0],
                  note: document.querySelector('[data-testid="incident-note"]') !== null,
                }
              : undefined;
          }),
        );
        expect(shown).toEqual({ code: 'MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT', top: 'self-signed', note: true });
      } finally {
        await incidentPage.close().catch(() => undefined);
      }
      await options.click('[data-testid="setting-keep-history"]');
      const count = await pollPage(options, 10_000, () =>
        options.evaluate(() => (document.querySelector('[data-testid="history"]')?.getAttribute('data-count') === '0' ? '0' : undefined)),
      );
      expect(count).toBe('0');
      await options.click('[data-testid="setting-keep-history"]');
    } finally {
      await options.close().catch(() => undefined);
      await page.close().catch(() => undefined);
    }
  });

  test('a plain http page is not a certificate problem: the popup says so', async () => {
    const { lab, browser } = firefox();
    // The lab's http-on-https-port server answers plain HTTP.
    const plain = lab.byId('http-on-https-port').url.replace('https:', 'http:');
    const page = await visit(browser, plain);
    const popup = await openExtensionPage(browser, `popup/popup.html?url=${encodeURIComponent(plain)}`);
    try {
      const state = await pollPage(popup, 10_000, () =>
        popup.evaluate(() => {
          const root = document.querySelector('[data-testid="diagnosis"]');
          return root?.getAttribute('data-status') === 'not-https'
            ? document.querySelector('[data-testid="not-https"]')?.getAttribute('data-scheme')
            : undefined;
        }),
      );
      expect(state).toBe('http');
      expect(await popup.evaluate(() => document.body.textContent)).toContain(
        json('_locales/en/messages.json')['popupNotHttpsHttp']?.message ?? '?',
      );
    } finally {
      await popup.close().catch(() => undefined);
      await page.close().catch(() => undefined);
    }
  });

  test('with Russian chosen in the options, the popup speaks Russian, guide included', async () => {
    const { lab, browser } = firefox();
    const options = await openExtensionPage(browser, 'options/options.html');
    try {
      await options.select('[data-testid="setting-language"]', 'ru');
      const heading = json('_locales/ru/messages.json')['optionsLanguageHeading']?.message ?? '?';
      await pollPage(options, 10_000, () => options.evaluate((text) => document.body.textContent.includes(text) || undefined, heading));
      const expired = lab.byId('expired');
      const page = await visit(browser, expired.url);
      try {
        const shown = await readPopupUntil(browser, expired.url, (s) => s.language === 'ru');
        expect(shown.language).toBe('ru');
        const ruCodes = json('src/guide/text/ru/codes.json');
        const ruMessages = json('_locales/ru/messages.json');
        expect(shown.text).toContain(ruCodes['SEC_ERROR_EXPIRED_CERTIFICATE']?.title ?? '?');
        expect(shown.text).toContain(ruMessages[`verdict_${shown.verdict.replace('-', '_')}`]?.message ?? '?');
        expect(shown.text).toContain(ruMessages['stepsTitle']?.message ?? '?');
        // And not the English guide.
        const enCodes = json('src/guide/text/en/codes.json');
        expect(shown.text).not.toContain(enCodes['SEC_ERROR_EXPIRED_CERTIFICATE']?.title ?? '?');
      } finally {
        await page.close().catch(() => undefined);
      }
    } finally {
      await options.select('[data-testid="setting-language"]', 'auto').catch(() => undefined);
      await options.close().catch(() => undefined);
    }
  });
});

describe('the proxy check in Firefox', () => {
  // Firefox told to use a proxy nobody listens on (port 9, discard), so every https load fails
  // with a refused proxy; optional permissions are granted without a prompt in this profile,
  // which is the one thing the test cannot click.
  const firefox = useFirefoxSession({
    'network.proxy.type': 1,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': 9,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': 9,
    'extensions.webextOptionalPermissionPrompts': false,
  });

  test('the person asks, Cert Doctor reads the proxy setting once and gives the permission back', async () => {
    const { lab, browser } = firefox();
    const target = lab.byId('valid');
    const page = await visit(browser, target.url);
    const popup = await openExtensionPage(browser, `popup/popup.html?url=${encodeURIComponent(target.url)}`);
    try {
      const before = await readPopupFor(browser, target.url);
      expect(before.code).toBe('NS_ERROR_PROXY_CONNECTION_REFUSED');
      await pollPage(popup, 10_000, () =>
        popup.evaluate(() => document.querySelector('[data-action="check-proxy"]') !== null || undefined),
      );
      await popup.click('[data-action="check-proxy"]');
      const text = await pollPage(popup, 15_000, () =>
        popup.evaluate(() => {
          const root = document.querySelector('[data-testid="diagnosis"]');
          return root?.querySelector('[data-action="check-proxy"]') ? undefined : root?.textContent;
        }),
      );
      expect(text).toContain('Firefox is set to connect through a proxy at 127.0.0.1:9.');
      const causes = await popup.evaluate(() => document.querySelector('[data-testid="diagnosis"]')?.getAttribute('data-causes') ?? '');
      expect(causes.split(',')[0]).toBe('proxy-problem');
      const stillHeld = await popup.evaluate(() =>
        (globalThis as unknown as { browser: { permissions: { contains(p: unknown): Promise<boolean> } } }).browser.permissions.contains({
          permissions: ['proxy'],
        }),
      );
      expect(stillHeld).toBe(false);
    } finally {
      await popup.close().catch(() => undefined);
      await page.close().catch(() => undefined);
    }
  });
});
