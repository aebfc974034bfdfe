import { parseHttpDate } from '../../src/core/clock/http-date';

const REFERENCE_2024 = Date.UTC(2024, 5, 1);
const RFC_EXAMPLE = Date.UTC(1994, 10, 6, 8, 49, 37);

describe('parseHttpDate', () => {
  test.each<[string, string, number]>([
    // The three examples of RFC 9110 5.6.7, one instant in three forms.
    ['IMF-fixdate', 'Sun, 06 Nov 1994 08:49:37 GMT', RFC_EXAMPLE],
    ['RFC 850', 'Sunday, 06-Nov-94 08:49:37 GMT', RFC_EXAMPLE],
    ['asctime', 'Sun Nov  6 08:49:37 1994', RFC_EXAMPLE],
    ['asctime, two-digit day', 'Wed Nov 16 08:49:37 1994', Date.UTC(1994, 10, 16, 8, 49, 37)],
    ['names in any case', 'sun, 06 NOV 1994 08:49:37 gmt', RFC_EXAMPLE],
    ['surrounding whitespace', '  Sun, 06 Nov 1994 08:49:37 GMT ', RFC_EXAMPLE],
    ['a wrong weekday does not make the time wrong', 'Fri, 06 Nov 1994 08:49:37 GMT', RFC_EXAMPLE],
    ['leap day', 'Thu, 29 Feb 2024 23:59:59 GMT', Date.UTC(2024, 1, 29, 23, 59, 59)],
    ['leap second rolls into the next minute', 'Sat, 31 Dec 2016 23:59:60 GMT', Date.UTC(2017, 0, 1, 0, 0, 0)],
    ['start of the epoch (a server whose clock was reset)', 'Thu, 01 Jan 1970 00:00:00 GMT', 0],
    // RFC 850 years: more than 50 years ahead of the reference means the previous century.
    ['RFC 850, year 30 from 2024 is 2030', 'Monday, 01-Jul-30 00:00:00 GMT', Date.UTC(2030, 6, 1)],
    ['RFC 850, year 74 from 2024 is 2074 (exactly 50 ahead)', 'Monday, 02-Jul-74 00:00:00 GMT', Date.UTC(2074, 6, 2)],
    ['RFC 850, year 75 from 2024 is 1975', 'Tuesday, 01-Jul-75 00:00:00 GMT', Date.UTC(1975, 6, 1)],
  ])('%s: %j', (_title, text, expected) => {
    expect(parseHttpDate(text, REFERENCE_2024)).toBe(expected);
  });

  test('a four-digit year below 100 stays that year (Date.UTC would make it 19xx)', () => {
    const time = parseHttpDate('Mon, 01 Jan 0050 00:00:00 GMT', REFERENCE_2024);
    expect(time).not.toBeNull();
    expect(new Date(time ?? 0).getUTCFullYear()).toBe(50);
  });

  test.each<[string, string]>([
    ['empty', ''],
    ['a word', 'now'],
    ['a bare year (Date.parse would accept it)', '2024'],
    ['a bare number', '1'],
    ['ISO 8601', '2024-01-01T00:00:00Z'],
    ['UTC instead of GMT', 'Sun, 06 Nov 1994 08:49:37 UTC'],
    ['numeric zone', 'Sun, 06 Nov 1994 08:49:37 +0000'],
    ['one-digit day in IMF-fixdate', 'Sun, 6 Nov 1994 08:49:37 GMT'],
    ['two-digit year in IMF-fixdate', 'Sun, 06 Nov 94 08:49:37 GMT'],
    ['unknown weekday', 'Xyz, 06 Nov 1994 08:49:37 GMT'],
    ['unknown month', 'Sun, 06 Foo 1994 08:49:37 GMT'],
    ['29 February of a common year', 'Wed, 29 Feb 2023 00:00:00 GMT'],
    ['31 April', 'Wed, 31 Apr 2024 00:00:00 GMT'],
    ['day 0', 'Wed, 00 Apr 2024 00:00:00 GMT'],
    ['hour 24', 'Wed, 03 Apr 2024 24:00:00 GMT'],
    ['minute 60', 'Wed, 03 Apr 2024 23:60:00 GMT'],
    ['second 61', 'Wed, 03 Apr 2024 23:59:61 GMT'],
    ['trailing text', 'Sun, 06 Nov 1994 08:49:37 GMT; x'],
    ['two dates joined', 'Sun, 06 Nov 1994 08:49:37 GMT, Sun, 06 Nov 1994 08:49:37 GMT'],
    ['very long', `Sun, 06 Nov 1994 08:49:37 GMT${' '.repeat(5000)}x`],
    ['control characters', 'Sun, 06 Nov 1994\n08:49:37 GMT'],
  ])('rejects %s', (_title, text) => {
    expect(parseHttpDate(text, REFERENCE_2024)).toBeNull();
  });
});
