// Firefox is the judge of the prefs, about: pages and settings the guide names, asked in the
// real Firefox the tests run, in every language of src/guide/languages.ts (the language packs
// Debian's firefox-esr-l10n-<lang> installs): English in a Firefox of its own, Russian in one
// started in Russian (intl.locale.requested), then every other language in that same Firefox
// switched at run time, as choosing a language in Settings does. Many security
// prefs are compiled into Firefox (static prefs), so only a running Firefox knows them all;
// the labels of the settings pages are read as Firefox shows them, along the route the guide
// gives: Settings, "Privacy and security", its "Connection and software security" sub-page,
// the Certificate Manager, Security Devices and proxy dialogs that open from there, and the
// windows those open in turn: the Security Devices' "Load" dialog and the dialog that asks how
// far to trust a CA certificate being imported.

import { LANGUAGES, languageInfo } from '../../src/guide/languages';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import type { Language } from '../../src/guide/catalogue';
import { switchFirefoxLanguage } from '../firefox/chrome-window';
import { aboutPages, guideTexts, prefMentions, prose, quotedSpans } from '../firefox/guide-mentions';
import { launchFirefox, pollPage } from '../firefox/launch';
import { createTrustingProfile, type TestProfile } from '../firefox/profile';
import { FirefoxStrings } from '../firefox/strings';
import { makeCa, makeKeys } from '../lab/pki';

jest.setTimeout(120_000);

/** Firefox's own ids of the settings the route passes (browser/.../preferences/config/privacy.mjs). */
const PRIVACY_PANE_HEADER = 'pane-privacy-section';
const CONNECTION_LINK_BUTTON = 'preferences-connection-link-button';
const MANAGE_CERTIFICATES_BUTTON = 'certs-view2';
const CONFIGURE_PROXY_BUTTON = 'network-proxy-connection-settings2';
/** The provider list of the DNS over HTTPS sub-page (preferences.ftl: preferences-doh-select-resolver-label). */
const DOH_PROVIDER_MENU = 'preferences-doh-select-resolver-label';
const SECURITY_DEVICES_BUTTON = 'certs-devices2';
/** The Security Devices dialog and its "Load" button (pippki's device_manager.xhtml), and the
 * window that button opens (device_manager.js doLoad: a modal top-level window). */
const DEVICE_MANAGER = 'chrome://pippki/content/device_manager.xhtml';
const DEVICE_MANAGER_LOAD_BUTTON = 'load_button';
const LOAD_DEVICE_WINDOW = 'chrome://pippki/content/load_device.xhtml';
/** The dialog Firefox opens, from its C++ (nsNSSDialogs::ConfirmDownloadCACert), when a CA
 * certificate is imported: certManager.js hands the chosen file to
 * nsIX509CertDB.importCertsFromFile(file, nsIX509Cert.CA_CERT), which asks with this modal window. */
const DOWNLOAD_CERT_WINDOW = 'chrome://pippki/content/downloadcert.xhtml';

/** The languages checked in the Russian Firefox once Russian is done, switched at run time. */
const SWITCHED_LANGUAGES: readonly Language[] = LANGUAGES.filter((language) => language !== 'en' && language !== 'ru');

/** The about: pages already opened and the prefs already found (in English): neither depends on
 * the language Firefox speaks, so a switched language asks only about the ones not asked yet. */
const ABOUT_PAGES_OPENED = new Set<string>();
const PREFS_FOUND = new Set<string>();

const FIREFOX_STRINGS = new Map<Language, FirefoxStrings>();

/** A label as the language's Firefox words it, by Fluent id (preferences.ftl in its pack). */
function firefoxLabel(language: Language, key: string): string {
  let strings = FIREFOX_STRINGS.get(language);
  if (!strings) {
    strings = FirefoxStrings.load(languageInfo(language).firefoxLocale);
    FIREFOX_STRINGS.set(language, strings);
  }
  return strings.byId(key);
}

/** The settings pane the route goes through, and the window's "Settings" heading. */
const PANE_LABEL_ID = `${PRIVACY_PANE_HEADER}.heading`;
const SETTINGS_LABEL_ID = 'category-nav-heading.heading';

