// The popup part's output: per-run ratios and differences summarised like the page-load part
// (median and min-max over runs), the medians of every open, the sizes, each against the
// issue's target; a table for the terminal and a section of build/bench/results.json.
import type { Environment } from './environment';
import type { PopupSessionResult, PopupRole } from './popup-session';
import { POPUP_ROLES } from './popup-session';
import type { PopupSizes } from './popup-size';
import { median, round, spread, type Spread } from './stats';

export interface PopupSummary {
  readonly runs: number;
  readonly rounds: number;
  /** Time to content, ms, median of every measured open of each page. */
  readonly contentMs: Readonly<Record<PopupRole, number>>;
  readonly contentRatio: Spread;
  readonly controlContentRatio: Spread;
  /** The same from every open pooled: median(all popup opens) / median(all empty-page opens). */
  readonly pooledContentRatio: number;
  readonly pooledControlContentRatio: number;
  /** Main-thread CPU of the extension process per open, ms, median of every open of each page. */
  readonly mainThreadMs: Readonly<Record<PopupRole, number>>;
  /** All its threads, ms. */
  readonly allThreadsMs: Readonly<Record<PopupRole, number>>;
  /** Per run: median(popup main-thread) - median(empty). */
  readonly ownWorkMs: Spread;
  readonly controlOwnWorkMs: Spread;
  readonly contentTarget: { readonly ratio: number; readonly met: boolean };
  readonly ownWorkTarget: { readonly ms: number; readonly met: boolean };
  readonly sizeTarget: { readonly gzippedBytes: number; readonly met: boolean };
  readonly checksPassed: boolean;
}

const roundSpread = (value: Spread, digits: number): Spread => ({
  median: round(value.median, digits),
  min: round(value.min, digits),
  max: round(value.max, digits),
});

