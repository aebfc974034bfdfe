// Firefox is the judge of the prefs, about: pages and settings the guide names, asked in the
// real Firefox the tests run, in English and in Russian (the Russian language pack that
// Debian's firefox-esr-l10n-ru installs, chosen with intl.locale.requested). Many security
// prefs are compiled into Firefox (static prefs), so only a running Firefox knows them all;
// the labels of the settings pages are read as Firefox shows them, along the route the guide
// gives: Settings, "Privacy and security", its "Connection and software security" sub-page,
// and the Certificate Manager and proxy dialogs that open from there.

import type { Browser, Page } from 'puppeteer-core';
import type { Language } from '../../src/guide/catalogue';
import { aboutPages, guideTexts, prefMentions, prose } from '../firefox/guide-mentions';
import { launchFirefox, pollPage } from '../firefox/launch';
import { createTrustingProfile, type TestProfile } from '../firefox/profile';

jest.setTimeout(120_000);

const QUOTE: Readonly<Record<Language, RegExp>> = { en: /“([^”]*)”/g, ru: /«([^»]*)»/g };
const FIREFOX_LOCALE: Readonly<Record<Language, string>> = { en: 'en-US', ru: 'ru' };

/** Firefox's own ids of the settings the route passes (browser/.../preferences/config/privacy.mjs). */
const PRIVACY_PANE_HEADER = 'pane-privacy-section';
const CONNECTION_LINK_BUTTON = 'preferences-connection-link-button';
const MANAGE_CERTIFICATES_BUTTON = 'certs-view2';
const CONFIGURE_PROXY_BUTTON = 'network-proxy-connection-settings2';

