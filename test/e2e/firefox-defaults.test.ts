// The defaults of Firefox's own security settings that the guide and the diagnosis rely on, read
// from the Firefox the tests run. Most are static prefs compiled into libxul (not in greprefs.js),
// so only a running Firefox can tell: about:config is a privileged page, and its `Services` gives
// the default branch, which the test profile's own prefs do not change.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { launchFirefox, pollPage } from '../firefox/launch';

jest.setTimeout(120_000);

type PrefValue = boolean | number | string | null;

/** What the guide says, and where Firefox's source gives the meaning. */
const EXPECTED: Readonly<Record<string, PrefValue>> = {
  // Old TLS: the one way back to TLS 1.0/1.1 (nsNSSComponent::SetEnabledTLSVersions), off by default;
  // it also lets the 3DES suite through (SetDeprecatedTLS1CipherPrefs), whose own pref is on.
  'security.tls.version.enable-deprecated': false,
  'security.tls.version.min': 3,
  'security.ssl3.deprecated.rsa_des_ede3_sha': true,
  // Every disclosed intermediate is preloaded (NSSCertDBTrustDomain::FindIssuer).
  'security.remote_settings.intermediates.enabled': true,
  // CRLite enforced; OCSP fetching stays on but is skipped for chains to built-in roots when
  // CRLite enforces (NSSCertDBTrustDomain::CheckRevocationByOCSP); must-staple always checked.
  'security.pki.crlite_mode': 2,
  'security.OCSP.enabled': 1,
  'security.OCSP.require': false,
  'security.ssl.enable_ocsp_must_staple': true,
  // Pins are not enforced for roots a user or admin added (1 = allow user CA MITM).
  'security.cert_pinning.enforcement_level': 1,
  // Roots from the OS store (Windows, macOS, Android; EnterpriseRoots.cpp has no Linux code).
  'security.enterprise_roots.enabled': true,
};

describe("Firefox's security defaults that the guide states", () => {
  let browser: Browser | undefined;
  let page: Page | undefined;
  const configPage = (): Page => {
    if (!page) throw new Error('about:config did not open (see the beforeAll error).');
    return page;
  };
  const profileDir = mkdtempSync(join(tmpdir(), 'cert-doctor-defaults-'));

  beforeAll(async () => {
    browser = await launchFirefox({ profileDir, localHosts: [] });
    const opened = await browser.newPage();
    page = opened;
    // about:config may never report "load" over BiDi: start it, then wait for its privileged globals.
    void opened.goto('about:config').catch(() => undefined);
    await pollPage(opened, 30_000, () => opened.evaluate(() => ('Services' in globalThis ? true : undefined)));
  }, 120_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    rmSync(profileDir, { recursive: true, force: true });
  });

  test('each default is what the guide says', async () => {
    const names = Object.keys(EXPECTED);
    const actual = await configPage().evaluate((prefNames: string[]) => {
      interface Branch {
        getPrefType(name: string): number;
        getBoolPref(name: string): boolean;
        getIntPref(name: string): number;
        getStringPref(name: string): string;
      }
      const services = (globalThis as unknown as { Services: { prefs: { getDefaultBranch(root: string): Branch } } }).Services;
      const defaults = services.prefs.getDefaultBranch('');
      const read = (name: string): boolean | number | string | null => {
        const type = defaults.getPrefType(name);
        if (type === 128) return defaults.getBoolPref(name);
        if (type === 64) return defaults.getIntPref(name);
        if (type === 32) return defaults.getStringPref(name);
        return null;
      };
      return Object.fromEntries(prefNames.map((name) => [name, read(name)]));
    }, names);
    expect(actual).toEqual(EXPECTED);
  });
});
