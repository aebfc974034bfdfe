// What the extension stores, read back from its own pages in a real Firefox: no query string or
// fragment anywhere (storage.session, and the incident history on disk in storage.local), a
// redirecting server's chain attributed to that server, and a tab with an enormous address
// costing no other tab its record.

import type { Page } from 'puppeteer-core';
import { openExtensionPage } from '../firefox/extension-pages';
import { pollPage, visit } from '../firefox/launch';
import { REDIRECT_PATH } from '../lab/handlers';
import { useFirefoxSession } from './support/session';
import { floodedPage } from '../unit/support/flooded-snapshot';
import { fakeCertificate, fakeSecurityInfo } from '../unit/fakes/security-info';
import { MAX_KEPT_DER_BYTES } from '../../src/capture/security-info';
import { storageBytes } from '../../src/storage/storage-size';

jest.setTimeout(120_000);

const firefox = useFirefoxSession();

type Area = 'session' | 'local';

/** Everything in one of the extension's storage areas, read from an extension page. */
function readArea(page: Page, area: Area): Promise<Record<string, unknown>> {
  return page.evaluate(async (name) => {
    const api = (globalThis as unknown as { browser: { storage: Record<string, { get(keys: null): Promise<Record<string, unknown>> }> } })
      .browser;
    const store = api.storage[name];
    if (!store) throw new Error(`no storage.${name}`);
    return store.get(null);
  }, area);
}

interface StoredSnapshot {
  readonly url: string;
  readonly status: string;
  readonly security?: { readonly url: string; readonly host?: string };
}

/** The tab snapshots in storage.session (keys tab:<id>). */
function snapshotsIn(session: Record<string, unknown>): StoredSnapshot[] {
  return Object.entries(session)
    .filter(([key]) => key.startsWith('tab:'))
    .map(([, value]) => value as StoredSnapshot);
}

