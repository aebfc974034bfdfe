// How far this computer's clock is off, estimated from the Date headers of responses the
// browser receives anyway: no extra requests. A wrong clock is a classic cause of "expired" and
// "not yet valid" errors, and the one cause a web page cannot reveal to an extension.
//
// Each sample compares the server's Date (when it generated the response) with the local time
// at which Firefox received the headers. The difference also contains the network delay from
// server to browser (tens to hundreds of ms), far below what matters here: certificate errors
// need a clock off by minutes to days.

import { parseHttpDate } from './http-date';

export interface ClockSample {
  readonly host: string;
  /** The server's idea of the time when it answered, ms since the epoch. */
  readonly serverTime: number;
  /** This computer's time when the response headers arrived, ms since the epoch. */
  readonly localTime: number;
}

export interface ResponseForClock {
  readonly host: string;
  readonly localTime: number;
  readonly fromCache: boolean;
  readonly headers: readonly { readonly name: string; readonly value?: string }[];
}

/**
 * HTTP-date has 1 s resolution and servers truncate (RFC 9110 5.6.7), so the true time lies
 * somewhere in [Date, Date + 1 s): Date + 0.5 s is the unbiased estimate.
 */
export const DATE_TRUNCATION_MS = 500;

/**
 * Largest Age accepted (a day). Age counts how long a shared cache has held the response
 * (RFC 9111 5.1); beyond a day the sum of both clocks' errors and many cache hops makes
 * Date + Age too loose to judge this computer's clock by.
 */
export const MAX_AGE_SECONDS = 24 * 60 * 60;

/**
 * A sample from one response, or null when the response says nothing reliable about the time:
 * - served from Firefox's cache (`fromCache`): its Date is from the first fetch, maybe days ago;
 * - no Date header, a Date that is not an HTTP-date, or several different Date headers;
 * - an Age header that is not one non-negative integer of at most MAX_AGE_SECONDS.
 * A valid Age is added to Date: a shared cache (CDN, proxy) passes on the origin's Date, and
 * Age says how long ago that was. A 304 Not Modified is a fresh response with a fresh Date
 * (RFC 9110 15.4.5 requires Date to be sent as in a 200), so it is used like any other.
 * Header names are matched without regard to case.
 */
export function clockSampleFromResponse(input: ResponseForClock): ClockSample | null {
  if (input.fromCache || !Number.isFinite(input.localTime)) return null;
  const dates = headerValues(input.headers, 'date');
  const [date] = dates;
  if (date === undefined || dates.some((other) => other !== date)) return null;
  const serverDate = parseHttpDate(date, input.localTime);
  if (serverDate === null) return null;
  const age = ageSeconds(headerValues(input.headers, 'age'));
  if (age === null) return null;
  return {
    host: input.host.toLowerCase(),
    serverTime: serverDate + age * 1000 + DATE_TRUNCATION_MS,
    localTime: input.localTime,
  };
}

function headerValues(headers: ResponseForClock['headers'], name: string): string[] {
  return headers.filter((h) => h.name.toLowerCase() === name && h.value !== undefined).map((h) => h.value ?? '');
}

/** 0 without an Age header; null when Age is present but unusable. */
function ageSeconds(values: readonly string[]): number | null {
  if (values.length === 0) return 0;
  if (values.length > 1) return null;
  const text = (values[0] ?? '').trim();
  if (!/^\d{1,10}$/.test(text)) return null;
  const seconds = Number(text);
  return seconds <= MAX_AGE_SECONDS ? seconds : null;
}

export interface SkewEstimate {
  /** localTime - serverTime: positive when this computer's clock is ahead. */
  readonly skewMs: number;
  /** Distinct hosts that agree (used for the estimate). */
  readonly hosts: number;
  /** max - min offset among the hosts used. */
  readonly spreadMs: number;
  /** Hosts dropped because their clock disagrees with the rest. */
  readonly outliers: number;
  /** 'high': at least 3 agreeing hosts within 10 s of each other. */
  readonly confidence: 'low' | 'high';
}

/** Offsets within this distance of the median always count as agreeing. */
export const AGREEMENT_MS = 30_000;
/** Hosts needed, and their largest spread, for a 'high' confidence estimate. */
export const HIGH_CONFIDENCE_HOSTS = 3;
export const HIGH_CONFIDENCE_SPREAD_MS = 10_000;

/**
 * Robust estimate over many servers, because some servers' own clocks are wrong:
 * 1. one sample per host, its newest (a host does not outvote others by being visited often);
 * 2. the median of the per-host offsets;
 * 3. hosts further than max(30 s, 3 * MAD) from it are outliers (MAD: the median absolute
 *    deviation; the 30 s floor keeps ordinary server drift and network delay in);
 * 4. the estimate is the median of the hosts left.
 * Null when fewer than 2 hosts are left, or when those left do not agree: their offsets span
 * more than 2 * 30 s. That covers two hosts that contradict each other: with no third to
 * break the tie either clock may be the wrong one, and their midpoint would be an invented
 * number; no estimate is better than a confident-looking wrong one.
 */
export function estimateSkew(samples: readonly ClockSample[]): SkewEstimate | null {
  const offsets = [...newestPerHost(samples).values()].map((s) => s.localTime - s.serverTime);
  if (offsets.length < 2) return null;
  const center = median(offsets);
  const mad = median(offsets.map((o) => Math.abs(o - center)));
  const limit = Math.max(AGREEMENT_MS, 3 * mad);
  const used = offsets.filter((o) => Math.abs(o - center) <= limit);
  if (used.length < 2) return null;
  const spreadMs = Math.max(...used) - Math.min(...used);
  if (spreadMs > 2 * AGREEMENT_MS) return null;
  return {
    skewMs: median(used),
    hosts: used.length,
    spreadMs,
    outliers: offsets.length - used.length,
    confidence: used.length >= HIGH_CONFIDENCE_HOSTS && spreadMs <= HIGH_CONFIDENCE_SPREAD_MS ? 'high' : 'low',
  };
}

/**
 * Adds `sample`, keeping the newest sample per host and at most `limit` hosts (the hosts
 * whose newest sample is oldest are dropped). A new array, oldest sample first; `samples` is
 * not changed. Samples with non-finite times (corrupt storage) are dropped on the way.
 */
export function addClockSample(samples: readonly ClockSample[], sample: ClockSample, limit: number): ClockSample[] {
  const max = Number.isNaN(limit) ? 0 : Math.max(0, Math.floor(limit));
  const kept = [...newestPerHost([...samples, sample]).values()].sort((a, b) => a.localTime - b.localTime);
  return kept.slice(Math.max(0, kept.length - max));
}

/** Newest sample per host (by localTime; the later one in the list on a tie), ignoring corrupt ones. */
function newestPerHost(samples: readonly ClockSample[]): Map<string, ClockSample> {
  const byHost = new Map<string, ClockSample>();
  for (const s of samples) {
    if (!Number.isFinite(s.serverTime) || !Number.isFinite(s.localTime)) continue;
    const host = s.host.toLowerCase();
    const previous = byHost.get(host);
    if (!previous || s.localTime >= previous.localTime) byHost.set(host, s);
  }
  return byHost;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}
