// At once: the background diagnoses a load when its facts change and keeps the popup's view
// ready in storage.session (view:<tabId>) before anyone clicks; the popup then loads only the
// words it shows (one file per code and cause, in its language), never the whole guide.
// Checked in the real Firefox against the lab's expired-certificate and valid sites.

import type { Browser, Page } from 'puppeteer-core';
import { chooseLanguage, openExtensionPage } from '../firefox/extension-pages';
import { pollPage, readPopupFor, visit } from '../firefox/launch';
import { useFirefoxSession } from './support/session';

jest.setTimeout(180_000);

interface ReadyView {
  readonly key: string;
  readonly status: string;
  readonly verdict: string;
  readonly code: string | null;
  readonly top: string | null;
  readonly leafNames: readonly string[];
  readonly pemBlocks: number;
  readonly chainLength: number;
}

/** From an extension page that is not the popup: the ready view stored for the tab showing `url`. */
function readyViewOf(page: Page, url: string): Promise<ReadyView | undefined> {
  return page.evaluate(async (wanted) => {
    const api = (globalThis as unknown as { browser: { storage: { session: { get(keys: null): Promise<Record<string, unknown>> } } } })
      .browser;
    const all = await api.storage.session.get(null);
    for (const [key, value] of Object.entries(all)) {
      const view = value as {
        snapshot: { url: string; status: string; security?: { certificates: unknown[] } };
        diagnosis: { verdict: string; causes: { id: string }[] };
        code: { name: string | null } | null;
        certificates: { parsed: ({ names: string[] } | null)[]; pem: string };
      };
      if (!key.startsWith('view:') || view.snapshot.url !== wanted || view.snapshot.status === 'loading') continue;
      return {
        key,
        status: view.snapshot.status,
        verdict: view.diagnosis.verdict,
        code: view.code?.name ?? null,
        top: view.diagnosis.causes[0]?.id ?? null,
        leafNames: view.certificates.parsed[0]?.names ?? [],
        pemBlocks: view.certificates.pem.split('-----BEGIN CERTIFICATE-----').length - 1,
        chainLength: view.snapshot.security?.certificates.length ?? 0,
      };
    }
    return undefined;
  }, url);
}

interface PopupLoads {
  readonly language: string;
  readonly causes: readonly string[];
  /** The guide's entries the popup loaded ("code:NAME", "cause:id"). */
  readonly words: readonly string[];
}

/** Opens the popup page for `url`, waits for its verdict, and reads which entries of the guide it holds. */
async function popupLoads(browser: Browser, url: string, verdict: string): Promise<PopupLoads> {
  const popup = await openExtensionPage(browser, `popup/popup.html?url=${encodeURIComponent(url)}`);
  try {
    return await pollPage(popup, 15_000, () =>
      popup.evaluate((wanted) => {
        const root = document.querySelector('[data-testid="diagnosis"]');
        if (root?.getAttribute('data-verdict') !== wanted || !document.querySelector('[data-testid="steps"]')) return undefined;
        return {
          language: root.getAttribute('data-language') ?? '',
          causes: (root.getAttribute('data-causes') ?? '').split(',').filter(Boolean),
          words: (root.getAttribute('data-words') ?? '').split(' ').filter(Boolean).sort(),
        };
      }, verdict),
    );
  } finally {
    await popup.close().catch(() => undefined);
  }
}

interface PopupFetches {
  readonly verdict: string;
  readonly language: string;
  readonly words: readonly string[];
  /** Where the popup says its first view and its words came from (data-view-from, data-words-from on <html>). */
  readonly viewFrom: string;
  readonly wordsFrom: string;
}

/** Opens the popup page with `query`, waits until it is ready, and reads where its view and words came from. */
async function popupFetches(browser: Browser, query: string): Promise<PopupFetches> {
  const popup = await openExtensionPage(browser, `popup/popup.html?${query}`);
  try {
    return await pollPage(popup, 15_000, () =>
      popup.evaluate(() => {
        const root = document.querySelector('[data-testid="diagnosis"]');
        if (root?.getAttribute('data-ready') !== 'true' || !document.querySelector('[data-testid="steps"]')) return undefined;
        return {
          verdict: root.getAttribute('data-verdict') ?? '',
          language: root.getAttribute('data-language') ?? '',
          words: (root.getAttribute('data-words') ?? '').split(' ').filter(Boolean).sort(),
          viewFrom: document.documentElement.dataset['viewFrom'] ?? '',
          wordsFrom: document.documentElement.dataset['wordsFrom'] ?? '',
        };
      }),
    );
  } finally {
    await popup.close().catch(() => undefined);
  }
}

