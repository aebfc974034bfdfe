// Installing the companion for the current user (src/companion/install*.ts, host-files.ts,
// windows-registry.ts): the places for Linux, macOS and Windows as MDN "Native manifests"
// ("Manifest location", per-user) and Firefox's NativeManifests.sys.mjs give them, the files'
// exact text, the `reg` command lines (they cannot run on this Linux machine), and a real
// install, status and uninstall into a temporary home directory.

import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostManifest, launcherText, manifestText } from '../../src/companion/host-files';
import {
  companionStatus,
  installCompanion,
  runsFromNpxCache,
  uninstallCompanion,
  type InstallTarget,
  type RunCommand,
} from '../../src/companion/install';
import { companionLocations } from '../../src/companion/install-locations';
import { defaultValueOf, registryAddCommand, registryDeleteCommand, registryQueryCommand } from '../../src/companion/windows-registry';

describe('companionLocations', () => {
  test('Linux: the manifest in ~/.mozilla/native-messaging-hosts, the launcher in ~/.local/share/cert-doctor', () => {
    expect(companionLocations('linux', '/home/ann', {})).toEqual({
      manifest: '/home/ann/.mozilla/native-messaging-hosts/cert_doctor_companion.json',
      launcher: '/home/ann/.local/share/cert-doctor/cert_doctor_companion',
      launcherDir: '/home/ann/.local/share/cert-doctor',
      registryKey: null,
    });
  });

  test('Linux: $XDG_DATA_HOME moves the launcher when it is absolute, never the manifest', () => {
    expect(companionLocations('linux', '/home/ann', { XDG_DATA_HOME: '/data/ann' })).toMatchObject({
      manifest: '/home/ann/.mozilla/native-messaging-hosts/cert_doctor_companion.json',
      launcher: '/data/ann/cert-doctor/cert_doctor_companion',
    });
    expect(companionLocations('linux', '/home/ann', { XDG_DATA_HOME: 'relative' }).launcher).toBe(
      '/home/ann/.local/share/cert-doctor/cert_doctor_companion',
    );
  });

  test('macOS: the manifest in ~/Library/Application Support/Mozilla/NativeMessagingHosts', () => {
    expect(companionLocations('darwin', '/Users/ann', {})).toEqual({
      manifest: '/Users/ann/Library/Application Support/Mozilla/NativeMessagingHosts/cert_doctor_companion.json',
      launcher: '/Users/ann/Library/Application Support/Cert Doctor/cert_doctor_companion',
      launcherDir: '/Users/ann/Library/Application Support/Cert Doctor',
      registryKey: null,
    });
  });

  test('Windows: manifest and .cmd launcher under %LOCALAPPDATA%, found through HKCU\\Software\\Mozilla\\NativeMessagingHosts', () => {
    expect(companionLocations('win32', 'C:\\Users\\ann', { LOCALAPPDATA: 'D:\\Local' })).toEqual({
      manifest: 'D:\\Local\\Cert Doctor\\cert_doctor_companion.json',
      launcher: 'D:\\Local\\Cert Doctor\\cert_doctor_companion.cmd',
      launcherDir: 'D:\\Local\\Cert Doctor',
      registryKey: 'HKCU\\Software\\Mozilla\\NativeMessagingHosts\\cert_doctor_companion',
    });
    expect(companionLocations('win32', 'C:\\Users\\ann', {}).manifest).toBe(
      'C:\\Users\\ann\\AppData\\Local\\Cert Doctor\\cert_doctor_companion.json',
    );
  });
});

