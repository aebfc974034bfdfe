// The flood part's table and its entry in the results file.
import type { Environment } from './environment';
import type { FloodSessionResult } from './flood-session';
import { PROBE_INTERVAL_MS } from './flood-session';
import { median } from './stats';

export function formatFloodTable(environment: Environment, session: FloodSessionResult): string {
  const ms = (value: number): string => `${value.toFixed(0)} ms`;
  const range = (values: readonly number[]): string =>
    `${ms(median(values))} (${Math.min(...values).toFixed(0)}-${Math.max(...values).toFixed(0)})`;
  const { probe } = session;
  return [
    `Cert Doctor flood benchmark: ${environment.date}, ${environment.cpuCount} CPUs (${environment.cpuModel}), ` +
      `load average at start ${environment.loadAverageAtStart.join(' ')}, at the end ${session.loadAverageAtEnd}`,
    `Extension: ${environment.zip.path} (sha256 ${environment.zip.sha256.slice(0, 12)}, ${environment.build})`,
    `2,000 hosts remembered before; flood page: 1,000 frames on distinct subdomains, 10,000 failing images`,
    '',
    `ordinary page before the flood, median (min-max) of ${session.beforeMs.length} loads: ${range(session.beforeMs)}`,
    `ordinary page after the flood,  median (min-max) of ${session.afterMs.length} loads: ${range(session.afterMs)}`,
    `after / before: ${(median(session.afterMs) / median(session.beforeMs)).toFixed(2)}x`,
    `flood page, until every frame was served and the page complete: ${(session.floodLoadMs / 1000).toFixed(1)} s`,
    `background round trips during the flood (one every ${PROBE_INTERVAL_MS} ms, ${probe.probes} answered): ` +
      `longest ${ms(probe.longestRoundTripMs)}, p99 ${ms(probe.p99RoundTripMs)}, median ${probe.medianRoundTripMs.toFixed(1)} ms; ` +
      `longest lateness of the probe page's own timer ${ms(probe.longestTimerLatenessMs)}`,
    `stored after: ${session.storedAfter.hosts} hosts, ${session.storedAfter.bytes} bytes`,
    `flood checks: ${session.check.summary}; session took ${session.seconds.toFixed(0)} s`,
  ].join('\n');
}

export function floodResultsDocument(session: FloodSessionResult): unknown {
  return {
    config: session.config,
    beforeMs: session.beforeMs,
    afterMs: session.afterMs,
    medianBeforeMs: median(session.beforeMs),
    medianAfterMs: median(session.afterMs),
    floodLoadMs: session.floodLoadMs,
    probeIntervalMs: PROBE_INTERVAL_MS,
    probe: session.probe,
    storedAfter: session.storedAfter,
    check: session.check,
    loadAverageAtEnd: session.loadAverageAtEnd,
    seconds: session.seconds,
  };
}
