// The companion in a real Firefox: installed with `cert-doctor companion install` into a
// temporary home, Firefox started with that HOME finds the manifest at the per-user Linux place,
// grants the optional nativeMessaging permission on a click, starts the host for
// browser.runtime.sendNativeMessage and gets back the chain a failing lab site sends; a request
// outside the schema gets the host's bad-request answer. For the lab's sites the host resolves
// the lab's names as Firefox does (a resolver preloaded through NODE_OPTIONS, test/firefox/companion.ts).

import { existsSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { evaluateInBrowserWindow } from '../firefox/chrome-window';
import { openExtensionPage } from '../firefox/extension-pages';
import { pollPage } from '../firefox/launch';
import { useFirefoxWithCompanion } from './support/companion-session';

jest.setTimeout(90_000);

const session = useFirefoxWithCompanion();

/**
 * On an extension page, a button whose click asks for nativeMessaging and sends `message` to the
 * companion, as the popup's button will: permissions.request needs a click (user input), which
 * puppeteer's click gives over WebDriver BiDi. The outcome lands in the button's data-outcome.
 */
async function askCompanionOnClick(page: Page, message: unknown): Promise<{ granted: boolean; reply?: unknown; error?: string }> {
  await page.evaluate((json) => {
    interface Api {
      permissions: { request(p: { permissions: string[] }): Promise<boolean> };
      runtime: { sendNativeMessage(app: string, message: unknown): Promise<unknown> };
    }
    const api = (globalThis as unknown as { browser: Api }).browser;
    const button = document.createElement('button');
    button.id = 'ask-companion';
    button.textContent = 'Ask the companion';
    button.addEventListener('click', () => {
      void (async () => {
        const granted = await api.permissions.request({ permissions: ['nativeMessaging'] });
        try {
          const reply = await api.runtime.sendNativeMessage('cert_doctor_companion', JSON.parse(json));
          button.dataset['outcome'] = JSON.stringify({ granted, reply });
        } catch (error) {
          button.dataset['outcome'] = JSON.stringify({ granted, error: String(error) });
        }
      })();
    });
    document.body.prepend(button);
  }, JSON.stringify(message));
  await page.click('#ask-companion');
  const outcome = await pollPage(page, 30_000, () =>
    page.evaluate(() => document.getElementById('ask-companion')?.dataset['outcome'] || undefined),
  );
  return JSON.parse(outcome) as { granted: boolean; reply?: unknown; error?: string };
}

describe('the companion in Firefox', () => {
  test("Firefox reads per-user native manifests from $HOME/.mozilla, where install put the companion's", async () => {
    const { browser, companion } = session();
    const dir = await evaluateInBrowserWindow(
      browser,
      () =>
        (
          globalThis as unknown as {
            Services: { dirsvc: { get(key: string, iface: unknown): { path: string } } };
            Ci: { nsIFile: unknown };
          }
        ).Services.dirsvc.get('XREUserNativeManifests', (globalThis as unknown as { Ci: { nsIFile: unknown } }).Ci.nsIFile).path,
      null,
    );
    expect(dir).toBe(join(companion.home, '.mozilla'));
    // NativeManifests.sys.mjs: <dir>/native-messaging-hosts/<name>.json on Linux.
    expect(join(dir, 'native-messaging-hosts', 'cert_doctor_companion.json')).toBe(companion.manifestPath);
    expect(existsSync(companion.manifestPath)).toBe(true);
  });

  test('after a click grants nativeMessaging, the host answers with the chain a failing site sends', async () => {
    const { lab, browser } = session();
    // The lab's incomplete-chain site sends its leaf without the intermediate (Firefox: SEC_ERROR_UNKNOWN_ISSUER).
    const site = lab.byId('missing-intermediate');
    const page = await openExtensionPage(browser, 'options/options.html');
    try {
      // Installed, the companion is still out of the extension's reach until the person's click grants it.
      const heldBefore = await page.evaluate(() =>
        (globalThis as unknown as { browser: { permissions: { contains(p: unknown): Promise<boolean> } } }).browser.permissions.contains({
          permissions: ['nativeMessaging'],
        }),
      );
      expect(heldBefore).toBe(false);
      const outcome = await askCompanionOnClick(page, {
        kind: 'cert-doctor/get-served-chain',
        version: 1,
        host: site.host,
        port: site.port,
      });
      expect(outcome.granted).toBe(true);
      expect(outcome.error).toBeUndefined();
      expect(outcome.reply).toMatchObject({
        kind: 'cert-doctor/served-chain',
        version: 1,
        host: 'incomplete-chain.lab.test',
        port: site.port,
        failure: null,
      });
      const certificates = (outcome.reply as { certificates: string[] }).certificates;
      expect(certificates).toHaveLength(1);
      const leaf = new X509Certificate(Buffer.from(certificates[0] ?? '', 'base64'));
      expect(leaf.subjectAltName).toBe('DNS:incomplete-chain.lab.test');
    } finally {
      await page.close().catch(() => undefined);
    }
  });

  test('a request outside the schema (a host with a path) gets the bad-request answer', async () => {
    const { browser } = session();
    const page = await openExtensionPage(browser, 'options/options.html');
    try {
      const outcome = await askCompanionOnClick(page, {
        kind: 'cert-doctor/get-served-chain',
        version: 1,
        host: 'valid.lab.test/x',
        port: 443,
      });
      expect(outcome.reply).toMatchObject({ kind: 'cert-doctor/error', version: 1, error: 'bad-request' });
    } finally {
      await page.close().catch(() => undefined);
    }
  });
});