describe('private and bounded storage in Firefox', () => {
  test('a redirect with ?token=secret#frag to a failing site: "secret" is stored nowhere, and the chain is the redirecting host\'s', async () => {
    const { lab, browser } = firefox();
    const sso = new URL(lab.byId('valid').url);
    const target = new URL(lab.byId('expired').url);
    const failing = `${target.origin}${target.pathname}?token=secret#frag`;
    const start = `${sso.origin}${REDIRECT_PATH}?token=secret&to=${encodeURIComponent(failing)}`;
    const tab = await visit(browser, start);
    const reader = await openExtensionPage(browser, 'options/options.html');
    try {
      // The failure is recorded, in the session and in the history of incidents.
      const [session, local] = await pollPage(reader, 20_000, async () => {
        const s = await readArea(reader, 'session');
        const l = await readArea(reader, 'local');
        const failed = snapshotsIn(s).find((snapshot) => snapshot.status === 'failed' && snapshot.url.startsWith(target.origin));
        const incident = Object.keys(l).some((key) => key.startsWith('incident:'));
        return failed?.security && incident ? [s, l] : undefined;
      });
      for (const stored of [JSON.stringify(session), JSON.stringify(local)]) {
        expect(stored).not.toContain('secret');
        expect(stored).not.toContain('#frag');
      }
      const failed = snapshotsIn(session).find((snapshot) => snapshot.status === 'failed' && snapshot.url.startsWith(target.origin));
      expect(failed?.url).toBe(`${target.origin}/`);
      // Firefox gave the chain of the 302 only: it is recorded as valid.lab.test's.
      expect(failed?.security?.host).toBe(sso.host);
      expect(failed?.security?.url).toBe(`${sso.origin}${REDIRECT_PATH}`);

      // The popup labels the chain by the host that sent it.
      const popup = await openExtensionPage(browser, `popup/popup.html?url=${encodeURIComponent(`${target.origin}/`)}`);
      try {
        const sender = await pollPage(popup, 10_000, () =>
          popup.evaluate(() => {
            const details = document.querySelector('[data-testid="certificate-details"]');
            return details
              ? {
                  host: details.getAttribute('data-chain-sender') ?? '',
                  text: document.querySelector('[data-testid="chain-sender"]')?.textContent ?? '',
                }
              : undefined;
          }),
        );
        expect(sender.host).toBe(sso.host);
        expect(sender.text).toContain(sso.host);
      } finally {
        await popup.close().catch(() => undefined);
      }
    } finally {
      await reader.close().catch(() => undefined);
      await tab.close().catch(() => undefined);
    }
  });

  test('tabs with addresses of half a megabyte and an ordinary failing tab: every one keeps its record, each under 64 KB', async () => {
    const { lab, browser } = firefox();
    const longPath = `/${'a'.repeat(512 * 1024)}`;
    const longUrls = ['expired', 'self-signed', 'untrusted-issuer'].map(
      (id) => `${new URL(lab.byId(id).url).origin}${longPath}?q=${'b'.repeat(1024)}`,
    );
    const ordinary = lab.byId('not-yet-valid').url;
    const pages: Page[] = [];
    for (const url of longUrls) pages.push(await visit(browser, url));
    pages.push(await visit(browser, ordinary));
    const reader = await openExtensionPage(browser, 'options/options.html');
    try {
      const origins = [...longUrls, ordinary].map((url) => new URL(url).origin);
      const snapshots = await pollPage(reader, 30_000, async () => {
        const failed = snapshotsIn(await readArea(reader, 'session')).filter((s) => s.status === 'failed');
        const found = origins.map((origin) => failed.find((s) => s.url.startsWith(origin)));
        return found.every((s) => s !== undefined) ? found : undefined;
      });
      expect(snapshots[3]?.url).toBe(ordinary);
      // Firefox's own measure of what each record takes of storage.session's quota.
      const sizes = await reader.evaluate(async () => {
        const session = (
          globalThis as unknown as {
            browser: {
              storage: { session: { get(keys: null): Promise<Record<string, unknown>>; getBytesInUse(keys: string): Promise<number> } };
            };
          }
        ).browser.storage.session;
        const keys = Object.keys(await session.get(null)).filter((key) => key.startsWith('tab:'));
        return Promise.all(keys.map((key) => session.getBytesInUse(key)));
      });
      expect(sizes.length).toBeGreaterThanOrEqual(4);
      for (const size of sizes) expect(size).toBeLessThan(64 * 1024);
    } finally {
      await reader.close().catch(() => undefined);
      for (const page of pages) await page.close().catch(() => undefined);
    }
  });

  test("a page at its worst, fitted to its budget, takes under 64 KB by Firefox's own measure of storage.session", async () => {
    const { browser } = firefox();
    const big = Array.from({ length: MAX_KEPT_DER_BYTES }, (_, i) => i % 256);
    const hostileDn = `CN=${'\u0001'.repeat(1000)}`;
    const largeChain = (dn: string): Record<string, unknown> =>
      fakeSecurityInfo({ certificates: Array.from({ length: 8 }, () => fakeCertificate({ subject: dn, issuer: dn, der: big })) });
    // Firefox counts the structured clone, not JSON: text with control characters is smaller
    // there, many small values and one-byte text larger. Each kind at its worst.
    const worst = [
      floodedPage(),
      floodedPage(largeChain(hostileDn)),
      floodedPage(largeChain(`CN=${'a'.repeat(1000)}`), `NS_ERROR_NET_INTERRUPT ${'x'.repeat(400)}`),
      // One character beyond Latin-1 makes the clone keep every character in two bytes.
      floodedPage(largeChain(`CN=${'a'.repeat(996)}я`), `NS_ERROR_NET_INTERRUPT ${'x'.repeat(400)}я`),
    ];
    const reader = await openExtensionPage(browser, 'options/options.html');
    try {
      const sizes = await reader.evaluate(async (snapshots) => {
        const session = (
          globalThis as unknown as {
            browser: {
              storage: {
                session: {
                  set(items: Record<string, unknown>): Promise<void>;
                  remove(key: string): Promise<void>;
                  getBytesInUse(key: string): Promise<number>;
                };
              };
            };
          }
        ).browser.storage.session;
        const measured: number[] = [];
        for (const snapshot of snapshots) {
          await session.set({ 'probe:worst': snapshot });
          measured.push(await session.getBytesInUse('probe:worst'));
          await session.remove('probe:worst');
        }
        return measured;
      }, worst);
      expect(sizes).toHaveLength(worst.length);
      worst.forEach((snapshot, index) => {
        const size = sizes[index] ?? Infinity;
        // The budget's measure is never below Firefox's (its dataSize counts the key's length too).
        expect(size).toBeLessThanOrEqual(storageBytes(snapshot) + 'probe:worst'.length);
        expect(size).toBeLessThan(64 * 1024);
      });
    } finally {
      await reader.close().catch(() => undefined);
    }
  });
});
