// The benchmark's output: a summary per mode (median and min-max of the per-run ratios), a
// table for the terminal, and the JSON document written to build/bench/results.json.
import type { Environment } from './environment';
import type { PriorityOutcome } from './priority';
import { ROLES, type Role } from './schedule';
import type { SessionResult } from './session';
import { median, round, spread, type Spread } from './stats';

export interface ModeSummary {
  readonly mode: string;
  readonly runs: number;
  readonly rounds: number;
  readonly target: number;
  readonly extensionRatio: Spread;
  readonly controlRatio: Spread;
  readonly perRunExtensionRatios: readonly number[];
  readonly perRunControlRatios: readonly number[];
  /** Median of every measured load of each role in this mode. */
  readonly medianLoadMs: Readonly<Record<Role, number>>;
  /** Median over runs of (median extension - median baseline), ms. */
  readonly extraMsPerLoad: number;
  readonly meetsTarget: boolean;
  readonly checksPassed: boolean;
}

export function summarize(session: SessionResult): ModeSummary {
  const { config, runs } = session;
  const extensionRatios = runs.map((run) => run.extensionRatio);
  const controlRatios = runs.map((run) => run.controlRatio);
  const allMs = (role: Role): number[] => runs.flatMap((run) => run.loads[role].map((load) => load.ms));
  const medianLoadMs = Object.fromEntries(ROLES.map((role) => [role, round(median(allMs(role)), 1)])) as Record<Role, number>;
  const extensionRatio = spread(extensionRatios);
  return {
    mode: config.mode,
    runs: config.runs,
    rounds: config.rounds,
    target: config.target,
    extensionRatio: roundSpread(extensionRatio),
    controlRatio: roundSpread(spread(controlRatios)),
    perRunExtensionRatios: extensionRatios.map((value) => round(value, 4)),
    perRunControlRatios: controlRatios.map((value) => round(value, 4)),
    medianLoadMs,
    extraMsPerLoad: round(median(runs.map((run) => run.medianMs.extension - run.medianMs.baseline)), 1),
    meetsTarget: extensionRatio.median <= config.target,
    checksPassed: session.eventPage.ok && session.recording.ok,
  };
}

function roundSpread(value: Spread): Spread {
  return { median: round(value.median, 4), min: round(value.min, 4), max: round(value.max, 4) };
}

const ratio = (value: number): string => `${value.toFixed(3)}x`;
const spreadText = (value: Spread): string => `${ratio(value.median)} (${value.min.toFixed(3)}-${value.max.toFixed(3)})`;

export function formatTable(
  environment: Environment & { readonly priority: PriorityOutcome },
  sessions: readonly SessionResult[],
  summaries: readonly ModeSummary[],
): string {
  const firefox = sessions[0]?.firefoxVersion ?? 'unknown';
  const header = [
    'mode',
    'runs x rounds',
    'extension ratio: median (min-max)',
    'control ratio: median (min-max)',
    'median ms ext / base / ctl',
    'extra ms',
    'target',
  ];
  const rows = summaries.map((summary) => [
    summary.mode,
    `${summary.runs} x ${summary.rounds}`,
    spreadText(summary.extensionRatio),
    spreadText(summary.controlRatio),
    ROLES.map((role) => summary.medianLoadMs[role].toFixed(0)).join(' / '),
    summary.extraMsPerLoad.toFixed(1),
    `<= ${summary.target.toFixed(2)}x ${summary.meetsTarget ? 'met' : 'MISSED'}`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  const lines = [
    `Cert Doctor page-load benchmark: ${environment.date}, ${firefox}, ${environment.cpuCount} CPUs (${environment.cpuModel}), ` +
      `load average at start ${environment.loadAverageAtStart.join(' ')}, scheduling priority ${environment.priority.note}`,
    `Extension: ${environment.zip.path} (sha256 ${environment.zip.sha256.slice(0, 12)}, ${environment.build})`,
    '',
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
    '',
  ];
  for (const [index, summary] of summaries.entries()) {
    const session = sessions[index];
    lines.push(`${summary.mode} per-run extension ratios: ${summary.perRunExtensionRatios.map((value) => value.toFixed(3)).join(' ')}`);
    lines.push(`${summary.mode} per-run control ratios:   ${summary.perRunControlRatios.map((value) => value.toFixed(3)).join(' ')}`);
    if (session !== undefined) {
      lines.push(`${summary.mode} checks: event page ${session.eventPage.summary}; extension ${session.recording.summary}`);
      lines.push(
        `${summary.mode} shortest idle before a measured load: ${session.minIdleBeforeLoadMs.toFixed(0)} ms; session took ${session.seconds.toFixed(0)} s`,
      );
    }
  }
  return lines.join('\n');
}

export function resultsDocument(
  environment: Environment,
  sessions: readonly SessionResult[],
  summaries: readonly ModeSummary[],
  quick: boolean,
): unknown {
  return {
    benchmark: 'cert-doctor page load, with vs without the extension',
    quick,
    environment,
    firefox: sessions[0]?.firefoxVersion,
    summaries,
    sessions: sessions.map((session) => ({
      config: session.config,
      seconds: round(session.seconds, 1),
      minIdleBeforeLoadMs: round(session.minIdleBeforeLoadMs, 0),
      eventPage: session.eventPage,
      recording: session.recording,
      runs: session.runs.map((run) => ({
        run: run.run,
        roles: run.roles,
        extensionRatio: round(run.extensionRatio, 4),
        controlRatio: round(run.controlRatio, 4),
        medianMs: run.medianMs,
        loadAverageAtEnd: run.loadAverageAtEnd,
        loadMs: Object.fromEntries(ROLES.map((role) => [role, run.loads[role].map((load) => round(load.ms, 1))])),
        idleBeforeMs: Object.fromEntries(ROLES.map((role) => [role, run.loads[role].map((load) => round(load.idleBeforeMs, 0))])),
      })),
    })),
  };
}
