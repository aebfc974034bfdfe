// What `npm run bench` measures and how much: the full run (about 10 minutes on a 2-core
// machine: page loads, then the popup, then the flood) or --quick (about 2 minutes, a smoke run whose figures
// are too coarse to quote).

/** warm: the event page is awake (loads back to back). cold: it is asleep before every load. */
export type Mode = 'warm' | 'cold';

export interface ModeConfig {
  readonly mode: Mode;
  /** Runs; the extension moves to the next Firefox instance every run (see schedule.ts). */
  readonly runs: number;
  /** Measured rounds per run; every round loads the page once in each instance. */
  readonly rounds: number;
  /** Unmeasured rounds after the extension is (re)installed, at warm spacing. */
  readonly warmupRounds: number;
  /** Every instance must have been idle this long before each of its measured loads. */
  readonly idleBeforeLoadMs: number;
  /** Quiet time after any load before the next one starts, so one load's tail work is not timed in the next. */
  readonly gapMs: number;
  /** Extra Firefox preferences for the session (the same in every instance). */
  readonly prefs: Readonly<Record<string, number>>;
  /** Ratio the project aims for (median with / median without). */
  readonly target: number;
}

/** The popup part: opens of the popup and of the empty extension page in one Firefox. */
export interface PopupConfig {
  /** Runs x rounds; every round opens the popup, the empty page and the empty page again (control). */
  readonly runs: number;
  readonly rounds: number;
  /** Unmeasured rounds first (the first opens of each page fill caches). */
  readonly warmupRounds: number;
  /** CPU time is summed over this window from the start of each open, the same for every page. */
  readonly windowMs: number;
  /** Before each open: garbage collected in every process, then this quiet time, so the previous page's teardown is not counted. */
  readonly gapMs: number;
  /** Targets from the issue. */
  readonly targets: {
    /** median(popup time to content) / median(empty page's). */
    readonly contentRatio: number;
    /** median(popup main-thread CPU) - median(empty page's), ms. */
    readonly ownWorkMs: number;
    /** The JavaScript popup.html loads, gzipped, bytes. */
    readonly gzippedJsBytes: number;
  };
}

/** The flood part (flood-session.ts): the ordinary page before and after the lab's flood page. */
export interface FloodConfig {
  /** Measured loads of the ordinary page before the flood, and as many after. */
  readonly loads: number;
  /** Unmeasured loads first. */
  readonly warmupLoads: number;
  /** Quiet time before each ordinary load. */
  readonly gapMs: number;
}

export interface BenchConfig {
  readonly quick: boolean;
  /** Zip to install; undefined means the one `npm run package` makes. */
  readonly zipPath: string | undefined;
  /** The measured extension has a persistent background page (Manifest V2): nothing unloads. */
  readonly persistentBackground: boolean | undefined;
  readonly modes: readonly ModeConfig[];
  /** Undefined when --only names a page-load mode. */
  readonly popup: PopupConfig | undefined;
  /** Undefined when --only names another part. */
  readonly flood: FloodConfig | undefined;
}

/** Firefox unloads an idle event page after extensions.background.idle.timeout ms (default 30 000). */
export const COLD_IDLE_TIMEOUT_MS = 1_000;
/** Pause before each cold load: well over the idle timeout plus the time Firefox takes to stop the page. */
export const COLD_PAUSE_MS = 2_500;

function modes(quick: boolean): ModeConfig[] {
  const warm: ModeConfig = {
    mode: 'warm',
    runs: quick ? 2 : 6,
    rounds: quick ? 6 : 18,
    warmupRounds: 3,
    idleBeforeLoadMs: 0,
    gapMs: 100,
    prefs: {},
    target: 1.02,
  };
  const cold: ModeConfig = {
    mode: 'cold',
    runs: quick ? 1 : 3,
    rounds: quick ? 6 : 18,
    warmupRounds: 3,
    idleBeforeLoadMs: COLD_PAUSE_MS,
    gapMs: 250,
    prefs: { 'extensions.background.idle.timeout': COLD_IDLE_TIMEOUT_MS },
    target: 1.1,
  };
  return [warm, cold];
}

function popupConfig(quick: boolean): PopupConfig {
  return {
    runs: quick ? 1 : 5,
    // 60 opens of each page in the full run: one open of the empty page varies by about 30%.
    rounds: quick ? 6 : 12,
    warmupRounds: 1,
    windowMs: 1_500,
    gapMs: 500,
    targets: { contentRatio: 1.3, ownWorkMs: 20, gzippedJsBytes: 40 * 1024 },
  };
}

function floodConfig(quick: boolean): FloodConfig {
  return { loads: quick ? 6 : 18, warmupLoads: 3, gapMs: 250 };
}

type Part = Mode | 'popup' | 'flood';

export const USAGE = `Usage: node build/bench/bench.cjs [--quick] [--zip path/to/extension.zip] [--only warm|cold|popup]
  --quick   a ~2 minute smoke run (fewer runs and rounds)
  --zip     install this zip instead of web-ext-artifacts/cert-doctor-<version>.zip
  --persistent-background / --event-page   the background model of that zip (default: read
            from manifest.json, which is the packaged zip's)
  --only    measure one part only: a page-load mode, the popup, or the flood`;

export function parseArgs(argv: readonly string[]): BenchConfig {
  let quick = false;
  let zipPath: string | undefined;
  let only: Part | undefined;
  let persistentBackground: boolean | undefined;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--quick') quick = true;
    else if (arg === '--persistent-background') persistentBackground = true;
    else if (arg === '--event-page') persistentBackground = false;
    else if (arg === '--zip' || arg === '--only') {
      const value = argv[++index];
      if (value === undefined) throw new Error(`${arg} needs a value.\n${USAGE}`);
      if (arg === '--zip') zipPath = value;
      else if (value === 'warm' || value === 'cold' || value === 'popup' || value === 'flood') only = value;
      else throw new Error(`--only takes warm, cold, popup or flood, not "${value}".\n${USAGE}`);
    } else throw new Error(`Unknown argument "${arg ?? ''}".\n${USAGE}`);
  }
  return {
    quick,
    zipPath,
    persistentBackground,
    modes: modes(quick).filter((config) => only === undefined || config.mode === only),
    popup: only === undefined || only === 'popup' ? popupConfig(quick) : undefined,
    flood: only === undefined || only === 'flood' ? floodConfig(quick) : undefined,
  };
}
