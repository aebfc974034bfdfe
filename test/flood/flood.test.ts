// A page with 1,000 frames on distinct subdomains and 10,000 failing images (test/lab/flood.ts),
// in a real Firefox: the background still answers at once afterwards, the memory of good
// certificates in storage.local stays within its bounds, and a site the person visited before
// the flood is still remembered, though every frame was seen after it.

import type { Browser, Page } from 'puppeteer-core';
import { packagedExtensionPath } from '../firefox/extension';
import { openExtensionPage } from '../firefox/extension-pages';
import { installExtension, launchFirefox, pollPage, readPopupFor, visit } from '../firefox/launch';
import { createTrustingProfile } from '../firefox/profile';
import { FLOOD_FAILING_SUBRESOURCES, FLOOD_FRAME_PATH, FLOOD_FRAMES } from '../lab/flood';
import { startLab } from '../lab/lab';
import type { Lab } from '../lab/types';
import { MAX_REMEMBERED_BYTES, MAX_REMEMBERED_HOSTS } from '../../src/core/continuity/host-table';
import { CONTINUITY_KEY } from '../../src/storage/continuity-store';

// Firefox alone needs minutes for this page on a busy 2-core machine.
jest.setTimeout(600_000);

// Sites the person visited before (seeded): beside them and the three lab pages opened, the
// store has room for 497 of the flood's 1,000 frames.
const SEEDED_SITES = 1500;

interface StoredContinuity {
  readonly hosts: Record<string, { readonly frameOnly?: boolean; readonly lastSeen: number }>;
  /** UTF-8 bytes of the stored JSON. */
  readonly bytes: number;
}

let lab: Lab;
let browser: Browser;
const cleanUp: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  lab = await startLab();
  cleanUp.push(() => lab.stop());
  const profile = await createTrustingProfile(lab.trustedRoots);
  cleanUp.push(() => profile.remove());
  browser = await launchFirefox({ profileDir: profile.dir, localHosts: [...lab.hosts, ...lab.flood.hosts] });
  cleanUp.unshift(() => browser.close());
  await installExtension(browser, packagedExtensionPath());
}, 120_000);

afterAll(async () => {
  for (const step of cleanUp) await step().catch(() => undefined);
});

/** What storage.local holds under the continuity key, read from an extension page. */
function readContinuity(page: Page): Promise<StoredContinuity> {
  return page.evaluate(async (key) => {
    const api = (globalThis as unknown as { browser: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } })
      .browser;
    const state = ((await api.storage.local.get(key))[key] ?? { hosts: {} }) as { hosts: StoredContinuity['hosts'] };
    return { hosts: state.hosts, bytes: new TextEncoder().encode(JSON.stringify(state)).length };
  }, CONTINUITY_KEY);
}

/** Waits until the background has written `host` (its writes are batched every 2 s). */
async function waitUntilRemembered(page: Page, host: string): Promise<StoredContinuity> {
  return pollPage(page, 30_000, async () => {
    const stored = await readContinuity(page);
    return host in stored.hosts ? stored : undefined;
  }).catch(() => {
    throw new Error(`${host} was not remembered in storage.local within 30 s`);
  });
}

