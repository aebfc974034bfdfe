// `npm start`: starts the lab and opens Firefox with the extension loaded on the lab's index
// page (web-ext run), in a throwaway profile that trusts the lab's roots. A newcomer clicks a
// broken site, then the Cert Doctor button.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fixedUuidPref, projectRoot } from '../firefox/extension';
import { firefoxExecutable } from '../firefox/launch';
import { labPrefs } from '../firefox/prefs';
import { createTrustingProfile } from '../firefox/profile';
import { startLab } from './lab';

function hasDisplay(): boolean {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env['DISPLAY'] ?? process.env['WAYLAND_DISPLAY']);
}

async function main(): Promise<void> {
  let firefox: string;
  try {
    firefox = firefoxExecutable();
  } catch (error) {
    console.error(String(error instanceof Error ? error.message : error));
    process.exitCode = 1;
    return;
  }
  if (!hasDisplay()) {
    console.error(
      'There is no display (neither DISPLAY nor WAYLAND_DISPLAY is set), so Firefox cannot open a window here.\n' +
        'Run `npm start` from a desktop session, or run `npm run lab` and open the printed index page in a Firefox\n' +
        'that trusts the printed roots, or run `npm test` to see everything checked in a headless Firefox.',
    );
    process.exitCode = 1;
    return;
  }

  const lab = await startLab();
  const profile = await createTrustingProfile(lab.trustedRoots);
  const prefs = { ...labPrefs(lab.hosts), ...fixedUuidPref() };
  const webExt = join(projectRoot, 'node_modules', '.bin', 'web-ext');
  if (!existsSync(webExt)) throw new Error('web-ext is not installed: run `npm ci` first.');
  const args = [
    'run',
    `--firefox=${firefox}`,
    `--firefox-profile=${profile.dir}`,
    '--keep-profile-changes',
    '--no-reload',
    `--start-url=${lab.indexUrl}`,
    ...Object.entries(prefs).map(([name, value]) => `--pref=${name}=${String(value)}`),
  ];
  console.log(`Lab index: ${lab.indexUrl}\nStarting Firefox with Cert Doctor (close it or press Ctrl+C to stop)...`);
  const child = spawn(webExt, args, { cwd: projectRoot, stdio: 'inherit' });
  const stop = async (): Promise<void> => {
    child.kill('SIGTERM');
    await lab.stop();
    await profile.remove();
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  child.once('exit', () => void stop().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error('npm start failed:', error);
  process.exit(1);
});
