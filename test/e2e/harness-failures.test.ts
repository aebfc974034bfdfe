// A broken set-up must fail loudly and quickly, with a message that says what to fix, never hang.

import type { Browser } from 'puppeteer-core';
import { installExtension, launchFirefox, readPopupFor } from '../firefox/launch';
import { createTrustingProfile, type TestProfile } from '../firefox/profile';

jest.setTimeout(90_000);

describe('failures of the test set-up are loud', () => {
  let profile: TestProfile;
  let browser: Browser | undefined;

  beforeAll(async () => {
    profile = await createTrustingProfile([]);
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await profile.remove();
  });

  test('a Firefox that cannot be found is named, with the fix', async () => {
    const saved = process.env['FIREFOX_BIN'];
    process.env['FIREFOX_BIN'] = '/nonexistent/firefox';
    try {
      await expect(launchFirefox({ profileDir: profile.dir, localHosts: [] })).rejects.toThrow(
        /Firefox was not found.*apt-get install firefox-esr/,
      );
    } finally {
      if (saved === undefined) delete process.env['FIREFOX_BIN'];
      else process.env['FIREFOX_BIN'] = saved;
    }
  });

  test('an extension that does not install is reported with its path', async () => {
    browser = await launchFirefox({ profileDir: profile.dir, localHosts: [] });
    await expect(installExtension(browser, '/nonexistent/cert-doctor.zip')).rejects.toThrow(
      /nonexistent\/cert-doctor\.zip did not install/,
    );
  });

  test('a popup that never shows a finished diagnosis times out with the URL, not a hang', async () => {
    if (!browser) throw new Error('the previous test starts Firefox');
    const started = Date.now();
    await expect(readPopupFor(browser, 'https://never-visited.lab.test/', 2_000)).rejects.toThrow(/never-visited\.lab\.test.*2000 ms/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