/** Waits until the lab has served every frame of the flood, then until the page has finished. */
async function waitForFlood(page: Page, timeoutMs: number): Promise<{ frameHosts: number; images: number; failedImages: number }> {
  const deadline = Date.now() + timeoutMs;
  let frameHosts = 0;
  while (Date.now() < deadline) {
    frameHosts = new Set(lab.requests.filter((r) => r.path === FLOOD_FRAME_PATH).map((r) => r.host)).size;
    if (frameHosts >= FLOOD_FRAMES) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const done = await pollPage(page, Math.max(1000, deadline - Date.now()), () =>
    page.evaluate(() => {
      if (document.readyState !== 'complete') return undefined;
      const images = [...document.images];
      return { images: images.length, failedImages: images.filter((image) => image.complete && image.naturalWidth === 0).length };
    }),
  ).catch(() => ({ images: -1, failedImages: -1 }));
  return { frameHosts, ...done };
}

test('after a flood of 1,000 frames and 10,000 failing images: the background answers, the store is bounded, the visited site is kept', async () => {
  const visited = lab.byId('valid');
  const after = lab.byId('interception');
  const failing = lab.byId('expired');
  const storage = await openExtensionPage(browser, 'options/options.html');

  // 1. The person visits a site; the background remembers its certificate.
  const first = await visit(browser, visited.url);
  expect((await readPopupFor(browser, visited.url)).status).toBe('loaded');
  await first.close();
  const before = await waitUntilRemembered(storage, visited.host);
  expect(before.hosts[visited.host]?.frameOnly).toBeUndefined();

  // 2. And had visited 1,500 other sites since (written as the background writes them).
  await storage.evaluate(
    async (key, count) => {
      const api = (
        globalThis as unknown as {
          browser: {
            storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
          };
        }
      ).browser;
      const state = (await api.storage.local.get(key))[key] as { version: 1; hosts: Record<string, unknown> };
      const now = Date.now();
      for (let i = 0; i < count; i++) {
        const host = `seen${i}.example`;
        state.hosts[host] = {
          host,
          issuer: 'CN=R11,O=Let\u2019s Encrypt,C=US',
          root: 'CN=ISRG Root X1,O=Internet Security Research Group,C=US',
          rootBuiltIn: true,
          spkiSha256: `spki${i}`,
          leafSha256: `leaf${i}`,
          notAfter: now + 8e9,
          firstSeen: now + i,
          lastSeen: now + i,
        };
      }
      await api.storage.local.set({ [key]: state });
    },
    CONTINUITY_KEY,
    SEEDED_SITES,
  );

  // 3. The flood page.
  const flood = await visit(browser, lab.flood.url, 60_000);
  // WebDriver may give up waiting before the page is done: the lab's log says when every frame
  // (each on its own subdomain) was served, the page when every image had failed.
  expect(await waitForFlood(flood, 420_000)).toEqual({
    frameHosts: FLOOD_FRAMES,
    images: FLOOD_FAILING_SUBRESOURCES,
    failedImages: FLOOD_FAILING_SUBRESOURCES,
  });

  // 4. Right after, a failing site: the popup shows its diagnosis within readPopupFor's 15 s.
  const broken = await visit(browser, failing.url);
  const shown = await readPopupFor(browser, failing.url);
  expect(shown.status).toBe('failed');
  expect(shown.code).toBe(failing.expectedCode);
  expect(shown.verdict).toBe(failing.expectedDiagnosis.verdict);
  expect(shown.causes[0]).toBe(failing.expectedDiagnosis.top);
  await broken.close();

  // 5. A site visited after the flood: once it is written, so is everything seen before it.
  const next = await visit(browser, after.url);
  const stored = await waitUntilRemembered(storage, after.host);
  await next.close();
  await flood.close();
  await storage.close();

  const hosts = Object.keys(stored.hosts);
  const frames = hosts.filter((host) => host.endsWith(`.${new URL(lab.flood.url).hostname}`));
  // The flood page itself was opened as a page: a visited site like the others.
  expect(stored.hosts[new URL(lab.flood.url).hostname]?.frameOnly).toBeUndefined();
  // The store is full: the flood's frames took the room left beside the seeded sites and the
  // three opened as pages (the one before, the flood page, the one after), and no more.
  expect(hosts.length).toBe(MAX_REMEMBERED_HOSTS);
  expect(frames.length).toBe(MAX_REMEMBERED_HOSTS - SEEDED_SITES - 3);
  expect(frames.every((host) => stored.hosts[host]?.frameOnly === true)).toBe(true);
  expect(frames.every((host) => /^f\d+\./.test(host) && Number(/^f(\d+)/.exec(host)?.[1]) < FLOOD_FRAMES)).toBe(true);
  expect(stored.bytes).toBeLessThanOrEqual(MAX_REMEMBERED_BYTES);
  // The site visited before the flood, the least recently seen of all, is still remembered,
  // and so is every seeded site.
  expect(stored.hosts[visited.host]).toBeDefined();
  expect(hosts.filter((host) => host.startsWith('seen')).length).toBe(SEEDED_SITES);
});
