// npm run bench: page-load time in a real headless Firefox, with vs without Cert Doctor, warm
// (event page awake) and cold (event page asleep before each load); then the popup's time to
// content, its work and its size against an empty extension page; then the flood (the ordinary
// page before and after a page of 1,000 frames and 10,000 failing images, and the background's
// longest stall meanwhile). See BENCHMARKS.md.
//   node build/bench/bench.cjs [--quick] [--zip path] [--only warm|cold|popup|flood]
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { packagedExtensionPath, projectRoot } from '../firefox/extension';
import { firefoxExecutable } from '../firefox/launch';
import { writeBenchZip } from './bench-zip';
import { parseArgs, USAGE, type PopupConfig } from './config';
import { describeEnvironment, type Environment } from './environment';
import { raisePriority } from './priority';
import { formatPopupTable, popupResultsDocument, summarizePopup } from './popup-report';
import { runPopupSession } from './popup-session';
import { measurePopupSizes } from './popup-size';
import { formatTable, resultsDocument, summarize } from './report';
import { floodResultsDocument, formatFloodTable } from './flood-report';
import { runFloodSession, type FloodSessionResult } from './flood-session';
import { runSession, type SessionResult } from './session';
import { startBenchSite, type BenchSite } from './site';

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

  const outDir = join(projectRoot, 'build', 'bench');
  await mkdir(outDir, { recursive: true });
  const site = await startBenchSite();
  const sessions: SessionResult[] = [];
  let popup: PopupOutcome | undefined;
  let flood: FloodSessionResult | undefined;
  try {
    for (const modeConfig of config.modes) {
      log(`${modeConfig.mode}: ${modeConfig.runs} runs x ${modeConfig.rounds} rounds, 3 Firefox instances...`);
      sessions.push(await runSession(modeConfig, { site, zipPath, log, persistentBackground }));
    }
    if (config.popup !== undefined) popup = await measurePopup(config.popup, zipPath, outDir, site, environment);
    if (config.flood !== undefined) {
      log('flood: one Firefox instance with the extension, the lab for the flood page...');
      flood = await runFloodSession(config.flood, site, zipPath, log);
    }
  } finally {
    await site.stop();
  }

  const summaries = sessions.map(summarize);
  if (sessions.length > 0) {
    log('');
    log(formatTable(environment, sessions, summaries));
  }
  if (popup !== undefined) {
    log('');
    log(popup.table);
  }
  if (flood !== undefined) {
    log('');
    log(formatFloodTable(environment, flood));
  }
  const outFile = join(outDir, config.quick ? 'results-quick.json' : 'results.json');
  const document = {
    ...(resultsDocument(environment, sessions, summaries, config.quick) as object),
    popup: popup?.document,
    flood: flood === undefined ? undefined : floodResultsDocument(flood),
  };
  await writeFile(outFile, `${JSON.stringify(document, null, 2)}\n`);
  log(`\nResults: ${outFile}`);

  const failed = [
    ...summaries.filter((summary) => !summary.checksPassed).map((summary) => summary.mode),
    ...(popup && !popup.checksPassed ? ['popup'] : []),
    ...(flood && !flood.check.ok ? ['flood'] : []),
  ];
  if (failed.length > 0) {
    log(`The ${failed.join(' and ')} figures are not valid: a check above failed.`);
    return 1;
  }
  return 0;
}

interface PopupOutcome {
  readonly table: string;
  readonly document: unknown;
  readonly checksPassed: boolean;
}

/** The popup part, in its own Firefox, with the zip plus the empty page (bench-zip.ts). */
async function measurePopup(
  config: PopupConfig,
  zipPath: string,
  outDir: string,
  site: BenchSite,
  environment: Environment,
): Promise<PopupOutcome> {
  const sizes = measurePopupSizes(zipPath);
  const benchZip = writeBenchZip(zipPath, join(outDir, 'extension-with-empty-page.zip'));
  log(`popup: ${config.runs} runs x ${config.rounds} rounds, one Firefox instance...`);
  const session = await runPopupSession(config, { site, zipPath: benchZip, log });
  const summary = summarizePopup(session, sizes);
  return {
    table: formatPopupTable(environment, session, sizes, summary),
    document: popupResultsDocument(session, sizes, summary),
    checksPassed: summary.checksPassed,
  };
}

// Every wait inside has its own limit; this one bounds the whole run.
const quick = process.argv.includes('--quick');
const watchdogMinutes = quick ? 12 : 35;
const watchdog = setTimeout(() => {
  console.error(`bench: gave up after ${watchdogMinutes} minutes.`);
  process.exit(2);
}, watchdogMinutes * 60_000);

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