describe('the popup at once', () => {
  const session = useFirefoxSession();

  test('the view is ready in storage.session before the click, with the certificates parsed', async () => {
    const { lab, browser } = session();
    const expired = lab.byId('expired');
    const valid = lab.byId('valid');
    const tabs = [await visit(browser, expired.url), await visit(browser, valid.url)];
    // The options page, not the popup: nothing here asks for a view, the background made it.
    const reader = await openExtensionPage(browser, 'options/options.html');
    try {
      const failed = await pollPage(reader, 15_000, () => readyViewOf(reader, expired.url));
      expect(failed).toMatchObject({ status: 'failed', verdict: 'site-fault', code: 'SEC_ERROR_EXPIRED_CERTIFICATE', top: 'cert-expired' });
      const loaded = await pollPage(reader, 15_000, () => readyViewOf(reader, valid.url));
      // The lab's leaf for the valid case names valid.lab.test only (test/lab/cases.ts).
      expect(loaded).toMatchObject({ status: 'loaded', leafNames: ['valid.lab.test'] });
      expect(loaded.chainLength).toBeGreaterThan(0);
      expect(loaded.pemBlocks).toBe(loaded.chainLength);
    } finally {
      await reader.close().catch(() => undefined);
      for (const tab of tabs) await tab.close().catch(() => undefined);
    }
  });

  test('the popup holds only the words it shows, in English and Russian', async () => {
    const { lab, browser } = session();
    const expired = lab.byId('expired');
    const tab = await visit(browser, expired.url);
    try {
      const english = await popupLoads(browser, expired.url, 'site-fault');
      await chooseLanguage(browser, 'ru');
      const russian = await popupLoads(browser, expired.url, 'site-fault');
      for (const [loads, language] of [
        [english, 'en'],
        [russian, 'ru'],
      ] as const) {
        expect(loads.language).toBe(language);
        expect(loads.causes[0]).toBe('cert-expired');
        // Only the code's words and the diagnosed causes' (the whole guide is the report page's;
        // test/unit/popup-bundle.test.ts keeps its loader out of the popup's bundle).
        expect(loads.words).toEqual(['code:SEC_ERROR_EXPIRED_CERTIFICATE', ...loads.causes.map((id) => `cause:${id}`)].sort());
        expect(loads.words.length).toBeLessThan(10);
      }
    } finally {
      await chooseLanguage(browser, 'auto').catch(() => undefined);
      await tab.close().catch(() => undefined);
    }
  });

  test("for a tab, the view and its words come from the background's memory, in English and Russian", async () => {
    const { lab, browser } = session();
    const expired = lab.byId('expired');
    const tab = await visit(browser, expired.url);
    try {
      const { tabId } = await readPopupFor(browser, expired.url);
      // Asked by URL the popup reads storage and fetches the words itself: the same words.
      const byUrl = await popupFetches(browser, `url=${encodeURIComponent(expired.url)}`);
      expect(byUrl).toMatchObject({ viewFrom: 'storage', wordsFrom: 'files', verdict: 'site-fault', language: 'en' });
      for (const language of ['en', 'ru'] as const) {
        if (language === 'ru') await chooseLanguage(browser, 'ru');
        // After a change of language the background makes the views and loads their words again.
        const byTab = await pollPage(tab, 15_000, async () => {
          const read = await popupFetches(browser, `tabId=${tabId}`);
          return read.language === language && read.wordsFrom === 'background' ? read : undefined;
        });
        expect(byTab).toMatchObject({ viewFrom: 'background', verdict: 'site-fault' });
        expect(byTab.words).toEqual(byUrl.words);
      }
    } finally {
      await chooseLanguage(browser, 'auto').catch(() => undefined);
      await tab.close().catch(() => undefined);
    }
  });
});
