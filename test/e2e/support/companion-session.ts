// One lab, the companion installed into a temporary home, and a Firefox started with that home
// and the extension, for the describe block that calls it; everything is undone after it.
// Optional permissions are granted without a prompt (the one thing a test cannot click).

import type { Browser } from 'puppeteer-core';
import { installCompanionForTest, type InstalledCompanion } from '../../firefox/companion';
import { packagedExtensionPath } from '../../firefox/extension';
import { installExtension, launchFirefox } from '../../firefox/launch';
import { createTrustingProfile } from '../../firefox/profile';
import { startLab } from '../../lab/lab';
import type { Lab } from '../../lab/types';

export interface CompanionSession {
  readonly lab: Lab;
  readonly browser: Browser;
  readonly companion: InstalledCompanion;
  /** The lab makes its certificates when it starts, between these two times. */
  readonly labStartedAfter: number;
  readonly labStartedBefore: number;
}

export function useFirefoxWithCompanion(): () => CompanionSession {
  let session: CompanionSession | undefined;
  const cleanUp: (() => Promise<unknown>)[] = [];
  beforeAll(async () => {
    const labStartedAfter = Date.now();
    const lab = await startLab();
    const labStartedBefore = Date.now();
    cleanUp.push(() => lab.stop());
    const companion = await installCompanionForTest(lab.hosts);
    cleanUp.push(() => companion.remove());
    const profile = await createTrustingProfile(lab.trustedRoots);
    cleanUp.push(() => profile.remove());
    const browser = await launchFirefox({
      profileDir: profile.dir,
      localHosts: lab.hosts,
      extraPrefs: { 'extensions.webextOptionalPermissionPrompts': false },
      env: companion.env,
    });
    cleanUp.unshift(() => browser.close());
    await installExtension(browser, packagedExtensionPath());
    session = { lab, browser, companion, labStartedAfter, labStartedBefore };
  }, 120_000);
  afterAll(async () => {
    for (const step of cleanUp) await step().catch(() => undefined);
  });
  return () => {
    if (!session) throw new Error('The Firefox with the companion did not start (see beforeAll).');
    return session;
  };
}
