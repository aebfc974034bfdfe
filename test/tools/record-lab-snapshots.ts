// Records what the extension captured for every lab case in a real Firefox (the tab's snapshot,
// the clock samples and the remembered certificates at that moment) into
// test/unit/fixtures/lab-snapshots.json, for the diagnosis unit tests to replay without a
// browser. Run again when the capture's snapshot format changes:
//   npm run package && npm run record:snapshots

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packagedExtensionPath } from '../firefox/extension';
import { openExtensionPage, readSessionStorage } from '../firefox/extension-pages';
import { installExtension, launchFirefox, readPopupUntil, visit } from '../firefox/launch';
import { createTrustingProfile } from '../firefox/profile';
import { LAB_CASE_SPECS } from '../lab/cases';
import { startLab } from '../lab/lab';
import { loadedFirst, orderForVisits } from '../lab/visit-order';

export interface RecordedCase {
  readonly caseId: string;
  readonly recordedAt: number;
  readonly snapshot: unknown;
  readonly clockSamples: unknown;
  readonly continuity: unknown;
}

async function main(): Promise<void> {
  const lab = await startLab();
  const profile = await createTrustingProfile(lab.trustedRoots);
  const browser = await launchFirefox({ profileDir: profile.dir, localHosts: lab.hosts });
  const recorded: RecordedCase[] = [];
  try {
    await installExtension(browser, packagedExtensionPath());
    for (const spec of loadedFirst(orderForVisits(LAB_CASE_SPECS))) {
      const labCase = lab.byId(spec.id);
      const page = await visit(browser, labCase.url);
      // Wait until the popup shows what the lab expects (batched writes have landed), or 15 s.
      const shown = await readPopupUntil(browser, labCase.url, (s) => s.causes[0] === spec.expectedDiagnosis.top);
      const reader = await openExtensionPage(browser, 'options/options.html');
      const snapshot = await readSessionStorage(reader, `tab:${shown.tabId}`);
      const clockSamples = await readSessionStorage(reader, 'clock');
      const continuity = await reader.evaluate(async () => {
        const api = (globalThis as unknown as { browser: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).browser;
        return (await api.storage.local.get('continuity'))['continuity'];
      });
      await reader.close();
      await page.close();
      recorded.push({ caseId: spec.id, recordedAt: Date.now(), snapshot, clockSamples, continuity });
      console.log(`${spec.id}: ${shown.code || 'loaded'} -> ${shown.causes.join(',')}`);
    }
  } finally {
    await browser.close().catch(() => undefined);
    await profile.remove().catch(() => undefined);
    await lab.stop().catch(() => undefined);
  }
  const file = join(__dirname, '..', '..', 'test', 'unit', 'fixtures', 'lab-snapshots.json');
  await writeFile(file, `${JSON.stringify(recorded, null, 1)}\n`);
  console.log(`Recorded ${recorded.length} cases into ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
