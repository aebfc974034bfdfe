// One mode (warm or cold) from launch to close: three identical Firefox instances, the
// extension moving to the next instance every run, loads alternating one by one in a
// different order every round, then the checks that the figures mean what they claim.
import { loadavg } from 'node:os';
import { withTimeout } from '../firefox/launch';
import type { ModeConfig } from './config';
import { launchInstances, type Instance, type InstanceSet } from './instances';
import { createLoader, type LoadRecord, type Spacing } from './loader';
import { INSTANCE_COUNT, ROLES, orderForRound, rolesForRun, type Role, type RoleAssignment } from './schedule';
import { BENCH_HOST, type BenchSite } from './site';
import { median, ratioOfMedians } from './stats';
import {
  verifyAsleepBeforeColdLoads,
  verifyAwakeAfterWarmLoads,
  verifyExtensionRecorded,
  type EventPageCheck,
  type RecordingCheck,
} from './verify';

export interface RunResult {
  readonly run: number;
  /** Instance index of each role in this run. */
  readonly roles: RoleAssignment;
  readonly loads: Readonly<Record<Role, readonly LoadRecord[]>>;
  readonly medianMs: Readonly<Record<Role, number>>;
  /** median(extension) / median(baseline). */
  readonly extensionRatio: number;
  /** median(control) / median(baseline): two instances without the extension. */
  readonly controlRatio: number;
  /** The machine's 1-minute load average when the run ended (other work on the machine adds noise). */
  readonly loadAverageAtEnd: number;
}

export interface SessionResult {
  readonly config: ModeConfig;
  readonly runs: readonly RunResult[];
  readonly eventPage: EventPageCheck;
  readonly recording: RecordingCheck;
  /** Smallest idle time of an instance before a measured load (cold: must exceed the idle timeout). */
  readonly minIdleBeforeLoadMs: number;
  readonly firefoxVersion: string;
  readonly seconds: number;
}

export interface SessionOptions {
  readonly site: BenchSite;
  readonly zipPath: string;
  readonly log: (line: string) => void;
  /** A persistent background page never unloads: there is no event page to check. */
  readonly persistentBackground: boolean;
}

export async function runSession(config: ModeConfig, options: SessionOptions): Promise<SessionResult> {
  const started = Date.now();
  const set = await launchInstances({
    count: INSTANCE_COUNT,
    root: options.site.root,
    hosts: [BENCH_HOST],
    prefs: config.prefs,
    zipPath: options.zipPath,
  });
  try {
    const first = set.instances[0];
    const firefoxVersion = first ? await withTimeout(first.browser.version(), 10_000, 'asking Firefox its version') : 'unknown';
    return await measure(config, options, set, firefoxVersion, started);
  } finally {
    await set.close();
  }
}

async function measure(
  config: ModeConfig,
  options: SessionOptions,
  set: InstanceSet,
  firefoxVersion: string,
  started: number,
): Promise<SessionResult> {
  const { site, log } = options;
  const loader = createLoader(site);
  const warmSpacing: Spacing = { idleBeforeLoadMs: 0, gapMs: config.gapMs };
  const spacing: Spacing = { idleBeforeLoadMs: config.idleBeforeLoadMs, gapMs: config.gapMs };
  const instance = (index: number): Instance => {
    const found = set.instances[index];
    if (found === undefined) throw new Error(`no instance ${index}`);
    return found;
  };

  const runs: RunResult[] = [];
  let recording: RecordingCheck = { ok: false, summary: 'NOT VERIFIED: no run' };
  for (let run = 0; run < config.runs; run++) {
    const roles = rolesForRun(run);
    await set.placeExtension(roles.extension);
    // After a (re)install: the extension's start-up and the first loads' connection set-up
    // happen here, unmeasured.
    for (let round = 0; round < config.warmupRounds; round++) {
      for (const role of orderForRound(round)) {
        await loader.load(instance(roles[role]), `${config.mode}-warmup-${run}-${round}-${role}`, warmSpacing);
      }
    }
    const loads: Record<Role, LoadRecord[]> = { extension: [], baseline: [], control: [] };
    for (let round = 0; round < config.rounds; round++) {
      for (const role of orderForRound(round)) {
        loads[role].push(await loader.load(instance(roles[role]), `${config.mode}-${run}-${round}-${role}`, spacing));
      }
    }
    const times = (role: Role): number[] => loads[role].map((load) => load.ms);
    const result: RunResult = {
      run,
      roles,
      loads,
      medianMs: { extension: median(times('extension')), baseline: median(times('baseline')), control: median(times('control')) },
      extensionRatio: ratioOfMedians(times('extension'), times('baseline')),
      controlRatio: ratioOfMedians(times('control'), times('baseline')),
      loadAverageAtEnd: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    };
    runs.push(result);
    log(
      `${config.mode} run ${run + 1}/${config.runs} (extension in instance ${roles.extension}): ` +
        `extension ${result.extensionRatio.toFixed(3)}x, control ${result.controlRatio.toFixed(3)}x ` +
        `(median ms: extension ${result.medianMs.extension.toFixed(0)}, baseline ${result.medianMs.baseline.toFixed(0)}, ` +
        `control ${result.medianMs.control.toFixed(0)}; load average ${result.loadAverageAtEnd})`,
    );
    if (run === 0) {
      // Now, not at the end: Firefox forgets the fixed internal UUID on uninstall, so after the
      // extension has moved away and back its popup is no longer at the address readPopupFor uses.
      recording = await verifyExtensionRecorded(instance(roles.extension), site, loader.lastLoadIdOf(instance(roles.extension)));
      log(`${config.mode} extension check: ${recording.summary}`);
    }
  }

  const holder = set.extensionIn();
  if (holder === undefined) throw new Error('no run placed the extension');
  const extensionInstance = instance(holder);
  const eventPage = options.persistentBackground
    ? { ok: true, summary: 'persistent background page: it never unloads, so cold loads differ from warm ones only by the pause' }
    : config.mode === 'cold'
      ? await verifyAsleepBeforeColdLoads(extensionInstance, loader, spacing, `${config.mode}-verify`)
      : await verifyAwakeAfterWarmLoads(extensionInstance);
  log(`${config.mode} event page check: ${eventPage.summary}`);

  const idles = runs.flatMap((result) => ROLES.flatMap((role) => result.loads[role].map((load) => load.idleBeforeMs)));
  return {
    config,
    runs,
    eventPage,
    recording,
    minIdleBeforeLoadMs: Math.min(...idles),
    firefoxVersion,
    seconds: (Date.now() - started) / 1000,
  };
}
