// `cert-doctor companion install | uninstall | status` for the current user: writes (or removes)
// the native messaging manifest and its launcher where Firefox looks (install-locations.ts),
// and on Windows the registry key that points Firefox to the manifest. Nothing needs an
// administrator; running install again rewrites the same files (it repairs a moved Node).

import { chmod, mkdir, readFile, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { hostManifest, launcherText, manifestText } from './host-files';
import { companionLocations, type CompanionLocations, type CompanionPlatform } from './install-locations';
import { defaultValueOf, registryAddCommand, registryDeleteCommand, registryQueryCommand, type RegCommand } from './windows-registry';

export interface InstallTarget {
  readonly platform: CompanionPlatform;
  readonly home: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The Node that runs the host (process.execPath: absolute, so Firefox needs no PATH). */
  readonly nodePath: string;
  /** The built command-line program, run as `<script> companion host`. */
  readonly scriptPath: string;
  readonly extensionId: string;
}

/** Runs a command without a shell (only `reg`, on Windows). */
export type RunCommand = (command: RegCommand) => Promise<{ readonly exitCode: number; readonly stdout: string }>;

const LAUNCHER_MODE = 0o755;
const MANIFEST_MODE = 0o644;

/**
 * Whether the program runs from npm's cache for `npx` (…/_npx/<hash>/…), which npm may clear at
 * any time: a launcher pointing there would stop working without a word.
 */
export function runsFromNpxCache(scriptPath: string): boolean {
  return /[\\/]_npx[\\/]/.test(scriptPath);
}

export function locationsOf(target: InstallTarget): CompanionLocations {
  return companionLocations(target.platform, target.home, target.env);
}

export async function installCompanion(target: InstallTarget, run: RunCommand): Promise<CompanionLocations> {
  const where = locationsOf(target);
  await mkdir(where.launcherDir, { recursive: true });
  await mkdir(dirname(where.manifest), { recursive: true });
  await writeFile(where.launcher, launcherText(target.platform, target.nodePath, target.scriptPath));
  await writeFile(where.manifest, manifestText(hostManifest(where.launcher, target.extensionId)));
  // writeFile's mode applies only to a new file, and through the umask: set exactly.
  if (target.platform !== 'win32') {
    await chmod(where.launcher, LAUNCHER_MODE);
    await chmod(where.manifest, MANIFEST_MODE);
  }
  if (where.registryKey) {
    const { exitCode } = await run(registryAddCommand(where.registryKey, where.manifest));
    if (exitCode !== 0) throw new Error(`reg add ${where.registryKey} failed (exit status ${exitCode})`);
  }
  return where;
}

export async function uninstallCompanion(target: InstallTarget, run: RunCommand): Promise<CompanionLocations> {
  const where = locationsOf(target);
  if (where.registryKey) {
    // Exit status 1 when the key is already gone: uninstalling twice is not an error.
    await run(registryDeleteCommand(where.registryKey));
  }
  await rm(where.manifest, { force: true });
  await rm(where.launcher, { force: true });
  // The launcher's own folder goes too, unless something else was put there.
  await rmdir(where.launcherDir).catch(() => undefined);
  return where;
}

export interface CompanionStatus {
  readonly installed: boolean;
  /** What is missing or differs from what install would write now (empty when installed). */
  readonly problems: readonly string[];
  readonly locations: CompanionLocations;
}

export async function companionStatus(target: InstallTarget, run: RunCommand): Promise<CompanionStatus> {
  const where = locationsOf(target);
  const problems: string[] = [];
  const manifest = await readFile(where.manifest, 'utf8').catch(() => null);
  if (manifest === null) problems.push(`no manifest at ${where.manifest}`);
  else if (manifest !== manifestText(hostManifest(where.launcher, target.extensionId)))
    problems.push(`the manifest at ${where.manifest} differs`);
  const launcher = await readFile(where.launcher, 'utf8').catch(() => null);
  if (launcher === null) problems.push(`no launcher at ${where.launcher}`);
  else if (launcher !== launcherText(target.platform, target.nodePath, target.scriptPath)) {
    problems.push(`the launcher at ${where.launcher} runs another Node or another copy of Cert Doctor`);
  } else if (target.platform !== 'win32' && ((await stat(where.launcher)).mode & 0o111) === 0) {
    problems.push(`the launcher at ${where.launcher} is not executable`);
  }
  if (where.registryKey) {
    const { exitCode, stdout } = await run(registryQueryCommand(where.registryKey));
    const value = exitCode === 0 ? defaultValueOf(stdout) : null;
    if (value !== where.manifest) problems.push(`the registry key ${where.registryKey} does not point to ${where.manifest}`);
  }
  return { installed: problems.length === 0, problems, locations: where };
}
