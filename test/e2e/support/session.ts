// One lab + one Firefox with the packaged extension, for a test file: started in beforeAll,
// stopped in afterAll, whatever failed in between.

import type { Browser } from 'puppeteer-core';
import { packagedExtensionPath } from '../../firefox/extension';
import { installExtension, launchFirefox } from '../../firefox/launch';
import { createTrustingProfile, type ProfileOptions } from '../../firefox/profile';
import { startLab } from '../../lab/lab';
import type { Lab } from '../../lab/types';

export interface FirefoxSession {
  readonly lab: Lab;
  readonly browser: Browser;
}

export function useFirefoxSession(
  extraPrefs: Record<string, string | number | boolean> = {},
  profileOptions: ProfileOptions = {},
): () => FirefoxSession {
  let session: FirefoxSession | undefined;
  const cleanUp: (() => Promise<unknown>)[] = [];
  beforeAll(async () => {
    const lab = await startLab();
    cleanUp.push(() => lab.stop());
    const profile = await createTrustingProfile(lab.trustedRoots, profileOptions);
    cleanUp.push(() => profile.remove());
    const browser = await launchFirefox({ profileDir: profile.dir, localHosts: lab.hosts, extraPrefs });
    cleanUp.unshift(() => browser.close());
    await installExtension(browser, packagedExtensionPath());
    session = { lab, browser };
  }, 120_000);
  afterAll(async () => {
    for (const step of cleanUp) await step().catch(() => undefined);
  });
  return () => {
    if (!session) throw new Error('The Firefox session did not start (see the beforeAll error).');
    return session;
  };
}