describe('the files', () => {
  test("the manifest: the name Firefox asks for, stdio, the launcher's absolute path, only Cert Doctor's id", () => {
    const manifest = hostManifest('/home/ann/.local/share/cert-doctor/cert_doctor_companion', 'cert-doctor@cert-doctor.net');
    expect(manifest).toMatchObject({
      name: 'cert_doctor_companion',
      type: 'stdio',
      path: '/home/ann/.local/share/cert-doctor/cert_doctor_companion',
      allowed_extensions: ['cert-doctor@cert-doctor.net'],
    });
    // Firefox's schema for the name (native_manifest.json): ^\w+(\.\w+)*$
    expect(manifest.name).toMatch(/^\w+(\.\w+)*$/);
    expect(JSON.parse(manifestText(manifest))).toEqual(manifest);
  });

  test('the sh launcher runs that Node on that script with "companion host" and Firefox\'s arguments', () => {
    expect(launcherText('linux', '/usr/bin/node', '/opt/cert doctor/cert-doctor.cjs')).toBe(
      '#!/bin/sh\n# Cert Doctor companion, started by Firefox. Written by "cert-doctor companion install".\nexec \'/usr/bin/node\' \'/opt/cert doctor/cert-doctor.cjs\' companion host "$@"\n',
    );
  });

  test("a ' in a path is closed, escaped and reopened; $ and ` stay literal inside single quotes", () => {
    expect(launcherText('darwin', '/usr/local/bin/node', "/Users/o'hara/$HOME/`x`.cjs")).toContain(
      `exec '/usr/local/bin/node' '/Users/o'\\''hara/$HOME/\`x\`.cjs' companion host "$@"`,
    );
  });

  test('the .cmd launcher quotes both paths and doubles %, with CRLF line ends', () => {
    expect(launcherText('win32', 'C:\\Program Files\\nodejs\\node.exe', 'C:\\Users\\ann\\100% sure\\cert-doctor.cjs')).toBe(
      '@echo off\r\nrem Cert Doctor companion, started by Firefox. Written by "cert-doctor companion install".\r\n' +
        '"C:\\Program Files\\nodejs\\node.exe" "C:\\Users\\ann\\100%% sure\\cert-doctor.cjs" companion host %*\r\n',
    );
  });

  test('a path with a line break is refused', () => {
    expect(() => launcherText('linux', '/usr/bin/node', '/tmp/a\nrm -rf ~')).toThrow(/line break/);
    expect(() => launcherText('win32', 'C:\\node.exe', 'C:\\a"b')).toThrow(/quote/);
  });
});

describe('the Windows registry commands', () => {
  const key = 'HKCU\\Software\\Mozilla\\NativeMessagingHosts\\cert_doctor_companion';

  test('add sets the default value to the manifest path, replacing an old one, in the 64-bit view', () => {
    expect(registryAddCommand(key, 'C:\\Users\\ann\\AppData\\Local\\Cert Doctor\\cert_doctor_companion.json')).toEqual({
      file: 'reg',
      args: [
        'add',
        key,
        '/ve',
        '/t',
        'REG_SZ',
        '/d',
        'C:\\Users\\ann\\AppData\\Local\\Cert Doctor\\cert_doctor_companion.json',
        '/f',
        '/reg:64',
      ],
    });
  });

  test('delete and query', () => {
    expect(registryDeleteCommand(key)).toEqual({ file: 'reg', args: ['delete', key, '/f', '/reg:64'] });
    expect(registryQueryCommand(key)).toEqual({ file: 'reg', args: ['query', key, '/ve', '/reg:64'] });
  });

  test("the default value is read from reg query's output", () => {
    const output = `\r\n${key}\r\n    (Default)    REG_SZ    C:\\Users\\ann\\AppData\\Local\\Cert Doctor\\cert_doctor_companion.json\r\n\r\n`;
    expect(defaultValueOf(output)).toBe('C:\\Users\\ann\\AppData\\Local\\Cert Doctor\\cert_doctor_companion.json');
    expect(defaultValueOf(`\r\n${key}\r\n    (Default)    REG_SZ    (value not set)\r\n`)).toBe('(value not set)');
    expect(defaultValueOf('ERROR: The system was unable to find the specified registry key or value.')).toBeNull();
  });
});