describe.each<[Language, readonly Language[]]>([
  ['en', []],
  ['ru', SWITCHED_LANGUAGES],
])('in a Firefox started in %s', (startLanguage, thenIn) => {
  let browser: Browser | undefined;
  let profile: TestProfile | undefined;

  beforeAll(async () => {
    profile = await createTrustingProfile([]);
    browser = await launchFirefox({
      profileDir: profile.dir,
      localHosts: [],
      extraPrefs: { 'intl.locale.requested': languageInfo(startLanguage).firefoxLocale },
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

  function firefoxProfile(): TestProfile {
    if (!profile) throw new Error('The profile was not made (see the beforeAll error).');
    return profile;
  }

  describeLanguage(startLanguage, false);
  for (const language of thenIn) describeLanguage(language, true);

  function describeLanguage(language: Language, switched: boolean): void {
    describe(`what the ${language} guide names, in a Firefox that speaks it`, () => {
      if (switched) {
        beforeAll(async () => {
          const locale = languageInfo(language).firefoxLocale;
          const shown = await switchFirefoxLanguage(firefox(), locale);
          if (shown !== locale)
            throw new Error(`Firefox shows "${shown}", not "${locale}": install firefox-esr-l10n-${locale.toLowerCase()}.`);
        });
      }
      testsOf(language, switched);
    });
  }

  function testsOf(language: Language, switched: boolean): void {
    // In a switched Firefox the route test below is the proof: it must see the pane's name in
    // the language's own words (and switchFirefoxLanguage must report the language).
    if (!switched) {
      test('Firefox speaks the language of the guide', async () => {
        const page = await open(firefox(), 'about:preferences#privacy', (p) => visibleLabelFor(p, PRIVACY_PANE_HEADER));
        const header = await visibleLabelFor(page, PRIVACY_PANE_HEADER);
        // From the pack's preferences.ftl (pane-privacy-section): if this fails, the language's pack
        // is not installed or not chosen, and the checks below would compare it with English.
        expect(header).toBe(firefoxLabel(language, PANE_LABEL_ID));
        await page.close();
      });
    }

    test('every pref the guide names exists in this Firefox (a prefix names at least one)', async () => {
      const mentions = prefMentions(language);
      expect(mentions.length).toBeGreaterThan(0);
      const names = [...new Set(mentions.map(({ name }) => name))].filter((name) => !switched || !PREFS_FOUND.has(name));
      if (names.length === 0) return;
      const page = await open(firefox(), 'about:config', async (p) =>
        (await p.evaluate(() => 'Services' in globalThis)) ? true : undefined,
      );
      // The default branch: prefs set by the test profile (user.js) exist there only if Firefox
      // itself defines them, in its .js defaults or compiled in as static prefs.
      const known = await page.evaluate((all: string[]) => {
        const services = (
          globalThis as unknown as {
            Services: {
              prefs: { getDefaultBranch(root: string): { getPrefType(name: string): number; getChildList(start: string): string[] } };
            };
          }
        ).Services;
        const defaults = services.prefs.getDefaultBranch('');
        return all.map((name) => ({ name, exists: defaults.getPrefType(name) !== 0 || defaults.getChildList(name).length > 0 }));
      }, names);
      await page.close();
      expect(known.filter(({ exists }) => !exists)).toEqual([]);
      for (const { name } of known) PREFS_FOUND.add(name);
    });

    test('every about: page the guide names opens, and is not an error page', async () => {
      const pages = aboutPages(language);
      expect(pages).toContain('about:config');
      // A page already opened in English opens in any language: only the others are opened again.
      for (const address of switched ? pages.filter((page) => !ABOUT_PAGES_OPENED.has(page)) : pages) {
        const page = await open(firefox(), address, async (p) => {
          const uri = await p.evaluate(() => (document.readyState === 'complete' ? document.documentURI : ''));
          return uri && uri !== 'about:blank' ? uri : undefined;
        });
        const uri = await page.evaluate(() => document.documentURI);
        await page.close();
        expect({ address, uri: uri.split('#')[0] }).toEqual({ address, uri: address });
        ABOUT_PAGES_OPENED.add(address);
      }
    });

    test('the settings route the guide gives is the one Firefox shows, label for label', async () => {
      const shown = new Set<string>();
      // Settings > Privacy and security: the pane, then its "Advanced settings" button under
      // "Connection and software security", then the dialogs that open from that sub-page.
      const privacy = await open(firefox(), 'about:preferences#privacy', (p) => visibleLabelFor(p, CONNECTION_LINK_BUTTON));
      for (const label of await visibleLabels(privacy)) shown.add(label);
      await privacy.evaluate((id: string) => {
        document.querySelector<HTMLElement>(`[data-l10n-id="${id}"]`)?.click();
      }, CONNECTION_LINK_BUTTON);
      await pollPage(privacy, 20_000, () => visibleLabelFor(privacy, MANAGE_CERTIFICATES_BUTTON));
      for (const label of await visibleLabels(privacy)) shown.add(label);
      for (const button of [MANAGE_CERTIFICATES_BUTTON, CONFIGURE_PROXY_BUTTON, SECURITY_DEVICES_BUTTON]) {
        const page = await open(firefox(), 'about:preferences#connectionSecurity', (p) => visibleLabelFor(p, button));
        const before = (await visibleLabels(page)).length;
        await page.evaluate((id: string) => {
          document.querySelector<HTMLElement>(`[data-l10n-id="${id}"]`)?.click();
        }, button);
        // The dialog opens in a frame of the settings page; its labels arrive with it.
        const inDialog = await pollPage(page, 20_000, async () => {
          const labels = await visibleLabels(page);
          return labels.length > before + 3 ? labels : undefined;
        });
        for (const label of inDialog) shown.add(label);
        if (button === SECURITY_DEVICES_BUTTON) {
          await clickInDialogLater(page, DEVICE_MANAGER, DEVICE_MANAGER_LOAD_BUTTON);
          for (const label of await labelsOfModalWindow(page, LOAD_DEVICE_WINDOW)) shown.add(label);
        }
        await page.close();
      }
      // Importing a CA: the file picker is the only step a test cannot take, so the test hands
      // Firefox a file, as the picker would, by the call certManager.js makes once a file is
      // chosen (importCA: certdb.importCertsFromFile(fp.file, Ci.nsIX509Cert.CA_CERT)). The
      // dialog is cancelled, so nothing is imported.
      const ca = await makeCa({ name: 'CN=Cert Doctor Import Check, O=Cert Doctor Lab', keys: await makeKeys('ec'), now: Date.now() });
      const caFile = join(firefoxProfile().dir, 'import-check-ca.der');
      await writeFile(caFile, new Uint8Array(ca.cert.rawData));
      await privacy.evaluate((path: string) => {
        const chrome = globalThis as unknown as {
          Cc: Record<
            string,
            {
              createInstance(i: unknown): { initWithPath(p: string): void };
              getService(i: unknown): { importCertsFromFile(f: unknown, type: number): void };
            }
          >;
          Ci: { nsIFile: unknown; nsIX509CertDB: unknown; nsIX509Cert: { CA_CERT: number } };
        };
        const file = chrome.Cc['@mozilla.org/file/local;1']?.createInstance(chrome.Ci.nsIFile);
        file?.initWithPath(path);
        const certdb = chrome.Cc['@mozilla.org/security/x509certdb;1']?.getService(chrome.Ci.nsIX509CertDB);
        // Later, and not awaited: the call returns only once its modal dialog closes.
        setTimeout(() => {
          certdb?.importCertsFromFile(file, chrome.Ci.nsIX509Cert.CA_CERT);
        }, 0);
      }, caFile);
      for (const label of await labelsOfModalWindow(privacy, DOWNLOAD_CERT_WINDOW)) shown.add(label);
      // "DNS over HTTPS" > "Advanced settings": its own sub-page, where the provider is chosen.
      const doh = await open(firefox(), 'about:preferences#dnsOverHttps', (p) => visibleLabelFor(p, DOH_PROVIDER_MENU));
      for (const label of await visibleLabels(doh)) shown.add(label);
      await doh.close();
      await privacy.close();

      // Every guide string that walks this route (it quotes the pane's name) quotes, from the
      // start of the route ("Settings" or the pane) on, only labels seen on the way.
      const pane = firefoxLabel(language, PANE_LABEL_ID);
      const settings = firefoxLabel(language, SETTINGS_LABEL_ID);
      expect(shown).toContain(pane);
      expect(shown).toContain(settings);
      const routes = guideTexts(language)
        .map(({ where, text }) => ({ where, text: prose(text) }))
        .filter(({ text }) => quotedAt(language, text, pane).length > 0)
        .map(({ where, text }) => {
          const starts = [...quotedAt(language, text, settings), ...quotedAt(language, text, pane)];
          return { where, route: text.slice(Math.min(...starts)) };
        });
      expect(routes.length).toBeGreaterThan(3);
      const unseen = routes.flatMap(({ where, route }) =>
        quotedSpans(language, route)
          .filter((label) => !shown.has(label))
          .map((label) => `${where}: ${label}`),
      );
      expect(unseen).toEqual([]);
    });
  }
});

/** Where `label` is quoted in `text`, in the language's quotes (French pads them with a
 * no-break space, « Paramètres », as French Firefox does); the first place of each form. */
function quotedAt(language: Language, text: string, label: string): number[] {
  const [opening, closing] = languageInfo(language).quotes;
  return [`${opening}${label}${closing}`, `${opening}\u00a0${label}\u00a0${closing}`]
    .map((form) => text.indexOf(form))
    .filter((at) => at >= 0);
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
 * dialog frames included; with `windowUrl`, those of the top-level window showing that
 * document instead (undefined until it is open, loaded and translated). A XUL <label> shows
 * its `value`. */
function visibleLabels(page: Page): Promise<string[]>;
function visibleLabels(page: Page, windowUrl: string): Promise<string[] | undefined>;
function visibleLabels(page: Page, windowUrl?: string): Promise<string[] | undefined> {
  return page.evaluate(async (url: string | null) => {
    const XUL = 'http://www.mozilla.org/keymaster/gatekeeper/there.is.only.xul';
    let top: Document = document;
    if (url !== null) {
      const { Services } = globalThis as unknown as { Services: { wm: { getEnumerator(type: null): Iterable<Window> } } };
      const found = [...Services.wm.getEnumerator(null)].map((w) => w.document).find((d) => d.documentURI === url);
      if (!found || found.readyState !== 'complete') return undefined;
      await (found as unknown as { l10n?: { ready: Promise<unknown> } }).l10n?.ready;
      top = found;
    }
    const out: string[] = [];
    const walk = (root: Document | ShadowRoot): void => {
      for (const element of root.querySelectorAll<HTMLElement>('*')) {
        if (element.shadowRoot) walk(element.shadowRoot);
        if (element instanceof HTMLIFrameElement || element.localName === 'browser') {
          const inner = (element as HTMLIFrameElement).contentDocument;
          if (inner) walk(inner);
        }
        const value = element.localName === 'label' && element.namespaceURI === XUL ? element.getAttribute('value') : null;
        const label = element.getAttribute('label') ?? element.getAttribute('heading') ?? value;
        if (label && element.checkVisibility()) out.push(label);
      }
    };
    walk(top);
    return out;
  }, windowUrl ?? null);
}

/** Clicks a button in the settings page's dialog frame showing `dialogUrl`, from a timer: the
 * button opens a modal window, and the click returns only once that window closes. */
async function clickInDialogLater(page: Page, dialogUrl: string, buttonId: string): Promise<void> {
  const clicked = await page.evaluate(
    (url: string, id: string) => {
      const frames = [...document.querySelectorAll<HTMLIFrameElement>('iframe, browser')];
      const button = frames
        .map((f) => f.contentDocument)
        .find((d) => d?.documentURI === url)
        ?.getElementById(id);
      if (!button) return false;
      setTimeout(() => {
        button.click();
      }, 0);
      return true;
    },
    dialogUrl,
    buttonId,
  );
  if (!clicked) throw new Error(`No #${buttonId} in an open ${dialogUrl}`);
}

/** Waits for the modal window showing `windowUrl`, reads its labels, then cancels it (its
 * <dialog>'s Cancel), so that it changes nothing and the window that opened it runs on. */
async function labelsOfModalWindow(page: Page, windowUrl: string): Promise<string[]> {
  const labels = await pollPage(page, 20_000, async () => {
    const seen = await visibleLabels(page, windowUrl);
    return seen && seen.length > 0 ? seen : undefined;
  }).catch((error: unknown) => {
    throw new Error(`${windowUrl} did not open: ${String(error)}`);
  });
  await page.evaluate((url: string) => {
    const { Services } = globalThis as unknown as { Services: { wm: { getEnumerator(type: null): Iterable<Window> } } };
    const found = [...Services.wm.getEnumerator(null)].map((w) => w.document).find((d) => d.documentURI === url);
    (found?.querySelector('dialog') as unknown as { cancelDialog(): void } | null)?.cancelDialog();
  }, windowUrl);
  return labels;
}
