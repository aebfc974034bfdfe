// The companion installed for a test Firefox, the way a person installs it: the command-line
// program built, then `cert-doctor companion install` run with HOME set to a temporary
// directory. Firefox started with the returned env (launchFirefox's `env`) reads the manifest
// from that home (XREUserNativeManifests is $HOME/.mozilla in Firefox 153 on Linux) and passes
// its environment on to the programs it starts (Subprocess.sys.mjs: the parent's environment).
//
// Two test-only additions, outside the installed program:
// - The lab's names resolve only inside Firefox (network.dns.localDomains); the companion is a
//   Node program outside it, so NODE_OPTIONS preloads a resolver that answers 127.0.0.1 for
//   exactly the lab's names and leaves every other lookup alone.
// - The manifest's `path` is pointed at a wrapper that notes each start, then runs the installed
//   launcher unchanged, so a test can show that Firefox starts the companion only on a click.

import { execFile } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
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
  /** For launchFirefox({ env }): HOME, and NODE_OPTIONS that resolves the lab's names for the companion. */
  readonly env: Record<string, string>;
  /** The manifest Firefox should find. */
  readonly manifestPath: string;
  /** The launcher `companion install` wrote (the manifest's path before the test wrapped it). */
  readonly launcherPath: string;
  /** How many times Firefox has started the companion. */
  starts(): number;
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
    const manifestPath = join(home, '.mozilla', 'native-messaging-hosts', 'cert_doctor_companion.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { path: string };
    const launcherPath = manifest.path;
    const startsPath = join(home, 'companion-starts.log');
    const wrapper = join(home, 'count-starts.sh');
    writeFileSync(wrapper, `#!/bin/sh\necho start >> '${startsPath}'\nexec '${launcherPath}' "$@"\n`);
    chmodSync(wrapper, 0o755);
    writeFileSync(manifestPath, `${JSON.stringify({ ...manifest, path: wrapper }, null, 2)}\n`);
    const resolverPath = join(home, 'lab-resolver.cjs');
    writeFileSync(resolverPath, labResolver(labHosts));
    return {
      home,
      env: { HOME: home, NODE_OPTIONS: `--require=${resolverPath}` },
      manifestPath,
      launcherPath,
      starts: () =>
        existsSync(startsPath)
          ? readFileSync(startsPath, 'utf8')
              .split('\n')
              .filter((line) => line === 'start').length
          : 0,
      remove: () => rm(home, { recursive: true, force: true }),
    };
  } catch (error) {
    await rm(home, { recursive: true, force: true });
    throw new Error(`Installing the companion into a temporary home failed: ${String(error)}`);
  }
}

/** A preload that resolves the lab's names to 127.0.0.1 and leaves every other lookup alone. */
function labResolver(hosts: readonly string[]): string {
  return `'use strict';
const dns = require('node:dns');
const lab = new Set(${JSON.stringify(hosts.map((h) => h.toLowerCase()))});
const lookup = dns.lookup;
dns.lookup = function (hostname, options, callback) {
  const done = typeof options === 'function' ? options : callback;
  if (typeof hostname === 'string' && lab.has(hostname.toLowerCase())) {
    const all = typeof options === 'object' && options !== null && options.all;
    process.nextTick(() => (all ? done(null, [{ address: '127.0.0.1', family: 4 }]) : done(null, '127.0.0.1', 4)));
    return {};
  }
  return lookup.apply(this, arguments);
};
`;
}