describe.each<Language>(['en', 'ru'])('what the %s guide names, in a Firefox that speaks it', (language) => {
  let browser: Browser | undefined;
  let profile: TestProfile | undefined;

  beforeAll(async () => {
    profile = await createTrustingProfile([]);
    browser = await launchFirefox({
      profileDir: profile.dir,
      localHosts: [],
      extraPrefs: { 'intl.locale.requested': FIREFOX_LOCALE[language] },
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await profile?.remove().catch(() => undefined);
  });

  function firefox(): Browser {
    if (!browser) throw new Error('Firefox did not start (see the beforeAll error).');
    return browser;
  }

  test('Firefox speaks the language of the guide', async () => {
    const page = await open(firefox(), 'about:preferences#privacy', (p) => visibleLabelFor(p, PRIVACY_PANE_HEADER));
    const header = await visibleLabelFor(page, PRIVACY_PANE_HEADER);
    // From the pack's preferences.ftl (pane-privacy-section): if this fails, the Russian pack is
    // not installed or not chosen, and the checks below would compare Russian with English.
    expect(header).toBe(language === 'en' ? 'Privacy and security' : 'Приватность и защита');
    await page.close();
  });

  test('every pref the guide names exists in this Firefox (a prefix names at least one)', async () => {
    const mentions = prefMentions(language);
    expect(mentions.length).toBeGreaterThan(0);
    const page = await open(firefox(), 'about:config', async (p) => ((await p.evaluate(() => 'Services' in globalThis)) ? true : undefined));
    const names = [...new Set(mentions.map(({ name }) => name))];
    // The default branch: prefs set by the test profile (user.js) exist there only if Firefox
    // itself defines them, in its .js defaults or compiled in as static prefs.
    const known = await page.evaluate((all: string[]) => {
      const services = (globalThis as unknown as { Services: { prefs: { getDefaultBranch(root: string): { getPrefType(name: string): number; getChildList(start: string): string[] } } } }).Services;
      const defaults = services.prefs.getDefaultBranch('');
      return all.map((name) => ({ name, exists: defaults.getPrefType(name) !== 0 || defaults.getChildList(name).length > 0 }));
    }, names);
    await page.close();
    expect(known.filter(({ exists }) => !exists)).toEqual([]);
  });

  test('every about: page the guide names opens, and is not an error page', async () => {
    const pages = aboutPages(language);
    expect(pages).toContain('about:config');
    for (const address of pages) {
      const page = await open(firefox(), address, async (p) => {
        const uri = await p.evaluate(() => document.readyState === 'complete' ? document.documentURI : '');
        return uri && uri !== 'about:blank' ? uri : undefined;
      });
      const uri = await page.evaluate(() => document.documentURI);
      await page.close();
      expect({ address, uri: uri.split('#')[0] }).toEqual({ address, uri: address });
    }
  });

  test('the settings route the guide gives is the one Firefox shows, label for label', async () => {
    const shown = new Set<string>();
    // Settings > Privacy and security: the pane, then its "Advanced settings" button under
    // "Connection and software security", then the dialogs that open from that sub-page.
    const privacy = await open(firefox(), 'about:preferences#privacy', (p) => visibleLabelFor(p, CONNECTION_LINK_BUTTON));
    for (const label of await visibleLabels(privacy)) shown.add(label);
    await privacy.evaluate((id: string) => { document.querySelector<HTMLElement>(`[data-l10n-id="${id}"]`)?.click(); }, CONNECTION_LINK_BUTTON);
    await pollPage(privacy, 20_000, () => visibleLabelFor(privacy, MANAGE_CERTIFICATES_BUTTON));
    for (const label of await visibleLabels(privacy)) shown.add(label);
    for (const button of [MANAGE_CERTIFICATES_BUTTON, CONFIGURE_PROXY_BUTTON]) {
      const page = await open(firefox(), 'about:preferences#connectionSecurity', (p) => visibleLabelFor(p, button));
      const before = (await visibleLabels(page)).length;
      await page.evaluate((id: string) => { document.querySelector<HTMLElement>(`[data-l10n-id="${id}"]`)?.click(); }, button);
      // The dialog opens in a frame of the settings page; its labels arrive with it.
      const inDialog = await pollPage(page, 20_000, async () => {
        const labels = await visibleLabels(page);
        return labels.length > before + 3 ? labels : undefined;
      });
      for (const label of inDialog) shown.add(label);
      await page.close();
    }
    await privacy.close();

    // Every guide string that walks this route (it quotes the pane's name) quotes, from the
    // start of the route ("Settings" or the pane) on, only labels seen on the way.
    const pane = language === 'en' ? 'Privacy and security' : 'Приватность и защита';
    const settings = language === 'en' ? 'Settings' : 'Настройки';
    expect(shown).toContain(pane);
    expect(shown).toContain(settings);
    const routes = guideTexts(language)
      .map(({ where, text }) => ({ where, text: prose(text) }))
      .filter(({ text }) => text.includes(quoted(language, pane)))
      .map(({ where, text }) => {
        const starts = [text.indexOf(quoted(language, settings)), text.indexOf(quoted(language, pane))].filter((at) => at >= 0);
        return { where, route: text.slice(Math.min(...starts)) };
      });
    expect(routes.length).toBeGreaterThan(3);
    const unseen = routes.flatMap(({ where, route }) =>
      [...route.matchAll(QUOTE[language])].map((m) => m[1] ?? '').filter((label) => !shown.has(label)).map((label) => `${where}: ${label}`),
    );
    expect(unseen).toEqual([]);
  });
});

function quoted(language: Language, label: string): string {
  return language === 'en' ? `“${label}”` : `«${label}»`;
}

/** Opens `url` in a fresh tab without waiting for a load event (about: pages may not report
 * one over BiDi) and waits until `ready` answers. */
async function open(browser: Browser, url: string, ready: (page: Page) => Promise<unknown>): Promise<Page> {
  const page = await browser.newPage();
  void page.goto(url).catch(() => undefined);
  await pollPage(page, 30_000, async () => ((await ready(page)) ? true : undefined)).catch((error: unknown) => {
    throw new Error(`${url} did not show what was expected: ${String(error)}`);
  });
  return page;
}

/** The label Firefox shows on the visible element with that Fluent id, if any. */
function visibleLabelFor(page: Page, l10nId: string): Promise<string | undefined> {
  return page.evaluate((id: string) => {
    for (const element of document.querySelectorAll<HTMLElement>(`[data-l10n-id="${id}"]`)) {
      const label = element.getAttribute('heading') ?? element.getAttribute('label');
      if (label && element.checkVisibility()) return label;
    }
    return undefined;
  }, l10nId);
}

/** Every label or heading the settings page and its open dialogs show, shadow roots and
 * dialog frames included. */
function visibleLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walk = (root: Document | ShadowRoot): void => {
      for (const element of root.querySelectorAll<HTMLElement>('*')) {
        if (element.shadowRoot) walk(element.shadowRoot);
        if (element instanceof HTMLIFrameElement || element.localName === 'browser') {
          const inner = (element as HTMLIFrameElement).contentDocument;
          if (inner) walk(inner);
        }
        const label = element.getAttribute('label') ?? element.getAttribute('heading');
        if (label && element.checkVisibility()) out.push(label);
      }
    };
    walk(document);
    return out;
  });
}
