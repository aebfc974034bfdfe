// Where the companion's files go for the current user, per system: a pure function of the
// platform, the home directory and the environment, so all three systems are unit-tested here.
//
// The manifest's place is Firefox's: NativeManifests.sys.mjs reads
// <XREUserNativeManifests>/native-messaging-hosts/<name>.json on Linux and
// <XREUserNativeManifests>/NativeMessagingHosts/<name>.json on macOS (the TYPES table), and on
// Windows the default value of HKEY_CURRENT_USER\Software\Mozilla\NativeMessagingHosts\<name>
// (_winLookup), which holds the manifest's path. MDN "Native manifests", "Manifest location",
// gives the per-user folders: ~/.mozilla/native-messaging-hosts (Linux) and
// ~/Library/Application Support/Mozilla/NativeMessagingHosts (macOS). Firefox 153.8 on Linux
// answers XREUserNativeManifests = $HOME/.mozilla even when its profiles live under
// ~/.config/mozilla (XDG), and whether or not ~/.mozilla exists (asked of the running Firefox;
// test/e2e/companion-host.test.ts checks it).
//
// The launcher (the program the manifest names) lives in the user's own program-data folder.

import { posix, win32 } from 'node:path';
import { COMPANION_APPLICATION } from '../shared/served-chain';

/** The native application's name: the manifest's file name, its `name`, and what the extension asks for. */
export const COMPANION_HOST_NAME = COMPANION_APPLICATION;

export type CompanionPlatform = 'linux' | 'darwin' | 'win32';

export interface CompanionLocations {
  /** The native messaging manifest. */
  readonly manifest: string;
  /** The small program Firefox starts, which runs Node on Cert Doctor's command. */
  readonly launcher: string;
  /** The folder of the launcher (removed on uninstall when nothing else is left in it). */
  readonly launcherDir: string;
  /** Windows only: the registry key whose default value is the manifest's path. */
  readonly registryKey: string | null;
}

export function isCompanionPlatform(platform: string): platform is CompanionPlatform {
  return platform === 'linux' || platform === 'darwin' || platform === 'win32';
}

export function companionLocations(
  platform: CompanionPlatform,
  home: string,
  env: Readonly<Record<string, string | undefined>>,
): CompanionLocations {
  switch (platform) {
    case 'linux': {
      // XDG Base Directory: $XDG_DATA_HOME when it is an absolute path, else ~/.local/share.
      const dataHome = env['XDG_DATA_HOME']?.startsWith('/') ? env['XDG_DATA_HOME'] : posix.join(home, '.local', 'share');
      const launcherDir = posix.join(dataHome, 'cert-doctor');
      return {
        manifest: posix.join(home, '.mozilla', 'native-messaging-hosts', `${COMPANION_HOST_NAME}.json`),
        launcher: posix.join(launcherDir, COMPANION_HOST_NAME),
        launcherDir,
        registryKey: null,
      };
    }
    case 'darwin': {
      const support = posix.join(home, 'Library', 'Application Support');
      const launcherDir = posix.join(support, 'Cert Doctor');
      return {
        manifest: posix.join(support, 'Mozilla', 'NativeMessagingHosts', `${COMPANION_HOST_NAME}.json`),
        launcher: posix.join(launcherDir, COMPANION_HOST_NAME),
        launcherDir,
        registryKey: null,
      };
    }
    case 'win32': {
      // Windows reads no folder: the manifest may be anywhere the registry key points to.
      const localAppData =
        env['LOCALAPPDATA'] && win32.isAbsolute(env['LOCALAPPDATA']) ? env['LOCALAPPDATA'] : win32.join(home, 'AppData', 'Local');
      const launcherDir = win32.join(localAppData, 'Cert Doctor');
      return {
        manifest: win32.join(launcherDir, `${COMPANION_HOST_NAME}.json`),
        launcher: win32.join(launcherDir, `${COMPANION_HOST_NAME}.cmd`),
        launcherDir,
        registryKey: `HKCU\\Software\\Mozilla\\NativeMessagingHosts\\${COMPANION_HOST_NAME}`,
      };
    }
  }
}
