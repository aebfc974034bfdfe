// Installs the companion for a test Firefox, the way `cert-doctor companion install` does for a
// person on Linux: a manifest named cert_doctor_companion.json in
// $HOME/.mozilla/native-messaging-hosts/ (where Firefox looks: XREUserNativeManifests,
// NativeManifests.sys.mjs) whose `path` is an executable launcher. HOME is a temporary
// directory given to that Firefox only. Until B's command is merged, the host is the stand-in
// (companion-stand-in.ts), bundled here with esbuild; installCompanionForTest has the shape of
// B's (test/firefox/companion.ts on main), so the test can switch to it by its import, keeping
// only `starts()` (the stand-in's launcher counts its runs) from here or dropping its checks.
//
// The lab's host names resolve only inside Firefox (network.dns.localDomains); the host is a
// Node program outside it, so NODE_OPTIONS, which Firefox passes on to the programs it starts
// (Subprocess.sys.mjs: the parent's environment), preloads a resolver that answers 127.0.0.1 for
// exactly the lab's names.

import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { extensionId, projectRoot } from '../../firefox/extension';

export const COMPANION_NAME = 'cert_doctor_companion';

/** The same shape as installCompanionForTest in test/firefox/companion.ts on main (B's), plus a count of starts. */
export interface InstalledCompanion {
  /** The temporary home directory holding the manifest, the launcher and the built program. */
  readonly home: string;
  /** For launchFirefox({ env }): HOME, and NODE_OPTIONS that resolves the lab's names for the host. */
  readonly env: Record<string, string>;
  /** The manifest Firefox should find. */
  readonly manifestPath: string;
  /** How many times Firefox has started the companion (the stand-in's launcher counts). */
  starts(): number;
  remove(): Promise<void>;
}

export async function installCompanionForTest(labHosts: readonly string[]): Promise<InstalledCompanion> {
  const home = mkdtempSync(join(tmpdir(), 'cert-doctor-home-'));
  const hostDir = join(home, 'companion');
  const manifestDir = join(home, '.mozilla', 'native-messaging-hosts');
  const manifestPath = join(manifestDir, `${COMPANION_NAME}.json`);
  const resolverPath = join(hostDir, 'lab-resolver.cjs');
  const startsPath = join(hostDir, 'starts.log');
  mkdirSync(hostDir, { recursive: true });
  mkdirSync(manifestDir, { recursive: true });
  const hostPath = join(hostDir, 'companion.cjs');
  await esbuild.build({
    entryPoints: [join(projectRoot, 'test/e2e/support/companion-stand-in.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: hostPath,
    logLevel: 'silent',
  });
  writeFileSync(resolverPath, labResolver(labHosts));
  const launcher = join(hostDir, 'cert-doctor-companion');
  // Each start is counted (starts.log), so the test can show the companion runs only on a click.
  writeFileSync(launcher, `#!/bin/sh\necho start >> '${startsPath}'\nexec '${process.execPath}' '${hostPath}' "$@"\n`);
  chmodSync(launcher, 0o755);
  const manifest = {
    name: COMPANION_NAME,
    description: 'Cert Doctor companion: the certificates a site sends',
    path: launcher,
    type: 'stdio',
    allowed_extensions: [extensionId],
  };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return {
    home,
    env: { HOME: home, NODE_OPTIONS: `--require=${resolverPath}` },
    manifestPath,
    starts: () =>
      existsSync(startsPath)
        ? readFileSync(startsPath, 'utf8')
            .split('\n')
            .filter((line) => line === 'start').length
        : 0,
    remove: () => rm(home, { recursive: true, force: true }),
  };
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