describe('install, status and uninstall in a temporary home (Linux)', () => {
  let home: string;
  let target: InstallTarget;
  const noRegistry: RunCommand = () => Promise.reject(new Error('no registry on Linux'));

  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'cert-doctor-home-'));
    target = {
      platform: 'linux',
      home,
      env: {},
      nodePath: '/usr/bin/node',
      scriptPath: '/opt/cert-doctor/build/cli/cert-doctor.cjs',
      extensionId: 'cert-doctor@cert-doctor.net',
    };
  });
  afterEach(async () => {
    await rm(home, { recursive: true, force: true });
  });

  const manifestPath = (): string => join(home, '.mozilla', 'native-messaging-hosts', 'cert_doctor_companion.json');
  const launcherPath = (): string => join(home, '.local', 'share', 'cert-doctor', 'cert_doctor_companion');

  test('install writes the manifest (0644) and an executable launcher (0755) with the expected text', async () => {
    await installCompanion(target, noRegistry);
    expect(JSON.parse(await readFile(manifestPath(), 'utf8'))).toEqual({
      name: 'cert_doctor_companion',
      description: 'Cert Doctor companion: reads the certificates a site sends, when you ask in Cert Doctor',
      path: launcherPath(),
      type: 'stdio',
      allowed_extensions: ['cert-doctor@cert-doctor.net'],
    });
    expect(await readFile(launcherPath(), 'utf8')).toContain(
      "exec '/usr/bin/node' '/opt/cert-doctor/build/cli/cert-doctor.cjs' companion host \"$@\"",
    );
    expect((await stat(manifestPath())).mode & 0o777).toBe(0o644);
    expect((await stat(launcherPath())).mode & 0o777).toBe(0o755);
    expect(await companionStatus(target, noRegistry)).toMatchObject({ installed: true, problems: [] });
  });

  test('install twice is the same install; after a Node move, status says so and install repairs it', async () => {
    await installCompanion(target, noRegistry);
    await installCompanion(target, noRegistry);
    expect((await companionStatus(target, noRegistry)).installed).toBe(true);
    const moved = { ...target, nodePath: '/opt/node22/bin/node' };
    const status = await companionStatus(moved, noRegistry);
    expect(status.installed).toBe(false);
    expect(status.problems).toEqual([`the launcher at ${launcherPath()} runs another Node or another copy of Cert Doctor`]);
    await installCompanion(moved, noRegistry);
    expect((await companionStatus(moved, noRegistry)).installed).toBe(true);
  });

  test('status names what is missing or changed', async () => {
    expect((await companionStatus(target, noRegistry)).problems).toEqual([
      `no manifest at ${manifestPath()}`,
      `no launcher at ${launcherPath()}`,
    ]);
    await installCompanion(target, noRegistry);
    await writeFile(manifestPath(), '{}');
    expect((await companionStatus(target, noRegistry)).problems).toEqual([`the manifest at ${manifestPath()} differs`]);
  });

  test("uninstall removes both files and the launcher's folder, and a second uninstall is fine", async () => {
    await installCompanion(target, noRegistry);
    await uninstallCompanion(target, noRegistry);
    await expect(stat(manifestPath())).rejects.toThrow();
    await expect(stat(launcherPath())).rejects.toThrow();
    expect(await readdir(join(home, '.local', 'share'))).toEqual([]);
    // Firefox's own folder stays: other programs' manifests may live there.
    expect(await readdir(join(home, '.mozilla', 'native-messaging-hosts'))).toEqual([]);
    await uninstallCompanion(target, noRegistry);
    expect((await companionStatus(target, noRegistry)).installed).toBe(false);
  });

  test("uninstall keeps the launcher's folder when something else is in it", async () => {
    await installCompanion(target, noRegistry);
    await writeFile(join(home, '.local', 'share', 'cert-doctor', 'notes.txt'), 'mine');
    await uninstallCompanion(target, noRegistry);
    expect(await readdir(join(home, '.local', 'share', 'cert-doctor'))).toEqual(['notes.txt']);
  });
});

describe('runsFromNpxCache', () => {
  test.each([
    ['/home/ann/.npm/_npx/1415fee72ff6294b/node_modules/cert-doctor/build/cli/cert-doctor.cjs', true],
    ['C:\\Users\\ann\\AppData\\Local\\npm-cache\\_npx\\1415fee7\\node_modules\\cert-doctor\\build\\cli\\cert-doctor.cjs', true],
    ['/usr/lib/node_modules/cert-doctor/build/cli/cert-doctor.cjs', false],
    ['/home/ann/src/cert-doctor/build/cli/cert-doctor.cjs', false],
  ])('%s: %s', (path, expected) => {
    expect(runsFromNpxCache(path)).toBe(expected);
  });
});
