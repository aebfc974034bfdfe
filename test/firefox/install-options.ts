// Installing the extension the ways puppeteer's installExtension does not offer: permanently
// (it survives a restart, as an add-on a person installed) and allowed in private windows.
// Both are Firefox's own options of WebDriver BiDi's webExtension.install, "moz:permanent" and
// "moz:allowPrivateBrowsing" (remote/webdriver-bidi/modules/root/webExtension.sys.mjs; the
// grant is ExtensionPermissions' "internal:privateBrowsingAllowed", shared/Addon.sys.mjs, the
// same one about:addons' "Run in Private Windows" gives).

import type { Browser } from 'puppeteer-core';
import { connectionOf } from './chrome-window';
import { withTimeout } from './launch';

export interface InstallOptions {
  /**
   * A permanent install: Firefox copies the zip into the profile's extensions folder and keeps
   * it across restarts. An unsigned one needs `xpinstall.signatures.required` false, which this
   * ESR honours (AddonSettings.sys.mjs: the pref decides when MOZ_REQUIRE_SIGNING is false,
   * as AppConstants.sys.mjs has it in this build).
   */
  readonly permanent: boolean;
  readonly allowInPrivateWindows: boolean;
}

/** Installs the zip at `path` and returns the add-on id Firefox reports. */
export async function installExtensionWith(browser: Browser, path: string, options: InstallOptions): Promise<string> {
  const install = connectionOf(browser).send('webExtension.install', {
    extensionData: { type: 'archivePath', path },
    'moz:permanent': options.permanent,
    'moz:allowPrivateBrowsing': options.allowInPrivateWindows,
  });
  try {
    const { result } = await withTimeout(install, 30_000, `installing ${path}`);
    return (result as { extension: string }).extension;
  } catch (error) {
    throw new Error(`The extension at ${path} did not install (${JSON.stringify(options)}): ${String(error)}`);
  }
}
