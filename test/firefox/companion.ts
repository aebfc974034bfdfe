// The companion installed for a test Firefox, the way a person installs it: the command-line
// program built, then `cert-doctor companion install` run with HOME set to a temporary
// directory. Firefox started with the returned env (launchFirefox's `env`) reads the manifest
// from that home (XREUserNativeManifests is $HOME/.mozilla in Firefox 153 on Linux) and passes
// its environment on to the host (Subprocess.call without `environment`), where
// CERT_DOCTOR_RESOLVE gives the lab's names the address Firefox gives them.

import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import { projectRoot } from './extension';

const run = promisify(execFile);

export interface InstalledCompanion {
  /** The temporary home directory holding the manifest, the launcher and the built program. */
  readonly home: string;
  /** For launchFirefox({ env }): HOME, and the lab's names resolved to 127.0.0.1 for the host. */
  readonly env: Record<string, string>;
  /** The manifest Firefox should find. */
  readonly manifestPath: string;
  remove(): Promise<void>;
}

export async function installCompanionForTest(labHosts: readonly string[]): Promise<InstalledCompanion> {
  const home = await mkdtemp(join(tmpdir(), 'cert-doctor-home-'));
  try {
    // Built here rather than by `node build.mjs --cli`, which would also rebuild dist/ under the
    // packaged extension the suite installs.
    const cli = join(home, 'cert-doctor', 'cert-doctor.cjs');
    await esbuild.build({
      entryPoints: [join(projectRoot, 'src/cli/cert-doctor.ts')],
      outfile: cli,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'warning',
    });
    // Only HOME and PATH: an XDG_DATA_HOME of the machine's would put the launcher outside this home.
    await run(process.execPath, [cli, 'companion', 'install'], { env: { HOME: home, PATH: process.env['PATH'] ?? '' }, timeout: 20_000 });
    return {
      home,
      env: { HOME: home, CERT_DOCTOR_RESOLVE: labHosts.map((host) => `${host}=127.0.0.1`).join(',') },
      manifestPath: join(home, '.mozilla', 'native-messaging-hosts', 'cert_doctor_companion.json'),
      remove: () => rm(home, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(home, { recursive: true, force: true });
    throw new Error(`Installing the companion into a temporary home failed: ${String(error)}`);
  }
}
