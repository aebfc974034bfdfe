// What the figures depend on besides the extension: the machine, how busy it was, and exactly
// which build was measured (the zip's hash and the commit it was built from).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { promisify } from 'node:util';
import { projectRoot } from '../firefox/extension';

const run = promisify(execFile);

export interface Environment {
  readonly date: string;
  readonly node: string;
  readonly cpuCount: number;
  readonly cpuModel: string;
  /** 1, 5 and 15 minute load averages when the benchmark started. */
  readonly loadAverageAtStart: readonly number[];
  readonly zip: { readonly path: string; readonly sha256: string; readonly modified: string };
  /**
   * For the zip `npm run package` makes: HEAD, and whether the extension's sources differ from
   * it (then the zip may hold uncommitted work). Undefined for a zip given with --zip.
   */
  readonly git: { readonly commit: string; readonly sourcesDirty: boolean } | undefined;
  /** One line on where the zip came from, for the report. */
  readonly build: string;
}

async function gitState(): Promise<Environment['git']> {
  try {
    const options = { cwd: projectRoot, timeout: 10_000 };
    const head = await run('git', ['rev-parse', 'HEAD'], options);
    const status = await run('git', ['status', '--porcelain', '--', 'src', 'popup', 'options', 'manifest.json', '_locales'], options);
    return { commit: head.stdout.trim(), sourcesDirty: status.stdout.trim() !== '' };
  } catch {
    return undefined;
  }
}

export async function describeEnvironment(zipPath: string, packagedHere: boolean): Promise<Environment> {
  const [zipBytes, zipStat, git] = await Promise.all([readFile(zipPath), stat(zipPath), packagedHere ? gitState() : undefined]);
  const build = !packagedHere
    ? 'given with --zip'
    : git === undefined
      ? 'packaged here, not in a git checkout'
      : `packaged from commit ${git.commit.slice(0, 7)}${git.sourcesDirty ? ' plus uncommitted changes to the extension' : ''}`;
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpuCount: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    loadAverageAtStart: loadavg().map((value) => Math.round(value * 100) / 100),
    zip: { path: zipPath, sha256: createHash('sha256').update(zipBytes).digest('hex'), modified: zipStat.mtime.toISOString() },
    git,
    build,
  };
}
