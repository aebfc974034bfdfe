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
import { startLab, type Lab, type LabCaseSpec } from '../lab/lab';
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
  const recorded: RecordedCase[] = [];
  try {
    // One Firefox for the cases with the lab's preferences, then one for each case that needs
    // preferences of its own (e.g. HTTPS-Only mode).
    const shared = LAB_CASE_SPECS.filter((spec) => spec.firefoxPrefs === undefined);
    await recordCases(lab, loadedFirst(orderForVisits(shared)), {}, recorded);
    for (const spec of LAB_CASE_SPECS.filter((s) => s.firefoxPrefs !== undefined)) {
      await recordCases(lab, [spec], spec.firefoxPrefs ?? {}, recorded);
    }
  } finally {
    await lab.stop().catch(() => undefined);
  }
  const file = join(__dirname, '..', '..', 'test', 'unit', 'fixtures', 'lab-snapshots.json');
  await writeFile(file, `${JSON.stringify(recorded, null, 1)}\n`);
  console.log(`Recorded ${recorded.length} cases into ${file}`);
}

async function recordCases(
  lab: Lab,
  specs: readonly LabCaseSpec[],
  extraPrefs: Readonly<Record<string, string | number | boolean>>,
  recorded: RecordedCase[],
): Promise<void> {
  const profile = await createTrustingProfile(lab.trustedRoots);
  const browser = await launchFirefox({ profileDir: profile.dir, localHosts: lab.hosts, extraPrefs: { ...extraPrefs } });
  try {
    await installExtension(browser, packagedExtensionPath());
    for (const spec of specs) {
      const labCase = lab.byId(spec.id);
      const page = await visit(browser, labCase.url);
      // Wait until the popup shows what the lab expects (batched writes have landed), or 15 s.
      const shown = await readPopupUntil(browser, labCase.url, (s) => s.causes[0] === spec.expectedDiagnosis.top);
      const reader = await openExtensionPage(browser, 'options/options.html');
      const snapshot = await readSessionStorage(reader, `tab:${shown.tabId}`);
      const clockSamples = await readSessionStorage(reader, 'clock');
      const continuity = await reader.evaluate(async () => {
        const api = (globalThis as unknown as { browser: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } })
          .browser;
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
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
