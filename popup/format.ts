// Numbers, dates and durations in the person's language, with the browser's Intl.

import { DAY_MS, HOUR_MS, MINUTE_MS } from '../src/core/time-units';

/** "3 days", "2 hours", "45 seconds" (in the locale), for a duration in ms (sign ignored). */
export function formatDuration(ms: number, locale: string): string {
  const abs = Math.abs(ms);
  const [unit, size] =
    abs >= 2 * DAY_MS
      ? (['day', DAY_MS] as const)
      : abs >= 2 * HOUR_MS
        ? (['hour', HOUR_MS] as const)
        : abs >= 2 * MINUTE_MS
          ? (['minute', MINUTE_MS] as const)
          : (['second', 1000] as const);
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 0 }).format(
    Math.round(abs / size),
  );
}

export function formatDate(ms: number, locale: string): string {
  if (!Number.isFinite(ms) || ms <= 0) return '-';
  return new Date(ms).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "in 67 days", "30 days ago" (in the locale), for a signed offset from now in ms. */
export function formatRelative(offsetMs: number, locale: string): string {
  // Intl throws on a non-finite number; a date that is not one (a corrupted record) is shown as '-'.
  if (!Number.isFinite(offsetMs)) return '-';
  const abs = Math.abs(offsetMs);
  const [unit, size] =
    abs >= 2 * DAY_MS ? (['day', DAY_MS] as const) : abs >= 2 * HOUR_MS ? (['hour', HOUR_MS] as const) : (['minute', MINUTE_MS] as const);
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(Math.round(offsetMs / size), unit);
}
