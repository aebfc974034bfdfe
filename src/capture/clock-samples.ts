// The newest Date-header sample per host, kept in storage.session for the clock estimate.

import { addClockSample, clockSampleFromResponse } from '../core/clock/skew';
import type { ClockSample } from '../core/clock/skew';
import type { WriteBehindState } from '../storage/write-behind';
import { capText, MAX_HOST_CHARS } from '../shared/text-bounds';

export const CLOCK_KEY = 'clock';
/**
 * The name a private window's responses are sampled under: their sites are never named in the
 * samples (which outlive the window, in memory), so together they count as one host. Private
 * browsing alone gives a weaker clock estimate, never a trace of where it went.
 */
export const PRIVATE_WINDOW_HOST = '(private window)';

/** The host a response's clock sample is kept under (null: no host to sample). */
export function clockHostOf(host: string | null, incognito: boolean): string | null {
  if (host === null) return null;
  return incognito ? PRIVATE_WINDOW_HOST : host;
}
export const MAX_CLOCK_HOSTS = 30;

export function storedClockSamples(value: unknown): ClockSample[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (s): s is ClockSample =>
      typeof s === 'object' &&
      s !== null &&
      typeof (s as ClockSample).host === 'string' &&
      typeof (s as ClockSample).serverTime === 'number' &&
      typeof (s as ClockSample).localTime === 'number',
  );
}

export function recordClockSample(state: WriteBehindState, response: Parameters<typeof clockSampleFromResponse>[0]): Promise<void> {
  // The host is a stranger's: as everywhere else, cut to a named length before it is stored.
  const sample = clockSampleFromResponse({ ...response, host: capText(response.host, MAX_HOST_CHARS) });
  if (!sample) return Promise.resolve();
  return state.update(CLOCK_KEY, (previous) => addClockSample(storedClockSamples(previous), sample, MAX_CLOCK_HOSTS));
}
