// The contents of the two files the installer writes: the native messaging manifest and the
// launcher it names. Pure, so their exact text is unit-tested for every system.

import { COMPANION_HOST_NAME, type CompanionPlatform } from './install-locations';

export interface HostManifest {
  readonly name: string;
  readonly description: string;
  readonly path: string;
  readonly type: 'stdio';
  readonly allowed_extensions: readonly string[];
}

/**
 * The manifest Firefox validates (chrome://extensions/content/schemas/native_manifest.json and
 * NativeManifests.parseManifest): `name` equal to the asked name and matching ^\w+(\.\w+)*$,
 * `type` "stdio", an absolute `path` on Linux and macOS, and `allowed_extensions` naming the
 * extension (by its browser_specific_settings.gecko.id), or Firefox refuses it.
 */
export function hostManifest(launcher: string, extensionId: string): HostManifest {
  return {
    name: COMPANION_HOST_NAME,
    description: 'Cert Doctor companion: reads the certificates a site sends, when you ask in Cert Doctor',
    path: launcher,
    type: 'stdio',
    allowed_extensions: [extensionId],
  };
}

export function manifestText(manifest: HostManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Firefox starts the launcher with two arguments (the manifest's path and the extension's id), passed on. */
export function launcherText(platform: CompanionPlatform, nodePath: string, scriptPath: string): string {
  if (platform === 'win32') {
    // A .cmd is started like a .bat: Firefox's Windows subprocess runs either through %COMSPEC%
    // (`/\.(bat|cmd)$/i` in toolkit/modules/subprocess/subprocess_win.worker.js, mozilla/gecko-dev).
    for (const path of [nodePath, scriptPath]) {
      if (/["\r\n]/.test(path)) throw new Error(`cannot write a launcher for a path with a quote or a line break: ${path}`);
    }
    // In a .cmd file % starts a variable, even inside quotes: doubled, it is a literal %.
    const quoted = (path: string): string => `"${path.replace(/%/g, '%%')}"`;
    return `@echo off\r\nrem Cert Doctor companion, started by Firefox. Written by "cert-doctor companion install".\r\n${quoted(nodePath)} ${quoted(scriptPath)} companion host %*\r\n`;
  }
  for (const path of [nodePath, scriptPath]) {
    if (/[\r\n]/.test(path)) throw new Error(`cannot write a launcher for a path with a line break: ${path}`);
  }
  // Single quotes keep every character literal in sh; a ' inside is closed, escaped and reopened.
  const quoted = (path: string): string => `'${path.replace(/'/g, `'\\''`)}'`;
  return `#!/bin/sh\n# Cert Doctor companion, started by Firefox. Written by "cert-doctor companion install".\nexec ${quoted(nodePath)} ${quoted(scriptPath)} companion host "$@"\n`;
}
