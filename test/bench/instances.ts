// The Firefox instances of one benchmark session: identical fresh profiles (trusting the bench
// root), identical preferences, one tab each that every load reuses. The extension sits in
// exactly one of them at a time and moves between runs.
import type { Browser, Page } from 'puppeteer-core';
import { installExtension, launchFirefox, withTimeout } from '../firefox/launch';
import { createTrustingProfile, type TestProfile } from '../firefox/profile';
import type { TrustedRoot } from '../lab/types';

export interface Instance {
  readonly index: number;
  readonly browser: Browser;
  /** The tab every load of this instance navigates. */
  readonly page: Page;
  readonly profile: TestProfile;
}

export interface InstanceSet {
  readonly instances: readonly Instance[];
  /** Which instance holds the extension (undefined: none yet). */
  readonly extensionIn: () => number | undefined;
  /** Makes `index` the only instance with the extension (uninstalls it elsewhere first). */
  placeExtension(index: number): Promise<void>;
  close(): Promise<void>;
}

export interface InstanceOptions {
  readonly count: number;
  readonly root: TrustedRoot;
  readonly hosts: readonly string[];
  readonly prefs: Readonly<Record<string, number>>;
  readonly zipPath: string;
}

async function launchOne(index: number, options: InstanceOptions): Promise<Instance> {
  const profile = await createTrustingProfile([options.root]);
  try {
    const browser = await launchFirefox({ profileDir: profile.dir, localHosts: options.hosts, extraPrefs: { ...options.prefs } });
    const [firstTab] = await withTimeout(browser.pages(), 10_000, 'listing the tabs');
    const page = firstTab ?? (await withTimeout(browser.newPage(), 10_000, 'opening a tab'));
    return { index, browser, page, profile };
  } catch (error) {
    await profile.remove();
    throw error;
  }
}

async function closeOne(instance: Instance): Promise<void> {
  await withTimeout(instance.browser.close(), 15_000, 'closing Firefox').catch(() => {
    // A Firefox that will not quit is killed: it is this benchmark's own child process.
    instance.browser.process()?.kill('SIGKILL');
  });
  await instance.profile.remove().catch(() => undefined);
}

export async function launchInstances(options: InstanceOptions): Promise<InstanceSet> {
  // Launched together (start-up is the slow part); they are idle before measuring starts.
  const settled = await Promise.allSettled(Array.from({ length: options.count }, (_, index) => launchOne(index, options)));
  const instances = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failure = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure !== undefined) {
    await Promise.all(instances.map(closeOne));
    throw failure.reason;
  }

  let holder: { index: number; id: string } | undefined;
  return {
    instances,
    extensionIn: () => holder?.index,
    async placeExtension(index) {
      if (holder?.index === index) return;
      const target = instances[index];
      if (target === undefined) throw new Error(`no instance ${index}`);
      if (holder !== undefined) {
        const from = holder;
        await withTimeout(
          instances[from.index]?.browser.uninstallExtension(from.id) ?? Promise.resolve(),
          30_000,
          'uninstalling the extension',
        );
        holder = undefined;
      }
      holder = { index, id: await installExtension(target.browser, options.zipPath) };
    },
    close: () => Promise.all(instances.map(closeOne)).then(() => undefined),
  };
}
