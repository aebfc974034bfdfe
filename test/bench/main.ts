// npm run bench: page-load time in a real headless Firefox, with vs without Cert Doctor, warm
// (event page awake) and cold (event page asleep before each load). See BENCHMARKS.md.
//   node build/bench/bench.cjs [--quick] [--zip path] [--only warm|cold]
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { packagedExtensionPath, projectRoot } from '../firefox/extension';
import { firefoxExecutable } from '../firefox/launch';
import { parseArgs, USAGE } from './config';
import { describeEnvironment } from './environment';
import { raisePriority } from './priority';
import { formatTable, resultsDocument, summarize } from './report';
import { runSession, type SessionResult } from './session';
import { startBenchSite } from './site';

const log = (line: string): void => {
  console.log(line);
};

function zipToInstall(requested: string | undefined): string {
  if (requested === undefined) return packagedExtensionPath();
  const path = resolve(requested);
  if (!existsSync(path)) throw new Error(`${path} does not exist (given with --zip).`);
  return path;
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help')) {
    log(USAGE);
    return 0;
  }
  const config = parseArgs(argv);
  // Fail before anything starts if a prerequisite is missing, with the fix in the message.
  firefoxExecutable();
  const zipPath = zipToInstall(config.zipPath);
  const persistentBackground = config.persistentBackground ?? projectHasPersistentBackground();
  const priority = raisePriority();
  const environment = { ...(await describeEnvironment(zipPath, config.zipPath === undefined)), priority };
  const [oneMinuteLoad] = environment.loadAverageAtStart;
  if (oneMinuteLoad !== undefined && oneMinuteLoad > 0.5 * environment.cpuCount) {
    log(`Warning: the machine is busy (load average ${oneMinuteLoad}); the figures will be noisier than usual.`);
  }

  const site = await startBenchSite();
  const sessions: SessionResult[] = [];
  try {
    for (const modeConfig of config.modes) {
      log(`${modeConfig.mode}: ${modeConfig.runs} runs x ${modeConfig.rounds} rounds, 3 Firefox instances...`);
      sessions.push(await runSession(modeConfig, { site, zipPath, log, persistentBackground }));
    }
  } finally {
    await site.stop();
  }

  const summaries = sessions.map(summarize);
  log('');
  log(formatTable(environment, sessions, summaries));
  const outDir = join(projectRoot, 'build', 'bench');
  await mkdir(outDir, { recursive: true });
  const outFile = join(outDir, config.quick ? 'results-quick.json' : 'results.json');
  await writeFile(outFile, `${JSON.stringify(resultsDocument(environment, sessions, summaries, config.quick), null, 2)}\n`);
  log(`\nResults: ${outFile}`);

  const failed = summaries.filter((summary) => !summary.checksPassed);
  if (failed.length > 0) {
    log(`The ${failed.map((summary) => summary.mode).join(' and ')} figures are not valid: a check above failed.`);
    return 1;
  }
  return 0;
}

// Every wait inside has its own limit; this one bounds the whole run.
const quick = process.argv.includes('--quick');
const watchdog = setTimeout(() => {
  console.error(`bench: gave up after ${quick ? 5 : 15} minutes.`);
  process.exit(2);
}, (quick ? 5 : 15) * 60_000);

main(process.argv.slice(2)).then(
  (code) => {
    clearTimeout(watchdog);
    process.exitCode = code;
  },
  (error: unknown) => {
    clearTimeout(watchdog);
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);

/** Manifest V2 with a background that is not an event page (persistent is its default). */
function projectHasPersistentBackground(): boolean {
  const manifest = JSON.parse(readFileSync(join(projectRoot, 'manifest.json'), 'utf8')) as {
    manifest_version?: number;
    background?: { persistent?: boolean };
  };
  return manifest.manifest_version === 2 && manifest.background?.persistent !== false;
}