export function summarizePopup(session: PopupSessionResult, sizes: PopupSizes): PopupSummary {
  const { config, runs } = session;
  const pooled = (pick: (role: PopupRole) => number): Record<PopupRole, number> =>
    Object.fromEntries(POPUP_ROLES.map((role) => [role, round(pick(role), 1)])) as Record<PopupRole, number>;
  const all = <T>(role: PopupRole, value: (record: PopupSessionResult['runs'][number]['opens'][PopupRole][number]) => T): T[] =>
    runs.flatMap((run) => run.opens[role].map(value));
  const contentRatio = spread(runs.map((run) => run.contentRatio));
  const ownWork = spread(runs.map((run) => run.ownWorkMs));
  const contentMs = (role: PopupRole): number => median(all(role, (record) => record.contentMs ?? Number.NaN));
  return {
    runs: config.runs,
    rounds: config.rounds,
    contentMs: pooled(contentMs),
    contentRatio: roundSpread(contentRatio, 3),
    controlContentRatio: roundSpread(spread(runs.map((run) => run.controlContentRatio)), 3),
    pooledContentRatio: round(contentMs('popup') / contentMs('empty'), 3),
    pooledControlContentRatio: round(contentMs('control') / contentMs('empty'), 3),
    mainThreadMs: pooled((role) => median(all(role, (record) => record.mainThreadMs))),
    allThreadsMs: pooled((role) => median(all(role, (record) => record.allThreadsMs))),
    ownWorkMs: roundSpread(ownWork, 1),
    controlOwnWorkMs: roundSpread(spread(runs.map((run) => run.controlOwnWorkMs)), 1),
    contentTarget: { ratio: config.targets.contentRatio, met: contentRatio.median <= config.targets.contentRatio },
    ownWorkTarget: { ms: config.targets.ownWorkMs, met: ownWork.median < config.targets.ownWorkMs },
    sizeTarget: { gzippedBytes: config.targets.gzippedJsBytes, met: sizes.scriptGzippedBytes <= config.targets.gzippedJsBytes },
    checksPassed: session.check.ok,
  };
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
const verdict = (met: boolean): string => (met ? 'met' : 'MISSED');

export function formatPopupTable(environment: Environment, session: PopupSessionResult, sizes: PopupSizes, summary: PopupSummary): string {
  const ratioSpread = (value: Spread): string => `${value.median.toFixed(2)}x (${value.min.toFixed(2)}-${value.max.toFixed(2)})`;
  const msSpread = (value: Spread): string => `${value.median.toFixed(1)} ms (${value.min.toFixed(1)} to ${value.max.toFixed(1)})`;
  const perRole = (values: Readonly<Record<PopupRole, number>>): string => POPUP_ROLES.map((role) => values[role].toFixed(0)).join(' / ');
  const { contentTarget, ownWorkTarget, sizeTarget } = summary;
  const rows: string[][] = [
    ['measure', 'popup vs empty page: median (min-max) over runs', 'control vs empty page', 'median ms popup / empty / control', 'target'],
    [
      'time to content',
      ratioSpread(summary.contentRatio),
      ratioSpread(summary.controlContentRatio),
      perRole(summary.contentMs),
      `<= ${contentTarget.ratio.toFixed(2)}x ${verdict(contentTarget.met)}${contentTarget.met ? '' : ` (by ${((summary.contentRatio.median / contentTarget.ratio - 1) * 100).toFixed(0)}%)`}`,
    ],
    [
      "popup's own work (main thread)",
      msSpread(summary.ownWorkMs),
      msSpread(summary.controlOwnWorkMs),
      perRole(summary.mainThreadMs),
      `< ${ownWorkTarget.ms} ms ${verdict(ownWorkTarget.met)}${ownWorkTarget.met ? '' : ` (${(summary.ownWorkMs.median / ownWorkTarget.ms).toFixed(1)}x the target)`}`,
    ],
    ['all threads of the process (for reference)', '', '', perRole(summary.allThreadsMs), ''],
  ];
  const widths = (rows[0] ?? []).map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  const [header, ...body] = rows;
  const lines = [
    `Cert Doctor popup benchmark: ${environment.date}, ${session.firefoxVersion}, ${environment.cpuCount} CPUs (${environment.cpuModel}), ` +
      `load average at start ${environment.loadAverageAtStart.join(' ')}, at the end of each run ${session.runs.map((run) => run.loadAverageAtEnd).join(' ')}`,
    `Extension: ${environment.zip.path} (sha256 ${environment.zip.sha256.slice(0, 12)}, ${environment.build}), plus the empty page`,
    `${summary.runs} runs x ${summary.rounds} rounds ` +
      `(${summary.runs * summary.rounds} opens of each page), popup for ${session.failingPage.url} (${session.failingPage.code}, verdict ${session.failingPage.verdict})`,
    '',
    line(header ?? []),
    line(widths.map((width) => '-'.repeat(width))),
    ...body.map(line),
    '',
    `time to content, every open pooled: popup ${summary.pooledContentRatio.toFixed(2)}x the empty page, control ${summary.pooledControlContentRatio.toFixed(2)}x`,
    `per-run time-to-content ratios: ${session.runs.map((run) => run.contentRatio.toFixed(3)).join(' ')} (controls ${session.runs.map((run) => run.controlContentRatio.toFixed(3)).join(' ')})`,
    `per-run own work, ms: ${session.runs.map((run) => run.ownWorkMs.toFixed(1)).join(' ')} (controls ${session.runs.map((run) => run.controlOwnWorkMs.toFixed(1)).join(' ')})`,
    `popup checks: ${session.check.summary}; session took ${session.seconds.toFixed(0)} s`,
    '',
    `Popup JavaScript (${sizes.scripts.map((file) => file.path).join(', ')}): ${sizes.scriptBytes} bytes (${kib(sizes.scriptBytes)}), ` +
      `gzipped ${sizes.scriptGzippedBytes} bytes (${kib(sizes.scriptGzippedBytes)}); target <= ${kib(sizeTarget.gzippedBytes)} gzipped: ${verdict(sizeTarget.met)}` +
      (sizeTarget.met ? '' : ` (${(sizes.scriptGzippedBytes / sizeTarget.gzippedBytes).toFixed(2)}x the target)`),
    ...sizes.guides.map(
      (file) =>
        `Whole guide (the report page loads it; the popup loads only per-entry files under dist/guide/<lang>/), ${file.path}: ${file.bytes} bytes (${kib(file.bytes)}), gzipped ${file.gzippedBytes} bytes (${kib(file.gzippedBytes)})`,
    ),
  ];
  return lines.join('\n');
}

export function popupResultsDocument(session: PopupSessionResult, sizes: PopupSizes, summary: PopupSummary): unknown {
  return {
    config: session.config,
    firefox: session.firefoxVersion,
    seconds: round(session.seconds, 1),
    failingPage: session.failingPage,
    check: session.check,
    summary,
    sizes,
    runs: session.runs.map((run) => ({
      run: run.run,
      contentRatio: round(run.contentRatio, 4),
      controlContentRatio: round(run.controlContentRatio, 4),
      ownWorkMs: round(run.ownWorkMs, 2),
      controlOwnWorkMs: round(run.controlOwnWorkMs, 2),
      loadAverageAtEnd: run.loadAverageAtEnd,
      opens: Object.fromEntries(
        POPUP_ROLES.map((role) => [
          role,
          run.opens[role].map((record) => ({
            contentMs: record.contentMs,
            contentElement: record.contentElement,
            firstContentfulPaintMs: record.firstContentfulPaintMs,
            domContentLoadedMs: record.domContentLoadedMs,
            mainThreadMs: round(record.mainThreadMs, 2),
            allThreadsMs: round(record.allThreadsMs, 2),
          })),
        ]),
      ),
    })),
  };
}
