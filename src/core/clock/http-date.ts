// A strict parser for HTTP-date (RFC 9110 5.6.7), the format of the Date header. Not
// Date.parse: that accepts almost anything ("2024", "1") in engine-specific ways, and a header
// that is not a date must give no sample rather than a wrong one.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY = '(?:mon|tue|wed|thu|fri|sat|sun)';
const LONG_DAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const MONTH = '(?<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)';
const TIME = '(?<hour>\\d{2}):(?<minute>\\d{2}):(?<second>\\d{2})';

/**
 * The three forms recipients must accept. Day and month names are matched without regard to
 * case (RFC 9110 says they are case-sensitive; accepting "NOV" costs nothing).
 */
const FORMATS: readonly RegExp[] = [
  // IMF-fixdate, what every current server sends: "Sun, 06 Nov 1994 08:49:37 GMT"
  new RegExp(`^${DAY}, (?<day>\\d{2}) ${MONTH} (?<year>\\d{4}) ${TIME} GMT$`, 'i'),
  // obsolete RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT"
  new RegExp(`^${LONG_DAY}, (?<day>\\d{2})-${MONTH}-(?<year>\\d{2}) ${TIME} GMT$`, 'i'),
  // obsolete asctime: "Sun Nov  6 08:49:37 1994" (a one-digit day is padded with a space)
  new RegExp(`^${DAY} ${MONTH} (?<day> \\d|\\d{2}) ${TIME} (?<year>\\d{4})$`, 'i'),
];

/** Longer than any HTTP-date (29 characters, 30 with a long day name); guards the regexes. */
const MAX_LENGTH = 40;

/**
 * Milliseconds since the epoch, or null if `value` is not an HTTP-date of a real calendar
 * day and time. `referenceMs` resolves RFC 850's two-digit years: RFC 9110 says a year that
 * looks more than 50 years in the future is the most recent past year with those digits.
 * The weekday is checked for form only: a wrong weekday does not make the time wrong.
 */
export function parseHttpDate(value: string, referenceMs: number): number | null {
  const text = value.trim();
  if (text.length > MAX_LENGTH) return null;
  for (const pattern of FORMATS) {
    const groups = pattern.exec(text)?.groups;
    if (!groups) continue;
    const yearText = groups['year'] ?? '';
    return calendarTime({
      year: yearText.length === 2 ? fullYear(Number(yearText), referenceMs) : Number(yearText),
      month: MONTHS.indexOf((groups['month'] ?? '').toLowerCase()),
      day: Number(groups['day']),
      hour: Number(groups['hour']),
      minute: Number(groups['minute']),
      second: Number(groups['second']),
    });
  }
  return null;
}

function fullYear(twoDigits: number, referenceMs: number): number {
  const referenceYear = Number.isFinite(referenceMs) ? new Date(referenceMs).getUTCFullYear() : 2000;
  let year = Math.floor(referenceYear / 100) * 100 + twoDigits;
  if (year > referenceYear + 50) year -= 100;
  return year;
}

interface CalendarFields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** UTC time of a date that exists (no 31 February), or null. Second 60 (a leap second) is allowed. */
function calendarTime(f: CalendarFields): number | null {
  if (f.month < 0 || f.day < 1 || f.hour > 23 || f.minute > 59 || f.second > 60) return null;
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
  date.setUTCFullYear(f.year, f.month, f.day);
  // Rolled over (31 February became 3 March): not a real date.
  if (date.getUTCMonth() !== f.month || date.getUTCDate() !== f.day) return null;
  date.setUTCHours(f.hour, f.minute, f.second, 0);
  return date.getTime();
}
